//! Whatever rows a log has, every journey the importer rebuilds is well-formed: it starts with `Created`,
//! its events never go back in time, it is resolved at most once per reopening, and waiting on the
//! customer alternates with the customer's reply.

use escalator::engine::journey::{EventKind, Journey};
use escalator::import::{read_log, Reader};
use proptest::prelude::*;

const STATES: [&str; 6] = [
    "New",
    "Active",
    "Awaiting User Info",
    "Awaiting Vendor",
    "Resolved",
    "Closed",
];

/// One ServiceNow-shaped row: incident, state, group and minutes after the opening (possibly negative).
fn row() -> impl Strategy<Value = (u8, usize, u8, i32)> {
    (0..4u8, 0..STATES.len(), 0..3u8, -30..3000i32)
}

fn servicenow(rows: &[(u8, usize, u8, i32)]) -> String {
    let mut text =
        "number,incident_state,sys_mod_count,opened_at,sys_updated_at,assignment_group\n"
            .to_owned();
    for (count, (incident, state, group, minutes)) in rows.iter().enumerate() {
        let at = 60 * (24 * 60 + i64::from(*minutes));
        let (day, rest) = (1 + at / 86_400, at % 86_400);
        text.push_str(&format!(
            "INC{incident},{},{count},02-01-2016 00:00,{day:02}-01-2016 {:02}:{:02},Group {group}\n",
            STATES[*state],
            rest / 3600,
            rest % 3600 / 60
        ));
    }
    text
}

fn well_formed(journey: &Journey) -> Result<(), String> {
    if !matches!(
        journey.events.first().map(|e| &e.kind),
        Some(EventKind::Created)
    ) {
        return Err("does not start with Created".to_owned());
    }
    let (mut resolved, mut waiting) = (false, false);
    for pair in journey.events.windows(2) {
        if pair[1].at.0 < pair[0].at.0 {
            return Err(format!("{:?} before {:?}", pair[1], pair[0]));
        }
    }
    for event in &journey.events {
        match event.kind {
            EventKind::Resolved { .. } if resolved => {
                return Err("resolved twice without a reopening".to_owned())
            }
            EventKind::Resolved { .. } => resolved = true,
            EventKind::Reopened if !resolved => return Err("reopened while open".to_owned()),
            EventKind::Reopened => resolved = false,
            EventKind::WaitingOnCustomer if waiting => return Err("waiting twice".to_owned()),
            EventKind::WaitingOnCustomer => waiting = true,
            EventKind::CustomerReplied if !waiting => {
                return Err("a reply without waiting".to_owned())
            }
            EventKind::CustomerReplied => waiting = false,
            _ => {}
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn every_rebuilt_journey_is_well_formed(rows in prop::collection::vec(row(), 1..40)) {
        let text = servicenow(&rows);
        let log = read_log(text.as_bytes(), &Reader::default()).expect("generated rows read");
        for journey in &log.journeys {
            prop_assert!(well_formed(journey).is_ok(), "{:?}: {}", journey.ticket.id, well_formed(journey).unwrap_err());
        }
        let incidents: std::collections::BTreeSet<u8> = rows.iter().map(|row| row.0).collect();
        prop_assert_eq!(log.journeys.len(), incidents.len());
    }
}
