//! `escalator replay FILE POLICY`: a ticket log's own tickets through a policy; each headline metric as
//! observed in the log (SLA compliance against the policy's targets) and as simulated under the policy,
//! with the change and its 95% interval across replications, and where each team's handling came from.

use std::path::{Path, PathBuf};

use escalator::api::{read_run, RunInput};
use escalator::import::{monday_after, replay_log, scenario_from_log, ScenarioShape};
use escalator::metrics::compare_with_observed;
use escalator::sim::limits::MAX_REPLICATIONS;
use serde_json::json;

use crate::import::{read_ticket_log, LogArgs};
use crate::input::{explain, read, Document};
use crate::progress::Progress;
use crate::simulate::with_replications;
use crate::table;
use crate::Failure;

/// Replications when the scenario comes from the log itself.
const DEFAULT_REPLICATIONS: u32 = 5;

pub struct Options {
    pub log: LogArgs,
    pub scenario: Option<PathBuf>,
    pub replications: Option<u32>,
    pub json: bool,
}

pub fn run(file: &Path, policy: &Path, options: &Options) -> Result<(), Failure> {
    let log = read_ticket_log(file, &options.log, options.json)?;
    let policy = read(policy)?;
    let scenario = match &options.scenario {
        Some(path) => read(path)?,
        None => {
            let mut drawn = scenario_from_log(
                &log,
                ScenarioShape {
                    start: monday_after(&log),
                    days: 7,
                    growth: 1.0,
                },
                &[],
            );
            drawn.replications = DEFAULT_REPLICATIONS;
            Document {
                name: format!("{} (the scenario drawn from it)", file.display()),
                text: serde_json::to_string(&drawn).unwrap_or_default(),
            }
        }
    };
    let scenario_text = match options.replications {
        Some(count) if count > MAX_REPLICATIONS => {
            return Err(Failure::Input(format!(
                "--replications {count}: at most {MAX_REPLICATIONS}"
            )))
        }
        Some(count) => with_replications(&scenario, count)?,
        None => scenario.text.clone(),
    };
    let RunInput {
        model,
        scenario: parsed,
        ..
    } = read_run(Some(&policy.text), &scenario_text).map_err(|error| {
        let source = if error.input == "policy" {
            &policy
        } else {
            &scenario
        };
        Failure::Input(explain(&error, source))
    })?;
    let progress = Progress::new("replaying");
    let replay = replay_log(&log, &parsed, &model, &mut |fraction| {
        progress.set(fraction)
    })
    .map_err(|error| Failure::Input(format!("{}: error[replay]: {error}", scenario.name)))?;
    progress.finish();
    let comparison = compare_with_observed(&replay.observed, &replay.metrics);
    if options.json {
        let output = json!({
            "observed": replay.observed,
            "replications": replay.metrics,
            "comparison": comparison,
            "handling": replay.handling,
        });
        println!("{output:#}");
        return Ok(());
    }
    println!(
        "{}: {} tickets as observed, and through {} in {} replications\n",
        file.display(),
        log.journeys.len(),
        policy.name,
        comparison.variant_replications
    );
    table::print_comparison(&comparison, ["observed", "replayed"], true);
    println!("\nObserved: the log's own times; SLA compliance against this policy's targets, without pauses.");
    println!("Replayed: the log's tickets (arrival, category, priority, channel) simulated under the policy.");
    println!("Handling times and resolve probabilities per policy team:");
    for source in &replay.handling {
        let from = match (source.time_from_log, &options.scenario) {
            (true, _) => format!("the log's {} stays with {}", source.stays, source.team),
            (false, None) => {
                "the log's stays with all its teams (it has no team of this id)".to_owned()
            }
            (false, Some(_)) => format!("{} (the log has no team of this id)", scenario.name),
        };
        println!("  {}: {from}", source.team);
    }
    Ok(())
}
