//! The playground's three views: try a ticket, edit the policy, simulate.

pub mod policy_tab;
pub mod simulate_tab;
pub mod try_tab;
