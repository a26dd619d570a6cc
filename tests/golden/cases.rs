//! The golden cases: a fixture doc set under `docs/` and the options it is
//! generated with. Shared by `build.rs` (which compiles every case's Rust) and
//! `tests/golden.rs` (which snapshots every case's outputs).

// Each includer reads only some of the fields.
#![allow(dead_code)]

use modeldoc::{Config, DateMapping, MapMapping, RenameWire};

/// How the Rust output is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One self-contained file.
    File,
    /// One file per model plus `mod.rs`.
    Modules,
}

/// Whether a case has OpenAPI and JSON Schema snapshots of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schemas {
    /// The case changes the wire format: its schemas are snapshotted.
    Own,
    /// The case changes only Rust types: its schemas must equal those of the named case.
    SameAs(&'static str),
}

/// One golden case.
pub struct Case {
    /// Snapshot prefix and Rust module name.
    pub name: &'static str,
    /// The doc set, a folder under `docs/`.
    pub docs: &'static str,
    /// The dialect every doc of the set must be detected as (dialect cases only).
    pub dialect: Option<&'static str>,
    /// Rust layout.
    pub layout: Layout,
    /// Schema snapshots.
    pub schemas: Schemas,
    /// The options of the case.
    pub configure: fn(&mut Config),
    /// Lints the case's compiled Rust must allow, each a known emitter bug
    /// (the golden crate denies every warning otherwise).
    pub known_warnings: &'static [&'static str],
}

const fn dialect(name: &'static str, docs: &'static str) -> Case {
    Case {
        name,
        docs,
        dialect: Some(docs),
        layout: Layout::File,
        schemas: Schemas::Own,
        configure: |_| {},
        known_warnings: &[],
    }
}

const fn option(name: &'static str, schemas: Schemas, configure: fn(&mut Config)) -> Case {
    Case {
        name,
        docs: "features",
        dialect: None,
        layout: Layout::File,
        schemas,
        configure,
        known_warnings: &[],
    }
}

/// schemars' `JsonSchema` derive names a deprecated model (`LegacyTag`) outside the
/// `#[allow(deprecated)]` of its struct: known bug, the derive output warns.
const SCHEMARS_DEPRECATED: &[&str] = &["deprecated"];

/// Rust-only options compare their schemas with the default output of `features`.
const RUST_ONLY: Schemas = Schemas::SameAs("features");

/// Every case: one per dialect (default options), then one per option on the
/// `features` doc set (Speakeasy Python, the dialect that shows the most).
pub const CASES: &[Case] = &[
    dialect("python", "python"),
    dialect("typescript", "typescript"),
    dialect("go", "go"),
    dialect("java", "java"),
    dialect("csharp", "csharp"),
    dialect("ruby", "ruby"),
    dialect("php", "php"),
    dialect("openapi_generator", "openapi-generator"),
    option("features", Schemas::Own, |_| {}),
    // Models named like std and serde items: those are written as full paths.
    Case {
        docs: "shadowed",
        ..option("shadowed_names", Schemas::Own, |_| {})
    },
    Case {
        layout: Layout::Modules,
        ..option("module_tree", RUST_ONLY, |c| {
            c.rust_header("Regenerate with `cargo test -p modeldoc-golden`.");
        })
    },
    option("dates_chrono", RUST_ONLY, |c| {
        c.dates(DateMapping::Chrono);
    }),
    option("dates_time", RUST_ONLY, |c| {
        c.dates(DateMapping::Time);
    }),
    Case {
        layout: Layout::Modules,
        known_warnings: SCHEMARS_DEPRECATED,
        ..option("dates_time_schemars_module_tree", RUST_ONLY, |c| {
            c.dates(DateMapping::Time).schemars(true);
        })
    },
    option("dates_jiff", RUST_ONLY, |c| {
        c.dates(DateMapping::Jiff);
    }),
    option("maps_hashmap", RUST_ONLY, |c| {
        c.maps(MapMapping::HashMap);
    }),
    option("maps_indexmap", RUST_ONLY, |c| {
        c.maps(MapMapping::IndexMap);
    }),
    option("derive_default_eq_hash", RUST_ONLY, |c| {
        c.derive_default_eq_hash(true);
    }),
    Case {
        known_warnings: SCHEMARS_DEPRECATED,
        ..option("schemars", RUST_ONLY, |c| {
            c.schemars(true);
        })
    },
    option("builders", RUST_ONLY, |c| {
        c.builders(true);
    }),
    option("deny_unknown_fields", Schemas::Own, |c| {
        c.deny_unknown_fields(true);
    }),
    // A module tree: open enums implement serde by hand, so their files import none.
    Case {
        layout: Layout::Modules,
        ..option("open_enums", Schemas::Own, |c| {
            c.open_enums(true);
        })
    },
    option("attributes", RUST_ONLY, |c| {
        c.type_attribute("Pet", "#[non_exhaustive]")
            .field_attribute("Pet.name", "#[serde(alias = \"title\")]")
            .field_attribute(".id", "#[doc(alias = \"identifier\")]");
    }),
    option("rename_wire_camel", Schemas::Own, |c| {
        c.rename_wire(RenameWire::Camel);
    }),
];
