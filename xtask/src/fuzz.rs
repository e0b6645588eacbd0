//! `cargo xtask fuzz [--seconds N] [--runs N]`: every fuzz target in `tests/fuzz` under libFuzzer for N seconds
//! or N executions each, from the seeds in `tests/fuzz/seeds` plus the corpus earlier runs grew
//! (`target/fuzz-corpus`); the figures go to docs/reliability.md. `cargo xtask test` runs the same targets
//! briefly without recording.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::bench_report;
use crate::shell::{self, root};

/// The targets, each a parser or a document reader of the engine.
pub const TARGETS: [(&str, &str); 6] = [
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
    (
        "ticket_log",
        "ticket log CSV: read, rebuild journeys, compute metrics",
    ),
];

/// How long each target runs: until the first of the two limits that is set.
#[derive(Clone, Copy)]
pub struct Budget {
    pub seconds: Option<u64>,
    pub executions: Option<u64>,
}

/// What one target's run did.
pub struct FuzzRun {
    pub target: &'static str,
    pub seconds: f64,
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

/// Runs every target within `budget`; an input that crashes one fails the run with its artifact's path.
///
/// No sanitizer: the targets are safe Rust, where what fuzzing finds (panics, stack overflows, hangs, runaway
/// memory) shows without AddressSanitizer, and without it libFuzzer runs about five times as many inputs.
pub fn run_all(budget: Budget) -> Result<Vec<FuzzRun>, String> {
    ensure_cargo_fuzz()?;
    let mut runs = Vec::new();
    for (target, _) in TARGETS {
        let corpus = root().join("target/fuzz-corpus").join(target);
        fs::create_dir_all(&corpus)
            .map_err(|err| format!("cannot create {}: {err}", corpus.display()))?;
        copy_seeds(&fuzz_dir().join("seeds").join(target), &corpus)?;
        let started = Instant::now();
        let output = Command::new("cargo")
            .args(["+nightly", "fuzz", "run", "--sanitizer", "none", target])
            .arg("--fuzz-dir")
            .arg(fuzz_dir())
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={}", budget.seconds.unwrap_or(0)))
            .arg(format!(
                "-runs={}",
                budget.executions.map_or(-1, |runs| runs as i64)
            ))
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
        // libFuzzer's own "Done N runs in S second(s)" leaves out building the target; the wall clock is
        // the fallback.
        let seconds = fuzzing_seconds(&log).unwrap_or_else(|| started.elapsed().as_secs_f64());
        let corpus_files = fs::read_dir(&corpus).map_or(0, |entries| entries.count());
        println!("{target}: {executions} executions in {seconds:.0} s, corpus {corpus_files} files, no crash");
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

/// Reads `--seconds N` and `--runs N`; with neither, each target runs 300 seconds.
fn parse_budget(args: &[String]) -> Result<Budget, String> {
    let mut budget = Budget {
        seconds: None,
        executions: None,
    };
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest
            .next()
            .ok_or_else(|| format!("{flag} needs a whole number after it"))?;
        let number: u64 = value
            .parse()
            .ok()
            .filter(|number| *number > 0)
            .ok_or_else(|| format!("{flag} takes a whole number above 0, not {value:?}"))?;
        match flag.as_str() {
            "--seconds" => budget.seconds = Some(number),
            "--runs" => budget.executions = Some(number),
            _ => return Err(format!("fuzz takes --seconds N and --runs N, not {flag:?}")),
        }
    }
    if budget.seconds.is_none() && budget.executions.is_none() {
        budget.seconds = Some(300);
    }
    Ok(budget)
}

/// `cargo xtask fuzz [--seconds N] [--runs N]`: runs and records the figures.
pub fn run(args: &[String]) -> Result<(), String> {
    let budget = parse_budget(args)?;
    let runs = run_all(budget)?;
    let command: String = std::iter::once("cargo xtask fuzz".to_owned())
        .chain(args.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    let mut section = format!(
        "### Fuzzing\n\nMeasured {} by `{command}` (libFuzzer through cargo-fuzz, no sanitizer, one core). \
         Seeds: `tests/fuzz/seeds`; the corpus each run grows is kept in `target/fuzz-corpus`. No target \
         found a crash in this run.\n\n\
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
            "| `{}` | {what} | {:.0} | {} | {:.0} | {} |\n",
            run.target,
            run.seconds,
            run.executions,
            run.executions as f64 / run.seconds.max(1.0),
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

/// The seconds libFuzzer says it fuzzed for, from its closing `Done 1000 runs in 12 second(s)` line.
fn fuzzing_seconds(log: &str) -> Option<f64> {
    log.lines().rev().find_map(|line| {
        let rest = line.strip_prefix("Done ")?;
        let (_, after) = rest.split_once(" runs in ")?;
        after.split(' ').next()?.parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fuzzing_time_comes_from_libfuzzers_closing_line() {
        let log = "INFO: Seed: 1\n#2 INITED\nDone 10000000 runs in 1890 second(s)\nstat::number_of_executed_units: 10000000\n";
        assert_eq!(fuzzing_seconds(log), Some(1890.0));
        assert_eq!(fuzzing_seconds("no such line"), None);
    }

    #[test]
    fn budgets_take_seconds_runs_or_both() {
        let args = |list: &[&str]| list.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
        let both = parse_budget(&args(&["--seconds", "60", "--runs", "5"])).expect("both");
        assert_eq!((both.seconds, both.executions), (Some(60), Some(5)));
        let default = parse_budget(&[]).expect("default");
        assert_eq!((default.seconds, default.executions), (Some(300), None));
        assert!(parse_budget(&args(&["--runs", "0"])).is_err());
        assert!(parse_budget(&args(&["--minutes", "3"])).is_err());
    }
}
