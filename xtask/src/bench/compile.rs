//! The compile-cost phase of `cargo xtask bench`: what it costs to compile the generated
//! Rust, against typify's output for the same models.
//!
//! For each doc set of [`SETS`] (present in the corpus and selected by `--only`):
//! 1. `modeldoc generate DOCS --rust src/models/ --openapi openapi.json` into a crate
//!    `target/compile-cost/<set>/modeldoc` (`#![deny(warnings)]`, serde + serde_json);
//! 2. typify 0.8.0 (`xtask/typify-runner`, pinned, built on first use) on that
//!    `openapi.json` into `target/compile-cost/<set>/typify`; a typify panic or error is
//!    reported in the table and that side is skipped;
//! 3. with `--compile-baseline CLI`, the same as 1. with another modeldoc CLI (e.g.
//!    built from `main`) into `target/compile-cost/<set>/baseline`: before and after
//!    in one run;
//! 4. one unmeasured `cargo check` and `cargo build` per crate, so the dependencies are
//!    built; then, per run, `touch src/lib.rs` + `cargo check` and `cargo build` of each
//!    crate, the sides in turn (each run starting with the next side), with
//!    `CARGO_INCREMENTAL=0`: every measured compile starts from nothing, as a clean build
//!    or a CI run does.
//!
//! Wall time around spawn → `wait4`; peak RSS and CPU from `wait4`'s rusage, which covers
//! cargo and every rustc it waited for. Ratios are medians of per-run wall-time ratios
//! (side / typify, side / baseline) of the same run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::{measure, median, Bins, Options, Sample};

/// Doc sets measured by the compile-cost phase.
pub const SETS: [&str; 2] = [
    "gleanwork+api-client-python",
    "StackOneHQ+stackone-client-csharp",
];

/// What is measured per side.
const STEPS: [&str; 2] = ["check", "build"];

/// One generated crate ready to be compiled, or why it is not.
struct Prepared {
    dir: PathBuf,
    lines: usize,
    bytes: u64,
}

/// One side of the comparison: its label, crate and `[step]` samples.
struct Side {
    label: String,
    crate_: Result<Prepared, String>,
    samples: [Vec<Sample>; 2],
}

/// Runs the compile-cost phase and prints its table.
pub fn run(
    root: &Path,
    bins: &Bins,
    o: &Options,
    repos: &[(String, PathBuf)],
) -> Result<(), String> {
    let sets: Vec<&(String, PathBuf)> = repos
        .iter()
        .filter(|(name, _)| SETS.contains(&name.as_str()))
        .collect();
    if sets.is_empty() {
        println!("\ncompile cost: none of {SETS:?} in the corpus (or left out by --only); skipped");
        return Ok(());
    }
    let base = root.join("target/compile-cost");
    let target = base.join("target");
    let typify = typify_runner(root)?;
    let baseline = o
        .compile_baseline
        .as_ref()
        .map(|b| format!(", a baseline modeldoc CLI ({})", b.display()))
        .unwrap_or_default();
    println!(
        "\nCompile cost of the generated Rust: {} run(s), `touch src/lib.rs` + `cargo check` / `cargo build` (dev profile, CARGO_INCREMENTAL=0), dependencies prebuilt; modeldoc{baseline} and typify 0.8.0 (on modeldoc's OpenAPI output) alternated within each run; ratios are medians of per-run ratios\n",
        o.compile_runs
    );
    println!("| doc set | side | lines | KB | check s | build s | check CPU s | RSS check MB | RSS build MB | check /typify | build /typify | check /baseline | build /baseline |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, docs) in sets {
        let dir = base.join(name);
        let ours = prepare_modeldoc(&bins.cli, docs, &dir.join("modeldoc"), name, "modeldoc");
        let mut sides = vec![];
        if let Some(cli) = &o.compile_baseline {
            let crate_ = prepare_modeldoc(cli, docs, &dir.join("baseline"), name, "baseline");
            sides.push(("baseline".to_string(), crate_));
        }
        let theirs = match &ours {
            Ok(m) => prepare_typify(
                &typify,
                &m.dir.join("openapi.json"),
                &dir.join("typify"),
                name,
            ),
            Err(_) => Err("modeldoc output missing".into()),
        };
        sides.insert(0, ("modeldoc".to_string(), ours));
        sides.push(("typify".to_string(), theirs));
        let mut sides: Vec<Side> = sides
            .into_iter()
            .map(|(label, crate_)| Side {
                label,
                crate_,
                samples: Default::default(),
            })
            .collect();
        for side in &mut sides {
            // Dependencies, unmeasured; a crate that does not compile is reported, not fatal.
            let failed = side.crate_.as_ref().ok().and_then(|p| {
                STEPS
                    .iter()
                    .find_map(|step| cargo(&p.dir, step, &target).err())
            });
            if let Some(e) = failed {
                side.crate_ = Err(format!("does not compile: {}", first_error(&e)));
            }
        }
        for run in 0..o.compile_runs {
            for (k, step) in STEPS.iter().enumerate() {
                // Each run starts with another side, so load falls on all alike.
                let n = sides.len();
                for i in 0..n {
                    let side = &mut sides[(i + run) % n];
                    if let Ok(p) = &side.crate_ {
                        let sample = cargo(&p.dir, step, &target)?;
                        side.samples[k].push(sample);
                    }
                }
            }
        }
        let typify = sides.last().expect("typify side");
        let base = sides.iter().find(|s| s.label == "baseline");
        for side in &sides {
            match &side.crate_ {
                Ok(p) => {
                    let versus = |other: Option<&Side>, step: usize| match other {
                        Some(o) if o.label != side.label => {
                            ratio(&side.samples[step], &o.samples[step])
                        }
                        _ => String::new(),
                    };
                    println!(
                        "| {name} | {} | {} | {} | {} | {} | {} | {:.0} | {:.0} | {} | {} | {} | {} |",
                        side.label,
                        p.lines,
                        p.bytes / 1024,
                        cell(&side.samples[0]),
                        cell(&side.samples[1]),
                        cpu_cell(&side.samples[0]),
                        peak_mb(&side.samples[0]),
                        peak_mb(&side.samples[1]),
                        versus(Some(typify), 0),
                        versus(Some(typify), 1),
                        versus(base, 0),
                        versus(base, 1),
                    )
                }
                Err(e) => println!("| {name} | {} | – | – | {e} | | | | | | | | |", side.label),
            }
        }
    }
    Ok(())
}

/// Median CPU seconds (user + system) with their spread.
fn cpu_cell(s: &[Sample]) -> String {
    let cpus: Vec<Duration> = s.iter().map(|s| s.cpu).collect();
    let lo = cpus.iter().min().copied().unwrap_or_default();
    let hi = cpus.iter().max().copied().unwrap_or_default();
    format!("{} ({}–{})", secs(median(cpus)), secs(lo), secs(hi))
}

/// `median (min–max)` in seconds.
fn cell(s: &[Sample]) -> String {
    let walls: Vec<Duration> = s.iter().map(|s| s.wall).collect();
    let lo = walls.iter().min().copied().unwrap_or_default();
    let hi = walls.iter().max().copied().unwrap_or_default();
    format!("{} ({}–{})", secs(median(walls)), secs(lo), secs(hi))
}

fn secs(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64())
}

fn peak_mb(s: &[Sample]) -> f64 {
    s.iter().map(|s| s.rss_kb).max().unwrap_or(0) as f64 / 1024.0
}

/// Median of the per-run wall-time ratios `a / b` over the runs that measured both.
fn ratio(a: &[Sample], b: &[Sample]) -> String {
    let mut r: Vec<f64> = a
        .iter()
        .zip(b)
        .map(|(a, b)| a.wall.as_secs_f64() / b.wall.as_secs_f64())
        .collect();
    if r.is_empty() {
        return "–".into();
    }
    r.sort_by(f64::total_cmp);
    format!("{:.2}", r[r.len() / 2])
}

/// `touch src/lib.rs` then `cargo <step>` in `dir`, measured.
fn cargo(dir: &Path, step: &str, target: &Path) -> Result<Sample, String> {
    let lib = dir.join("src/lib.rs");
    std::fs::File::options()
        .append(true)
        .open(&lib)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()))
        .map_err(|e| format!("touch {}: {e}", lib.display()))?;
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(dir)
        .args([step, "--quiet"])
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("RUSTFLAGS");
    measure(&mut cmd, false)
}

/// The first `error` line of cargo's output, for a table cell.
fn first_error(output: &str) -> String {
    output
        .lines()
        .find(|l| l.starts_with("error"))
        .unwrap_or("cargo failed")
        .replace('|', "\\|")
}

/// A crate manifest named after the doc set and side, outside the workspace.
fn manifest(name: &str, side: &str, extra: &str) -> String {
    let package = crate::slug(&format!("cc-{name}-{side}"), '-');
    format!(
        "[package]\nname = \"{package}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n{extra}\n\
         # Not part of the modeldoc workspace.\n[workspace]\n"
    )
}

/// modeldoc's module tree (and OpenAPI document) for `docs` in a fresh crate at `dir`.
fn prepare_modeldoc(
    cli: &Path,
    docs: &Path,
    dir: &Path,
    name: &str,
    side: &str,
) -> Result<Prepared, String> {
    let models = dir.join("src/models");
    let _ = std::fs::remove_dir_all(&models);
    std::fs::create_dir_all(&models).map_err(|e| format!("{}: {e}", models.display()))?;
    let out = Command::new(cli)
        .arg("generate")
        .arg(docs)
        .arg("--rust")
        .arg(format!("{}/", models.display()))
        .arg("--openapi")
        .arg(dir.join("openapi.json"))
        .arg("-q")
        .output()
        .map_err(|e| format!("modeldoc: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "modeldoc failed on {name}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    write(&dir.join("Cargo.toml"), &manifest(name, side, ""))?;
    write(
        &dir.join("src/lib.rs"),
        "//! modeldoc's generated Rust, compiled by `cargo xtask bench`.\n#![deny(warnings)]\npub mod models;\n",
    )?;
    let (lines, bytes) = tree_size(&models)?;
    Ok(Prepared {
        dir: dir.to_path_buf(),
        lines,
        bytes,
    })
}

/// typify's Rust for `openapi` in a fresh crate at `dir`; a typify panic is an `Err` with its message.
fn prepare_typify(
    runner: &Path,
    openapi: &Path,
    dir: &Path,
    name: &str,
) -> Result<Prepared, String> {
    let src = dir.join("src");
    std::fs::create_dir_all(&src).map_err(|e| format!("{}: {e}", src.display()))?;
    let lib = src.join("lib.rs");
    let out = Command::new(runner)
        .arg(openapi)
        .arg(&lib)
        .env("RUST_BACKTRACE", "0")
        .output()
        .map_err(|e| format!("typify-runner: {e}"))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let why = stderr
            .lines()
            .skip_while(|l| !l.contains("panicked at"))
            .nth(1)
            .map(|m| format!("typify panicked: {m}"))
            .unwrap_or_else(|| format!("typify failed: {}", stderr.trim()));
        let _ = std::fs::remove_file(&lib);
        return Err(why.replace('|', "\\|"));
    }
    let code = std::fs::read_to_string(&lib).map_err(|e| format!("{}: {e}", lib.display()))?;
    // typify maps formats to these crates; depend on them only when used.
    let mut extra = String::new();
    for (path, dep) in [
        (
            "::chrono::",
            "chrono = { version = \"0.4\", features = [\"serde\"] }\n",
        ),
        (
            "::uuid::",
            "uuid = { version = \"1\", features = [\"serde\"] }\n",
        ),
        ("::regress::", "regress = \"0.10\"\n"),
    ] {
        if code.contains(path) {
            extra.push_str(dep);
        }
    }
    write(&dir.join("Cargo.toml"), &manifest(name, "typify", &extra))?;
    Ok(Prepared {
        dir: dir.to_path_buf(),
        lines: code.lines().count(),
        bytes: code.len() as u64,
    })
}

/// Lines and bytes of every `.rs` file under `dir`.
fn tree_size(dir: &Path) -> Result<(usize, u64), String> {
    let mut lines = 0;
    let mut bytes = 0;
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            let (l, b) = tree_size(&path)?;
            lines += l;
            bytes += b;
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            lines += text.lines().count();
            bytes += text.len() as u64;
        }
    }
    Ok((lines, bytes))
}

/// Builds `xtask/typify-runner` (pinned typify, own lockfile and target dir) once.
fn typify_runner(root: &Path) -> Result<PathBuf, String> {
    let manifest = root.join("xtask/typify-runner/Cargo.toml");
    let target = root.join("target/typify-runner");
    eprintln!("bench: building typify-runner (typify 0.8.0) ...");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "build",
            "--release",
            "--quiet",
            "--locked",
            "--manifest-path",
        ])
        .arg(&manifest)
        .env("CARGO_TARGET_DIR", &target)
        .status()
        .map_err(|e| format!("cargo build typify-runner: {e}"))?;
    if !status.success() {
        return Err("building xtask/typify-runner failed".into());
    }
    Ok(target.join("release/typify-runner"))
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}
