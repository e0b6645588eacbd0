//! The escalation matrix names who receives first: after triggers and routing rules, before the default route.

use escalator::engine::policy::{CompiledPolicy, Policy};
use escalator::engine::route::{route, route_team, Decision, DecisionKind};
use escalator::engine::ticket::Ticket;
use escalator::engine::time::Instant;
use escalator::engine::trace::{Outcome, Stage};

/// Three tiers; teams work around the clock so ladder instants are plain offsets.
const POLICY: &str = include_str!("fixtures/matrix-first-policy.json");

fn compiled(text: &str) -> CompiledPolicy {
    Policy::from_json(text)
        .expect("parses")
        .compile()
        .expect("compiles")
}

fn ticket(json: &str) -> Ticket {
    serde_json::from_str(json).unwrap_or_else(|error| panic!("bad test ticket {json}: {error}"))
}

const AT: Instant = Instant(1_795_000_000);

/// Routes with and without the trace and checks both agree; returns the decision.
fn decide(policy: &CompiledPolicy, json: &str) -> Decision {
    let ticket = ticket(json);
    let decision = route(policy, &ticket, AT);
    let fast = route_team(policy, &ticket);
    assert_eq!(policy.teams[fast.team].id, decision.team, "{json}");
    assert_eq!(fast.kind, decision.kind, "{json}");
    assert_eq!(fast.stage, decision.decided_by.stage, "{json}");
    assert_eq!(
        decision.trace.matched().map(|step| step.id.as_str()),
        Some(decision.decided_by.id.as_str()),
        "{json}"
    );
    decision
}

fn summary(decision: &Decision) -> (&str, DecisionKind, Stage, &str) {
    (
        decision.team.as_str(),
        decision.kind,
        decision.decided_by.stage,
        decision.decided_by.id.as_str(),
    )
}

const CRITICAL_OUTAGE: &str = r#"{"category":"outage","priority":"critical","channel":"phone"}"#;
const MEDIUM_OUTAGE: &str = r#"{"category":"outage","priority":"medium","channel":"web"}"#;
const CRITICAL_BILLING: &str = r#"{"category":"billing","priority":"critical","channel":"email"}"#;
const HOW_TO: &str = r#"{"category":"how_to","priority":"low","channel":"web"}"#;

/// A ticket, who receives it (team, kind, deciding stage and id), and why.
type Receiver = (
    &'static str,
    (&'static str, DecisionKind, Stage, &'static str),
    &'static str,
);

#[rustfmt::skip]
const RECEIVERS: &[Receiver] = &[
    (CRITICAL_OUTAGE,
     ("tech", DecisionKind::Functional, Stage::Matrix, "outage×critical"),
     "a matching row with first decides after triggers and rules"),
    (r#"{"category":"billing","priority":"medium","channel":"email"}"#,
     ("desk", DecisionKind::None, Stage::Matrix, "billing×*"),
     "a first-line receiver is no escalation"),
    (CRITICAL_BILLING,
     ("tech", DecisionKind::Functional, Stage::Matrix, "*×critical"),
     "wildcards match, and *×critical comes before billing×*"),
    (MEDIUM_OUTAGE,
     ("desk", DecisionKind::None, Stage::Default, "default"),
     "no row with first matches, so the default route decides"),
    (HOW_TO,
     ("desk", DecisionKind::None, Stage::Default, "default"),
     "a category without a row with first goes to the default"),
    (r#"{"category":"outage","priority":"critical","channel":"phone","segment":"enterprise"}"#,
     ("money", DecisionKind::Functional, Stage::Rule, "vip"),
     "a rule beats the matrix"),
    (r#"{"category":"outage","priority":"critical","channel":"phone","segment":"enterprise","signals":{"abusive":true}}"#,
     ("boss", DecisionKind::Hierarchical, Stage::Trigger, "angry"),
     "a trigger beats rules and the matrix"),
];

#[test]
fn each_ticket_goes_to_its_receiver() {
    let policy = compiled(POLICY);
    for &(ticket, expected, why) in RECEIVERS {
        assert_eq!(
            summary(&decide(&policy, ticket)),
            expected,
            "{why}: {ticket}"
        );
    }
}

/// The ladder's levels: number, team, and seconds after `AT`.
fn ladder_offsets(decision: &Decision) -> Vec<(usize, &str, i64)> {
    decision
        .ladder
        .iter()
        .map(|level| (level.level, level.team.as_str(), level.at.seconds_since(AT)))
        .collect()
}

#[test]
fn the_deciding_row_names_its_condition() {
    let policy = compiled(POLICY);
    assert_eq!(
        decide(&policy, CRITICAL_OUTAGE).decided_by.condition,
        r#"category == "outage" and priority == critical"#
    );
    let critical_billing = decide(&policy, CRITICAL_BILLING);
    assert_eq!(
        critical_billing.decided_by.condition,
        "priority == critical"
    );
    let steps: Vec<(&str, &Outcome)> = critical_billing
        .trace
        .steps
        .iter()
        .filter(|step| step.stage == Stage::Matrix)
        .map(|step| (step.id.as_str(), &step.outcome))
        .collect();
    assert_eq!(
        steps,
        [
            (
                "outage×critical",
                &Outcome::Failed {
                    condition: r#"category == "outage""#.into(),
                    saw: r#""billing""#.into()
                }
            ),
            ("*×critical", &Outcome::Matched),
            ("billing×*", &Outcome::NotEvaluated),
        ],
        "rows without first are not steps"
    );
}

#[test]
fn the_default_route_keeps_the_first_matching_rows_ladder() {
    let medium_outage = decide(&compiled(POLICY), MEDIUM_OUTAGE);
    assert_eq!(
        medium_outage.trace.lines(),
        [
            "trigger angry: failed at signals.abusive (saw false)",
            r#"rule vip: failed at segment == "enterprise" (saw "standard")"#,
            "matrix outage×critical: failed at priority == critical (saw medium)",
            "matrix *×critical: failed at priority == critical (saw medium)",
            r#"matrix billing×*: failed at category == "billing" (saw "outage")"#,
            "default default: matched → desk",
        ]
    );
    assert_eq!(
        ladder_offsets(&medium_outage),
        [(1, "tech", 2 * 3600), (2, "boss", 4 * 3600)],
        "the ladder still comes from the first matching row, with or without first"
    );
}

#[test]
fn the_ladder_starts_after_the_first_receivers_position() {
    let decision = decide(&compiled(POLICY), CRITICAL_OUTAGE);
    assert_eq!(ladder_offsets(&decision), [(2, "boss", 3600)]);
}

#[test]
fn a_rule_that_decides_leaves_the_matrix_unevaluated() {
    let policy = compiled(POLICY);
    let enterprise = decide(
        &policy,
        r#"{"category":"outage","priority":"critical","channel":"phone","segment":"enterprise"}"#,
    );
    assert!(enterprise
        .trace
        .steps
        .iter()
        .filter(|step| step.stage == Stage::Matrix)
        .all(|step| step.outcome == Outcome::NotEvaluated));
}

#[test]
fn changing_a_matrix_cell_changes_the_receiving_team() {
    let ticket = r#"{"category":"billing","priority":"medium","channel":"email"}"#;
    assert_eq!(decide(&compiled(POLICY), ticket).team, "desk");
    let moved = POLICY.replacen(r#""first": "desk""#, r#""first": "money""#, 1);
    let decision = decide(&compiled(&moved), ticket);
    assert_eq!(
        summary(&decision),
        (
            "money",
            DecisionKind::Functional,
            Stage::Matrix,
            "billing×*"
        )
    );
}

#[test]
fn a_row_a_rule_always_beats_is_marked_in_the_trace() {
    let text = POLICY.replacen(
        r#"{ "id": "vip", "when": "segment == \"enterprise\"", "to": "money", "kind": "functional" }"#,
        r#"{ "id": "bills", "when": "category == \"billing\"", "to": "money", "kind": "functional" }"#,
        1,
    );
    let policy = compiled(&text);
    let decision = decide(&policy, HOW_TO);
    let row = decision.trace.step("billing×*").expect("listed");
    assert_eq!(row.shadowed_by.as_deref(), Some("bills"));
    assert!(row
        .explain()
        .ends_with("can never match, shadowed by bills"));
    let critical = decision.trace.step("*×critical").expect("listed");
    assert_eq!(critical.shadowed_by, None);

    let text = POLICY.replacen(
        r#""category": "billing", "priority": "*""#,
        r#""category": "billing", "priority": "critical""#,
        1,
    );
    let policy = compiled(&text);
    let decision = decide(&policy, HOW_TO);
    let row = decision.trace.step("billing×critical").expect("listed");
    assert_eq!(
        row.shadowed_by.as_deref(),
        Some("*×critical"),
        "an earlier row with first matches every ticket it would"
    );
}

#[test]
fn first_is_optional_and_round_trips() {
    let policy = Policy::from_json(POLICY).expect("parses");
    assert_eq!(policy.escalation_matrix[0].first.as_deref(), Some("tech"));
    assert_eq!(policy.escalation_matrix[1].first, None);
    let json = policy.to_json();
    assert_eq!(
        json.matches(r#""first""#).count(),
        3,
        "absent first is not written"
    );
    assert_eq!(Policy::from_json(&json).expect("round-trips"), policy);
}

#[test]
fn an_unknown_first_team_is_a_compile_error_with_its_path() {
    let text = POLICY.replacen(r#""first": "desk""#, r#""first": "helpdesk""#, 1);
    let errors = Policy::from_json(&text).unwrap().compile().unwrap_err();
    let [error] = errors.0.as_slice() else {
        panic!("one error expected, got {errors:?}");
    };
    assert_eq!(
        (error.code, error.path.as_str()),
        ("unknown-team", "escalation_matrix[3].first")
    );
    assert_eq!(
        error.message,
        r#"unknown team "helpdesk" (known: boss, desk, money, tech)"#
    );
}
