//! The seam between the policy and the condition, duration and calendar modules: the few calls the policy needs.

use crate::engine::ticket::Ticket;

/// A condition as written in the policy.
pub type Condition = serde_json::Value;
/// A duration as written in the policy.
pub type Duration = serde_json::Value;
pub use crate::engine::calendar::{Calendar, CalendarError, CalendarSpec};

/// A condition checked against the ticket fields, ready to evaluate.
#[derive(Debug, Clone)]
pub struct CheckedCondition {
    text: String,
}

/// Why a leaf of a condition failed, with the value the ticket had.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub condition: String,
    pub saw: String,
}

pub fn check_condition(condition: &Condition) -> Result<CheckedCondition, String> {
    Ok(CheckedCondition {
        text: condition.to_string(),
    })
}

impl CheckedCondition {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn matches(&self, _ticket: &Ticket) -> bool {
        false
    }

    pub fn explain(&self, _ticket: &Ticket) -> Option<Failure> {
        None
    }

    pub fn is_always_true(&self) -> bool {
        false
    }

    /// Whether every ticket `later` matches is also matched by `self`.
    pub fn covers(&self, later: &CheckedCondition) -> bool {
        self.is_always_true() || self.text == later.text
    }
}

pub fn duration_seconds(duration: &Duration) -> i64 {
    duration.as_i64().unwrap_or(0)
}

pub fn duration_text(duration: &Duration) -> String {
    duration.to_string()
}

pub fn calendar_id(spec: &CalendarSpec) -> &str {
    &spec.id
}

pub fn compile_calendar(spec: &CalendarSpec) -> Result<Calendar, CalendarError> {
    Calendar::compile(spec)
}
