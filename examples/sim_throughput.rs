//! Quick native throughput check of the simulator (tickets and events per second) on a bare M/M/c
//! model, on the full four-team matrix and on the real default policy with the normal-week preset; then the
//! playground's whole path for the normal-week preset as it is (simulate every replication, summarise, report);
//! `cargo run --profile bench-native --example sim_throughput`.

use std::time::Instant as WallClock;

use escalator::engine::journey::EscalationKind;
use escalator::engine::policy::Policy;
use escalator::sim::reference_models::{
    FirstResponseSla, MatrixModel, MatrixSpec, MatrixTeam, NextStop, OfficeHours,
};
use escalator::sim::report::SimulationReport;
use escalator::sim::{
    resolve_policy, run_scenario_with_progress, simulate, EnginePolicyModel, PolicyModel, Scenario,
};

const HOUR: i64 = 3600;

fn full_matrix(scale: u32) -> Result<MatrixModel, Box<dyn std::error::Error>> {
    let hours = |opens: i64, closes: i64| Some(OfficeHours::weekdays(opens * HOUR, closes * HOUR));
    let team = |name: &str, tier, agents: u32, hours| MatrixTeam {
        name: name.to_owned(),
        tier,
        agents: agents * scale,
        hours,
    };
    let stop = |from: &str, category: Option<&str>, to: &str, kind| NextStop {
        from: from.to_owned(),
        category: category.map(str::to_owned),
        to: to.to_owned(),
        kind,
    };
    Ok(MatrixModel::new(&MatrixSpec {
        teams: vec![
            team("general", 1, 8, hours(7, 19)),
            team("billing", 2, 3, hours(8, 17)),
            team("technical", 2, 3, None),
            team("supervisors", 3, 4, hours(8, 18)),
        ],
        default_team: "general".to_owned(),
        first_team: [("outage".to_owned(), "technical".to_owned())].into(),
        next: vec![
            stop(
                "general",
                Some("payment"),
                "billing",
                EscalationKind::Functional,
            ),
            stop(
                "general",
                Some("refund"),
                "billing",
                EscalationKind::Functional,
            ),
            stop("general", None, "technical", EscalationKind::Functional),
            stop("billing", None, "supervisors", EscalationKind::Hierarchical),
            stop(
                "technical",
                None,
                "supervisors",
                EscalationKind::Hierarchical,
            ),
        ],
        supervisor: Some("supervisors".to_owned()),
        authorisation_limit: Some(500.0),
        first_response: Some(FirstResponseSla {
            target_seconds: 8 * HOUR,
            warning_percent: Some(75),
            breach_escalates_to: Some("supervisors".to_owned()),
        }),
    })?)
}

fn measure(
    label: &str,
    scenario: &Scenario,
    model: &dyn PolicyModel,
) -> Result<(), Box<dyn std::error::Error>> {
    let started = WallClock::now();
    let run = simulate(scenario, model, 0)?;
    let seconds = started.elapsed().as_secs_f64();
    let events: usize = run.journeys.iter().map(|j| j.events.len()).sum();
    println!(
        "{label}: {} tickets, {} queue events, {} journey events in {:.3} s → {:.2} M tickets/s, {:.2} M queue events/s",
        run.journeys.len(),
        run.events_processed,
        events,
        seconds,
        run.journeys.len() as f64 / seconds / 1e6,
        run.events_processed as f64 / seconds / 1e6,
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bare = Scenario::from_json(
        r#"{"policy": "single-team",
            "workload": {"start": "2026-03-02T00:00:00Z", "horizon": 365, "arrivals": {"constant": {"per_hour": 100}}},
            "mix": {"categories": {"general": 1}},
            "handling": {"default": {"time": {"exponential": {"mean": "40m"}}}},
            "seed": 1}"#,
    )?;
    measure(
        "bare M/M/c",
        &bare,
        &MatrixModel::single_team("support", 80),
    )?;

    let doc = include_str!("../docs/scenario-format.md");
    let example = doc
        .split("```json")
        .nth(1)
        .and_then(|block| block.split("```").next())
        .ok_or("no example in the doc")?;
    let mut value: serde_json::Value = serde_json::from_str(example)?;
    value["workload"]["horizon"] = 91.into();
    value["workload"]["arrivals"]["daily"]["volume"] = 10_000.into();
    value["staffing"] =
        serde_json::json!({"general": 200, "billing": 75, "technical": 75, "supervisors": 50});
    let full = Scenario::from_json(&value.to_string())?;
    measure("full matrix", &full, &full_matrix(25)?)?;

    let mut week: serde_json::Value =
        serde_json::from_str(include_str!("../www/presets/normal-week.json"))?;
    week["workload"]["horizon"] = 91.into();
    week["workload"]["arrivals"]["daily"]["volume"] = 10_000.into();
    week["staffing"] = serde_json::json!({"general_support": 250, "technical_support": 150,
        "billing": 110, "engineering": 125, "supervisors": 75});
    let real = Scenario::from_json(&week.to_string())?;
    let policy: Policy = resolve_policy(&real, |_| {
        Some(include_str!("../www/presets/default.json").to_owned())
    })?;
    let model = EnginePolicyModel::new(policy.compile()?)?;
    measure("real default policy", &real, &model)?;

    let preset = Scenario::from_json(include_str!("../www/presets/normal-week.json"))?;
    let policy: Policy = resolve_policy(&preset, |_| {
        Some(include_str!("../www/presets/default.json").to_owned())
    })?;
    let started = WallClock::now();
    let result = run_scenario_with_progress(&preset, &policy, &mut |_| {})?;
    let report = SimulationReport::new(&policy, &result);
    let seconds = started.elapsed().as_secs_f64();
    let tickets: usize = result.runs.iter().map(|run| run.journeys.len()).sum();
    println!(
        "normal-week preset, simulate + summarise + report: {} replications, {tickets} tickets in {:.1} ms",
        report.replications,
        seconds * 1e3,
    );
    Ok(())
}
