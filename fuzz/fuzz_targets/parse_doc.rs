//! One document of arbitrary bytes through decoding, markdown blocks, dialect
//! detection and every dialect's parser: diagnostics are fine, panics are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use modeldoc::Diagnostics;
use modeldoc::__private::parse::{self, Dialect};
use modeldoc::__private::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = SourceFile::from_bytes("fuzz.md".into(), data.to_vec()) else {
        return;
    };
    let _ = parse::detect(&source.text);
    for &dialect in Dialect::ALL {
        let mut diags = Diagnostics::default();
        let _ = parse::parse_document(&source, dialect, &mut diags);
        for d in diags.iter() {
            let _ = d.to_string();
        }
    }
});
