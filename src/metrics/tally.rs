//! Counts over a cohort of tickets (all of them, or those created in one day, week or month) and the rates they give.

use serde::{Deserialize, Serialize};

use crate::engine::journey::SlaTarget;

use super::facts::{target_index, Outcome, TicketFacts};
use super::stats::ratio;

/// SLA results for one target over a cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlaMetrics {
    pub target: SlaTarget,
    /// Tickets that had the target.
    pub tickets_with_target: u64,
    pub met: u64,
    pub breached: u64,
    /// Had the target, not breached, not yet fulfilled when the period ended: left out of compliance.
    pub pending: u64,
    /// Had a target its clock could never count (see `SlaFact::never_due`): left out of compliance, and
    /// reported so that a compliance figure over the rest is not read as covering them.
    #[serde(default)]
    pub never_due: u64,
    /// `met / (met + breached)`; `None` when no ticket had a decided target.
    pub compliance: Option<f64>,
    /// SlaWarning events for this target.
    pub warnings: u64,
    /// Tickets with at least one warning for this target.
    pub tickets_warned: u64,
}

#[derive(Debug, Clone, Copy, Default)]
struct SlaCounts {
    had: u64,
    met: u64,
    breached: u64,
    pending: u64,
    never_due: u64,
    warnings: u64,
    tickets_warned: u64,
}

/// Running counts for one cohort; add tickets, then read rates.
#[derive(Debug, Clone, Default)]
pub struct CohortTally {
    pub tickets: u64,
    pub tickets_escalated: u64,
    pub escalation_events: u64,
    pub resolved: u64,
    /// Resolved, never escalated, by the team that first received them.
    pub resolved_where_received: u64,
    pub first_contact: u64,
    pub abandoned: u64,
    pub responded: u64,
    first_response_total_seconds: i128,
    sla: [SlaCounts; 4],
}

impl CohortTally {
    pub fn add(&mut self, facts: &TicketFacts<'_>) {
        self.tickets += 1;
        if facts.escalated() {
            self.tickets_escalated += 1;
        }
        self.escalation_events += u64::from(facts.escalation_events());
        match facts.outcome {
            Outcome::Resolved { team, .. } => {
                self.resolved += 1;
                if !facts.escalated()
                    && facts.assigned_to.first().is_none_or(|first| *first == team)
                {
                    self.resolved_where_received += 1;
                }
                if facts.first_contact {
                    self.first_contact += 1;
                }
            }
            Outcome::Abandoned { .. } => self.abandoned += 1,
            Outcome::Open => {}
        }
        if let Some(seconds) = facts.first_response_seconds() {
            self.responded += 1;
            self.first_response_total_seconds += i128::from(seconds);
        }
        for (counts, fact) in self.sla.iter_mut().zip(facts.sla.iter()) {
            if !fact.had {
                continue;
            }
            counts.had += 1;
            if fact.never_due {
                counts.never_due += 1;
            } else if fact.breached {
                counts.breached += 1;
            } else if fact.decided {
                counts.met += 1;
            } else {
                counts.pending += 1;
            }
            counts.warnings += u64::from(fact.warnings);
            if fact.warnings > 0 {
                counts.tickets_warned += 1;
            }
        }
    }

    pub fn escalation_rate(&self) -> Option<f64> {
        ratio(self.tickets_escalated, self.tickets)
    }

    /// Tickets resolved where they were first received, without escalation ÷ tickets.
    pub fn first_line_resolve_rate(&self) -> Option<f64> {
        ratio(self.resolved_where_received, self.tickets)
    }

    pub fn first_contact_resolution(&self) -> Option<f64> {
        ratio(self.first_contact, self.resolved)
    }

    pub fn mean_first_response_seconds(&self) -> Option<f64> {
        (self.responded > 0)
            .then(|| self.first_response_total_seconds as f64 / self.responded as f64)
    }

    pub fn sla(&self) -> Vec<SlaMetrics> {
        SlaTarget::ALL
            .into_iter()
            .map(|target| {
                let counts = self.sla[target_index(target)];
                SlaMetrics {
                    target,
                    tickets_with_target: counts.had,
                    met: counts.met,
                    breached: counts.breached,
                    pending: counts.pending,
                    never_due: counts.never_due,
                    compliance: ratio(counts.met, counts.met + counts.breached),
                    warnings: counts.warnings,
                    tickets_warned: counts.tickets_warned,
                }
            })
            .collect()
    }
}
