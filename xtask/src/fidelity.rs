//! `cargo xtask fidelity [--compile] [FOLDER...]`: the corpus regression guard.
//!
//! For every line of `xtask/fidelity-floors.txt`
//! (`<corpus-folder> <spec path in the folder> structural=98.0 required=99.0 ...`)
//! it generates OpenAPI and Rust from `../shared/corpus/<folder>/docs` into
//! `target/fidelity/<folder>.{json,rs}`, scores the OpenAPI with
//! `../shared/tools/fidelity.py` against the spec, prints the summary and fails
//! when a dimension is below its floor. A line whose folder is several corpus
//! folders joined by `,` (`owner+py-sdk,owner+go-sdk`) merges their docs, one doc
//! set each, in that order (`modeldoc generate --merge`); its spec path is
//! relative to the first folder. With `--compile` it also puts the
//! generated Rust of every listed folder into a throwaway crate under
//! `target/corpus-check/` (`#![deny(warnings)]`, serde + serde_json) and runs
//! `cargo check` on it. Without `../shared/corpus` it skips with a message.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// The scorer, relative to the workspace root.
const SCORER: &str = "../shared/tools/fidelity.py";
/// The floors file, relative to the workspace root.
const FLOORS: &str = "xtask/fidelity-floors.txt";
/// Output directory for generated files and reports.
const OUT: &str = "target/fidelity";
/// The throwaway crate of `--compile`.
const CHECK_CRATE: &str = "target/corpus-check";

/// A scored dimension a floor can be set for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// Truth models matched by name.
    Models,
    /// Fields present with the right kind and required flag.
    Structural,
    /// Required flags.
    Required,
    /// Nullability.
    Nullable,
    /// Formats.
    Format,
    /// Descriptions.
    Description,
    /// Enum models with exactly the truth's value set.
    Enum,
}

impl Dimension {
    const ALL: [Dimension; 7] = [
        Dimension::Models,
        Dimension::Structural,
        Dimension::Required,
        Dimension::Nullable,
        Dimension::Format,
        Dimension::Description,
        Dimension::Enum,
    ];

    fn name(self) -> &'static str {
        match self {
            Dimension::Models => "models",
            Dimension::Structural => "structural",
            Dimension::Required => "required",
            Dimension::Nullable => "nullable",
            Dimension::Format => "format",
            Dimension::Description => "description",
            Dimension::Enum => "enum",
        }
    }

    fn parse(name: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.name() == name)
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One line of the floors file.
#[derive(Debug, Clone, PartialEq)]
pub struct Floors {
    /// The corpus folder (`owner+repo`), or several joined by `,` to merge their docs.
    pub folder: String,
    /// The truth spec, relative to the folder.
    pub spec: String,
    /// Minimum percentages.
    pub floors: Vec<(Dimension, f64)>,
}

impl Floors {
    /// The corpus folders of the line (one, or several to merge).
    pub fn folders(&self) -> Vec<&str> {
        self.folder.split(',').collect()
    }

    /// The name of the line's generated files (`a,b` → `a__b`).
    pub fn file_stem(&self) -> String {
        self.folder.replace(',', "__")
    }
}

/// Parses the floors file: one repo a line, `#` comments, blank lines ignored.
pub fn parse_floors(text: &str) -> Result<Vec<Floors>, String> {
    let names = Dimension::ALL.map(Dimension::name);
    let usage = "<corpus-folder> <spec> dimension=percent ...";
    let lines = xtask::parse_floor_lines(text, FLOORS, usage, &names)?;
    Ok(lines
        .into_iter()
        .map(|l| Floors {
            folder: l.words[0].clone(),
            spec: l.words[1].clone(),
            floors: l
                .floors
                .iter()
                .map(|&(i, v)| (Dimension::ALL[i], v))
                .collect(),
        })
        .collect())
}

/// Scores read from the scorer's output; `None` where it printed `n/a`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// The summary line as printed.
    pub summary: String,
    values: Vec<(Dimension, Option<f64>)>,
}

impl Scores {
    /// The score of one dimension, if the scorer measured it.
    pub fn get(&self, d: Dimension) -> Option<f64> {
        self.values
            .iter()
            .find(|(k, _)| *k == d)
            .and_then(|(_, v)| *v)
    }
}

/// Reads the scorer's stdout: the last line (`fidelity: models matched 1/2 (50.0%) · ...`)
/// and the `enums: N models · exact value sets a/b (p%)` line.
pub fn parse_scores(stdout: &str) -> Result<Scores, String> {
    let summary = stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("fidelity:"))
        .ok_or("the scorer printed no `fidelity:` summary line")?
        .trim()
        .to_string();
    let mut values = Vec::new();
    for part in summary.trim_start_matches("fidelity:").split('·') {
        let part = part.trim();
        let (key, rest) = if let Some(rest) = part.strip_prefix("models matched") {
            (Dimension::Models, rest)
        } else {
            let Some((key, rest)) = part.split_once(' ') else {
                continue;
            };
            match Dimension::parse(key) {
                Some(d) => (d, rest),
                None => continue,
            }
        };
        values.push((key, percent(rest)));
    }
    let enums = stdout
        .lines()
        .find(|l| l.starts_with("enums:"))
        .and_then(|l| l.split_once("exact value sets"))
        .and_then(|(_, rest)| percent(rest));
    values.push((Dimension::Enum, enums));
    Ok(Scores { summary, values })
}

/// The first `NN.N%` in `text` (`1/2 (50.0%)`, `99.2%`); `None` for `n/a`.
fn percent(text: &str) -> Option<f64> {
    let end = text.find('%')?;
    let start = text[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    text[start..end].parse().ok()
}

/// Floors not met: `(dimension, floor, achieved)`; unmeasured dimensions are reported as `None`.
pub fn below_floor(floors: &Floors, scores: &Scores) -> Vec<(Dimension, f64, Option<f64>)> {
    floors
        .floors
        .iter()
        .filter_map(|&(d, floor)| match scores.get(d) {
            Some(v) if v + 1e-9 >= floor => None,
            other => Some((d, floor, other)),
        })
        .collect()
}

/// Runs `cargo xtask fidelity`.
pub fn run(args: &[String]) -> ExitCode {
    let mut compile = false;
    let mut only = Vec::new();
    for a in args {
        match a.as_str() {
            "--compile" => compile = true,
            s if s.starts_with('-') => {
                eprintln!(
                    "xtask fidelity: unknown option `{s}` (expected --compile or corpus folders)"
                );
                return ExitCode::from(2);
            }
            s => only.push(s.to_string()),
        }
    }
    let corpus = xtask::corpus_dir(Path::new(""));
    if !corpus.is_dir() {
        println!(
            "xtask fidelity: skipped: {} is absent (the corpora are optional, not part of this repository)",
            corpus.display()
        );
        return ExitCode::SUCCESS;
    }
    let text = match std::fs::read_to_string(FLOORS) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("xtask fidelity: cannot read {FLOORS}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let lines = match parse_floors(&text) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("xtask fidelity: {e}");
            return ExitCode::FAILURE;
        }
    };
    let lines: Vec<Floors> = lines
        .into_iter()
        .filter(|l| only.is_empty() || only.contains(&l.folder))
        .collect();
    if let Some(missing) = only.iter().find(|o| !lines.iter().any(|l| &l.folder == *o)) {
        eprintln!("xtask fidelity: `{missing}` has no line in {FLOORS}");
        return ExitCode::from(2);
    }
    if let Err(e) = std::fs::create_dir_all(OUT) {
        eprintln!("xtask fidelity: cannot create {OUT}: {e}");
        return ExitCode::FAILURE;
    }
    let mut failed = false;
    let mut rust_files = Vec::new();
    for line in &lines {
        match check_repo(line) {
            Ok(rs) => rust_files.push((line.folder.clone(), rs)),
            Err(e) => {
                eprintln!("FAIL {}: {e}", line.folder);
                failed = true;
            }
        }
    }
    if compile && !rust_files.is_empty() {
        if let Err(e) = compile_check(&rust_files) {
            eprintln!("FAIL corpus compile check: {e}");
            failed = true;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Generates, scores and checks one repo; returns the generated Rust file.
fn check_repo(line: &Floors) -> Result<PathBuf, String> {
    let corpus = xtask::corpus_dir(Path::new(""));
    let folders = line.folders();
    let spec = corpus.join(folders[0]).join(&line.spec);
    let mut config = modeldoc::Config::new();
    for folder in &folders {
        let docs = corpus.join(folder).join("docs");
        if !docs.is_dir() {
            return Err(format!("{} is missing", docs.display()));
        }
        config.doc_set([docs]);
    }
    if !spec.is_file() {
        return Err(format!("{} is missing", spec.display()));
    }
    let json = Path::new(OUT).join(format!("{}.json", line.file_stem()));
    let rs = Path::new(OUT).join(format!("{}.rs", line.file_stem()));
    let started = Instant::now();
    config.openapi(&json).rust_file(&rs);
    let report = config.generate().map_err(|e| e.to_string())?;
    println!(
        "== {}: {} docs, {} models, {} warning(s), generated in {:.2?}",
        line.folder,
        report.loaded.files.len(),
        report.loaded.schema.models.len(),
        report.loaded.diagnostics.warning_count(),
        started.elapsed()
    );
    let output = Command::new("python3")
        .arg(SCORER)
        .arg("--truth")
        .arg(&spec)
        .arg("--ours")
        .arg(&json)
        .output()
        .map_err(|e| format!("cannot run python3 {SCORER}: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "{SCORER} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let scores = parse_scores(&stdout)?;
    println!("{}", scores.summary);
    if let Some(e) = scores.get(Dimension::Enum) {
        println!("enum value sets {e:.1}%");
    }
    let below = below_floor(line, &scores);
    if below.is_empty() {
        return Ok(rs);
    }
    let msgs: Vec<String> = below
        .iter()
        .map(|(d, floor, got)| match got {
            Some(v) => format!("{d} {v:.1}% < floor {floor:.1}%"),
            None => format!("{d} not measured (floor {floor:.1}%)"),
        })
        .collect();
    Err(msgs.join(", "))
}

/// Puts every generated Rust file into a throwaway crate and runs `cargo check` on it.
fn compile_check(files: &[(String, PathBuf)]) -> Result<(), String> {
    let root = Path::new(CHECK_CRATE);
    let src = root.join("src");
    std::fs::create_dir_all(&src).map_err(|e| format!("cannot create {}: {e}", src.display()))?;
    let manifest = "[package]\nname = \"corpus-check\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
        [dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n\n\
        # Not part of the modeldoc workspace.\n[workspace]\n";
    write(&root.join("Cargo.toml"), manifest)?;
    // Same dependency versions as the workspace, so no index update is needed.
    if Path::new("Cargo.lock").is_file() {
        std::fs::copy("Cargo.lock", root.join("Cargo.lock"))
            .map_err(|e| format!("cannot copy Cargo.lock: {e}"))?;
    }
    let mut lib = String::from(
        "//! Generated Rust of every corpus in xtask/fidelity-floors.txt; must build warning-free.\n\
         #![deny(warnings)]\n",
    );
    for (folder, rs) in files {
        let module = module_name(folder);
        let code = std::fs::read_to_string(rs)
            .map_err(|e| format!("cannot read {}: {e}", rs.display()))?;
        write(&src.join(format!("{module}.rs")), &code)?;
        lib.push_str(&format!("pub mod {module};\n"));
    }
    write(&src.join("lib.rs"), &lib)?;
    println!(
        "== cargo check of the generated Rust ({} corpora) in {CHECK_CRATE}",
        files.len()
    );
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["check", "--quiet", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env_remove("RUSTFLAGS")
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        println!("generated Rust of every corpus compiles without warnings");
        Ok(())
    } else {
        Err(format!("cargo check failed ({status})"))
    }
}

/// `BoltApp+Bolt-Python-SDK` → `boltapp_bolt_python_sdk`.
fn module_name(folder: &str) -> String {
    let mut out = xtask::slug(folder, '_');
    if out.starts_with(|c: char| c.is_ascii_digit()) || out.is_empty() {
        out.insert(0, 'c');
    }
    out
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STDOUT: &str = "truth: x\nenums: 42 models · exact value sets 41/42 (97.6%) · mean value Jaccard 0.976\n\
        fidelity: models matched 192/580 (33.1%) · fields 1026 · structural 99.2% · required 99.8% · nullable 99.7% · format n/a · description 98.9%\n";

    #[test]
    fn reads_the_summary_and_enum_lines() {
        let s = parse_scores(STDOUT).unwrap();
        assert_eq!(s.get(Dimension::Models), Some(33.1));
        assert_eq!(s.get(Dimension::Structural), Some(99.2));
        assert_eq!(s.get(Dimension::Description), Some(98.9));
        assert_eq!(s.get(Dimension::Format), None);
        assert_eq!(s.get(Dimension::Enum), Some(97.6));
        assert!(s.summary.starts_with("fidelity: models matched"));
        assert!(parse_scores("no summary\n").is_err());
        assert_eq!(percent("·99.5%"), Some(99.5));
        assert_eq!(percent("n/a"), None);
    }

    #[test]
    fn reads_floor_lines() {
        let f = parse_floors(
            "# comment\n\nowner+repo spec/a.yaml structural=98.0 enum=99 # trailing\n",
        )
        .unwrap();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].folder, "owner+repo");
        assert_eq!(f[0].spec, "spec/a.yaml");
        assert_eq!(
            f[0].floors,
            vec![(Dimension::Structural, 98.0), (Dimension::Enum, 99.0)]
        );
        assert!(parse_floors("a b bogus=1\n").is_err());
        assert!(parse_floors("a b structural=x\n").is_err());
        assert!(parse_floors("a\n").is_err());
        let merged = parse_floors("o+py,o+go spec/a.yaml format=99\n").unwrap();
        assert_eq!(merged[0].folders(), ["o+py", "o+go"]);
        assert_eq!(merged[0].file_stem(), "o+py__o+go");
        assert_eq!(f[0].folders(), ["owner+repo"]);
    }

    #[test]
    fn compares_against_floors() {
        let s = parse_scores(STDOUT).unwrap();
        let floors = parse_floors("r s structural=99.2 enum=99.0 format=1.0\n").unwrap();
        let below = below_floor(&floors[0], &s);
        assert_eq!(
            below,
            vec![
                (Dimension::Enum, 99.0, Some(97.6)),
                (Dimension::Format, 1.0, None)
            ]
        );
    }

    #[test]
    fn module_names_are_identifiers() {
        assert_eq!(
            module_name("BoltApp+Bolt-Python-SDK"),
            "boltapp_bolt_python_sdk"
        );
        assert_eq!(module_name("9x"), "c9x");
    }
}
