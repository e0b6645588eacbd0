//! The playground's three views: try a ticket, edit the policy, simulate.

pub mod data_tab;
pub mod policy_tab;
pub mod simulate_tab;
pub mod try_tab;
