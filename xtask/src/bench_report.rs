//! Writes the benchmark results with the machine they ran on to docs/benchmarks.json and docs/benchmarks.md
//! (only between its `bench:` markers, so other measurements can live in the same file).

use std::fs;
use std::process::Command;

use serde::Serialize;

use crate::bench::Measurement;
use crate::bench_markdown;
use crate::shell::{self, root};

#[derive(Debug, Serialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub load_average_before: String,
    pub rustc: String,
    pub node: String,
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    date: String,
    machine: Machine,
    measurements: Vec<&'a Measurement>,
}

/// The 1, 5 and 15 minute load averages (the machine is shared: a busy machine makes slower figures).
pub fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "unknown".to_owned())
}

pub fn write(
    native: &[Measurement],
    wasm: &[Measurement],
    load_before: &str,
) -> Result<(), String> {
    let machine = Machine {
        cpu: cpu_model(),
        cores: std::thread::available_parallelism().map_or(1, usize::from),
        load_average_before: load_before.to_owned(),
        rustc: version_of("rustc"),
        node: version_of("node"),
    };
    let date = shell::utc_now();
    let markdown = bench_markdown::markdown(&date, &machine, native, wasm);
    let report = Report {
        date,
        machine,
        measurements: native.iter().chain(wasm).collect(),
    };
    let json = serde_json::to_string_pretty(&report).map_err(|err| err.to_string())?;
    let docs = root().join("docs");
    write_file(&docs.join("benchmarks.json"), &(json + "\n"))?;
    let md_path = docs.join("benchmarks.md");
    let existing = fs::read_to_string(&md_path).unwrap_or_else(|_| SKELETON.to_owned());
    write_file(&md_path, &replace_section(&existing, "bench", &markdown)?)?;
    println!("\n{markdown}\nwrote docs/benchmarks.md and docs/benchmarks.json");
    Ok(())
}

const SKELETON: &str = "# Benchmarks

Measured figures for the budgets in [architecture.md](architecture.md#budgets). The part between the `bench:` markers is rewritten by
`cargo xtask bench`; other measurements (browser edit → render timing, Wasm size) go in their own sections below.

<!-- bench:start -->
<!-- bench:end -->
";

/// Replaces what lies between `<!-- NAME:start -->` and `<!-- NAME:end -->`, appending the section if missing.
pub fn replace_section(document: &str, name: &str, generated: &str) -> Result<String, String> {
    let start_marker = format!("<!-- {name}:start -->");
    let end_marker = format!("<!-- {name}:end -->");
    let Some(start) = document.find(&start_marker) else {
        return Ok(format!(
            "{}

{start_marker}
{generated}{end_marker}
",
            document.trim_end()
        ));
    };
    let end = document
        .find(&end_marker)
        .filter(|&end| end > start)
        .ok_or_else(|| format!("docs/benchmarks.md has no {end_marker} after {start_marker}"))?;
    Ok(format!(
        "{}{start_marker}\n{generated}{}",
        &document[..start],
        &document[end..]
    ))
}

pub fn write_file(path: &std::path::Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))
}

fn cpu_model() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn version_of(program: &str) -> String {
    shell::output(Command::new(program).arg("--version"))
        .map_or_else(|| "unknown".to_owned(), |text| text.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_part_between_the_markers_is_replaced() {
        let document = "# Title\n\nintro\n<!-- bench:start -->\nold figures\n<!-- bench:end -->\n\n## Wasm size\n12 KB\n";
        let updated = replace_section(document, "bench", "new figures\n").expect("markers present");
        assert_eq!(
            updated,
            "# Title\n\nintro\n<!-- bench:start -->\nnew figures\n<!-- bench:end -->\n\n## Wasm size\n12 KB\n"
        );
    }

    #[test]
    fn the_skeleton_has_both_markers() {
        let filled = replace_section(SKELETON, "bench", "figures\n").expect("markers present");
        assert!(filled.contains("<!-- bench:start -->\nfigures\n<!-- bench:end -->"));
    }

    #[test]
    fn a_missing_section_is_appended_and_misordered_markers_are_errors() {
        assert_eq!(
            replace_section("# Doc\n", "size", "x\n").expect("appended"),
            "# Doc\n\n<!-- size:start -->\nx\n<!-- size:end -->\n"
        );
        assert!(replace_section("<!-- bench:end --> <!-- bench:start -->", "bench", "x").is_err());
    }
}
