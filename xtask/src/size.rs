//! Prints the raw and gzip size of the release Wasm and JS glue and checks them against the budgets.

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use std::process::Command;

use crate::bench_report;
use crate::build::pkg_dir;
use crate::shell::{self, root};

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

/// Writes the figures into the `size` section of docs/benchmarks.md.
fn record(rows: &[(&str, Measured)], total_gzip: u64) -> Result<(), String> {
    let date = shell::output(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))
        .map_or_else(|| "unknown".to_owned(), |text| text.trim().to_owned());
    let mut section = format!(
        "### Wasm size\n\nMeasured {date} by `cargo xtask size`: release build, `wasm-opt -Oz` (npm `binaryen`), gzip level 9.\n\n\
         | file | raw bytes | gzip bytes |\n| --- | ---: | ---: |\n"
    );
    for (name, measured) in rows {
        section.push_str(&format!(
            "| `{name}` | {} | {} |\n",
            measured.raw, measured.gzip
        ));
    }
    let verdict = if total_gzip > APP_GZIP_BUDGET {
        "**over budget**"
    } else {
        "within budget"
    };
    section.push_str(&format!(
        "| app total | | {total_gzip} |\n\nBudget: app ≤ {} KB gzip — {verdict}.\n",
        APP_GZIP_BUDGET / 1024
    ));
    let path = root().join("docs/benchmarks.md");
    let existing = fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
    bench_report::write_file(
        &path,
        &bench_report::replace_section(&existing, "size", &section)?,
    )
}

/// `cargo xtask size`: prints a table, records it in docs/benchmarks.md and fails if the app is over budget.
pub fn run() -> Result<(), String> {
    let pkg = pkg_dir();
    let mut total_gzip = 0;
    let mut rows = Vec::new();
    println!("\n{:<24} {:>12} {:>12}", "file", "raw bytes", "gzip bytes");
    for name in ["escalator_bg.wasm", "escalator.js"] {
        let measured = measure(&pkg.join(name))?;
        println!("{name:<24} {:>12} {:>12}", measured.raw, measured.gzip);
        total_gzip += measured.gzip;
        rows.push((name, measured));
    }
    println!(
        "{:<24} {:>12} {:>12}  (budget {} gzip)",
        "app total", "", total_gzip, APP_GZIP_BUDGET
    );
    record(&rows, total_gzip)?;
    if total_gzip > APP_GZIP_BUDGET {
        return Err(format!(
            "the app is {total_gzip} bytes gzip, over its budget of {APP_GZIP_BUDGET}"
        ));
    }
    Ok(())
}
