//! The escalation matrix names who receives first: after triggers and routing rules, before the default route.

use escalator::engine::policy::{CompiledPolicy, Policy};
use escalator::engine::route::{route, route_team, Decision, DecisionKind};
use escalator::engine::ticket::Ticket;
use escalator::engine::time::Instant;
use escalator::engine::trace::{Outcome, Stage};

/// Three tiers; teams work around the clock so ladder instants are plain offsets.
const POLICY: &str = r#"{
  "schema_version": 1,
  "name": "Matrix first",
  "tiers": [
    { "id": "l1", "name": "First line", "level": 1 },
    { "id": "l2", "name": "Specialists", "level": 2 },
    { "id": "mgmt", "name": "Management", "level": 3 }
  ],
  "categories": [
    { "id": "billing", "name": "Billing" },
    { "id": "outage", "name": "Outage" },
    { "id": "how_to", "name": "How-to" }
  ],
  "teams": [
    { "id": "desk", "name": "Help desk", "tier": "l1", "handles": ["billing", "how_to"], "agents": 4, "parent": "boss" },
    { "id": "tech", "name": "Technical", "tier": "l2", "handles": ["outage"], "agents": 2, "parent": "boss" },
    { "id": "money", "name": "Finance", "tier": "l2", "handles": ["billing"], "agents": 2, "parent": "boss" },
    { "id": "boss", "name": "Supervisors", "tier": "mgmt", "handles": ["billing", "outage", "how_to"], "agents": 1 }
  ],
  "triggers": [
    { "id": "angry", "when": "signals.abusive", "to": "boss", "kind": "hierarchical" }
  ],
  "routing": {
    "rules": [
      { "id": "vip", "when": "segment == \"enterprise\"", "to": "money", "kind": "functional" }
    ],
    "default": "desk"
  },
  "escalation_matrix": [
    { "category": "outage", "priority": "critical", "first": "tech", "levels": [
      { "to": "tech", "after": "15m", "time": "calendar", "kind": "functional" },
      { "to": "boss", "after": "1h", "time": "calendar", "kind": "hierarchical" }
    ] },
    { "category": "outage", "priority": "*", "levels": [
      { "to": "tech", "after": "2h", "kind": "functional" },
      { "to": "boss", "after": "4h", "kind": "hierarchical" }
    ] },
    { "category": "*", "priority": "critical", "first": "tech", "levels": [
      { "to": "boss", "after": "30m", "kind": "hierarchical" }
    ] },
    { "category": "billing", "priority": "*", "first": "desk", "levels": [
      { "to": "money", "after": "4h", "kind": "functional" }
    ] }
  ]
}"#;

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

#[test]
fn a_matching_row_with_first_decides_after_triggers_and_rules() {
    let policy = compiled(POLICY);
    let critical_outage = decide(
        &policy,
        r#"{"category":"outage","priority":"critical","channel":"phone"}"#,
    );
    assert_eq!(
        summary(&critical_outage),
        (
            "tech",
            DecisionKind::Functional,
            Stage::Matrix,
            "outage×critical"
        )
    );
    assert_eq!(
        critical_outage.decided_by.condition,
        r#"category == "outage" and priority == critical"#
    );
    let billing = decide(
        &policy,
        r#"{"category":"billing","priority":"medium","channel":"email"}"#,
    );
    assert_eq!(
        summary(&billing),
        ("desk", DecisionKind::None, Stage::Matrix, "billing×*"),
        "a first-line receiver is no escalation"
    );
}

#[test]
fn wildcards_match_and_the_first_matching_row_with_first_wins() {
    let policy = compiled(POLICY);
    let critical_billing = decide(
        &policy,
        r#"{"category":"billing","priority":"critical","channel":"email"}"#,
    );
    assert_eq!(
        summary(&critical_billing),
        (
            "tech",
            DecisionKind::Functional,
            Stage::Matrix,
            "*×critical"
        ),
        "*×critical comes before billing×*"
    );
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
fn no_row_with_first_falls_to_the_default_route() {
    let policy = compiled(POLICY);
    let medium_outage = decide(
        &policy,
        r#"{"category":"outage","priority":"medium","channel":"web"}"#,
    );
    assert_eq!(
        summary(&medium_outage),
        ("desk", DecisionKind::None, Stage::Default, "default")
    );
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
    let ladder: Vec<(usize, &str, i64)> = medium_outage
        .ladder
        .iter()
        .map(|level| (level.level, level.team.as_str(), level.at.seconds_since(AT)))
        .collect();
    assert_eq!(
        ladder,
        [(1, "tech", 2 * 3600), (2, "boss", 4 * 3600)],
        "the ladder still comes from the first matching row, with or without first"
    );
    let how_to = decide(
        &policy,
        r#"{"category":"how_to","priority":"low","channel":"web"}"#,
    );
    assert_eq!(summary(&how_to).3, "default");
}

#[test]
fn the_ladder_starts_after_the_first_receivers_position() {
    let policy = compiled(POLICY);
    let decision = decide(
        &policy,
        r#"{"category":"outage","priority":"critical","channel":"phone"}"#,
    );
    let ladder: Vec<(usize, &str, i64)> = decision
        .ladder
        .iter()
        .map(|level| (level.level, level.team.as_str(), level.at.seconds_since(AT)))
        .collect();
    assert_eq!(ladder, [(2, "boss", 3600)]);
}

#[test]
fn a_rule_beats_the_matrix_and_a_trigger_beats_both() {
    let policy = compiled(POLICY);
    let enterprise = decide(
        &policy,
        r#"{"category":"outage","priority":"critical","channel":"phone","segment":"enterprise"}"#,
    );
    assert_eq!(
        summary(&enterprise),
        ("money", DecisionKind::Functional, Stage::Rule, "vip")
    );
    assert!(enterprise
        .trace
        .steps
        .iter()
        .filter(|step| step.stage == Stage::Matrix)
        .all(|step| step.outcome == Outcome::NotEvaluated));
    let abusive = decide(
        &policy,
        r#"{"category":"outage","priority":"critical","channel":"phone","segment":"enterprise","signals":{"abusive":true}}"#,
    );
    assert_eq!(
        summary(&abusive),
        ("boss", DecisionKind::Hierarchical, Stage::Trigger, "angry")
    );
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
    let decision = decide(
        &policy,
        r#"{"category":"how_to","priority":"low","channel":"web"}"#,
    );
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
    let decision = decide(
        &policy,
        r#"{"category":"how_to","priority":"low","channel":"web"}"#,
    );
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
    let found: Vec<(&str, &str, &str)> = errors
        .0
        .iter()
        .map(|e| (e.code, e.path.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "unknown-team",
            "escalation_matrix[3].first",
            r#"unknown team "helpdesk" (known: boss, desk, money, tech)"#
        )]
    );
}
