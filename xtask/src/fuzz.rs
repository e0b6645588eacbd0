//! `cargo xtask fuzz [--seconds N]`: every fuzz target in `tests/fuzz` under libFuzzer for N seconds each,
//! from the seeds in `tests/fuzz/seeds` plus the corpus earlier runs grew (`target/fuzz-corpus`); the
//! figures go to docs/reliability.md. `cargo xtask test` runs the same targets briefly without recording.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::bench_report;
use crate::shell::{self, root};

/// The targets, each a parser or a document reader of the engine.
pub const TARGETS: [(&str, &str); 5] = [
    (
        "condition_text",
        "condition text form: parse, check, both round trips",
    ),
    (
        "policy_json",
        "policy JSON: read, lint, compile, route a ticket",
    ),
    (
        "scenario_json",
        "scenario JSON: read, check limits, run when small",
    ),
    ("duration_text", "duration text: parse and print back"),
    (
        "share_link",
        "share-link fragment: inflate, read, encode and open again",
    ),
];

/// What one target's run did.
pub struct FuzzRun {
    pub target: &'static str,
    pub seconds: u64,
    pub executions: u64,
    pub corpus_files: usize,
}

fn fuzz_dir() -> PathBuf {
    root().join("tests/fuzz")
}

/// Makes sure the nightly toolchain (sanitizers) and cargo-fuzz (from crates.io) are there.
fn ensure_cargo_fuzz() -> Result<(), String> {
    let toolchains =
        shell::output(Command::new("rustup").args(["toolchain", "list"])).unwrap_or_default();
    if !toolchains.lines().any(|line| line.starts_with("nightly")) {
        shell::run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    if shell::output(Command::new("cargo").args(["+nightly", "fuzz", "--version"])).is_some() {
        return Ok(());
    }
    shell::run(Command::new("cargo").args(["install", "cargo-fuzz"]))
}

/// Runs every target for `seconds`; an input that crashes one fails the run with its artifact's path.
pub fn run_all(seconds: u64) -> Result<Vec<FuzzRun>, String> {
    ensure_cargo_fuzz()?;
    let mut runs = Vec::new();
    for (target, _) in TARGETS {
        let corpus = root().join("target/fuzz-corpus").join(target);
        fs::create_dir_all(&corpus)
            .map_err(|err| format!("cannot create {}: {err}", corpus.display()))?;
        copy_seeds(&fuzz_dir().join("seeds").join(target), &corpus)?;
        let output = Command::new("cargo")
            .args(["+nightly", "fuzz", "run", target, "--fuzz-dir"])
            .arg(fuzz_dir())
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .args([
                "-print_final_stats=1",
                "-max_len=65536",
                "-rss_limit_mb=4096",
                "-timeout=10",
            ])
            .current_dir(root())
            .output()
            .map_err(|err| format!("cannot run cargo fuzz: {err}"))?;
        let log = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            return Err(format!(
                "fuzz target {target} found a crash (the input is under tests/fuzz/artifacts/{target}/):\n{}",
                tail.into_iter().rev().collect::<Vec<_>>().join("\n")
            ));
        }
        let executions = log
            .lines()
            .find_map(|line| line.strip_prefix("stat::number_of_executed_units:"))
            .and_then(|count| count.trim().parse().ok())
            .ok_or_else(|| format!("fuzz target {target} printed no execution count"))?;
        let corpus_files = fs::read_dir(&corpus).map_or(0, |entries| entries.count());
        println!("{target}: {executions} executions in {seconds} s, corpus {corpus_files} files, no crash");
        runs.push(FuzzRun {
            target,
            seconds,
            executions,
            corpus_files,
        });
    }
    Ok(runs)
}

fn copy_seeds(seeds: &Path, corpus: &Path) -> Result<(), String> {
    let entries =
        fs::read_dir(seeds).map_err(|err| format!("cannot list {}: {err}", seeds.display()))?;
    for entry in entries.filter_map(Result::ok) {
        fs::copy(entry.path(), corpus.join(entry.file_name()))
            .map_err(|err| format!("cannot copy {}: {err}", entry.path().display()))?;
    }
    Ok(())
}

/// `cargo xtask fuzz [--seconds N]` (default 300 per target): runs and records the figures.
pub fn run(args: &[String]) -> Result<(), String> {
    let seconds = match args {
        [] => 300,
        [flag, value] if flag == "--seconds" => value
            .parse()
            .map_err(|_| format!("--seconds takes a whole number, not {value:?}"))?,
        _ => return Err(format!("fuzz takes only --seconds N, not {args:?}")),
    };
    let runs = run_all(seconds)?;
    let mut section = format!(
        "### Fuzzing\n\nMeasured {} by `cargo xtask fuzz --seconds {seconds}` (libFuzzer through cargo-fuzz, \
         AddressSanitizer, one core). Seeds: `tests/fuzz/seeds`; the corpus each run grows is kept in \
         `target/fuzz-corpus`. No target found a crash in this run.\n\n\
         | target | what it exercises | seconds | executions | executions/s | corpus files |\n\
         | --- | --- | ---: | ---: | ---: | ---: |\n",
        shell::utc_now()
    );
    for run in &runs {
        let what = TARGETS
            .iter()
            .find(|(name, _)| *name == run.target)
            .map_or("", |(_, what)| *what);
        section.push_str(&format!(
            "| `{}` | {what} | {} | {} | {:.0} | {} |\n",
            run.target,
            run.seconds,
            run.executions,
            run.executions as f64 / run.seconds.max(1) as f64,
            run.corpus_files
        ));
    }
    let path = root().join("docs/reliability.md");
    let existing = fs::read_to_string(&path)
        .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
    bench_report::write_file(
        &path,
        &bench_report::replace_section(&existing, "fuzz", &section)?,
    )
}
