//! The two real ticket logs in `../shared/data`, read unedited: tickets, rows, reassignments, ping-pong,
//! escalation rate and resolution median match figures computed independently by
//! `tests/import_reference/reference.py` (Python's csv module and plain loops over the rules of
//! docs/import.md; its output is committed as `tests/import_reference/expected.txt`).

use std::collections::BTreeMap;

use escalator::import::{read_log, ImportedLog, LogFormat, Reader};
use escalator::metrics::Metrics;

fn expected() -> BTreeMap<String, f64> {
    include_str!("import_reference/expected.txt")
        .lines()
        .filter_map(|line| {
            let mut words = line.split(' ');
            let (log, name, value) = (words.next()?, words.next()?, words.next()?);
            Some((format!("{log} {name}"), value.parse().ok()?))
        })
        .collect()
}

fn figure(name: &str) -> f64 {
    *expected()
        .get(name)
        .unwrap_or_else(|| panic!("{name} in expected.txt"))
}

/// The escalation rate, the tickets resolved and the median resolution time of the log `name` in expected.txt.
fn assert_rate_and_resolution(metrics: &Metrics, name: &str) {
    let rate = metrics.escalation.rate.expect("a rate");
    let expected_rate = figure(&format!("{name} escalation_rate"));
    assert!((rate - expected_rate).abs() < 1e-6, "{name}: {rate}");
    let resolution = &metrics.resolution.calendar;
    assert_eq!(resolution.count as f64, figure(&format!("{name} resolved")));
    assert_eq!(
        resolution.median_seconds.map(|s| s as f64),
        Some(figure(&format!("{name} resolution_median_seconds")))
    );
}

/// The real logs live beside the repository (`../shared/data`), or where `ESCALATOR_SHARED_DATA` says; a
/// clone elsewhere finds them at `/work/shared/data`. Without them the tests say so and pass.
fn read(file: &str) -> Option<ImportedLog> {
    let places = [
        std::env::var("ESCALATOR_SHARED_DATA").unwrap_or_default(),
        format!("{}/../shared/data", env!("CARGO_MANIFEST_DIR")),
        "/work/shared/data".to_owned(),
    ];
    let bytes = places
        .iter()
        .filter(|dir| !dir.is_empty())
        .find_map(|dir| std::fs::read(format!("{dir}/{file}")).ok())?;
    Some(read_log(&bytes, &Reader::default()).expect("the log reads"))
}

#[test]
fn the_servicenow_audit_log_rebuilds_one_journey_per_incident() {
    let Some(log) = read("servicenow_incident_event_log.csv") else {
        eprintln!("the shared ticket logs are not on this machine; skipped");
        return;
    };
    let summary = &log.summary;
    assert_eq!(log.format, LogFormat::ServiceNow);
    assert_eq!(summary.rows as f64, figure("servicenow rows"));
    assert_eq!(summary.rows_skipped, 0);
    assert_eq!(summary.tickets as f64, figure("servicenow incidents"));
    assert_eq!(
        summary.reassignments as f64,
        figure("servicenow reassignments")
    );
    assert_eq!(
        summary.tickets_reassigned as f64,
        figure("servicenow tickets_reassigned")
    );
    assert_eq!(
        summary.sla_missed.map(|n| n as f64),
        Some(figure("servicenow sla_missed"))
    );
    assert_eq!(
        summary.ping_pong_moves, 0,
        "ServiceNow groups have no levels"
    );
    let used_as_opened = log.problems.iter().filter(|p| !p.skipped).count();
    assert_eq!(
        used_as_opened, 5,
        "five updates are stamped before their incident opened"
    );
    let metrics = log.metrics();
    assert_rate_and_resolution(&metrics, "servicenow");
    let sla = &metrics
        .sla
        .iter()
        .find(|s| s.breached > 0)
        .expect("resolution SLA");
    assert_eq!(sla.breached as f64, figure("servicenow sla_missed"));
}

#[test]
fn the_volvo_log_counts_escalations_up_and_ping_pong_down() {
    let Some(log) = read("volvo_it_bpi2013_incidents.csv") else {
        eprintln!("the shared ticket logs are not on this machine; skipped");
        return;
    };
    let summary = &log.summary;
    assert_eq!(log.format, LogFormat::VolvoVinst);
    assert_eq!(summary.rows as f64, figure("volvo rows"));
    assert_eq!(summary.tickets as f64, figure("volvo requests"));
    assert_eq!(summary.reassignments as f64, figure("volvo reassignments"));
    assert_eq!(summary.moves_up as f64, figure("volvo moves_up"));
    assert_eq!(
        summary.ping_pong_moves as f64,
        figure("volvo ping_pong_moves")
    );
    assert_eq!(
        summary.tickets_with_ping_pong as f64,
        figure("volvo tickets_with_ping_pong")
    );
    assert!(log.problems.is_empty(), "{:?}", log.problems.first());
    let metrics = log.metrics();
    assert_rate_and_resolution(&metrics, "volvo");
    let tiers: Vec<&str> = metrics
        .escalation
        .by_tier
        .iter()
        .map(|t| t.tier.as_str())
        .collect();
    assert_eq!(tiers, ["L1", "L2", "L3"], "escalation by support level");
}
