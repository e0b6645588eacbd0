//! The Volvo IT VINST incident log (BPI Challenge 2013): one row per status change of a service request,
//! with the support team (`Involved ST`) and its level (`ST Level`, L1–L3). A move up a level is a
//! hierarchical escalation, sideways a functional one, back down a ping-pong move. See docs/import.md.

use std::collections::HashMap;

use super::builder::JourneyBuilder;
use super::dates;
use super::error::{ImportError, RowProblem};
use super::table::{Row, Table};
use super::LogFormat;
use super::{ReadTickets, Reader};
use crate::engine::ticket::{Channel, Priority, Ticket};
use crate::engine::time::Instant;

pub const REQUIRED: [&str; 5] = [
    "SR Number",
    "Change Date+Time",
    "Status",
    "Involved ST",
    "ST Level",
];

/// `L1` → 1, `L2/L3` → 2 (the lower of the two).
fn level(cell: &str) -> Option<u8> {
    let cell = cell.trim();
    let digits = cell.strip_prefix('L').or_else(|| cell.strip_prefix('l'))?;
    digits
        .chars()
        .next()?
        .to_digit(10)
        .and_then(|d| u8::try_from(d).ok())
}

fn priority(impact: &str) -> Priority {
    match impact.trim().to_lowercase().as_str() {
        "major" | "critical" => Priority::Critical,
        "high" => Priority::High,
        "low" => Priority::Low,
        _ => Priority::Medium,
    }
}

fn waits_on_customer(sub_status: &str) -> bool {
    let lower = sub_status.trim().to_lowercase();
    lower == "wait - user" || lower == "wait - customer"
}

pub fn read(
    table: &Table,
    reader: &Reader,
    problems: &mut Vec<RowProblem>,
) -> Result<ReadTickets, ImportError> {
    let [number, changed, status, team, st_level] =
        table.required(LogFormat::VolvoVinst.name(), REQUIRED)?;
    let (sub_status, impact, product) = (
        table.column("Sub Status"),
        table.column("SR Latest Impact"),
        table.column("Product"),
    );
    let order = reader
        .date_order
        .unwrap_or_else(|| dates::detect_order(table.rows.iter().map(|row| &row.cells[changed])));
    let mut requests: Vec<(&str, Vec<(Instant, &Row)>)> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for row in &table.rows {
        let id = row.cells[number].trim();
        if id.is_empty() {
            problems.push(reader.problem(row, table, number, "no SR number".to_owned(), true));
            continue;
        }
        let at = match reader.instant(row, table, changed, order) {
            Ok(at) => at,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let index = *position.entry(id).or_insert_with(|| {
            requests.push((id, Vec::new()));
            requests.len() - 1
        });
        requests[index].1.push((at, row));
    }
    let mut tickets = ReadTickets::new(order);
    for (id, mut rows) in requests {
        rows.sort_by_key(|(at, _)| at.0);
        let (created, first) = rows[0];
        let cell = |column: Option<usize>| {
            column
                .map(|c| first.cells[c].trim())
                .filter(|text| !text.is_empty())
        };
        let mut ticket = Ticket::new(
            cell(product).unwrap_or("uncategorised"),
            cell(impact).map_or(Priority::Medium, priority),
            Channel::Web,
        );
        ticket.id = id.to_owned();
        let mut journey = JourneyBuilder::new(ticket, created);
        for (at, row) in &rows {
            let team_name = row.cells[team].trim();
            if !team_name.is_empty() {
                let level = level(&row.cells[st_level]);
                if level.is_none() {
                    problems.push(reader.problem(
                        row,
                        table,
                        st_level,
                        format!(
                            "unknown support level `{}`; the team change counts as sideways",
                            row.cells[st_level].trim()
                        ),
                        false,
                    ));
                }
                let reason = level.map_or_else(
                    || "support team".to_owned(),
                    |l| format!("support team L{l}"),
                );
                journey.assign(*at, team_name, level, &reason);
            }
            let sub = sub_status.map_or("", |c| &row.cells[c]);
            match row.cells[status].trim() {
                "Queued" => journey.reopen(*at),
                "Accepted" => {
                    journey.reopen(*at);
                    journey.respond(*at);
                    journey.wait_on_customer(*at, waits_on_customer(sub));
                }
                "Completed" => {
                    journey.respond(*at);
                    journey.resolve(*at);
                }
                "Unmatched" => {}
                other => problems.push(reader.problem(
                    row,
                    table,
                    status,
                    format!("unknown Status `{other}`; the row's team is used"),
                    false,
                )),
            }
        }
        tickets.rows_used += rows.len() as u64;
        tickets.push(journey);
    }
    Ok(tickets)
}
