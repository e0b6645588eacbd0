//! Assignment inside a team: round robin spreads tickets evenly, least loaded waits less under skewed handling,
//! skills first sends a category to its skilled agents, the assignee-return timer fires at its threshold,
//! per-agent load adds up to the team's, bad rules are refused.

mod support;

use std::collections::BTreeMap;

use escalator::engine::journey::{EventKind, Journey};
use escalator::engine::time::{Instant, MINUTE};
use escalator::metrics::{summarize, RunContext, TeamContext};
use escalator::sim::{simulate, Scenario, SimulationRun};
use serde_json::{json, Value};

/// The reference week with first line (8 agents, open all week) handing tickets out by `assignment`.
fn week_with(assignment: Value) -> Value {
    let mut value: Value = serde_json::from_str(include_str!("fixtures/reference-week.json"))
        .expect("the fixture is JSON");
    value["assignment"] = json!({ "general": assignment });
    value
}

fn run(value: &Value) -> SimulationRun {
    let scenario = Scenario::from_json(&value.to_string()).expect("test scenario parses");
    simulate(&scenario, &support::matrix_model(false, 4), 0).expect("valid")
}

fn started_by_agent(journeys: &[Journey]) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for event in journeys.iter().flat_map(|journey| &journey.events) {
        if let EventKind::Started {
            agent: Some(agent), ..
        } = &event.kind
        {
            *counts.entry(agent.to_string()).or_default() += 1;
        }
    }
    counts
}

/// Mean seconds from entering first line's queue to an agent of first line starting it.
fn mean_wait_at_first_line(journeys: &[Journey]) -> f64 {
    let mut waits = Vec::new();
    for journey in journeys {
        let mut queued: Option<Instant> = None;
        for event in &journey.events {
            match &event.kind {
                EventKind::Assigned { team, .. } if &**team == "general" => queued = Some(event.at),
                EventKind::Started { team, .. } if &**team == "general" => {
                    if let Some(since) = queued.take() {
                        waits.push(event.at.seconds_since(since) as f64);
                    }
                }
                _ => {}
            }
        }
    }
    waits.iter().sum::<f64>() / waits.len() as f64
}

#[test]
fn round_robin_hands_every_agent_the_same_number_of_tickets_give_or_take_a_few() {
    let run = run(&week_with(
        json!({"strategy": "round_robin", "agents": ["Ana", "Ben"]}),
    ));
    let counts = started_by_agent(&run.journeys);
    assert_eq!(counts.len(), 8, "{counts:?}");
    assert!(
        counts.contains_key("Ana") && counts.contains_key("Agent 8"),
        "{counts:?}"
    );
    let (least, most) = (
        counts.values().min().unwrap(),
        counts.values().max().unwrap(),
    );
    let mean = counts.values().sum::<u64>() as f64 / 8.0;
    assert!(mean > 200.0, "{counts:?}");
    assert!(
        ((most - least) as f64) <= 0.05 * mean,
        "spread {least}..{most} around {mean}: {counts:?}"
    );
}

#[test]
fn least_loaded_waits_less_than_round_robin_when_some_tickets_take_far_longer() {
    let skewed = |strategy: &str| {
        let mut value = week_with(json!({"strategy": strategy}));
        value["handling"]["teams"]["general"]["time"] =
            json!({"lognormal": {"mean": "10m", "cv": 4.0}});
        value
    };
    let round_robin = mean_wait_at_first_line(&run(&skewed("round_robin")).journeys);
    let least_loaded = mean_wait_at_first_line(&run(&skewed("least_loaded")).journeys);
    assert!(
        least_loaded < 0.8 * round_robin,
        "least loaded waits {least_loaded:.0} s, round robin {round_robin:.0} s"
    );
}

/// Per category, which agents of first line started its tickets, and how often.
fn starters_by_category(journeys: &[Journey]) -> BTreeMap<String, BTreeMap<String, u64>> {
    let mut starters: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for journey in journeys {
        for event in &journey.events {
            if let EventKind::Started {
                team,
                agent: Some(agent),
            } = &event.kind
            {
                if &**team == "general" {
                    *starters
                        .entry(journey.ticket.category.clone())
                        .or_default()
                        .entry(agent.to_string())
                        .or_default() += 1;
                }
            }
        }
    }
    starters
}

#[test]
fn skills_first_sends_a_category_only_to_its_skilled_agents_and_the_rest_to_anyone() {
    let run = run(&week_with(json!({
        "strategy": "skills_first",
        "agents": ["Ana", "Ben", "Chloé"],
        "skills": {"Ana": ["refund", "payment"], "Ben": ["refund"]}
    })));
    let starters = starters_by_category(&run.journeys);
    let refund = &starters["refund"];
    assert_eq!(
        refund.keys().collect::<Vec<_>>(),
        ["Ana", "Ben"],
        "{refund:?}"
    );
    assert!(refund.values().all(|&count| count > 20), "{refund:?}");
    let payment = &starters["payment"];
    assert_eq!(payment.keys().collect::<Vec<_>>(), ["Ana"], "{payment:?}");
    let account = &starters["account"];
    assert_eq!(
        account.len(),
        8,
        "nobody is skilled in account: {account:?}"
    );
}

#[test]
fn the_return_timer_sends_an_unstarted_ticket_to_the_lead_exactly_at_its_threshold() {
    let mut value = week_with(json!({
        "strategy": "round_robin", "return_after": "10m", "return_to": "supervisors"
    }));
    value["handling"]["teams"]["general"]["time"] = json!({"fixed": "40m"});
    let run = run(&value);
    let mut returned = 0;
    for journey in &run.journeys {
        let mut handed: Option<Instant> = None;
        for pair in journey.events.windows(2) {
            let (event, next) = (&pair[0], &pair[1]);
            match &event.kind {
                EventKind::Assigned { team, .. } if &**team == "general" => handed = Some(event.at),
                EventKind::Started { team, .. } if &**team == "general" => {
                    let since = handed.expect("started after being handed out");
                    assert!(event.at.seconds_since(since) <= 10 * MINUTE, "{journey:?}");
                }
                EventKind::Returned { team, agent } => {
                    returned += 1;
                    assert_eq!(&**team, "general");
                    assert!(agent.starts_with("Agent "), "{agent}");
                    let since = handed.expect("returned after being handed out");
                    assert_eq!(event.at.seconds_since(since), 10 * MINUTE, "{journey:?}");
                    assert!(
                        matches!(&next.kind, EventKind::Escalated { from, to, .. } if &**from == "general" && &**to == "supervisors"),
                        "{journey:?}"
                    );
                }
                _ => {}
            }
        }
    }
    assert!(returned > 50, "only {returned} tickets returned");
}

#[test]
fn without_a_lead_a_returned_ticket_goes_to_another_agent_of_the_team() {
    let mut value = week_with(json!({"strategy": "least_loaded", "return_after": "5m"}));
    value["handling"]["teams"]["general"]["time"] = json!({"fixed": "40m"});
    let run = run(&value);
    let mut moved = 0;
    for journey in &run.journeys {
        let events = &journey.events;
        for (index, event) in events.iter().enumerate() {
            let EventKind::Returned { agent, .. } = &event.kind else {
                continue;
            };
            let later = events[index + 1..]
                .iter()
                .find_map(|later| match &later.kind {
                    EventKind::Started {
                        agent: Some(next), ..
                    }
                    | EventKind::Returned { agent: next, .. } => Some(next),
                    _ => None,
                });
            if let Some(next) = later {
                moved += 1;
                assert_ne!(next, agent, "{journey:?}");
            }
        }
    }
    assert!(moved > 20, "only {moved} returned tickets were handed on");
}

#[test]
fn each_agents_busy_time_adds_up_to_the_teams_and_the_spread_is_reported() {
    let run = run(&week_with(json!({"strategy": "round_robin"})));
    let teams = vec![TeamContext {
        team: "general".into(),
        tier: None,
        agents: 8,
        staffed_seconds: run.stopped_at.seconds_since(run.start),
        hourly_cost: None,
        agent_names: run.assignees[0]
            .iter()
            .map(|name| name.to_string())
            .collect(),
    }];
    let context = RunContext::new(run.start, Instant(run.stopped_at.0 + 1)).with_teams(teams);
    let metrics = summarize(&run.journeys, &context);
    let general = &metrics.teams[0];
    assert_eq!(general.agents.len(), 8);
    let sum: i64 = general.agents.iter().map(|agent| agent.busy_seconds).sum();
    assert_eq!(sum, general.busy_seconds);
    let spread = general.load_spread.expect("agents worked");
    assert!((0.0..0.2).contains(&spread), "{spread}");
}

#[test]
fn rules_that_cannot_work_are_refused_with_their_path() {
    let cases = [
        (
            json!({"strategy": "pool", "return_after": "10m"}),
            "assignment.general.strategy",
        ),
        (
            json!({"strategy": "round_robin", "agents": ["a","b","c","d","e","f","g","h","i"]}),
            "assignment.general.agents",
        ),
        (
            json!({"strategy": "round_robin", "return_after": "0m"}),
            "assignment.general.return_after",
        ),
        (
            json!({"strategy": "round_robin", "return_after": "5m", "return_to": "general"}),
            "assignment.general.return_to",
        ),
        (
            json!({"strategy": "round_robin", "return_to": "supervisors"}),
            "assignment.general.return_to",
        ),
        (
            json!({"strategy": "round_robin", "return_after": "5m", "return_to": "nobody"}),
            "assignment.general.return_to",
        ),
        (
            json!({"strategy": "skills_first"}),
            "assignment.general.skills",
        ),
        (
            json!({"strategy": "least_loaded", "agents": ["Ana"], "skills": {"Ana": ["refund"]}}),
            "assignment.general.skills",
        ),
        (
            json!({"strategy": "skills_first", "agents": ["Ana"], "skills": {"Bob": ["refund"]}}),
            "assignment.general.skills.Bob",
        ),
        (
            json!({"strategy": "skills_first", "agents": ["Ana"], "skills": {"Ana": ["refund", "cars"]}}),
            "assignment.general.skills.Ana[1]",
        ),
    ];
    for (rule, path) in cases {
        let scenario = Scenario::from_json(&week_with(rule.clone()).to_string()).expect("parses");
        let error = simulate(&scenario, &support::matrix_model(false, 4), 0).expect_err("refused");
        assert_eq!(error.path, path, "{rule}: {error:?}");
    }
    let mut unknown = week_with(json!({"strategy": "pool"}));
    unknown["assignment"] = json!({"nobody": {"strategy": "round_robin"}});
    let scenario = Scenario::from_json(&unknown.to_string()).expect("parses");
    let error = simulate(&scenario, &support::matrix_model(false, 4), 0).expect_err("refused");
    assert_eq!(error.path, "assignment.nobody");
}

/// The `assignment` objects of `docs/assignment.md`'s JSON examples, in order.
fn documented_assignments() -> Vec<Value> {
    include_str!("../docs/assignment.md")
        .split("```json")
        .skip(1)
        .map(|block| {
            let body = block.split("```").next().expect("a closed block");
            let object: Value = serde_json::from_str(&format!("{{{body}}}"))
                .unwrap_or_else(|error| panic!("example is JSON: {error}\n{body}"));
            object["assignment"].clone()
        })
        .collect()
}

#[test]
fn both_documented_examples_run_as_described() {
    let examples = documented_assignments();
    assert_eq!(examples.len(), 2);
    let with_example = |assignment: &Value| {
        let mut value = week_with(json!({}));
        value["assignment"] = assignment.clone();
        run(&value)
    };
    let least_loaded = started_by_agent(&with_example(&examples[0]).journeys);
    for name in ["Ana", "Ben", "Chloé", "Agent 4"] {
        assert!(least_loaded[name] > 100, "{name}: {least_loaded:?}");
    }
    let skills_first = starters_by_category(&with_example(&examples[1]).journeys);
    let refund: Vec<_> = skills_first["refund"].keys().collect();
    assert_eq!(refund, ["Ana", "Ben"]);
    let payment: Vec<_> = skills_first["payment"].keys().collect();
    assert_eq!(payment, ["Ana"]);
}
