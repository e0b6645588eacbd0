//! Hand-built journeys with hand-computed expected values for every metric that `summarize` produces.

use escalator::engine::calendar::NamedZone;
use escalator::engine::journey::{EscalationKind, Event, EventKind, Journey, SlaTarget};
use escalator::engine::ticket::{Channel, Priority, Ticket};
use escalator::engine::time::{Instant, DAY, HOUR};
use escalator::metrics::{summarize, BusinessClock, Metrics, RunContext, TeamContext, TeamHours};

fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).unwrap()
}

fn assigned(team: &str) -> EventKind {
    EventKind::Assigned {
        team: team.into(),
        reason: "rule".into(),
    }
}

fn started(team: &str) -> EventKind {
    EventKind::Started {
        team: team.into(),
        agent: None,
    }
}

fn responded(team: &str) -> EventKind {
    EventKind::FirstResponse { team: team.into() }
}

fn resolved(team: &str) -> EventKind {
    EventKind::Resolved { team: team.into() }
}

fn escalated(kind: EscalationKind, from: &str, to: &str) -> EventKind {
    EventKind::Escalated {
        kind,
        from: from.into(),
        to: to.into(),
        reason: "matrix".into(),
    }
}

fn journey(id: &str, category: &str, created: &str, events: Vec<(&str, EventKind)>) -> Journey {
    let mut ticket = Ticket::new(category, Priority::Medium, Channel::Email);
    ticket.id = id.into();
    let created_at = at(created);
    let mut all = vec![Event {
        at: created_at,
        kind: EventKind::Created,
    }];
    all.extend(
        events
            .into_iter()
            .map(|(when, kind)| Event { at: at(when), kind }),
    );
    Journey {
        ticket,
        created_at,
        events: all,
    }
}

/// Open 09:00–17:00 UTC every day.
struct NineToFive;

impl BusinessClock for NineToFive {
    fn business_seconds_between(&self, from: Instant, to: Instant) -> i64 {
        let mut total = 0;
        let mut day = from.0.div_euclid(DAY) * DAY;
        while day < to.0 {
            let open = (day + 9 * HOUR).max(from.0);
            let close = (day + 17 * HOUR).min(to.0);
            total += (close - open).max(0);
            day += DAY;
        }
        total
    }
}

const START: &str = "2026-03-28T00:00:00Z";
const END: &str = "2026-04-03T00:00:00Z";

/// Seven tickets created in the period (Saturday 28 March to Thursday 2 April 2026), one created before it.
fn fixture() -> Vec<Journey> {
    use EscalationKind::{Automatic, Functional, Hierarchical};
    vec![
        journey(
            "J1",
            "billing",
            "2026-03-28T09:00:00Z",
            vec![
                ("2026-03-28T09:00:00Z", assigned("l1")),
                ("2026-03-28T09:10:00Z", started("l1")),
                ("2026-03-28T09:30:00Z", responded("l1")),
                (
                    "2026-03-28T10:00:00Z",
                    escalated(Functional, "l1", "billing"),
                ),
                ("2026-03-28T10:00:00Z", assigned("billing")),
                ("2026-03-28T11:00:00Z", started("billing")),
                ("2026-03-28T12:00:00Z", resolved("billing")),
            ],
        ),
        journey(
            "J2",
            "password",
            "2026-03-28T10:00:00Z",
            vec![
                ("2026-03-28T10:00:00Z", assigned("l1")),
                ("2026-03-28T10:00:00Z", started("l1")),
                ("2026-03-28T10:05:00Z", responded("l1")),
                ("2026-03-28T10:20:00Z", resolved("l1")),
            ],
        ),
        journey(
            "J3",
            "password",
            "2026-03-31T08:00:00Z",
            vec![
                ("2026-03-31T08:00:00Z", assigned("l1")),
                ("2026-03-31T08:30:00Z", started("l1")),
                ("2026-03-31T08:45:00Z", responded("l1")),
                ("2026-03-31T09:00:00Z", EventKind::WaitingOnCustomer),
                (
                    "2026-03-31T10:00:00Z",
                    EventKind::SlaWarning {
                        target: SlaTarget::Resolution,
                        percent: 75,
                    },
                ),
                (
                    "2026-03-31T11:00:00Z",
                    EventKind::SlaBreach {
                        target: SlaTarget::Resolution,
                    },
                ),
                ("2026-03-31T11:00:00Z", EventKind::CustomerReplied),
                ("2026-03-31T11:00:00Z", started("l1")),
                ("2026-03-31T11:30:00Z", resolved("l1")),
            ],
        ),
        journey(
            "J4",
            "refund",
            "2026-03-31T12:00:00Z",
            vec![
                ("2026-03-31T12:00:00Z", assigned("l1")),
                ("2026-03-31T12:00:00Z", started("l1")),
                (
                    "2026-03-31T12:15:00Z",
                    escalated(Hierarchical, "l1", "supervisor"),
                ),
                ("2026-03-31T12:15:00Z", assigned("supervisor")),
                (
                    "2026-03-31T13:30:00Z",
                    EventKind::SlaWarning {
                        target: SlaTarget::FirstResponse,
                        percent: 75,
                    },
                ),
                (
                    "2026-03-31T14:00:00Z",
                    EventKind::SlaBreach {
                        target: SlaTarget::FirstResponse,
                    },
                ),
                (
                    "2026-03-31T14:00:00Z",
                    EventKind::SlaLevel {
                        target: SlaTarget::FirstResponse,
                        level: 1,
                        to: "billing".into(),
                    },
                ),
                (
                    "2026-03-31T14:00:00Z",
                    escalated(Automatic, "supervisor", "billing"),
                ),
                ("2026-03-31T14:00:00Z", assigned("billing")),
                ("2026-03-31T14:30:00Z", started("billing")),
                ("2026-03-31T14:40:00Z", responded("billing")),
                ("2026-03-31T15:00:00Z", resolved("billing")),
            ],
        ),
        journey(
            "J5",
            "password",
            "2026-04-01T09:00:00Z",
            vec![
                ("2026-04-01T09:00:00Z", assigned("l1")),
                ("2026-04-01T09:00:00Z", started("l1")),
                ("2026-04-01T09:10:00Z", responded("l1")),
                ("2026-04-01T09:20:00Z", resolved("l1")),
                ("2026-04-01T12:00:00Z", EventKind::Reopened),
                ("2026-04-01T13:00:00Z", started("l1")),
                ("2026-04-01T13:30:00Z", resolved("l1")),
            ],
        ),
        journey(
            "J6",
            "billing",
            "2026-04-02T10:00:00Z",
            vec![
                ("2026-04-02T10:00:00Z", assigned("l1")),
                ("2026-04-02T11:00:00Z", EventKind::Abandoned),
            ],
        ),
        journey(
            "J7",
            "password",
            "2026-04-02T22:00:00Z",
            vec![
                ("2026-04-02T22:00:00Z", assigned("l1")),
                ("2026-04-02T23:00:00Z", started("l1")),
                ("2026-04-03T01:00:00Z", responded("l1")),
                ("2026-04-03T02:00:00Z", resolved("l1")),
            ],
        ),
        journey(
            "J8",
            "password",
            "2026-03-27T20:00:00Z",
            vec![
                ("2026-03-27T20:00:00Z", assigned("l1")),
                ("2026-03-28T08:00:00Z", started("l1")),
                ("2026-03-28T08:30:00Z", resolved("l1")),
            ],
        ),
    ]
}

fn teams() -> Vec<TeamContext> {
    let team = |name: &str, tier: &str, agents: u32, staffed: i64, cost: Option<f64>| TeamContext {
        team: name.into(),
        tier: Some(tier.into()),
        agents,
        staffed_seconds: staffed,
        hourly_cost: cost,
        agent_names: Vec::new(),
    };
    vec![
        team("l1", "L1", 2, 6 * 8 * HOUR, Some(30.0)),
        team("billing", "L2", 1, 6 * 8 * HOUR, Some(50.0)),
        team("supervisor", "L3", 1, 0, None),
    ]
}

fn summarize_fixture() -> Metrics {
    let journeys = fixture();
    let clock = NineToFive;
    let context = RunContext::new(at(START), at(END))
        .with_teams(teams())
        .with_business_clock(&clock);
    summarize(&journeys, &context)
}

fn close(actual: Option<f64>, expected: f64) {
    let value = actual.expect("a value");
    assert!((value - expected).abs() < 1e-9, "{value} != {expected}");
}

#[test]
fn ticket_counts_cover_tickets_created_in_the_period() {
    let metrics = summarize_fixture();
    assert_eq!(metrics.tickets, 7);
    assert_eq!(metrics.tickets_resolved, 5);
    assert_eq!(metrics.tickets_abandoned, 1);
    assert_eq!(metrics.tickets_open_at_end, 1);
}

#[test]
fn escalation_rate_overall_and_by_kind() {
    let escalation = summarize_fixture().escalation;
    assert_eq!(escalation.tickets_escalated, 2);
    assert_eq!(escalation.escalation_events, 3);
    close(escalation.rate, 2.0 / 7.0);
    let kinds: Vec<(EscalationKind, u64, u64)> = escalation
        .by_kind
        .iter()
        .map(|kind| (kind.kind, kind.tickets_escalated, kind.escalation_events))
        .collect();
    assert_eq!(
        kinds,
        [
            (EscalationKind::Functional, 1, 1),
            (EscalationKind::Hierarchical, 1, 1),
            (EscalationKind::Automatic, 1, 1),
        ]
    );
    for kind in &escalation.by_kind {
        close(kind.rate, 1.0 / 7.0);
    }
}

#[test]
fn escalation_rate_by_category_and_tier() {
    let escalation = summarize_fixture().escalation;
    let categories: Vec<(&str, u64, u64, u64)> = escalation
        .by_category
        .iter()
        .map(|c| {
            (
                c.category.as_str(),
                c.tickets,
                c.tickets_escalated,
                c.escalation_events,
            )
        })
        .collect();
    assert_eq!(
        categories,
        [
            ("billing", 2, 1, 1),
            ("password", 4, 0, 0),
            ("refund", 1, 1, 2)
        ]
    );
    close(escalation.by_category[0].rate, 0.5);
    let tiers: Vec<(&str, u64, u64, u64)> = escalation
        .by_tier
        .iter()
        .map(|t| {
            (
                t.tier.as_str(),
                t.tickets_received,
                t.tickets_escalated,
                t.escalation_events,
            )
        })
        .collect();
    assert_eq!(tiers, [("L1", 7, 2, 2), ("L2", 2, 0, 0), ("L3", 1, 1, 1)]);
    close(escalation.by_tier[0].rate, 2.0 / 7.0);
    close(escalation.by_tier[2].rate, 1.0);
}

#[test]
fn first_contact_resolution_excludes_escalated_waiting_and_reopened_tickets() {
    let fcr = summarize_fixture().first_contact_resolution;
    assert_eq!(fcr.resolved, 5);
    assert_eq!(fcr.first_contact, 1);
    close(fcr.rate, 0.2);
}

#[test]
fn first_response_time_in_calendar_and_business_seconds() {
    let frt = summarize_fixture().first_response;
    assert_eq!(frt.missing, 2);
    assert_eq!(frt.calendar.count, 5);
    close(frt.calendar.mean_seconds, 3000.0);
    assert_eq!(frt.calendar.median_seconds, Some(1800));
    assert_eq!(frt.calendar.p90_seconds, Some(9600));
    let business = frt.business.expect("a business clock was given");
    close(business.mean_seconds, 2460.0);
    assert_eq!(business.median_seconds, Some(600));
    assert_eq!(business.p90_seconds, Some(9600));
}

#[test]
fn resolution_time_runs_to_the_last_resolution_of_a_reopened_ticket() {
    let resolution = summarize_fixture().resolution;
    assert_eq!(resolution.missing, 2);
    close(resolution.calendar.mean_seconds, 10_320.0);
    assert_eq!(resolution.calendar.median_seconds, Some(10_800));
    assert_eq!(resolution.calendar.p90_seconds, Some(16_200));
    let business = resolution.business.expect("a business clock was given");
    close(business.mean_seconds, 9600.0);
    assert_eq!(business.median_seconds, Some(10_800));
}

#[test]
fn sla_compliance_breaches_pending_and_warnings_per_target() {
    let sla = summarize_fixture().sla;
    let rows: Vec<(SlaTarget, u64, u64, u64, u64, u64)> = sla
        .iter()
        .map(|s| {
            (
                s.target,
                s.tickets_with_target,
                s.met,
                s.breached,
                s.pending,
                s.warnings,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (SlaTarget::FirstResponse, 7, 5, 1, 1, 1),
            (SlaTarget::NextUpdate, 7, 6, 0, 1, 0),
            (SlaTarget::Resolution, 7, 5, 1, 1, 1),
            (SlaTarget::FirstAssign, 0, 0, 0, 0, 0),
        ]
    );
    close(sla[0].compliance, 5.0 / 6.0);
    close(sla[1].compliance, 1.0);
    assert_eq!(sla[0].tickets_warned, 1);
}

#[test]
fn a_target_the_run_does_not_set_applies_only_to_tickets_whose_events_name_it() {
    let journeys = fixture();
    let context = RunContext::new(at(START), at(END)).with_sla_targets(vec![]);
    let sla = summarize(&journeys, &context).sla;
    assert_eq!(sla[0].tickets_with_target, 1);
    assert_eq!(sla[0].breached, 1);
    assert_eq!(sla[0].compliance, Some(0.0));
    assert_eq!(sla[1].tickets_with_target, 0);
    assert_eq!(sla[1].compliance, None);
}

#[test]
fn backlog_is_sampled_hourly_including_tickets_created_before_the_period() {
    let backlog = summarize_fixture().backlog;
    assert_eq!(backlog.step_seconds, HOUR);
    assert_eq!(backlog.samples.len(), 144);
    let open_at = |text: &str| {
        backlog
            .samples
            .iter()
            .find(|sample| sample.at == at(text))
            .map(|sample| sample.open)
    };
    assert_eq!(open_at("2026-03-28T00:00:00Z"), Some(1));
    assert_eq!(open_at("2026-03-28T09:00:00Z"), Some(1));
    assert_eq!(open_at("2026-03-28T10:00:00Z"), Some(2));
    assert_eq!(open_at("2026-03-28T12:00:00Z"), Some(0));
    assert_eq!(open_at("2026-04-01T10:00:00Z"), Some(0));
    assert_eq!(open_at("2026-04-01T13:00:00Z"), Some(1));
    assert_eq!(open_at("2026-04-02T23:00:00Z"), Some(1));
    assert_eq!(backlog.peak, 2);
    close(backlog.mean, 26.0 / 144.0);
}

#[test]
fn utilisation_tickets_per_team_and_cost() {
    let metrics = summarize_fixture();
    let rows: Vec<(&str, u64, u64, u64, i64)> = metrics
        .teams
        .iter()
        .map(|t| {
            (
                t.team.as_str(),
                t.received,
                t.resolved,
                t.escalated_out,
                t.busy_seconds,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("l1", 7, 5, 2, 17_100),
            ("billing", 2, 2, 0, 5400),
            ("supervisor", 1, 0, 1, 0),
        ]
    );
    close(metrics.teams[0].utilisation, 17_100.0 / 345_600.0);
    close(metrics.teams[1].utilisation, 0.031_25);
    assert_eq!(metrics.teams[2].utilisation, None);
    close(metrics.teams[0].cost, 142.5);
    close(metrics.teams[1].cost, 75.0);
    assert_eq!(metrics.teams[2].cost, None);
    close(metrics.cost.total, 217.5);
    close(metrics.cost.per_ticket, 217.5 / 7.0);
}

#[test]
fn daily_series() {
    let daily = summarize_fixture().daily;
    let labels: Vec<&str> = daily.iter().map(|day| day.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "2026-03-28",
            "2026-03-29",
            "2026-03-30",
            "2026-03-31",
            "2026-04-01",
            "2026-04-02"
        ]
    );
    let counts: Vec<(u64, u64, u64, u64)> = daily
        .iter()
        .map(|d| (d.tickets, d.tickets_escalated, d.resolved, d.backlog_at_end))
        .collect();
    assert_eq!(
        counts,
        [
            (2, 1, 2, 0),
            (0, 0, 0, 0),
            (0, 0, 0, 0),
            (2, 1, 2, 0),
            (1, 0, 1, 0),
            (2, 0, 0, 1)
        ]
    );
    close(daily[0].escalation_rate, 0.5);
    close(daily[0].first_contact_resolution, 0.5);
    close(daily[0].first_response_mean_seconds, 1050.0);
    assert_eq!(daily[1].escalation_rate, None);
    assert_eq!(daily[1].first_response_mean_seconds, None);
    close(daily[3].first_contact_resolution, 0.0);
    close(daily[3].first_response_mean_seconds, 6150.0);
    assert_eq!(daily[5].first_contact_resolution, None);
}

#[test]
fn weekly_series_starts_on_monday() {
    let weekly = summarize_fixture().weekly;
    let labels: Vec<&str> = weekly.iter().map(|week| week.label.as_str()).collect();
    assert_eq!(labels, ["2026-W13", "2026-W14"]);
    assert_eq!(weekly[0].start, at(START));
    assert_eq!(weekly[0].end, at("2026-03-30T00:00:00Z"));
    assert_eq!(weekly[1].end, at(END));
    assert_eq!((weekly[0].tickets, weekly[1].tickets), (2, 5));
    close(weekly[1].escalation_rate, 0.2);
    close(weekly[1].first_contact_resolution, 0.0);
    close(weekly[1].first_response_mean_seconds, 4300.0);
    assert_eq!(weekly[1].backlog_at_end, 1);
}

#[test]
fn monthly_series_across_the_month_boundary() {
    let monthly = summarize_fixture().monthly;
    let labels: Vec<&str> = monthly.iter().map(|month| month.label.as_str()).collect();
    assert_eq!(labels, ["2026-03", "2026-04"]);
    assert_eq!(monthly[0].end, at("2026-04-01T00:00:00Z"));
    assert_eq!((monthly[0].tickets, monthly[1].tickets), (4, 3));
    close(monthly[0].escalation_rate, 0.5);
    close(monthly[0].first_contact_resolution, 0.25);
    close(monthly[0].first_response_mean_seconds, 3600.0);
    close(monthly[0].sla[0].compliance, 0.75);
    assert_eq!(monthly[0].backlog_at_end, 0);
    close(monthly[1].escalation_rate, 0.0);
    close(monthly[1].sla[0].compliance, 1.0);
    assert_eq!(monthly[1].sla[0].pending, 1);
    assert_eq!(monthly[1].backlog_at_end, 1);
}

#[test]
fn periods_follow_a_fixed_utc_offset() {
    let journeys = fixture();
    let context =
        RunContext::new(at(START), at(END)).with_zone(NamedZone::parse("+02:00").unwrap());
    let daily = summarize(&journeys, &context).daily;
    assert_eq!(daily.len(), 7);
    assert_eq!(daily[0].end, at("2026-03-28T22:00:00Z"));
    assert_eq!(daily[6].label, "2026-04-03");
    assert_eq!(daily[6].tickets, 1);
    assert_eq!(daily[5].tickets, 1);
}

#[test]
fn first_contact_edge_cases() {
    let start = "2026-03-02T00:00:00Z";
    let journeys = vec![
        journey(
            "reassigned without an escalation event",
            "password",
            "2026-03-02T09:00:00Z",
            vec![
                ("2026-03-02T09:00:00Z", assigned("l1")),
                ("2026-03-02T09:05:00Z", assigned("billing")),
                ("2026-03-02T09:10:00Z", resolved("billing")),
            ],
        ),
        journey(
            "no assignment recorded",
            "password",
            "2026-03-02T10:00:00Z",
            vec![("2026-03-02T10:30:00Z", resolved("l1"))],
        ),
        journey(
            "reopened and still open",
            "password",
            "2026-03-02T11:00:00Z",
            vec![
                ("2026-03-02T11:00:00Z", assigned("l1")),
                ("2026-03-02T11:10:00Z", resolved("l1")),
                ("2026-03-02T12:00:00Z", EventKind::Reopened),
            ],
        ),
        journey(
            "resolved by the team first assigned",
            "password",
            "2026-03-02T13:00:00Z",
            vec![
                ("2026-03-02T13:00:00Z", assigned("l1")),
                ("2026-03-02T13:20:00Z", resolved("l1")),
            ],
        ),
    ];
    let context = RunContext::new(at(start), at("2026-03-03T00:00:00Z"));
    let metrics = summarize(&journeys, &context);
    assert_eq!(metrics.tickets_resolved, 3);
    assert_eq!(metrics.tickets_open_at_end, 1);
    assert_eq!(metrics.first_contact_resolution.first_contact, 2);
    close(metrics.first_contact_resolution.rate, 2.0 / 3.0);
    assert_eq!(metrics.resolution.missing, 1);
    assert_eq!(metrics.first_response.missing, 4);
}

#[test]
fn no_tickets_gives_undefined_ratios_not_nan() {
    let context = RunContext::new(at(START), at(END)).with_teams(teams());
    let metrics = summarize(&[], &context);
    assert_eq!(metrics.tickets, 0);
    assert_eq!(metrics.escalation.rate, None);
    assert!(metrics
        .escalation
        .by_kind
        .iter()
        .all(|kind| kind.rate.is_none()));
    assert_eq!(metrics.first_contact_resolution.rate, None);
    assert_eq!(metrics.first_response.calendar.mean_seconds, None);
    assert_eq!(metrics.resolution.calendar.p90_seconds, None);
    assert!(metrics.sla.iter().all(|sla| sla.compliance.is_none()));
    assert_eq!(metrics.backlog.mean, Some(0.0));
    assert_eq!(metrics.cost.total, Some(0.0));
    assert_eq!(metrics.cost.per_ticket, None);
    assert_eq!(metrics.teams[0].utilisation, Some(0.0));
    assert_eq!(metrics.daily.len(), 6);
    let json = serde_json::to_string(&metrics).unwrap();
    assert!(!json.contains("NaN"));
    let back: Metrics = serde_json::from_str(&json).unwrap();
    assert_eq!(back, metrics);
}

#[test]
fn an_empty_period_has_no_samples_and_no_series() {
    let context = RunContext::new(at(START), at(START));
    let metrics = summarize(&fixture(), &context);
    assert_eq!(metrics.tickets, 0);
    assert!(metrics.backlog.samples.is_empty());
    assert_eq!(metrics.backlog.mean, None);
    assert!(metrics.daily.is_empty() && metrics.weekly.is_empty() && metrics.monthly.is_empty());
    assert_eq!(metrics.cost.total, None);
}

#[test]
fn an_approver_is_busy_until_the_sign_off_and_a_wait_frees_the_agent() {
    let journeys = vec![
        journey(
            "A1",
            "refund",
            "2026-03-30T09:00:00Z",
            vec![
                ("2026-03-30T09:00:00Z", assigned("l1")),
                ("2026-03-30T09:00:00Z", started("l1")),
                (
                    "2026-03-30T09:30:00Z",
                    escalated(EscalationKind::Hierarchical, "l1", "supervisor"),
                ),
                ("2026-03-30T09:30:00Z", assigned("supervisor")),
                ("2026-03-30T10:00:00Z", started("supervisor")),
                (
                    "2026-03-30T10:15:00Z",
                    EventKind::Approved {
                        team: "supervisor".into(),
                    },
                ),
                ("2026-03-30T10:15:00Z", assigned("l1")),
                ("2026-03-30T14:00:00Z", started("l1")),
                ("2026-03-30T14:10:00Z", resolved("l1")),
            ],
        ),
        journey(
            "A2",
            "billing",
            "2026-03-30T09:00:00Z",
            vec![
                ("2026-03-30T09:00:00Z", assigned("billing")),
                ("2026-03-30T09:00:00Z", started("billing")),
                ("2026-03-30T09:20:00Z", EventKind::WaitingOnThirdParty),
                ("2026-03-30T12:00:00Z", EventKind::Resumed),
                ("2026-03-30T13:00:00Z", started("billing")),
                ("2026-03-30T13:05:00Z", EventKind::OnHold),
                ("2026-03-30T15:00:00Z", EventKind::Resumed),
                ("2026-03-30T15:00:00Z", started("billing")),
                ("2026-03-30T15:10:00Z", resolved("billing")),
            ],
        ),
    ];
    let context = RunContext::new(at(START), at(END)).with_teams(teams());
    let metrics = summarize(&journeys, &context);
    let busy: Vec<(&str, i64)> = metrics
        .teams
        .iter()
        .map(|team| (team.team.as_str(), team.busy_seconds))
        .collect();
    assert_eq!(
        busy,
        [
            ("l1", 30 * 60 + 10 * 60),
            ("billing", 20 * 60 + 5 * 60 + 10 * 60),
            ("supervisor", 15 * 60),
        ],
        "the approver's work ends at its sign-off, not when the owner picks the ticket up again; a hold or a \
         third party frees the agent"
    );
}

/// First line (team 0) works 09:00–17:00; the other teams are always open.
struct FirstLineNineToFive;

impl TeamHours for FirstLineNineToFive {
    fn team_clock(&self, index: usize) -> Option<&dyn BusinessClock> {
        (index == 0).then_some(&NineToFive as &dyn BusinessClock)
    }
}

#[test]
fn work_finished_after_closing_is_overtime_and_not_utilisation() {
    let journeys = vec![journey(
        "O1",
        "billing",
        "2026-03-30T16:00:00Z",
        vec![
            ("2026-03-30T16:00:00Z", assigned("l1")),
            ("2026-03-30T16:30:00Z", started("l1")),
            ("2026-03-30T17:30:00Z", resolved("l1")),
        ],
    )];
    let context = RunContext::new(at(START), at(END))
        .with_teams(teams())
        .with_team_hours(&FirstLineNineToFive);
    let metrics = summarize(&journeys, &context);
    let first_line = &metrics.teams[0];
    assert_eq!(first_line.busy_seconds, HOUR, "the whole hour is worked");
    assert_eq!(
        first_line.overtime_seconds,
        HOUR / 2,
        "half of it after 17:00"
    );
    close(
        first_line.utilisation,
        (HOUR / 2) as f64 / (2 * 6 * 8 * HOUR) as f64,
    );
    close(first_line.cost, 30.0);
    let without_hours = summarize(
        &journeys,
        &RunContext::new(at(START), at(END)).with_teams(teams()),
    );
    assert_eq!(without_hours.teams[0].overtime_seconds, 0);
    close(
        without_hours.teams[0].utilisation,
        HOUR as f64 / (2 * 6 * 8 * HOUR) as f64,
    );
}
