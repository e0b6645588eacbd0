//! Exports with one row per ticket — Zendesk, Freshdesk and Jira Service Management — read into journeys
//! from their timestamps and duration columns: created, assigned to its group, first reply, resolved (with
//! its reopenings), and the SLA verdicts the export states. See docs/import.md for each column.

use std::collections::HashSet;

use super::builder::JourneyBuilder;
use super::dates::{self, DateOrder};
use super::error::{ImportError, RowProblem};
use super::table::{Row, Table};
use super::{LogFormat, ReadTickets, Reader};
use crate::engine::journey::SlaTarget;
use crate::engine::ticket::{Channel, Priority, Ticket};
use crate::engine::time::Instant;

pub const ZENDESK: [&str; 5] = [
    "Id",
    "Created at",
    "Group",
    "Status",
    "First reply time in minutes",
];
pub const FRESHDESK: [&str; 5] = [
    "Ticket ID",
    "Created time",
    "Resolved time",
    "Group",
    "Status",
];
pub const JIRA: [&str; 5] = ["Issue key", "Created", "Resolved", "Status", "Priority"];

/// Where one format keeps each thing a journey needs.
struct Layout {
    id: &'static str,
    created: &'static str,
    group: &'static [&'static str],
    priority: &'static str,
    channel: &'static str,
    category: &'static [&'static str],
    /// A resolution timestamp column.
    resolved_at: Option<&'static str>,
    /// Minutes from creation to the full resolution.
    resolved_after_minutes: Option<&'static str>,
    first_reply: FirstReply,
    /// Minutes from creation to the first resolution (before reopenings).
    first_resolution_minutes: Option<&'static str>,
    reopens: Option<&'static str>,
    group_stations: Option<&'static str>,
    /// Columns stating whether the first response and the resolution kept their SLA.
    sla: [(SlaTarget, Option<&'static str>); 2],
}

enum FirstReply {
    None,
    AfterMinutes(&'static str),
    At(&'static str),
}

fn layout(format: LogFormat) -> Option<Layout> {
    Some(match format {
        LogFormat::Zendesk => Layout {
            id: "Id",
            created: "Created at",
            group: &["Group"],
            priority: "Priority",
            channel: "Via",
            category: &["Ticket type", "Category"],
            resolved_at: Some("Solved at"),
            resolved_after_minutes: Some("Full resolution time in minutes"),
            first_reply: FirstReply::AfterMinutes("First reply time in minutes"),
            first_resolution_minutes: Some("First resolution time in minutes"),
            reopens: Some("Reopens"),
            group_stations: Some("Group stations"),
            sla: [
                (SlaTarget::FirstResponse, None),
                (SlaTarget::Resolution, None),
            ],
        },
        LogFormat::Freshdesk => Layout {
            id: "Ticket ID",
            created: "Created time",
            group: &["Group"],
            priority: "Priority",
            channel: "Source",
            category: &["Type", "Category"],
            resolved_at: Some("Resolved time"),
            resolved_after_minutes: None,
            first_reply: FirstReply::At("Initial response time"),
            first_resolution_minutes: None,
            reopens: None,
            group_stations: None,
            sla: [
                (SlaTarget::FirstResponse, Some("First response status")),
                (SlaTarget::Resolution, Some("Resolution status")),
            ],
        },
        LogFormat::Jira => Layout {
            id: "Issue key",
            created: "Created",
            group: &["Component/s", "Custom field (Team)", "Assignee"],
            priority: "Priority",
            channel: "Custom field (Source)",
            category: &["Custom field (Request Type)", "Issue Type"],
            resolved_at: Some("Resolved"),
            resolved_after_minutes: None,
            first_reply: FirstReply::None,
            first_resolution_minutes: None,
            reopens: None,
            group_stations: None,
            sla: [
                (
                    SlaTarget::FirstResponse,
                    Some("Custom field (Time to first response)"),
                ),
                (
                    SlaTarget::Resolution,
                    Some("Custom field (Time to resolution)"),
                ),
            ],
        },
        LogFormat::ServiceNow | LogFormat::VolvoVinst | LogFormat::Mapped => return None,
    })
}

/// Urgent, critical, highest and blocker are critical; high; low and lowest; anything else medium.
fn priority(text: &str) -> Priority {
    let lower = text.trim().to_lowercase();
    if ["urgent", "critical", "highest", "blocker", "p1", "1"]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        Priority::Critical
    } else if lower.starts_with("high") || lower.starts_with("p2") {
        Priority::High
    } else if lower.starts_with("low") || lower.starts_with("p4") {
        Priority::Low
    } else {
        Priority::Medium
    }
}

/// The channel a source or contact-type cell names (mail, phone, voice, call, chat, messaging), else web.
pub(super) fn channel(text: &str) -> Channel {
    let lower = text.trim().to_lowercase();
    if lower.contains("mail") {
        Channel::Email
    } else if lower.contains("phone") || lower.contains("voice") || lower.contains("call") {
        Channel::Phone
    } else if lower.contains("chat") || lower.contains("messag") {
        Channel::Chat
    } else {
        Channel::Web
    }
}

/// `90`, `12.5`, or `1:30[:00]` as minutes; `None` for a blank.
fn minutes(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() || text == "-" {
        return Ok(None);
    }
    if let Ok(value) = text.parse::<f64>() {
        return (value.is_finite() && value >= 0.0)
            .then_some(Some(value))
            .ok_or_else(|| format!("`{text}` is not a number of minutes"));
    }
    let parts: Vec<&str> = text.split(':').collect();
    let numbers: Option<Vec<f64>> = parts.iter().map(|p| p.parse::<f64>().ok()).collect();
    match numbers.as_deref() {
        Some([hours, minutes]) => Ok(Some(hours * 60.0 + minutes)),
        Some([hours, minutes, seconds]) => Ok(Some(hours * 60.0 + minutes + seconds / 60.0)),
        _ => Err(format!("`{text}` is not a duration (minutes, or H:MM)")),
    }
}

/// Whether an SLA column says the target was missed: `SLA Violated`, `Breached`, or a Jira clock with a
/// leading `-` (`-02:30`); `None` when the column is blank.
fn missed(text: &str) -> Option<bool> {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    Some(
        lower.starts_with('-')
            || lower.contains("violat")
            || lower.contains("breach")
            || lower.contains("missed"),
    )
}

fn after(start: Instant, minutes: f64) -> Instant {
    Instant(start.0 + (minutes * 60.0).round() as i64)
}

pub fn read(
    format: LogFormat,
    table: &Table,
    reader: &Reader,
    problems: &mut Vec<RowProblem>,
) -> Result<ReadTickets, ImportError> {
    let Some(layout) = layout(format) else {
        return Err(ImportError::UnknownFormat {
            columns: table.columns.clone(),
        });
    };
    let [id, created] = table.required(format.name(), [layout.id, layout.created])?;
    let find = |name: Option<&'static str>| name.and_then(|name| table.column(name));
    let first_of = |names: &[&str]| names.iter().find_map(|name| table.column(name));
    let (group, category) = (first_of(layout.group), first_of(layout.category));
    let (priority_column, channel_column) =
        (table.column(layout.priority), table.column(layout.channel));
    let (resolved_at, resolved_after) = (
        find(layout.resolved_at),
        find(layout.resolved_after_minutes),
    );
    let (first_resolution, reopens, stations) = (
        find(layout.first_resolution_minutes),
        find(layout.reopens),
        find(layout.group_stations),
    );
    let first_reply = match layout.first_reply {
        FirstReply::None => None,
        FirstReply::AfterMinutes(name) => table.column(name).map(|c| (c, false)),
        FirstReply::At(name) => table.column(name).map(|c| (c, true)),
    };
    let sla: Vec<(SlaTarget, usize)> = layout
        .sla
        .iter()
        .filter_map(|(target, name)| Some((*target, find(*name)?)))
        .collect();
    let timestamp_columns: Vec<usize> = [
        Some(created),
        resolved_at,
        first_reply.filter(|(_, at)| *at).map(|(c, _)| c),
    ]
    .into_iter()
    .flatten()
    .collect();
    let order = reader.date_order.unwrap_or_else(|| {
        dates::detect_order(
            table
                .rows
                .iter()
                .flat_map(|row| timestamp_columns.iter().map(|c| &row.cells[*c])),
        )
    });
    let mut tickets = ReadTickets::new(order);
    tickets.sla_targets = sla.iter().map(|(target, _)| *target).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for row in &table.rows {
        let ticket_id = row.cells[id].trim();
        if ticket_id.is_empty() {
            problems.push(reader.problem(row, table, id, "no ticket id".to_owned(), true));
            continue;
        }
        if !seen.insert(ticket_id.to_owned()) {
            problems.push(reader.problem(
                row,
                table,
                id,
                format!("ticket `{ticket_id}` appears again; its first row is used"),
                true,
            ));
            continue;
        }
        match one_ticket(
            row,
            table,
            reader,
            order,
            &Columns {
                id,
                created,
                group,
                category,
                priority: priority_column,
                channel: channel_column,
                resolved_at,
                resolved_after,
                first_resolution,
                reopens,
                stations,
                first_reply,
                sla: &sla,
            },
        ) {
            Ok((journey, notes)) => {
                problems.extend(notes);
                tickets.rows_used += 1;
                tickets.push(journey);
            }
            Err(problem) => problems.push(problem),
        }
    }
    Ok(tickets)
}

struct Columns<'a> {
    id: usize,
    created: usize,
    group: Option<usize>,
    category: Option<usize>,
    priority: Option<usize>,
    channel: Option<usize>,
    resolved_at: Option<usize>,
    resolved_after: Option<usize>,
    first_resolution: Option<usize>,
    reopens: Option<usize>,
    stations: Option<usize>,
    /// The column, and whether it holds a timestamp (else minutes after creation).
    first_reply: Option<(usize, bool)>,
    sla: &'a [(SlaTarget, usize)],
}

/// One row's journey and the notes on values it used with an assumption, or the problem that leaves it out.
fn one_ticket(
    row: &Row,
    table: &Table,
    reader: &Reader,
    order: DateOrder,
    columns: &Columns<'_>,
) -> Result<(JourneyBuilder, Vec<RowProblem>), RowProblem> {
    let cell = |column: Option<usize>| {
        column
            .map(|c| row.cells[c].trim())
            .filter(|text| !text.is_empty())
    };
    let created = reader.instant(row, table, columns.created, order)?;
    let minutes_in = |column: Option<usize>| -> Result<Option<f64>, RowProblem> {
        match column {
            None => Ok(None),
            Some(c) => {
                minutes(&row.cells[c]).map_err(|reason| reader.problem(row, table, c, reason, true))
            }
        }
    };
    let resolved = match (cell(columns.resolved_at), columns.resolved_at) {
        (Some(_), Some(c)) => Some(reader.instant(row, table, c, order)?),
        _ => minutes_in(columns.resolved_after)?.map(|m| after(created, m)),
    };
    if let (Some(resolved), Some(column)) =
        (resolved, columns.resolved_at.or(columns.resolved_after))
    {
        if resolved.0 < created.0 {
            return Err(reader.problem(
                row,
                table,
                column,
                format!(
                    "resolved before it was created (ticket {})",
                    row.cells[columns.id].trim()
                ),
                true,
            ));
        }
    }
    let first_reply = match columns.first_reply {
        Some((c, true)) if cell(Some(c)).is_some() => Some(reader.instant(row, table, c, order)?),
        Some((c, false)) => minutes_in(Some(c))?.map(|m| after(created, m)),
        _ => None,
    };
    let mut ticket = Ticket::new(
        cell(columns.category).unwrap_or("uncategorised"),
        cell(columns.priority).map_or(Priority::Medium, priority),
        cell(columns.channel).map_or(Channel::Web, channel),
    );
    ticket.id = row.cells[columns.id].trim().to_owned();
    let mut journey = JourneyBuilder::new(ticket, created);
    let group = cell(columns.group).unwrap_or("unassigned");
    let stations: u32 = cell(columns.stations)
        .and_then(|t| t.parse().ok())
        .unwrap_or(1);
    let mut notes = Vec::new();
    if stations > 1 {
        journey.assign(
            created,
            "earlier group",
            None,
            "first group (its name is not in the export)",
        );
        journey.assign(
            first_reply.unwrap_or(created),
            group,
            None,
            "group stations",
        );
        if stations > 2 {
            notes.push(reader.problem(
                row,
                table,
                columns.stations.unwrap_or(columns.id),
                format!("{stations} group stations: counted as one reassignment, the export names only the last group"),
                false,
            ));
        }
    } else {
        journey.assign(created, group, None, "group");
    }
    if let Some(at) = first_reply {
        journey.respond(at);
    }
    let reopens: u32 = cell(columns.reopens)
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    if let Some(resolved) = resolved {
        if reopens > 0 {
            let first =
                minutes_in(columns.first_resolution)?.map_or(resolved, |m| after(created, m));
            journey.resolve(Instant(first.0.min(resolved.0)));
            for _ in 1..reopens {
                journey.reopen(first);
                journey.resolve(first);
            }
            journey.reopen(first);
        }
        journey.resolve(resolved);
    }
    for (target, column) in columns.sla {
        if missed(&row.cells[*column]) == Some(true) {
            journey.missed_sla(*target);
        }
    }
    Ok((journey, notes))
}
