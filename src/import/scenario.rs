//! A simulation scenario drawn from an imported log: arrivals by hour of the week, the category, priority
//! and channel mix, and per team a handling-time fit and the share of tickets it resolves, so a support lead
//! can simulate "the same traffic, next quarter, +20 %" through a draft policy. See docs/import.md.

use std::collections::BTreeMap;

use crate::engine::duration::Duration;
use crate::engine::journey::{EventKind, Journey};
use crate::engine::ticket::{Channel, Priority};
use crate::engine::time::{Instant, DAY, HOUR, WEEK};
use crate::sim::duration::Horizon;
use crate::sim::scenario::{
    Arrivals, DefaultHandling, Handling, Mix, PolicySource, Scenario, SignalRates, TeamHandling,
    TimeDistribution, Workload, SCENARIO_VERSION,
};

use super::ImportedLog;

/// What to simulate: how many days from when, and how much more (or less) traffic than the log had.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScenarioShape {
    pub start: Instant,
    pub days: u32,
    /// 1.2 for 20 % more tickets.
    pub growth: f64,
}

/// Seconds since a Monday 00:00 UTC (1970-01-05) for hour-of-week buckets.
const MONDAY: i64 = 4 * DAY;

/// When the log's first and last tickets were created (seconds since 1970; both 0 for no ticket).
pub fn creation_span(log: &ImportedLog) -> (i64, i64) {
    let created = log.journeys.iter().map(|journey| journey.created_at.0);
    let first = created.clone().min().unwrap_or(0);
    let last = created.max().unwrap_or(first);
    (first, last)
}

/// Monday 00:00 UTC after the log's last ticket was created: where "the same traffic, next" starts.
pub fn monday_after(log: &ImportedLog) -> Instant {
    let (_, last) = creation_span(log);
    Instant(last - (last - MONDAY).rem_euclid(WEEK) + WEEK)
}

/// The scenario the log's traffic and handling describe, against the policy named `default`. Teams of the
/// log that `policy_teams` (the ids of the policy it will run with) lists get their own handling; the others'
/// stays go into the default handling, since a scenario may only name the policy's teams.
pub fn scenario_from_log(
    log: &ImportedLog,
    shape: ScenarioShape,
    policy_teams: &[&str],
) -> Scenario {
    let journeys = &log.journeys;
    let (first, last) = creation_span(log);
    let weeks = ((last - first) as f64 / WEEK as f64).max(1.0);
    let mut per_hour = vec![0.0; 168];
    for journey in journeys {
        let hour = ((journey.created_at.0 - MONDAY).rem_euclid(WEEK) / HOUR) as usize;
        per_hour[hour.min(167)] += 1.0;
    }
    let growth = if shape.growth.is_finite() && shape.growth > 0.0 {
        shape.growth
    } else {
        1.0
    };
    let arrivals: Vec<f64> = per_hour
        .iter()
        .map(|count| count / weeks * growth)
        .collect();
    let mut categories: BTreeMap<String, f64> = BTreeMap::new();
    let mut priorities: BTreeMap<Priority, f64> = BTreeMap::new();
    let mut channels: BTreeMap<Channel, f64> = BTreeMap::new();
    for journey in journeys {
        *categories
            .entry(journey.ticket.category.clone())
            .or_default() += 1.0;
        *priorities
            .entry(journey.ticket.priority.unwrap_or(Priority::Medium))
            .or_default() += 1.0;
        *channels.entry(journey.ticket.channel).or_default() += 1.0;
    }
    let stays = team_stays(journeys);
    let all: Vec<f64> = stays
        .values()
        .flat_map(|s| s.seconds.iter().copied())
        .collect();
    let resolved_total: u64 = stays.values().map(|s| s.resolved).sum();
    let stays_total: u64 = stays.values().map(|s| s.seconds.len() as u64).sum();
    let default = DefaultHandling {
        time: fit(&all).unwrap_or(TimeDistribution::Exponential {
            mean: Duration::hours(1),
        }),
        resolve: ratio(resolved_total, stays_total).unwrap_or(1.0),
    };
    let teams = stays
        .into_iter()
        .filter(|(team, _)| policy_teams.contains(&team.as_str()))
        .map(|(team, stay)| {
            let handling = TeamHandling {
                time: fit(&stay.seconds),
                resolve: ratio(stay.resolved, stay.seconds.len() as u64),
                categories: BTreeMap::new(),
            };
            (team, handling)
        })
        .collect();
    Scenario {
        schema_version: SCENARIO_VERSION,
        name: Some(format!("Traffic of the imported {} log", log.format.key())),
        description: Some(format!(
            "Drawn from {} tickets over {:.1} weeks: arrivals by hour of the week ×{growth}, the category, \
             priority and channel mix, and per team the time tickets stayed with it and the share it resolved.",
            journeys.len(),
            weeks
        )),
        policy: PolicySource::Named("default".to_owned()),
        policy_overrides: Vec::new(),
        workload: Workload {
            start: shape.start,
            horizon: Horizon(Duration::days(i64::from(shape.days.max(1)))),
            time_zone: None,
            drain: Some(Duration::days(7)),
            arrivals: Arrivals::HourOfWeek(arrivals),
            spikes: Vec::new(),
        },
        mix: Mix {
            categories,
            priorities,
            priorities_by_category: BTreeMap::new(),
            impact_urgency: BTreeMap::new(),
            channels,
            segments: BTreeMap::from([("standard".to_owned(), 1.0)]),
            signals: SignalRates::default(),
            signals_by_category: BTreeMap::new(),
            amounts: BTreeMap::new(),
        },
        staffing: BTreeMap::new(),
        assignment: BTreeMap::new(),
        handling: Handling {
            default,
            teams,
        },
        knowledge_base: None,
        abandonment: None,
        waiting: None,
        seed: 1,
        replications: 5,
    }
}

/// Per team: how long tickets stayed with it, and how many of those stays ended in a resolution.
#[derive(Default)]
struct Stays {
    seconds: Vec<f64>,
    resolved: u64,
}

fn team_stays(journeys: &[Journey]) -> BTreeMap<String, Stays> {
    let mut stays: BTreeMap<String, Stays> = BTreeMap::new();
    for journey in journeys {
        let mut current: Option<(&str, Instant)> = None;
        for event in &journey.events {
            let (next, resolved) = match &event.kind {
                EventKind::Assigned { team, .. } => (Some(&**team), false),
                EventKind::Escalated { to, .. } => (Some(&**to), false),
                EventKind::Resolved { .. } => (None, true),
                _ => continue,
            };
            if let Some((team, since)) = current {
                let stay = stays.entry(team.to_owned()).or_default();
                stay.seconds.push((event.at.0 - since.0).max(0) as f64);
                stay.resolved += u64::from(resolved);
            }
            current = next.map(|team| (team, event.at));
        }
    }
    stays
}

/// A lognormal with the values' mean and coefficient of variation; `None` without positive values.
fn fit(seconds: &[f64]) -> Option<TimeDistribution> {
    let positive: Vec<f64> = seconds.iter().copied().filter(|s| *s > 0.0).collect();
    if positive.is_empty() {
        return None;
    }
    let n = positive.len() as f64;
    let mean = positive.iter().sum::<f64>() / n;
    let variance = positive.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / n;
    let cv = if mean > 0.0 {
        variance.sqrt() / mean
    } else {
        0.0
    };
    Some(TimeDistribution::Lognormal {
        mean: Duration::from_seconds(mean.round().max(1.0) as i64),
        cv: (cv * 100.0).round() / 100.0,
    })
}

fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}
