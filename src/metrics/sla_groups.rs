//! SLA results per cohort of tickets: by the team that received them, their channel, their priority (given, or
//! derived by the policy when the run context can) and their category. Each is a partition of the tickets, so its groups' counts add up to the overall ones.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::journey::Journey;

use super::context::RunContext;
use super::facts::TicketFacts;
use super::tally::{CohortTally, SlaMetrics};

/// One cohort's SLA results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlaGroup {
    /// The team id, channel, priority or category.
    pub key: String,
    pub tickets: u64,
    /// In [`crate::engine::journey::SlaTarget::ALL`] order.
    pub sla: Vec<SlaMetrics>,
}

/// SLA results by cohort, each list sorted by key.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SlaBreakdown {
    /// By the team first assigned the ticket (`unassigned` when none was).
    pub by_team: Vec<SlaGroup>,
    pub by_channel: Vec<SlaGroup>,
    /// By the ticket's priority: the given one, else the one the context's policy derives (`not given` when the
    /// context cannot).
    pub by_priority: Vec<SlaGroup>,
    pub by_category: Vec<SlaGroup>,
}

/// What a ticket not assigned to any team is counted under.
pub const UNASSIGNED: &str = "unassigned";
/// What a ticket without a given priority is counted under.
pub const PRIORITY_NOT_GIVEN: &str = "not given";

/// Running tallies per cohort.
#[derive(Default)]
pub struct SlaGroups<'a> {
    team: BTreeMap<&'a str, CohortTally>,
    channel: BTreeMap<&'static str, CohortTally>,
    priority: BTreeMap<&'static str, CohortTally>,
    category: BTreeMap<&'a str, CohortTally>,
}

impl<'a> SlaGroups<'a> {
    pub fn add(&mut self, journey: &'a Journey, facts: &TicketFacts<'a>, context: &RunContext<'_>) {
        let ticket = &journey.ticket;
        let team = facts.assigned_to.first().copied().unwrap_or(UNASSIGNED);
        let priority = ticket
            .priority
            .or_else(|| context.priorities.map(|policy| policy.priority_of(ticket)))
            .map_or(PRIORITY_NOT_GIVEN, |p| p.as_str());
        self.team.entry(team).or_default().add(facts);
        self.channel
            .entry(ticket.channel.as_str())
            .or_default()
            .add(facts);
        self.priority.entry(priority).or_default().add(facts);
        self.category.entry(facts.category).or_default().add(facts);
    }

    pub fn finish(self) -> SlaBreakdown {
        fn groups<K: AsRef<str>>(tallies: BTreeMap<K, CohortTally>) -> Vec<SlaGroup> {
            tallies
                .into_iter()
                .map(|(key, tally)| SlaGroup {
                    key: key.as_ref().to_owned(),
                    tickets: tally.tickets,
                    sla: tally.sla(),
                })
                .collect()
        }
        SlaBreakdown {
            by_team: groups(self.team),
            by_channel: groups(self.channel),
            by_priority: groups(self.priority),
            by_category: groups(self.category),
        }
    }
}
