//! The pure escalation engine: tickets, policies, conditions, calendars, SLA clocks, routing and lint.

pub mod calendar;
pub mod condition;
pub mod decision;
pub mod duration;
pub mod journey;
pub mod lint;
pub mod policy;
pub mod route;
pub mod shared_text;
pub mod sla;
pub mod ticket;
pub mod time;
pub mod trace;
