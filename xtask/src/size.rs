//! Prints the raw and gzip size of the release Wasm and JS glue and checks them against the budgets.

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::build::pkg_dir;

/// Gzip budget for the playground's Wasm plus JS glue (DESIGN.md: app ≤ 300 KB gzip).
const APP_GZIP_BUDGET: u64 = 300 * 1024;

pub struct Measured {
    pub raw: u64,
    pub gzip: u64,
}

pub fn measure(file: &Path) -> Result<Measured, String> {
    let bytes = fs::read(file).map_err(|err| format!("cannot read {}: {err}", file.display()))?;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(&bytes)
        .and_then(|()| encoder.finish())
        .map(|gz| Measured {
            raw: bytes.len() as u64,
            gzip: gz.len() as u64,
        })
        .map_err(|err| format!("cannot gzip {}: {err}", file.display()))
}

/// `cargo xtask size`: prints a table and fails if the app is over budget.
pub fn run() -> Result<(), String> {
    let pkg = pkg_dir();
    let mut total_gzip = 0;
    println!("\n{:<24} {:>12} {:>12}", "file", "raw bytes", "gzip bytes");
    for name in ["escalator_bg.wasm", "escalator.js"] {
        let measured = measure(&pkg.join(name))?;
        println!("{name:<24} {:>12} {:>12}", measured.raw, measured.gzip);
        total_gzip += measured.gzip;
    }
    println!(
        "{:<24} {:>12} {:>12}  (budget {} gzip)",
        "app total", "", total_gzip, APP_GZIP_BUDGET
    );
    if total_gzip > APP_GZIP_BUDGET {
        return Err(format!(
            "the app is {total_gzip} bytes gzip, over its budget of {APP_GZIP_BUDGET}"
        ));
    }
    Ok(())
}
