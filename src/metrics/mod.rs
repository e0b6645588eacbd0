//! The metrics calculator: from journeys (simulated or imported) to escalation, FCR, response, SLA, backlog and load metrics.
//!
//! Definitions are in `docs/metrics.md`; `summarize` computes them, `compare` sets two runs side by side.

pub mod backlog;
pub mod compare;
pub mod context;
pub mod facts;
pub mod periods;
pub mod stats;
pub mod student_t;
pub mod summary;
pub mod tally;
pub mod teams;

pub use backlog::{BacklogMetrics, BacklogSample};
pub use compare::{
    compare, headline_values, Better, ChangeStatus, Comparison, ConfidenceInterval, HeadlineValue,
    MetricChange, Unit,
};
pub use context::{AlwaysOpen, BusinessClock, RunContext, TeamContext};
pub use periods::Granularity;
pub use stats::DurationStats;
pub use summary::{
    summarize, CategoryEscalation, CostMetrics, EscalationMetrics, FcrMetrics, KindEscalation,
    Metrics, PeriodMetrics, TierEscalation, TimeMetrics,
};
pub use tally::SlaMetrics;
pub use teams::TeamMetrics;
