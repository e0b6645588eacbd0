//! Ticket logs exported from help desks, read into the same `Journey`s the simulator produces, so that one
//! metrics calculator serves real and simulated tickets. Pure and tested natively (`tests/import*.rs`);
//! every row that cannot be used is reported with its line, column and reason. Formats: docs/import.md.

mod builder;
mod dates;
mod error;
mod mapping;
mod per_ticket;
mod replay;
mod scenario;
mod servicenow;
mod summary;
mod table;
mod volvo;

use serde::Serialize;

pub use builder::Moves;
pub use dates::DateOrder;
pub use error::{ImportError, RowProblem};
pub use mapping::Mapping;
pub use replay::{observed_under_policy, replay_log, with_policy_clocks, HandlingSource, Replay};
pub use scenario::{monday_after, scenario_from_log, ScenarioShape};
pub use summary::{ImportSummary, ProblemGroup};
pub use table::{MAX_CELL_BYTES, MAX_FILE_BYTES};

use std::collections::BTreeMap;

use crate::engine::calendar::{NamedZone, RANGE_END, RANGE_START};
use crate::engine::journey::{EventKind, Journey, SlaTarget};
use crate::engine::time::Instant;
use crate::metrics::{summarize, Metrics, RunContext, TeamContext};
use crate::sim::report::{SimulationReport, TeamSummary};
use builder::JourneyBuilder;
use table::{Row, Table};

/// The exports this build reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    /// ServiceNow incident audit log (one row per update).
    ServiceNow,
    /// Volvo IT VINST incidents, BPI Challenge 2013 (one row per status change).
    VolvoVinst,
    /// Zendesk Support ticket export (CSV, one row per ticket).
    Zendesk,
    /// Freshdesk ticket export (CSV, one row per ticket).
    Freshdesk,
    /// Jira Service Management issues export (CSV, one row per issue).
    Jira,
    /// Any event-style CSV, read through a column mapping (`Reader::mapping`).
    Mapped,
}

impl LogFormat {
    pub const ALL: [LogFormat; 5] = [
        LogFormat::ServiceNow,
        LogFormat::VolvoVinst,
        LogFormat::Zendesk,
        LogFormat::Freshdesk,
        LogFormat::Jira,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LogFormat::ServiceNow => "ServiceNow incident audit log",
            LogFormat::VolvoVinst => "Volvo VINST (BPI 2013)",
            LogFormat::Zendesk => "Zendesk ticket export",
            LogFormat::Freshdesk => "Freshdesk ticket export",
            LogFormat::Jira => "Jira Service Management export",
            LogFormat::Mapped => "ticket log read through a column mapping",
        }
    }

    /// The `--format` word.
    pub fn key(self) -> &'static str {
        match self {
            LogFormat::ServiceNow => "servicenow",
            LogFormat::VolvoVinst => "volvo",
            LogFormat::Zendesk => "zendesk",
            LogFormat::Freshdesk => "freshdesk",
            LogFormat::Jira => "jira",
            LogFormat::Mapped => "mapped",
        }
    }

    pub fn from_key(key: &str) -> Option<LogFormat> {
        LogFormat::ALL
            .into_iter()
            .find(|format| format.key() == key)
    }

    fn required(self) -> &'static [&'static str] {
        match self {
            LogFormat::ServiceNow => &servicenow::REQUIRED,
            LogFormat::VolvoVinst => &volvo::REQUIRED,
            LogFormat::Zendesk => &per_ticket::ZENDESK,
            LogFormat::Freshdesk => &per_ticket::FRESHDESK,
            LogFormat::Jira => &per_ticket::JIRA,
            LogFormat::Mapped => &[],
        }
    }

    /// The format whose required columns the header has most of (at least three).
    fn detect(table: &Table) -> Option<LogFormat> {
        LogFormat::ALL
            .into_iter()
            .map(|format| {
                let found = format
                    .required()
                    .iter()
                    .filter(|column| table.column(column).is_some())
                    .count();
                (found, format)
            })
            .filter(|(found, _)| *found >= 3)
            .max_by_key(|(found, _)| *found)
            .map(|(_, format)| format)
    }
}

/// How to read a log: its format (detected from the header when `None`), or a column mapping (which wins
/// over the format); the date order (detected from the values when `None`); the present moment, after
/// which a timestamp is refused as in the future; and the zone of times written without an offset, in which
/// the log's days are also counted (UTC by default).
#[derive(Debug, Clone, Default)]
pub struct Reader {
    pub format: Option<LogFormat>,
    pub mapping: Option<Mapping>,
    pub date_order: Option<DateOrder>,
    pub now: Option<Instant>,
    pub zone: NamedZone,
}

impl Reader {
    fn problem(
        &self,
        row: &Row,
        table: &Table,
        column: usize,
        reason: String,
        skipped: bool,
    ) -> RowProblem {
        RowProblem {
            row: row.line,
            column: table.columns.get(column).cloned().unwrap_or_default(),
            reason,
            skipped,
        }
    }

    /// The row's timestamp in `column`, or the problem that leaves the row out.
    fn instant(
        &self,
        row: &Row,
        table: &Table,
        column: usize,
        order: DateOrder,
    ) -> Result<Instant, RowProblem> {
        let text = &row.cells[column];
        let at = dates::parse(text, order, &self.zone)
            .map_err(|reason| self.problem(row, table, column, reason, true))?;
        if at.0 < RANGE_START || at.0 >= RANGE_END {
            return Err(self.problem(
                row,
                table,
                column,
                format!(
                    "`{}` is outside 1970–2200, the years Escalator reads",
                    text.trim()
                ),
                true,
            ));
        }
        if let Some(now) = self.now {
            if at.0 > now.0 {
                return Err(self.problem(
                    row,
                    table,
                    column,
                    format!("`{}` is in the future", text.trim()),
                    true,
                ));
            }
        }
        Ok(at)
    }
}

/// What a format's reader rebuilt.
struct ReadTickets {
    journeys: Vec<Journey>,
    moves: Vec<Moves>,
    rows_used: u64,
    date_order: DateOrder,
    /// The SLA targets the export states a verdict on (ServiceNow `made_sla`, Freshdesk and Jira SLA columns).
    sla_targets: Vec<SlaTarget>,
}

impl ReadTickets {
    fn new(date_order: DateOrder) -> ReadTickets {
        ReadTickets {
            journeys: Vec::new(),
            moves: Vec::new(),
            rows_used: 0,
            date_order,
            sla_targets: Vec::new(),
        }
    }

    fn push(&mut self, journey: JourneyBuilder) {
        self.moves.push(journey.moves);
        self.journeys.push(journey.finish());
    }
}

/// A ticket log read into journeys, with every row problem and a summary.
#[derive(Debug, Clone)]
pub struct ImportedLog {
    pub format: LogFormat,
    pub journeys: Vec<Journey>,
    /// Per journey, in the same order: its team changes.
    pub moves: Vec<Moves>,
    pub problems: Vec<RowProblem>,
    pub summary: ImportSummary,
    /// The zone the log was read in, whose local midnights cut its day series.
    pub zone: NamedZone,
}

impl ImportedLog {
    /// The period and teams the metrics read the log with: from its first ticket to just after its last
    /// event, every team seen (with its support level as the tier, `L1`…, where the format has levels), and
    /// the SLA targets the log states verdicts on.
    pub fn run_context(&self) -> RunContext<'static> {
        let start = self.summary.first_created.unwrap_or(Instant(0));
        let end = Instant(self.summary.last_event.map_or(start.0, |at| at.0) + 1);
        let mut teams: BTreeMap<&str, Option<String>> = BTreeMap::new();
        for journey in &self.journeys {
            for event in &journey.events {
                if let EventKind::Assigned { team, reason } = &event.kind {
                    teams.entry(team).or_insert_with(|| tier_of(reason));
                }
                if let EventKind::Escalated { to, reason, .. } = &event.kind {
                    teams.entry(to).or_insert_with(|| tier_of(reason));
                }
            }
        }
        let teams = teams
            .into_iter()
            .map(|(team, tier)| TeamContext {
                team: team.to_owned(),
                tier,
                agents: 0,
                staffed_seconds: 0,
                hourly_cost: None,
                agent_names: Vec::new(),
            })
            .collect();
        RunContext::new(start, end)
            .with_zone(self.zone.clone())
            .with_teams(teams)
            .with_sla_targets(self.summary.sla_targets.clone())
    }

    /// Every metric of the log, as for a simulated run.
    pub fn metrics(&self) -> Metrics {
        summarize(&self.journeys, &self.run_context())
    }

    /// The log as the results views show a run: its metrics, a row per ticket, who received what, and the
    /// response-time samples. Teams are named as in the log, on their support level where it has one.
    pub fn report(&self) -> SimulationReport {
        let context = self.run_context();
        let teams = context
            .teams
            .iter()
            .map(|team| TeamSummary {
                id: team.team.clone(),
                name: team.team.clone(),
                level: team
                    .tier
                    .as_deref()
                    .and_then(|tier| tier.strip_prefix('L'))
                    .and_then(|level| level.parse().ok())
                    .unwrap_or(0),
            })
            .collect();
        let events = self.journeys.iter().map(|j| j.events.len() as u64).sum();
        SimulationReport::from_journeys(
            (context.start, context.end),
            events,
            vec![summarize(&self.journeys, &context)],
            teams,
            &self.journeys,
        )
    }
}

/// The tier an assignment's reason names (`support team L2`), if any.
fn tier_of(reason: &str) -> Option<String> {
    reason
        .rsplit(' ')
        .next()
        .filter(|word| word.len() == 2 && word.starts_with('L'))
        .map(str::to_owned)
}

/// The column names of the file's header, to choose a column mapping from.
pub fn log_columns(bytes: &[u8]) -> Result<Vec<String>, ImportError> {
    table::header(bytes)
}

/// Reads `bytes` as a ticket log.
pub fn read_log(bytes: &[u8], reader: &Reader) -> Result<ImportedLog, ImportError> {
    read_log_with_progress(bytes, reader, &mut |_| {})
}

/// `read_log`, reporting the share of the file read (0 to 1) as it goes: splitting the file into rows is
/// most of the work, and reported by bytes; rebuilding the journeys is the last tenth.
pub fn read_log_with_progress(
    bytes: &[u8],
    reader: &Reader,
    on_progress: &mut dyn FnMut(f64),
) -> Result<ImportedLog, ImportError> {
    let mut problems = Vec::new();
    let table = table::read(bytes, &mut problems, &mut |share| on_progress(share * 0.9))?;
    let format = match (&reader.mapping, reader.format) {
        (Some(_), _) => LogFormat::Mapped,
        (None, Some(format)) => format,
        (None, None) => LogFormat::detect(&table).ok_or_else(|| ImportError::UnknownFormat {
            columns: table.columns.clone(),
        })?,
    };
    let tickets = match format {
        LogFormat::ServiceNow => servicenow::read(&table, reader, &mut problems)?,
        LogFormat::VolvoVinst => volvo::read(&table, reader, &mut problems)?,
        LogFormat::Zendesk | LogFormat::Freshdesk | LogFormat::Jira => {
            per_ticket::read(format, &table, reader, &mut problems)?
        }
        LogFormat::Mapped => match &reader.mapping {
            Some(mapping) => mapping::read(mapping, &table, reader, &mut problems)?,
            None => {
                return Err(ImportError::UnknownFormat {
                    columns: table.columns.clone(),
                })
            }
        },
    };
    if tickets.journeys.is_empty() {
        return Err(ImportError::NoTickets {
            problems: problems.len(),
            first: problems.iter().min_by_key(|problem| problem.row).cloned(),
        });
    }
    problems.sort_by_key(|problem| problem.row);
    let zone = reader.zone.clone();
    let summary = ImportSummary::new(format, &table, &tickets, &problems, zone.name());
    on_progress(1.0);
    Ok(ImportedLog {
        format,
        journeys: tickets.journeys,
        moves: tickets.moves,
        problems,
        summary,
        zone,
    })
}
