//! The dialect registry as the rest of the pipeline sees it: the load keeps
//! every document's dialect and the limitations it reported (flavour-specific
//! ones only for the flavour at hand), which `modeldoc-compare` takes its
//! losses from (`generator/compare/tests/cross_language.rs`).

use modeldoc::{Dialect, Loss};

const PROPS: &str =
    "## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";

fn dir_with(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in files {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    dir
}

fn load(dir: &tempfile::TempDir) -> modeldoc::Loaded {
    modeldoc::Config::new()
        .input(dir.path())
        .load()
        .expect("loads")
}

/// The warning texts of the limitations the load reported.
fn limitation_texts(loaded: &modeldoc::Loaded) -> Vec<&'static str> {
    loaded.limitations.iter().map(|(_, l)| l.text).collect()
}

#[test]
fn the_load_keeps_dialects_and_limitations() {
    let python = dir_with(&[(
        "pet.md",
        "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *int* | :heavy_check_mark: | N/A |\n".into(),
    )]);
    let loaded = load(&python);
    assert_eq!(loaded.dialects, [Some(Dialect::Python)]);
    assert_eq!(loaded.majority_dialect(), Some(Dialect::Python));
    assert_eq!(
        limitation_texts(&loaded).len(),
        Dialect::Python.limitations().len()
    );
    assert_eq!(loaded.losses(Dialect::Python), Dialect::Python.losses());
    assert!(loaded
        .losses(Dialect::Python)
        .contains(&Loss::NumericWidths));
}

#[test]
fn flavour_limitations_only_for_their_flavour() {
    let go_only = "Go docs carry no model descriptions (their `## Methods` section is getter/setter boilerplate)";
    let python = dir_with(&[(
        "Pet.md",
        format!("# Pet\n\n{PROPS}**id** | **int** |  | \n\n## Example\n\n```python\nfrom x import Pet\n```\n"),
    )]);
    let loaded = load(&python);
    assert_eq!(loaded.dialects, [Some(Dialect::OpenApiGenerator)]);
    let texts = limitation_texts(&loaded);
    assert!(!texts.contains(&go_only), "{texts:?}");
    assert!(texts.contains(&"python docs show no nullability marker"));
    assert!(!loaded
        .losses(Dialect::OpenApiGenerator)
        .contains(&Loss::ModelDescriptions));

    let go = dir_with(&[(
        "Pet.md",
        format!("# Pet\n\n{PROPS}**Id** | **int64** |  | \n\n## Methods\n\n### GetId\n"),
    )]);
    let loaded = load(&go);
    let texts = limitation_texts(&loaded);
    assert!(texts.contains(&go_only), "{texts:?}");
    assert!(!texts.contains(&"python docs show no nullability marker"));
    assert!(loaded
        .losses(Dialect::OpenApiGenerator)
        .contains(&Loss::ModelDescriptions));
    // The dialect itself names every loss any of its flavours may have.
    assert!(Dialect::OpenApiGenerator
        .losses()
        .contains(&Loss::ModelDescriptions));
}

#[test]
fn unreadable_files_have_no_dialect() {
    let dir = dir_with(&[
        ("a.md", "# A\n\n## Values\n\n- `\"x\"`\n".into()),
        ("b.md", String::new()),
    ]);
    std::fs::write(dir.path().join("c.md"), [0xff, 0xfe, 0x00]).unwrap();
    let loaded = modeldoc::Config::new()
        .input(dir.path())
        .load_partial()
        .expect("loads");
    assert_eq!(loaded.files.len(), 3);
    assert_eq!(loaded.dialects.len(), 3);
    assert!(loaded.dialects[0].is_some() && loaded.dialects[1].is_some());
    assert_eq!(loaded.dialects[2], None);
}
