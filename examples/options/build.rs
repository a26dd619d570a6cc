//! Generates `docs/` once per option set into `$OUT_DIR` (see `src/lib.rs`).

use std::path::PathBuf;

use modeldoc::{Config, DateMapping, MapMapping};

fn main() -> Result<(), modeldoc::Error> {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let base = || {
        let mut c = Config::new();
        c.input("docs").derive_default_eq_hash(true).builders(true);
        c
    };
    base()
        .dates(DateMapping::Chrono)
        .rust_file(out.join("chrono.rs"))
        .generate()?;
    base()
        .dates(DateMapping::Time)
        .schemars(true)
        .rust_file(out.join("time.rs"))
        .generate()?;
    base()
        .dates(DateMapping::Jiff)
        .rust_file(out.join("jiff.rs"))
        .generate()?;
    base()
        .maps(MapMapping::HashMap)
        .rust_file(out.join("hashmap.rs"))
        .generate()?;
    base()
        .maps(MapMapping::IndexMap)
        .rust_file(out.join("indexmap.rs"))
        .generate()?;
    // Everything else at once.
    base()
        .schemars(true)
        .deny_unknown_fields(true)
        .open_enums(true)
        .type_attribute("Tag", "#[non_exhaustive]")
        .field_attribute("Pet.name", "#[serde(alias = \"title\")]")
        .rust_file(out.join("full.rs"))
        .generate()?;
    Ok(())
}
