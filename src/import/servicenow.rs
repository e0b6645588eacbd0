//! The ServiceNow incident audit log (one row per update of an incident): rows grouped by `number`, ordered
//! by `sys_updated_at` then `sys_mod_count`, each change of `assignment_group` a reassignment and of
//! `incident_state` a status event; `made_sla` is the log's own SLA verdict. See docs/import.md.

use std::collections::HashMap;

use super::builder::JourneyBuilder;
use super::dates;
use super::error::{ImportError, RowProblem};
use super::per_ticket::channel;
use super::table::{Row, Table};
use super::LogFormat;
use super::{ReadTickets, Reader};
use crate::engine::journey::SlaTarget;
use crate::engine::ticket::{Channel, Priority, Ticket};
use crate::engine::time::Instant;

pub const REQUIRED: [&str; 5] = [
    "number",
    "incident_state",
    "sys_updated_at",
    "opened_at",
    "assignment_group",
];

/// Missing values are written `?`.
fn present(cell: &str) -> Option<&str> {
    let cell = cell.trim();
    (!cell.is_empty() && cell != "?").then_some(cell)
}

/// `3 - Moderate` → medium; 1 is critical, 2 high, 4 and 5 low.
fn priority(cell: &str) -> Priority {
    match cell.trim().chars().next() {
        Some('1') => Priority::Critical,
        Some('2') => Priority::High,
        Some('4') | Some('5') => Priority::Low,
        _ => Priority::Medium,
    }
}

fn is_false(cell: &str) -> bool {
    matches!(
        cell.trim().to_lowercase().as_str(),
        "false" | "0" | "no" | "f"
    )
}

pub fn read(
    table: &Table,
    reader: &Reader,
    problems: &mut Vec<RowProblem>,
) -> Result<ReadTickets, ImportError> {
    let [number, state, updated, opened, group] =
        table.required(LogFormat::ServiceNow.name(), REQUIRED)?;
    let optional = |name: &str| table.column(name);
    let (mod_count, made_sla, priority_column, category, contact, resolved_at) = (
        optional("sys_mod_count"),
        optional("made_sla"),
        optional("priority"),
        optional("category"),
        optional("contact_type"),
        optional("resolved_at"),
    );
    let order = reader.date_order.unwrap_or_else(|| {
        dates::detect_order(
            table
                .rows
                .iter()
                .flat_map(|row| [&row.cells[opened], &row.cells[updated]]),
        )
    });
    let mut incidents: Vec<(&str, Vec<&Row>)> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for row in &table.rows {
        let Some(id) = present(&row.cells[number]) else {
            problems.push(reader.problem(
                row,
                table,
                number,
                "no incident number".to_owned(),
                true,
            ));
            continue;
        };
        let at = *position.entry(id).or_insert_with(|| {
            incidents.push((id, Vec::new()));
            incidents.len() - 1
        });
        incidents[at].1.push(row);
    }
    let mut tickets = ReadTickets::new(order);
    for (id, rows) in incidents {
        let first = rows[0];
        let created = match reader.instant(first, table, opened, order) {
            Ok(created) => created,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        if let Some(resolved) = resolved_at
            .and_then(|c| present(&first.cells[c]))
            .and_then(|text| dates::parse(text, order, &reader.zone).ok())
        {
            if resolved.0 < created.0 {
                problems.push(reader.problem(
                    first,
                    table,
                    resolved_at.unwrap_or(opened),
                    format!("resolved_at before opened_at in incident {id}"),
                    true,
                ));
                continue;
            }
        }
        let mut timed: Vec<(Instant, i64, &Row)> = Vec::with_capacity(rows.len());
        let mut seen: Vec<&csv::StringRecord> = Vec::with_capacity(rows.len());
        for row in rows {
            if seen.contains(&&row.cells) {
                problems.push(reader.problem(
                    row,
                    table,
                    number,
                    format!("the same row of {id} again"),
                    true,
                ));
                continue;
            }
            seen.push(&row.cells);
            match reader.instant(row, table, updated, order) {
                Ok(at) => {
                    let count = mod_count
                        .and_then(|c| row.cells[c].trim().parse().ok())
                        .unwrap_or(0);
                    timed.push((at, count, row));
                }
                Err(problem) => problems.push(problem),
            }
        }
        timed.sort_by_key(|(at, count, _)| (at.0, *count));
        let cell = |column: Option<usize>| column.and_then(|c| present(&first.cells[c]));
        let mut ticket = Ticket::new(
            cell(category).unwrap_or("uncategorised"),
            cell(priority_column).map_or(Priority::Medium, priority),
            cell(contact).map_or(Channel::Web, channel),
        );
        ticket.id = id.to_owned();
        let mut journey = JourneyBuilder::new(ticket, created);
        for (at, _, row) in &timed {
            if at.0 < created.0 {
                problems.push(reader.problem(
                    row,
                    table,
                    updated,
                    "sys_updated_at before opened_at; read as the opening time".to_owned(),
                    false,
                ));
            }
            if let Some(team) = present(&row.cells[group]) {
                journey.assign(*at, team, None, "assignment group");
            }
            match row.cells[state].trim() {
                "New" => {}
                "Active" | "In Progress" => {
                    journey.reopen(*at);
                    journey.respond(*at);
                    journey.wait_on_customer(*at, false);
                }
                "Awaiting User Info" | "On Hold" | "Awaiting Caller" => {
                    journey.reopen(*at);
                    journey.respond(*at);
                    journey.wait_on_customer(*at, true);
                }
                "Awaiting Problem" | "Awaiting Vendor" | "Awaiting Evidence"
                | "Awaiting Change" => {
                    journey.reopen(*at);
                    journey.respond(*at);
                    journey.wait_on_customer(*at, false);
                }
                "Resolved" | "Closed" | "Canceled" | "Cancelled" => journey.resolve(*at),
                other => problems.push(reader.problem(
                    row,
                    table,
                    state,
                    format!("unknown incident_state `{other}`; the row's other fields are used"),
                    false,
                )),
            }
        }
        if let Some((_, _, last)) = timed.last() {
            if made_sla.is_some_and(|c| is_false(&last.cells[c])) {
                journey.missed_sla(SlaTarget::Resolution);
            }
            tickets.rows_used += timed.len() as u64;
            tickets.push(journey);
        }
    }
    if made_sla.is_some() {
        tickets.sla_targets = vec![SlaTarget::Resolution];
    }
    Ok(tickets)
}
