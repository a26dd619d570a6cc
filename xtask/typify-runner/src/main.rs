//! `typify-runner OPENAPI.json OUT.rs`: typify's Rust for every schema of
//! `components.schemas`, the way progenitor feeds typify (`add_ref_types`, references
//! `#/components/schemas/X` resolve by their last segment). Exit 1 on an error, 101 when
//! typify panics (its message on stderr), so the bench can report it.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: typify-runner OPENAPI.json OUT.rs");
        return ExitCode::from(2);
    };
    match run(input, output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("typify-runner: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &str, output: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{input}: {e}"))?;
    let schemas = doc
        .pointer("/components/schemas")
        .and_then(|s| s.as_object())
        .ok_or_else(|| format!("{input}: no components.schemas"))?;
    let mut types = Vec::with_capacity(schemas.len());
    for (name, schema) in schemas {
        let schema: schemars::schema::Schema = serde_json::from_value(schema.clone())
            .map_err(|e| format!("{input}: schema {name}: {e}"))?;
        types.push((name.clone(), schema));
    }
    let mut space = typify::TypeSpace::new(&typify::TypeSpaceSettings::default());
    space
        .add_ref_types(types)
        .map_err(|e| format!("typify: {e}"))?;
    let file: syn::File =
        syn::parse2(space.to_stream()).map_err(|e| format!("typify output: {e}"))?;
    let code = format!(
        "// typify 0.8.0 output for {} schemas\n#![allow(warnings, clippy::all)]\n{}",
        schemas.len(),
        prettyplease::unparse(&file)
    );
    std::fs::write(output, code).map_err(|e| format!("{output}: {e}"))
}
