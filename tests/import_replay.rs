//! Replaying a log through a policy: the replay's tickets are the log's own (same ids, arrival instants,
//! categories and priorities); handling comes from the log for the policy teams it names and from the
//! scenario for the rest; the observed tickets are measured against the policy's SLA targets.

use escalator::engine::journey::{EventKind, SlaTarget};
use escalator::engine::policy::Policy;
use escalator::import::{read_log, replay_log, with_policy_clocks, ImportedLog, Reader};
use escalator::sim::{EnginePolicyModel, Scenario};

/// Two outages resolved in 4 h 30 min (over the 4 h calendar-time resolution target of a critical outage
/// in the default policy) and in 1 h, and a billing question that first line resolved.
const CASES: &str = "Case,When,Queue,Level,State,Kind,Urgency\n\
C1,2024-03-04 09:00,general_support,L1,Open,outage,critical\n\
C1,2024-03-04 13:30,general_support,L1,Resolved,outage,critical\n\
C2,2024-03-05 10:00,Desk,L1,Open,outage,critical\n\
C2,2024-03-05 11:00,Desk,L1,Resolved,outage,critical\n\
C3,2024-03-06 09:15,general_support,L1,Open,billing,low\n\
C3,2024-03-06 09:45,general_support,L1,Closed,billing,low\n";

fn log() -> ImportedLog {
    let reader = Reader {
        mapping: serde_json::from_str(
            r#"{"id": "Case", "timestamp": "When", "team": "Queue", "tier": "Level", "status": "State", "category": "Kind", "priority": "Urgency"}"#,
        )
        .ok(),
        ..Reader::default()
    };
    read_log(CASES.as_bytes(), &reader).expect("reads")
}

fn model() -> EnginePolicyModel {
    let policy = Policy::from_json(include_str!("../www/presets/default.json")).expect("policy");
    EnginePolicyModel::new(policy.compile().expect("compiles")).expect("model")
}

fn scenario() -> Scenario {
    Scenario::from_json(include_str!("../www/presets/normal-week.json")).expect("scenario")
}

#[test]
fn the_replay_runs_the_logs_own_tickets() {
    let log = log();
    let replay = replay_log(&log, &scenario(), &model(), &mut |_| {}).expect("replays");
    assert_eq!(replay.runs.len(), scenario().replications as usize);
    for run in &replay.runs {
        let ids: Vec<&str> = run.journeys.iter().map(|j| j.ticket.id.as_str()).collect();
        assert_eq!(ids, ["C1", "C2", "C3"]);
        for (simulated, observed) in run.journeys.iter().zip(&log.journeys) {
            assert_eq!(simulated.created_at, observed.created_at);
            assert_eq!(simulated.ticket.category, observed.ticket.category);
            assert_eq!(simulated.ticket.priority, observed.ticket.priority);
        }
    }
    assert_eq!(replay.metrics.len(), replay.runs.len());
    assert!(replay.metrics.iter().all(|metrics| metrics.tickets == 3));
}

#[test]
fn handling_comes_from_the_log_only_for_the_policy_teams_it_names() {
    let replay = replay_log(&log(), &scenario(), &model(), &mut |_| {}).expect("replays");
    let general = replay
        .handling
        .iter()
        .find(|source| source.team == "general_support")
        .expect("listed");
    assert_eq!(general.stays, 2);
    assert!(general.time_from_log && general.resolve_from_log);
    let billing = replay
        .handling
        .iter()
        .find(|source| source.team == "billing")
        .expect("listed");
    assert_eq!(billing.stays, 0);
    assert!(!billing.time_from_log && !billing.resolve_from_log);
    assert!(
        replay.handling.iter().all(|source| source.team != "Desk"),
        "only the policy's teams are listed"
    );
    assert_eq!(
        replay.scenario.handling.teams["general_support"].resolve,
        Some(1.0),
        "both stays with general_support ended resolved"
    );
}

#[test]
fn observed_tickets_are_measured_against_the_policys_targets() {
    let log = log();
    let model = model();
    let end = log.run_context().end;
    let breached = |index: usize| {
        with_policy_clocks(&log.journeys[index], &model, end)
            .events
            .iter()
            .any(|event| {
                event.kind
                    == EventKind::SlaBreach {
                        target: SlaTarget::Resolution,
                    }
            })
    };
    assert!(breached(0), "4 h 30 min against a 4 h target");
    assert!(!breached(1), "1 h against a 4 h target");
    assert!(!breached(2), "30 minutes within business hours");
    let replay = replay_log(&log, &scenario(), &model, &mut |_| {}).expect("replays");
    let resolution = replay
        .observed
        .sla
        .iter()
        .find(|sla| sla.target == SlaTarget::Resolution)
        .expect("resolution");
    assert_eq!((resolution.met, resolution.breached), (2, 1));
    assert_eq!(replay.observed.tickets, 3);
}

#[test]
fn the_replay_is_reproducible_and_follows_the_policy() {
    let log = log();
    let first = replay_log(&log, &scenario(), &model(), &mut |_| {}).expect("replays");
    let again = replay_log(&log, &scenario(), &model(), &mut |_| {}).expect("replays");
    assert_eq!(first.metrics, again.metrics);
    let mut policy: serde_json::Value =
        serde_json::from_str(include_str!("../www/presets/default.json")).expect("JSON");
    for row in policy["escalation_matrix"]
        .as_array_mut()
        .expect("matrix rows")
        .iter_mut()
        .filter(|row| row["category"] == "billing")
    {
        row["first"] = serde_json::json!("engineering");
    }
    let changed = Policy::from_json(&policy.to_string()).expect("policy");
    let changed = EnginePolicyModel::new(changed.compile().expect("compiles")).expect("model");
    let rerouted = replay_log(&log, &scenario(), &changed, &mut |_| {}).expect("replays");
    let first_team = |replay: &escalator::import::Replay| {
        replay.runs[0].journeys[2]
            .events
            .iter()
            .find_map(|event| match &event.kind {
                EventKind::Assigned { team, .. } => Some(team.to_string()),
                _ => None,
            })
    };
    assert_eq!(first_team(&first).as_deref(), Some("general_support"));
    assert_eq!(first_team(&rerouted).as_deref(), Some("engineering"));
}

#[test]
fn a_category_outside_the_scenario_still_replays() {
    let cases = CASES.replace("billing", "printer_jam");
    let reader = Reader {
        mapping: serde_json::from_str(
            r#"{"id": "Case", "timestamp": "When", "team": "Queue", "status": "State", "category": "Kind"}"#,
        )
        .ok(),
        ..Reader::default()
    };
    let log = read_log(cases.as_bytes(), &reader).expect("reads");
    let replay = replay_log(&log, &scenario(), &model(), &mut |_| {}).expect("replays");
    assert!(replay.scenario.mix.categories.contains_key("printer_jam"));
    assert_eq!(replay.metrics[0].tickets, 3);
}

#[test]
fn the_api_keeps_the_log_for_journeys_replays_and_scenarios() {
    use escalator::api::OpenedLog;
    let mapping = r#"{"mapping": {"id": "Case", "timestamp": "When", "team": "Queue", "tier": "Level", "status": "State", "category": "Kind", "priority": "Urgency"}}"#;
    let mut shares = Vec::new();
    let log =
        OpenedLog::open(CASES.as_bytes(), mapping, &mut |share| shares.push(share)).expect("opens");
    assert_eq!(shares.last(), Some(&1.0), "reading ends at 100 %");
    let answer: serde_json::Value = serde_json::from_str(&log.answer_json(true)).expect("JSON");
    assert_eq!(
        answer["report"]["tickets"].as_array().map(Vec::len),
        Some(3)
    );
    let journey: serde_json::Value =
        serde_json::from_str(&log.journey_json(1).expect("a journey")).expect("JSON");
    assert_eq!(journey["ticket"]["id"], "C2");
    let missing = log.journey_json(3).expect_err("only three tickets");
    assert!(missing
        .message
        .contains("no ticket 3 in this log (3 tickets)"));

    let policy = include_str!("../www/presets/default.json");
    let scenario = include_str!("../www/presets/normal-week.json");
    let replay: serde_json::Value = serde_json::from_str(
        &log.replay_json(Some(policy), scenario, &mut |_| {})
            .expect("replays"),
    )
    .expect("JSON");
    assert_eq!(replay["observed"]["tickets"], 3);
    assert_eq!(replay["replay"]["tickets"][0]["id"], "C1");
    let broken = log
        .replay_json(Some(policy), r#"{"policy": "default"}"#, &mut |_| {})
        .expect_err("no workload");
    assert_eq!(broken.input, "scenario");

    let drawn: serde_json::Value = serde_json::from_str(
        &log.scenario_json(r#"{"days": 14, "growth": 1.2, "teams": ["general_support"]}"#)
            .expect("a scenario"),
    )
    .expect("JSON");
    assert_eq!(
        drawn["workload"]["start"], "2024-03-11T00:00:00Z",
        "the Monday after the last ticket"
    );
    assert!(drawn["handling"]["teams"]["general_support"].is_object());
    for (shape, path) in [
        (r#"{"growth": 0}"#, "growth"),
        (r#"{"growth": 1e308}"#, "growth"),
        (r#"{"days": 0}"#, "days"),
        (r#"{"days": 99999}"#, "days"),
    ] {
        let error = log.scenario_json(shape).expect_err(shape);
        assert_eq!(error.path.as_deref(), Some(path), "{shape}");
    }
    assert!(log.scenario_json(r#"{"colour": "red"}"#).is_err());
}
