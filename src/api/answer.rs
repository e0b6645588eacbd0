//! `RouteAnswer`: a routing decision as the widget and the CLI show it — the decision with its trace, plus the
//! time zone its instants are read in and each instant as wall-clock time there.

use std::collections::BTreeMap;

use chrono::{DateTime, Offset, SecondsFormat, Utc};
use serde::Serialize;

use crate::engine::calendar::Calendar;
use crate::engine::decision::Decision;
use crate::engine::policy::{CompiledPolicy, TimeBasis};
use crate::engine::time::Instant;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteAnswer {
    #[serde(flatten)]
    pub decision: Decision,
    /// The zone of the calendar the ticket's clocks run on: the SLA policy's calendar when it counts business
    /// time, else the receiving team's calendar, else first line's (the default route's), else `UTC`.
    pub zone: String,
    /// Every instant of the decision (SLA due times, warnings, planned escalations) as local RFC 3339 time in
    /// `zone`, e.g. `"2026-03-09T12:55:00Z": "2026-03-09T12:55:00+00:00"`.
    pub local: BTreeMap<Instant, String>,
}

impl RouteAnswer {
    pub fn new(policy: &CompiledPolicy, decision: Decision) -> RouteAnswer {
        let calendar = clock_calendar(policy, &decision);
        let mut local = BTreeMap::new();
        for at in instants(&decision) {
            local.entry(at).or_insert_with(|| local_time(calendar, at));
        }
        RouteAnswer {
            zone: calendar.map_or("UTC", Calendar::zone_name).to_owned(),
            decision,
            local,
        }
    }
}

fn clock_calendar<'p>(policy: &'p CompiledPolicy, decision: &Decision) -> Option<&'p Calendar> {
    let sla_calendar = decision
        .sla
        .as_ref()
        .filter(|plan| plan.time == TimeBasis::Business)
        .and_then(|plan| plan.calendar.as_ref())
        .and_then(|id| {
            let index = policy
                .calendar_ids
                .iter()
                .position(|known| known == id.as_str())?;
            policy.calendars.get(index)
        });
    sla_calendar
        .or_else(|| {
            policy
                .team_index(decision.team.as_str())
                .and_then(|team| policy.team_calendar(team))
        })
        .or_else(|| policy.team_calendar(policy.default_team))
}

fn instants(decision: &Decision) -> impl Iterator<Item = Instant> + '_ {
    let ladder = decision.ladder.iter().map(|level| level.at);
    let sla = decision.sla.iter().flat_map(|plan| {
        let targets = plan.targets.iter().flat_map(|target| {
            target
                .due
                .into_iter()
                .chain(target.warnings.iter().map(|warning| warning.at))
        });
        targets.chain(plan.breach_ladder.iter().map(|breach| breach.at))
    });
    ladder.chain(sla)
}

fn local_time(calendar: Option<&Calendar>, at: Instant) -> String {
    let offset = calendar.map_or(0, |calendar| calendar.utc_offset_at(at));
    let zone = i32::try_from(offset)
        .ok()
        .and_then(chrono::FixedOffset::east_opt)
        .unwrap_or_else(|| Utc.fix());
    DateTime::from_timestamp(at.0, 0)
        .map(|utc| {
            utc.with_timezone(&zone)
                .to_rfc3339_opts(SecondsFormat::Secs, false)
        })
        .unwrap_or_else(|| at.to_string())
}
