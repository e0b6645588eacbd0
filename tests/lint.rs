//! Lint: one test per diagnostic, each on the small fixture policy with a single mistake added.

mod common;

use common::{replaced, BASE};
use escalator::engine::lint::{lint, Diagnostic, Severity};
use escalator::engine::policy::Policy;

fn lint_text(text: &str) -> Vec<Diagnostic> {
    lint(&Policy::from_json(text).expect("the fixture parses"))
}

/// Lints BASE with one replacement and returns the diagnostics.
fn lint_with(from: &str, to: &str) -> Vec<Diagnostic> {
    lint_text(&replaced(from, to))
}

/// Asserts a diagnostic with this severity, code and path exists and its message contains `words`.
fn expect(diagnostics: &[Diagnostic], severity: Severity, code: &str, path: &str, words: &str) {
    let found = diagnostics
        .iter()
        .find(|d| d.code == code && d.path == path)
        .unwrap_or_else(|| panic!("no {code} at {path} in {diagnostics:#?}"));
    assert_eq!(found.severity, severity, "{found}");
    assert!(
        found.message.contains(words),
        "{code}: {:?} should contain {words:?}",
        found.message
    );
}

#[test]
fn the_fixture_lints_clean() {
    assert_eq!(lint_text(BASE), Vec::<Diagnostic>::new());
}

#[test]
fn the_default_preset_lints_clean() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/presets/default.json"
    ))
    .expect("preset present");
    assert_eq!(lint_text(&text), Vec::<Diagnostic>::new());
}

#[test]
fn unknown_team() {
    let d = lint_with(r#""default": "desk""#, r#""default": "helpdesk""#);
    expect(
        &d,
        Severity::Error,
        "unknown-team",
        "routing.default",
        r#"unknown team "helpdesk" (known: boss, desk)"#,
    );
}

#[test]
fn unknown_tier() {
    let d = lint_with(r#""tier": "mgmt""#, r#""tier": "management""#);
    expect(
        &d,
        Severity::Error,
        "unknown-tier",
        "teams[1].tier",
        r#"unknown tier "management" (known: l1, mgmt)"#,
    );
}

#[test]
fn unknown_calendar() {
    let d = lint_with(
        r#""calendar": "office", "parent""#,
        r#""calendar": "ofice", "parent""#,
    );
    expect(
        &d,
        Severity::Error,
        "unknown-calendar",
        "teams[0].calendar",
        r#"unknown calendar "ofice""#,
    );
}

#[test]
fn unknown_category() {
    let d = lint_with(r#""handles": ["billing"]"#, r#""handles": ["biling"]"#);
    expect(
        &d,
        Severity::Error,
        "unknown-category",
        "teams[0].handles[0]",
        r#"unknown category "biling""#,
    );
    expect(
        &d,
        Severity::Warning,
        "category-unhandled",
        "categories[0]",
        r#"no team handles category "billing""#,
    );
}

#[test]
fn duplicate_ids() {
    let d = lint_with(
        r#"{ "id": "boss", "name": "Supervisors""#,
        r#"{ "id": "desk", "name": "Supervisors""#,
    );
    expect(
        &d,
        Severity::Error,
        "duplicate-id",
        "teams[1].id",
        r#"duplicate id "desk", first used at teams[0]"#,
    );
}

#[test]
fn invalid_calendar_points_inside_the_calendar() {
    let d = lint_with(
        r#""time_zone": "Europe/London""#,
        r#""time_zone": "Europe/Londn""#,
    );
    expect(
        &d,
        Severity::Error,
        "invalid-calendar",
        "calendars[0].time_zone",
        "unknown time zone",
    );
}

#[test]
fn invalid_matrix_priority() {
    let d = lint_with(r#""priority": "*""#, r#""priority": "urgent""#);
    expect(
        &d,
        Severity::Error,
        "invalid-priority",
        "escalation_matrix[0].priority",
        r#"invalid priority "urgent""#,
    );
}

#[test]
fn calendar_never_open() {
    let d = lint_with(
        r#""hours": [{ "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" }]"#,
        r#""hours": []"#,
    );
    expect(
        &d,
        Severity::Error,
        "calendar-never-open",
        "calendars[0]",
        r#"calendar "office" is never open"#,
    );
}

#[test]
fn team_without_agents() {
    let d = lint_with(r#""agents": 4"#, r#""agents": 0"#);
    expect(
        &d,
        Severity::Warning,
        "team-without-agents",
        "teams[0].agents",
        r#"team "desk" has no agents"#,
    );
}

#[test]
fn parent_cycle() {
    let d = lint_with(
        r#""agents": 1, "hourly_cost""#,
        r#""agents": 1, "parent": "desk", "hourly_cost""#,
    );
    expect(
        &d,
        Severity::Error,
        "parent-cycle",
        "teams[1].parent",
        "desk → boss → desk",
    );
    assert_eq!(
        d.iter().filter(|d| d.code == "parent-cycle").count(),
        1,
        "one cycle, reported once"
    );
}

#[test]
fn parent_not_higher() {
    let d = lint_with(r#""level": 2"#, r#""level": 1"#);
    expect(
        &d,
        Severity::Warning,
        "parent-not-higher",
        "teams[0].parent",
        r#"parent "boss" is not on a higher tier"#,
    );
    expect(
        &d,
        Severity::Warning,
        "duplicate-tier-level",
        "tiers[1].level",
        "shares level 1",
    );
}

#[test]
fn unreachable_team() {
    let text = replaced(
        r#""parent": "boss" }"#,
        r#""parent": "boss" },
    { "id": "night", "name": "Night desk", "tier": "l1", "agents": 2 }"#,
    );
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Warning,
        "unreachable-team",
        "teams[1]",
        r#"team "night""#,
    );
}

#[test]
fn ladder_not_increasing_and_ping_pong() {
    let d = lint_with(
        r#""levels": [{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }]"#,
        r#""levels": [{ "to": "boss", "after": "4h", "kind": "hierarchical" }, { "to": "desk", "after": "2h", "kind": "functional" }, { "to": "boss", "after": "8h", "kind": "hierarchical" }]"#,
    );
    expect(
        &d,
        Severity::Error,
        "ladder-not-increasing",
        "escalation_matrix[0].levels[1].after",
        "threshold 2h",
    );
    expect(
        &d,
        Severity::Warning,
        "ladder-ping-pong",
        "escalation_matrix[0].levels[2].to",
        "boss → desk",
    );
}

#[test]
fn ladder_repeating_a_team_and_empty_ladder() {
    let d = lint_with(
        r#""levels": [{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }]"#,
        r#""levels": [{ "to": "boss", "after": "4h", "kind": "hierarchical" }, { "to": "boss", "after": "8h", "kind": "hierarchical" }]"#,
    );
    expect(
        &d,
        Severity::Warning,
        "ladder-repeats-team",
        "escalation_matrix[0].levels[1].to",
        "returns to team",
    );
    let d = lint_with(
        r#""levels": [{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }]"#,
        r#""levels": []"#,
    );
    expect(
        &d,
        Severity::Warning,
        "empty-ladder",
        "escalation_matrix[0].levels",
        "never escalate",
    );
}

#[test]
fn hierarchical_level_that_does_not_go_up() {
    let d = lint_with(
        r#""levels": [{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }]"#,
        r#""levels": [{ "to": "boss", "after": "4h", "kind": "hierarchical" }, { "to": "desk", "after": "8h", "kind": "hierarchical" }]"#,
    );
    expect(
        &d,
        Severity::Warning,
        "hierarchical-not-upward",
        "escalation_matrix[0].levels[1].kind",
        "does not go to a higher tier",
    );
    let d = lint_with(
        r#""to": "boss", "kind": "hierarchical", "reason""#,
        r#""to": "desk", "kind": "hierarchical", "reason""#,
    );
    expect(
        &d,
        Severity::Warning,
        "hierarchical-not-upward",
        "triggers[0].kind",
        "lowest tier",
    );
}

#[test]
fn functional_level_to_a_team_without_the_skill() {
    let text = replaced(
        r#""escalation_matrix": ["#,
        r#""escalation_matrix": [
    { "category": "billing", "priority": "high", "levels": [{ "to": "boss", "after": "1h", "kind": "functional" }] },"#,
    );
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Warning,
        "target-lacks-skill",
        "escalation_matrix[0].levels[0].to",
        r#""boss", which does not handle that category"#,
    );
}

#[test]
fn matrix_row_shadowed_by_a_broader_row() {
    let text = replaced(
        r#"[{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }] }"#,
        r#"[{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }] },
    { "category": "billing", "priority": "low", "levels": [{ "to": "boss", "after": "1h", "kind": "hierarchical" }] }"#,
    );
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Warning,
        "matrix-row-shadowed",
        "escalation_matrix[1]",
        "escalation_matrix[0] (* × *) matches first",
    );
}

#[test]
fn shadowed_rule_exact_duplicate() {
    let text = replaced(
        r#""kind": "none" }]"#,
        r#""kind": "none" }, { "id": "bills_again", "when": "category == \"billing\"", "to": "boss" }]"#,
    );
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Warning,
        "shadowed-rule",
        "routing.rules[1].when",
        r#"rule "bills_again" can never match: routing.rules[0] ("bills")"#,
    );
}

#[test]
fn resolution_shorter_than_first_response() {
    let d = lint_with(
        r#""first_response": "4h", "resolution": "16h""#,
        r#""first_response": "4h", "resolution": "3h""#,
    );
    expect(
        &d,
        Severity::Warning,
        "resolution-before-first-response",
        "sla_policies[0].targets.medium.resolution",
        "resolution target 3h is shorter than the first-response target 4h",
    );
    expect(
        &d,
        Severity::Warning,
        "targets-out-of-order",
        "sla_policies[0].targets.medium.resolution",
        "medium tickets must be resolved sooner than high tickets",
    );
}

#[test]
fn zero_target() {
    let d = lint_with(r#""first_response": "30m""#, r#""first_response": "0m""#);
    expect(
        &d,
        Severity::Warning,
        "zero-target",
        "sla_policies[0].targets.critical.first_response",
        "breached the moment",
    );
}

#[test]
fn warning_percentages() {
    let d = lint_with(r#""warnings": [50, 75]"#, r#""warnings": [75, 50, 100]"#);
    expect(
        &d,
        Severity::Warning,
        "warnings-not-increasing",
        "sla_policies[0].warnings[1]",
        "50% follows 75%",
    );
    expect(
        &d,
        Severity::Error,
        "warning-out-of-range",
        "sla_policies[0].warnings[2]",
        "a warning at 100%",
    );
    assert_eq!(d[0].severity, Severity::Error, "errors come first");
}

#[test]
fn sla_fallback() {
    let d = lint_with(
        r#""id": "standard","#,
        r#""id": "standard", "when": "category == \"billing\"","#,
    );
    expect(
        &d,
        Severity::Warning,
        "no-sla-fallback",
        "sla_policies",
        "no SLA policy without `when`",
    );
    let text = replaced(
        r#""sla_policies": ["#,
        r#""sla_policies": [
    { "id": "catch_all", "targets": { "critical": { "first_response": "1h", "resolution": "2h" }, "high": { "first_response": "1h", "resolution": "2h" }, "medium": { "first_response": "1h", "resolution": "2h" }, "low": { "first_response": "1h", "resolution": "2h" } } },"#,
    );
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Warning,
        "sla-after-fallback",
        "sla_policies[1]",
        r#"SLA policy "standard" is never used"#,
    );
}

#[test]
fn breach_ladder_checks() {
    let d = lint_with(
        r#""breach_ladder": [{ "target": "first_response", "after_breach": "0m", "to": "boss", "action": "notify" }]"#,
        r#""breach_ladder": [{ "target": "resolution", "after_breach": "2h", "to": "boss" }, { "target": "resolution", "after_breach": "1h", "to": "boss", "repeat_every": "0m" }]"#,
    );
    expect(
        &d,
        Severity::Warning,
        "breach-ladder-not-increasing",
        "sla_policies[0].breach_ladder[1].after_breach",
        "later and later",
    );
    expect(
        &d,
        Severity::Error,
        "zero-repeat",
        "sla_policies[0].breach_ladder[1].repeat_every",
        "longer than zero",
    );
}

#[test]
fn negative_hourly_cost() {
    let d = lint_with(r#""hourly_cost": 50"#, r#""hourly_cost": -5"#);
    expect(
        &d,
        Severity::Error,
        "invalid-hourly-cost",
        "teams[1].hourly_cost",
        "zero or more",
    );
}

#[test]
fn compile_reports_every_reference_error_at_once() {
    let text = replaced(r#""default": "desk""#, r#""default": "nobody""#).replacen(
        r#""to": "boss", "action""#,
        r#""to": "bos", "action""#,
        1,
    );
    let errors = Policy::from_json(&text).unwrap().compile().unwrap_err();
    let paths: Vec<&str> = errors.0.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        ["routing.default", "sla_policies[0].breach_ladder[0].to"]
    );
}

#[test]
fn shadowed_rule_by_a_broader_earlier_rule() {
    let rules = r#""rules": [
      { "id": "money", "when": "category in [\"billing\", \"refund\"]", "to": "desk" },
      { "id": "big_bills", "when": "category == \"billing\" and amount > 100", "to": "boss" },
      { "id": "any_signal", "when": "signals.abusive or signals.demands_manager", "to": "boss" },
      { "id": "abusive_refund", "when": "category == \"refund\" and signals.abusive", "to": "boss" },
      { "id": "narrower_first", "when": "category == \"refund\" and channel == \"email\"", "to": "boss" },
      { "id": "broader_later", "when": "channel == \"email\"", "to": "desk" }
    ],"#;
    let text = replaced(
        r#""rules": [{ "id": "bills", "when": "category == \"billing\"", "to": "desk", "kind": "none" }],"#,
        rules,
    );
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Warning,
        "shadowed-rule",
        "routing.rules[1].when",
        r#"rule "big_bills" can never match: routing.rules[0] ("money")"#,
    );
    expect(
        &d,
        Severity::Warning,
        "shadowed-rule",
        "routing.rules[3].when",
        r#"routing.rules[0] ("money")"#,
    );
    let shadowed: Vec<&str> = d
        .iter()
        .filter(|d| d.code == "shadowed-rule")
        .map(|d| d.path.as_str())
        .collect();
    assert_eq!(
        shadowed,
        [
            "routing.rules[1].when",
            "routing.rules[3].when",
            "routing.rules[4].when"
        ]
    );
}

#[test]
fn an_always_true_rule_shadows_the_rest_and_the_default() {
    let text = replaced(
        r#""rules": [{ "id": "bills", "when": "category == \"billing\"", "to": "desk", "kind": "none" }],"#,
        r#""rules": [
      { "id": "everything", "when": "category exists", "to": "desk" },
      { "id": "bills", "when": "category == \"billing\"", "to": "boss" }
    ],"#,
    );
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Warning,
        "shadowed-rule",
        "routing.rules[1].when",
        r#"routing.rules[0] ("everything")"#,
    );
    expect(
        &d,
        Severity::Info,
        "default-unreachable",
        "routing.default",
        "routing.rules[0] (everything) always matches",
    );
}

#[test]
fn shadowed_trigger() {
    let text = replaced(
        r#""reason": "abuse" }"#,
        r#""reason": "abuse" },
    { "id": "abusive_phone", "when": "signals.abusive and channel == \"phone\"", "to": "boss" }"#,
    );
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Warning,
        "shadowed-rule",
        "triggers[1].when",
        r#"trigger "abusive_phone" can never match: triggers[0] ("angry")"#,
    );
}

#[test]
fn invalid_condition_and_negative_duration() {
    let d = lint_with(
        r#""when": "signals.abusive""#,
        r#""when": "attributes.plan == \"pro\" and customer.tier == \"gold\"""#,
    );
    expect(
        &d,
        Severity::Error,
        "invalid-condition",
        "triggers[0].when",
        r#"unknown field "customer.tier""#,
    );
    let d = lint_with(r#""after": "4h""#, r#""after": "-4h""#);
    expect(
        &d,
        Severity::Error,
        "negative-duration",
        "escalation_matrix[0].levels[0].after",
        "cannot be negative",
    );
}

#[test]
fn condition_compares_with_an_unknown_category() {
    let d = lint_with(
        r#""when": "category == \"billing\"""#,
        r#""when": "category in [\"billing\", \"biling\"]""#,
    );
    expect(
        &d,
        Severity::Warning,
        "unknown-category-value",
        "routing.rules[0].when",
        r#"compares category with "biling", which is not a category (known: billing)"#,
    );
}

#[test]
fn rule_sends_a_category_to_a_team_without_the_skill() {
    let text = replaced(r#"{ "id": "mgmt", "name": "Management", "level": 2 }"#, r#"{ "id": "mgmt", "name": "Management", "level": 2 },
    { "id": "l2", "name": "Specialists", "level": 3 }"#)
    .replacen(r#""agents": 1, "hourly_cost": 50 }"#, r#""agents": 1, "hourly_cost": 50 },
    { "id": "tech", "name": "Technical", "tier": "l2", "handles": ["technical"], "agents": 2 }"#, 1)
    .replacen(r#"{ "id": "billing", "name": "Billing" }"#, r#"{ "id": "billing", "name": "Billing" }, { "id": "technical", "name": "Technical" }"#, 1)
    .replacen(r#""to": "desk", "kind": "none" }]"#, r#""to": "desk", "kind": "none" }, { "id": "bills_to_tech", "when": "amount > 10 and category == \"billing\"", "to": "tech", "kind": "functional" }]"#, 1);
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Warning,
        "target-lacks-skill",
        "routing.rules[1].to",
        r#"bills_to_tech sends billing tickets to "tech", which does not handle it"#,
    );
}

#[test]
fn priority_matrix_that_lowers_priority_as_impact_rises() {
    let d = lint_with(
        r#""medium": { "high": "high", "medium": "medium", "low": "low" }"#,
        r#""medium": { "high": "high", "medium": "critical", "low": "low" }"#,
    );
    expect(&d, Severity::Warning, "priority-matrix-not-monotonic", "priority_matrix.medium.medium", "impact medium × urgency medium gives critical, more than impact high × urgency medium (high)");
    let d = lint_with(
        r#""low": { "high": "medium", "medium": "low", "low": "low" }"#,
        r#""low": { "high": "low", "medium": "medium", "low": "low" }"#,
    );
    expect(
        &d,
        Severity::Warning,
        "priority-matrix-not-monotonic",
        "priority_matrix.low.medium",
        "more than impact low × urgency high (low)",
    );
}

/// BASE with a `billing × *` row naming `first`, placed before the catch-all row.
fn with_first_row(first: &str) -> String {
    replaced(
        r#""escalation_matrix": ["#,
        &format!(
            r#""escalation_matrix": [
    {{ "category": "billing", "priority": "*", "first": "{first}", "levels": [{{ "to": "boss", "after": "2h", "kind": "hierarchical" }}] }},"#
        ),
    )
}

#[test]
fn matrix_first_unknown_team() {
    let d = lint_text(&with_first_row("nobody"));
    expect(
        &d,
        Severity::Error,
        "unknown-team",
        "escalation_matrix[0].first",
        r#"unknown team "nobody" (known: boss, desk)"#,
    );
}

#[test]
fn matrix_first_without_the_skill() {
    let text = with_first_row("boss")
        .replacen(
            r#""categories": [{ "id": "billing", "name": "Billing" }]"#,
            r#""categories": [{ "id": "billing", "name": "Billing" }, { "id": "how_to", "name": "How-to" }]"#,
            1,
        )
        .replacen(r#""tier": "mgmt","#, r#""tier": "mgmt", "handles": ["how_to"],"#, 1);
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Warning,
        "target-lacks-skill",
        "escalation_matrix[0].first",
        r#""billing" tickets go first to "boss", which does not handle that category"#,
    );
}

#[test]
fn matrix_first_that_a_rule_always_beats() {
    let d = lint_text(&with_first_row("desk"));
    expect(
        &d,
        Severity::Warning,
        "matrix-first-shadowed",
        "escalation_matrix[0].first",
        r#""desk" never receives billing × * tickets first: routing.rules[0] ("bills") matches every one of them earlier"#,
    );
    let text = with_first_row("desk").replacen(
        r#""when": "category == \"billing\"""#,
        r#""when": "category == \"billing\" and amount > 100""#,
        1,
    );
    assert_eq!(
        lint_text(&text),
        Vec::<Diagnostic>::new(),
        "a narrower rule leaves room for the row"
    );
}

#[test]
fn a_catch_all_matrix_row_with_first_makes_the_default_unreachable() {
    let text = replaced(
        r#"{ "category": "*", "priority": "*", "levels""#,
        r#"{ "category": "*", "priority": "*", "first": "desk", "levels""#,
    );
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Info,
        "default-unreachable",
        "routing.default",
        "escalation_matrix[0] (* × * with a first receiver) always matches",
    );
}

#[test]
fn a_team_reached_only_as_a_first_receiver_is_reachable() {
    let night = r#""parent": "boss" },
    { "id": "night", "name": "Night desk", "tier": "l1", "handles": ["billing"], "agents": 2 }"#;
    let text = replaced(r#""parent": "boss" }"#, night);
    assert!(lint_text(&text)
        .iter()
        .any(|d| d.code == "unreachable-team"));
    let text = text.replacen(
        r#""escalation_matrix": ["#,
        r#""escalation_matrix": [
    { "category": "billing", "priority": "low", "first": "night", "levels": [{ "to": "boss", "after": "2h", "kind": "hierarchical" }] },"#,
        1,
    );
    let d = lint_text(&text);
    assert!(!d.iter().any(|d| d.code == "unreachable-team"), "{d:#?}");
}

#[test]
fn a_row_behind_a_broader_row_without_first_still_gives_its_first() {
    let text = replaced(
        r#"[{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }] }"#,
        r#"[{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }] },
    { "category": "billing", "priority": "low", "first": "boss", "levels": [{ "to": "boss", "after": "1h", "kind": "hierarchical" }] }"#,
    );
    let d = lint_text(&text);
    expect(
        &d,
        Severity::Warning,
        "matrix-row-shadowed",
        "escalation_matrix[1]",
        "the ladder of row billing × low is never used (only its first receiver is): escalation_matrix[0] (* × *) matches first",
    );
}

#[test]
fn legacy_and_inverted_zone_names() {
    let d = lint_with(r#""time_zone": "Europe/London""#, r#""time_zone": "EST""#);
    expect(
        &d,
        Severity::Warning,
        "ambiguous-time-zone",
        "calendars[0].time_zone",
        "no daylight saving; for New York write America/New_York",
    );
    let d = lint_with(r#""time_zone": "Europe/London""#, r#""time_zone": "CET""#);
    expect(
        &d,
        Severity::Warning,
        "ambiguous-time-zone",
        "calendars[0].time_zone",
        "Europe/Berlin",
    );
    let d = lint_with(
        r#""time_zone": "Europe/London""#,
        r#""time_zone": "Etc/GMT+1""#,
    );
    expect(
        &d,
        Severity::Warning,
        "ambiguous-time-zone",
        "calendars[0].time_zone",
        r#"means UTC-01:00: POSIX names invert the sign; write "-01:00""#,
    );
    assert!(lint_text(BASE)
        .iter()
        .all(|diagnostic| diagnostic.code != "ambiguous-time-zone"));
}
