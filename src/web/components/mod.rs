//! The playground's yew components.

pub mod decision_view;
pub mod history_clocks;
pub mod sla_timeline;
pub mod team_overview;
pub mod ticket_form;
pub mod trace_table;
