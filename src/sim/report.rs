//! What the results views show for a simulated scenario: metrics per replication, a row per ticket, who received
//! what (flows between teams by escalation kind) and the response-time samples, ready to serialise for the page.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::journey::{EscalationKind, EventKind, Journey};
use crate::engine::policy::Policy;
use crate::engine::ticket::{Channel, Priority};
use crate::engine::time::Instant;
use crate::metrics::Metrics;
use crate::sim::ScenarioResult;

/// A team as the results views name and place it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamSummary {
    pub id: String,
    pub name: String,
    /// The tier's level (1 = first line).
    pub level: u32,
}

/// Where a ticket stands at the end of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Resolved,
    Abandoned,
    Open,
}

/// One ticket of the first replication, as a table row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketRow {
    /// Position in the first replication's journeys (to ask for the whole journey).
    pub index: usize,
    pub id: String,
    pub created: Instant,
    pub category: String,
    pub priority: Option<Priority>,
    pub channel: Channel,
    /// The team that received it first, and why.
    pub first_team: String,
    pub first_reason: String,
    /// The team holding it at the end.
    pub last_team: String,
    pub escalations: u32,
    /// The kinds of its escalations, each once, in order of first occurrence.
    pub kinds: Vec<EscalationKind>,
    pub breached: bool,
    pub first_response_seconds: Option<i64>,
    pub resolution_seconds: Option<i64>,
    pub outcome: Outcome,
}

/// Tickets that went from one team to another (`from` is `None` for arrivals) in one way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    pub from: Option<String>,
    pub to: String,
    /// `None` for an arrival routed without escalation.
    pub kind: Option<EscalationKind>,
    pub count: u64,
}

/// Everything the Simulate view shows for one run of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimulationReport {
    pub start: Instant,
    pub end: Instant,
    pub replications: usize,
    pub events_processed: u64,
    /// One per replication, in order.
    pub metrics: Vec<Metrics>,
    pub teams: Vec<TeamSummary>,
    pub tickets: Vec<TicketRow>,
    pub flows: Vec<Flow>,
    /// First response and resolution times of the first replication's tickets, in seconds.
    pub first_response_seconds: Vec<i64>,
    pub resolution_seconds: Vec<i64>,
}

impl SimulationReport {
    /// Tickets that arrived: the flows from no team.
    pub fn arrivals(&self) -> u64 {
        self.flows
            .iter()
            .filter(|flow| flow.from.is_none())
            .map(|flow| flow.count)
            .sum()
    }

    /// Builds the report; tickets, flows and samples come from the first replication.
    pub fn new(policy: &Policy, result: &ScenarioResult) -> SimulationReport {
        let teams = policy
            .teams
            .iter()
            .map(|team| TeamSummary {
                id: team.id.clone(),
                name: team.name.clone(),
                level: policy
                    .tiers
                    .iter()
                    .find(|tier| tier.id == team.tier)
                    .map_or(0, |tier| tier.level),
            })
            .collect();
        let first = result.runs.first();
        let journeys: &[Journey] = first.map_or(&[], |run| &run.journeys);
        SimulationReport::from_journeys(
            first.map_or((Instant(0), Instant(0)), |run| (run.start, run.end)),
            result.runs.iter().map(|run| run.events_processed).sum(),
            result.metrics.clone(),
            teams,
            journeys,
        )
    }

    /// A report over `journeys` (a run's first replication, or an imported log's tickets) with one metrics
    /// entry per replication.
    pub fn from_journeys(
        (start, end): (Instant, Instant),
        events_processed: u64,
        metrics: Vec<Metrics>,
        teams: Vec<TeamSummary>,
        journeys: &[Journey],
    ) -> SimulationReport {
        let tickets: Vec<TicketRow> = journeys
            .iter()
            .enumerate()
            .map(|(index, journey)| ticket_row(index, journey))
            .collect();
        SimulationReport {
            start,
            end,
            replications: metrics.len(),
            events_processed,
            metrics,
            teams,
            first_response_seconds: tickets
                .iter()
                .filter_map(|row| row.first_response_seconds)
                .collect(),
            resolution_seconds: tickets
                .iter()
                .filter_map(|row| row.resolution_seconds)
                .collect(),
            flows: flows(journeys),
            tickets,
        }
    }
}

fn ticket_row(index: usize, journey: &Journey) -> TicketRow {
    let mut first: Option<(&str, &str)> = None;
    let mut last_team = "";
    let mut kinds = Vec::new();
    let mut escalations = 0;
    let mut breached = false;
    let mut outcome = Outcome::Open;
    for event in &journey.events {
        match &event.kind {
            EventKind::Assigned { team, reason } => {
                first.get_or_insert((&**team, &**reason));
                last_team = team;
            }
            EventKind::Escalated { kind, to, .. } => {
                escalations += 1;
                last_team = to;
                if !kinds.contains(kind) {
                    kinds.push(*kind);
                }
            }
            EventKind::SlaBreach { .. } => breached = true,
            EventKind::Resolved { .. } => outcome = Outcome::Resolved,
            EventKind::Reopened => outcome = Outcome::Open,
            EventKind::Abandoned => outcome = Outcome::Abandoned,
            _ => {}
        }
    }
    let (first_team, first_reason) = first.unwrap_or(("", ""));
    TicketRow {
        index,
        id: journey.ticket.id.clone(),
        created: journey.created_at,
        category: journey.ticket.category.clone(),
        priority: journey.ticket.priority,
        channel: journey.ticket.channel,
        first_team: first_team.to_owned(),
        first_reason: first_reason.to_owned(),
        last_team: last_team.to_owned(),
        escalations,
        kinds,
        breached,
        first_response_seconds: journey
            .first_response_at()
            .map(|at| at.seconds_since(journey.created_at)),
        resolution_seconds: journey
            .resolved_at()
            .map(|at| at.seconds_since(journey.created_at)),
        outcome,
    }
}

/// Counts arrivals per receiving team and escalations per (from, to, kind).
fn flows(journeys: &[Journey]) -> Vec<Flow> {
    let mut counts: BTreeMap<(Option<&str>, &str, Option<EscalationKind>), u64> = BTreeMap::new();
    for journey in journeys {
        let mut arrived = false;
        for event in &journey.events {
            match &event.kind {
                EventKind::Assigned { team, .. } if !arrived => {
                    arrived = true;
                    *counts.entry((None, &**team, None)).or_default() += 1;
                }
                EventKind::Escalated { kind, from, to, .. } => {
                    *counts
                        .entry((Some(&**from), &**to, Some(*kind)))
                        .or_default() += 1;
                }
                _ => {}
            }
        }
    }
    counts
        .into_iter()
        .map(|((from, to, kind), count)| Flow {
            from: from.map(str::to_owned),
            to: to.to_owned(),
            kind,
            count,
        })
        .collect()
}
