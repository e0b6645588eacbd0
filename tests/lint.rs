//! Lint: each diagnostic on the small fixture policy with a single mistake added (a table row, or a test
//! where the mistake needs more than one replacement).

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

/// Checks that a diagnostic with this severity, code and path exists and its message contains `words`.
fn check(
    diagnostics: &[Diagnostic],
    severity: Severity,
    code: &str,
    path: &str,
    words: &str,
) -> Result<(), String> {
    let found = diagnostics
        .iter()
        .find(|d| d.code == code && d.path == path)
        .ok_or_else(|| format!("no {code} at {path} in {diagnostics:#?}"))?;
    if found.severity != severity {
        return Err(format!("{found}: expected {severity:?}"));
    }
    if !found.message.contains(words) {
        return Err(format!(
            "{code}: {:?} should contain {words:?}",
            found.message
        ));
    }
    Ok(())
}

/// Asserts what [`check`] checks.
fn expect(diagnostics: &[Diagnostic], severity: Severity, code: &str, path: &str, words: &str) {
    if let Err(problem) = check(diagnostics, severity, code, path, words) {
        panic!("{problem}");
    }
}

/// What lint must report: severity, code, path, and words of the message.
type Finding = (Severity, &'static str, &'static str, &'static str);

/// One mistake added to the fixture: what it shows, the text found and its replacement, and the findings.
type Mistake = (&'static str, &'static str, &'static str, &'static [Finding]);

/// The findings of each diagnostic, on the fixture with a single text replaced.
#[rustfmt::skip]
const MISTAKES: &[Mistake] = &[
    ("unknown team",
     r#""default": "desk""#,
     r#""default": "helpdesk""#,
     &[
         (Severity::Error, "unknown-team", "routing.default", r#"unknown team "helpdesk" (known: boss, desk)"#),
     ]),
    ("unknown tier",
     r#""tier": "mgmt""#,
     r#""tier": "management""#,
     &[
         (Severity::Error, "unknown-tier", "teams[1].tier", r#"unknown tier "management" (known: l1, mgmt)"#),
     ]),
    ("unknown calendar",
     r#""calendar": "office", "parent""#,
     r#""calendar": "ofice", "parent""#,
     &[
         (Severity::Error, "unknown-calendar", "teams[0].calendar", r#"unknown calendar "ofice""#),
     ]),
    ("unknown category",
     r#""handles": ["billing"]"#,
     r#""handles": ["biling"]"#,
     &[
         (Severity::Error, "unknown-category", "teams[0].handles[0]", r#"unknown category "biling""#),
         (Severity::Warning, "category-unhandled", "categories[0]", r#"no team handles category "billing""#),
     ]),
    ("duplicate ids",
     r#"{ "id": "boss", "name": "Supervisors""#,
     r#"{ "id": "desk", "name": "Supervisors""#,
     &[
         (Severity::Error, "duplicate-id", "teams[1].id", r#"duplicate id "desk", first used at teams[0]"#),
     ]),
    ("invalid calendar points inside the calendar",
     r#""time_zone": "Europe/London""#,
     r#""time_zone": "Europe/Londn""#,
     &[
         (Severity::Error, "invalid-calendar", "calendars[0].time_zone", "unknown time zone"),
     ]),
    ("invalid matrix priority",
     r#""priority": "*""#,
     r#""priority": "urgent""#,
     &[
         (Severity::Error, "invalid-priority", "escalation_matrix[0].priority", r#"invalid priority "urgent""#),
     ]),
    ("calendar never open",
     r#""hours": [{ "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" }]"#,
     r#""hours": []"#,
     &[
         (Severity::Error, "calendar-never-open", "calendars[0]", r#"calendar "office" is never open"#),
     ]),
    ("team without agents",
     r#""agents": 4"#,
     r#""agents": 0"#,
     &[
         (Severity::Warning, "team-without-agents", "teams[0].agents", r#"team "desk" has no agents"#),
     ]),
    ("parent not higher",
     r#""level": 2"#,
     r#""level": 1"#,
     &[
         (Severity::Warning, "parent-not-higher", "teams[0].parent", r#"parent "boss" is not on a higher tier"#),
         (Severity::Warning, "duplicate-tier-level", "tiers[1].level", "shares level 1"),
     ]),
    ("unreachable team",
     r#""parent": "boss" }"#,
     r#""parent": "boss" },
    { "id": "night", "name": "Night desk", "tier": "l1", "agents": 2 }"#,
     &[
         (Severity::Warning, "unreachable-team", "teams[1]", r#"team "night""#),
     ]),
    ("ladder not increasing and ping pong",
     r#""levels": [{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }]"#,
     r#""levels": [{ "to": "boss", "after": "4h", "kind": "hierarchical" }, { "to": "desk", "after": "2h", "kind": "functional" }, { "to": "boss", "after": "8h", "kind": "hierarchical" }]"#,
     &[
         (Severity::Error, "ladder-not-increasing", "escalation_matrix[0].levels[1].after", "threshold 2h"),
         (Severity::Warning, "ladder-ping-pong", "escalation_matrix[0].levels[2].to", "boss → desk"),
     ]),
    ("ladder repeating a team and empty ladder",
     r#""levels": [{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }]"#,
     r#""levels": [{ "to": "boss", "after": "4h", "kind": "hierarchical" }, { "to": "boss", "after": "8h", "kind": "hierarchical" }]"#,
     &[
         (Severity::Warning, "ladder-repeats-team", "escalation_matrix[0].levels[1].to", "returns to team"),
     ]),
    ("ladder repeating a team and empty ladder",
     r#""levels": [{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }]"#,
     r#""levels": []"#,
     &[
         (Severity::Warning, "empty-ladder", "escalation_matrix[0].levels", "never escalate"),
     ]),
    ("hierarchical level that does not go up",
     r#""levels": [{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }]"#,
     r#""levels": [{ "to": "boss", "after": "4h", "kind": "hierarchical" }, { "to": "desk", "after": "8h", "kind": "hierarchical" }]"#,
     &[
         (Severity::Warning, "hierarchical-not-upward", "escalation_matrix[0].levels[1].kind", "does not go to a higher tier"),
     ]),
    ("hierarchical level that does not go up",
     r#""to": "boss", "kind": "hierarchical", "reason""#,
     r#""to": "desk", "kind": "hierarchical", "reason""#,
     &[
         (Severity::Warning, "hierarchical-not-upward", "triggers[0].kind", "lowest tier"),
     ]),
    ("functional level to a team without the skill",
     r#""escalation_matrix": ["#,
     r#""escalation_matrix": [
    { "category": "billing", "priority": "high", "levels": [{ "to": "boss", "after": "1h", "kind": "functional" }] },"#,
     &[
         (Severity::Warning, "target-lacks-skill", "escalation_matrix[0].levels[0].to", r#""boss", which does not handle that category"#),
     ]),
    ("matrix row shadowed by a broader row",
     r#"[{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }] }"#,
     r#"[{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }] },
    { "category": "billing", "priority": "low", "levels": [{ "to": "boss", "after": "1h", "kind": "hierarchical" }] }"#,
     &[
         (Severity::Warning, "matrix-row-shadowed", "escalation_matrix[1]", "escalation_matrix[0] (* × *) matches first"),
     ]),
    ("shadowed rule exact duplicate",
     r#""kind": "none" }]"#,
     r#""kind": "none" }, { "id": "bills_again", "when": "category == \"billing\"", "to": "boss" }]"#,
     &[
         (Severity::Warning, "shadowed-rule", "routing.rules[1].when", r#"rule "bills_again" can never match: routing.rules[0] ("bills")"#),
     ]),
    ("resolution shorter than first response",
     r#""first_response": "4h", "resolution": "16h""#,
     r#""first_response": "4h", "resolution": "3h""#,
     &[
         (Severity::Warning, "resolution-before-first-response", "sla_policies[0].targets.medium.resolution", "resolution target 3h is shorter than the first-response target 4h"),
         (Severity::Warning, "targets-out-of-order", "sla_policies[0].targets.medium.resolution", "medium tickets must be resolved sooner than high tickets"),
     ]),
    ("first assign longer than first response",
     r#""first_response": "4h", "resolution": "16h""#,
     r#""first_response": "4h", "resolution": "16h", "first_assign": "5h""#,
     &[
         (Severity::Warning, "first-assign-after-first-response", "sla_policies[0].targets.medium.first_assign", "first-assign target 5h is longer than the first-response target 4h"),
     ]),
    ("zero target",
     r#""first_response": "30m""#,
     r#""first_response": "0m""#,
     &[
         (Severity::Warning, "zero-target", "sla_policies[0].targets.critical.first_response", "breached the moment"),
     ]),
    ("sla fallback",
     r#""id": "standard","#,
     r#""id": "standard", "when": "category == \"billing\"","#,
     &[
         (Severity::Warning, "no-sla-fallback", "sla_policies", "no SLA policy without `when`"),
     ]),
    ("sla fallback",
     r#""sla_policies": ["#,
     r#""sla_policies": [
    { "id": "catch_all", "targets": { "critical": { "first_response": "1h", "resolution": "2h" }, "high": { "first_response": "1h", "resolution": "2h" }, "medium": { "first_response": "1h", "resolution": "2h" }, "low": { "first_response": "1h", "resolution": "2h" } } },"#,
     &[
         (Severity::Warning, "sla-after-fallback", "sla_policies[1]", r#"SLA policy "standard" is never used"#),
     ]),
    ("breach ladder checks",
     r#""breach_ladder": [{ "target": "first_response", "after_breach": "0m", "to": "boss", "action": "notify" }]"#,
     r#""breach_ladder": [{ "target": "resolution", "after_breach": "2h", "to": "boss" }, { "target": "resolution", "after_breach": "1h", "to": "boss", "repeat_every": "0m" }]"#,
     &[
         (Severity::Warning, "breach-ladder-not-increasing", "sla_policies[0].breach_ladder[1].after_breach", "later and later"),
         (Severity::Error, "zero-repeat", "sla_policies[0].breach_ladder[1].repeat_every", "longer than zero"),
     ]),
    ("negative hourly cost",
     r#""hourly_cost": 50"#,
     r#""hourly_cost": -5"#,
     &[
         (Severity::Error, "invalid-hourly-cost", "teams[1].hourly_cost", "zero or more"),
     ]),
    ("an always true rule shadows the rest and the default",
     r#""rules": [{ "id": "bills", "when": "category == \"billing\"", "to": "desk", "kind": "none" }],"#,
     r#""rules": [
      { "id": "everything", "when": "category exists", "to": "desk" },
      { "id": "bills", "when": "category == \"billing\"", "to": "boss" }
    ],"#,
     &[
         (Severity::Warning, "shadowed-rule", "routing.rules[1].when", r#"routing.rules[0] ("everything")"#),
         (Severity::Info, "default-unreachable", "routing.default", "routing.rules[0] (everything) always matches"),
     ]),
    ("shadowed trigger",
     r#""reason": "abuse" }"#,
     r#""reason": "abuse" },
    { "id": "abusive_phone", "when": "signals.abusive and channel == \"phone\"", "to": "boss" }"#,
     &[
         (Severity::Warning, "shadowed-rule", "triggers[1].when", r#"trigger "abusive_phone" can never match: triggers[0] ("angry")"#),
     ]),
    ("invalid condition and negative duration",
     r#""when": "signals.abusive""#,
     r#""when": "attributes.plan == \"pro\" and customer.tier == \"gold\"""#,
     &[
         (Severity::Error, "invalid-condition", "triggers[0].when", r#"unknown field "customer.tier""#),
     ]),
    ("invalid condition and negative duration",
     r#""after": "4h""#,
     r#""after": "-4h""#,
     &[
         (Severity::Error, "negative-duration", "escalation_matrix[0].levels[0].after", "cannot be negative"),
     ]),
    ("condition compares with an unknown category",
     r#""when": "category == \"billing\"""#,
     r#""when": "category in [\"billing\", \"biling\"]""#,
     &[
         (Severity::Warning, "unknown-category-value", "routing.rules[0].when", r#"compares category with "biling", which is not a category (known: billing)"#),
     ]),
    ("a catch all matrix row with first makes the default unreachable",
     r#"{ "category": "*", "priority": "*", "levels""#,
     r#"{ "category": "*", "priority": "*", "first": "desk", "levels""#,
     &[
         (Severity::Info, "default-unreachable", "routing.default", "escalation_matrix[0] (* × * with a first receiver) always matches"),
     ]),
    ("a row behind a broader row without first still gives its first",
     r#"[{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }] }"#,
     r#"[{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }] },
    { "category": "billing", "priority": "low", "first": "boss", "levels": [{ "to": "boss", "after": "1h", "kind": "hierarchical" }] }"#,
     &[
         (Severity::Warning, "matrix-row-shadowed", "escalation_matrix[1]", "the ladder of row billing × low is never used (only its first receiver is): escalation_matrix[0] (* × *) matches first"),
     ]),
];

#[test]
fn each_single_mistake_gets_its_findings() {
    for &(case, find, replace, findings) in MISTAKES {
        let diagnostics = lint_with(find, replace);
        for &(severity, code, path, words) in findings {
            if let Err(problem) = check(&diagnostics, severity, code, path, words) {
                panic!("{case}: {problem}");
            }
        }
    }
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
