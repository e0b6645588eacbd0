//! Lint checks on who can reach whom: parent cycles, escalation ladders, unreachable teams.

use std::collections::{HashMap, HashSet};

use super::{Findings, Index, Severity};
use crate::engine::policy::bridge;
use crate::engine::policy::{BreachAction, Direction, MatrixRow, WILDCARD};

pub(super) fn check(index: &Index, findings: &mut Findings) {
    parent_cycles(index, findings);
    ladders(index, findings);
    unreachable_teams(index, findings);
}

fn parent_cycles(index: &Index, findings: &mut Findings) {
    let teams = &index.policy.teams;
    let mut reported: HashSet<usize> = HashSet::new();
    for start in 0..teams.len() {
        let mut chain = vec![start];
        let mut current = start;
        while let Some(parent) = teams[current]
            .parent
            .as_deref()
            .and_then(|id| index.team(id))
        {
            if let Some(position) = chain.iter().position(|&seen| seen == parent) {
                let cycle = &chain[position..];
                if cycle.iter().all(|member| reported.insert(*member)) {
                    let names: Vec<&str> = cycle
                        .iter()
                        .chain(std::iter::once(&parent))
                        .map(|&member| teams[member].id.as_str())
                        .collect();
                    findings.add(
                        Severity::Error,
                        "parent-cycle",
                        format!("teams[{current}].parent"),
                        format!(
                            "parent teams form a cycle: {}; hierarchical escalation would never end",
                            names.join(" → ")
                        ),
                    );
                }
                break;
            }
            chain.push(parent);
            current = parent;
        }
    }
}

fn ladders(index: &Index, findings: &mut Findings) {
    let policy = index.policy;
    let shadows = row_shadows(&policy.escalation_matrix);
    for (row_index, row) in policy.escalation_matrix.iter().enumerate() {
        let path = format!("escalation_matrix[{row_index}]");
        if row.levels.is_empty() {
            findings.add(
                Severity::Warning,
                "empty-ladder",
                format!("{path}.levels"),
                "the row has no levels: tickets it matches never escalate by time".to_owned(),
            );
        }
        let mut previous_after: Option<i64> = None;
        let mut visited: Vec<&str> = Vec::new();
        for (position, level) in row.levels.iter().enumerate() {
            let level_path = format!("{path}.levels[{position}]");
            let after = bridge::duration_seconds(&level.after);
            if previous_after.is_some_and(|previous| after <= previous) {
                findings.add(
                    Severity::Error,
                    "ladder-not-increasing",
                    format!("{level_path}.after"),
                    format!(
                        "threshold {} is not after the previous level's: thresholds count from arrival and must increase",
                        bridge::duration_text(&level.after)
                    ),
                );
            }
            previous_after = Some(after);
            if visited.contains(&level.to.as_str()) {
                let code = if visited.last() == Some(&level.to.as_str()) {
                    "ladder-repeats-team"
                } else {
                    "ladder-ping-pong"
                };
                findings.add(
                    Severity::Warning,
                    code,
                    format!("{level_path}.to"),
                    format!(
                        "the ladder returns to team {:?} after {}: tickets would bounce back",
                        level.to,
                        visited.join(" → ")
                    ),
                );
            }
            if let (Direction::Hierarchical, Some(from)) = (level.kind, visited.last()) {
                let (from_level, to_level) = (index.team_level(from), index.team_level(&level.to));
                if let (Some(from_level), Some(to_level)) = (from_level, to_level) {
                    if to_level <= from_level {
                        findings.add(
                            Severity::Warning,
                            "hierarchical-not-upward",
                            format!("{level_path}.kind"),
                            format!(
                                "a hierarchical level from {from:?} to {:?} does not go to a higher tier",
                                level.to
                            ),
                        );
                    }
                }
            }
            if level.kind == Direction::Functional && row.category != WILDCARD {
                if let Some(team) = index.team(&level.to).map(|team| &policy.teams[team]) {
                    if !team.handles.contains(&row.category) {
                        findings.add(
                            Severity::Warning,
                            "target-lacks-skill",
                            format!("{level_path}.to"),
                            format!(
                                "a functional escalation of {:?} tickets goes to {:?}, which does not handle that category",
                                row.category, level.to
                            ),
                        );
                    }
                }
            }
            visited.push(level.to.as_str());
        }
        if let Some(shadow) = &shadows[row_index] {
            report_row_shadow(
                &policy.escalation_matrix,
                row_index,
                shadow,
                &path,
                findings,
            );
        }
    }
}

/// What an earlier row always matching first leaves of a row: which row that is, and whether the row's
/// `first` is still used (it has one and no covering earlier row has).
struct RowShadow {
    earlier: usize,
    first_still_used: bool,
}

/// For each row, the first earlier row that matches every ticket it does. Linear: earlier rows are filed by
/// their (category, priority) pattern, and a row is covered only by the four patterns `*` or its own value
/// can give.
fn row_shadows(rows: &[MatrixRow]) -> Vec<Option<RowShadow>> {
    // Per pattern: the first row with it, and whether any row with it names a `first`.
    let mut patterns: HashMap<(&str, &str), (usize, bool)> = HashMap::new();
    rows.iter()
        .enumerate()
        .map(|(position, row)| {
            let (category, priority) = (row.category.as_str(), row.priority.as_str());
            let mut covering: Vec<(usize, bool)> = [
                (WILDCARD, WILDCARD),
                (WILDCARD, priority),
                (category, WILDCARD),
                (category, priority),
            ]
            .iter()
            .filter_map(|pattern| patterns.get(pattern).copied())
            .collect();
            covering.sort_unstable();
            covering.dedup();
            let entry = patterns
                .entry((category, priority))
                .or_insert((position, false));
            entry.1 |= row.first.is_some();
            let (earlier, _) = *covering.first()?;
            let first_still_used =
                row.first.is_some() && covering.iter().all(|(_, has_first)| !has_first);
            Some(RowShadow {
                earlier,
                first_still_used,
            })
        })
        .collect()
}

fn report_row_shadow(
    rows: &[MatrixRow],
    row_index: usize,
    shadow: &RowShadow,
    path: &str,
    findings: &mut Findings,
) {
    let (row, earlier) = (&rows[row_index], &rows[shadow.earlier]);
    let (category, priority) = (&row.category, &row.priority);
    let what = if shadow.first_still_used {
        format!(
            "the ladder of row {category} × {priority} is never used (only its first receiver is)"
        )
    } else {
        format!("row {category} × {priority} is never used")
    };
    findings.add(
        Severity::Warning,
        "matrix-row-shadowed",
        path.to_owned(),
        format!(
            "{what}: escalation_matrix[{}] ({} × {}) matches first",
            shadow.earlier, earlier.category, earlier.priority
        ),
    );
}

fn unreachable_teams(index: &Index, findings: &mut Findings) {
    let policy = index.policy;
    let mut reached: HashSet<&str> = HashSet::new();
    reached.insert(policy.routing.default.as_str());
    reached.extend(policy.routing.rules.iter().map(|rule| rule.to.as_str()));
    reached.extend(policy.triggers.iter().map(|trigger| trigger.to.as_str()));
    for row in &policy.escalation_matrix {
        reached.extend(row.first.as_deref());
        reached.extend(row.levels.iter().map(|level| level.to.as_str()));
    }
    for sla in &policy.sla_policies {
        reached.extend(
            sla.breach_ladder
                .iter()
                .filter(|level| level.action == BreachAction::Escalate)
                .map(|level| level.to.as_str()),
        );
    }
    reached.extend(
        policy
            .teams
            .iter()
            .filter_map(|team| team.parent.as_deref()),
    );
    for (position, team) in policy.teams.iter().enumerate() {
        if !reached.contains(team.id.as_str()) {
            findings.add(
                Severity::Warning,
                "unreachable-team",
                format!("teams[{position}]"),
                format!(
                    "no routing rule, trigger, matrix row, ladder, breach ladder or parent leads to team {:?}",
                    team.id
                ),
            );
        }
    }
}
