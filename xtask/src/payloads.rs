//! `cargo xtask payloads [--bin PATH] [FOLDER...]`: do the generated types read the real payloads?
//!
//! For every line of `xtask/payloads-floors.txt` (`<corpus-folder> schema=99 rust=99 faithful=97`,
//! and one `pooled ...` line) it runs `../shared/tools/payloads/run.py` on
//! `../shared/corpus/<folder>` with the release `modeldoc` binary (built first unless `--bin`
//! names one), writes each report to `target/payloads/<folder>.json`, pools them with
//! `../shared/tools/payloads/pool.py` and fails when a repo or the pooled figure is below its
//! floor. The harness crates are built in `target/payloads/cache/target`, shared by every repo.
//! Without `../shared/corpus`, or without Python's `yaml` and `jsonschema`, it skips with a
//! message.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The payload checker, relative to the workspace root.
const RUN: &str = "../shared/tools/payloads/run.py";
/// Pools several reports.
const POOL: &str = "../shared/tools/payloads/pool.py";
/// The floors file, relative to the workspace root.
const FLOORS: &str = "xtask/payloads-floors.txt";
/// Reports and the harness cache.
const OUT: &str = "target/payloads";

/// A measured percentage a floor can be set for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// The generated JSON Schema accepts the example.
    Schema,
    /// The generated Rust type deserializes the example.
    Rust,
    /// Accepted, written back equal, and no declared key dropped.
    Faithful,
}

impl Measure {
    const ALL: [Measure; 3] = [Measure::Schema, Measure::Rust, Measure::Faithful];

    fn name(self) -> &'static str {
        match self {
            Measure::Schema => "schema",
            Measure::Rust => "rust",
            Measure::Faithful => "faithful",
        }
    }

    /// The counter of run.py's summary this measure divides by `checked`.
    fn counter(self) -> &'static str {
        match self {
            Measure::Schema => "schema_accepts",
            Measure::Rust => "rust_accepts",
            Measure::Faithful => "faithful",
        }
    }
}

/// One line of the floors file: a corpus folder (or `pooled`) and its minimum percentages.
#[derive(Debug, Clone, PartialEq)]
pub struct Floors {
    /// `owner+repo`, or `pooled` for the figure over every listed repo.
    pub folder: String,
    /// Minimum percentages.
    pub floors: Vec<(Measure, f64)>,
}

/// Parses the floors file: one folder a line, `#` comments, blank lines ignored.
pub fn parse_floors(text: &str) -> Result<Vec<Floors>, String> {
    let names = Measure::ALL.map(Measure::name);
    let lines = xtask::parse_floor_lines(text, FLOORS, "<folder> measure=percent ...", &names)?;
    Ok(lines
        .into_iter()
        .map(|l| Floors {
            folder: l.words[0].clone(),
            floors: l
                .floors
                .iter()
                .map(|&(i, v)| (Measure::ALL[i], v))
                .collect(),
        })
        .collect())
}

/// Counters of one run.py report (or of several, summed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// Truth-valid examples that have a model.
    pub checked: u64,
    /// `(measure, count)` in [`Measure::ALL`] order.
    pub hits: [u64; 3],
    /// Whether the generated Rust failed to build.
    pub build_failed: bool,
}

impl Counts {
    /// Reads the `summary` of a run.py `--json` report.
    pub fn from_report(report: &serde_json::Value) -> Result<Counts, String> {
        let s = report.get("summary").ok_or("the report has no `summary`")?;
        let get = |k: &str| s.get(k).and_then(serde_json::Value::as_u64).unwrap_or(0);
        let mut hits = [0; 3];
        for (h, m) in hits.iter_mut().zip(Measure::ALL) {
            *h = get(m.counter());
        }
        Ok(Counts {
            checked: get("checked"),
            hits,
            build_failed: s.get("rust_build_error").is_some_and(|e| !e.is_null()),
        })
    }

    /// Adds another repo's counters.
    pub fn add(&mut self, other: &Counts) {
        self.checked += other.checked;
        for (a, b) in self.hits.iter_mut().zip(other.hits) {
            *a += b;
        }
        self.build_failed |= other.build_failed;
    }

    /// The percentage of `measure`, `None` without examples.
    pub fn percent(&self, measure: Measure) -> Option<f64> {
        let i = Measure::ALL.iter().position(|m| *m == measure)?;
        (self.checked > 0).then(|| 100.0 * self.hits[i] as f64 / self.checked as f64)
    }

    /// Floors this run is below: `(measure, floor, achieved)`.
    pub fn below(&self, floors: &Floors) -> Vec<(Measure, f64, f64)> {
        floors
            .floors
            .iter()
            .filter_map(|&(m, floor)| {
                let got = self.percent(m).unwrap_or(0.0);
                (got + 1e-9 < floor).then_some((m, floor, got))
            })
            .collect()
    }
}

/// Entry point of `cargo xtask payloads`.
pub fn run(args: &[String]) -> ExitCode {
    let mut bin = None;
    let mut only = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--bin" => match it.next() {
                Some(b) => bin = Some(PathBuf::from(b)),
                None => {
                    eprintln!("xtask payloads: --bin needs a path");
                    return ExitCode::from(2);
                }
            },
            s if s.starts_with("--") => {
                eprintln!("usage: cargo xtask payloads [--bin PATH] [FOLDER...]");
                return ExitCode::from(2);
            }
            s => only.push(s.to_string()),
        }
    }
    let corpus = xtask::corpus_dir(Path::new(""));
    if !corpus.is_dir() {
        println!(
            "xtask payloads: skipped: {} is absent (the corpora are not part of this repository)",
            corpus.display()
        );
        return ExitCode::SUCCESS;
    }
    let deps = Command::new("python3")
        .args(["-c", "import yaml, jsonschema"])
        .output();
    if !deps.is_ok_and(|o| o.status.success()) {
        println!("xtask payloads: skipped: python3 with PyYAML and jsonschema is needed (pip install PyYAML jsonschema)");
        return ExitCode::SUCCESS;
    }
    let text = match std::fs::read_to_string(FLOORS) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("xtask payloads: {FLOORS}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let lines = match parse_floors(&text) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("xtask payloads: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bin = match bin {
        Some(b) => b,
        None => {
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let status = Command::new(cargo)
                .args(["build", "--release", "--quiet", "-p", "modeldoc-cli"])
                .status();
            if !status.is_ok_and(|s| s.success()) {
                eprintln!("xtask payloads: building the release modeldoc failed");
                return ExitCode::FAILURE;
            }
            PathBuf::from("target/release/modeldoc")
        }
    };
    let mut failures = Vec::new();
    let mut pooled = Counts::default();
    let mut reports = Vec::new();
    for line in lines.iter().filter(|l| l.folder != "pooled") {
        if !only.is_empty() && !only.contains(&line.folder) {
            continue;
        }
        match check_repo(&line.folder, &bin) {
            Ok((counts, report)) => {
                pooled.add(&counts);
                reports.push(report);
                for (m, floor, got) in counts.below(line) {
                    failures.push(format!(
                        "{}: {} {got:.1}% < floor {floor}%",
                        line.folder,
                        m.name()
                    ));
                }
                if counts.build_failed {
                    failures.push(format!("{}: the generated Rust did not build", line.folder));
                }
            }
            Err(e) => failures.push(format!("{}: {e}", line.folder)),
        }
    }
    if !reports.is_empty() {
        let _ = Command::new("python3").arg(POOL).args(&reports).status();
    }
    if only.is_empty() {
        if let Some(p) = lines.iter().find(|l| l.folder == "pooled") {
            for (m, floor, got) in pooled.below(p) {
                failures.push(format!("pooled: {} {got:.1}% < floor {floor}%", m.name()));
            }
        }
    }
    if failures.is_empty() {
        println!("xtask payloads: every floor of {FLOORS} is met");
        ExitCode::SUCCESS
    } else {
        for f in &failures {
            eprintln!("xtask payloads: below floor: {f}");
        }
        ExitCode::FAILURE
    }
}

/// Runs run.py on one corpus folder; returns its counters and report path.
fn check_repo(folder: &str, bin: &Path) -> Result<(Counts, PathBuf), String> {
    let repo = xtask::corpus_dir(Path::new("")).join(folder);
    if !repo.is_dir() {
        return Err(format!("{} is absent", repo.display()));
    }
    std::fs::create_dir_all(OUT).map_err(|e| format!("{OUT}: {e}"))?;
    let report = Path::new(OUT).join(format!("{folder}.json"));
    let cache = std::env::current_dir()
        .map_err(|e| e.to_string())?
        .join(OUT)
        .join("cache");
    let output = Command::new("python3")
        .arg(RUN)
        .arg(&repo)
        .arg("--bin")
        .arg(bin)
        .arg("--json")
        .arg(&report)
        .env("PAYLOADS_CACHE", &cache)
        .output()
        .map_err(|e| format!("python3 {RUN}: {e}"))?;
    print!("{}", String::from_utf8_lossy(&output.stdout));
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    if !output.status.success() {
        return Err(format!("{RUN} failed ({})", output.status));
    }
    let text =
        std::fs::read_to_string(&report).map_err(|e| format!("{}: {e}", report.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", report.display()))?;
    Ok((Counts::from_report(&value)?, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_floor_lines() {
        let floors = parse_floors("# c\nowner+repo schema=99 faithful=97.5\n\npooled rust=99\n")
            .expect("floors");
        assert_eq!(floors.len(), 2);
        assert_eq!(floors[0].folder, "owner+repo");
        assert_eq!(
            floors[0].floors,
            [(Measure::Schema, 99.0), (Measure::Faithful, 97.5)]
        );
        assert!(parse_floors("x speed=1").is_err());
        assert!(parse_floors("x rust=abc").is_err());
    }

    #[test]
    fn pools_reports_and_compares_with_floors() {
        let report = |checked: u64, ok: u64, faithful: u64| {
            json!({"summary": {"checked": checked, "schema_accepts": ok, "rust_accepts": ok,
                               "faithful": faithful, "rust_build_error": null}})
        };
        let mut total = Counts::from_report(&report(10, 10, 9)).expect("counts");
        total.add(&Counts::from_report(&report(10, 8, 5)).expect("counts"));
        assert_eq!(total.percent(Measure::Schema), Some(90.0));
        assert_eq!(total.percent(Measure::Faithful), Some(70.0));
        let floors = parse_floors("pooled schema=90 faithful=75").expect("floors");
        assert_eq!(total.below(&floors[0]), [(Measure::Faithful, 75.0, 70.0)]);
        assert_eq!(Counts::default().percent(Measure::Rust), None);
    }
}
