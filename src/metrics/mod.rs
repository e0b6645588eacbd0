//! The metrics calculator: from journeys (simulated or imported) to escalation, FCR, response, SLA, backlog and load metrics.
//!
//! Definitions are in `docs/metrics.md`; `summarize` computes them, `compare` sets two runs side by side.

mod backlog;
pub mod compare;
mod context;
pub mod estimate;
mod facts;
mod periods;
mod sla_groups;
mod stats;
mod student_t;
mod summary;
mod tally;
mod teams;

pub use backlog::{BacklogMetrics, BacklogSample};
pub use compare::{
    compare, compare_with_observed, headline_values, Better, ChangeStatus, Comparison,
    ConfidenceInterval, HeadlineValue, MetricChange, Unit,
};
pub use context::{
    AlwaysOpen, BusinessClock, RunContext, TeamContext, TeamHours, TicketClocks, TicketPriorities,
};
pub use sla_groups::{SlaBreakdown, SlaGroup, PRIORITY_NOT_GIVEN, UNASSIGNED};
pub use stats::DurationStats;
pub use summary::{
    summarize, CategoryEscalation, CostMetrics, EscalationMetrics, FcrMetrics, KindEscalation,
    Metrics, PeriodMetrics, TierEscalation, TimeMetrics,
};
pub use tally::SlaMetrics;
pub use teams::TeamMetrics;
