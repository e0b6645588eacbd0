//! `route`: which team receives a ticket, why, what the escalation ladder and the SLA plan are, with a trace.

use super::condition::TicketInContext;
pub use super::decision::*;
use super::journey::SlaTarget;
use super::policy::bridge::{Calendar, Failure, SeenTexts};
use super::policy::compiled::{
    matrix_priority, CompiledLevel, CompiledRow, CompiledRule, MatrixFirst, SlaClock,
};
use super::policy::route_texts::{RuleTexts, StepTexts};
use super::policy::{CompiledPolicy, TimeBasis};
use super::shared_text::SharedText;
use super::ticket::{Priority, Ticket};
use super::time::Instant;
use super::trace::{Outcome, Stage, Trace, TraceStep};

const DEFAULT_ID: SharedText = SharedText::from_static(DEFAULT_ROUTE_ID);
const DEFAULT_DESCRIPTION: SharedText = SharedText::from_static("the default route");
const ALWAYS: SharedText = SharedText::from_static("true");

/// The priority routing uses: given, else impact × urgency, else the policy default.
pub fn derive_priority(policy: &CompiledPolicy, ticket: &Ticket) -> (Priority, PrioritySource) {
    if let Some(priority) = ticket.priority {
        return (priority, PrioritySource::Given);
    }
    match (
        policy.priority_matrix.as_ref(),
        ticket.impact,
        ticket.urgency,
    ) {
        (Some(matrix), Some(impact), Some(urgency)) => (
            matrix_priority(matrix, impact, urgency),
            PrioritySource::Matrix,
        ),
        _ => (policy.default_priority, PrioritySource::Default),
    }
}

/// The ticket as conditions see it: with the derived priority filled in.
fn as_seen(ticket: &Ticket, priority: Priority) -> TicketInContext<'_> {
    TicketInContext::new(ticket, &[]).with_priority(priority)
}

/// Decides the receiving team only: triggers, then rules, then the first matrix row that names a first
/// receiver, then the default route. No trace, no allocation.
pub fn route_team(policy: &CompiledPolicy, ticket: &Ticket) -> Routed {
    let (priority, priority_source) = derive_priority(policy, ticket);
    let seen = as_seen(ticket, priority);
    let first =
        |rules: &[CompiledRule]| rules.iter().position(|rule| rule.condition.matches(&seen));
    let (stage, index, team, kind) = if let Some(index) = first(&policy.triggers) {
        let trigger = &policy.triggers[index];
        (Stage::Trigger, index, trigger.team, trigger.kind.into())
    } else if let Some(index) = first(&policy.rules) {
        let rule = &policy.rules[index];
        (Stage::Rule, index, rule.team, rule.kind.into())
    } else if let Some((index, first)) = first_in_matrix(policy, &ticket.category, priority) {
        (Stage::Matrix, index, first.team, first.kind.into())
    } else {
        (Stage::Default, 0, policy.default_team, DecisionKind::None)
    };
    Routed {
        team,
        kind,
        stage,
        index,
        priority,
        priority_source,
    }
}

/// The first escalation-matrix row that matches and names who receives first, with its index.
fn first_in_matrix<'p>(
    policy: &'p CompiledPolicy,
    category: &str,
    priority: Priority,
) -> Option<(usize, &'p MatrixFirst)> {
    policy.matrix.iter().enumerate().find_map(|(index, row)| {
        row.first
            .as_ref()
            .filter(|_| row.matches(category, priority))
            .map(|first| (index, first))
    })
}

/// One step per matrix row that names a first receiver; returns the index of the row that decided.
fn matrix_steps<'p>(
    steps: &mut Vec<TraceStep>,
    policy: &'p CompiledPolicy,
    ticket: &TicketInContext,
    seen_texts: &mut SeenTexts<'p>,
    decided: &mut bool,
) -> Option<usize> {
    let mut matched = None;
    for (index, (row, texts)) in policy.matrix.iter().zip(&policy.texts().matrix).enumerate() {
        let (Some(first), Some(texts)) = (&row.first, texts) else {
            continue;
        };
        let failure = if *decided {
            None
        } else {
            first
                .condition
                .as_ref()
                .and_then(|c| c.explain(ticket, seen_texts))
        };
        let outcome = decide(decided, &mut matched, index, failure);
        steps.push(step(Stage::Matrix, texts, outcome));
    }
    matched
}

fn trace_steps<'p>(
    steps: &mut Vec<TraceStep>,
    stage: Stage,
    rules: &'p [CompiledRule],
    texts: &[RuleTexts],
    ticket: &TicketInContext,
    seen_texts: &mut SeenTexts<'p>,
    decided: &mut bool,
) -> Option<usize> {
    let mut matched = None;
    for (index, (rule, texts)) in rules.iter().zip(texts).enumerate() {
        let failure = if *decided {
            None
        } else {
            rule.condition.explain(ticket, seen_texts)
        };
        let outcome = decide(decided, &mut matched, index, failure);
        steps.push(step(stage, texts, outcome));
    }
    matched
}

/// The outcome of rule or row `index` given why its condition failed (`None`: it matched), unless an
/// earlier one already decided; the first match decides.
fn decide(
    decided: &mut bool,
    matched: &mut Option<usize>,
    index: usize,
    failure: Option<Failure>,
) -> Outcome {
    if *decided {
        return Outcome::NotEvaluated;
    }
    match failure {
        None => {
            *decided = true;
            *matched = Some(index);
            Outcome::Matched
        }
        Some(failure) => Outcome::Failed {
            condition: failure.condition,
            saw: failure.saw,
        },
    }
}

/// A trace step from a rule's or row's texts: id, description, condition and team.
fn step(stage: Stage, texts: &impl StepTexts, outcome: Outcome) -> TraceStep {
    let ([id, description, condition, to], shadowed_by) = texts.step_texts();
    TraceStep {
        stage,
        id: id.clone(),
        description: description.clone(),
        condition: condition.clone(),
        to: to.clone(),
        outcome,
        shadowed_by: shadowed_by.clone(),
    }
}

/// Adds `seconds` to `at`, on business time of `calendar` or on calendar time; `None` if the calendar never
/// accumulates that much open time. Zero time is zero time: the result is `at` even outside opening hours.
fn advance(
    calendar: Option<&Calendar>,
    time: TimeBasis,
    at: Instant,
    seconds: i64,
) -> Option<Instant> {
    match (time, calendar) {
        (TimeBasis::Business, Some(calendar)) if seconds > 0 => calendar.add_business(at, seconds),
        _ => Some(at.plus(seconds)),
    }
}

/// Calls `visit(position, level, at)` for every level of `row` still ahead of a ticket that `receiver` gets at
/// `at`: the ladder starts after the receiver's (first) position, and the stretch up to each level is counted on
/// the calendar of the team holding the ticket during it. Stops at a level the calendars never reach.
pub fn for_each_ladder_level(
    policy: &CompiledPolicy,
    row: &CompiledRow,
    receiver: usize,
    at: Instant,
    mut visit: impl FnMut(usize, &CompiledLevel, Instant),
) {
    let start = row
        .levels
        .iter()
        .position(|level| level.team == receiver)
        .map_or(0, |position| position + 1);
    let mut holder = receiver;
    let mut when = at;
    let mut counted = 0;
    for (position, level) in row.levels.iter().enumerate().skip(start) {
        let stretch = (level.after_seconds - counted).max(0);
        let Some(next) = advance(policy.team_calendar(holder), level.time, when, stretch) else {
            return;
        };
        when = next;
        counted = counted.max(level.after_seconds);
        visit(position, level, when);
        holder = level.team;
    }
}

fn plan_ladder(
    policy: &CompiledPolicy,
    category: &str,
    priority: Priority,
    receiver: usize,
    at: Instant,
) -> Vec<PlannedLevel> {
    let Some(row) = policy
        .matrix
        .iter()
        .find(|row| row.matches(category, priority))
    else {
        return Vec::new();
    };
    let mut planned = Vec::with_capacity(row.levels.len());
    for_each_ladder_level(policy, row, receiver, at, |position, level, when| {
        let team = &policy.texts().teams[level.team];
        planned.push(PlannedLevel {
            level: position + 1,
            at: when,
            team: team.id.clone(),
            team_name: team.name.clone(),
            tier: team.tier.clone(),
            direction: level.direction,
            kind: DecisionKind::Automatic,
        });
    });
    planned
}

fn plan_sla(
    policy: &CompiledPolicy,
    ticket: &TicketInContext,
    priority: Priority,
    receiver: usize,
    at: Instant,
) -> Option<SlaPlan> {
    let sla_index = policy.sla_policies.iter().position(|sla| {
        sla.condition
            .as_ref()
            .is_none_or(|condition| condition.matches(ticket))
    })?;
    let sla = &policy.sla_policies[sla_index];
    let sla_texts = &policy.texts().sla_policies[sla_index];
    let (time, calendar_index) = match sla.clock {
        SlaClock::Calendar => (TimeBasis::Calendar, None),
        SlaClock::Business(index) => (TimeBasis::Business, Some(index)),
        SlaClock::ReceivingTeam => (TimeBasis::Business, policy.teams[receiver].calendar),
    };
    let calendar = calendar_index.map(|index| &policy.calendars[index]);
    // Where business time starts counting from arrival, found once for every target and warning.
    let counting = match (time, calendar) {
        (TimeBasis::Business, Some(calendar)) => Some(calendar.business_from(at)),
        _ => None,
    };
    let from_arrival = |seconds: i64| match &counting {
        Some(counting) if seconds > 0 => counting.add(seconds),
        _ => Some(at.plus(seconds)),
    };
    let targets_for_priority = sla.targets_for(priority, ticket.ticket().channel);
    let targets: Vec<DueTarget> = SlaTarget::ALL
        .into_iter()
        .filter_map(|target| {
            let seconds = targets_for_priority.get(target)?;
            let counts_from_arrival = target != SlaTarget::NextUpdate;
            let due = if counts_from_arrival {
                from_arrival(seconds)
            } else {
                None
            };
            let warnings = if due.is_some() {
                sla.warnings
                    .iter()
                    .filter_map(|&percent| {
                        let part = seconds * i64::from(percent) / 100;
                        Some(PlannedWarning {
                            percent,
                            at: from_arrival(part)?,
                        })
                    })
                    .collect()
            } else {
                Vec::new()
            };
            Some(DueTarget {
                target,
                seconds,
                due,
                warnings,
            })
        })
        .collect();
    let breach_ladder = sla
        .breach_ladder
        .iter()
        .filter_map(|level| {
            let breach = targets.iter().find(|due| due.target == level.target)?.due?;
            Some(PlannedBreach {
                target: level.target,
                at: advance(calendar, time, breach, level.after_breach_seconds)?,
                team: policy.texts().teams[level.team].id.clone(),
                action: level.action,
                repeat_every_seconds: level.repeat_every_seconds,
            })
        })
        .collect();
    Some(SlaPlan {
        policy: sla_texts.id.clone(),
        name: sla_texts.name.clone(),
        time,
        calendar: calendar_index.map(|index| policy.texts().calendar_ids[index].clone()),
        pauses: sla.pauses,
        targets,
        breach_ladder,
    })
}

/// The SLA plan of `ticket`, arrived at `at` and received by team `receiver` (an index), had its priority been
/// `priority`: what applies after its priority changes (`None` when no SLA policy covers it then).
pub fn sla_plan_at_priority(
    policy: &CompiledPolicy,
    ticket: &Ticket,
    priority: Priority,
    receiver: usize,
    at: Instant,
) -> Option<SlaPlan> {
    let receiver = receiver.min(policy.teams.len().checked_sub(1)?);
    plan_sla(policy, &as_seen(ticket, priority), priority, receiver, at)
}

/// Routes a ticket arriving at `at`: priority, then triggers, then rules (first match), then the first matrix
/// row that names a first receiver, then the default route;
/// plans the escalation ladder and the SLA due instants, and explains every step in the trace.
/// The sign-off the ticket's category and amount need, with the texts to show it.
fn plan_approval(policy: &CompiledPolicy, ticket: &Ticket) -> Option<PlannedApproval> {
    let need = policy.approval_need(&ticket.category, ticket.amount)?;
    let texts = policy.texts();
    let authorisation = &texts.authorisations[need.authorisation];
    let approver = &texts.teams[need.approver];
    Some(PlannedApproval {
        authorisation: authorisation.id.clone(),
        description: authorisation.description.clone(),
        amount: need.amount,
        above: need.above,
        approver: approver.id.clone(),
        approver_name: approver.name.clone(),
    })
}

pub fn route(policy: &CompiledPolicy, ticket: &Ticket, at: Instant) -> Decision {
    let (priority, priority_source) = derive_priority(policy, ticket);
    let seen = as_seen(ticket, priority);
    let mut steps =
        Vec::with_capacity(policy.triggers.len() + policy.rules.len() + policy.matrix.len() + 1);
    let mut decided = false;
    let texts = policy.texts();
    let mut seen_texts = SeenTexts::default();
    let trigger = trace_steps(
        &mut steps,
        Stage::Trigger,
        &policy.triggers,
        &texts.triggers,
        &seen,
        &mut seen_texts,
        &mut decided,
    );
    let rule = trace_steps(
        &mut steps,
        Stage::Rule,
        &policy.rules,
        &texts.rules,
        &seen,
        &mut seen_texts,
        &mut decided,
    );
    let row = matrix_steps(&mut steps, policy, &seen, &mut seen_texts, &mut decided);
    steps.push(TraceStep {
        stage: Stage::Default,
        id: DEFAULT_ID,
        description: DEFAULT_DESCRIPTION,
        condition: ALWAYS,
        to: texts.teams[policy.default_team].id.clone(),
        outcome: if decided {
            Outcome::NotEvaluated
        } else {
            Outcome::Matched
        },
        shadowed_by: None,
    });
    let deciding = trigger
        .map(|index| {
            (
                Stage::Trigger,
                &policy.triggers[index],
                &texts.triggers[index],
            )
        })
        .or_else(|| rule.map(|index| (Stage::Rule, &policy.rules[index], &texts.rules[index])));
    let matrix_first = row.and_then(|index| {
        let first = policy.matrix[index].first.as_ref()?;
        Some((first, texts.matrix[index].as_ref()?))
    });
    let (team, kind, decided_by) = match (deciding, matrix_first) {
        (Some((stage, rule, rule_texts)), _) => (
            rule.team,
            DecisionKind::from(rule.kind),
            DecidedBy {
                stage,
                id: rule_texts.id.clone(),
                description: rule_texts.description.clone(),
                condition: rule_texts.condition.clone(),
                reason: rule_texts.reason.clone(),
            },
        ),
        (None, Some((first, row_texts))) => (
            first.team,
            DecisionKind::from(first.kind),
            DecidedBy {
                stage: Stage::Matrix,
                id: row_texts.id.clone(),
                description: row_texts.description.clone(),
                condition: row_texts.condition.clone(),
                reason: SharedText::default(),
            },
        ),
        (None, None) => (
            policy.default_team,
            DecisionKind::None,
            DecidedBy {
                stage: Stage::Default,
                id: DEFAULT_ID,
                description: DEFAULT_DESCRIPTION,
                condition: ALWAYS,
                reason: SharedText::default(),
            },
        ),
    };
    let receiver = &texts.teams[team];
    Decision {
        team: receiver.id.clone(),
        team_name: receiver.name.clone(),
        tier: receiver.tier.clone(),
        tier_name: receiver.tier_name.clone(),
        tier_level: policy.tier_of(team).level,
        kind,
        decided_by,
        priority,
        priority_source,
        ladder: plan_ladder(policy, &ticket.category, priority, team, at),
        sla: plan_sla(policy, &seen, priority, team, at),
        approval: plan_approval(policy, ticket),
        trace: Trace { steps },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calendar::CalendarSpec;
    use crate::engine::journey::EscalationKind;
    use crate::engine::policy::RuleKind;

    fn office() -> Calendar {
        let spec: CalendarSpec = serde_json::from_str(
            r#"{"id": "office", "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00"}]}"#,
        )
        .expect("spec");
        Calendar::compile(&spec).expect("calendar")
    }

    #[test]
    fn zero_business_time_stays_put_even_when_closed() {
        let saturday = Instant::parse_rfc3339("2026-11-28T12:00:00Z").expect("instant");
        let calendar = office();
        assert_eq!(
            advance(Some(&calendar), TimeBasis::Business, saturday, 0),
            Some(saturday)
        );
        let monday_10 = Instant::parse_rfc3339("2026-11-30T10:00:00Z").expect("instant");
        assert_eq!(
            advance(Some(&calendar), TimeBasis::Business, saturday, 3600),
            Some(monday_10)
        );
        assert_eq!(
            advance(Some(&calendar), TimeBasis::Calendar, saturday, 3600),
            Some(saturday.plus(3600))
        );
        assert_eq!(
            advance(None, TimeBasis::Business, saturday, 3600),
            Some(saturday.plus(3600))
        );
    }

    #[test]
    fn decision_kind_maps_to_journey_escalations() {
        assert_eq!(DecisionKind::None.escalation(), None);
        assert_eq!(
            DecisionKind::from(RuleKind::Functional).escalation(),
            Some(EscalationKind::Functional)
        );
        assert_eq!(
            DecisionKind::Automatic.escalation(),
            Some(EscalationKind::Automatic)
        );
    }
}
