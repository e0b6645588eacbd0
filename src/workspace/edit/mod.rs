//! Every change the playground can make to a workspace, as named data. `Edit::apply` is the one reducer of
//! the policy, the scenario and the condition drafts (drafts follow their rule or SLA policy when it moves or
//! goes), and `Edit::key` says which consecutive edits are one undo step.

mod authorisations;
mod drafts;
mod fields;
pub mod new_items;
mod scenario;

use crate::engine::calendar::{CalendarSpec, WeeklyHoursSpec};
use crate::engine::condition::{Condition, FieldCatalog};
use crate::engine::policy::Policy;
use crate::engine::ticket::{Level, Priority};
use crate::import::Mapping;
use crate::sim::scenario::Scenario;
use crate::view::week_grid::WeekGrid;

use super::Workspace;
pub use authorisations::{AuthorisationEdit, AuthorisationField};
pub use drafts::DraftList;
pub use fields::{
    BreachField, CalendarField, IntervalField, MatrixCellField, MatrixRowField, RuleField,
    SlaField, TeamField,
};
pub use scenario::{
    impact_urgency_key, split_agent_names, CategoryHandlingField, ScenarioField, SpikeField,
    TimeShape,
};

/// Which ordered list of rules: triggers are checked before routing rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleList {
    Triggers,
    Rules,
}

impl RuleList {
    pub fn drafts(self) -> DraftList {
        match self {
            RuleList::Triggers => DraftList::Triggers,
            RuleList::Rules => DraftList::Rules,
        }
    }

    /// The name used in test ids and undo keys.
    pub fn key(self) -> &'static str {
        match self {
            RuleList::Triggers => "triggers",
            RuleList::Rules => "rules",
        }
    }

    /// The JSON path of rule `index`, as lint reports it.
    pub fn path(self, index: usize) -> String {
        match self {
            RuleList::Triggers => format!("triggers[{index}]"),
            RuleList::Rules => format!("routing.rules[{index}]"),
        }
    }
}

/// One change to the workspace. Indices are positions in the policy's lists; an index that is not there
/// (the list changed under a stale view) leaves the workspace as it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    AddTeam,
    SetTeam {
        team: usize,
        field: TeamField,
    },
    RemoveTeam(usize),

    AddMatrixRow,
    SetMatrixRow {
        row: usize,
        field: MatrixRowField,
    },
    MoveMatrixRow {
        from: usize,
        to: usize,
    },
    RemoveMatrixRow(usize),
    AddMatrixLevel {
        row: usize,
    },
    SetMatrixCell {
        row: usize,
        level: usize,
        field: MatrixCellField,
    },
    RemoveMatrixLevel {
        row: usize,
        level: usize,
    },

    AddRule(RuleList),
    SetRule {
        list: RuleList,
        rule: usize,
        field: RuleField,
    },
    /// Condition text: applied when it parses and checks, otherwise kept as the rule's draft.
    SetCondition {
        list: RuleList,
        rule: usize,
        text: String,
    },
    MoveRule {
        list: RuleList,
        from: usize,
        to: usize,
    },
    RemoveRule {
        list: RuleList,
        rule: usize,
    },
    SetDefaultTeam(String),

    AddSla,
    SetSla {
        sla: usize,
        field: SlaField,
    },
    /// Condition text; empty makes the policy the fallback for every ticket. Text that does not parse is
    /// kept as the policy's draft.
    SetSlaCondition {
        sla: usize,
        text: String,
    },
    MoveSla {
        from: usize,
        to: usize,
    },
    RemoveSla(usize),
    /// Adds, removes or changes an authorisation (sign-off by amount).
    Authorisation(AuthorisationEdit),
    AddBreachLevel {
        sla: usize,
    },
    SetBreachLevel {
        sla: usize,
        level: usize,
        field: BreachField,
    },
    RemoveBreachLevel {
        sla: usize,
        level: usize,
    },

    AddCalendar,
    SetCalendar {
        calendar: usize,
        field: CalendarField,
    },
    RemoveCalendar(usize),
    /// One hour of the weekly grid; every hour painted in one pointer `stroke` is one undo step.
    PaintHour {
        calendar: usize,
        stroke: u32,
        day: usize,
        hour: usize,
        open: bool,
    },
    /// Rounds intervals that start or end between whole hours outwards, so the grid can show them.
    RoundHoursToGrid(usize),
    AddInterval(usize),
    SetInterval {
        calendar: usize,
        interval: usize,
        field: IntervalField,
    },
    RemoveInterval {
        calendar: usize,
        interval: usize,
    },
    /// A break (such as lunch) taken out of the calendar's hours, weekdays 12:00–13:00 at first.
    AddBreak(usize),
    SetBreak {
        calendar: usize,
        interval: usize,
        field: IntervalField,
    },
    RemoveBreak {
        calendar: usize,
        interval: usize,
    },
    /// Adds a holiday in date order; a date already listed is left as it is.
    AddHoliday {
        calendar: usize,
        date: String,
        name: Option<String>,
    },
    RemoveHoliday {
        calendar: usize,
        holiday: usize,
    },

    SetScenario(ScenarioField),
    /// Adds a traffic spike to the scenario: the second day at 09:00 from its start, three hours at twice the
    /// rate, any category.
    AddSpike,
    SetSpike {
        spike: usize,
        field: SpikeField,
    },
    RemoveSpike(usize),
    /// Gives the policy the usual impact × urgency matrix (both high: critical; one high: high; …).
    AddPriorityMatrix,
    RemovePriorityMatrix,
    /// The priority of tickets with impact `impact` and urgency `urgency`.
    SetPriorityCell {
        impact: Level,
        urgency: Level,
        priority: Priority,
    },
    /// The priority of a ticket with neither a priority nor impact and urgency.
    SetDefaultPriority(Priority),

    /// The whole scenario, e.g. one drawn from an imported ticket log.
    ReplaceScenario(Box<Scenario>),
    /// The column mapping for the team's ticket-log export (`None` forgets it).
    SetLogMapping(Option<Mapping>),
    /// The whole policy as JSON: applied when it is a valid policy (dropping every condition draft),
    /// otherwise kept as the JSON draft.
    SetPolicyJson(String),
}

impl Edit {
    /// Consecutive edits with the same key (typing into one field) are one undo step. Adding, moving and
    /// removing have none: each is a step of its own.
    pub fn key(&self) -> Option<String> {
        Some(match self {
            Edit::SetTeam { team, field } => format!("teams/{team}/{}", field.name()),
            Edit::SetMatrixRow { row, field } => format!("matrix/{row}/{}", field.name()),
            Edit::SetMatrixCell { row, level, field } => {
                format!("matrix/{row}/{level}/{}", field.name())
            }
            Edit::SetRule { list, rule, field } => {
                format!("{}/{rule}/{}", list.key(), field.name())
            }
            Edit::SetCondition { list, rule, .. } => format!("{}/{rule}/when", list.key()),
            Edit::SetDefaultTeam(_) => "routing/default".to_owned(),
            Edit::SetSla { sla, field } => format!("sla/{sla}/{}", field.name()),
            Edit::SetSlaCondition { sla, .. } => format!("sla/{sla}/when"),
            Edit::SetBreachLevel { sla, level, field } => {
                format!("sla/{sla}/breach_ladder/{level}/{}", field.name())
            }
            Edit::SetCalendar { calendar, field } => {
                format!("calendar/{calendar}/{}", field.name())
            }
            Edit::PaintHour {
                calendar, stroke, ..
            } => format!("calendar/{calendar}/stroke/{stroke}"),
            Edit::SetInterval {
                calendar,
                interval,
                field,
            } => format!("calendar/{calendar}/hours/{interval}/{}", field.name()),
            Edit::SetBreak {
                calendar,
                interval,
                field,
            } => format!("calendar/{calendar}/breaks/{interval}/{}", field.name()),
            Edit::SetPriorityCell {
                impact, urgency, ..
            } => format!("priority_matrix/{}/{}", impact.as_str(), urgency.as_str()),
            Edit::SetDefaultPriority(_) => "default_priority".to_owned(),
            Edit::SetScenario(field) => format!("scenario/{}", field.name()),
            Edit::SetSpike { spike, field } => format!("scenario/spikes/{spike}/{}", field.name()),
            Edit::SetPolicyJson(_) => "policy-json".to_owned(),
            Edit::Authorisation(edit) => return edit.key(),
            _ => return None,
        })
    }

    /// Makes the change.
    pub fn apply(&self, workspace: &mut Workspace) {
        let policy = &mut workspace.policy;
        let drafts = &mut workspace.condition_drafts;
        match self {
            Edit::AddTeam => policy.teams.push(new_items::team(policy)),
            Edit::SetTeam { team, field } => {
                if let Some(team) = policy.teams.get_mut(*team) {
                    field.set(team);
                }
            }
            Edit::RemoveTeam(team) => remove(&mut policy.teams, *team),

            Edit::AddMatrixRow => policy.escalation_matrix.push(new_items::matrix_row()),
            Edit::SetMatrixRow { row, field } => {
                if let Some(row) = policy.escalation_matrix.get_mut(*row) {
                    field.set(row);
                }
            }
            Edit::MoveMatrixRow { from, to } => {
                move_item(&mut policy.escalation_matrix, *from, *to)
            }
            Edit::RemoveMatrixRow(row) => remove(&mut policy.escalation_matrix, *row),
            Edit::AddMatrixLevel { row } => {
                if let Some(existing) = policy.escalation_matrix.get(*row) {
                    let level = new_items::matrix_level(policy, existing);
                    policy.escalation_matrix[*row].levels.push(level);
                }
            }
            Edit::SetMatrixCell { row, level, field } => {
                if let Some(cell) = policy
                    .escalation_matrix
                    .get_mut(*row)
                    .and_then(|row| row.levels.get_mut(*level))
                {
                    field.set(cell);
                }
            }
            Edit::RemoveMatrixLevel { row, level } => {
                if let Some(row) = policy.escalation_matrix.get_mut(*row) {
                    remove(&mut row.levels, *level);
                }
            }

            Edit::AddRule(RuleList::Triggers) => {
                let trigger = new_items::trigger(policy);
                policy.triggers.push(trigger);
            }
            Edit::AddRule(RuleList::Rules) => {
                let rule = new_items::rule(policy);
                policy.routing.rules.push(rule);
            }
            Edit::SetRule { list, rule, field } => match list {
                RuleList::Triggers => {
                    if let Some(trigger) = policy.triggers.get_mut(*rule) {
                        field.set_on_trigger(trigger);
                    }
                }
                RuleList::Rules => {
                    if let Some(rule) = policy.routing.rules.get_mut(*rule) {
                        field.set_on_rule(rule);
                    }
                }
            },
            Edit::SetCondition { list, rule, text } => {
                let key = list.drafts().key(*rule);
                match Condition::parse_checked(text, &FieldCatalog::ticket()) {
                    Ok(condition) => {
                        drafts.remove(&key);
                        set_rule_condition(policy, *list, *rule, condition);
                    }
                    Err(_) => {
                        drafts.insert(key, text.clone());
                    }
                }
            }
            Edit::MoveRule { list, from, to } => {
                let len = rule_count(policy, *list);
                if *from < len && *to < len {
                    match list {
                        RuleList::Triggers => move_item(&mut policy.triggers, *from, *to),
                        RuleList::Rules => move_item(&mut policy.routing.rules, *from, *to),
                    }
                    drafts::follow(drafts, list.drafts(), |at| {
                        Some(drafts::after_move(at, *from, *to))
                    });
                }
            }
            Edit::RemoveRule { list, rule } => {
                if *rule < rule_count(policy, *list) {
                    match list {
                        RuleList::Triggers => remove(&mut policy.triggers, *rule),
                        RuleList::Rules => remove(&mut policy.routing.rules, *rule),
                    }
                    drafts::follow(drafts, list.drafts(), |at| drafts::after_removal(at, *rule));
                }
            }
            Edit::SetDefaultTeam(team) => policy.routing.default = team.clone(),

            Edit::AddSla => {
                let sla = new_items::sla_policy(policy);
                policy.sla_policies.push(sla);
            }
            Edit::SetSla { sla, field } => {
                if let Some(sla) = policy.sla_policies.get_mut(*sla) {
                    field.set(sla);
                }
            }
            Edit::SetSlaCondition { sla, text } => {
                let key = DraftList::SlaPolicies.key(*sla);
                let parsed = if text.trim().is_empty() {
                    Ok(None)
                } else {
                    Condition::parse_checked(text, &FieldCatalog::ticket()).map(Some)
                };
                match parsed {
                    Ok(when) => {
                        drafts.remove(&key);
                        if let Some(sla) = policy.sla_policies.get_mut(*sla) {
                            sla.when = when;
                        }
                    }
                    Err(_) => {
                        drafts.insert(key, text.clone());
                    }
                }
            }
            Edit::MoveSla { from, to } => {
                let len = policy.sla_policies.len();
                if *from < len && *to < len {
                    move_item(&mut policy.sla_policies, *from, *to);
                    drafts::follow(drafts, DraftList::SlaPolicies, |at| {
                        Some(drafts::after_move(at, *from, *to))
                    });
                }
            }
            Edit::RemoveSla(sla) => {
                if *sla < policy.sla_policies.len() {
                    policy.sla_policies.remove(*sla);
                    drafts::follow(drafts, DraftList::SlaPolicies, |at| {
                        drafts::after_removal(at, *sla)
                    });
                }
            }
            Edit::Authorisation(edit) => edit.apply(policy),
            Edit::AddBreachLevel { sla } => {
                let level = new_items::breach_level(policy);
                if let Some(sla) = policy.sla_policies.get_mut(*sla) {
                    sla.breach_ladder.push(level);
                }
            }
            Edit::SetBreachLevel { sla, level, field } => {
                if let Some(level) = policy
                    .sla_policies
                    .get_mut(*sla)
                    .and_then(|sla| sla.breach_ladder.get_mut(*level))
                {
                    field.set(level);
                }
            }
            Edit::RemoveBreachLevel { sla, level } => {
                if let Some(sla) = policy.sla_policies.get_mut(*sla) {
                    remove(&mut sla.breach_ladder, *level);
                }
            }

            Edit::AddCalendar => {
                let calendar = new_items::calendar(policy);
                policy.calendars.push(calendar);
            }
            Edit::SetCalendar { calendar, field } => {
                if let Some(calendar) = policy.calendars.get_mut(*calendar) {
                    field.set(calendar);
                }
            }
            Edit::RemoveCalendar(calendar) => remove(&mut policy.calendars, *calendar),
            Edit::PaintHour {
                calendar,
                day,
                hour,
                open,
                ..
            } => {
                if let Some(calendar) = policy.calendars.get_mut(*calendar) {
                    if let Ok(mut grid) = WeekGrid::from_hours(&calendar.hours) {
                        grid.set(*day, *hour, *open);
                        calendar.hours = grid.to_hours();
                    }
                }
            }
            Edit::RoundHoursToGrid(calendar) => {
                if let Some(calendar) = policy.calendars.get_mut(*calendar) {
                    if let Ok(grid) = WeekGrid::covering(&calendar.hours) {
                        calendar.hours = grid.to_hours();
                    }
                }
            }
            Edit::AddInterval(calendar) => edit_weekly(policy, *calendar, hours, |list| {
                list.push(new_items::interval())
            }),
            Edit::SetInterval {
                calendar,
                interval,
                field,
            } => set_weekly(policy, *calendar, hours, *interval, field),
            Edit::RemoveInterval { calendar, interval } => {
                edit_weekly(policy, *calendar, hours, |list| remove(list, *interval))
            }
            Edit::AddBreak(calendar) => edit_weekly(policy, *calendar, breaks, |list| {
                list.push(new_items::lunch_break())
            }),
            Edit::SetBreak {
                calendar,
                interval,
                field,
            } => set_weekly(policy, *calendar, breaks, *interval, field),
            Edit::RemoveBreak { calendar, interval } => {
                edit_weekly(policy, *calendar, breaks, |list| remove(list, *interval))
            }
            Edit::AddHoliday {
                calendar,
                date,
                name,
            } => {
                if let Some(calendar) = policy.calendars.get_mut(*calendar) {
                    let holidays = &mut calendar.holidays;
                    if holidays.iter().all(|holiday| holiday.date != *date) {
                        let at = holidays
                            .iter()
                            .position(|holiday| holiday.date > *date)
                            .unwrap_or(holidays.len());
                        holidays.insert(
                            at,
                            crate::engine::calendar::HolidaySpec {
                                date: date.clone(),
                                name: name.clone(),
                            },
                        );
                    }
                }
            }
            Edit::RemoveHoliday { calendar, holiday } => {
                if let Some(calendar) = policy.calendars.get_mut(*calendar) {
                    remove(&mut calendar.holidays, *holiday);
                }
            }

            Edit::SetScenario(field) => field.apply(&mut workspace.scenario),
            Edit::AddSpike => scenario::add_spike(&mut workspace.scenario),
            Edit::SetSpike { spike, field } => {
                let start = workspace.scenario.workload.start;
                if let Some(spike) = workspace.scenario.workload.spikes.get_mut(*spike) {
                    field.apply(spike, start);
                }
            }
            Edit::RemoveSpike(spike) => remove(&mut workspace.scenario.workload.spikes, *spike),
            Edit::AddPriorityMatrix => {
                policy
                    .priority_matrix
                    .get_or_insert_with(new_items::priority_matrix);
            }
            Edit::RemovePriorityMatrix => policy.priority_matrix = None,
            Edit::SetPriorityCell {
                impact,
                urgency,
                priority,
            } => {
                if let Some(matrix) = &mut policy.priority_matrix {
                    *matrix.cell_mut(*impact, *urgency) = *priority;
                }
            }
            Edit::SetDefaultPriority(priority) => policy.default_priority = *priority,
            Edit::ReplaceScenario(scenario) => workspace.scenario = (**scenario).clone(),
            Edit::SetLogMapping(mapping) => workspace.log_mapping.clone_from(mapping),
            Edit::SetPolicyJson(text) => match Policy::from_json(text) {
                Ok(policy) => {
                    workspace.policy = policy;
                    workspace.condition_drafts.clear();
                    workspace.policy_json_draft = None;
                }
                Err(_) => workspace.policy_json_draft = Some(text.clone()),
            },
        }
    }
}

fn rule_count(policy: &Policy, list: RuleList) -> usize {
    match list {
        RuleList::Triggers => policy.triggers.len(),
        RuleList::Rules => policy.routing.rules.len(),
    }
}

fn set_rule_condition(policy: &mut Policy, list: RuleList, rule: usize, condition: Condition) {
    match list {
        RuleList::Triggers => {
            if let Some(trigger) = policy.triggers.get_mut(rule) {
                trigger.when = condition;
            }
        }
        RuleList::Rules => {
            if let Some(rule) = policy.routing.rules.get_mut(rule) {
                rule.when = condition;
            }
        }
    }
}

/// A calendar's opening intervals.
fn hours(calendar: &mut CalendarSpec) -> &mut Vec<WeeklyHoursSpec> {
    &mut calendar.hours
}

/// A calendar's breaks.
fn breaks(calendar: &mut CalendarSpec) -> &mut Vec<WeeklyHoursSpec> {
    &mut calendar.breaks
}

/// Changes one weekly list (`hours` or `breaks`) of calendar `calendar`, if there is such a calendar.
fn edit_weekly(
    policy: &mut Policy,
    calendar: usize,
    list: fn(&mut CalendarSpec) -> &mut Vec<WeeklyHoursSpec>,
    change: impl FnOnce(&mut Vec<WeeklyHoursSpec>),
) {
    if let Some(calendar) = policy.calendars.get_mut(calendar) {
        change(list(calendar));
    }
}

/// Sets one field of entry `interval` of a weekly list of calendar `calendar`, if both are there.
fn set_weekly(
    policy: &mut Policy,
    calendar: usize,
    list: fn(&mut CalendarSpec) -> &mut Vec<WeeklyHoursSpec>,
    interval: usize,
    field: &IntervalField,
) {
    edit_weekly(policy, calendar, list, |list| {
        if let Some(interval) = list.get_mut(interval) {
            field.set(interval);
        }
    });
}

fn remove<T>(items: &mut Vec<T>, index: usize) {
    if index < items.len() {
        items.remove(index);
    }
}

/// Moves the item at `from` to `to`, the others shifting to make room; out-of-range positions do nothing.
fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) {
    if from < items.len() && to < items.len() {
        let item = items.remove(from);
        items.insert(to, item);
    }
}
