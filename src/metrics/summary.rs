//! `summarize`: every metric of a run, as totals and as daily, weekly and monthly series.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::engine::journey::{EscalationKind, Journey};
use crate::engine::time::Instant;

use super::backlog::{BacklogMetrics, OpenIntervals};
use super::context::RunContext;
use super::facts::{kind_index, TicketFacts};
use super::periods::{period_index, periods, Granularity, PeriodBounds};
use super::sla_groups::{SlaBreakdown, SlaGroups};
use super::stats::{ratio, DurationStats};
use super::tally::{CohortTally, SlaMetrics};
use super::teams::{team_metrics, TeamMetrics};

/// Escalations of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindEscalation {
    pub kind: EscalationKind,
    /// Tickets with at least one escalation of this kind.
    pub tickets_escalated: u64,
    pub escalation_events: u64,
    /// `tickets_escalated / tickets`.
    pub rate: Option<f64>,
}

/// Escalations of the tickets of one category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryEscalation {
    pub category: String,
    pub tickets: u64,
    pub tickets_escalated: u64,
    pub escalation_events: u64,
    /// `tickets_escalated / tickets`.
    pub rate: Option<f64>,
}

/// Escalations out of one tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierEscalation {
    pub tier: String,
    /// Tickets assigned at least once to a team of this tier.
    pub tickets_received: u64,
    /// Tickets escalated at least once out of a team of this tier.
    pub tickets_escalated: u64,
    /// Escalated events leaving a team of this tier.
    pub escalation_events: u64,
    /// `tickets_escalated / tickets_received`.
    pub rate: Option<f64>,
}

/// How often tickets escalated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EscalationMetrics {
    /// Tickets with at least one Escalated event.
    pub tickets_escalated: u64,
    /// All Escalated events (a ticket may escalate several times).
    pub escalation_events: u64,
    /// `tickets_escalated / tickets`.
    pub rate: Option<f64>,
    /// In [`EscalationKind::ALL`] order.
    pub by_kind: Vec<KindEscalation>,
    /// Sorted by category.
    pub by_category: Vec<CategoryEscalation>,
    /// In the order tiers first appear in the context's teams; empty when no team has a tier.
    pub by_tier: Vec<TierEscalation>,
}

/// First contact resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FcrMetrics {
    pub resolved: u64,
    pub first_contact: u64,
    /// `first_contact / resolved`.
    pub rate: Option<f64>,
}

/// A duration measured from creation, in calendar and business seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeMetrics {
    pub calendar: DurationStats,
    /// Present when the context has a business clock.
    pub business: Option<DurationStats>,
    /// Tickets for which the moment measured had not happened by the end of the period.
    pub missing: u64,
}

/// What agent time cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostMetrics {
    /// Sum of team costs over the teams with an hourly cost; `None` when no team has one.
    pub total: Option<f64>,
    /// `total / tickets`.
    pub per_ticket: Option<f64>,
}

/// The headline figures of one day, week or month, for the tickets created in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodMetrics {
    pub label: String,
    pub start: Instant,
    pub end: Instant,
    pub tickets: u64,
    pub tickets_escalated: u64,
    pub escalation_rate: Option<f64>,
    pub resolved: u64,
    /// Tickets resolved by the team that first received them, without escalation ÷ tickets: what first line
    /// settles itself (and what knowledge-base learning raises).
    #[serde(default)]
    pub first_line_resolve_rate: Option<f64>,
    pub first_contact_resolution: Option<f64>,
    pub first_response_mean_seconds: Option<f64>,
    pub sla: Vec<SlaMetrics>,
    /// Tickets open (from any cohort) at the last second of the period.
    pub backlog_at_end: u64,
}

/// Every metric of a run. Ticket figures are over the tickets created in `[start, end)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    pub start: Instant,
    pub end: Instant,
    /// The zone whose local midnights begin the series' days, weeks and months.
    pub zone: String,
    pub tickets: u64,
    pub tickets_resolved: u64,
    pub tickets_abandoned: u64,
    pub tickets_open_at_end: u64,
    pub escalation: EscalationMetrics,
    pub first_contact_resolution: FcrMetrics,
    pub first_response: TimeMetrics,
    pub resolution: TimeMetrics,
    /// In [`crate::engine::journey::SlaTarget::ALL`] order.
    pub sla: Vec<SlaMetrics>,
    /// The same SLA results by receiving team, channel, priority and category.
    #[serde(default)]
    pub sla_by: SlaBreakdown,
    pub backlog: BacklogMetrics,
    pub teams: Vec<TeamMetrics>,
    pub cost: CostMetrics,
    pub daily: Vec<PeriodMetrics>,
    pub weekly: Vec<PeriodMetrics>,
    pub monthly: Vec<PeriodMetrics>,
}

/// Computes every metric of a run from its journeys. Linear in events, plus sorting for percentiles and backlog.
pub fn summarize(journeys: &[Journey], context: &RunContext<'_>) -> Metrics {
    let mut totals = CohortTally::default();
    let mut breakdown = Breakdown::new(context);
    let mut sla_groups = SlaGroups::default();
    let mut first_response = Durations::default();
    let mut resolution = Durations::default();
    let mut series: Vec<Series> = [Granularity::Day, Granularity::Week, Granularity::Month]
        .into_iter()
        .map(|granularity| Series::new(granularity, context))
        .collect();

    for journey in journeys {
        if journey.created_at < context.start || journey.created_at >= context.end {
            continue;
        }
        let facts = TicketFacts::read(journey, context);
        totals.add(&facts);
        breakdown.add(&facts);
        sla_groups.add(journey, &facts, context);
        first_response.add(journey, facts.first_response_at, context);
        resolution.add(journey, facts.resolved_at(), context);
        for one in &mut series {
            one.add(&facts);
        }
    }

    let open = OpenIntervals::from_journeys(journeys);
    let teams = team_metrics(journeys, context);
    let team_costs: Vec<f64> = teams.iter().filter_map(|team| team.cost).collect();
    let total_cost = (!team_costs.is_empty()).then(|| team_costs.iter().sum::<f64>());
    let mut series = series.into_iter().map(|one| one.finish(&open));
    let daily = series.next().unwrap_or_default();
    let weekly = series.next().unwrap_or_default();
    let monthly = series.next().unwrap_or_default();

    Metrics {
        start: context.start,
        end: context.end,
        zone: context.zone.name().to_owned(),
        tickets: totals.tickets,
        tickets_resolved: totals.resolved,
        tickets_abandoned: totals.abandoned,
        tickets_open_at_end: totals.tickets - totals.resolved - totals.abandoned,
        escalation: breakdown.finish(&totals),
        first_contact_resolution: FcrMetrics {
            resolved: totals.resolved,
            first_contact: totals.first_contact,
            rate: totals.first_contact_resolution(),
        },
        first_response: first_response.finish(context),
        resolution: resolution.finish(context),
        sla: totals.sla(),
        sla_by: sla_groups.finish(),
        backlog: open.sample(context.start, context.end),
        teams,
        cost: CostMetrics {
            total: total_cost,
            per_ticket: total_cost
                .and_then(|cost| (totals.tickets > 0).then(|| cost / totals.tickets as f64)),
        },
        daily,
        weekly,
        monthly,
    }
}

/// Escalation counts by kind, category and tier of origin.
struct Breakdown<'a> {
    kind_tickets: [u64; 3],
    kind_events: [u64; 3],
    categories: BTreeMap<&'a str, [u64; 3]>,
    tier_of_team: HashMap<&'a str, usize>,
    tiers: Vec<&'a str>,
    tier_counts: Vec<[u64; 3]>,
}

impl<'a> Breakdown<'a> {
    fn new(context: &'a RunContext<'_>) -> Breakdown<'a> {
        let mut tiers: Vec<&str> = Vec::new();
        let mut tier_of_team = HashMap::new();
        for entry in &context.teams {
            if let Some(tier) = entry.tier.as_deref() {
                let index = tiers
                    .iter()
                    .position(|known| *known == tier)
                    .unwrap_or_else(|| {
                        tiers.push(tier);
                        tiers.len() - 1
                    });
                tier_of_team.insert(entry.team.as_str(), index);
            }
        }
        Breakdown {
            kind_tickets: [0; 3],
            kind_events: [0; 3],
            categories: BTreeMap::new(),
            tier_counts: vec![[0; 3]; tiers.len()],
            tier_of_team,
            tiers,
        }
    }

    fn add(&mut self, facts: &TicketFacts<'a>) {
        for (index, &events) in facts.escalations_by_kind.iter().enumerate() {
            self.kind_events[index] += u64::from(events);
            if events > 0 {
                self.kind_tickets[index] += 1;
            }
        }
        let category = self.categories.entry(facts.category).or_default();
        category[0] += 1;
        if facts.escalated() {
            category[1] += 1;
        }
        category[2] += u64::from(facts.escalation_events());
        if self.tiers.is_empty() {
            return;
        }
        let mut received = vec![false; self.tiers.len()];
        let mut escalated = vec![false; self.tiers.len()];
        for team in &facts.assigned_to {
            if let Some(&tier) = self.tier_of_team.get(team) {
                received[tier] = true;
            }
        }
        for team in &facts.escalated_from {
            if let Some(&tier) = self.tier_of_team.get(team) {
                escalated[tier] = true;
                self.tier_counts[tier][2] += 1;
            }
        }
        for (tier, counts) in self.tier_counts.iter_mut().enumerate() {
            counts[0] += u64::from(received[tier]);
            counts[1] += u64::from(escalated[tier]);
        }
    }

    fn finish(self, totals: &CohortTally) -> EscalationMetrics {
        EscalationMetrics {
            tickets_escalated: totals.tickets_escalated,
            escalation_events: totals.escalation_events,
            rate: totals.escalation_rate(),
            by_kind: EscalationKind::ALL
                .into_iter()
                .map(|kind| {
                    let index = kind_index(kind);
                    KindEscalation {
                        kind,
                        tickets_escalated: self.kind_tickets[index],
                        escalation_events: self.kind_events[index],
                        rate: ratio(self.kind_tickets[index], totals.tickets),
                    }
                })
                .collect(),
            by_category: self
                .categories
                .into_iter()
                .map(
                    |(category, [tickets, escalated, events])| CategoryEscalation {
                        category: category.to_owned(),
                        tickets,
                        tickets_escalated: escalated,
                        escalation_events: events,
                        rate: ratio(escalated, tickets),
                    },
                )
                .collect(),
            by_tier: self
                .tiers
                .into_iter()
                .zip(self.tier_counts)
                .map(|(tier, [received, escalated, events])| TierEscalation {
                    tier: tier.to_owned(),
                    tickets_received: received,
                    tickets_escalated: escalated,
                    escalation_events: events,
                    rate: ratio(escalated, received),
                })
                .collect(),
        }
    }
}

/// Durations from creation to a moment, in calendar seconds and in business seconds of each ticket's clock.
#[derive(Default)]
struct Durations {
    calendar: Vec<i64>,
    business: Vec<i64>,
    missing: u64,
}

impl Durations {
    fn add(&mut self, journey: &Journey, reached_at: Option<Instant>, context: &RunContext<'_>) {
        let Some(at) = reached_at else {
            self.missing += 1;
            return;
        };
        let created_at = journey.created_at;
        self.calendar.push(at.seconds_since(created_at));
        if let Some(clocks) = context.business_clock {
            self.business.push(
                clocks
                    .clock_for(journey)
                    .business_seconds_between(created_at, at),
            );
        }
    }

    fn finish(mut self, context: &RunContext<'_>) -> TimeMetrics {
        TimeMetrics {
            calendar: DurationStats::from_seconds(&mut self.calendar),
            business: context
                .business_clock
                .map(|_| DurationStats::from_seconds(&mut self.business)),
            missing: self.missing,
        }
    }
}

/// One series: a tally per period, by creation time.
struct Series {
    periods: Vec<PeriodBounds>,
    tallies: Vec<CohortTally>,
}

impl Series {
    fn new(granularity: Granularity, context: &RunContext<'_>) -> Series {
        let periods = periods(granularity, context.start, context.end, &context.zone);
        Series {
            tallies: vec![CohortTally::default(); periods.len()],
            periods,
        }
    }

    fn add(&mut self, facts: &TicketFacts<'_>) {
        if let Some(index) = period_index(&self.periods, facts.created_at) {
            self.tallies[index].add(facts);
        }
    }

    fn finish(self, open: &OpenIntervals) -> Vec<PeriodMetrics> {
        self.periods
            .into_iter()
            .zip(self.tallies)
            .map(|(period, tally)| PeriodMetrics {
                backlog_at_end: open.open_at(period.end.plus(-1)),
                label: period.label,
                start: period.start,
                end: period.end,
                tickets: tally.tickets,
                tickets_escalated: tally.tickets_escalated,
                escalation_rate: tally.escalation_rate(),
                resolved: tally.resolved,
                first_line_resolve_rate: tally.first_line_resolve_rate(),
                first_contact_resolution: tally.first_contact_resolution(),
                first_response_mean_seconds: tally.mean_first_response_seconds(),
                sla: tally.sla(),
            })
            .collect()
    }
}
