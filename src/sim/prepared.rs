//! A scenario checked against a policy model and turned into index-based tables for the hot loop.

use std::collections::BTreeMap;

use super::arrivals::WeeklyRates;
use super::assignment::{self, PreparedAssignment};
use super::limits;
use super::model::{PolicyModel, TeamInfo};
use super::scenario::{
    AmountDistribution, Arrivals, KnowledgeBase, Scenario, ScenarioError, SignalRates,
    TimeDistribution, WaitingRule,
};
use crate::engine::calendar::iana_zone;
use crate::engine::sla::WaitState;
use crate::engine::ticket::{Channel, Level, Priority};
use crate::engine::time::{DAY, WEEK};

const DEFAULT_DRAIN_SECONDS: i64 = 28 * DAY;

/// Values to draw from, with cumulative weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice<T> {
    pub values: Vec<T>,
    pub cumulative: Vec<f64>,
}

impl<T: Clone> Choice<T> {
    fn new<'a, K: 'a + Clone + Into<T>>(
        weights: impl IntoIterator<Item = (&'a K, &'a f64)>,
        path: &str,
    ) -> Result<Choice<T>, ScenarioError> {
        let mut values = Vec::new();
        let mut cumulative = Vec::new();
        let mut total = 0.0;
        for (value, &weight) in weights {
            if !(weight.is_finite() && weight >= 0.0) {
                return Err(ScenarioError::new(
                    path,
                    format!("weight {weight} must be zero or positive"),
                ));
            }
            total += weight;
            values.push(value.clone().into());
            cumulative.push(total);
        }
        if total <= 0.0 {
            return Err(ScenarioError::new(
                path,
                "at least one weight must be positive",
            ));
        }
        Ok(Choice { values, cumulative })
    }
}

/// Extra arrivals inside a window.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedSpike {
    pub start: i64,
    pub end: i64,
    pub extra_multiplier: f64,
    pub category: Option<u16>,
}

/// The scenario in the simulator's terms: indices instead of names, flat tables by team × category.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedScenario {
    pub start: i64,
    pub end: i64,
    pub stop: i64,
    pub rates: WeeklyRates,
    pub spikes: Vec<PreparedSpike>,
    pub categories: Choice<String>,
    pub priorities: Vec<Choice<Priority>>,
    /// Per category: impact and urgency to draw instead of a priority (`mix.impact_urgency`), or `None`.
    pub impact_urgency: Vec<Option<Choice<(Level, Level)>>>,
    pub channels: Choice<Channel>,
    pub segments: Choice<String>,
    pub signals: Vec<SignalRates>,
    pub amounts: Vec<Option<AmountDistribution>>,
    pub agents: Vec<u32>,
    /// Per team: how it hands tickets to individual agents, `None` for a pooled queue.
    pub assignment: Vec<Option<PreparedAssignment>>,
    pub first_line: Vec<bool>,
    /// Indexed by `team * categories + category`.
    pub handling_time: Vec<TimeDistribution>,
    pub resolve: Vec<f64>,
    pub knowledge_base: Option<KnowledgeBase>,
    /// Indexed like `Channel::ALL`.
    pub patience: [Option<TimeDistribution>; 5],
    /// Per category: how work ends in a question to the customer, `None` when it never does.
    pub waiting: Vec<Option<WaitingRule>>,
    pub seed: u64,
}

/// The index of the policy's team `name`, or an error at `path` saying there is no such team.
pub(super) fn team_position(
    teams: &[TeamInfo],
    name: &str,
    path: &str,
) -> Result<usize, ScenarioError> {
    teams
        .iter()
        .position(|team| team.name == name)
        .ok_or_else(|| {
            ScenarioError::new(
                path,
                format!("unknown team {name:?} (the policy has no such team)"),
            )
        })
}

fn probability(value: f64, path: &str) -> Result<f64, ScenarioError> {
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(ScenarioError::new(
            path,
            format!("probability {value} must be between 0 and 1"),
        ))
    }
}

fn check_signals(rates: &SignalRates, path: &str) -> Result<(), ScenarioError> {
    for (name, value) in [
        ("demands_manager", rates.demands_manager),
        ("abusive", rates.abusive),
        ("threatens_to_leave", rates.threatens_to_leave),
        ("threatens_review", rates.threatens_review),
    ] {
        probability(value, &format!("{path}.{name}"))?;
    }
    Ok(())
}

fn check_time(distribution: &TimeDistribution, path: &str) -> Result<(), ScenarioError> {
    match *distribution {
        TimeDistribution::Lognormal { mean, cv }
            if mean.seconds() <= 0 || !(cv.is_finite() && cv >= 0.0) =>
        {
            Err(ScenarioError::new(
                path,
                "lognormal needs a positive mean and a cv of zero or more",
            ))
        }
        TimeDistribution::Exponential { mean } if mean.seconds() <= 0 => Err(ScenarioError::new(
            path,
            "exponential needs a positive mean",
        )),
        TimeDistribution::Fixed(duration) if duration.seconds() < 0 => {
            Err(ScenarioError::new(path, "a fixed time cannot be negative"))
        }
        _ => Ok(()),
    }
}

fn check_waiting(rule: &WaitingRule, path: &str) -> Result<Option<WaitingRule>, ScenarioError> {
    probability(rule.ask, &format!("{path}.ask"))?;
    probability(rule.never_replies, &format!("{path}.never_replies"))?;
    check_time(&rule.customer_reply, &format!("{path}.customer_reply"))?;
    let held = match &rule.held_on_arrival {
        None => false,
        Some(held) => {
            let path = format!("{path}.held_on_arrival");
            if held.state == WaitState::WaitingOnCustomer {
                return Err(ScenarioError::new(
                    format!("{path}.state"),
                    "a ticket nobody has answered cannot wait on the customer: use on_hold or waiting_on_third_party",
                ));
            }
            probability(held.probability, &format!("{path}.probability"))?;
            check_time(&held.duration, &format!("{path}.duration"))?;
            held.probability > 0.0
        }
    };
    Ok((rule.ask > 0.0 || held).then_some(*rule))
}

fn weekly_rates(arrivals: &Arrivals) -> Result<[f64; 168], ScenarioError> {
    let path = "workload.arrivals";
    let mut rates = [0.0; 168];
    match arrivals {
        Arrivals::Constant { per_hour } => rates = [*per_hour; 168],
        Arrivals::HourOfWeek(values) => {
            if values.len() != 168 {
                return Err(ScenarioError::new(
                    format!("{path}.hour_of_week"),
                    format!(
                        "expected 168 hourly rates (Monday 00:00 first), got {}",
                        values.len()
                    ),
                ));
            }
            rates.copy_from_slice(values);
        }
        Arrivals::Daily {
            volume,
            intraday,
            weekday_factors,
        } => {
            if intraday.len() != 24 {
                return Err(ScenarioError::new(
                    format!("{path}.daily.intraday"),
                    format!("expected 24 hourly weights, got {}", intraday.len()),
                ));
            }
            let factors = weekday_factors.clone().unwrap_or_else(|| vec![1.0; 7]);
            if factors.len() != 7 {
                return Err(ScenarioError::new(
                    format!("{path}.daily.weekday_factors"),
                    format!("expected 7 factors (Monday first), got {}", factors.len()),
                ));
            }
            let total: f64 = intraday.iter().sum();
            if total.is_nan() || total <= 0.0 {
                return Err(ScenarioError::new(
                    format!("{path}.daily.intraday"),
                    "weights must add up to more than zero",
                ));
            }
            for (day, factor) in factors.iter().enumerate() {
                for (hour, weight) in intraday.iter().enumerate() {
                    rates[day * 24 + hour] = volume * factor * weight / total;
                }
            }
        }
    }
    if let Some(bad) = rates
        .iter()
        .find(|rate| !(rate.is_finite() && **rate >= 0.0))
    {
        return Err(ScenarioError::new(
            path,
            format!("arrival rate {bad} must be zero or positive"),
        ));
    }
    Ok(rates)
}

/// `mix.impact_urgency` as a choice of (impact, urgency) pairs; `None` when it is empty.
fn impact_urgency_pairs(
    weights: &BTreeMap<String, f64>,
) -> Result<Option<Choice<(Level, Level)>>, ScenarioError> {
    if weights.is_empty() {
        return Ok(None);
    }
    let level = |text: &str| Level::ALL.into_iter().find(|l| l.as_str() == text.trim());
    let mut pairs = Vec::with_capacity(weights.len());
    for (key, weight) in weights {
        let pair = key
            .split_once('/')
            .and_then(|(impact, urgency)| Some((level(impact)?, level(urgency)?)))
            .ok_or_else(|| {
                ScenarioError::new(
                    format!("mix.impact_urgency.{key}"),
                    format!("{key:?} is not impact/urgency: write e.g. \"high/medium\" (each high, medium or low)"),
                )
            })?;
        pairs.push((pair, *weight));
    }
    Choice::new(
        pairs.iter().map(|(pair, weight)| (pair, weight)),
        "mix.impact_urgency",
    )
    .map(Some)
}

impl PreparedScenario {
    /// Tickets one replication is expected to create: the weekly profile over the horizon, spikes included.
    pub fn expected_tickets(&self) -> f64 {
        let per_week: f64 = self.rates.per_hour.iter().sum();
        let weeks = |from: i64, to: i64| (to - from).max(0) as f64 / WEEK as f64;
        let spikes: f64 = self
            .spikes
            .iter()
            .map(|spike| weeks(spike.start, spike.end) * per_week * spike.extra_multiplier)
            .sum();
        weeks(self.start, self.end) * per_week + spikes
    }

    pub fn new<M: PolicyModel + ?Sized>(
        scenario: &Scenario,
        model: &M,
    ) -> Result<PreparedScenario, ScenarioError> {
        let teams = model.teams();
        let team_index = |name: &str, path: &str| team_position(teams, name, path);
        let categories: Choice<String> = Choice::new(&scenario.mix.categories, "mix.categories")?;
        if categories.values.len() > usize::from(u16::MAX) {
            return Err(ScenarioError::new("mix.categories", "too many categories"));
        }
        let category_index = |name: &str, path: &str| {
            categories
                .values
                .iter()
                .position(|category| category == name)
                .map(|index| index as u16)
                .ok_or_else(|| {
                    ScenarioError::new(
                        path,
                        format!("unknown category {name:?} (not in mix.categories)"),
                    )
                })
        };
        let workload = &scenario.workload;
        let zone = match &workload.time_zone {
            Some(name) => Some(iana_zone(name).ok_or_else(|| {
                ScenarioError::new("workload.time_zone", format!("unknown time zone {name:?}"))
            })?),
            None => None,
        };
        let start = workload.start.0;
        let end = start.saturating_add(workload.horizon.0.seconds());
        let drain = workload
            .drain
            .map_or(DEFAULT_DRAIN_SECONDS, |d| d.seconds().max(0));
        let mut spikes = Vec::new();
        for (index, spike) in workload.spikes.iter().enumerate() {
            let path = format!("workload.spikes[{index}]");
            if !(spike.multiplier.is_finite() && spike.multiplier >= 1.0) {
                return Err(ScenarioError::new(
                    format!("{path}.multiplier"),
                    "multiplier must be 1 or more",
                ));
            }
            let category = match &spike.category {
                Some(name) => Some(category_index(name, &format!("{path}.category"))?),
                None => None,
            };
            spikes.push(PreparedSpike {
                start: spike.start.0.max(start),
                end: spike
                    .start
                    .0
                    .saturating_add(spike.duration.seconds().max(0))
                    .min(end),
                extra_multiplier: spike.multiplier - 1.0,
                category,
            });
        }
        let mix = &scenario.mix;
        let global_priorities: Choice<Priority> = Choice::new(&mix.priorities, "mix.priorities")?;
        let mut priorities = vec![global_priorities; categories.values.len()];
        let pairs = impact_urgency_pairs(&mix.impact_urgency)?;
        let mut impact_urgency = vec![pairs; categories.values.len()];
        for (name, weights) in &mix.priorities_by_category {
            let path = format!("mix.priorities_by_category.{name}");
            let index = usize::from(category_index(name, &path)?);
            priorities[index] = Choice::new(weights, &path)?;
            impact_urgency[index] = None;
        }
        check_signals(&mix.signals, "mix.signals")?;
        let mut signals = vec![mix.signals; categories.values.len()];
        for (name, rates) in &mix.signals_by_category {
            let path = format!("mix.signals_by_category.{name}");
            check_signals(rates, &path)?;
            signals[usize::from(category_index(name, &path)?)] = *rates;
        }
        let mut amounts = vec![None; categories.values.len()];
        for (name, distribution) in &mix.amounts {
            amounts[usize::from(category_index(name, &format!("mix.amounts.{name}"))?)] =
                Some(*distribution);
        }
        let mut agents: Vec<u32> = teams.iter().map(|team| team.agents).collect();
        for (name, count) in &scenario.staffing {
            agents[team_index(name, &format!("staffing.{name}"))?] = *count;
        }
        let assignment =
            assignment::prepare(&scenario.assignment, teams, &agents, &categories.values)?;
        let first_tier = teams.iter().map(|team| team.tier).min().unwrap_or(1);
        let first_line = teams.iter().map(|team| team.tier == first_tier).collect();
        let handling = &scenario.handling;
        check_time(&handling.default.time, "handling.default.time")?;
        probability(handling.default.resolve, "handling.default.resolve")?;
        let width = categories.values.len();
        let mut handling_time = vec![handling.default.time; teams.len() * width];
        let mut resolve = vec![handling.default.resolve; teams.len() * width];
        for (name, team) in &handling.teams {
            let path = format!("handling.teams.{name}");
            let row = team_index(name, &path)? * width;
            if let Some(time) = &team.time {
                check_time(time, &format!("{path}.time"))?;
                handling_time[row..row + width].fill(*time);
            }
            if let Some(p) = team.resolve {
                resolve[row..row + width].fill(probability(p, &format!("{path}.resolve"))?);
            }
            for (category, rule) in &team.categories {
                let path = format!("{path}.categories.{category}");
                let cell = row + usize::from(category_index(category, &path)?);
                if let Some(time) = &rule.time {
                    check_time(time, &format!("{path}.time"))?;
                    handling_time[cell] = *time;
                }
                if let Some(p) = rule.resolve {
                    resolve[cell] = probability(p, &format!("{path}.resolve"))?;
                }
            }
        }
        if let Some(kb) = &scenario.knowledge_base {
            probability(
                kb.document_probability,
                "knowledge_base.document_probability",
            )?;
            probability(kb.gain, "knowledge_base.gain")?;
            probability(kb.cap, "knowledge_base.cap")?;
        }
        let mut patience = [None; 5];
        if let Some(abandonment) = &scenario.abandonment {
            let by_channel: BTreeMap<_, _> = abandonment.channels.iter().collect();
            for (slot, channel) in patience.iter_mut().zip(Channel::ALL) {
                *slot = by_channel
                    .get(&channel)
                    .map(|d| **d)
                    .or(abandonment.default);
                if let Some(distribution) = slot {
                    check_time(
                        distribution,
                        &format!("abandonment.channels.{}", channel.as_str()),
                    )?;
                }
            }
        }
        let mut waiting = vec![None; width];
        if let Some(rules) = &scenario.waiting {
            waiting.fill(check_waiting(&rules.default, "waiting.default")?);
            for (name, rule) in &rules.categories {
                let path = format!("waiting.categories.{name}");
                waiting[usize::from(category_index(name, &path)?)] = check_waiting(rule, &path)?;
            }
        }
        let prepared = PreparedScenario {
            start,
            end,
            stop: end.saturating_add(drain),
            rates: WeeklyRates {
                per_hour: weekly_rates(&workload.arrivals)?,
                zone,
            },
            spikes,
            priorities,
            impact_urgency,
            channels: Choice::new(&mix.channels, "mix.channels")?,
            segments: Choice::new(&mix.segments, "mix.segments")?,
            categories,
            signals,
            amounts,
            agents,
            assignment,
            first_line,
            handling_time,
            resolve,
            knowledge_base: scenario.knowledge_base,
            patience,
            waiting,
            seed: scenario.seed,
        };
        limits::check(scenario, &prepared)?;
        Ok(prepared)
    }
}
