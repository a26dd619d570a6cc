//! `cargo xtask bench`: whole-command timings on every corpus repo, against the floor.
//!
//! For every repo in `../shared/corpus/<owner>+<repo>/docs` it times, in child
//! processes and interleaved within each run:
//! - (a) the floor: read every doc and iterate pulldown-cmark's event stream;
//! - (b) modeldoc parse → IR (`Config::load`: read, detect, parse, resolve);
//! - (c) full generation rendered in memory (Rust module tree, OpenAPI, JSON Schema);
//! - (e) the real CLI, `modeldoc generate ... -q`, writing into a fresh temp dir.
//!
//! It prints medians with their spread (min–max), the ratios to the floor
//! measured in the same run, and peak RSS read with `wait4`. `--scale` then
//! repeats one repo's docs 1×, 2× and 4× (copies in separate subfolders) to
//! show how cost grows with input.
//!
//! Then the compile-cost phase ([`compile`]) compiles the generated Rust of Glean
//! Python and StackOne, and typify's output for the same models, alternated.
//!
//! Last (or alone with `--build-dep`), [`crate::build_dep`] compares clean builds of a
//! crate with modeldoc, prost-build or typify as its build-dependency.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

mod compile;

/// Command-line options of `cargo xtask bench`.
#[derive(Debug, Clone)]
pub struct Options {
    /// Measurements per phase and repo.
    pub runs: usize,
    /// The corpus folder (default `../shared/corpus`).
    pub corpus: PathBuf,
    /// Only repos whose name contains this.
    pub only: Option<String>,
    /// `RAYON_NUM_THREADS` for the children (default: unset, all cores).
    pub threads: Option<usize>,
    /// Repo to copy 1×, 2×, 4× for the scaling table (default: the largest).
    pub scale: Option<String>,
    /// Skip the scaling table.
    pub no_scale: bool,
    /// Where the CLI writes (default: the system temp dir); e.g. a tmpfs to leave the disk out.
    pub scratch: Option<PathBuf>,
    /// Measurements per side and step of the compile-cost phase.
    pub compile_runs: usize,
    /// Skip the compile-cost phase.
    pub no_compile: bool,
    /// Only the compile-cost phase.
    pub compile_only: bool,
    /// A modeldoc CLI built from another commit (e.g. `main`), compiled as a third side
    /// of the compile-cost phase: before/after in one run.
    pub compile_baseline: Option<PathBuf>,
    /// Only the build-dependency comparison (modeldoc vs prost-build vs typify).
    pub build_dep_only: bool,
    /// Skip the build-dependency comparison.
    pub no_build_dep: bool,
}

const USAGE: &str = "usage: cargo xtask bench [--runs N] [--corpus DIR] [--only NAME] [--threads N] [--scale REPO | --no-scale] [--scratch DIR] [--compile-runs N] [--compile-baseline CLI] [--no-compile | --compile-only] [--build-dep | --no-build-dep]";

impl Options {
    /// Parses the arguments after `bench`.
    pub fn parse(args: &[String], root: &Path) -> Result<Options, String> {
        let mut o = Options {
            runs: 5,
            corpus: crate::corpus_dir(root),
            only: None,
            threads: None,
            scale: None,
            no_scale: false,
            scratch: None,
            compile_runs: 3,
            no_compile: false,
            compile_only: false,
            compile_baseline: None,
            build_dep_only: false,
            no_build_dep: false,
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut value = || {
                it.next()
                    .cloned()
                    .ok_or(format!("{a} needs a value\n{USAGE}"))
            };
            match a.as_str() {
                "--runs" => o.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
                "--corpus" => o.corpus = value()?.into(),
                "--only" => o.only = Some(value()?),
                "--threads" => {
                    o.threads = Some(value()?.parse().map_err(|e| format!("--threads: {e}"))?)
                }
                "--scale" => o.scale = Some(value()?),
                "--no-scale" => o.no_scale = true,
                "--scratch" => o.scratch = Some(value()?.into()),
                "--compile-runs" => {
                    o.compile_runs = value()?
                        .parse()
                        .map_err(|e| format!("--compile-runs: {e}"))?
                }
                "--no-compile" => o.no_compile = true,
                "--compile-only" => o.compile_only = true,
                "--compile-baseline" => o.compile_baseline = Some(value()?.into()),
                "--build-dep" => o.build_dep_only = true,
                "--no-build-dep" => o.no_build_dep = true,
                "--help" | "-h" => return Err(USAGE.into()),
                other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
            }
        }
        o.runs = o.runs.max(1);
        o.compile_runs = o.compile_runs.max(1);
        if o.no_compile && o.compile_only {
            return Err(format!(
                "--no-compile and --compile-only exclude each other\n{USAGE}"
            ));
        }
        Ok(o)
    }
}

/// One child process: wall time, CPU time (user + system) and peak RSS.
#[derive(Debug, Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Duration,
    rss_kb: u64,
    /// Exit code 0 (the CLI exits 1, writing nothing, when the docs have input errors).
    ok: bool,
}

/// Runs `cmd` to completion, measuring it with `wait4`; exit code 1 is allowed with `allow_1`.
fn measure(cmd: &mut Command, allow_1: bool) -> Result<Sample, String> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let start = Instant::now();
    let child = cmd.spawn().map_err(|e| format!("{cmd:?}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: plain FFI call; `usage` is a valid out-pointer and `pid` our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    drop(child);
    if r != pid {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    if code != Some(0) && !(allow_1 && code == Some(1)) {
        let out = cmd.stderr(Stdio::piped()).output();
        let err = out.map(|o| String::from_utf8_lossy(&o.stderr).into_owned());
        return Err(format!(
            "{cmd:?} failed: {}",
            err.unwrap_or_default().trim()
        ));
    }
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Ok(Sample {
        wall,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        rss_kb: usage.ru_maxrss as u64,
        ok: code == Some(0),
    })
}

/// The binaries the children run.
struct Bins {
    phase: PathBuf,
    cli: PathBuf,
}

fn build(root: &Path) -> Result<Bins, String> {
    eprintln!("bench: building release binaries ...");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(root)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "xtask",
            "--bin",
            "bench-phase",
            "-p",
            "modeldoc-cli",
            "--bin",
            "modeldoc",
        ])
        .status()
        .map_err(|e| format!("cargo build: {e}"))?;
    if !status.success() {
        return Err("cargo build --release failed".into());
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let release = target.join("release");
    Ok(Bins {
        phase: release.join("bench-phase"),
        cli: release.join("modeldoc"),
    })
}

/// The phases, in the order they run within one run.
const PHASES: [&str; 4] = ["floor", "load", "render", "cli"];

/// All samples of one doc set, indexed `[phase][run]`.
struct Measured {
    samples: [Vec<Sample>; 4],
}

impl Measured {
    fn median(&self, phase: usize) -> Duration {
        median(self.samples[phase].iter().map(|s| s.wall).collect())
    }

    fn spread(&self, phase: usize) -> (Duration, Duration) {
        let walls = self.samples[phase].iter().map(|s| s.wall);
        (
            walls.clone().min().unwrap_or_default(),
            walls.max().unwrap_or_default(),
        )
    }

    /// Median over runs of phase / floor, both measured in the same run.
    fn ratio(&self, phase: usize) -> String {
        if self.samples[phase].iter().any(|s| !s.ok) {
            return "–".into();
        }
        let mut r: Vec<f64> = self.samples[phase]
            .iter()
            .zip(&self.samples[0])
            .map(|(p, a)| p.wall.as_secs_f64() / a.wall.as_secs_f64())
            .collect();
        r.sort_by(f64::total_cmp);
        format!("{:.2}", r[r.len() / 2])
    }

    fn peak_rss_mb(&self, phase: usize) -> f64 {
        let kb = self.samples[phase]
            .iter()
            .map(|s| s.rss_kb)
            .max()
            .unwrap_or(0);
        kb as f64 / 1024.0
    }

    fn median_cpu(&self, phase: usize) -> Duration {
        median(self.samples[phase].iter().map(|s| s.cpu).collect())
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn run_set(bins: &Bins, docs: &[PathBuf], o: &Options, scratch: &Path) -> Result<Measured, String> {
    let mut m = Measured {
        samples: Default::default(),
    };
    for run in 0..o.runs {
        for (p, phase) in PHASES.iter().enumerate() {
            let mut cmd;
            if *phase == "cli" {
                let out = scratch.join(format!("cli-{run}"));
                cmd = Command::new(&bins.cli);
                cmd.arg("generate")
                    .args(docs)
                    .arg("--rust")
                    .arg(format!("{}/rust/", out.display()))
                    .arg("--openapi")
                    .arg(out.join("openapi.json"))
                    .arg("--json-schema")
                    .arg(out.join("schemas"))
                    .arg("-q");
            } else {
                cmd = Command::new(&bins.phase);
                cmd.arg(phase).args(docs);
            }
            if let Some(t) = o.threads {
                cmd.env("RAYON_NUM_THREADS", t.to_string());
            }
            m.samples[p].push(measure(&mut cmd, *phase == "cli")?);
            if *phase == "cli" {
                let _ = std::fs::remove_dir_all(scratch.join(format!("cli-{run}")));
            }
        }
    }
    Ok(m)
}

/// Number of `*.md` files and their total size in bytes.
fn size(docs: &[PathBuf]) -> Result<(usize, u64), String> {
    let files = modeldoc::__private::collect_markdown(docs).map_err(|e| e.to_string())?;
    let bytes = files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum();
    Ok((files.len(), bytes))
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn cell(m: &Measured, p: usize) -> String {
    if m.samples[p].iter().any(|s| !s.ok) {
        return "input errors".into();
    }
    let (lo, hi) = m.spread(p);
    format!("{} ({}–{})", ms(m.median(p)), ms(lo), ms(hi))
}

/// Runs the benchmark and prints markdown tables.
pub fn run(root: &Path, o: &Options) -> ExitCode {
    match run_inner(root, o) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn repos(o: &Options) -> Result<Vec<(String, PathBuf)>, String> {
    let entries =
        std::fs::read_dir(&o.corpus).map_err(|e| format!("{}: {e}", o.corpus.display()))?;
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path().join("docs"),
            )
        })
        .filter(|(name, docs)| {
            docs.is_dir()
                && o.only
                    .as_ref()
                    .map_or(true, |only| name.contains(only.as_str()))
        })
        .collect();
    out.sort();
    Ok(out)
}

fn run_inner(root: &Path, o: &Options) -> Result<(), String> {
    if o.build_dep_only {
        return crate::build_dep::run(root, o.runs);
    }
    corpus_tables(root, o)?;
    if o.no_build_dep || o.compile_only {
        return Ok(());
    }
    println!();
    crate::build_dep::run(root, o.runs.min(3))
}

fn corpus_tables(root: &Path, o: &Options) -> Result<(), String> {
    if !o.corpus.is_dir() {
        println!(
            "bench: no corpus at {} (expected ../shared/corpus/<owner>+<repo>/docs); nothing to measure",
            o.corpus.display()
        );
        return Ok(());
    }
    let bins = build(root)?;
    let base = o.scratch.clone().unwrap_or_else(std::env::temp_dir);
    let scratch = base.join(format!("modeldoc-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).map_err(|e| e.to_string())?;
    let mut result = Ok(());
    if !o.compile_only {
        result = tables(&bins, o, &scratch);
    }
    if result.is_ok() && !o.no_compile {
        result = compile::run(root, &bins, o, &repos(o)?);
    }
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

fn tables(bins: &Bins, o: &Options, scratch: &Path) -> Result<(), String> {
    let threads = o
        .threads
        .map_or("all cores".to_string(), |t| format!("{t} thread(s)"));
    println!(
        "scratch (CLI output and scaling copies): {}\n",
        scratch.display()
    );
    println!(
        "{} run(s) per phase, {threads}; times in ms: median (min–max); ratios: median of per-run ratios to the floor of the same run; RSS: peak over runs\n",
        o.runs
    );
    println!("| repo | files | MB | (a) floor | (b) parse→IR | (c) render | (e) CLI | b/a | c/a | e/a | CPU c | RSS a | RSS c | RSS e |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let repos = repos(o)?;
    let mut largest: Option<(u64, String, PathBuf)> = None;
    for (name, docs) in &repos {
        let docs = vec![docs.clone()];
        let (files, bytes) = size(&docs)?;
        if largest.as_ref().map_or(true, |l| bytes > l.0) {
            largest = Some((bytes, name.clone(), docs[0].clone()));
        }
        let m = run_set(bins, &docs, o, scratch)?;
        println!(
            "| {name} | {files} | {:.1} | {} | {} | {} | {} | {} | {} | {} | {} | {:.0} | {:.0} | {:.0} |",
            bytes as f64 / 1e6,
            cell(&m, 0),
            cell(&m, 1),
            cell(&m, 2),
            cell(&m, 3),
            m.ratio(1),
            m.ratio(2),
            m.ratio(3),
            ms(m.median_cpu(2)),
            m.peak_rss_mb(0),
            m.peak_rss_mb(2),
            m.peak_rss_mb(3),
        );
    }
    if o.no_scale {
        return Ok(());
    }
    let scale = match &o.scale {
        Some(s) => repos
            .iter()
            .find(|(n, _)| n.contains(s.as_str()))
            .map(|(n, d)| (n.clone(), d.clone())),
        None => largest.map(|(_, n, d)| (n, d)),
    };
    let Some((name, docs)) = scale else {
        return Ok(());
    };
    println!("\nScaling: {name} copied N times into separate subfolders\n");
    println!("| copies | files | MB | (a) floor | (b) parse→IR | (c) render | (e) CLI | c/a | (c) ms per MB | RSS c |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for copies in [1usize, 2, 4] {
        let set = scratch.join(format!("scale-{copies}"));
        for k in 0..copies {
            copy_dir(&docs, &set.join(format!("copy{k}")))?;
        }
        let input = vec![set.clone()];
        let (files, bytes) = size(&input)?;
        let m = run_set(bins, &input, o, scratch)?;
        let mb = bytes as f64 / 1e6;
        println!(
            "| {copies}× | {files} | {mb:.1} | {} | {} | {} | {} | {} | {:.1} | {:.0} |",
            cell(&m, 0),
            cell(&m, 1),
            cell(&m, 2),
            cell(&m, 3),
            m.ratio(2),
            m.median(2).as_secs_f64() * 1000.0 / mb,
            m.peak_rss_mb(2),
        );
        let _ = std::fs::remove_dir_all(&set);
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let dest = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}
