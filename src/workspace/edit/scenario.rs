//! The scenario settings the Simulate view edits, and how each changes the scenario.

use std::collections::BTreeMap;

use crate::engine::condition::Signal;
use crate::engine::duration::Duration;
use crate::engine::sla::WaitState;
use crate::engine::ticket::{Channel, Level, Priority};
use crate::engine::time::{Instant, DAY, HOUR};
use crate::sim::duration::Horizon;
use crate::sim::scenario::{
    Abandonment, Arrivals, AssignmentStrategy, HandlingOverride, HeldOnArrival, KnowledgeBase,
    Scenario, Spike, TeamAssignment, TimeDistribution, Waiting, WaitingRule,
};

/// The simulation settings the Simulate view edits.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioField {
    /// Whole days, 1 to 91.
    HorizonDays(u32),
    /// Tickets per day or per hour, whichever the workload counts in.
    Volume(f64),
    /// 1 to 30.
    Replications(u32),
    Seed(u64),
    Staffing {
        team: String,
        agents: u32,
    },
    MixWeight {
        category: String,
        weight: f64,
    },
    /// The relative weight of a priority in the mix (0 or more; 0 leaves it out).
    PriorityWeight {
        priority: Priority,
        weight: f64,
    },
    /// Whether a category draws its own priorities: on, starting from the mix's; off, it follows the mix's
    /// again (or its impact × urgency pairs).
    CategoryPriorities {
        category: String,
        own: bool,
    },
    /// The relative weight of a priority among one category's own (0 leaves it out, but never the last).
    CategoryPriorityWeight {
        category: String,
        priority: Priority,
        weight: f64,
    },
    /// The relative weight of a channel in the mix (0 or more; 0 leaves it out).
    ChannelWeight {
        channel: Channel,
        weight: f64,
    },
    /// The relative weight of a customer segment in the mix (0 or more; 0 leaves it out, but never the last).
    SegmentWeight {
        segment: String,
        weight: f64,
    },
    /// Whether tickets carry an impact and an urgency (the policy's priority matrix gives the priority)
    /// instead of a priority: on, every pair starts with weight 1; off, the pairs are dropped.
    ImpactUrgency(bool),
    /// The relative weight of one impact × urgency pair (0 or more; 0 leaves it out, and with no pair left
    /// tickets carry priorities again).
    ImpactUrgencyWeight {
        impact: Level,
        urgency: Level,
        weight: f64,
    },
    /// The share of tickets that carry a customer signal (0 to 1).
    SignalRate {
        signal: Signal,
        probability: f64,
    },
    /// Whether a category has its own signal rates: on, they start as the mix's; off, it uses the mix's.
    CategorySignals {
        category: String,
        own: bool,
    },
    /// The share of one category's tickets that carry a customer signal (0 to 1).
    CategorySignalRate {
        category: String,
        signal: Signal,
        probability: f64,
    },
    /// The mean time a team takes per ticket, in whole seconds (at least 1), keeping the distribution's
    /// shape (the default's, when the team has none of its own).
    HandlingMean {
        team: String,
        seconds: i64,
    },
    /// The shape of a team's handling times, keeping their mean (the default's, when the team has none).
    HandlingShape {
        team: String,
        shape: TimeShape,
    },
    /// The share of a team's tickets it resolves (0 to 1).
    HandlingResolve {
        team: String,
        probability: f64,
    },
    /// One category's own handling in a team (`handling.teams.<team>.categories.<category>`).
    HandlingCategory {
        team: String,
        category: String,
        field: CategoryHandlingField,
    },
    /// The share of pieces of work that end in a question to the customer (0 to 1); 0 removes the waits.
    WaitingAsk(f64),
    /// The mean time customers take to answer, in whole seconds (at least 1), keeping the distribution's shape.
    WaitingReplyMean(i64),
    /// The share of customers who never answer (0 to 1).
    WaitingNeverReplies(f64),
    /// The share of tickets that wait as they arrive, before anyone answers (0 to 1); 0 removes those waits.
    HeldOnArrivalShare(f64),
    /// How long, on average, such a wait lasts, in whole seconds (at least 1), keeping the distribution's shape.
    HeldOnArrivalMean(i64),
    /// Whom such a wait is on: `on_hold` or `waiting_on_third_party` (waiting on the customer is refused).
    HeldOnArrivalState(WaitState),
    /// How long, on average, customers on a channel wait for a first response before they give up (whole
    /// seconds, at least 1; exponential patience), or `None`: they never give up.
    Patience {
        channel: Channel,
        seconds: Option<i64>,
    },
    /// Knowledge-base learning, or `None` for none.
    KnowledgeBase(Option<KnowledgeBase>),
    /// How a team hands tickets to its agents; `Pool` removes the team's assignment, and a strategy other
    /// than `SkillsFirst` drops the agents' skills.
    AssignmentStrategy {
        team: String,
        strategy: AssignmentStrategy,
    },
    /// The names of a team's first agents, as typed: separated by commas, blanks ignored.
    AssignmentAgents {
        team: String,
        names: String,
    },
    /// The assignee-return timer in whole seconds (at least 1), or `None`: no timer (and no lead).
    AssignmentReturnAfter {
        team: String,
        seconds: Option<i64>,
    },
    /// The team a returned ticket goes up to, or `None`: another agent of the same team.
    AssignmentReturnTo {
        team: String,
        to: Option<String>,
    },
    /// Whether a named agent is skilled in a category (for skills first).
    AssignmentSkill {
        team: String,
        agent: String,
        category: String,
        skilled: bool,
    },
}

impl ScenarioField {
    /// The setting's name in undo keys: consecutive edits of one setting are one undo step.
    pub(super) fn name(&self) -> String {
        match self {
            ScenarioField::HorizonDays(_) => "horizon".to_owned(),
            ScenarioField::Volume(_) => "volume".to_owned(),
            ScenarioField::Replications(_) => "replications".to_owned(),
            ScenarioField::Seed(_) => "seed".to_owned(),
            ScenarioField::Staffing { team, .. } => format!("staffing/{team}"),
            ScenarioField::MixWeight { category, .. } => format!("mix/{category}"),
            ScenarioField::PriorityWeight { priority, .. } => {
                format!("mix/priority/{}", priority.as_str())
            }
            ScenarioField::CategoryPriorities { category, .. } => {
                format!("mix/priorities_by_category/{category}")
            }
            ScenarioField::CategoryPriorityWeight {
                category, priority, ..
            } => format!(
                "mix/priorities_by_category/{category}/{}",
                priority.as_str()
            ),
            ScenarioField::ChannelWeight { channel, .. } => {
                format!("mix/channel/{}", channel.as_str())
            }
            ScenarioField::SegmentWeight { segment, .. } => format!("mix/segment/{segment}"),
            ScenarioField::ImpactUrgency(_) => "mix/impact_urgency".to_owned(),
            ScenarioField::ImpactUrgencyWeight {
                impact, urgency, ..
            } => format!(
                "mix/impact_urgency/{}",
                impact_urgency_key(*impact, *urgency)
            ),
            ScenarioField::SignalRate { signal, .. } => format!("mix/signal/{}", signal.name()),
            ScenarioField::CategorySignals { category, .. } => {
                format!("mix/signals_by_category/{category}")
            }
            ScenarioField::CategorySignalRate {
                category, signal, ..
            } => format!("mix/signals_by_category/{category}/{}", signal.name()),
            ScenarioField::HandlingMean { team, .. } => format!("handling/{team}/time"),
            ScenarioField::HandlingShape { team, .. } => format!("handling/{team}/shape"),
            ScenarioField::HandlingResolve { team, .. } => format!("handling/{team}/resolve"),
            ScenarioField::HandlingCategory {
                team,
                category,
                field,
            } => format!("handling/{team}/categories/{category}/{}", field.name()),
            ScenarioField::WaitingAsk(_) => "waiting/ask".to_owned(),
            ScenarioField::WaitingReplyMean(_) => "waiting/reply".to_owned(),
            ScenarioField::WaitingNeverReplies(_) => "waiting/never".to_owned(),
            ScenarioField::HeldOnArrivalShare(_) => "waiting/held".to_owned(),
            ScenarioField::HeldOnArrivalMean(_) => "waiting/held-for".to_owned(),
            ScenarioField::HeldOnArrivalState(_) => "waiting/held-in".to_owned(),
            ScenarioField::Patience { channel, .. } => {
                format!("abandonment/{}", channel.as_str())
            }
            ScenarioField::KnowledgeBase(_) => "knowledge_base".to_owned(),
            ScenarioField::AssignmentStrategy { team, .. } => format!("assignment/{team}/strategy"),
            ScenarioField::AssignmentAgents { team, .. } => format!("assignment/{team}/agents"),
            ScenarioField::AssignmentReturnAfter { team, .. } => {
                format!("assignment/{team}/return_after")
            }
            ScenarioField::AssignmentReturnTo { team, .. } => {
                format!("assignment/{team}/return_to")
            }
            ScenarioField::AssignmentSkill {
                team,
                agent,
                category,
                ..
            } => format!("assignment/{team}/skills/{agent}/{category}"),
        }
    }

    /// Changes `scenario` as the setting says; out-of-range values are clamped, not refused.
    pub(super) fn apply(&self, scenario: &mut Scenario) {
        match self.clone() {
            ScenarioField::HorizonDays(days) => {
                scenario.workload.horizon =
                    Horizon(Duration::from_seconds(i64::from(days.clamp(1, 91)) * DAY))
            }
            ScenarioField::Volume(value) => match &mut scenario.workload.arrivals {
                Arrivals::Daily { volume, .. } => *volume = value,
                Arrivals::Constant { per_hour } => *per_hour = value,
                Arrivals::HourOfWeek(_) => {}
            },
            ScenarioField::Replications(replications) => {
                scenario.replications = replications.clamp(1, 30)
            }
            ScenarioField::Seed(seed) => scenario.seed = seed,
            ScenarioField::Staffing { team, agents } => {
                scenario.staffing.insert(team, agents);
            }
            ScenarioField::MixWeight { category, weight } => {
                scenario.mix.categories.insert(category, weight);
            }
            ScenarioField::PriorityWeight { priority, weight } => {
                set_weight(&mut scenario.mix.priorities, priority, weight)
            }
            ScenarioField::CategoryPriorities { category, own } => {
                let mix = &mut scenario.mix;
                if own {
                    let global = mix.priorities.clone();
                    mix.priorities_by_category.entry(category).or_insert(global);
                } else {
                    mix.priorities_by_category.remove(&category);
                }
            }
            ScenarioField::CategoryPriorityWeight {
                category,
                priority,
                weight,
            } => {
                if let Some(weights) = scenario.mix.priorities_by_category.get_mut(&category) {
                    set_weight(weights, priority, weight)
                }
            }
            ScenarioField::ChannelWeight { channel, weight } => {
                set_weight(&mut scenario.mix.channels, channel, weight)
            }
            ScenarioField::SegmentWeight { segment, weight } => {
                let segment = segment.trim();
                if !segment.is_empty() {
                    set_weight(&mut scenario.mix.segments, segment.to_owned(), weight)
                }
            }
            ScenarioField::ImpactUrgency(on) => {
                let pairs = &mut scenario.mix.impact_urgency;
                if !on {
                    pairs.clear();
                } else if pairs.is_empty() {
                    for impact in Level::ALL {
                        for urgency in Level::ALL {
                            pairs.insert(impact_urgency_key(impact, urgency), 1.0);
                        }
                    }
                }
            }
            ScenarioField::ImpactUrgencyWeight {
                impact,
                urgency,
                weight,
            } => {
                let key = impact_urgency_key(impact, urgency);
                if weight.is_finite() && weight > 0.0 {
                    scenario.mix.impact_urgency.insert(key, weight);
                } else {
                    scenario.mix.impact_urgency.remove(&key);
                }
            }
            ScenarioField::SignalRate {
                signal,
                probability,
            } => *scenario.mix.signals.rate_mut(signal) = share(probability, 0.0),
            ScenarioField::CategorySignals { category, own } => {
                let mix = &mut scenario.mix;
                if own {
                    let global = mix.signals;
                    mix.signals_by_category.entry(category).or_insert(global);
                } else {
                    mix.signals_by_category.remove(&category);
                }
            }
            ScenarioField::CategorySignalRate {
                category,
                signal,
                probability,
            } => {
                if let Some(rates) = scenario.mix.signals_by_category.get_mut(&category) {
                    *rates.rate_mut(signal) = share(probability, 0.0);
                }
            }
            ScenarioField::HandlingMean { team, seconds } => {
                let default = scenario.handling.default.time;
                let handling = scenario.handling.teams.entry(team).or_default();
                let shape = handling.time.unwrap_or(default);
                handling.time = Some(shape.with_mean(Duration::from_seconds(seconds.max(1))));
            }
            ScenarioField::HandlingShape { team, shape } => {
                let default = scenario.handling.default.time;
                let handling = scenario.handling.teams.entry(team).or_default();
                let mean = handling.time.unwrap_or(default).mean();
                handling.time = Some(shape.with_mean(mean));
            }
            ScenarioField::HandlingResolve { team, probability } => {
                scenario.handling.teams.entry(team).or_default().resolve =
                    Some(share(probability, 1.0));
            }
            ScenarioField::HandlingCategory {
                team,
                category,
                field,
            } => field.apply(scenario, team, category),
            ScenarioField::WaitingAsk(probability) => {
                waiting_rule(scenario).ask = share(probability, 0.0)
            }
            ScenarioField::WaitingReplyMean(seconds) => {
                let rule = waiting_rule(scenario);
                rule.customer_reply = rule
                    .customer_reply
                    .with_mean(Duration::from_seconds(seconds.max(1)));
            }
            ScenarioField::WaitingNeverReplies(probability) => {
                waiting_rule(scenario).never_replies = share(probability, 0.0)
            }
            ScenarioField::HeldOnArrivalShare(probability) => {
                let rule = waiting_rule(scenario);
                let probability = share(probability, 0.0);
                if probability > 0.0 {
                    held_on_arrival(rule).probability = probability;
                } else {
                    rule.held_on_arrival = None;
                }
            }
            ScenarioField::HeldOnArrivalMean(seconds) => {
                let held = held_on_arrival(waiting_rule(scenario));
                held.duration = held
                    .duration
                    .with_mean(Duration::from_seconds(seconds.max(1)));
            }
            ScenarioField::HeldOnArrivalState(state) => {
                if state != WaitState::WaitingOnCustomer {
                    held_on_arrival(waiting_rule(scenario)).state = state;
                }
            }
            ScenarioField::Patience { channel, seconds } => {
                set_patience(scenario, channel, seconds)
            }
            ScenarioField::KnowledgeBase(knowledge_base) => {
                scenario.knowledge_base = knowledge_base.map(|kb| KnowledgeBase {
                    document_probability: share(kb.document_probability, 0.0),
                    gain: share(kb.gain, 0.0),
                    cap: share(kb.cap, 0.0),
                })
            }
            ScenarioField::AssignmentStrategy { team, strategy } => {
                set_strategy(scenario, team, strategy)
            }
            ScenarioField::AssignmentAgents { team, names } => {
                if let Some(assignment) = scenario.assignment.get_mut(&team) {
                    assignment.agents = split_agent_names(&names);
                }
            }
            ScenarioField::AssignmentReturnAfter { team, seconds } => {
                if let Some(assignment) = scenario.assignment.get_mut(&team) {
                    assignment.return_after =
                        seconds.map(|seconds| Duration::from_seconds(seconds.max(1)));
                    if assignment.return_after.is_none() {
                        assignment.return_to = None;
                    }
                }
            }
            ScenarioField::AssignmentReturnTo { team, to } => {
                if let Some(assignment) = scenario.assignment.get_mut(&team) {
                    assignment.return_to = to;
                }
            }
            ScenarioField::AssignmentSkill {
                team,
                agent,
                category,
                skilled,
            } => {
                if let Some(assignment) = scenario.assignment.get_mut(&team) {
                    set_skill(assignment, agent, category, skilled)
                }
            }
        }
    }
}

/// Agents' names as typed in one box: separated by commas, spaces around them and blanks ignored.
pub fn split_agent_names(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Gives `team` the strategy: pooling removes its assignment (a pool has no assignees, so no names or
/// timer), and only skills first keeps skills.
fn set_strategy(scenario: &mut Scenario, team: String, strategy: AssignmentStrategy) {
    if strategy == AssignmentStrategy::Pool {
        scenario.assignment.remove(&team);
        return;
    }
    let assignment = scenario.assignment.entry(team).or_default();
    assignment.strategy = strategy;
    if strategy != AssignmentStrategy::SkillsFirst {
        assignment.skills.clear();
    }
}

/// Adds a category to an agent's skills (after the others) or removes it; an agent left with none is dropped.
fn set_skill(assignment: &mut TeamAssignment, agent: String, category: String, skilled: bool) {
    let skills = assignment.skills.entry(agent.clone()).or_default();
    let has = skills.contains(&category);
    if skilled && !has {
        skills.push(category);
    } else if !skilled {
        skills.retain(|known| *known != category);
    }
    if skills.is_empty() {
        assignment.skills.remove(&agent);
    }
}

/// One setting of a category's own handling in a team.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CategoryHandlingField {
    /// Gives the category its own handling, starting from the team's time and resolve share.
    Add,
    /// The mean time per ticket in whole seconds (at least 1), keeping the distribution's shape.
    Mean(i64),
    /// The share of the category's tickets the team resolves (0 to 1).
    Resolve(f64),
    /// Back to the team's handling.
    Remove,
}

impl CategoryHandlingField {
    fn name(self) -> &'static str {
        match self {
            CategoryHandlingField::Add => "add",
            CategoryHandlingField::Mean(_) => "time",
            CategoryHandlingField::Resolve(_) => "resolve",
            CategoryHandlingField::Remove => "remove",
        }
    }

    fn apply(self, scenario: &mut Scenario, team: String, category: String) {
        let (default_time, default_resolve) = (
            scenario.handling.default.time,
            scenario.handling.default.resolve,
        );
        let handling = scenario.handling.teams.entry(team).or_default();
        let team_time = handling.time.unwrap_or(default_time);
        let team_resolve = handling.resolve.unwrap_or(default_resolve);
        match self {
            CategoryHandlingField::Add => {
                handling
                    .categories
                    .entry(category)
                    .or_insert(HandlingOverride {
                        time: Some(team_time),
                        resolve: Some(team_resolve),
                    });
            }
            CategoryHandlingField::Mean(seconds) => {
                let own = handling.categories.entry(category).or_default();
                let shape = own.time.unwrap_or(team_time);
                own.time = Some(shape.with_mean(Duration::from_seconds(seconds.max(1))));
            }
            CategoryHandlingField::Resolve(probability) => {
                handling.categories.entry(category).or_default().resolve =
                    Some(share(probability, team_resolve));
            }
            CategoryHandlingField::Remove => {
                handling.categories.remove(&category);
            }
        }
    }
}

/// The shape of a time distribution, without its mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TimeShape {
    /// Every ticket takes the mean.
    Fixed,
    /// Memoryless: most tickets are quick, a few take long.
    Exponential,
    /// Skewed, with this coefficient of variation (standard deviation ÷ mean; clamped to 0–10).
    Lognormal { cv: f64 },
}

impl TimeShape {
    /// The shape of `distribution`.
    pub fn of(distribution: &TimeDistribution) -> TimeShape {
        match *distribution {
            TimeDistribution::Fixed(_) => TimeShape::Fixed,
            TimeDistribution::Exponential { .. } => TimeShape::Exponential,
            TimeDistribution::Lognormal { cv, .. } => TimeShape::Lognormal { cv },
        }
    }

    /// The distribution of this shape with `mean`.
    pub fn with_mean(self, mean: Duration) -> TimeDistribution {
        match self {
            TimeShape::Fixed => TimeDistribution::Fixed(mean),
            TimeShape::Exponential => TimeDistribution::Exponential { mean },
            TimeShape::Lognormal { cv } => TimeDistribution::Lognormal {
                mean,
                cv: if cv.is_finite() {
                    cv.clamp(0.0, 10.0)
                } else {
                    1.0
                },
            },
        }
    }
}

/// One setting of a traffic spike. Its start is counted from the scenario's start, in whole hours.
#[derive(Debug, Clone, PartialEq)]
pub enum SpikeField {
    /// Hours after the scenario's start (0 or more).
    StartHour(i64),
    /// How long it lasts, in hours (clamped to 1 hour – 31 days).
    DurationHours(f64),
    /// The rate during the spike ÷ the usual rate (clamped to 0–100).
    Multiplier(f64),
    /// Only tickets of this category are added, or `None`: the usual mix.
    Category(Option<String>),
}

impl SpikeField {
    pub(super) fn name(&self) -> &'static str {
        match self {
            SpikeField::StartHour(_) => "start",
            SpikeField::DurationHours(_) => "duration",
            SpikeField::Multiplier(_) => "multiplier",
            SpikeField::Category(_) => "category",
        }
    }

    pub(super) fn apply(&self, spike: &mut Spike, scenario_start: Instant) {
        match self.clone() {
            SpikeField::StartHour(hours) => {
                spike.start = scenario_start.plus(hours.clamp(0, 24 * 366) * HOUR)
            }
            SpikeField::DurationHours(hours) => {
                let hours = if hours.is_finite() {
                    hours.clamp(1.0, 24.0 * 31.0)
                } else {
                    1.0
                };
                spike.duration = Duration::from_seconds((hours * HOUR as f64).round() as i64)
            }
            SpikeField::Multiplier(multiplier) => {
                spike.multiplier = if multiplier.is_finite() {
                    multiplier.clamp(0.0, 100.0)
                } else {
                    1.0
                }
            }
            SpikeField::Category(category) => spike.category = category,
        }
    }
}

/// Adds the spike [`super::Edit::AddSpike`] describes.
pub(super) fn add_spike(scenario: &mut Scenario) {
    let start = scenario.workload.start.plus(DAY + 9 * HOUR);
    scenario.workload.spikes.push(Spike {
        start,
        duration: Duration::hours(3),
        multiplier: 2.0,
        category: None,
    });
}

/// Sets a mix weight; a weight that is zero, negative or not a number leaves the value out of the mix, except
/// the last one left (a mix needs something to draw).
fn set_weight<K: Ord>(weights: &mut BTreeMap<K, f64>, key: K, weight: f64) {
    if weight.is_finite() && weight > 0.0 {
        weights.insert(key, weight);
    } else if weights.keys().any(|other| *other != key) {
        weights.remove(&key);
    }
}

/// The scenario's key of an impact × urgency pair, `"high/medium"`.
pub fn impact_urgency_key(impact: Level, urgency: Level) -> String {
    format!("{}/{}", impact.as_str(), urgency.as_str())
}

/// Gives a channel's customers an exponential patience with that mean, or none; a scenario left with no
/// patience at all has no abandonment.
fn set_patience(scenario: &mut Scenario, channel: Channel, seconds: Option<i64>) {
    let abandonment = scenario.abandonment.get_or_insert_with(|| Abandonment {
        default: None,
        channels: BTreeMap::new(),
    });
    match seconds {
        Some(seconds) => {
            let mean = Duration::from_seconds(seconds.max(1));
            let patience = abandonment
                .channels
                .get(&channel)
                .or(abandonment.default.as_ref())
                .map_or(TimeDistribution::Exponential { mean }, |shape| {
                    shape.with_mean(mean)
                });
            abandonment.channels.insert(channel, patience);
        }
        None => {
            abandonment.channels.remove(&channel);
        }
    }
    if abandonment.default.is_none() && abandonment.channels.is_empty() {
        scenario.abandonment = None;
    }
}

/// `value` as a probability: clamped to 0..=1, `otherwise` when it is not a number.
fn share(value: f64, otherwise: f64) -> f64 {
    if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        otherwise
    }
}

/// The scenario's default waiting rule, made (nobody asked yet; customers answer in 4 hours on average)
/// when the scenario has none.
fn waiting_rule(scenario: &mut Scenario) -> &mut WaitingRule {
    &mut scenario
        .waiting
        .get_or_insert_with(|| Waiting {
            default: WaitingRule {
                ask: 0.0,
                customer_reply: TimeDistribution::Exponential {
                    mean: Duration::hours(4),
                },
                never_replies: 0.0,
                held_on_arrival: None,
            },
            categories: BTreeMap::new(),
        })
        .default
}

/// The rule's waits on arrival, made (none held yet; on hold for 2 hours on average) when it has none.
fn held_on_arrival(rule: &mut WaitingRule) -> &mut HeldOnArrival {
    rule.held_on_arrival.get_or_insert(HeldOnArrival {
        state: WaitState::OnHold,
        probability: 0.0,
        duration: TimeDistribution::Exponential {
            mean: Duration::hours(2),
        },
    })
}
