//! Malformed policy documents: each must fail with the expected message, JSON path and line.

mod common;

use common::{replaced, BASE};
use escalator::engine::policy::{Policy, PolicyError};

/// 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("needle in text");
    text[..at].matches('\n').count() + 1
}

#[test]
fn the_base_policy_is_valid() {
    let policy = Policy::from_json(BASE).expect("valid");
    assert_eq!(policy.teams.len(), 2);
    policy.compile().expect("compiles");
}

/// (replace this, with this, expected path, expected message)
const CASES: &[(&str, &str, &str, &str)] = &[
    (r#""agents": 4"#, r#""agents": "four""#, "teams[0].agents", r#"invalid type: string "four", expected a whole number (0 or more)"#),
    (r#""hourly_cost": 50"#, r#""hourly_cost": "cheap""#, "teams[1].hourly_cost", r#"invalid type: string "cheap", expected a number"#),
    (r#""level": 2"#, r#""level": -2"#, "tiers[1].level", "invalid value: integer `-2`, expected a whole number (0 or more)"),
    (r#""handles": ["billing"]"#, r#""handles": "billing""#, "teams[0].handles", r#"invalid type: string "billing", expected a list `[...]`"#),
    (r#""parent": "boss""#, r#""parent": 7"#, "teams[0].parent", "invalid type: integer `7`, expected text in quotes"),
    (r#""agents": 1,"#, r#""agents": 1, "skills": [],"#, "teams[1].skills", "unknown field `skills`, expected one of `id`, `name`, `tier`, `handles`, `agents`, `calendar`, `parent`, `hourly_cost`"),
    (r#""name": "Small shop","#, r#""name": "Small shop", "colour": "blue","#, "colour", "unknown field `colour`, expected one of `schema_version`, `name`, `description`, `tiers`, `categories`, `teams`, `calendars`, `priority_matrix`, `default_priority`, `triggers`, `routing`, `escalation_matrix`, `sla_policies`, `authorisations`"),
    (r#""kind": "none""#, r#""kind": "sideways""#, "routing.rules[0].kind", "unknown variant `sideways`, expected one of `none`, `functional`, `hierarchical`"),
    (r#""kind": "hierarchical", "reason""#, r#""kind": "automatic", "reason""#, "triggers[0].kind", "unknown variant `automatic`, expected `functional` or `hierarchical`"),
    (r#""high": { "high": "critical""#, r#""high": { "high": "urgent""#, "priority_matrix.high.high", "unknown variant `urgent`, expected one of `critical`, `high`, `medium`, `low`"),
    (r#""low": { "high": "medium", "medium": "low", "low": "low" }"#, r#""low": { "high": "medium", "medium": "low", "lowest": "low" }"#, "priority_matrix.low.lowest", "unknown field `lowest`, expected one of `high`, `medium`, `low`"),
    (r#""time": "business", "kind""#, r#""time": "wall", "kind""#, "escalation_matrix[0].levels[0].time", "unknown variant `wall`, expected `business` or `calendar`"),
    (r#""critical": { "first_response": "30m", "resolution": "4h" }"#, r#""critical": { "resolution": "4h" }"#, "sla_policies[0].targets.critical", "missing field `first_response`"),
    (r#""warnings": [50, 75]"#, r#""warnings": [50, "75"]"#, "sla_policies[0].warnings[1]", r#"invalid type: string "75", expected a whole number (0 or more)"#),
    (r#""target": "first_response""#, r#""target": "first_reply""#, "sla_policies[0].breach_ladder[0].target", "unknown variant `first_reply`, expected one of `first_response`, `next_update`, `resolution`, `first_assign`"),
    (r#""action": "notify""#, r#""action": "page""#, "sla_policies[0].breach_ladder[0].action", "unknown variant `page`, expected `escalate` or `notify`"),
    (r#""pause_when_waiting": true"#, r#""pause_when_waiting": "yes""#, "sla_policies[0].pause_when_waiting", r#"invalid type: string "yes", expected true or false"#),
    (r#""time_zone": "Europe/London""#, r#""time_zone": 1"#, "calendars[0].time_zone", "invalid type: integer `1`, expected text in quotes"),
    (r#""days": ["mon", "tue", "wed", "thu", "fri"]"#, r#""days": "weekdays""#, "calendars[0].hours[0].days", r#"invalid type: string "weekdays", expected a list `[...]`"#),
    (r#""id": "office","#, r#""id": "office", "opening": [],"#, "calendars[0].opening", "unknown field `opening`, expected one of `id`, `name`, `time_zone`, `always_open`, `hours`, `breaks`, `holidays`"),
    (r#""default": "desk""#, r#""fallback": "desk""#, "routing.fallback", "unknown field `fallback`, expected `rules` or `default`"),
    (r#""time": "business",
      "calendar""#, r#""time": "business", "default_priority": "low",
      "calendar""#, "sla_policies[0].default_priority", "unknown field `default_priority`, expected one of `id`, `name`, `when`, `time`, `calendar`, `pause_when_waiting`, `pauses`, `auto_close_after`, `warnings`, `targets`, `channels`, `breach_ladder`"),
    (r#""tiers": ["#, r#""default_priority": "urgent", "tiers": ["#, "default_priority", "unknown variant `urgent`, expected one of `critical`, `high`, `medium`, `low`"),
    (r#"{ "id": "l1", "name": "First line", "level": 1 }"#, r#"{ "id": "l1", "level": 1 }"#, "tiers[0]", "missing field `name`"),
    (r#""teams": ["#, r#""teams": {"#, "teams", "invalid type: an object `{...}`, expected a list `[...]`"),
    (r#""when": "signals.abusive""#, r#""when": "signals.abusiv""#, "triggers[0].when", r#"1:1: unknown signal "signals.abusiv" (help: did you mean "signals.abusive"?)"#),
    (r#""when": "signals.abusive""#, r#""when": "category = \"x\"""#, "triggers[0].when", "1:10: unknown operator `=` (help: compare with `==`)"),
    (r#""when": "signals.abusive""#, r#""when": {"field": "amount", "op": ">", "value": "lots"}"#, "triggers[0].when", r#"value: cannot compare number field "amount" with text "lots""#),
    (r#""when": "category == \"billing\"""#, r#""when": "amount > \"lots\"""#, "routing.rules[0].when", r#"1:10: cannot compare number field "amount" with text "lots""#),
    (r#""after": "4h""#, r#""after": "4 hours""#, "escalation_matrix[0].levels[0].after", r#"invalid duration "4 hours": unknown duration unit ' ' (use w, d, h, m or s)"#),
    (r#""after": "4h""#, r#""after": 30"#, "escalation_matrix[0].levels[0].after", r#"the number 30 has no unit: write it as text with one, e.g. "30m" or "30h""#),
    (r#""priority": "*", "levels""#, r#""priority": "*", "first": 7, "levels""#, "escalation_matrix[0].first", "invalid type: integer `7`, expected text in quotes"),
    (r#""priority": "*", "levels""#, r#""priority": "*", "first": ["desk"], "levels""#, "escalation_matrix[0].first", "invalid type: a list `[...]`, expected text in quotes"),
    (r#""priority": "*", "levels""#, r#""priority": "*", "frist": "desk", "levels""#, "escalation_matrix[0].frist", "unknown field `frist`, expected one of `category`, `priority`, `first`, `levels`"),
    (r#""first_response": "30m""#, r#""first_response": "30x""#, "sla_policies[0].targets.critical.first_response", r#"invalid duration "30x": unknown duration unit 'x' (use w, d, h, m or s)"#),
];

#[test]
fn malformed_policies_name_path_message_and_line() {
    assert!(CASES.len() >= 20);
    for (from, to, path, message) in CASES {
        let text = replaced(from, to);
        let error = Policy::from_json(&text).expect_err(path);
        assert_eq!(error.path(), *path, "path for {to}");
        assert_eq!(error.message(), *message, "message for {to}");
        let (line, column) = error.line_column().expect("serde gives a location");
        let snippet_line = line_of(&text, to.lines().next().unwrap_or(to));
        let snippet_lines = to.lines().count();
        assert!(
            (snippet_line..=snippet_line + snippet_lines + 6).contains(&line) && column > 0,
            "{to}: error at line {line} column {column}, snippet on line {snippet_line}"
        );
        assert!(error
            .to_string()
            .starts_with(&format!("{path}: {message} at line {line}")));
    }
}

#[test]
fn wrong_type_reports_exact_line_and_column() {
    let text = replaced(r#""agents": 4"#, r#""agents": "four""#);
    let error = Policy::from_json(&text).unwrap_err();
    let line = line_of(&text, r#""agents": "four""#);
    let column = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find(r#""four""#)
        .unwrap()
        + r#""four""#.len();
    assert_eq!(error.line_column(), Some((line, column)));
    assert_eq!(
        error.to_string(),
        format!(
            r#"teams[0].agents: invalid type: string "four", expected a whole number (0 or more) at line {line} column {column}"#
        )
    );
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let text = replaced(r#""agents": 4,"#, r#""agents": 4,,"#);
    match Policy::from_json(&text).unwrap_err() {
        PolicyError::Syntax { message, line, .. } => {
            assert_eq!(message, "key must be a string");
            assert_eq!(line, line_of(&text, ",,"));
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let error = Policy::from_json("").unwrap_err();
    assert_eq!(error.message(), "EOF while parsing a value");
    let error = Policy::from_json(&format!("{BASE} x")).unwrap_err();
    assert_eq!(error.message(), "trailing characters");
    assert_eq!(
        error.line_column(),
        Some((BASE.lines().count(), BASE.lines().last().unwrap().len() + 2))
    );
}

#[test]
fn a_policy_must_be_an_object() {
    let error = Policy::from_json("\n  [1, 2]").unwrap_err();
    assert_eq!(error.path(), ".");
    assert_eq!(error.message(), "a policy must be a JSON object `{ ... }`");
    assert_eq!(error.line_column(), Some((2, 3)));
}

#[test]
fn missing_required_fields_are_named() {
    let text = replaced(r#""name": "Small shop","#, "");
    let error = Policy::from_json(&text).unwrap_err();
    assert_eq!(
        (error.path(), error.message().as_str()),
        (".", "missing field `name`")
    );
}

#[test]
fn unknown_schema_version_is_refused() {
    let text = replaced(r#""schema_version": 1"#, r#""schema_version": 2"#);
    let error = Policy::from_json(&text).unwrap_err();
    assert_eq!(error, PolicyError::UnsupportedVersion { found: 2 });
    assert_eq!(
        error.to_string(),
        "schema_version: this policy was made with a newer Escalator (format version 2); this one reads version 1"
    );
    let newer_with_new_fields = replaced(
        r#""schema_version": 1"#,
        r#""schema_version": 2, "localised_names": {}"#,
    );
    assert_eq!(
        Policy::from_json(&newer_with_new_fields).unwrap_err(),
        PolicyError::UnsupportedVersion { found: 2 },
        "a newer document's unknown fields are no parse error"
    );
    let text = replaced(r#""schema_version": 1"#, r#""schema_version": 0"#);
    assert_eq!(
        Policy::from_json(&text).unwrap_err().to_string(),
        "schema_version: unsupported schema_version 0, expected 1"
    );
}

#[test]
fn conditions_and_durations_that_parse_but_do_not_compile() {
    let text = replaced(
        r#""when": "signals.abusive""#,
        r#""when": "customer.tier == \"gold\"""#,
    )
    .replacen(r#""after": "4h""#, r#""after": "-4h""#, 1);
    let errors = Policy::from_json(&text).unwrap().compile().unwrap_err();
    let found: Vec<(&str, &str, &str)> = errors
        .0
        .iter()
        .map(|e| (e.code, e.path.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "invalid-condition",
                "triggers[0].when",
                r#"1:1: unknown field "customer.tier" (help: fields are category, priority, impact, urgency, channel, segment, amount, signals.<name>, attributes.<name>)"#
            ),
            (
                "negative-duration",
                "escalation_matrix[0].levels[0].after",
                "a duration cannot be negative"
            ),
        ]
    );
}

/// The front door's error for `text`: message, where, and how to fix it.
fn api_error(text: &str) -> escalator::api::ApiError {
    escalator::api::Engine::compile(text).expect_err("the policy is refused")
}

#[test]
fn messages_say_how_to_fix_the_input() {
    let quoted_number = api_error(&replaced(r#""agents": 4"#, r#""agents": "12""#));
    assert_eq!(quoted_number.path.as_deref(), Some("teams[0].agents"));
    assert_eq!(quoted_number.help, "write the number without quotes: 12");

    let bare_duration = api_error(&replaced(r#""after": "4h""#, r#""after": 30"#));
    assert!(
        bare_duration.message.contains("has no unit"),
        "{}",
        bare_duration.message
    );

    let trailing = api_error(
        "{\"schema_version\": 1,\n \"tiers\": [{\"id\": \"l1\", \"name\": \"L1\", \"level\": 1},]}",
    );
    assert_eq!(trailing.code, "policy-syntax");
    assert_eq!(trailing.help, "remove the comma after the last item");
    assert_eq!(trailing.line, Some(2));

    let missing_version = api_error(&BASE.replacen(r#""schema_version": 1,"#, "", 1));
    assert_eq!(missing_version.message, "missing field `schema_version`");
    assert_eq!(
        (missing_version.line, missing_version.column),
        (Some(1), Some(1))
    );
    assert_eq!(
        missing_version.help,
        r#"add the field "schema_version" here"#
    );
}

#[test]
fn absurd_policies_are_refused_with_the_path_of_what_is_too_many() {
    let mut value: serde_json::Value = serde_json::from_str(BASE).expect("JSON");
    let rule = serde_json::json!({"id": "r", "when": "amount > 1", "to": "desk"});
    value["routing"]["rules"] = serde_json::Value::Array(vec![rule; 1_001]);
    let error = Policy::from_json(&value.to_string()).unwrap_err();
    assert_eq!(error.path(), "routing.rules");
    assert_eq!(
        error.message(),
        "1001 routing rules is more than the 1000 a policy may have"
    );
    assert_eq!(api_error(&value.to_string()).code, "too-large");
}

#[test]
fn a_calendar_with_absurdly_many_breaks_is_refused_before_they_are_cut_out() {
    let mut value: serde_json::Value = serde_json::from_str(BASE).expect("JSON");
    let lunch = serde_json::json!({"days": ["mon"], "from": "12:00", "to": "13:00"});
    value["calendars"] = serde_json::json!([{
        "id": "office",
        "hours": [{"days": ["mon"], "from": "09:00", "to": "17:00"}],
        "breaks": vec![lunch; 100_000]
    }]);
    let error = Policy::from_json(&value.to_string()).unwrap_err();
    assert_eq!(error.path(), "calendars[0].breaks");
    assert_eq!(
        error.message(),
        "100000 breaks is more than the 500 a policy may have"
    );
}

#[test]
fn an_unknown_id_lists_a_few_known_ones_not_thousands() {
    let mut value: serde_json::Value = serde_json::from_str(BASE).expect("JSON");
    let teams: Vec<serde_json::Value> = (0..300)
        .map(|n| serde_json::json!({"id": format!("team{n:03}"), "name": "T", "tier": "l1", "agents": 1}))
        .collect();
    value["teams"] = serde_json::Value::Array(teams);
    value["routing"]["default"] = "nobody".into();
    let errors = Policy::from_json(&value.to_string())
        .expect("reads")
        .compile()
        .expect_err("unknown default team");
    let message = &errors
        .0
        .iter()
        .find(|error| error.path == "routing.default")
        .expect("the default route's error")
        .message;
    assert!(message.ends_with("team011, and 288 more)"), "{message}");
}
