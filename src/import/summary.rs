//! The import report: how many rows were read, used and skipped (grouped by reason), how many tickets and
//! events were rebuilt, and the team changes the metrics do not show (reassignments, ping-pong).

use std::collections::BTreeMap;

use serde::Serialize;

use super::error::RowProblem;
use super::table::Table;
use super::{DateOrder, LogFormat, ReadTickets};
use crate::engine::journey::EventKind;
use crate::engine::time::Instant;

/// Problems of one kind, in one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProblemGroup {
    pub column: String,
    pub reason: String,
    pub rows: u64,
    pub skipped: bool,
    /// The first row with it, to look at.
    pub first_row: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportSummary {
    pub format: LogFormat,
    pub format_name: &'static str,
    /// Data rows in the file (the header not counted).
    pub rows: u64,
    pub rows_used: u64,
    pub rows_skipped: u64,
    pub tickets: u64,
    pub events: u64,
    /// Team changes after the first assignment.
    pub reassignments: u64,
    /// Tickets with at least one team change.
    pub tickets_reassigned: u64,
    /// Moves to a higher support level (formats with levels).
    pub moves_up: u64,
    /// Moves back down a level.
    pub ping_pong_moves: u64,
    pub tickets_with_ping_pong: u64,
    /// Tickets whose log says they missed an SLA target (formats with such a field).
    pub sla_missed: Option<u64>,
    /// The targets the log states SLA verdicts on.
    pub sla_targets: Vec<crate::engine::journey::SlaTarget>,
    pub date_order: DateOrder,
    /// The zone times without an offset were read in, and the log's days are counted in.
    pub zone: String,
    pub delimiter: String,
    pub first_created: Option<Instant>,
    pub last_event: Option<Instant>,
    pub problems: Vec<ProblemGroup>,
}

/// The reason without the value quoted in it, so that rows with the same fault group together.
fn reason_kind(reason: &str) -> String {
    let mut kind = String::new();
    let mut quoted = false;
    for c in reason.chars() {
        if c == '`' {
            quoted = !quoted;
            if quoted {
                kind.push('…');
            }
        } else if !quoted {
            kind.push(c);
        }
    }
    kind
}

impl ImportSummary {
    pub(super) fn new(
        format: LogFormat,
        table: &Table,
        tickets: &ReadTickets,
        problems: &[RowProblem],
        zone: &str,
    ) -> ImportSummary {
        let mut groups: BTreeMap<(String, String, bool), (u64, u64)> = BTreeMap::new();
        for problem in problems {
            let entry = groups
                .entry((
                    problem.column.clone(),
                    reason_kind(&problem.reason),
                    problem.skipped,
                ))
                .or_insert((0, problem.row));
            entry.0 += 1;
        }
        let mut problem_groups: Vec<ProblemGroup> = groups
            .into_iter()
            .map(
                |((column, reason, skipped), (rows, first_row))| ProblemGroup {
                    column,
                    reason,
                    rows,
                    skipped,
                    first_row,
                },
            )
            .collect();
        problem_groups.sort_by(|a, b| b.rows.cmp(&a.rows).then(a.first_row.cmp(&b.first_row)));
        let skipped = problems.iter().filter(|problem| problem.skipped).count() as u64;
        let rows = table.rows.len() as u64
            + problems
                .iter()
                .filter(|problem| problem.skipped && problem.column == "(row)")
                .count() as u64;
        let moves = &tickets.moves;
        let sla_missed = (!tickets.sla_targets.is_empty()).then(|| {
            tickets
                .journeys
                .iter()
                .filter(|journey| {
                    journey.has_event(|kind| matches!(kind, EventKind::SlaBreach { .. }))
                })
                .count() as u64
        });
        ImportSummary {
            zone: zone.to_owned(),
            format,
            format_name: format.name(),
            rows,
            rows_used: tickets.rows_used,
            rows_skipped: skipped,
            tickets: tickets.journeys.len() as u64,
            events: tickets.journeys.iter().map(|j| j.events.len() as u64).sum(),
            reassignments: moves.iter().map(|m| u64::from(m.reassignments)).sum(),
            tickets_reassigned: moves.iter().filter(|m| m.reassignments > 0).count() as u64,
            moves_up: moves.iter().map(|m| u64::from(m.up)).sum(),
            ping_pong_moves: moves.iter().map(|m| u64::from(m.ping_pong)).sum(),
            tickets_with_ping_pong: moves.iter().filter(|m| m.ping_pong > 0).count() as u64,
            sla_missed,
            sla_targets: tickets.sla_targets.clone(),
            date_order: tickets.date_order,
            delimiter: char::from(table.delimiter).to_string(),
            first_created: tickets
                .journeys
                .iter()
                .map(|j| j.created_at)
                .min_by_key(|at| at.0),
            last_event: tickets
                .journeys
                .iter()
                .filter_map(|j| j.events.last().map(|event| event.at))
                .max_by_key(|at| at.0),
            problems: problem_groups,
        }
    }
}
