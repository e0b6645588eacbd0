//! Builds the release Wasm with cargo, generates the JS glue with wasm-bindgen and shrinks it with wasm-opt.

use std::path::PathBuf;
use std::process::Command;

use crate::shell::{self, root};
use crate::tools;

/// The directory the generated files go to (git-ignored).
pub fn pkg_dir() -> PathBuf {
    root().join("www/pkg")
}

/// Builds `www/pkg/escalator.js` and `www/pkg/escalator_bg.wasm`, optimised for size.
pub fn release_web() -> Result<(), String> {
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
    tools::ensure_npm_packages()?;
    shell::run(Command::new("cargo").args([
        "build",
        "--release",
        "--lib",
        "--package",
        "escalator",
        "--target",
        tools::WASM_TARGET,
    ]))?;
    let built = root().join("target/wasm32-unknown-unknown/release/escalator.wasm");
    let out_dir = pkg_dir();
    shell::run(
        Command::new(wasm_bindgen)
            .arg(&built)
            .arg("--out-dir")
            .arg(&out_dir)
            .args(["--target", "web", "--no-typescript"]),
    )?;
    let wasm = out_dir.join("escalator_bg.wasm");
    shell::run(
        Command::new(tools::wasm_opt())
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm)
            .args([
                "-Oz",
                // Repeat the passes until the module stops shrinking (about 5 KB less gzip, twice the time).
                "--converge",
            ])
            .args(tools::WASM_FEATURES),
    )
}
