//! `lint`: diagnostics with JSON paths and severity for the mistakes real escalation policies make.

mod calendars;
mod graph;
mod matrix;
mod priority;
mod rules;
mod sla;
mod teams;

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use super::condition::Condition;
use super::policy::{CompileErrors, CompiledPolicy, Direction, Policy, RuleKind};

/// How serious a diagnostic is: errors stop the policy from compiling or from working as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One finding: severity, a stable code, the JSON path it concerns, and a message for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub path: String,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}] {}: {}",
            self.severity.as_str(),
            self.code,
            self.path,
            self.message
        )
    }
}

/// Collects diagnostics; shared by the checks.
pub(crate) struct Findings(Vec<Diagnostic>);

impl Findings {
    pub(crate) fn add(
        &mut self,
        severity: Severity,
        code: &'static str,
        path: String,
        message: String,
    ) {
        self.0.push(Diagnostic {
            severity,
            code,
            path,
            message,
        });
    }
}

/// A trigger or routing rule as the checks read it: where it is, what it tests, where it sends the ticket.
pub(crate) struct Listed<'a> {
    pub(crate) path: String,
    pub(crate) id: &'a str,
    pub(crate) when: &'a Condition,
    pub(crate) to: &'a str,
    /// A trigger's direction as a rule kind (triggers are never `None`).
    pub(crate) kind: RuleKind,
    pub(crate) is_trigger: bool,
}

/// The triggers, then the routing rules, in the order routing checks them.
pub(crate) fn triggers_then_rules(policy: &Policy) -> impl Iterator<Item = Listed<'_>> {
    let triggers = policy
        .triggers
        .iter()
        .enumerate()
        .map(|(position, trigger)| Listed {
            path: format!("triggers[{position}]"),
            id: &trigger.id,
            when: &trigger.when,
            to: &trigger.to,
            kind: match trigger.kind {
                Direction::Functional => RuleKind::Functional,
                Direction::Hierarchical => RuleKind::Hierarchical,
            },
            is_trigger: true,
        });
    let rules = policy
        .routing
        .rules
        .iter()
        .enumerate()
        .map(|(position, rule)| Listed {
            path: format!("routing.rules[{position}]"),
            id: &rule.id,
            when: &rule.when,
            to: &rule.to,
            kind: rule.kind,
            is_trigger: false,
        });
    triggers.chain(rules)
}

/// Lookups by id the checks share; unknown ids are the compiler's business and are skipped here.
pub(crate) struct Index<'a> {
    pub(crate) policy: &'a Policy,
    pub(crate) teams: HashMap<&'a str, usize>,
    /// Tier level by tier id.
    pub(crate) tier_levels: HashMap<&'a str, u32>,
}

impl<'a> Index<'a> {
    fn new(policy: &'a Policy) -> Index<'a> {
        let mut teams = HashMap::new();
        for (index, team) in policy.teams.iter().enumerate() {
            teams.entry(team.id.as_str()).or_insert(index);
        }
        let mut tier_levels = HashMap::new();
        for tier in &policy.tiers {
            tier_levels.entry(tier.id.as_str()).or_insert(tier.level);
        }
        Index {
            policy,
            teams,
            tier_levels,
        }
    }

    pub(crate) fn team(&self, id: &str) -> Option<usize> {
        self.teams.get(id).copied()
    }

    /// The tier level of a team, when both the team and its tier are known.
    pub(crate) fn team_level(&self, id: &str) -> Option<u32> {
        let team = &self.policy.teams[self.team(id)?];
        self.tier_levels.get(team.tier.as_str()).copied()
    }
}

/// Every problem found in a policy, errors first, each in document order.
pub fn lint(policy: &Policy) -> Vec<Diagnostic> {
    lint_compiled(policy, &policy.compile())
}

/// `lint` for a policy already compiled as `compiled`, so a caller that needs both compiles once.
pub fn lint_compiled(
    policy: &Policy,
    compiled: &Result<CompiledPolicy, CompileErrors>,
) -> Vec<Diagnostic> {
    let mut findings = Findings(Vec::new());
    if let Err(errors) = compiled {
        for error in &errors.0 {
            findings.add(
                Severity::Error,
                error.code,
                error.path.clone(),
                error.message.clone(),
            );
        }
    }
    let index = Index::new(policy);
    teams::check(&index, &mut findings);
    graph::check(&index, &mut findings);
    matrix::check(&index, &mut findings);
    priority::check(&index, &mut findings);
    rules::check(&index, &mut findings);
    sla::check(&index, &mut findings);
    if let Ok(compiled) = compiled {
        calendars::check(compiled, &mut findings);
    }
    let mut diagnostics = findings.0;
    diagnostics.sort_by_key(|diagnostic| diagnostic.severity);
    diagnostics
}
