//! Lint checks on triggers and routing rules: shadowed rules and a default route that can never be reached.

use super::{triggers_then_rules, Findings, Index, Severity};
use crate::engine::policy::bridge::{self, CheckedCondition};
use crate::engine::policy::cover_index::CoverIndex;
use crate::engine::policy::{RuleKind, WILDCARD};

/// A trigger or rule reduced to what the checks need.
struct Written<'a> {
    id: &'a str,
    path: String,
    condition: Option<CheckedCondition>,
    to: &'a str,
    /// Sent to a team for its skills (functional, or the normal receiver), not for its authority.
    for_skills: bool,
    is_trigger: bool,
}

pub(super) fn check(index: &Index, findings: &mut Findings) {
    let policy = index.policy;
    let (triggers, rules): (Vec<Written>, Vec<Written>) = triggers_then_rules(policy)
        .map(|listed| Written {
            id: listed.id,
            path: listed.path,
            condition: bridge::check_condition(listed.when).ok(),
            to: listed.to,
            for_skills: listed.kind != RuleKind::Hierarchical,
            is_trigger: listed.is_trigger,
        })
        .partition(|written| written.is_trigger);
    shadowed(&triggers, "trigger", findings);
    shadowed(&rules, "rule", findings);
    for written in triggers.iter().chain(&rules) {
        categories(index, written, findings);
    }
    sla_categories(index, findings);
    let catch_all_rule = triggers
        .iter()
        .chain(&rules)
        .find(|written| {
            written
                .condition
                .as_ref()
                .is_some_and(CheckedCondition::is_always_true)
        })
        .map(|written| format!("{} ({})", written.path, written.id));
    let catch_all_row = || {
        policy
            .escalation_matrix
            .iter()
            .position(|row| {
                row.first.is_some() && row.category == WILDCARD && row.priority == WILDCARD
            })
            .map(|position| format!("escalation_matrix[{position}] (* × * with a first receiver)"))
    };
    if let Some(catch_all) = catch_all_rule.or_else(catch_all_row) {
        findings.add(
            Severity::Info,
            "default-unreachable",
            "routing.default".to_owned(),
            format!("the default route is never used: {catch_all} always matches"),
        );
    }
    let lowest_level = policy.tiers.iter().map(|tier| tier.level).min();
    let hierarchical_targets = triggers_then_rules(policy)
        .filter(|listed| listed.kind == RuleKind::Hierarchical)
        .map(|listed| (listed.path, listed.to));
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
    let mut index = CoverIndex::new();
    // The list position of each condition in `index`.
    let mut indexed: Vec<usize> = Vec::new();
    for (position, later) in list.iter().enumerate() {
        let Some(later_condition) = &later.condition else {
            continue;
        };
        let shadow = index
            .first_covering(later_condition)
            .map(|found| &list[indexed[found]]);
        index.push(later_condition);
        indexed.push(position);
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

/// Category values compared in a condition must be known categories; a skills target must handle them.
fn categories(index: &Index, written: &Written, findings: &mut Findings) {
    let Some(condition) = &written.condition else {
        return;
    };
    unknown_category_values(index, condition, &written.path, findings);
    if !written.for_skills {
        return;
    }
    let Some(team) = index.team(written.to).map(|team| &index.policy.teams[team]) else {
        return;
    };
    let Some(required) = condition.required_categories() else {
        return;
    };
    let missing: Vec<&str> = required
        .into_iter()
        .filter(|category| !team.handles.iter().any(|handled| handled == category))
        .collect();
    if !team.handles.is_empty() && !missing.is_empty() {
        findings.add(
            Severity::Warning,
            "target-lacks-skill",
            format!("{}.to", written.path),
            format!(
                "{} sends {} tickets to {:?}, which does not handle {}",
                written.id,
                missing.join(", "),
                team.id,
                if missing.len() == 1 { "it" } else { "them" }
            ),
        );
    }
}

fn sla_categories(index: &Index, findings: &mut Findings) {
    for (position, sla) in index.policy.sla_policies.iter().enumerate() {
        if let Some(condition) = sla
            .when
            .as_ref()
            .and_then(|when| bridge::check_condition(when).ok())
        {
            unknown_category_values(
                index,
                &condition,
                &format!("sla_policies[{position}]"),
                findings,
            );
        }
    }
}

fn unknown_category_values(
    index: &Index,
    condition: &CheckedCondition,
    path: &str,
    findings: &mut Findings,
) {
    let known = &index.policy.categories;
    if known.is_empty() {
        return;
    }
    for value in condition.category_values() {
        if !known.iter().any(|category| category.id == value) {
            let ids: Vec<&str> = known.iter().map(|category| category.id.as_str()).collect();
            findings.add(
                Severity::Warning,
                "unknown-category-value",
                format!("{path}.when"),
                format!(
                    "the condition compares category with {value:?}, which is not a category (known: {})",
                    ids.join(", ")
                ),
            );
        }
    }
}
