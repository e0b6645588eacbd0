//! Lint checks on the escalation matrix's first receivers: skills, and rows whose `first` can never decide.

use super::{triggers_then_rules, Findings, Index, Severity};
use crate::engine::policy::bridge::{self, CheckedCondition};
use crate::engine::policy::cover_index::CoverIndex;
use crate::engine::policy::WILDCARD;
use crate::engine::ticket::Priority;

pub(super) fn check(index: &Index, findings: &mut Findings) {
    let policy = index.policy;
    let earlier: Vec<(String, &str, CheckedCondition)> = triggers_then_rules(policy)
        .filter_map(|listed| {
            let condition = bridge::check_condition(listed.when).ok()?;
            Some((listed.path, listed.id, condition))
        })
        .collect();
    let mut cover = CoverIndex::new();
    for (_, _, condition) in &earlier {
        cover.push(condition);
    }
    for (position, row) in policy.escalation_matrix.iter().enumerate() {
        let Some(first) = row.first.as_deref() else {
            continue;
        };
        let path = format!("escalation_matrix[{position}].first");
        lacks_skill(index, &row.category, first, &path, findings);
        let category = (row.category != WILDCARD).then_some(row.category.as_str());
        let priority = match row.priority.as_str() {
            WILDCARD => None,
            written => match Priority::parse(written) {
                Some(priority) => Some(priority),
                None => continue,
            },
        };
        let condition = bridge::matrix_row_condition(category, priority);
        let covering = match &condition {
            Some(condition) => cover.first_covering(condition),
            None => cover.first_catch_all(),
        }
        .map(|found| &earlier[found]);
        if let Some((earlier_path, earlier_id, _)) = covering {
            findings.add(
                Severity::Warning,
                "matrix-first-shadowed",
                path,
                format!(
                    "{first:?} never receives {} × {} tickets first: {earlier_path} ({earlier_id:?}) matches every one of them earlier",
                    row.category, row.priority
                ),
            );
        }
    }
}

/// A first receiver is chosen for its skills: it should handle the row's category.
fn lacks_skill(index: &Index, category: &str, first: &str, path: &str, findings: &mut Findings) {
    if category == WILDCARD {
        return;
    }
    let Some(team) = index.team(first).map(|team| &index.policy.teams[team]) else {
        return;
    };
    if !team.handles.is_empty() && !team.handles.iter().any(|handled| handled == category) {
        findings.add(
            Severity::Warning,
            "target-lacks-skill",
            path.to_owned(),
            format!(
                "{category:?} tickets go first to {:?}, which does not handle that category",
                team.id
            ),
        );
    }
}
