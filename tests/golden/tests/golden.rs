//! Golden files: every case of `cases.rs` (a fixture doc set per dialect and per
//! option) rendered in memory and compared with its insta snapshots in
//! `tests/snapshots/`: the Rust, the OpenAPI document, the JSON Schema documents
//! and the diagnostics. Review changes with `cargo insta review`.
//!
//! `build.rs` compiles the same Rust, so a snapshot that is accepted also builds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use modeldoc::Config;

#[path = "../cases.rs"]
mod cases;

use cases::{Case, Layout, Schemas, CASES};

/// Everything one case produces, as snapshot texts.
struct Outputs {
    rust: String,
    openapi: String,
    json_schema: String,
    diagnostics: String,
}

/// Where the outputs of a case would go; nothing is written.
const RUST_FILE: &str = "out/models.rs";
const RUST_DIR: &str = "out/models";
const OPENAPI: &str = "out/openapi.json";
const JSON_SCHEMA: &str = "out/json-schema";

fn docs(case: &Case) -> PathBuf {
    Path::new("docs").join(case.docs)
}

fn render(case: &Case) -> Outputs {
    let mut config = Config::new();
    config
        .input(docs(case))
        .openapi(OPENAPI)
        .json_schema(JSON_SCHEMA);
    match case.layout {
        Layout::File => config.rust_file(RUST_FILE),
        Layout::Modules => config.rust_dir(RUST_DIR),
    };
    (case.configure)(&mut config);
    let loaded = config
        .load()
        .unwrap_or_else(|e| panic!("case `{}` does not load:\n{e}", case.name));
    let (files, _) = config
        .render(&loaded.schema)
        .unwrap_or_else(|e| panic!("case `{}` does not render:\n{e}", case.name));
    let files: BTreeMap<PathBuf, String> =
        files.into_iter().map(|f| (f.path, f.contents)).collect();
    let under = |dir: &str| -> String {
        files
            .iter()
            .filter_map(|(path, text)| {
                let name = path.strip_prefix(dir).ok()?;
                Some(format!("// ---- {} ----\n{text}", name.display()))
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let rust = match case.layout {
        Layout::File => files[Path::new(RUST_FILE)].clone(),
        Layout::Modules => under(RUST_DIR),
    };
    Outputs {
        rust,
        openapi: files[Path::new(OPENAPI)].clone(),
        json_schema: under(JSON_SCHEMA),
        diagnostics: loaded
            .diagnostics
            .0
            .iter()
            .map(|d| unix_paths(case, &format!("{d}\n")))
            .collect(),
    }
}

/// Diagnostics name their files as found (`docs\\python\\pet.md` on Windows):
/// spell the fixture folder with `/` so the snapshots are the same everywhere.
fn unix_paths(case: &Case, text: &str) -> String {
    let sep = std::path::MAIN_SEPARATOR;
    let native = format!("docs{sep}{}{sep}", case.docs);
    text.replace(&native, &format!("docs/{}/", case.docs))
}

fn assert_case(case: &Case) {
    let outputs = render(case);
    let name = case.name;
    insta::assert_snapshot!(format!("{name}_rust"), outputs.rust);
    insta::assert_snapshot!(format!("{name}_diagnostics"), outputs.diagnostics);
    match case.schemas {
        Schemas::Own => {
            insta::assert_snapshot!(format!("{name}_openapi"), outputs.openapi);
            insta::assert_snapshot!(format!("{name}_json_schema"), outputs.json_schema);
        }
        Schemas::SameAs(other) => {
            let other = CASES.iter().find(|c| c.name == other).expect("a case");
            let expected = render(other);
            assert!(
                outputs.openapi == expected.openapi,
                "case `{name}` changes the OpenAPI document; give it `Schemas::Own`"
            );
            assert!(
                outputs.json_schema == expected.json_schema,
                "case `{name}` changes the JSON Schemas; give it `Schemas::Own`"
            );
        }
    }
}

/// Docs of a dialect set that detection takes for another dialect today (set,
/// file, detected as). Each is a known detection gap: fix detection, then remove it here.
const KNOWN_MISDETECTIONS: &[(&str, &str, &str)] = &[
    // A TypeScript doc whose only types are `*string*` and `*boolean*`: `*boolean*`
    // is no TypeScript marker, and `*string* ` is weak Go evidence.
    ("typescript", "email.md", "go"),
];

/// Every doc of a dialect set is detected as that dialect, so the set's
/// snapshots show that dialect's parser (and its limitation warnings).
fn assert_dialect(case: &Case) {
    let Some(expected) = case.dialect else {
        return;
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(docs(case))
        .expect("fixture folder")
        .map(|e| e.expect("dir entry").path())
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("utf-8 fixture"))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let detected = modeldoc::__private::parse::detect_doc_set(&refs);
    for (path, dialect) in paths.iter().zip(detected) {
        let file = path.file_name().unwrap().to_string_lossy();
        let known = KNOWN_MISDETECTIONS
            .iter()
            .find(|(set, f, _)| *set == case.docs && *f == file)
            .map(|(_, _, as_)| *as_);
        match known {
            Some(as_) => assert_eq!(
                dialect.name(),
                as_,
                "{}: the known misdetection changed; update KNOWN_MISDETECTIONS",
                path.display()
            ),
            None => assert_eq!(dialect.name(), expected, "{}", path.display()),
        }
    }
}

macro_rules! golden {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let case = CASES
                    .iter()
                    .find(|c| c.name == stringify!($name))
                    .expect("a case of that name in cases.rs");
                assert_dialect(case);
                assert_case(case);
            }
        )*

        /// Every case in `cases.rs` has a test here (and so, snapshots).
        #[test]
        fn every_case_has_a_test() {
            let tested = [$(stringify!($name)),*];
            for case in CASES {
                assert!(tested.contains(&case.name), "add `{}` to golden!", case.name);
            }
        }
    };
}

golden!(
    python,
    typescript,
    go,
    java,
    csharp,
    ruby,
    php,
    openapi_generator,
    features,
    shadowed_names,
    module_tree,
    dates_chrono,
    dates_time,
    dates_time_schemars_module_tree,
    dates_jiff,
    maps_hashmap,
    maps_indexmap,
    derive_default_eq_hash,
    schemars,
    builders,
    deny_unknown_fields,
    open_enums,
    attributes,
    rename_wire_camel,
);
