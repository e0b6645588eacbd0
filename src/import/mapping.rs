//! Any event-style CSV read through a column mapping: which column holds the ticket id, the timestamp, the
//! team, its tier (support level), the status, and optionally priority, category and channel. Statuses are
//! read by their words: resolved, closed, solved, done, completed, cancelled end a ticket; waiting on the
//! customer or user pauses it; anything else is work in progress.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::builder::JourneyBuilder;
use super::dates;
use super::error::{ImportError, RowProblem};
use super::per_ticket::channel;
use super::table::{Row, Table};
use super::{ReadTickets, Reader};
use crate::engine::ticket::{Channel, Priority, Ticket};
use crate::engine::time::Instant;

/// Column names of a ticket log that no built-in format knows, as a support lead chooses them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The ticket (case, incident, request) each row belongs to.
    pub id: String,
    /// When the row's change happened.
    pub timestamp: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// The team's support level (`L2`, `2`, `Tier 2`): a move to a higher one is a hierarchical escalation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
}

/// Words that suggest which column holds a field, tried in order on each column's lowercased name.
const HINTS: [(&str, &[&str]); 8] = [
    (
        "id",
        &[
            "ticket id",
            "case id",
            "incident",
            "number",
            "case",
            "ticket",
            "key",
            "id",
        ],
    ),
    (
        "timestamp",
        &["timestamp", "date", "time", "when", "updated", "created"],
    ),
    ("team", &["team", "group", "queue", "assign"]),
    ("tier", &["tier", "level", "line"]),
    ("status", &["status", "state"]),
    ("priority", &["priority", "urgency", "severity"]),
    (
        "category",
        &["category", "type", "kind", "topic", "product"],
    ),
    ("channel", &["channel", "source", "via", "origin"]),
];

impl Mapping {
    /// A first guess for a file with `columns`: for each field, the first column whose name has one of the
    /// field's words (the id and the timestamp fall back to the first and second column). Each column is
    /// used once. A person checks and corrects it before it is used.
    pub fn suggest(columns: &[String]) -> Mapping {
        let mut taken: Vec<usize> = Vec::new();
        let mut pick = |field: &str| -> Option<String> {
            let words = HINTS
                .iter()
                .find(|(name, _)| *name == field)
                .map_or(&[][..], |(_, words)| *words);
            let found = words.iter().find_map(|word| {
                columns.iter().enumerate().find(|(index, column)| {
                    !taken.contains(index) && column.to_lowercase().contains(word)
                })
            });
            found.map(|(index, column)| {
                taken.push(index);
                column.clone()
            })
        };
        let id = pick("id");
        let timestamp = pick("timestamp");
        let mut mapping = Mapping {
            id: String::new(),
            timestamp: String::new(),
            team: pick("team"),
            tier: pick("tier"),
            status: pick("status"),
            priority: pick("priority"),
            category: pick("category"),
            channel: pick("channel"),
        };
        let fallback = |index: usize| columns.get(index).cloned().unwrap_or_default();
        mapping.id = id.unwrap_or_else(|| fallback(0));
        mapping.timestamp = timestamp.unwrap_or_else(|| fallback(1));
        mapping
    }

    /// Every column the mapping names is one of `columns`.
    pub fn fits(&self, columns: &[String]) -> bool {
        let has = |name: &str| columns.iter().any(|column| column.trim() == name.trim());
        [
            Some(&self.id),
            Some(&self.timestamp),
            self.team.as_ref(),
            self.tier.as_ref(),
            self.status.as_ref(),
            self.priority.as_ref(),
            self.category.as_ref(),
            self.channel.as_ref(),
        ]
        .into_iter()
        .flatten()
        .all(|name| has(name))
    }
}

/// What a status says about the ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatusMeaning {
    Ends,
    WaitsOnCustomer,
    Works,
}

fn meaning(status: &str) -> StatusMeaning {
    let lower = status.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|word| lower.contains(word));
    if has(&[
        "resolved",
        "closed",
        "solved",
        "done",
        "completed",
        "cancel",
    ]) {
        StatusMeaning::Ends
    } else if has(&["customer", "user", "requester", "caller"])
        && has(&["wait", "pending", "await", "hold"])
    {
        StatusMeaning::WaitsOnCustomer
    } else {
        StatusMeaning::Works
    }
}

/// The first number in a tier (`L2` → 2, `Tier 3` → 3).
fn tier_level(text: &str) -> Option<u8> {
    text.chars()
        .find_map(|c| c.to_digit(10))
        .and_then(|d| u8::try_from(d).ok())
}

fn priority(text: &str) -> Priority {
    Priority::parse(&text.trim().to_lowercase()).unwrap_or(Priority::Medium)
}

pub fn read(
    mapping: &Mapping,
    table: &Table,
    reader: &Reader,
    problems: &mut Vec<RowProblem>,
) -> Result<ReadTickets, ImportError> {
    let column = |name: &str, what: &'static str| {
        table.column(name).ok_or(ImportError::MissingMappedColumn {
            field: what,
            column: name.to_owned(),
        })
    };
    let optional = |name: &Option<String>, what: &'static str| {
        name.as_deref().map(|n| column(n, what)).transpose()
    };
    let (id, timestamp) = (
        column(&mapping.id, "id")?,
        column(&mapping.timestamp, "timestamp")?,
    );
    let team = optional(&mapping.team, "team")?;
    let tier = optional(&mapping.tier, "tier")?;
    let status = optional(&mapping.status, "status")?;
    let priority_column = optional(&mapping.priority, "priority")?;
    let category = optional(&mapping.category, "category")?;
    let channel_column = optional(&mapping.channel, "channel")?;
    let order = reader
        .date_order
        .unwrap_or_else(|| dates::detect_order(table.rows.iter().map(|row| &row.cells[timestamp])));
    let mut tickets_rows: Vec<(&str, Vec<(Instant, &Row)>)> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for row in &table.rows {
        let ticket = row.cells[id].trim();
        if ticket.is_empty() {
            problems.push(reader.problem(row, table, id, "no ticket id".to_owned(), true));
            continue;
        }
        match reader.instant(row, table, timestamp, order) {
            Ok(at) => {
                let index = *position.entry(ticket).or_insert_with(|| {
                    tickets_rows.push((ticket, Vec::new()));
                    tickets_rows.len() - 1
                });
                tickets_rows[index].1.push((at, row));
            }
            Err(problem) => problems.push(problem),
        }
    }
    let mut tickets = ReadTickets::new(order);
    for (ticket_id, mut rows) in tickets_rows {
        rows.sort_by_key(|(at, _)| at.0);
        let (created, first) = rows[0];
        let cell = |column: Option<usize>| {
            column
                .map(|c| first.cells[c].trim())
                .filter(|t| !t.is_empty())
        };
        let mut ticket = Ticket::new(
            cell(category).unwrap_or("uncategorised"),
            cell(priority_column).map_or(Priority::Medium, priority),
            cell(channel_column).map_or(Channel::Web, channel),
        );
        ticket.id = ticket_id.to_owned();
        let mut journey = JourneyBuilder::new(ticket, created);
        for (at, row) in &rows {
            if let Some(team) = team.map(|c| row.cells[c].trim()).filter(|t| !t.is_empty()) {
                let level = tier.and_then(|c| tier_level(&row.cells[c]));
                let reason = level.map_or_else(|| "team".to_owned(), |l| format!("team L{l}"));
                journey.assign(*at, team, level, &reason);
            }
            let Some(status) = status
                .map(|c| row.cells[c].trim())
                .filter(|t| !t.is_empty())
            else {
                continue;
            };
            match meaning(status) {
                StatusMeaning::Ends => {
                    journey.respond(*at);
                    journey.resolve(*at);
                }
                StatusMeaning::WaitsOnCustomer => {
                    journey.reopen(*at);
                    journey.respond(*at);
                    journey.wait_on_customer(*at, true);
                }
                StatusMeaning::Works => {
                    journey.reopen(*at);
                    journey.wait_on_customer(*at, false);
                }
            }
        }
        tickets.rows_used += rows.len() as u64;
        tickets.push(journey);
    }
    Ok(tickets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggestion_names_each_column_once_and_fits_the_file() {
        let columns: Vec<String> = [
            "Case", "When", "Queue", "Level", "State", "Kind", "Urgency", "Via",
        ]
        .map(str::to_owned)
        .to_vec();
        let mapping = Mapping::suggest(&columns);
        assert_eq!(
            mapping,
            Mapping {
                id: "Case".to_owned(),
                timestamp: "When".to_owned(),
                team: Some("Queue".to_owned()),
                tier: Some("Level".to_owned()),
                status: Some("State".to_owned()),
                priority: Some("Urgency".to_owned()),
                category: Some("Kind".to_owned()),
                channel: Some("Via".to_owned()),
            }
        );
        assert!(mapping.fits(&columns));
        assert!(!mapping.fits(&columns[..3]));
        let bare = Mapping::suggest(&["a".to_owned(), "b".to_owned()]);
        assert_eq!((bare.id.as_str(), bare.timestamp.as_str()), ("a", "b"));
        assert_eq!(bare.team, None);
    }

    #[test]
    fn statuses_are_read_by_their_words() {
        for ended in [
            "Resolved",
            "Closed - fixed",
            "SOLVED",
            "Done",
            "Completed",
            "Cancelled",
        ] {
            assert_eq!(meaning(ended), StatusMeaning::Ends, "{ended}");
        }
        for waiting in [
            "Waiting for customer",
            "Pending user",
            "Awaiting caller",
            "On hold - customer",
        ] {
            assert_eq!(
                meaning(waiting),
                StatusMeaning::WaitsOnCustomer,
                "{waiting}"
            );
        }
        for working in ["In progress", "Open", "Waiting for vendor", "New"] {
            assert_eq!(meaning(working), StatusMeaning::Works, "{working}");
        }
        assert_eq!(
            (tier_level("L2"), tier_level("Tier 3"), tier_level("first")),
            (Some(2), Some(3), None)
        );
    }
}
