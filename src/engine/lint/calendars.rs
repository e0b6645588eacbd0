//! Lint checks on calendars and the business-time SLAs counted on them: a calendar that never opens, and
//! targets a calendar opens too rarely to count, whose tickets would never come due.

use super::{Findings, Severity};
use crate::engine::calendar::Calendar;
use crate::engine::duration::Duration;
use crate::engine::journey::SlaTarget;
use crate::engine::policy::{CompiledPolicy, SlaPolicy, TimeBasis};
use crate::engine::ticket::Priority;

/// A target that takes longer than this in calendar time to count is worth a warning: no support desk
/// means a year-long wait, and beyond the calendars' range (2200) the ticket is never due.
const LONGEST_SENSIBLE_WAIT_DAYS: i64 = 365;

pub(super) fn check(compiled: &CompiledPolicy, findings: &mut Findings) {
    for (position, calendar) in compiled.calendars.iter().enumerate() {
        if calendar.weekly_open_seconds() == 0 {
            findings.add(
                Severity::Warning,
                "calendar-never-open",
                format!("calendars[{position}]"),
                format!(
                    "calendar {:?} is never open: business-time SLA targets counted on it never come due \
                     and are left out of compliance; give it opening hours or make it open 24/7",
                    calendar.id()
                ),
            );
        }
    }
    for (position, sla) in compiled.source.sla_policies.iter().enumerate() {
        if sla.time != TimeBasis::Business {
            continue;
        }
        let Some((target, goal)) = longest_target(sla) else {
            continue;
        };
        for calendar in counted_on(compiled, sla) {
            let open = calendar.weekly_open_seconds();
            if open == 0 {
                continue;
            }
            let wait_days = goal.saturating_mul(7) / open;
            if wait_days > LONGEST_SENSIBLE_WAIT_DAYS {
                findings.add(
                    Severity::Warning,
                    "sla-target-out-of-reach",
                    format!("sla_policies[{position}].targets"),
                    format!(
                        "calendar {:?} is open {} a week, so the {} target of {} in business time takes \
                         about {} days to count ({} years; tickets whose count would end after 2200 are \
                         never due): give the calendar more hours, shorten the target, or count it in \
                         calendar time",
                        calendar.id(),
                        Duration::from_seconds(open),
                        target.as_str().replace('_', " "),
                        Duration::from_seconds(goal),
                        wait_days,
                        wait_days / 365,
                    ),
                );
            }
        }
    }
}

/// The policy's longest target and its length in seconds.
fn longest_target(sla: &SlaPolicy) -> Option<(SlaTarget, i64)> {
    Priority::ALL
        .into_iter()
        .flat_map(|priority| {
            let targets = sla.targets.for_priority(priority);
            SlaTarget::ALL
                .into_iter()
                .filter_map(|target| Some((target, targets.get(target)?.seconds())))
        })
        .max_by_key(|(_, seconds)| *seconds)
}

/// The calendars a business-time SLA can be counted on: its own, or that of any team that may receive the
/// ticket (teams without one work around the clock, which counts every target).
fn counted_on<'a>(
    compiled: &'a CompiledPolicy,
    sla: &'a SlaPolicy,
) -> impl Iterator<Item = &'a Calendar> + 'a {
    let named = |id: &str| {
        compiled
            .calendar_ids
            .iter()
            .position(|known| known == id)
            .and_then(|index| compiled.calendars.get(index))
    };
    let ids: Vec<&str> = match &sla.calendar {
        Some(id) => vec![id.as_str()],
        None => {
            let mut ids: Vec<&str> = compiled
                .source
                .teams
                .iter()
                .filter_map(|team| team.calendar.as_deref())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        }
    };
    ids.into_iter().filter_map(named)
}
