//! `escalator simulate POLICY SCENARIO`: runs every replication with a progress bar and prints the headline
//! metrics with their 95% intervals (or, with `--json`, every replication's metrics and the estimates).

use std::path::Path;

use escalator::api::SimulationJob;
use escalator::metrics::estimate::estimates;
use escalator::metrics::Metrics;
use serde_json::json;

use crate::input::{explain, read, Document};
use crate::progress::Progress;
use crate::table;
use crate::Failure;

/// Runs `scenario` through `policy`; the metrics of each replication.
pub fn run_metrics(
    policy: &Document,
    scenario: &Document,
    replications: Option<u32>,
    label: &str,
) -> Result<Vec<Metrics>, Failure> {
    let scenario_text = match replications {
        Some(count) => with_replications(scenario, count)?,
        None => scenario.text.clone(),
    };
    let mut job = SimulationJob::new(Some(&policy.text), &scenario_text).map_err(|error| {
        let source = if error.input == "policy" {
            policy
        } else {
            scenario
        };
        Failure::Input(explain(&error, source))
    })?;
    let progress = Progress::new(label);
    while job.run_next(&mut |fraction| progress.set(fraction)) {}
    progress.finish();
    let (_, result) = job.finish();
    Ok(result.metrics)
}

pub fn with_replications(scenario: &Document, count: u32) -> Result<String, Failure> {
    if count == 0 {
        return Err(Failure::Input(
            "--replications: at least 1 replication is needed".to_owned(),
        ));
    }
    let mut value: serde_json::Value = serde_json::from_str(&scenario.text).map_err(|error| {
        Failure::Input(format!(
            "{}:{}:{}: error[scenario-syntax]: {error}\n  help: the scenario is not valid JSON",
            scenario.name,
            error.line(),
            error.column()
        ))
    })?;
    match value.as_object_mut() {
        Some(object) => {
            object.insert("replications".to_owned(), json!(count));
        }
        None => {
            return Err(Failure::Input(format!(
                "{}: error[scenario-shape]: a scenario must be a JSON object",
                scenario.name
            )))
        }
    }
    Ok(value.to_string())
}

pub fn run(
    policy: &Path,
    scenario: &Path,
    replications: Option<u32>,
    as_json: bool,
) -> Result<(), Failure> {
    let policy = read(policy)?;
    let scenario = read(scenario)?;
    let metrics = run_metrics(&policy, &scenario, replications, "simulating")?;
    let estimates = estimates(&metrics);
    if as_json {
        let report = json!({
            "replications": metrics.len(),
            "estimates": estimates,
            "metrics": metrics,
        });
        println!("{report:#}");
        return Ok(());
    }
    let tickets: u64 = metrics.iter().map(|run| run.tickets).sum();
    println!(
        "{} replication(s), {tickets} tickets in all; mean ± 95% interval across replications\n",
        metrics.len()
    );
    let mut rows = vec![vec![
        "metric".to_owned(),
        "mean".to_owned(),
        "± 95%".to_owned(),
        "n".to_owned(),
    ]];
    for estimate in &estimates {
        rows.push(vec![
            estimate.label.clone(),
            table::value(estimate.unit, estimate.mean),
            table::change(estimate.unit, estimate.half_width).replacen('+', "", 1),
            estimate.replications.to_string(),
        ]);
    }
    table::print(&rows);
    Ok(())
}
