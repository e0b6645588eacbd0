//! Waiting states and which SLA targets each one holds: a ticket waits on the customer, is on hold, or
//! waits on a third party, and each SLA policy says which of its clocks stop meanwhile.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use crate::engine::journey::SlaTarget;

/// A state in which the ticket waits on someone other than its agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaitState {
    /// The agent asked the customer something; the customer's reply ends it.
    WaitingOnCustomer,
    /// Parked by the team (a planned change, a customer's request to wait).
    OnHold,
    /// Waiting on a vendor, a carrier or another company.
    WaitingOnThirdParty,
}

impl WaitState {
    pub const ALL: [WaitState; 3] = [
        WaitState::WaitingOnCustomer,
        WaitState::OnHold,
        WaitState::WaitingOnThirdParty,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WaitState::WaitingOnCustomer => "waiting_on_customer",
            WaitState::OnHold => "on_hold",
            WaitState::WaitingOnThirdParty => "waiting_on_third_party",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            WaitState::WaitingOnCustomer => "Waiting on the customer",
            WaitState::OnHold => "On hold",
            WaitState::WaitingOnThirdParty => "Waiting on a third party",
        }
    }

    fn index(self) -> usize {
        match self {
            WaitState::WaitingOnCustomer => 0,
            WaitState::OnHold => 1,
            WaitState::WaitingOnThirdParty => 2,
        }
    }
}

/// For each waiting state, the targets whose clocks it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Pauses([[bool; 4]; 3]);

const TARGETS: [SlaTarget; 4] = SlaTarget::ALL;

fn target_index(target: SlaTarget) -> usize {
    match target {
        SlaTarget::FirstResponse => 0,
        SlaTarget::NextUpdate => 1,
        SlaTarget::Resolution => 2,
        SlaTarget::FirstAssign => 3,
    }
}

impl Pauses {
    /// No state holds any clock.
    pub fn none() -> Pauses {
        Pauses::default()
    }

    /// `pause_when_waiting: true`: waiting on the customer holds every clock; the other states hold none.
    pub fn every_clock_while_waiting_on_customer() -> Pauses {
        let mut pauses = Pauses::none();
        for target in TARGETS {
            pauses.set(WaitState::WaitingOnCustomer, target, true);
        }
        pauses
    }

    /// The pauses a `pauses` document map lists (a state it leaves out holds nothing).
    pub fn from_map(map: &BTreeMap<WaitState, Vec<SlaTarget>>) -> Pauses {
        let mut pauses = Pauses::none();
        for (state, targets) in map {
            for target in targets {
                pauses.set(*state, *target, true);
            }
        }
        pauses
    }

    /// The document map: every state, with the targets it holds in target order.
    pub fn to_map(self) -> BTreeMap<WaitState, Vec<SlaTarget>> {
        WaitState::ALL
            .into_iter()
            .map(|state| {
                let held = TARGETS
                    .into_iter()
                    .filter(|target| self.holds(state, *target))
                    .collect();
                (state, held)
            })
            .collect()
    }

    pub fn holds(self, state: WaitState, target: SlaTarget) -> bool {
        self.0[state.index()][target_index(target)]
    }

    pub fn set(&mut self, state: WaitState, target: SlaTarget, holds: bool) {
        self.0[state.index()][target_index(target)] = holds;
    }

    /// Whether any state holds any clock.
    pub fn any(self) -> bool {
        self.0.iter().flatten().any(|held| *held)
    }

    /// Whether waiting in `state` holds any clock.
    pub fn any_in(self, state: WaitState) -> bool {
        self.0[state.index()].iter().any(|held| *held)
    }
}

/// Written as the document map, every state listed: `{"waiting_on_customer": ["resolution"], "on_hold": []…}`.
impl Serialize for Pauses {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_map().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_round_trips_and_lists_every_state() {
        let map = BTreeMap::from([(WaitState::OnHold, vec![SlaTarget::Resolution])]);
        let pauses = Pauses::from_map(&map);
        assert!(pauses.holds(WaitState::OnHold, SlaTarget::Resolution));
        assert!(!pauses.holds(WaitState::OnHold, SlaTarget::FirstResponse));
        assert!(!pauses.any_in(WaitState::WaitingOnCustomer));
        let back = pauses.to_map();
        assert_eq!(back.len(), 3);
        assert_eq!(back[&WaitState::OnHold], vec![SlaTarget::Resolution]);
        assert_eq!(Pauses::from_map(&back), pauses);
    }
}
