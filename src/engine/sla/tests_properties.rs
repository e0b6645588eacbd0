//! Property tests of the SLA clock laws: without pauses the due instant is the clock's sum; pauses never
//! make it earlier; a paused clock projects its due instant from the remaining time.

use std::sync::OnceLock;

use proptest::prelude::*;

use super::tests_examples::office;
use super::*;
use crate::engine::calendar::Calendar;
use crate::engine::time::{Instant, DAY, HOUR};

/// 2025-01-01T00:00:00Z up to 2028-01-01T00:00:00Z.
const FROM: i64 = 1_735_689_600;
const TO: i64 = 1_830_297_600;

fn calendars() -> &'static [Calendar; 3] {
    static CALENDARS: OnceLock<[Calendar; 3]> = OnceLock::new();
    CALENDARS.get_or_init(|| {
        [
            office("UTC"),
            office("Europe/Berlin"),
            office("America/New_York"),
        ]
    })
}

/// Calendar time, or business time in one of the office calendars.
fn clock(choice: usize) -> Clock<'static> {
    match calendars().get(choice) {
        Some(calendar) => Clock::Business(calendar),
        None => Clock::CalendarTime,
    }
}

fn first_response_terms(clock: Clock<'static>, goal: i64) -> SlaTerms<'static> {
    SlaTerms {
        targets: TargetDurations {
            first_response: Some(goal),
            next_update: None,
            resolution: None,
            first_assign: None,
        },
        clock,
        pauses: Pauses::every_clock_while_waiting_on_customer(),
        warnings: &[50, 75],
        ladder: &[],
    }
}

/// A ticket created between `FROM` and `TO` whose first response is due after `goal` on one of the clocks.
#[derive(Debug, Clone, Copy)]
struct Case {
    clock: Clock<'static>,
    created: Instant,
    goal: i64,
    terms: SlaTerms<'static>,
    /// When the ticket starts waiting on the customer, where the property waits.
    waiting: Instant,
}

/// Cases with a goal of up to `max_goal`, waiting up to `max_wait_after` after creation.
fn cases(max_goal: i64, max_wait_after: i64) -> impl Strategy<Value = Case> {
    (0usize..4, FROM..TO, 1i64..max_goal, 0i64..max_wait_after).prop_map(
        |(choice, created, goal, wait_after)| Case {
            clock: clock(choice),
            created: Instant(created),
            goal,
            terms: first_response_terms(clock(choice), goal),
            waiting: Instant(created).plus(wait_after),
        },
    )
}

fn first_response<'r>(report: &'r SlaReport<'_>) -> &'r TargetReport<'r> {
    report
        .first_response
        .as_ref()
        .expect("the terms set a first-response target")
}

proptest! {
    #[test]
    fn without_pauses_the_due_instant_is_the_clock_sum(
        case in cases(200 * HOUR, 1),
    ) {
        let Case { clock, created, goal, terms, .. } = case;
        let due = clock.add(created, goal).expect("office calendars are open every week");
        let fresh = compute(&terms, created, &[], created);
        prop_assert_eq!(first_response(&fresh).due, Some(due));
        let at_due = compute(&terms, created, &[], due);
        let report = first_response(&at_due);
        prop_assert_eq!(report.elapsed, goal);
        prop_assert_eq!(report.remaining, 0);
        prop_assert_eq!(report.state, ClockState::Breached { at: due });
        let just_before = compute(&terms, created, &[], Instant(due.0 - 1));
        prop_assert_eq!(first_response(&just_before).state, ClockState::Running);
        let planned_breach = plan(&terms, created)
            .into_iter()
            .find(|checkpoint| checkpoint.kind == CheckpointKind::Breach)
            .map(|checkpoint| checkpoint.at);
        prop_assert_eq!(planned_breach, Some(due));
    }

    #[test]
    fn pauses_never_make_the_due_instant_earlier(
        case in cases(100 * HOUR, 10 * DAY),
        wait_for in 0i64..5 * DAY,
    ) {
        let Case { clock, created, goal, terms, waiting } = case;
        let resumed = waiting.plus(wait_for);
        let history = [
            ClockEvent::new(waiting, ClockEventKind::WaitingOnCustomer),
            ClockEvent::new(resumed, ClockEventKind::CustomerReply),
        ];
        let late = created.plus(400 * DAY);
        let unpaused = compute(&terms, created, &[], late);
        let paused = compute(&terms, created, &history, late);
        let (unpaused, paused) = (first_response(&unpaused), first_response(&paused));
        prop_assert!(paused.due >= unpaused.due);
        // Events at an instant come before the crossings at it: waiting at the due instant holds the clock.
        if unpaused.due >= Some(waiting) {
            let counted_before_wait = clock.between(created, waiting);
            prop_assert_eq!(paused.paused, clock.between(waiting, resumed));
            prop_assert_eq!(paused.due, clock.add(resumed, goal - counted_before_wait));
        } else {
            prop_assert_eq!(paused.due, unpaused.due);
        }
    }

    #[test]
    fn a_paused_clock_projects_its_due_instant_from_the_remaining_time(
        case in cases(100 * HOUR, 2 * DAY),
        look_after in 0i64..3 * DAY,
    ) {
        let now = case.waiting.plus(look_after);
        let Case { clock, created, terms, waiting, .. } = case;
        let history = [ClockEvent::new(waiting, ClockEventKind::WaitingOnCustomer)];
        let report = compute(&terms, created, &history, now);
        let report = first_response(&report);
        prop_assert_eq!(report.elapsed, clock.between(created, waiting));
        prop_assert_eq!(report.paused, clock.between(waiting, now));
        if report.remaining > 0 {
            prop_assert_eq!(report.state, ClockState::Paused { since: waiting });
            prop_assert_eq!(report.projected_due, clock.add(now, report.remaining));
            prop_assert_eq!(report.due, None);
        }
    }
}
