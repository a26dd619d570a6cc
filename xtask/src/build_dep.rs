//! `cargo xtask bench --build-dep`: what a crate pays for modeldoc as a build-dependency,
//! next to prost-build and typify measured in the same run.
//!
//! For each generator it writes a throwaway crate (under `target/bench-build-dep/`) whose
//! only build-dependency is that generator (modeldoc by path with its default features,
//! the others at their latest crates.io version) and whose build script does nothing, then
//! per run: removes the crate's own target directory and times a clean `cargo build`.
//! It reports the number of crates compiled (one `cargo build` unit per package, build
//! scripts not counted twice; the throwaway crate itself excluded) and the median, min and
//! max wall time. The generators are interleaved within each run so that machine load
//! falls on all three alike. Needs network access the first time (crates.io).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The generators compared: name and `[build-dependencies]` line.
fn generators(root: &Path) -> Vec<(&'static str, String)> {
    let generator = root.join("generator");
    vec![
        (
            "modeldoc",
            format!(
                "modeldoc = {{ path = {:?} }}",
                generator.display().to_string()
            ),
        ),
        ("prost-build", "prost-build = \"*\"".to_string()),
        ("typify", "typify = \"*\"".to_string()),
    ]
}

/// One generator's measurements.
struct Measured {
    name: &'static str,
    crates: usize,
    walls: Vec<Duration>,
}

/// Writes the throwaway crate for one generator; returns its folder.
fn write_crate(base: &Path, name: &str, dependency: &str) -> Result<PathBuf, String> {
    let dir = base.join(name);
    std::fs::create_dir_all(dir.join("src")).map_err(|e| format!("{}: {e}", dir.display()))?;
    let manifest = format!(
        "[package]\nname = \"build-dep-{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [build-dependencies]\n{dependency}\n\n[workspace]\n"
    );
    let files = [
        ("Cargo.toml", manifest.as_str()),
        ("build.rs", "fn main() {}\n"),
        (
            "src/lib.rs",
            "//! Empty: only the build-dependency is measured.\n",
        ),
    ];
    for (file, text) in files {
        std::fs::write(dir.join(file), text).map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(dir)
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// The packages a clean build of `dir` compiles, from `cargo tree` (normal and build edges).
fn crate_count(dir: &Path) -> Result<usize, String> {
    let out = cargo()
        .current_dir(dir)
        .args(["tree", "-e", "normal,build", "--prefix", "none", "--quiet"])
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .map_err(|e| format!("cargo tree: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo tree in {}: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let packages: BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.starts_with("build-dep-"))
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            Some(format!("{} {}", words.next()?, words.next()?))
        })
        .collect();
    Ok(packages.len())
}

/// Times one clean `cargo build` of `dir` (its own target directory, removed first).
fn clean_build(dir: &Path) -> Result<Duration, String> {
    let target = dir.join("target");
    let _ = std::fs::remove_dir_all(&target);
    let start = Instant::now();
    let status = cargo()
        .current_dir(dir)
        .args(["build", "--quiet"])
        .env("CARGO_TARGET_DIR", &target)
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("cargo build: {e}"))?;
    let wall = start.elapsed();
    if !status.success() {
        return Err(format!("cargo build in {} failed", dir.display()));
    }
    Ok(wall)
}

fn median(samples: &[Duration]) -> Duration {
    let mut s = samples.to_vec();
    s.sort();
    s[s.len() / 2]
}

/// Runs the comparison with `runs` clean builds per generator and prints the table.
pub fn run(root: &Path, runs: usize) -> Result<(), String> {
    let base = root.join("target/bench-build-dep");
    let mut measured = Vec::new();
    let mut dirs = Vec::new();
    for (name, dependency) in generators(root) {
        let dir = write_crate(&base, name, &dependency)?;
        // Resolve (and download) first, so that the timed builds only compile.
        let status = cargo()
            .current_dir(&dir)
            .args(["fetch", "--quiet"])
            .status()
            .map_err(|e| format!("cargo fetch: {e}"))?;
        if !status.success() {
            return Err(format!("cargo fetch for {name} failed (network?)"));
        }
        measured.push(Measured {
            name,
            crates: crate_count(&dir)?,
            walls: Vec::new(),
        });
        dirs.push(dir);
    }
    for run in 1..=runs {
        for (m, dir) in measured.iter_mut().zip(&dirs) {
            eprintln!(
                "bench: build-dependency run {run}/{runs}: clean build with {}",
                m.name
            );
            m.walls.push(clean_build(dir)?);
        }
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "## As a build-dependency (clean `cargo build`, debug, {cores} cores, {runs} run(s), interleaved)\n"
    );
    println!("| build-dependency | crates compiled | clean build median | min–max |");
    println!("|---|---|---|---|");
    for m in &measured {
        let min = m.walls.iter().min().copied().unwrap_or_default();
        let max = m.walls.iter().max().copied().unwrap_or_default();
        println!(
            "| {} | {} | {:.1} s | {:.1}–{:.1} s |",
            m.name,
            m.crates,
            median(&m.walls).as_secs_f64(),
            min.as_secs_f64(),
            max.as_secs_f64()
        );
    }
    for dir in &dirs {
        let _ = std::fs::remove_dir_all(dir.join("target"));
    }
    Ok(())
}
