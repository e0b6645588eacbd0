//! Property tests: on random journeys, ratios stay in [0, 1], counts add up and the backlog equals a naive count.

use escalator::engine::journey::{EscalationKind, Event, EventKind, Journey, SlaTarget};
use escalator::engine::ticket::{Channel, Priority, Ticket};
use escalator::engine::time::{Instant, HOUR};
use escalator::metrics::{summarize, AlwaysOpen, RunContext};
use proptest::prelude::*;

const TEAMS: [&str; 3] = ["l1", "l2", "billing"];

fn event_kind() -> impl Strategy<Value = EventKind> {
    let team = prop::sample::select(TEAMS.to_vec()).prop_map(std::sync::Arc::<str>::from);
    prop_oneof![
        team.clone().prop_map(|team| EventKind::Assigned {
            team,
            reason: "rule".into()
        }),
        team.clone()
            .prop_map(|team| EventKind::Started { team, agent: None }),
        team.clone()
            .prop_map(|team| EventKind::FirstResponse { team }),
        (
            prop::sample::select(EscalationKind::ALL.to_vec()),
            team.clone()
        )
            .prop_map(|(kind, to)| {
                EventKind::Escalated {
                    kind,
                    from: "l1".into(),
                    to,
                    reason: "matrix".into(),
                }
            }),
        Just(EventKind::WaitingOnCustomer),
        prop::sample::select(SlaTarget::ALL.to_vec())
            .prop_map(|target| EventKind::SlaBreach { target }),
        team.prop_map(|team| EventKind::Resolved { team }),
        Just(EventKind::Reopened),
        Just(EventKind::Abandoned),
    ]
}

fn journey() -> impl Strategy<Value = Journey> {
    (
        0i64..48 * HOUR,
        prop::collection::vec((0i64..6 * HOUR, event_kind()), 0..8),
        prop::sample::select(vec!["billing", "password"]),
    )
        .prop_map(|(created, steps, category)| {
            let created_at = Instant(created);
            let mut at = created_at;
            let events = steps
                .into_iter()
                .map(|(gap, kind)| {
                    at = at.plus(gap);
                    Event { at, kind }
                })
                .collect();
            Journey {
                ticket: Ticket::new(category, Priority::High, Channel::Chat),
                created_at,
                events,
            }
        })
}

/// Open at `at` by walking the events one by one.
fn naive_open(journey: &Journey, at: Instant) -> bool {
    if journey.created_at > at {
        return false;
    }
    let mut open = true;
    for event in journey.events.iter().filter(|event| event.at <= at) {
        match event.kind {
            EventKind::Resolved { .. } | EventKind::Abandoned => open = false,
            EventKind::Reopened if !open => open = true,
            _ => {}
        }
    }
    open
}

proptest! {
    #[test]
    fn ratios_are_shares_and_counts_add_up(journeys in prop::collection::vec(journey(), 0..40)) {
        let clock = AlwaysOpen;
        let context = RunContext::new(Instant(6 * HOUR), Instant(40 * HOUR)).with_business_clock(&clock);
        let metrics = summarize(&journeys, &context);
        let in_cohort = journeys
            .iter()
            .filter(|journey| journey.created_at >= context.start && journey.created_at < context.end)
            .count() as u64;
        prop_assert_eq!(metrics.tickets, in_cohort);
        prop_assert_eq!(
            metrics.tickets_resolved + metrics.tickets_abandoned + metrics.tickets_open_at_end,
            metrics.tickets
        );
        let shares = [metrics.escalation.rate, metrics.first_contact_resolution.rate]
            .into_iter()
            .chain(metrics.escalation.by_kind.iter().map(|kind| kind.rate))
            .chain(metrics.sla.iter().map(|sla| sla.compliance));
        for share in shares.flatten() {
            prop_assert!((0.0..=1.0).contains(&share));
        }
        prop_assert_eq!(metrics.first_response.calendar.count + metrics.first_response.missing, metrics.tickets);
        prop_assert_eq!(metrics.first_response.business.clone().unwrap(), metrics.first_response.calendar.clone());
        prop_assert_eq!(metrics.daily.iter().map(|day| day.tickets).sum::<u64>(), metrics.tickets);
        prop_assert_eq!(metrics.weekly.iter().map(|week| week.tickets).sum::<u64>(), metrics.tickets);
        for sample in &metrics.backlog.samples {
            let expected = journeys.iter().filter(|journey| naive_open(journey, sample.at)).count() as u64;
            prop_assert_eq!(sample.open, expected, "at {}", sample.at);
        }
    }
}
