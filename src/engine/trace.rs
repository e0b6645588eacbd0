//! The explained trace of one routing decision: every trigger, rule and matrix row considered, and why it matched or not.

use serde::Serialize;

use super::shared_text::SharedText;

/// Where in the order of evaluation a step sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Trigger,
    Rule,
    /// An escalation-matrix row that names who receives first.
    Matrix,
    Default,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Trigger => "trigger",
            Stage::Rule => "rule",
            Stage::Matrix => "matrix",
            Stage::Default => "default",
        }
    }
}

/// What happened to one trigger or rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Matched,
    /// The condition failed; `condition` is the first leaf that failed and `saw` the ticket's value there.
    Failed {
        condition: SharedText,
        saw: SharedText,
    },
    /// Not looked at: an earlier trigger or rule matched.
    NotEvaluated,
}

impl Outcome {
    pub fn is_match(&self) -> bool {
        matches!(self, Outcome::Matched)
    }
}

/// One trigger, rule or the default route, as considered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TraceStep {
    pub stage: Stage,
    pub id: SharedText,
    pub description: SharedText,
    /// The condition in text form (`true` for the default route).
    pub condition: SharedText,
    /// Team id the step routes to.
    pub to: SharedText,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// An earlier trigger or rule that matches every ticket this one would: this one can never decide.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shadowed_by: Option<SharedText>,
}

impl TraceStep {
    /// One line for people: `matrix outage×critical: matched → engineering` or `rule x: failed at …`.
    pub fn explain(&self) -> String {
        let what = format!("{} {}", self.stage.as_str(), self.id);
        let line = match &self.outcome {
            Outcome::Matched => format!("{what}: matched → {}", self.to),
            Outcome::Failed { condition, saw } => {
                format!("{what}: failed at {condition} (saw {saw})")
            }
            Outcome::NotEvaluated => format!("{what}: not evaluated (an earlier rule matched)"),
        };
        match &self.shadowed_by {
            Some(earlier) => format!("{line}; can never match, shadowed by {earlier}"),
            None => line,
        }
    }
}

/// Every step in the order of evaluation: triggers, rules, matrix rows that name a first receiver, the default.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Trace {
    pub steps: Vec<TraceStep>,
}

impl Trace {
    pub fn matched(&self) -> Option<&TraceStep> {
        self.steps.iter().find(|step| step.outcome.is_match())
    }

    pub fn step(&self, id: &str) -> Option<&TraceStep> {
        self.steps.iter().find(|step| step.id == id)
    }

    /// The trace as lines for people, one per step.
    pub fn lines(&self) -> Vec<String> {
        self.steps.iter().map(TraceStep::explain).collect()
    }
}
