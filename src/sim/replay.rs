//! Replaying recorded tickets: a log's own arrivals (instant, category, priority, channel, signals) pushed
//! through a policy, in place of tickets drawn from the scenario's arrival profile and mix.

use std::sync::Arc;

use super::model::PolicyModel;
use super::prepared::PreparedScenario;
use super::scenario::ScenarioError;
use super::simulator::{drive, Simulation, SimulationRun};
use crate::engine::ticket::Ticket;
use crate::engine::time::Instant;

/// One ticket as it arrived.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedTicket {
    pub at: Instant,
    pub ticket: Ticket,
}

/// Recorded tickets in arrival order, each with its category's index in the prepared scenario.
#[derive(Debug, Clone)]
pub struct RecordedArrivals {
    tickets: Arc<[RecordedTicket]>,
    categories: Arc<[u16]>,
}

impl RecordedArrivals {
    /// Sorts `tickets` by arrival and finds each one's category among the scenario's; a category the
    /// scenario's mix does not list is an error, since its handling could not be looked up.
    pub fn new(
        prepared: &PreparedScenario,
        mut tickets: Vec<RecordedTicket>,
    ) -> Result<RecordedArrivals, ScenarioError> {
        tickets.sort_by_key(|recorded| recorded.at);
        let categories = tickets
            .iter()
            .map(|recorded| {
                prepared
                    .categories
                    .values
                    .iter()
                    .position(|category| *category == recorded.ticket.category)
                    .map(|index| index as u16)
                    .ok_or_else(|| {
                        ScenarioError::new(
                            "mix.categories",
                            format!(
                                "ticket {} has category {:?}, which the scenario's mix does not list",
                                recorded.ticket.id, recorded.ticket.category
                            ),
                        )
                    })
            })
            .collect::<Result<Vec<u16>, ScenarioError>>()?;
        Ok(RecordedArrivals {
            tickets: tickets.into(),
            categories: categories.into(),
        })
    }

    pub fn len(&self) -> usize {
        self.tickets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tickets.is_empty()
    }

    pub fn arrival_at(&self, index: usize) -> Option<Instant> {
        self.tickets.get(index).map(|recorded| recorded.at)
    }

    /// Ticket `index` and its category's index.
    pub fn ticket(&self, index: usize) -> Option<(Ticket, u16)> {
        let recorded = self.tickets.get(index)?;
        Some((recorded.ticket.clone(), self.categories[index]))
    }
}

/// Every replication of the replay (seed = scenario seed + replication), reporting the share done (0 to 1).
pub fn replay_replications<M: PolicyModel + ?Sized>(
    prepared: &PreparedScenario,
    model: &M,
    recorded: &RecordedArrivals,
    replications: u32,
    on_progress: &mut dyn FnMut(f64),
) -> Vec<SimulationRun> {
    let replications = replications.max(1);
    (0..replications)
        .map(|replication| {
            let simulation =
                Simulation::replaying(prepared.clone(), model, replication, recorded.clone());
            drive(simulation, replications, on_progress)
        })
        .collect()
}
