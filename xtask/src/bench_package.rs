//! The package part of `cargo xtask bench`: the npm package's routing in Node against json-rules-engine on the
//! same rules, in the same run (`xtask/bench/run-package.mjs`), written to its own section of
//! docs/benchmarks.md with both rates and their ratio.

use std::fs;
use std::process::Command;

use crate::bench::Measurement;
use crate::bench_report;
use crate::build;
use crate::shell::{self, root};

/// The peer's measurement name in the driver's output.
const PEER: &str = "json_rules_engine";
/// docs/architecture.md: routing with the full trace ≥ 100× json-rules-engine.
const GOAL: f64 = 100.0;

pub fn run(repetitions: &[String]) -> Result<(), String> {
    build::package()?;
    let stdout = shell::stdout_of(
        Command::new("node")
            .arg(root().join("xtask/bench/run-package.mjs"))
            .arg(build::package_dir())
            .arg(root().join("www/presets/default.json"))
            .args(repetitions),
    )?;
    let measurements: Vec<Measurement> = stdout
        .lines()
        .filter(|line| line.starts_with('{'))
        .map(|line| serde_json::from_str(line).map_err(|err| format!("bad line {line:?}: {err}")))
        .collect::<Result<_, _>>()?;
    let rate = |measurement: &Measurement| measurement.tickets as f64 / measurement.median_seconds;
    let peer = measurements
        .iter()
        .find(|measurement| measurement.name == PEER)
        .map(rate)
        .ok_or("the package benchmark printed no json-rules-engine figure")?;
    let mut section = format!(
        "### The npm package against json-rules-engine (Node)\n\n\
         Measured {} by `cargo xtask bench` in one Node process: 10,000 seeded tickets through the default \
         preset, median of the timed runs. The peer gets the same triggers, routing rules and matrix first \
         receivers as prioritised json-rules-engine rules (translated from Escalator's condition JSON by \
         `xtask/bench/run-package.mjs`); before timing, the driver checks that both pick the same team for \
         every ticket. Goal (architecture.md): the full trace ≥ {GOAL}× the peer.\n\n\
         | measurement | what | tickets/s | × json-rules-engine |\n| --- | --- | ---: | ---: |\n",
        shell::utc_now()
    );
    for measurement in &measurements {
        section.push_str(&format!(
            "| `{}` | {} | {:.0} | {:.1}× |\n",
            measurement.name,
            measurement.description,
            rate(measurement),
            rate(measurement) / peer
        ));
    }
    if let Some(trace) = measurements
        .iter()
        .find(|measurement| measurement.name == "package_route_trace")
    {
        let ratio = rate(trace) / peer;
        let verdict = if ratio >= GOAL { "met" } else { "**not met**" };
        section.push_str(&format!(
            "\nFull trace: {ratio:.1}× the peer — goal {verdict}. Most of a traced decision's time is writing \
             and parsing its JSON (about 5.5 KB per ticket), not routing it; see build-split.md.\n"
        ));
    }
    let path = root().join("docs/benchmarks.md");
    let existing = fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
    bench_report::write_file(
        &path,
        &bench_report::replace_section(&existing, "package", &section)?,
    )
}
