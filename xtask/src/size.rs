//! `cargo xtask size`: the raw and gzip size of each bundle a browser downloads — the widget, the playground
//! page and the simulation worker — checked against their budgets and recorded in docs/benchmarks.md.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::bench_report;
use crate::build::{package_dir, pkg_dir};
use crate::shell::{self, root};

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

/// What one bundle is allowed to weigh, gzip.
enum Budget {
    /// A hard limit: `size` fails above it.
    AtMost(u64, &'static str),
    /// A target not yet enforced (reported with the distance to it).
    Aim(u64, &'static str),
}

/// Files a browser downloads for one use, and their budget.
struct Bundle {
    name: &'static str,
    files: Vec<(String, PathBuf)>,
    budget: Budget,
}

/// The playground page's size before the page and the engine were split (2026-11-23, docs/benchmarks.md):
/// the page must not grow past it.
const PAGE_BEFORE_SPLIT: u64 = 825_560;

fn bundles() -> Vec<Bundle> {
    let package = package_dir();
    let from_package = |names: &[&str]| -> Vec<(String, PathBuf)> {
        names
            .iter()
            .map(|name| ((*name).to_owned(), package.join(name)))
            .collect()
    };
    vec![
        Bundle {
            name: "widget (<escalation-calculator>)",
            files: from_package(&[
                "wasm/widget_bg.wasm",
                "wasm/widget.js",
                "widget.js",
                "element.js",
                "element-styles.js",
                "api.js",
            ]),
            budget: Budget::AtMost(100 * 1024, "widget Wasm + JS ≤ 100 KB gzip"),
        },
        Bundle {
            name: "playground page",
            files: ["playground_bg.wasm", "playground.js"]
                .iter()
                .map(|name| ((*name).to_owned(), pkg_dir().join(name)))
                .collect(),
            budget: Budget::AtMost(
                PAGE_BEFORE_SPLIT,
                "the page must not grow past its 825,560 bytes before the split; the aim is 300 KB",
            ),
        },
        Bundle {
            name: "simulation worker (the package's engine)",
            files: from_package(&[
                "wasm/escalator_bg.wasm",
                "wasm/escalator.js",
                "index.js",
                "api.js",
            ]),
            budget: Budget::Aim(250 * 1024, "the aim is ≤ 250 KB gzip"),
        },
    ]
}

/// `cargo xtask size`: prints a table per bundle, records them in docs/benchmarks.md and fails if a bundle
/// is over a hard budget.
pub fn run() -> Result<(), String> {
    let mut section = format!(
        "### Bundle sizes\n\nMeasured {} by `cargo xtask size`: release builds, `wasm-opt -Oz --converge` (npm `binaryen`), gzip level 9. \
         How the bytes split and why: [build-split.md](build-split.md).\n\n\
         | bundle | file | raw bytes | gzip bytes |\n| --- | --- | ---: | ---: |\n",
        shell::utc_now()
    );
    let mut verdicts = String::new();
    let mut over = Vec::new();
    for bundle in bundles() {
        println!("\n{}", bundle.name);
        let mut total = 0;
        for (name, path) in &bundle.files {
            let measured = measure(path)?;
            println!("  {name:<26} {:>10} {:>10}", measured.raw, measured.gzip);
            section.push_str(&format!(
                "| {} | `{name}` | {} | {} |\n",
                bundle.name, measured.raw, measured.gzip
            ));
            total += measured.gzip;
        }
        let (limit, reason, hard) = match bundle.budget {
            Budget::AtMost(limit, reason) => (limit, reason, true),
            Budget::Aim(limit, reason) => (limit, reason, false),
        };
        let verdict = match (total <= limit, hard) {
            (true, _) => "within budget",
            (false, true) => "**over budget**",
            (false, false) => "**not yet**",
        };
        println!(
            "  {:<26} {:>10} {total:>10}  ({verdict}: {reason})",
            "total", ""
        );
        section.push_str(&format!(
            "| {} | **total** | | **{total}** |\n",
            bundle.name
        ));
        verdicts.push_str(&format!(
            "- {}: {total} bytes gzip against {limit} — {verdict} ({reason}).\n",
            bundle.name
        ));
        if hard && total > limit {
            over.push(format!(
                "{} is {total} bytes gzip, over {limit}",
                bundle.name
            ));
        }
    }
    section.push('\n');
    section.push_str(&verdicts);
    let path = root().join("docs/benchmarks.md");
    let existing = fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
    bench_report::write_file(
        &path,
        &bench_report::replace_section(&existing, "size", &section)?,
    )?;
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("over budget: {}", over.join("; ")))
    }
}
