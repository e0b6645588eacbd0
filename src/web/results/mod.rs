//! The Simulate view's parts: run state, controls, metric cards, charts, the ticket table and journeys, CSV.

pub mod arrival_hold_controls;
pub mod assignment_controls;
pub mod cards;
pub mod category_handling;
pub mod category_signals;
pub mod charts_panel;
pub mod customer_controls;
pub mod handling_shape;
pub mod journey_view;
pub mod live_strip;
pub mod mix_controls;
pub mod run_state;
pub mod scenario_controls;
pub mod sla_table;
pub mod spike_controls;
pub mod ticket_table;
