//! The hierarchical chain a ticket would climb if no team resolved it: from the team routing gives it, each
//! move `on_unresolved` makes (the matrix row's later levels, then parent teams), as the simulator makes them.

use std::collections::HashSet;

use super::model::EnginePolicyModel;
use crate::engine::journey::EscalationKind;
use crate::engine::ticket::Ticket;
use crate::engine::time::Instant;
use crate::sim::model::PolicyModel;

/// One move up (or sideways) the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainStep {
    /// The team's id.
    pub team: String,
    pub kind: EscalationKind,
    /// The matrix level or parent link that makes the move.
    pub reason: String,
}

/// The moves after the receiving team, in order, ending where a team has nowhere further to send it (or
/// before a team would be visited a second time).
pub fn unresolved_chain(model: &EnginePolicyModel, ticket: &Ticket, at: Instant) -> Vec<ChainStep> {
    let teams = model.teams();
    let mut current = model.route(ticket, at).team;
    let mut visited = HashSet::from([current]);
    let mut chain = Vec::new();
    while let Some(next) = model.on_unresolved(ticket, current, at) {
        if !visited.insert(next.team) {
            break;
        }
        let kind = next
            .escalation
            .map_or(EscalationKind::Functional, |escalation| escalation.kind);
        chain.push(ChainStep {
            team: teams[usize::from(next.team)].name.clone(),
            kind,
            reason: next.reason.to_owned(),
        });
        current = next.team;
    }
    chain
}
