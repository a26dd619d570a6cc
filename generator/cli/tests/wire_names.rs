//! `--rename-wire`, `--wire-name` and `modeldoc.toml`'s `[wire_names]` reach the
//! library's wire-name settings.

#[path = "../../tests/support/mod.rs"]
mod support;

use modeldoc::ir::{ModelKind, Schema};

use support::wire_name_go_docs as go_docs;

fn names(schema: &Schema, model: &str) -> Vec<String> {
    match &schema.model(model).expect("model").kind {
        ModelKind::Object(o) => o.fields.iter().map(|f| f.wire_name.clone()).collect(),
        _ => panic!("{model} is not an object"),
    }
}

/// The CLI flags and `modeldoc.toml` reach the same settings.
#[test]
fn cli_flags_and_config_file_settle_names() {
    let files = go_docs();
    let mut refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let toml =
        "inputs = [\".\"]\nrename_wire = \"snake\"\n[wire_names]\n\"SearchMeta.ID\" = \"_id\"\n";
    refs.push(("modeldoc.toml", toml));
    let dir = support::doc_set("wire-cli", &refs);
    let ir = |args: &[&str]| -> Schema {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_modeldoc"))
            .arg("ir")
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("IR JSON")
    };
    let from_file = ir(&[]);
    assert_eq!(
        names(&from_file, "SearchMeta"),
        ["request_id", "create_time", "owner_user_id", "_id"]
    );
    let flags = ir(&[
        "--rename-wire",
        "infer",
        "--wire-name",
        "SearchMeta.CreateTime=created",
    ]);
    assert_eq!(
        names(&flags, "SearchMeta"),
        ["requestID", "created", "ownerUserId", "_id"]
    );
}
