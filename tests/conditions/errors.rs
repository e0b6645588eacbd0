//! Malformed conditions: each asserts the error kind, the full message with line and column, and the byte span.

use escalator::engine::condition::{Condition, ErrorKind, FieldCatalog, FieldType};
use serde_json::json;

fn catalog() -> FieldCatalog {
    FieldCatalog::ticket()
        .with("age", FieldType::Duration)
        .with("team", FieldType::Text)
}

#[test]
fn malformed_text_reports_kind_message_and_location() {
    use ErrorKind::*;
    let cases: &[(&str, ErrorKind, &str, std::ops::Range<usize>)] = &[
        ("", Empty, "1:1: empty condition (help: write a condition such as `category == \"billing\"`)", 0..0),
        ("  \n ", Empty, "1:1: empty condition (help: write a condition such as `category == \"billing\"`)", 0..4),
        ("category == \"billing", UnterminatedString, "1:13: unterminated string (help: close the string with `\"` on the same line)", 12..20),
        ("category == \"bil\nling\"", UnterminatedString, "1:13: unterminated string (help: close the string with `\"` on the same line)", 12..16),
        ("category in [\"billing\", \"refund\"", UnclosedList, "1:13: unclosed `[` (help: close the list with `]`)", 12..13),
        ("category == \"billing\" and", UnexpectedToken, "1:26: expected a condition after `and`, found end of input (help: a condition starts with a field, `not` or `(`)", 25..25),
        ("amount => 500", UnknownOperator, "1:8: unknown operator `=>` (help: did you mean `>=`?)", 7..9),
        ("category = \"a\"", UnknownOperator, "1:10: unknown operator `=` (help: compare with `==`)", 9..10),
        ("team == \"t\" && amount > 1", UnknownOperator, "1:13: unknown operator `&&` (help: write `and`)", 12..14),
        ("category == \"billing\"\n  and amount > 5\n  and sigals.abusive", UnknownField, "3:7: unknown field \"sigals.abusive\" (help: did you mean \"signals.abusive\"?)", 45..59),
        ("signals.abusiv", UnknownField, "1:1: unknown signal \"signals.abusiv\" (help: did you mean \"signals.abusive\"?)", 0..14),
        ("attributes == 1", UnknownField, "1:1: \"attributes\" needs a name after it (help: write attributes.<name>)", 0..10),
        // Found by the condition_text fuzz target: the JSON form refused these paths, so a condition saved
        // in the structured form did not reload.
        ("attributes.", UnknownField, "1:1: invalid field name `attributes.` (help: names are letters, digits and `_`, joined by single dots, e.g. `signals.abusive`)", 0..11),
        ("x..y == 1", UnknownField, "1:1: invalid field name `x..y` (help: names are letters, digits and `_`, joined by single dots, e.g. `signals.abusive`)", 0..4),
        ("amount > 5 and category.", UnknownField, "1:16: invalid field name `category.` (help: names are letters, digits and `_`, joined by single dots, e.g. `signals.abusive`)", 15..24),
        ("signals.abusive == 1", TypeMismatch, "1:20: cannot compare true/false field \"signals.abusive\" with a number 1 (help: use true or false)", 19..20),
        ("amount > \"500\"", TypeMismatch, "1:10: cannot compare number field \"amount\" with text \"500\" (help: write the number without quotes: 500)", 9..14),
        ("age > 30", TypeMismatch, "1:7: cannot compare duration field \"age\" with a number 30 (help: write a duration such as 30m, 4h or 1h30m)", 6..8),
        ("amount", TypeMismatch, "1:1: \"amount\" is a number field, not true/false (help: compare it, e.g. `amount == ...`)", 0..6),
        ("attributes.plan starts_with 5", TypeMismatch, "1:29: cannot compare attribute field \"attributes.plan\" with a number 5 (help: starts_with and contains take text)", 28..29),
        ("priority >= urgent", UnknownValue, "1:13: unknown priority \"urgent\" (help: use critical, high, medium or low)", 12..18),
        ("priority in [high, hihg]", UnknownValue, "1:20: unknown priority \"hihg\" (help: did you mean `high`? (critical, high, medium or low))", 19..23),
        ("channel == fax", UnknownValue, "1:12: unknown channel \"fax\" (help: use email, chat, phone, web or social)", 11..14),
        ("category < \"b\"", OperatorNotAllowed, "1:10: `<` does not apply to text field \"category\" (help: text fields take ==, !=, in, not in, starts_with, contains or exists)", 9..10),
        ("channel > chat", OperatorNotAllowed, "1:9: `>` does not apply to channel field \"channel\" (help: channels have no order; use ==, !=, in or not in)", 8..9),
        ("amount starts_with \"5\"", OperatorNotAllowed, "1:8: `starts_with` does not apply to number field \"amount\" (help: use ==, !=, <, <=, >, >=, in, not in or exists)", 7..18),
        ("age > 4x", InvalidDuration, "1:7: invalid duration `4x`: unknown duration unit 'x' (use w, d, h, m or s) (help: write a duration such as 45s, 30m, 4h, 1h30m, 2d or 1w)", 6..8),
        ("age > 1.5h", InvalidDuration, "1:7: invalid duration `1.5h`: fractions are not allowed in durations (write 1h30m, not 1.5h) (help: write a duration such as 45s, 30m, 4h, 1h30m, 2d or 1w)", 6..10),
        ("age > \"soon\"", InvalidDuration, "1:7: invalid duration \"soon\": expected a number before the unit (e.g. 30m) (help: write a duration such as 30m, 4h or 1h30m)", 6..12),
        ("category == \"a\" \"b\"", TrailingInput, "1:17: expected `and`, `or` or the end, found string \"b\" (help: join conditions with `and` or `or`)", 16..19),
        ("(category == \"a\"", UnclosedParenthesis, "1:1: unclosed `(` (help: close it with `)`)", 0..1),
        ("category == \"a\")", UnexpectedToken, "1:16: unmatched `)` (help: join conditions with `and` or `or`)", 15..16),
        ("category in []", EmptyList, "1:13: empty list (help: a test against an empty list never matches; list at least one value)", 12..14),
        ("category in \"billing\"", UnexpectedToken, "1:13: expected `[` after `in`, found string \"billing\" (help: write a list: in [\"a\", \"b\"])", 12..21),
        ("amount > 1.2.3", InvalidNumber, "1:10: invalid number `1.2.3`", 9..14),
        ("category == 'a'", UnexpectedCharacter, "1:13: unexpected character `'` (help: strings use double quotes: \"text\")", 12..13),
        ("amount ≥ 5", UnexpectedCharacter, "1:8: unexpected character `≥`", 7..10),
        ("category == \"a\\q\"", InvalidEscape, "1:15: invalid escape `\\q` (help: strings may use \\\", \\\\, \\n, \\t and \\r)", 14..16),
        ("not", UnexpectedToken, "1:4: expected a condition after `not`, found end of input (help: a condition starts with a field, `not` or `(`)", 3..3),
        ("category not \"x\"", UnexpectedToken, "1:14: expected `in` after `not`, found string \"x\" (help: write `not in [...]`, or put `not` before the field)", 13..16),
        ("category == priority.x", UnexpectedToken, "1:13: expected a value after `==`, found field `priority.x` (help: a condition compares a field with a value such as \"text\", 500, 4h or true)", 12..22),
        ("amount >", UnexpectedToken, "1:9: expected a value after `>`, found end of input (help: values are \"text\", numbers, durations (4h), true, false or words (high))", 8..8),
        ("category == \"éé\" or or", UnexpectedToken, "1:21: expected a condition after `or`, found `or` (help: a condition starts with a field, `not` or `(`)", 22..24),
        ("amount 500", UnexpectedToken, "1:8: expected an operator after `amount`, found number 500 (help: use ==, !=, <, <=, >, >=, in, not in, starts_with, contains or exists)", 7..10),
        ("category == [\"a\"]", UnexpectedToken, "1:13: a list needs `in`, not `==` (help: write `field in [\"a\", \"b\"]`)", 12..13),
    ];
    let catalog = catalog();
    for (input, kind, message, span) in cases {
        let error = Condition::parse_checked(input, &catalog).expect_err(input);
        assert_eq!(error.to_string(), *message, "message for {input:?}");
        assert_eq!(error.kind, *kind, "kind for {input:?}");
        assert_eq!(error.span(), Some(span.clone()), "span for {input:?}");
    }
    assert!(cases.len() >= 20);
}

#[test]
fn line_and_column_are_one_based_and_count_characters() {
    let error = Condition::parse("category == \"é\"\n and\n   amount => 5").unwrap_err();
    assert_eq!((error.line(), error.column()), (Some(3), Some(11)));
    assert_eq!(error.span(), Some(32..34));
}

#[test]
fn context_fields_are_unknown_until_bound() {
    let condition = Condition::parse("age > 4h").expect("parses without a catalog");
    let error = condition.check(&FieldCatalog::ticket()).unwrap_err();
    let near = condition
        .check(&FieldCatalog::ticket().with("agee", FieldType::Duration))
        .unwrap_err();
    assert_eq!(near.help.as_deref(), Some("did you mean \"agee\"?"));
    assert_eq!(error.kind, ErrorKind::UnknownField);
    assert_eq!(error.to_string(), "1:1: unknown field \"age\" (help: fields are category, priority, impact, urgency, channel, segment, amount, signals.<name>, attributes.<name>)");
    assert!(condition.check(&catalog()).is_ok());
}

#[test]
fn malformed_json_reports_a_path() {
    let cases = [
        (json!(42), "condition: expected an object, found a number (help: a condition is {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} or {\"field\": ..., \"op\": ..., \"value\": ...})"),
        (json!({"all": []}), "all: `all` needs at least one condition (help: remove the empty group)"),
        (json!({"all": [{"field": "amount", "op": ">", "value": 5}, {"field": "amount", "op": "=>", "value": 5}]}),
         "all[1].op: unknown operator `=>` (help: did you mean `>=`?)"),
        (json!({"any": [{"field": "amount", "op": ">", "value": "5"}]}),
         "any[0].value: cannot compare number field \"amount\" with text \"5\" (help: write the number without quotes: 5)"),
        (json!({"not": {"field": "sigals.abusive", "op": "==", "value": true}}),
         "not.field: unknown field \"sigals.abusive\" (help: did you mean \"signals.abusive\"?)"),
        (json!({"field": "priority", "op": "in", "value": ["high", "urgent"]}),
         "value[1]: unknown priority \"urgent\" (help: use critical, high, medium or low)"),
        (json!({"field": "amount", "op": ">", "vaule": 5}), "vaule: unknown key `vaule` (help: did you mean `value`?)"),
        (json!({"all": [], "any": []}), "condition: `all` and `any` cannot be used together (help: nest them: {\"all\": [{...}, {...}]})"),
        (json!({"field": "amount", "op": "exists", "value": 1}), "value: `exists` takes no value (help: remove `value`)"),
        (json!({"field": "category", "op": "in", "value": "billing"}),
         "value: `in` needs a list, found a string (help: write \"value\": [\"a\", \"b\"])"),
        (json!({"field": "category", "op": "=="}), "condition: missing `value` for `==`"),
        (json!({"field": "my field", "op": "exists"}),
         "field: invalid field name \"my field\" (help: names are letters, digits and `_`, joined by dots)"),
        (json!({"field": "age", "op": ">", "value": "4x"}),
         "value: invalid duration \"4x\": unknown duration unit 'x' (use w, d, h, m or s) (help: write a duration such as 30m, 4h or 1h30m)"),
    ];
    for (json, message) in cases {
        let error = Condition::from_json(&json)
            .and_then(|mut condition| condition.bind(&catalog()))
            .expect_err(&json.to_string());
        assert_eq!(error.to_string(), message, "for {json}");
        assert!(error.json_path().is_some() && error.span().is_none());
    }
}

#[test]
fn serde_errors_name_the_path_inside_the_document() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Rule {
        when: Condition,
    }
    let text = r#"{"when": "amount => 5"}"#;
    let error =
        serde_path_to_error::deserialize::<_, Rule>(&mut serde_json::Deserializer::from_str(text))
            .unwrap_err();
    assert_eq!(error.path().to_string(), "when");
    assert!(
        error.to_string().contains("1:8: unknown operator `=>`"),
        "{error}"
    );
}
