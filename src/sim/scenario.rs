//! The scenario document (JSON): policy, workload, ticket mix, staffing, handling, learning, abandonment, seed.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::duration::Horizon;
use crate::engine::condition::Signal;
use crate::engine::duration::Duration;
use crate::engine::sla::WaitState;
use crate::engine::ticket::{Channel, Priority};
use crate::engine::time::Instant;

/// A whole simulation set-up. See `docs/scenario-format.md` for every field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Version of this format; only `1` exists, and a document without it is version 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub policy: PolicySource,
    /// Values replaced in the policy before it is compiled (a variant of a preset).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policy_overrides: Vec<PolicyOverride>,
    pub workload: Workload,
    pub mix: Mix,
    /// Agents per team by team name; overrides the policy's agent counts.
    #[serde(default)]
    pub staffing: BTreeMap<String, u32>,
    /// How each named team hands its tickets to its agents; a team not named pools its queue.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub assignment: BTreeMap<String, TeamAssignment>,
    pub handling: Handling,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knowledge_base: Option<KnowledgeBase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abandonment: Option<Abandonment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting: Option<Waiting>,
    #[serde(default)]
    pub seed: u64,
    #[serde(default = "one")]
    pub replications: u32,
}

fn one() -> u32 {
    1
}

fn is_one(value: &u32) -> bool {
    *value == 1
}

/// The only scenario `schema_version` this build reads.
pub const SCENARIO_VERSION: u32 = 1;

/// The policy to simulate: the name of a preset or an inline policy document (kept opaque here).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PolicySource {
    Named(String),
    Inline(serde_json::Value),
}

/// Replaces the value at `pointer` (a JSON Pointer, RFC 6901, e.g. `/sla_policies/2/targets/low/first_response`)
/// of the policy document; the pointer must name a value that exists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyOverride {
    pub pointer: String,
    pub value: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    pub start: Instant,
    pub horizon: Horizon,
    /// IANA zone in which hour-of-week profiles are read; UTC when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// How long after the horizon open tickets keep being worked before the run stops (default 28d).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drain: Option<Duration>,
    pub arrivals: Arrivals,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spikes: Vec<Spike>,
}

/// Expected arrivals (tickets per hour), piecewise constant by local hour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Arrivals {
    /// The same rate at every hour.
    Constant { per_hour: f64 },
    /// 168 rates, Monday 00:00–01:00 first.
    HourOfWeek(Vec<f64>),
    /// A daily volume spread over the day by a 24-value curve (normalised), scaled per weekday.
    Daily {
        volume: f64,
        intraday: Vec<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        weekday_factors: Option<Vec<f64>>,
    },
}

/// Extra volume in a window: the rate there is multiplied; the extra tickets may all be of one category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spike {
    pub start: Instant,
    pub duration: Duration,
    pub multiplier: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

/// Probabilities of each customer signal on a ticket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SignalRates {
    pub demands_manager: f64,
    pub abusive: f64,
    pub threatens_to_leave: f64,
    pub threatens_review: f64,
}

impl SignalRates {
    /// The share of tickets with `signal`.
    pub fn rate(&self, signal: Signal) -> f64 {
        match signal {
            Signal::DemandsManager => self.demands_manager,
            Signal::Abusive => self.abusive,
            Signal::ThreatensToLeave => self.threatens_to_leave,
            Signal::ThreatensReview => self.threatens_review,
        }
    }

    /// The share of tickets with `signal`, to change it.
    pub fn rate_mut(&mut self, signal: Signal) -> &mut f64 {
        match signal {
            Signal::DemandsManager => &mut self.demands_manager,
            Signal::Abusive => &mut self.abusive,
            Signal::ThreatensToLeave => &mut self.threatens_to_leave,
            Signal::ThreatensReview => &mut self.threatens_review,
        }
    }
}

/// Who the tickets are: weights (any positive scale) over each attribute, drawn independently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mix {
    pub categories: BTreeMap<String, f64>,
    #[serde(default = "default_priorities")]
    pub priorities: BTreeMap<Priority, f64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub priorities_by_category: BTreeMap<String, BTreeMap<Priority, f64>>,
    /// Weights of `impact/urgency` pairs (`"high/medium"`): when given, tickets of categories without their
    /// own `priorities_by_category` carry an impact and an urgency instead of a priority, and the policy's
    /// priority matrix gives the priority.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub impact_urgency: BTreeMap<String, f64>,
    #[serde(default = "default_channels")]
    pub channels: BTreeMap<Channel, f64>,
    #[serde(default = "default_segments")]
    pub segments: BTreeMap<String, f64>,
    #[serde(default)]
    pub signals: SignalRates,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub signals_by_category: BTreeMap<String, SignalRates>,
    /// Money at stake per category (refunds, credits).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub amounts: BTreeMap<String, AmountDistribution>,
}

fn default_priorities() -> BTreeMap<Priority, f64> {
    BTreeMap::from([(Priority::Medium, 1.0)])
}

fn default_channels() -> BTreeMap<Channel, f64> {
    BTreeMap::from([(Channel::Email, 1.0)])
}

fn default_segments() -> BTreeMap<String, f64> {
    BTreeMap::from([("standard".to_owned(), 1.0)])
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum AmountDistribution {
    Fixed(f64),
    Uniform { min: f64, max: f64 },
    Exponential { mean: f64 },
    Lognormal { mean: f64, cv: f64 },
}

/// A distribution of a length of time.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum TimeDistribution {
    Fixed(Duration),
    Exponential {
        mean: Duration,
    },
    /// Lognormal with the given mean and coefficient of variation (sd / mean).
    Lognormal {
        mean: Duration,
        cv: f64,
    },
}

impl TimeDistribution {
    /// The distribution's mean.
    pub fn mean(&self) -> Duration {
        match *self {
            TimeDistribution::Fixed(duration) => duration,
            TimeDistribution::Exponential { mean } | TimeDistribution::Lognormal { mean, .. } => {
                mean
            }
        }
    }

    /// The same shape with another mean (a fixed time becomes that time).
    pub fn with_mean(self, mean: Duration) -> TimeDistribution {
        match self {
            TimeDistribution::Fixed(_) => TimeDistribution::Fixed(mean),
            TimeDistribution::Exponential { .. } => TimeDistribution::Exponential { mean },
            TimeDistribution::Lognormal { cv, .. } => TimeDistribution::Lognormal { mean, cv },
        }
    }
}

/// Handling times and resolve probabilities: a default, per team, per team × category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handling {
    pub default: DefaultHandling,
    #[serde(default)]
    pub teams: BTreeMap<String, TeamHandling>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefaultHandling {
    pub time: TimeDistribution,
    #[serde(default = "certain")]
    pub resolve: f64,
}

fn certain() -> f64 {
    1.0
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamHandling {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeDistribution>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolve: Option<f64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub categories: BTreeMap<String, HandlingOverride>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandlingOverride {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeDistribution>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolve: Option<f64>,
}

/// Knowledge-base learning: higher tiers document fixes, first line's resolve rate rises.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnowledgeBase {
    pub document_probability: f64,
    pub gain: f64,
    pub cap: f64,
}

/// How a team's tickets reach its agents (docs/assignment.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentStrategy {
    /// One queue for the team: a free agent takes its most urgent ticket.
    #[default]
    Pool,
    /// Each ticket entering the team goes to the next agent in turn, however busy they are.
    RoundRobin,
    /// Each ticket entering the team goes to the agent holding the fewest tickets.
    LeastLoaded,
    /// Each ticket goes to the least loaded agent with its category among their skills; the least loaded of
    /// all when nobody has it.
    SkillsFirst,
}

impl AssignmentStrategy {
    /// Whether tickets are handed to one agent each (and so can be returned, and load is per agent).
    pub fn is_individual(self) -> bool {
        self != AssignmentStrategy::Pool
    }
}

/// A team's assignment: the strategy, optional agent names, and the assignee-return timer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamAssignment {
    pub strategy: AssignmentStrategy,
    /// Names of the first agents; the others are called "Agent 4", "Agent 5"…
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agents: Vec<String>,
    /// A ticket its assignee has not started after this much of the team's open time goes back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_after: Option<Duration>,
    /// Where a returned ticket goes: this team (a lead), or, when absent, the next agent of the same team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_to: Option<String>,
    /// For `skills_first`: the categories each named agent is skilled in.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub skills: BTreeMap<String, Vec<String>>,
}

/// Customers without a first response give up after their patience runs out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Abandonment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<TimeDistribution>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub channels: BTreeMap<Channel, TimeDistribution>,
}

/// Agents' replies that ask the customer something, and how customers answer: a default and per category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waiting {
    pub default: WaitingRule,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub categories: BTreeMap<String, WaitingRule>,
}

/// How often a piece of work ends in a question to the customer, and how the customer answers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaitingRule {
    /// Probability that an agent's work on the ticket ends with a question instead of an outcome.
    pub ask: f64,
    /// How long the customer takes to answer.
    pub customer_reply: TimeDistribution,
    /// Probability that the customer never answers (the ticket waits until the policy auto-closes it).
    #[serde(default)]
    pub never_replies: f64,
    /// Tickets that wait as they arrive, before anyone answers them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_on_arrival: Option<HeldOnArrival>,
}

/// A share of tickets waits as it arrives, before its team's queue takes it: on hold (the customer asked to
/// be contacted later, a planned change) or on a third party (a vendor's input comes first).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeldOnArrival {
    /// `on_hold` or `waiting_on_third_party`.
    pub state: WaitState,
    pub probability: f64,
    /// How long the wait lasts.
    pub duration: TimeDistribution,
}

/// A scenario that could not be read or does not fit the policy, with the JSON path concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    pub path: String,
    pub message: String,
    /// The scenario is valid but asks for more than a run may do (`sim::limits`).
    pub over_limit: bool,
}

impl ScenarioError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> ScenarioError {
        ScenarioError {
            path: path.into(),
            message: message.into(),
            over_limit: false,
        }
    }

    /// A valid scenario that breaks one of `sim::limits`.
    pub fn over_limit(path: impl Into<String>, message: impl Into<String>) -> ScenarioError {
        ScenarioError {
            over_limit: true,
            ..ScenarioError::new(path, message)
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for ScenarioError {}

impl Scenario {
    /// Reads a scenario from JSON; errors name the JSON path (e.g. `mix.categories.billing`).
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let newer = |version: u64| {
            ScenarioError::new(
                "schema_version",
                format!("this scenario was made with a newer Escalator (format version {version}); this one reads version {SCENARIO_VERSION}"),
            )
        };
        let scenario: Scenario = crate::json::from_json(text).map_err(|err| {
            match crate::json::declared_version(text) {
                Some(version) if version > u64::from(SCENARIO_VERSION) => newer(version),
                _ => ScenarioError::new(err.path, crate::json::plain_words(&err.inner.to_string())),
            }
        })?;
        match scenario.schema_version {
            SCENARIO_VERSION => Ok(scenario),
            version if version > SCENARIO_VERSION => Err(newer(u64::from(version))),
            other => Err(ScenarioError::new(
                "schema_version",
                format!("unsupported schema_version {other}, expected {SCENARIO_VERSION}"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
        "policy": "default",
        "workload": {"start": "2026-03-02T00:00:00Z", "horizon": 7, "arrivals": {"constant": {"per_hour": 10}}},
        "mix": {"categories": {"general": 1}},
        "handling": {"default": {"time": {"exponential": {"mean": "40m"}}}}
    }"#;

    #[test]
    fn minimal_scenario_gets_defaults() {
        let scenario = Scenario::from_json(MINIMAL).unwrap();
        assert_eq!(scenario.replications, 1);
        assert_eq!(scenario.seed, 0);
        assert_eq!(scenario.policy, PolicySource::Named("default".to_owned()));
        assert_eq!(scenario.mix.channels[&Channel::Email], 1.0);
        assert_eq!(scenario.handling.default.resolve, 1.0);
    }

    #[test]
    fn scenario_versions_are_read_or_refused_in_words() {
        let versioned = MINIMAL.replacen('{', "{\"schema_version\": 1,", 1);
        assert_eq!(Scenario::from_json(&versioned).unwrap().schema_version, 1);
        for newer in [
            MINIMAL.replacen('{', "{\"schema_version\": 2,", 1),
            MINIMAL.replacen('{', "{\"schema_version\": 2, \"exercise\": {},", 1),
        ] {
            let err = Scenario::from_json(&newer).unwrap_err();
            assert_eq!(err.path, "schema_version", "{err}");
            assert!(err.message.contains("made with a newer Escalator"), "{err}");
        }
    }

    #[test]
    fn unknown_field_is_reported_with_its_path() {
        let text = MINIMAL.replace("\"per_hour\": 10", "\"per_hour\": 10, \"burst\": 2");
        let err = Scenario::from_json(&text).unwrap_err();
        assert_eq!(err.path, "workload.arrivals.constant.burst");
        assert!(err.message.contains("unknown field `burst`"), "{err}");
    }

    #[test]
    fn bad_duration_is_reported_with_its_path() {
        let text = MINIMAL.replace("\"40m\"", "\"40 minutes\"");
        let err = Scenario::from_json(&text).unwrap_err();
        assert_eq!(err.path, "handling.default.time.exponential.mean");
        assert!(err.message.contains("unknown duration unit ' '"), "{err}");
    }

    #[test]
    fn inline_policy_is_kept_as_json() {
        let text = MINIMAL.replace("\"policy\": \"default\"", "\"policy\": {\"teams\": []}");
        let scenario = Scenario::from_json(&text).unwrap();
        assert!(matches!(scenario.policy, PolicySource::Inline(_)));
    }
}
