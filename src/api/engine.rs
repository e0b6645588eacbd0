//! `Engine`: a compiled policy behind the front door — routing (fast or with the trace), SLA plans — plus
//! `lint` and `parse_condition`, which need no compiled policy.

use serde::Serialize;

use super::answer::RouteAnswer;
use super::error::ApiError;
use crate::engine::condition::Condition;
use crate::engine::decision::{DecisionKind, PrioritySource, SlaPlan};
use crate::engine::lint::{self, Diagnostic};
use crate::engine::policy::{CompiledPolicy, Policy};
use crate::engine::route::{route, route_team};
use crate::engine::ticket::{Priority, Ticket};
use crate::engine::time::Instant;
use crate::engine::trace::Stage;
use crate::json::from_json;

/// A policy compiled once, to route many tickets.
#[derive(Debug, Clone)]
pub struct Engine {
    compiled: CompiledPolicy,
}

/// The fast path's answer: who receives the ticket and what decided it, without the trace or SLA plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Receiver<'p> {
    pub team: &'p str,
    pub tier: &'p str,
    pub kind: DecisionKind,
    pub stage: Stage,
    /// Id of the deciding trigger, rule or matrix row; `default` for the default route.
    pub rule: &'p str,
    pub priority: Priority,
    pub priority_source: PrioritySource,
}

/// A condition read from its text form: the same condition as text and as JSON, and the fields it reads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedCondition {
    pub text: String,
    pub json: serde_json::Value,
    pub fields: Vec<String>,
}

/// Reads a policy document; errors carry its JSON path, line and column.
pub fn read_policy(policy_json: &str) -> Result<Policy, ApiError> {
    ApiError::check_size("policy", policy_json)?;
    Policy::from_json(policy_json).map_err(|error| ApiError::from_policy(&error))
}

/// Reads a ticket document.
pub fn read_ticket(ticket_json: &str) -> Result<Ticket, ApiError> {
    ApiError::check_size("ticket", ticket_json)?;
    from_json(ticket_json).map_err(|error| {
        ApiError::from_json(
            "ticket",
            "ticket",
            &error,
            "a ticket needs `category` and `channel`; see docs/policy-format.md#tickets",
        )
    })
}

/// Reads an RFC 3339 instant such as `2026-03-06T16:55:00Z`.
pub fn read_instant(at: &str) -> Result<Instant, ApiError> {
    Instant::parse_rfc3339(at.trim()).map_err(|error| {
        ApiError::new(
            "instant",
            "at",
            format!("{at:?} is not a timestamp: {error}"),
            "write an RFC 3339 timestamp with a zone, e.g. 2026-03-06T16:55:00Z or 2026-03-06T16:55:00+01:00",
        )
    })
}

impl Engine {
    /// Reads and compiles a policy document.
    pub fn compile(policy_json: &str) -> Result<Engine, ApiError> {
        Engine::from_policy(&read_policy(policy_json)?)
    }

    pub fn from_policy(policy: &Policy) -> Result<Engine, ApiError> {
        let compiled = policy
            .compile()
            .map_err(|errors| ApiError::from_compile(&errors))?;
        Ok(Engine { compiled })
    }

    pub fn compiled(&self) -> &CompiledPolicy {
        &self.compiled
    }

    /// Who receives `ticket` and what decided it.
    pub fn receiver(&self, ticket: &Ticket) -> Receiver<'_> {
        let routed = route_team(&self.compiled, ticket);
        let texts = self.compiled.texts();
        let rule = match routed.stage {
            Stage::Trigger => texts
                .triggers
                .get(routed.index)
                .map(|rule| rule.id.as_str()),
            Stage::Rule => texts.rules.get(routed.index).map(|rule| rule.id.as_str()),
            Stage::Matrix => texts
                .matrix
                .get(routed.index)
                .and_then(Option::as_ref)
                .map(|row| row.id.as_str()),
            Stage::Default => None,
        };
        let team = &texts.teams[routed.team];
        Receiver {
            team: team.id.as_str(),
            tier: team.tier.as_str(),
            kind: routed.kind,
            stage: routed.stage,
            rule: rule.unwrap_or("default"),
            priority: routed.priority,
            priority_source: routed.priority_source,
        }
    }

    /// The fast path: `receiver` for a ticket given as JSON.
    pub fn receiver_json(&self, ticket_json: &str) -> Result<String, ApiError> {
        let ticket = read_ticket(ticket_json)?;
        Ok(to_json(&self.receiver(&ticket)))
    }

    /// The full decision at `at`: receiver, deciding rule, trace, planned escalations, SLA plan, local times.
    pub fn route(&self, ticket: &Ticket, at: Instant) -> RouteAnswer {
        RouteAnswer::new(&self.compiled, route(&self.compiled, ticket, at))
    }

    pub fn route_json(&self, ticket_json: &str, at: &str) -> Result<String, ApiError> {
        let ticket = read_ticket(ticket_json)?;
        Ok(to_json(&self.route(&ticket, read_instant(at)?)))
    }

    /// The SLA policy that applies to `ticket` and when each of its targets falls due; `None` when no SLA
    /// policy applies.
    pub fn sla_plan(&self, ticket: &Ticket, at: Instant) -> Option<SlaPlan> {
        route(&self.compiled, ticket, at).sla
    }

    pub fn sla_plan_json(&self, ticket_json: &str, at: &str) -> Result<String, ApiError> {
        let ticket = read_ticket(ticket_json)?;
        Ok(to_json(&self.sla_plan(&ticket, read_instant(at)?)))
    }
}

/// Every lint finding of a policy document, errors first. A document that does not read is an error.
pub fn lint(policy_json: &str) -> Result<Vec<Diagnostic>, ApiError> {
    Ok(lint::lint(&read_policy(policy_json)?))
}

/// Reads a condition's text form, checked against the ticket's fields.
pub fn parse_condition(text: &str) -> Result<ParsedCondition, ApiError> {
    ApiError::check_size("condition", text)?;
    let condition =
        Condition::parse_checked(text, &crate::engine::condition::FieldCatalog::ticket())
            .map_err(|error| ApiError::from_condition(&error))?;
    Ok(ParsedCondition {
        text: condition.to_text(),
        json: condition.to_json(),
        fields: condition.fields().into_iter().map(str::to_owned).collect(),
    })
}

pub(super) fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|error| {
        ApiError::new(
            "internal",
            "result",
            format!("the result could not be written as JSON: {error}"),
            "report this as a bug",
        )
        .to_json()
    })
}
