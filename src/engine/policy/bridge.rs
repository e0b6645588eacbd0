//! The seam between the policy and the condition, duration and calendar modules: the few calls the policy needs.

use crate::engine::ticket::Ticket;
use crate::engine::time::Instant;

/// A condition as written in the policy.
pub type Condition = serde_json::Value;
/// A duration as written in the policy.
pub type Duration = serde_json::Value;
/// A calendar as written in the policy.
pub type CalendarSpec = serde_json::Value;

/// A condition checked against the ticket fields, ready to evaluate.
#[derive(Debug, Clone)]
pub struct CheckedCondition {
    text: String,
}

/// A compiled calendar.
#[derive(Debug, Clone)]
pub struct Calendar;

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
    spec.get("id").and_then(|id| id.as_str()).unwrap_or("")
}

pub fn compile_calendar(_spec: &CalendarSpec) -> Result<Calendar, String> {
    Ok(Calendar)
}

impl Calendar {
    pub fn add_business(&self, at: Instant, seconds: i64) -> Instant {
        at.plus(seconds)
    }

    pub fn is_never_open(&self) -> bool {
        false
    }
}
