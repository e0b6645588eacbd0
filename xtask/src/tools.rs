//! Installs what the build and the tests need when it is missing: wasm32 target, pinned wasm-bindgen CLI, npm packages, Chromium.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::shell::{self, root};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The Wasm features rustc's output uses, which wasm-opt must be told to accept.
pub const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Adds the wasm32 target through rustup unless it is installed.
pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = shell::output(Command::new("rustup").args(["target", "list", "--installed"]))
        .unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(());
    }
    shell::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// The exact wasm-bindgen version that Cargo.lock pins.
pub fn pinned_wasm_bindgen_version() -> Result<String, String> {
    let lock_path = root().join("Cargo.lock");
    let lock = fs::read_to_string(&lock_path)
        .map_err(|err| format!("cannot read {}: {err}", lock_path.display()))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|next| next.trim().strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock does not pin wasm-bindgen".to_owned())
}

/// Returns the wasm-bindgen CLI matching the pinned library, installing it with cargo if needed.
pub fn ensure_wasm_bindgen() -> Result<PathBuf, String> {
    let version = pinned_wasm_bindgen_version()?;
    let cargo_bin = cargo_bin_dir();
    let candidates = [
        cargo_bin.join("wasm-bindgen"),
        PathBuf::from("wasm-bindgen"),
    ];
    for candidate in &candidates {
        let reported = shell::output(Command::new(candidate).arg("--version")).unwrap_or_default();
        if reported.split_whitespace().nth(1) == Some(version.as_str()) {
            return Ok(candidate.clone());
        }
    }
    println!("installing wasm-bindgen-cli {version} (a few minutes, once)");
    shell::run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &version,
        "--force",
    ]))?;
    Ok(cargo_bin.join("wasm-bindgen"))
}

fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// Installs the npm packages of package-lock.json (playwright-core, binaryen) unless present.
pub fn ensure_npm_packages() -> Result<(), String> {
    let root = root();
    let marker = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (fs::metadata(&marker), fs::metadata(&lock)) {
        (Ok(installed), Ok(wanted)) => match (installed.modified(), wanted.modified()) {
            (Ok(installed), Ok(wanted)) => installed >= wanted,
            _ => false,
        },
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    shell::run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
}

/// The wasm-opt shipped by the npm package `binaryen` (Debian's is too old for current rustc output).
pub fn wasm_opt() -> PathBuf {
    root().join("node_modules/binaryen/bin/wasm-opt")
}

/// Installs Debian's Chromium and ChromeDriver unless both are present.
pub fn ensure_chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let apt = |args: &[&str]| {
        let mut command = Command::new("apt-get");
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        shell::run(&mut command)
    };
    apt(&["update"])?;
    apt(&[
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ])
}
