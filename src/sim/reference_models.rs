//! Small hand-written policy models and calendars for the simulator's tests and benchmarks (the queueing-theory
//! checks and the four-team matrix); the real policy runs through `policy_model::EnginePolicyModel`.

use std::collections::BTreeMap;
use std::fmt;

use super::model::{
    Assignment, Checkpoint, CheckpointKind, Escalation, PolicyModel, TeamCalendar, TeamId, TeamInfo,
};
use crate::engine::journey::{EscalationKind, SlaTarget};
use crate::engine::ticket::Ticket;
use crate::engine::time::{Instant, DAY};

/// Open all the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AlwaysOpen;

impl TeamCalendar for AlwaysOpen {
    fn is_open(&self, _at: Instant) -> bool {
        true
    }
    fn next_open(&self, at: Instant) -> Option<Instant> {
        Some(at)
    }
    fn next_close(&self, _at: Instant) -> Option<Instant> {
        None
    }
}

/// Open the same hours (UTC, `opens < closes`, seconds after midnight) on the chosen weekdays (Monday first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficeHours {
    pub opens: i64,
    pub closes: i64,
    pub weekdays: [bool; 7],
}

impl OfficeHours {
    /// Monday to Friday, `opens`–`closes` UTC.
    pub fn weekdays(opens: i64, closes: i64) -> OfficeHours {
        OfficeHours {
            opens,
            closes,
            weekdays: [true, true, true, true, true, false, false],
        }
    }

    fn day_start(at: Instant) -> i64 {
        at.0.div_euclid(DAY) * DAY
    }

    fn works_on(&self, day_start: i64) -> bool {
        // 1970-01-01 was a Thursday, weekday index 3 counting from Monday.
        let weekday = (day_start.div_euclid(DAY) + 3).rem_euclid(7);
        self.weekdays[weekday as usize]
    }
}

impl TeamCalendar for OfficeHours {
    fn is_open(&self, at: Instant) -> bool {
        let start = Self::day_start(at);
        let second = at.0 - start;
        self.works_on(start) && self.opens <= second && second < self.closes
    }

    fn next_open(&self, at: Instant) -> Option<Instant> {
        if self.is_open(at) {
            return Some(at);
        }
        let today = Self::day_start(at);
        (0..8)
            .map(|k| today + k * DAY)
            .filter(|&day| self.works_on(day) && day + self.opens >= at.0)
            .map(|day| Instant(day + self.opens))
            .next()
    }

    fn next_close(&self, at: Instant) -> Option<Instant> {
        if self.is_open(at) {
            Some(Instant(Self::day_start(at) + self.closes))
        } else {
            Some(at)
        }
    }
}

/// A team of a matrix model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixTeam {
    pub name: String,
    pub tier: u8,
    pub agents: u32,
    /// `None` means open 24/7.
    pub hours: Option<OfficeHours>,
}

/// The next stop when a team cannot resolve a ticket (of one category, or of any when `category` is `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStop {
    pub from: String,
    pub category: Option<String>,
    pub to: String,
    pub kind: EscalationKind,
}

/// A single first-response SLA in calendar time, with optional warning and an escalating breach level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstResponseSla {
    pub target_seconds: i64,
    pub warning_percent: Option<u8>,
    pub breach_escalates_to: Option<String>,
}

/// A plain escalation matrix: category → first team, unresolved → next team, signals and
/// authorisations → supervisor, one first-response SLA.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MatrixSpec {
    pub teams: Vec<MatrixTeam>,
    pub default_team: String,
    pub first_team: BTreeMap<String, String>,
    pub next: Vec<NextStop>,
    pub supervisor: Option<String>,
    pub authorisation_limit: Option<f64>,
    pub first_response: Option<FirstResponseSla>,
}

/// A matrix spec that names a team it does not define, or defines too many teams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixError {
    pub message: String,
}

impl fmt::Display for MatrixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MatrixError {}

#[derive(Debug)]
enum Calendar {
    Always(AlwaysOpen),
    Office(OfficeHours),
}

#[derive(Debug)]
struct SlaPlan {
    target_seconds: i64,
    warning_percent: Option<u8>,
    escalate_to: Option<TeamId>,
    notify: String,
}

type NextHop = (TeamId, EscalationKind, String);

/// The compiled form of a `MatrixSpec`.
#[derive(Debug)]
pub struct MatrixModel {
    teams: Vec<TeamInfo>,
    calendars: Vec<Calendar>,
    default_route: (TeamId, String),
    first_team: BTreeMap<String, (TeamId, String)>,
    next: Vec<Option<NextHop>>,
    next_by_category: BTreeMap<String, Vec<Option<NextHop>>>,
    supervisor: Option<TeamId>,
    signal_reason: String,
    authorisation_limit: Option<f64>,
    authorisation_reason: String,
    sla: Option<SlaPlan>,
    sla_reason: String,
}

impl MatrixModel {
    pub fn new(spec: &MatrixSpec) -> Result<MatrixModel, MatrixError> {
        if spec.teams.len() > usize::from(TeamId::MAX) {
            return Err(MatrixError {
                message: format!("too many teams ({})", spec.teams.len()),
            });
        }
        let find = |name: &str| -> Result<TeamId, MatrixError> {
            spec.teams
                .iter()
                .position(|team| team.name == name)
                .and_then(|index| TeamId::try_from(index).ok())
                .ok_or_else(|| MatrixError {
                    message: format!("unknown team {name:?}"),
                })
        };
        let teams = spec
            .teams
            .iter()
            .map(|team| TeamInfo {
                name: team.name.clone(),
                tier: team.tier,
                agents: team.agents,
            })
            .collect();
        let calendars = spec
            .teams
            .iter()
            .map(|team| match team.hours {
                Some(hours) => Calendar::Office(hours),
                None => Calendar::Always(AlwaysOpen),
            })
            .collect();
        let default_route = (
            find(&spec.default_team)?,
            format!("default route → {}", spec.default_team),
        );
        let mut first_team = BTreeMap::new();
        for (category, team) in &spec.first_team {
            first_team.insert(
                category.clone(),
                (find(team)?, format!("matrix: {category} → {team}")),
            );
        }
        let mut next = vec![None; spec.teams.len()];
        let mut next_by_category = BTreeMap::new();
        for stop in &spec.next {
            let hop = Some((
                find(&stop.to)?,
                stop.kind,
                format!("{} could not resolve → {}", stop.from, stop.to),
            ));
            let from = usize::from(find(&stop.from)?);
            match &stop.category {
                Some(category) => {
                    next_by_category
                        .entry(category.clone())
                        .or_insert_with(|| vec![None; spec.teams.len()])[from] = hop
                }
                None => next[from] = hop,
            }
        }
        let supervisor = spec.supervisor.as_deref().map(find).transpose()?;
        let sla = match &spec.first_response {
            Some(plan) => Some(SlaPlan {
                target_seconds: plan.target_seconds,
                warning_percent: plan.warning_percent,
                escalate_to: plan.breach_escalates_to.as_deref().map(find).transpose()?,
                notify: plan
                    .breach_escalates_to
                    .clone()
                    .or_else(|| spec.supervisor.clone())
                    .unwrap_or_else(|| "supervisor".to_owned()),
            }),
            None => None,
        };
        Ok(MatrixModel {
            teams,
            calendars,
            default_route,
            first_team,
            next,
            next_by_category,
            supervisor,
            signal_reason: "customer signal → supervisor".to_owned(),
            authorisation_limit: spec.authorisation_limit,
            authorisation_reason: "amount above authorisation limit → supervisor".to_owned(),
            sla,
            sla_reason: "first-response SLA breached".to_owned(),
        })
    }

    /// One team, 24/7, no escalation: an M/M/c queue when handling times are exponential.
    pub fn single_team(name: &str, agents: u32) -> MatrixModel {
        let spec = MatrixSpec {
            teams: vec![MatrixTeam {
                name: name.to_owned(),
                tier: 1,
                agents,
                hours: None,
            }],
            default_team: name.to_owned(),
            ..MatrixSpec::default()
        };
        Self::infallible(&spec)
    }

    /// Two tiers in tandem, 24/7: what `first` cannot resolve goes to `second` (functional).
    /// The escalation share is the scenario's resolve probability of `first`.
    pub fn tandem(first: (&str, u32), second: (&str, u32)) -> MatrixModel {
        let team = |(name, agents): (&str, u32), tier| MatrixTeam {
            name: name.to_owned(),
            tier,
            agents,
            hours: None,
        };
        let spec = MatrixSpec {
            teams: vec![team(first, 1), team(second, 2)],
            default_team: first.0.to_owned(),
            next: vec![NextStop {
                from: first.0.to_owned(),
                category: None,
                to: second.0.to_owned(),
                kind: EscalationKind::Functional,
            }],
            ..MatrixSpec::default()
        };
        Self::infallible(&spec)
    }

    fn infallible(spec: &MatrixSpec) -> MatrixModel {
        match MatrixModel::new(spec) {
            Ok(model) => model,
            Err(err) => unreachable!("built-in matrix spec is valid: {err}"),
        }
    }
}

impl PolicyModel for MatrixModel {
    fn teams(&self) -> &[TeamInfo] {
        &self.teams
    }

    fn calendar(&self, team: TeamId) -> &dyn TeamCalendar {
        match &self.calendars[usize::from(team)] {
            Calendar::Always(always) => always,
            Calendar::Office(hours) => hours,
        }
    }

    fn route(&self, ticket: &Ticket, _at: Instant) -> Assignment<'_> {
        let (first, reason) = self
            .first_team
            .get(&ticket.category)
            .unwrap_or(&self.default_route);
        if let Some(supervisor) = self.supervisor {
            let over_limit = matches!(
                (ticket.amount, self.authorisation_limit),
                (Some(amount), Some(limit)) if amount > limit
            );
            if ticket.signals.any() || over_limit {
                let reason = if ticket.signals.any() {
                    &self.signal_reason
                } else {
                    &self.authorisation_reason
                };
                return Assignment {
                    team: supervisor,
                    escalation: Some(Escalation {
                        kind: EscalationKind::Hierarchical,
                        from: *first,
                    }),
                    reason,
                };
            }
        }
        Assignment {
            team: *first,
            escalation: None,
            reason,
        }
    }

    fn on_unresolved(&self, ticket: &Ticket, team: TeamId, _at: Instant) -> Option<Assignment<'_>> {
        let index = usize::from(team);
        let by_category = self
            .next_by_category
            .get(&ticket.category)
            .and_then(|row| row[index].as_ref());
        by_category
            .or(self.next[index].as_ref())
            .map(|(to, kind, reason)| Assignment {
                team: *to,
                escalation: Some(Escalation {
                    kind: *kind,
                    from: team,
                }),
                reason,
            })
    }

    fn sla_checkpoints<'s>(
        &'s self,
        _ticket: &Ticket,
        created: Instant,
        _receiver: TeamId,
        out: &mut Vec<Checkpoint<'s>>,
    ) {
        let Some(plan) = &self.sla else {
            return;
        };
        if let Some(percent) = plan.warning_percent {
            out.push(Checkpoint {
                at: created.plus(plan.target_seconds * i64::from(percent) / 100),
                target: SlaTarget::FirstResponse,
                kind: CheckpointKind::Warning { percent },
                reason: &self.sla_reason,
                repeat: None,
            });
        }
        let due = created.plus(plan.target_seconds);
        out.push(Checkpoint {
            at: due,
            target: SlaTarget::FirstResponse,
            kind: CheckpointKind::Breach,
            reason: &self.sla_reason,
            repeat: None,
        });
        out.push(Checkpoint {
            at: due,
            target: SlaTarget::FirstResponse,
            kind: CheckpointKind::Level {
                level: 1,
                notify: &plan.notify,
                escalate_to: plan.escalate_to,
            },
            reason: &self.sla_reason,
            repeat: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ticket::{Channel, Priority};

    #[test]
    fn office_hours_open_close_and_weekend() {
        // 2026-03-06 is a Friday.
        let hours = OfficeHours::weekdays(9 * 3600, 17 * 3600);
        let friday_noon = Instant::parse_rfc3339("2026-03-06T12:00:00Z").unwrap();
        let friday_evening = Instant::parse_rfc3339("2026-03-06T18:00:00Z").unwrap();
        let monday_nine = Instant::parse_rfc3339("2026-03-09T09:00:00Z").unwrap();
        assert!(hours.is_open(friday_noon));
        assert!(!hours.is_open(friday_evening));
        assert_eq!(
            hours.next_close(friday_noon).unwrap().to_string(),
            "2026-03-06T17:00:00Z"
        );
        assert_eq!(hours.next_open(friday_evening), Some(monday_nine));
    }

    #[test]
    fn matrix_routes_by_category_and_signals() {
        let spec = MatrixSpec {
            teams: vec![
                MatrixTeam {
                    name: "general".into(),
                    tier: 1,
                    agents: 3,
                    hours: None,
                },
                MatrixTeam {
                    name: "billing".into(),
                    tier: 2,
                    agents: 2,
                    hours: None,
                },
                MatrixTeam {
                    name: "supervisors".into(),
                    tier: 3,
                    agents: 1,
                    hours: None,
                },
            ],
            default_team: "general".into(),
            first_team: BTreeMap::from([("payment".into(), "billing".into())]),
            supervisor: Some("supervisors".into()),
            ..MatrixSpec::default()
        };
        let model = MatrixModel::new(&spec).unwrap();
        let mut ticket = Ticket::new("payment", Priority::High, Channel::Email);
        assert_eq!(model.route(&ticket, Instant(0)).team, 1);
        ticket.signals.abusive = true;
        let routed = model.route(&ticket, Instant(0));
        assert_eq!(routed.team, 2);
        assert_eq!(
            routed.escalation,
            Some(Escalation {
                kind: EscalationKind::Hierarchical,
                from: 1
            })
        );
        let unknown = MatrixSpec {
            default_team: "nobody".into(),
            ..spec
        };
        assert_eq!(
            MatrixModel::new(&unknown).unwrap_err().message,
            "unknown team \"nobody\""
        );
    }
}
