//! Times the playground's whole simulation path natively for the normal-week preset as the page runs it
//! (simulate every replication, summarise, build the report); `cargo run --profile bench-native --example
//! playground_path`. Raw simulator and routing throughput are measured by `cargo xtask bench`.

use std::time::Instant as WallClock;

use escalator::engine::policy::Policy;
use escalator::sim::report::SimulationReport;
use escalator::sim::{resolve_policy, run_scenario_with_progress, Scenario};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let preset = Scenario::from_json(include_str!("../www/presets/normal-week.json"))?;
    let policy: Policy = resolve_policy(&preset, |_| {
        Some(include_str!("../www/presets/default.json").to_owned())
    })?;
    let started = WallClock::now();
    let result = run_scenario_with_progress(&preset, &policy, &mut |_| {})?;
    let report = SimulationReport::new(&policy, &result);
    let seconds = started.elapsed().as_secs_f64();
    let tickets: usize = result.runs.iter().map(|run| run.journeys.len()).sum();
    println!(
        "normal-week preset, simulate + summarise + report: {} replications, {tickets} tickets in {:.1} ms",
        report.replications,
        seconds * 1e3,
    );
    Ok(())
}
