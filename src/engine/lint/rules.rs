//! Lint checks on triggers and routing rules: shadowed rules and a default route that can never be reached.

use super::{Findings, Index, Severity};
use crate::engine::policy::bridge::{self, CheckedCondition};
use crate::engine::policy::{Direction, RuleKind};

/// A trigger or rule reduced to what the checks need.
struct Written<'a> {
    id: &'a str,
    path: String,
    condition: Option<CheckedCondition>,
}

pub(super) fn check(index: &Index, findings: &mut Findings) {
    let policy = index.policy;
    let triggers: Vec<Written> = policy
        .triggers
        .iter()
        .enumerate()
        .map(|(position, trigger)| Written {
            id: &trigger.id,
            path: format!("triggers[{position}]"),
            condition: bridge::check_condition(&trigger.when).ok(),
        })
        .collect();
    let rules: Vec<Written> = policy
        .routing
        .rules
        .iter()
        .enumerate()
        .map(|(position, rule)| Written {
            id: &rule.id,
            path: format!("routing.rules[{position}]"),
            condition: bridge::check_condition(&rule.when).ok(),
        })
        .collect();
    shadowed(&triggers, "trigger", findings);
    shadowed(&rules, "rule", findings);
    if let Some(catch_all) = triggers.iter().chain(&rules).find(|written| {
        written
            .condition
            .as_ref()
            .is_some_and(CheckedCondition::is_always_true)
    }) {
        findings.add(
            Severity::Info,
            "default-unreachable",
            "routing.default".to_owned(),
            format!(
                "the default route is never used: {} ({}) always matches",
                catch_all.path, catch_all.id
            ),
        );
    }
    let lowest_level = policy.tiers.iter().map(|tier| tier.level).min();
    let hierarchical_targets = policy
        .triggers
        .iter()
        .enumerate()
        .filter(|(_, trigger)| trigger.kind == Direction::Hierarchical)
        .map(|(position, trigger)| (format!("triggers[{position}]"), &trigger.to))
        .chain(
            policy
                .routing
                .rules
                .iter()
                .enumerate()
                .filter(|(_, rule)| rule.kind == RuleKind::Hierarchical)
                .map(|(position, rule)| (format!("routing.rules[{position}]"), &rule.to)),
        );
    for (path, to) in hierarchical_targets {
        if index.team_level(to).is_some() && index.team_level(to) == lowest_level {
            findings.add(
                Severity::Warning,
                "hierarchical-not-upward",
                format!("{path}.kind"),
                format!("a hierarchical escalation goes to {to:?}, which is on the lowest tier"),
            );
        }
    }
}

fn shadowed(list: &[Written], what: &str, findings: &mut Findings) {
    for (position, later) in list.iter().enumerate() {
        let Some(later_condition) = &later.condition else {
            continue;
        };
        let shadow = list[..position].iter().find(|earlier| {
            earlier
                .condition
                .as_ref()
                .is_some_and(|condition| condition.covers(later_condition))
        });
        if let Some(earlier) = shadow {
            findings.add(
                Severity::Warning,
                "shadowed-rule",
                format!("{}.when", later.path),
                format!(
                    "{what} {:?} can never match: {} ({:?}) matches every ticket it would",
                    later.id, earlier.path, earlier.id
                ),
            );
        }
    }
}
