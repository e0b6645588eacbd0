//! Load per team: tickets received and resolved, escalations out, busy agent time, utilisation and cost.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::engine::journey::{EventKind, Journey};
use crate::engine::time::{Instant, HOUR};

use super::context::RunContext;

/// One team's load over the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamMetrics {
    pub team: String,
    pub tier: Option<String>,
    /// `Assigned` events naming the team within the period (a ticket assigned twice counts twice).
    pub received: u64,
    /// `Resolved` events naming the team within the period.
    pub resolved: u64,
    /// `Escalated` events leaving the team within the period.
    pub escalated_out: u64,
    /// Agent seconds spent on tickets within the period.
    pub busy_seconds: i64,
    /// `busy_seconds / (agents × staffed_seconds)`; `None` when the team's capacity is unknown or zero.
    pub utilisation: Option<f64>,
    /// `busy_seconds / 3600 × hourly_cost`; `None` without an hourly cost.
    pub cost: Option<f64>,
}

#[derive(Default)]
struct TeamLoad {
    received: u64,
    resolved: u64,
    escalated_out: u64,
    busy_seconds: i64,
}

/// Team load from every journey's events inside `[context.start, context.end)`.
/// Teams of the context come first in their order, then other teams seen in events, by name.
pub fn team_metrics(journeys: &[Journey], context: &RunContext<'_>) -> Vec<TeamMetrics> {
    let mut loads: HashMap<&str, TeamLoad> = HashMap::new();
    let observed = |at: Instant| at >= context.start && at < context.end;
    for journey in journeys {
        let mut working: Option<(&str, Instant)> = None;
        for event in &journey.events {
            let stops_work = matches!(
                event.kind,
                EventKind::Started { .. }
                    | EventKind::Escalated { .. }
                    | EventKind::Resolved { .. }
                    | EventKind::WaitingOnCustomer
                    | EventKind::Abandoned
            );
            if stops_work {
                if let Some((team, since)) = working.take() {
                    add_busy(&mut loads, team, since, event.at, context);
                }
            }
            match &event.kind {
                EventKind::Started { team } => working = Some((team, event.at)),
                EventKind::Assigned { team, .. } if observed(event.at) => {
                    loads.entry(team).or_default().received += 1;
                }
                EventKind::Resolved { team } if observed(event.at) => {
                    loads.entry(team).or_default().resolved += 1;
                }
                EventKind::Escalated { from, .. } if observed(event.at) => {
                    loads.entry(from).or_default().escalated_out += 1;
                }
                _ => {}
            }
        }
        if let Some((team, since)) = working {
            add_busy(&mut loads, team, since, context.end, context);
        }
    }
    let mut result: Vec<TeamMetrics> = context
        .teams
        .iter()
        .map(|entry| {
            let load = loads.remove(entry.team.as_str()).unwrap_or_default();
            let capacity = i128::from(entry.agents) * i128::from(entry.staffed_seconds);
            TeamMetrics {
                team: entry.team.clone(),
                tier: entry.tier.clone(),
                received: load.received,
                resolved: load.resolved,
                escalated_out: load.escalated_out,
                busy_seconds: load.busy_seconds,
                utilisation: (capacity > 0).then(|| load.busy_seconds as f64 / capacity as f64),
                cost: entry
                    .hourly_cost
                    .map(|hourly| load.busy_seconds as f64 / HOUR as f64 * hourly),
            }
        })
        .collect();
    let mut unknown: Vec<(&str, TeamLoad)> = loads.into_iter().collect();
    unknown.sort_unstable_by(|left, right| left.0.cmp(right.0));
    result.extend(unknown.into_iter().map(|(team, load)| TeamMetrics {
        team: team.to_owned(),
        tier: None,
        received: load.received,
        resolved: load.resolved,
        escalated_out: load.escalated_out,
        busy_seconds: load.busy_seconds,
        utilisation: None,
        cost: None,
    }));
    result
}

fn add_busy<'a>(
    loads: &mut HashMap<&'a str, TeamLoad>,
    team: &'a str,
    since: Instant,
    until: Instant,
    context: &RunContext<'_>,
) {
    let from = since.max(context.start);
    let to = until.min(context.end);
    if to > from {
        loads.entry(team).or_default().busy_seconds += to.seconds_since(from);
    }
}
