//! A scenario drawn from an imported log: its arrivals match the log's weekly volume (scaled by the
//! growth asked for), its mix the log's categories, its handling the time tickets stayed with each team;
//! it reads back as a scenario document and runs through the default policy.

use escalator::engine::policy::Policy;
use escalator::engine::time::Instant;
use escalator::import::{read_log, scenario_from_log, Reader, ScenarioShape};
use escalator::sim::scenario::{Arrivals, TimeDistribution};
use escalator::sim::{run_scenario, Scenario};

const CASES: &str = "Case,When,Queue,Level,State,Kind\n\
C1,2024-03-04 09:10,Desk,L1,Open,Billing\n\
C1,2024-03-04 10:10,Experts,L2,In progress,Billing\n\
C1,2024-03-04 12:10,Experts,L2,Solved,Billing\n\
C2,2024-03-11 09:40,Desk,L1,Open,Access\n\
C2,2024-03-11 10:40,Desk,L1,Closed,Access\n\
C3,2024-03-18 09:20,Desk,L1,Open,Access\n\
C3,2024-03-18 09:50,Desk,L1,Closed,Access\n";

fn log() -> escalator::import::ImportedLog {
    let reader = Reader {
        mapping: serde_json::from_str(
            r#"{"id": "Case", "timestamp": "When", "team": "Queue", "tier": "Level", "status": "State", "category": "Kind"}"#,
        )
        .ok(),
        ..Reader::default()
    };
    read_log(CASES.as_bytes(), &reader).expect("reads")
}

fn shape(growth: f64) -> ScenarioShape {
    ScenarioShape {
        start: Instant::parse_rfc3339("2024-04-01T00:00:00Z").expect("instant"),
        days: 14,
        growth,
    }
}

#[test]
fn arrivals_follow_the_hour_of_the_week_and_the_growth() {
    let scenario = scenario_from_log(&log(), shape(1.2), &[]);
    let Arrivals::HourOfWeek(rates) = &scenario.workload.arrivals else {
        panic!("hour-of-week arrivals");
    };
    assert_eq!(rates.len(), 168);
    // Three tickets over the two weeks (and ten minutes) from the first creation to the last, Mondays
    // 09:00–10:00: about 1.5 a week, × 1.2.
    let weeks = 2.0 + 10.0 / (7.0 * 24.0 * 60.0);
    assert!((rates[9] - 3.0 / weeks * 1.2).abs() < 1e-9, "{}", rates[9]);
    assert!(
        (rates.iter().sum::<f64>() - rates[9]).abs() < 1e-9,
        "only that hour has arrivals"
    );
    assert_eq!(scenario.mix.categories.get("Access"), Some(&2.0));
    assert_eq!(scenario.mix.categories.get("Billing"), Some(&1.0));
}

#[test]
fn handling_is_the_time_with_each_team_and_its_resolve_share() {
    let scenario = scenario_from_log(&log(), shape(1.0), &["Desk", "Experts"]);
    let desk = &scenario.handling.teams["Desk"];
    assert_eq!(
        desk.resolve,
        Some(2.0 / 3.0),
        "two of three stays with Desk ended resolved"
    );
    let Some(TimeDistribution::Lognormal { mean, .. }) = desk.time else {
        panic!("a lognormal fit");
    };
    assert_eq!(mean.seconds(), 50 * 60, "stays of 60, 60 and 30 minutes");
    assert_eq!(scenario.handling.teams["Experts"].resolve, Some(1.0));
}

#[test]
fn the_drawn_scenario_reads_back_and_runs() {
    let scenario = scenario_from_log(&log(), shape(1.0), &["general_support"]);
    assert!(
        scenario.handling.teams.is_empty(),
        "the log's teams are not the policy's"
    );
    let json = serde_json::to_string(&scenario).expect("JSON");
    let read = Scenario::from_json(&json).expect("a valid scenario document");
    assert_eq!(read, scenario);
    let policy = Policy::from_json(include_str!("../www/presets/default.json")).expect("policy");
    let result = run_scenario(&scenario, &policy).expect("runs through the default policy");
    assert!(result.metrics[0].tickets > 0);
}
