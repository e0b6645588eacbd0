//! Lint check on the impact × urgency priority matrix: more impact or more urgency never lowers the priority.

use super::{Findings, Index, Severity};
use crate::engine::policy::compiled::{matrix_priority, resolve_matrix};
use crate::engine::ticket::Level;

pub(super) fn check(index: &Index, findings: &mut Findings) {
    let Some(written) = &index.policy.priority_matrix else {
        return;
    };
    let matrix = resolve_matrix(written);
    for impact in Level::ALL {
        for urgency in Level::ALL {
            let here = matrix_priority(&matrix, impact, urgency);
            let above = [
                higher(impact).map(|more| (more, urgency)),
                higher(urgency).map(|more| (impact, more)),
            ];
            // `Priority` orders critical first, so a cell "more than" its neighbour is one that orders lower.
            let exceeded = above
                .into_iter()
                .flatten()
                .map(|(i, u)| (i, u, matrix_priority(&matrix, i, u)))
                .find(|(_, _, neighbour)| here < *neighbour);
            if let Some((more_impact, more_urgency, neighbour)) = exceeded {
                findings.add(
                    Severity::Warning,
                    "priority-matrix-not-monotonic",
                    format!("priority_matrix.{}.{}", impact.as_str(), urgency.as_str()),
                    format!(
                        "impact {} × urgency {} gives {here}, more than impact {} × urgency {} ({neighbour})",
                        impact.as_str(),
                        urgency.as_str(),
                        more_impact.as_str(),
                        more_urgency.as_str()
                    ),
                );
            }
        }
    }
}

fn higher(level: Level) -> Option<Level> {
    match level {
        Level::High => None,
        Level::Medium => Some(Level::High),
        Level::Low => Some(Level::Medium),
    }
}
