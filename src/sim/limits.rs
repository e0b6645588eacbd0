//! How big a simulation may be: every limit a valid but absurd scenario can break, checked with its JSON
//! path before any work starts (docs/scenario-format.md, "Limits").

use super::prepared::PreparedScenario;
use super::scenario::{Arrivals, Scenario, ScenarioError};
use crate::engine::calendar::{RANGE_END, RANGE_START};
use crate::engine::time::DAY;

/// Replications of one run.
pub const MAX_REPLICATIONS: u32 = 1_000;
/// Days of arrivals.
pub const MAX_HORIZON_DAYS: i64 = 3_660;
/// Days open tickets keep being worked after the horizon.
pub const MAX_DRAIN_DAYS: i64 = 366;
/// Tickets one replication is expected to create (each costs a few kilobytes while the run lasts).
pub const MAX_TICKETS_PER_REPLICATION: f64 = 1_000_000.0;
/// Tickets all replications together are expected to create (a bound on the run's time).
pub const MAX_TICKETS_PER_RUN: f64 = 4_000_000.0;

/// Runs expected to create more tickets than this (all replications together) wait for the user to confirm
/// in the playground instead of starting at every edit; well inside the limits, but seconds of work.
pub const CONFIRM_ABOVE_TICKETS: f64 = 250_000.0;

/// A quick estimate of the tickets all replications create, from the arrivals, horizon and replications
/// alone (spikes left out), for deciding whether to ask before running. Not a limit: `check` is.
pub fn estimated_tickets(scenario: &Scenario) -> f64 {
    let days = scenario.workload.horizon.0.seconds().max(0) as f64 / DAY as f64;
    let per_day = match &scenario.workload.arrivals {
        Arrivals::Constant { per_hour } => per_hour * 24.0,
        Arrivals::HourOfWeek(rates) => rates.iter().sum::<f64>() / 7.0,
        Arrivals::Daily {
            volume,
            weekday_factors,
            ..
        } => {
            let mean_factor = weekday_factors
                .as_ref()
                .filter(|factors| !factors.is_empty())
                .map_or(1.0, |factors| {
                    factors.iter().sum::<f64>() / factors.len() as f64
                });
            volume * mean_factor
        }
    };
    (per_day.max(0.0) * days * f64::from(scenario.replications.max(1))).max(0.0)
}

/// Checks `scenario`, already prepared as `prepared`, against every limit.
pub fn check(scenario: &Scenario, prepared: &PreparedScenario) -> Result<(), ScenarioError> {
    if scenario.replications > MAX_REPLICATIONS {
        return Err(ScenarioError::over_limit(
            "replications",
            format!(
                "{} replications is more than the {MAX_REPLICATIONS} a run may have; 5 to 30 give useful confidence intervals",
                scenario.replications
            ),
        ));
    }
    let horizon_days = scenario.workload.horizon.0.seconds() / DAY;
    if horizon_days > MAX_HORIZON_DAYS {
        return Err(ScenarioError::over_limit(
            "workload.horizon",
            format!("a horizon of {horizon_days} days is more than the {MAX_HORIZON_DAYS} (ten years) a run may cover"),
        ));
    }
    let drain_days = (prepared.stop - prepared.end) / DAY;
    if drain_days > MAX_DRAIN_DAYS {
        return Err(ScenarioError::over_limit(
            "workload.drain",
            format!("a drain of {drain_days} days is more than the {MAX_DRAIN_DAYS} a run may work on after its horizon"),
        ));
    }
    if prepared.start < RANGE_START || prepared.stop >= RANGE_END {
        return Err(ScenarioError::over_limit(
            "workload.start",
            "the run (start, horizon and drain) must lie between 1970 and 2200, the years calendars know",
        ));
    }
    let per_replication = prepared.expected_tickets();
    if per_replication.is_nan() || per_replication > MAX_TICKETS_PER_REPLICATION {
        return Err(ScenarioError::over_limit(
            "workload.arrivals",
            format!(
                "the arrivals would create about {per_replication:.0} tickets per replication, more than the {MAX_TICKETS_PER_REPLICATION:.0} a replication may hold; shorten the horizon or lower the rates"
            ),
        ));
    }
    let per_run = per_replication * f64::from(scenario.replications.max(1));
    if per_run > MAX_TICKETS_PER_RUN {
        return Err(ScenarioError::over_limit(
            "replications",
            format!(
                "{} replications of about {per_replication:.0} tickets is about {per_run:.0} tickets, more than the {MAX_TICKETS_PER_RUN:.0} a run may create; run fewer replications or a shorter horizon",
                scenario.replications
            ),
        ));
    }
    Ok(())
}
