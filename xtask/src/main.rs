//! Project tasks: `cargo xtask serve | test | size | build-web | package | fuzz | bench`, each installing what it needs first.

mod bench;
mod bench_markdown;
mod bench_package;
mod bench_report;
mod build;
mod fuzz;
mod serve;
mod shell;
mod size;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--port N]   build the playground and serve www/ on http://127.0.0.1:N (default 8080)
  test               every test: native, clippy (native + wasm32), wasm in Chromium, end-to-end
  size               raw and gzip size of the release Wasm and JS glue, checked against budgets
  build-web          build the release Wasm and JS glue into www/pkg
  package            build the npm package (engine, widget, types) into target/npm/escalator
  fuzz [--seconds N] [--runs N]
                     every fuzz target for N seconds or N executions each (default 300 s); writes docs/reliability.md
  bench [--warmup N] [--runs N]
                     routing and simulation throughput, native and Wasm in Node, and the npm package
                     against json-rules-engine (median of N runs, default 3 warm-up + 11); writes
                     docs/benchmarks.md and docs/benchmarks.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("size") => build::release_web().and_then(|()| size::run()),
        Some("build-web") => build::release_web(),
        Some("package") => build::package(),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
