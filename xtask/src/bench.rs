//! `cargo xtask bench`: routing and simulation throughput natively and in Wasm (Node), written to docs/benchmarks.*.

use std::path::PathBuf;
use std::process::Command;

use serde::{Deserialize, Serialize};

use crate::bench_report;
use crate::shell::{self, root};
use crate::tools;

/// One benchmark on one platform, as the native harness and the Node driver print it (one JSON line each).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Measurement {
    pub platform: String,
    pub name: String,
    pub description: String,
    pub tickets: u64,
    pub events: u64,
    /// Equal natively and in Wasm when both did the same work.
    pub checksum: String,
    pub runs: u64,
    pub median_seconds: f64,
    pub min_seconds: f64,
    pub max_seconds: f64,
}

/// Where the wasm-bindgen output for Node goes (never www/pkg: bench code stays out of the app).
fn bench_wasm_dir() -> PathBuf {
    root().join("target/bench-wasm")
}

/// Runs both harnesses with the given `--warmup N` / `--runs N` options, then writes the reports.
pub fn run(args: &[String]) -> Result<(), String> {
    let repetitions = repetition_args(args)?;
    let load_before = bench_report::load_average();
    let native = run_native(&repetitions)?;
    let wasm = run_wasm(&repetitions)?;
    bench_report::write(&native, &wasm, &load_before)?;
    crate::bench_package::run(&repetitions)
}

fn repetition_args(args: &[String]) -> Result<Vec<String>, String> {
    let mut chosen = Vec::new();
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        if flag != "--warmup" && flag != "--runs" {
            return Err(format!(
                "bench: unknown option {flag} (use --warmup N, --runs N)"
            ));
        }
        let value = rest
            .next()
            .filter(|value| value.parse::<u32>().is_ok())
            .ok_or_else(|| format!("bench: {flag} needs a whole number"))?;
        chosen.extend([flag.clone(), value.clone()]);
    }
    Ok(chosen)
}

fn run_native(repetitions: &[String]) -> Result<Vec<Measurement>, String> {
    let stdout = shell::stdout_of(
        Command::new("cargo")
            .args([
                "bench",
                "--profile",
                "bench-native",
                "--package",
                "escalator",
                "--bench",
                "throughput",
                "--",
            ])
            .args(repetitions),
    )?;
    parse_lines(&stdout)
}

fn run_wasm(repetitions: &[String]) -> Result<Vec<Measurement>, String> {
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
    tools::ensure_npm_packages()?;
    shell::run(Command::new("cargo").args([
        "build",
        "--profile",
        "bench-wasm",
        "--package",
        "escalator",
        "--example",
        "bench_wasm",
        "--target",
        tools::WASM_TARGET,
    ]))?;
    let built = root().join("target/wasm32-unknown-unknown/bench-wasm/examples/bench_wasm.wasm");
    let out_dir = bench_wasm_dir();
    shell::run(
        Command::new(wasm_bindgen)
            .arg(&built)
            .arg("--out-dir")
            .arg(&out_dir)
            .args(["--target", "nodejs", "--no-typescript"]),
    )?;
    let wasm = out_dir.join("bench_wasm_bg.wasm");
    shell::run(
        Command::new(tools::wasm_opt())
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm)
            .arg("-O3")
            .args(tools::WASM_FEATURES),
    )?;
    let stdout = shell::stdout_of(
        Command::new("node")
            .arg(root().join("xtask/bench/run-wasm.mjs"))
            .arg(out_dir.join("bench_wasm.js"))
            .args(repetitions),
    )?;
    parse_lines(&stdout)
}

fn parse_lines(stdout: &str) -> Result<Vec<Measurement>, String> {
    stdout
        .lines()
        .filter(|line| line.starts_with('{'))
        .map(|line| {
            serde_json::from_str(line).map_err(|err| format!("bad benchmark line {line:?}: {err}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repetition_options_pass_through_and_others_are_refused() {
        let args = |list: &[&str]| list.iter().map(|arg| arg.to_string()).collect::<Vec<_>>();
        assert_eq!(
            repetition_args(&args(&["--runs", "5", "--warmup", "1"])),
            Ok(args(&["--runs", "5", "--warmup", "1"]))
        );
        assert!(repetition_args(&args(&["--runs", "many"])).is_err());
        assert!(repetition_args(&args(&["--runs"])).is_err());
        assert!(repetition_args(&args(&["--fast"])).is_err());
    }

    #[test]
    fn benchmark_lines_parse_and_other_output_is_skipped() {
        let stdout = "compiling…\n{\"platform\":\"wasm\",\"name\":\"route\",\"description\":\"d\",\"tickets\":16384,\"events\":0,\"checksum\":\"00ff\",\"runs\":11,\"median_seconds\":0.25,\"min_seconds\":0.2,\"max_seconds\":0.3}\n";
        let parsed = parse_lines(stdout).expect("one line parses");
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].name, "route");
        assert_eq!(parsed[0].tickets, 16384);
        assert_eq!(parsed[0].median_seconds, 0.25);
        assert!(parse_lines("{\"platform\":\"wasm\"}").is_err());
    }
}
