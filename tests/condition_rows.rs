//! Builder rows to conditions and back, natively: flat conditions become rows unchanged, rows build the
//! canonical condition, invalid rows are refused with their index and reason, nested ones stay whole.

use escalator::engine::condition::{Condition, FieldCatalog, FieldType, Op};
use escalator::view::condition_rows::{
    operators_for, value_input, BuildError, BuilderForm, ConditionRow, Joiner, ValueInput,
};

fn catalog() -> FieldCatalog {
    FieldCatalog::ticket()
}

fn parse(text: &str) -> Condition {
    Condition::parse_checked(text, &catalog()).expect("valid condition")
}

fn row(path: &str, op: Op, value: &str) -> ConditionRow {
    ConditionRow {
        path: path.to_owned(),
        negated: false,
        op,
        value: value.to_owned(),
    }
}

fn form_of(text: &str) -> Option<BuilderForm> {
    BuilderForm::from_condition(&parse(text), &catalog())
}

#[test]
fn flat_conditions_become_rows_and_come_back_unchanged() {
    let texts = [
        "category == \"billing\"",
        "category in [\"billing\", \"refund\"] and amount > 500 and not signals.abusive",
        "signals.abusive or signals.demands_manager",
        "priority >= high and channel not in [email, web]",
        "segment starts_with \"enterprise\" or category contains \"pay\"",
        "amount exists and not amount > 500",
        "urgency > low and impact >= medium",
        "attributes.plan == \"enterprise\" and attributes.seats >= 100 and attributes.vip",
        "attributes.code == \"100\"",
        "attributes.tags in [\"a\", 2, true]",
        "signals.threatens_review == false",
        "amount < -12.5",
    ];
    for text in texts {
        let condition = parse(text);
        let form = BuilderForm::from_condition(&condition, &catalog())
            .unwrap_or_else(|| panic!("{text} is flat"));
        let rebuilt = form.to_condition(&catalog()).expect("rows are valid");
        assert_eq!(rebuilt, condition, "{text}");
        assert_eq!(rebuilt.to_text(), condition.to_text(), "{text}");
    }
}

#[test]
fn rows_show_values_as_people_type_them() {
    let form = form_of(
        "category in [\"billing\", \"refund\"] and priority >= high and not signals.abusive and attributes.code == \"100\"",
    )
    .expect("flat");
    assert_eq!(form.joiner, Joiner::All);
    assert_eq!(
        form.rows,
        vec![
            row("category", Op::In, "billing, refund"),
            row("priority", Op::Ge, "high"),
            ConditionRow {
                negated: true,
                ..row("signals.abusive", Op::Eq, "true")
            },
            row("attributes.code", Op::Eq, "\"100\""),
        ]
    );
    assert_eq!(
        form_of("channel == chat or amount > 5").map(|f| f.joiner),
        Some(Joiner::Any)
    );
}

#[test]
fn rows_build_the_canonical_condition() {
    let form = BuilderForm {
        joiner: Joiner::Any,
        rows: vec![
            row("category", Op::NotIn, " spam ,test, "),
            row("priority", Op::Eq, "critical"),
            ConditionRow {
                negated: true,
                ..row("attributes.plan", Op::StartsWith, "ent")
            },
            row("amount", Op::Ge, " 1000 "),
            row("channel", Op::Exists, "ignored"),
        ],
    };
    let condition = form.to_condition(&catalog()).expect("valid rows");
    assert_eq!(
        condition.to_text(),
        "category not in [\"spam\", \"test\"] or priority == critical or not attributes.plan starts_with \"ent\" or amount >= 1000 or channel exists"
    );
    let single = BuilderForm {
        joiner: Joiner::Any,
        rows: vec![row("signals.abusive", Op::Eq, "true")],
    };
    assert_eq!(
        single.to_condition(&catalog()).expect("valid").to_text(),
        "signals.abusive"
    );
}

#[test]
fn text_values_cannot_inject_syntax() {
    let form = BuilderForm {
        joiner: Joiner::All,
        rows: vec![row("category", Op::Eq, "x\" or signals.abusive or \"")],
    };
    let condition = form.to_condition(&catalog()).expect("any text is a value");
    assert_eq!(condition.tests().count(), 1);
    assert_eq!(
        condition.to_text(),
        "category == \"x\\\" or signals.abusive or \\\"\""
    );
}

#[test]
fn invalid_rows_are_rejected_with_their_index_and_reason() {
    let form = BuilderForm {
        joiner: Joiner::All,
        rows: vec![
            row("category", Op::Eq, "billing"),
            row("amount", Op::Gt, "lots"),
            row("priority", Op::Eq, "urgent"),
            row("category", Op::In, " , "),
            row("attributes.", Op::Eq, "x"),
            row("attributes.9lives", Op::Eq, "x"),
            row("segment", Op::Eq, "  "),
            row("channel", Op::Lt, "email"),
        ],
    };
    let Err(BuildError::InvalidRows(problems)) = form.to_condition(&catalog()) else {
        panic!("rows 1 to 7 are invalid");
    };
    let summary: Vec<(usize, &str)> = problems
        .iter()
        .map(|problem| (problem.row, problem.message.as_str()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (1, "\"lots\" is not a number"),
            (2, "unknown priority \"urgent\""),
            (3, "list at least one value"),
            (4, "name the attribute"),
            (5, "\"9lives\" is not an attribute name"),
            (6, "enter a value"),
            (7, "`<` does not apply to channel field \"channel\""),
        ]
    );
    assert_eq!(
        problems[1].help.as_deref(),
        Some("use critical, high, medium or low")
    );
    let empty = BuilderForm {
        joiner: Joiner::All,
        rows: Vec::new(),
    };
    assert_eq!(empty.to_condition(&catalog()), Err(BuildError::NoRows));
}

#[test]
fn nested_conditions_are_not_flattened() {
    assert_eq!(
        form_of("(category == \"refund\" or category == \"chargeback\") and amount > 500"),
        None
    );
    assert_eq!(
        form_of("not (channel == social or segment == \"trial\")"),
        None
    );
    assert_eq!(form_of("category in [\"a,b\", \"c\"]"), None);
    assert!(form_of("not signals.abusive").is_some());
}

#[test]
fn operators_and_value_inputs_follow_the_field_type() {
    assert_eq!(
        operators_for(Some(FieldType::Bool)),
        vec![Op::Eq, Op::Ne, Op::Exists]
    );
    assert_eq!(
        operators_for(Some(FieldType::Channel)),
        vec![Op::Eq, Op::Ne, Op::In, Op::NotIn, Op::Exists]
    );
    assert!(!operators_for(Some(FieldType::Text)).contains(&Op::Lt));
    assert!(!operators_for(Some(FieldType::Number)).contains(&Op::Contains));
    assert_eq!(operators_for(Some(FieldType::Dynamic)).len(), Op::ALL.len());
    assert_eq!(
        value_input(Some(FieldType::Level), Op::Eq),
        ValueInput::Choice(vec!["high", "medium", "low"])
    );
    assert_eq!(
        value_input(Some(FieldType::Bool), Op::Eq),
        ValueInput::Choice(vec!["true", "false"])
    );
    assert_eq!(
        value_input(Some(FieldType::Number), Op::Gt),
        ValueInput::Number
    );
    assert_eq!(
        value_input(Some(FieldType::Text), Op::Contains),
        ValueInput::Text
    );
    assert_eq!(
        value_input(Some(FieldType::Priority), Op::Exists),
        ValueInput::Nothing
    );
    assert_eq!(
        value_input(Some(FieldType::Channel), Op::In),
        ValueInput::List(vec!["email", "chat", "phone", "web", "social"])
    );
}

#[test]
fn changing_a_rows_field_keeps_what_still_fits() {
    let catalog = catalog();
    let text_row = row("category", Op::Contains, "pay");
    let to_segment = text_row.with_path("segment", &catalog);
    assert_eq!(to_segment, row("segment", Op::Contains, "pay"));
    let to_channel = text_row.with_path("channel", &catalog);
    assert_eq!(to_channel, row("channel", Op::Eq, "email"));
    let to_signal = row("amount", Op::Gt, "5").with_path("signals.abusive", &catalog);
    assert_eq!(to_signal, row("signals.abusive", Op::Eq, "true"));
    let list_to_one = row("channel", Op::In, "chat, web").with_op(Op::Ne, &catalog);
    assert_eq!(list_to_one, row("channel", Op::Ne, "chat"));
}
