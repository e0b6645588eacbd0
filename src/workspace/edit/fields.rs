//! The fields an edit can set on one item of the policy or scenario, each with the name that keys its undo step.

use crate::engine::calendar::{weekday_index, WEEKDAY_NAMES as DAY_KEYS};
use crate::engine::calendar::{CalendarSpec, WeeklyHoursSpec};
use crate::engine::duration::Duration;
use crate::engine::journey::SlaTarget;
use crate::engine::policy::{
    BreachAction, BreachLevel, Direction, LadderLevel, MatrixRow, Rule, RuleKind, SlaPolicy, Team,
    TimeBasis, Trigger,
};
use crate::engine::sla::{Pauses, WaitState};
use crate::engine::ticket::{Channel, Priority};

/// One field of a team.
#[derive(Debug, Clone, PartialEq)]
pub enum TeamField {
    Name(String),
    Tier(String),
    Agents(u32),
    /// Category ids the team has the skills for.
    Handles(Vec<String>),
    /// `None`: the team works around the clock.
    Calendar(Option<String>),
    /// `None`: nobody above it for hierarchical escalation.
    Parent(Option<String>),
    HourlyCost(Option<f64>),
}

impl TeamField {
    pub fn name(&self) -> &'static str {
        match self {
            TeamField::Name(_) => "name",
            TeamField::Tier(_) => "tier",
            TeamField::Agents(_) => "agents",
            TeamField::Handles(_) => "handles",
            TeamField::Calendar(_) => "calendar",
            TeamField::Parent(_) => "parent",
            TeamField::HourlyCost(_) => "cost",
        }
    }

    pub fn set(&self, team: &mut Team) {
        match self.clone() {
            TeamField::Name(name) => team.name = name,
            TeamField::Tier(tier) => team.tier = tier,
            TeamField::Agents(agents) => team.agents = agents,
            TeamField::Handles(handles) => team.handles = handles,
            TeamField::Calendar(calendar) => team.calendar = calendar,
            TeamField::Parent(parent) => team.parent = parent,
            TeamField::HourlyCost(cost) => team.hourly_cost = cost,
        }
    }
}

/// The key of a matrix row, or who receives its tickets first.
#[derive(Debug, Clone, PartialEq)]
pub enum MatrixRowField {
    Category(String),
    Priority(String),
    /// `None`: the triggers, the routing rules and the default decide.
    First(Option<String>),
}

impl MatrixRowField {
    pub fn name(&self) -> &'static str {
        match self {
            MatrixRowField::Category(_) => "category",
            MatrixRowField::Priority(_) => "priority",
            MatrixRowField::First(_) => "first",
        }
    }

    pub fn set(&self, row: &mut MatrixRow) {
        match self.clone() {
            MatrixRowField::Category(category) => row.category = category,
            MatrixRowField::Priority(priority) => row.priority = priority,
            MatrixRowField::First(first) => row.first = first,
        }
    }
}

/// One field of a level of the escalation ladder (a matrix cell).
#[derive(Debug, Clone, PartialEq)]
pub enum MatrixCellField {
    To(String),
    After(Duration),
    Kind(Direction),
    Time(TimeBasis),
}

impl MatrixCellField {
    pub fn name(&self) -> &'static str {
        match self {
            MatrixCellField::To(_) => "to",
            MatrixCellField::After(_) => "after",
            MatrixCellField::Kind(_) => "kind",
            MatrixCellField::Time(_) => "time",
        }
    }

    pub fn set(&self, level: &mut LadderLevel) {
        match self.clone() {
            MatrixCellField::To(team) => level.to = team,
            MatrixCellField::After(after) => level.after = after,
            MatrixCellField::Kind(kind) => level.kind = kind,
            MatrixCellField::Time(time) => level.time = time,
        }
    }
}

/// One field of a trigger or a routing rule (the condition has its own edit, for its drafts).
#[derive(Debug, Clone, PartialEq)]
pub enum RuleField {
    Description(String),
    To(String),
    /// For a trigger, `RuleKind::None` means hierarchical: a trigger always escalates.
    Kind(RuleKind),
}

impl RuleField {
    pub fn name(&self) -> &'static str {
        match self {
            RuleField::Description(_) => "description",
            RuleField::To(_) => "to",
            RuleField::Kind(_) => "kind",
        }
    }

    pub fn set_on_trigger(&self, trigger: &mut Trigger) {
        match self.clone() {
            RuleField::Description(text) => trigger.description = text,
            RuleField::To(team) => trigger.to = team,
            RuleField::Kind(kind) => {
                trigger.kind = match kind {
                    RuleKind::Functional => Direction::Functional,
                    RuleKind::Hierarchical | RuleKind::None => Direction::Hierarchical,
                }
            }
        }
    }

    pub fn set_on_rule(&self, rule: &mut Rule) {
        match self.clone() {
            RuleField::Description(text) => rule.description = text,
            RuleField::To(team) => rule.to = team,
            RuleField::Kind(kind) => rule.kind = kind,
        }
    }
}

/// One field of an SLA policy (the condition has its own edit, for its drafts).
#[derive(Debug, Clone, PartialEq)]
pub enum SlaField {
    Id(String),
    Name(String),
    /// How targets are counted; `calendar` applies to business time only (`None`: the receiving team's).
    Clock {
        time: TimeBasis,
        calendar: Option<String>,
    },
    /// Waiting on the customer holds every target (or none); where the policy lists `pauses`, its
    /// waiting-on-the-customer row follows.
    PauseWhenWaiting(bool),
    /// Whether waiting in `state` holds `target`: written as `pauses`, listing the states that hold something.
    Pause {
        state: WaitState,
        target: SlaTarget,
        holds: bool,
    },
    /// `None`: a ticket waits on the customer for as long as it takes.
    AutoCloseAfter(Option<Duration>),
    /// Percentages of each target at which a warning fires.
    Warnings(Vec<u32>),
    /// Whether a channel has targets of its own: on, it starts with none set (the priority's apply);
    /// off, its targets are dropped.
    ChannelTargets {
        channel: Channel,
        own: bool,
    },
    /// One of a channel's own targets; `None` gives the priority's back.
    ChannelTarget {
        channel: Channel,
        target: SlaTarget,
        value: Option<Duration>,
    },
    /// `None` only means something for the optional next-update target; the required ones keep their value.
    Target {
        priority: Priority,
        target: SlaTarget,
        value: Option<Duration>,
    },
}

impl SlaField {
    pub fn name(&self) -> String {
        match self {
            SlaField::Id(_) => "id".to_owned(),
            SlaField::Name(_) => "name".to_owned(),
            SlaField::Clock { .. } => "clock".to_owned(),
            SlaField::PauseWhenWaiting(_) => "pause".to_owned(),
            SlaField::Pause { state, target, .. } => {
                format!("pauses/{}/{}", state.as_str(), target.as_str())
            }
            SlaField::AutoCloseAfter(_) => "auto_close".to_owned(),
            SlaField::Warnings(_) => "warnings".to_owned(),
            SlaField::Target {
                priority, target, ..
            } => format!("targets/{}/{}", priority.as_str(), target.as_str()),
            SlaField::ChannelTargets { channel, .. } => format!("channels/{}", channel.as_str()),
            SlaField::ChannelTarget {
                channel, target, ..
            } => format!("channels/{}/{}", channel.as_str(), target.as_str()),
        }
    }

    pub fn set(&self, sla: &mut SlaPolicy) {
        match self.clone() {
            SlaField::Id(id) => sla.id = id,
            SlaField::Name(name) => sla.name = name,
            SlaField::Clock { time, calendar } => {
                sla.time = time;
                sla.calendar = match time {
                    TimeBasis::Business => calendar.filter(|id| !id.is_empty()),
                    TimeBasis::Calendar => None,
                };
            }
            SlaField::PauseWhenWaiting(pause) => {
                sla.pause_when_waiting = pause;
                if sla.pauses.is_some() {
                    let mut pauses = sla.effective_pauses();
                    for target in SlaTarget::ALL {
                        pauses.set(WaitState::WaitingOnCustomer, target, pause);
                    }
                    write_pauses(sla, pauses);
                }
            }
            SlaField::Pause {
                state,
                target,
                holds,
            } => {
                let mut pauses = sla.effective_pauses();
                pauses.set(state, target, holds);
                write_pauses(sla, pauses);
            }
            SlaField::AutoCloseAfter(after) => sla.auto_close_after = after,
            SlaField::Warnings(warnings) => sla.warnings = warnings,
            SlaField::ChannelTargets { channel, own } => {
                if own {
                    sla.channels.entry(channel).or_default();
                } else {
                    sla.channels.remove(&channel);
                }
            }
            SlaField::ChannelTarget {
                channel,
                target,
                value,
            } => {
                if let Some(targets) = sla.channels.get_mut(&channel) {
                    match target {
                        SlaTarget::FirstResponse => targets.first_response = value,
                        SlaTarget::NextUpdate => targets.next_update = value,
                        SlaTarget::Resolution => targets.resolution = value,
                        SlaTarget::FirstAssign => targets.first_assign = value,
                    }
                }
            }
            SlaField::Target {
                priority,
                target,
                value,
            } => {
                let targets = sla.targets.for_priority_mut(priority);
                match (target, value) {
                    (SlaTarget::FirstResponse, Some(value)) => targets.first_response = value,
                    (SlaTarget::Resolution, Some(value)) => targets.resolution = value,
                    (SlaTarget::NextUpdate, value) => targets.next_update = value,
                    (SlaTarget::FirstAssign, value) => targets.first_assign = value,
                    (_, None) => {}
                }
            }
        }
    }
}

/// One field of a level of an SLA policy's breach ladder.
#[derive(Debug, Clone, PartialEq)]
pub enum BreachField {
    Target(SlaTarget),
    /// `None`: at the breach itself.
    AfterBreach(Option<Duration>),
    To(String),
    Action(BreachAction),
    /// `None`: once.
    RepeatEvery(Option<Duration>),
}

impl BreachField {
    pub fn name(&self) -> &'static str {
        match self {
            BreachField::Target(_) => "target",
            BreachField::AfterBreach(_) => "after_breach",
            BreachField::To(_) => "to",
            BreachField::Action(_) => "action",
            BreachField::RepeatEvery(_) => "repeat_every",
        }
    }

    pub fn set(&self, level: &mut BreachLevel) {
        match self.clone() {
            BreachField::Target(target) => level.target = target,
            BreachField::AfterBreach(after) => level.after_breach = after,
            BreachField::To(team) => level.to = team,
            BreachField::Action(action) => level.action = action,
            BreachField::RepeatEvery(every) => level.repeat_every = every,
        }
    }
}

/// One field of a calendar (its weekly hours and holidays have edits of their own).
#[derive(Debug, Clone, PartialEq)]
pub enum CalendarField {
    Id(String),
    Name(String),
    TimeZone(String),
    /// Switching 24/7 on or off, with the weekly hours the calendar has afterwards (the editor keeps the
    /// hours set aside while it is 24/7 and hands them back).
    AlwaysOpen {
        open: bool,
        hours: Vec<WeeklyHoursSpec>,
    },
}

impl CalendarField {
    pub fn name(&self) -> &'static str {
        match self {
            CalendarField::Id(_) => "id",
            CalendarField::Name(_) => "name",
            CalendarField::TimeZone(_) => "time_zone",
            CalendarField::AlwaysOpen { .. } => "always_open",
        }
    }

    pub fn set(&self, calendar: &mut CalendarSpec) {
        match self.clone() {
            CalendarField::Id(id) => calendar.id = id,
            CalendarField::Name(name) => calendar.name = name,
            CalendarField::TimeZone(zone) => calendar.time_zone = zone,
            CalendarField::AlwaysOpen { open, hours } => {
                calendar.always_open = open;
                calendar.hours = hours;
            }
        }
    }
}

/// One field of a weekly interval of a calendar, exact to the minute.
#[derive(Debug, Clone, PartialEq)]
pub enum IntervalField {
    /// Day `day` (0 = Monday) in or out of the interval. Days the editor cannot read are dropped.
    Day {
        day: usize,
        listed: bool,
    },
    /// `HH:MM`.
    From(String),
    To(String),
}

impl IntervalField {
    pub fn name(&self) -> String {
        match self {
            IntervalField::Day { day, .. } => format!("days/{day}"),
            IntervalField::From(_) => "from".to_owned(),
            IntervalField::To(_) => "to".to_owned(),
        }
    }

    pub fn set(&self, interval: &mut WeeklyHoursSpec) {
        match self.clone() {
            IntervalField::Day { day, listed } => {
                let mut days: Vec<usize> = interval
                    .days
                    .iter()
                    .filter_map(|text| weekday_index(text))
                    .filter(|listed_day| *listed_day != day)
                    .collect();
                if listed && day < DAY_KEYS.len() {
                    days.push(day);
                }
                days.sort_unstable();
                days.dedup();
                interval.days = days.into_iter().map(|d| DAY_KEYS[d].to_owned()).collect();
            }
            IntervalField::From(from) => interval.from = from,
            IntervalField::To(to) => interval.to = to,
        }
    }
}

/// Writes `pauses` as the policy's `pauses` (the states that hold something), with `pause_when_waiting`
/// saying whether waiting on the customer holds anything, so the two never contradict each other.
fn write_pauses(sla: &mut SlaPolicy, pauses: Pauses) {
    let mut map = pauses.to_map();
    map.retain(|_, held| !held.is_empty());
    sla.pause_when_waiting = pauses.any_in(WaitState::WaitingOnCustomer);
    sla.pauses = Some(map);
}
