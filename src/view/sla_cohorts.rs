//! SLA compliance by cohort as the results table shows it: per receiving team, channel, priority or
//! category, the mean over replications of the tickets and of each target's compliance.

use std::collections::BTreeMap;

use crate::engine::journey::SlaTarget;
use crate::metrics::{Metrics, SlaGroup};

/// Which partition of the tickets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cohort {
    Team,
    Channel,
    Priority,
    Category,
}

impl Cohort {
    pub const ALL: [Cohort; 4] = [
        Cohort::Team,
        Cohort::Channel,
        Cohort::Priority,
        Cohort::Category,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Cohort::Team => "team",
            Cohort::Channel => "channel",
            Cohort::Priority => "priority",
            Cohort::Category => "category",
        }
    }

    fn groups(self, metrics: &Metrics) -> &[SlaGroup] {
        let by = &metrics.sla_by;
        match self {
            Cohort::Team => &by.by_team,
            Cohort::Channel => &by.by_channel,
            Cohort::Priority => &by.by_priority,
            Cohort::Category => &by.by_category,
        }
    }
}

/// One cohort's row: means over the replications that have the cohort.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortRow {
    pub key: String,
    /// Tickets per replication.
    pub tickets: f64,
    /// First-response compliance, mean over the replications where it is defined.
    pub first_response: Option<f64>,
    pub resolution: Option<f64>,
}

/// The rows of `cohort` over the replications `runs`, sorted by key.
pub fn rows(runs: &[Metrics], cohort: Cohort) -> Vec<CohortRow> {
    let mut sums: BTreeMap<&str, (f64, Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for run in runs {
        for group in cohort.groups(run) {
            let entry = sums.entry(&group.key).or_default();
            entry.0 += group.tickets as f64;
            for sla in &group.sla {
                let into = match sla.target {
                    SlaTarget::FirstResponse => &mut entry.1,
                    SlaTarget::Resolution => &mut entry.2,
                    SlaTarget::NextUpdate | SlaTarget::FirstAssign => continue,
                };
                into.extend(sla.compliance);
            }
        }
    }
    let replications = runs.len().max(1) as f64;
    let mean = |values: &[f64]| {
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    };
    sums.into_iter()
        .map(|(key, (tickets, first, resolution))| CohortRow {
            key: key.to_owned(),
            tickets: tickets / replications,
            first_response: mean(&first),
            resolution: mean(&resolution),
        })
        .collect()
}
