//! `cargo xtask test`: formatting, clippy (native and wasm32), native tests, Wasm tests in Chromium, end-to-end tests.

use std::process::Command;

use crate::build;
use crate::fuzz;
use crate::serve::StaticServer;
use crate::shell::{self, root};
use crate::tools;

/// Seconds each fuzz target runs in the test suite.
const FUZZ_SECONDS_IN_TESTS: u64 = 20;

/// Runs every check; stops at the first that fails.
pub fn run(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err(format!("test takes no arguments, not {args:?}"));
    }
    tools::ensure_wasm_target()?;
    tools::ensure_chromium()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
    tools::ensure_npm_packages()?;

    shell::run(Command::new("cargo").args(["fmt", "--all", "--check"]))?;
    shell::run(Command::new("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        "escalator/cli",
        "--",
        "-D",
        "warnings",
    ]))?;
    shell::run(Command::new("cargo").args([
        "clippy",
        "--package",
        "escalator",
        "--all-targets",
        "--target",
        tools::WASM_TARGET,
        "--",
        "-D",
        "warnings",
    ]))?;
    shell::run(Command::new("cargo").args(["test", "--workspace", "--features", "escalator/cli"]))?;
    // A short run of every fuzz target, so a parser that starts crashing fails CI (the long runs:
    // `cargo xtask fuzz`, figures in docs/reliability.md).
    fuzz::run_all(fuzz::Budget {
        seconds: Some(FUZZ_SECONDS_IN_TESTS),
        executions: None,
    })?;
    wasm_tests(&wasm_bindgen)?;
    end_to_end()
}

/// The integration tests that exist only for wasm32 (their first line gates them on it).
fn wasm_test_targets() -> Result<Vec<String>, String> {
    let dir = root().join("tests");
    let entries =
        std::fs::read_dir(&dir).map_err(|err| format!("cannot list {}: {err}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .filter(|path| {
            std::fs::read_to_string(path)
                .is_ok_and(|text| text.contains("#![cfg(target_arch = \"wasm32\")]"))
        })
        .filter_map(|path| {
            path.file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    Ok(names)
}

/// wasm-bindgen-test suites: browser ones in headless Chromium (webdriver.json holds its flags), the others in Node.
fn wasm_tests(wasm_bindgen: &std::path::Path) -> Result<(), String> {
    let runner = wasm_bindgen.with_file_name("wasm-bindgen-test-runner");
    let mut command = Command::new("cargo");
    command.args([
        "test",
        "--package",
        "escalator",
        "--target",
        tools::WASM_TARGET,
    ]);
    for name in wasm_test_targets()? {
        command.args(["--test", &name]);
    }
    shell::run(
        command
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", runner)
            .env("CHROMEDRIVER", tools::CHROMEDRIVER)
            .env_remove("GECKODRIVER")
            .env_remove("SAFARIDRIVER"),
    )
}

/// Builds the release page and package, serves the page on a free port and runs the Playwright suites with
/// node's test runner; then installs the packed npm package into an empty project and tests it by name.
fn end_to_end() -> Result<(), String> {
    build::release_web()?;
    shell::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .arg(root().join("tests/package"))
            .env("ESCALATOR_PACKAGE", build::package_dir()),
    )?;
    let server = StaticServer::bind(0)?;
    let base_url = format!("http://127.0.0.1:{}/", server.port());
    server.spawn();
    shell::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .arg(root().join("tests/e2e"))
            .env("ESCALATOR_URL", &base_url)
            .env("CHROMIUM", tools::CHROMIUM),
    )
}
