//! A deprecated enum model must not make the generated code warn: the impls
//! that name it allow `deprecated`.

use modeldoc::__private::emit::rust::{emit_file, RustOptions};
use modeldoc::__private::source::SourceFile;
use modeldoc::ir::{Enum, EnumValue, Model, ModelKind, Schema};

#[test]
fn deprecated_enum_impls_allow_deprecated() {
    let span = SourceFile::new("status.md", "# Status").span(0);
    let schema = Schema {
        models: vec![Model {
            name: "AtsListJobsStatus".into(),
            description: None,
            deprecated: true,
            kind: ModelKind::Enum(Enum {
                values: vec![EnumValue {
                    name: None,
                    value: "open".into(),
                }],
                open: false,
                value_type_unstated: false,
            }),
            span,
            provenance: None,
        }],
    };
    let code = emit_file(&schema, &RustOptions::default());
    assert!(code.contains("string_enum!"), "{code}");
    // Every impl of the output names the deprecated enum (directly or through the
    // `string_enum!` table), so every impl allows `deprecated`.
    let words: Vec<&str> = code.split_whitespace().collect();
    let impls: Vec<usize> = (0..words.len()).filter(|&i| words[i] == "impl").collect();
    assert!(impls.len() >= 4, "{code}");
    for at in impls {
        assert_eq!(
            words[..at].last(),
            Some(&"#[allow(deprecated)]"),
            "an impl is not preceded by #[allow(deprecated)]:\n{code}"
        );
    }
}
