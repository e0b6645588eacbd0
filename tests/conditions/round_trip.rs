//! Round trips: text → tree → text, text → JSON → tree → text, and random trees through both forms and serde.

use escalator::engine::condition::{
    Condition, Expr, FieldCatalog, FieldType, Form, Op, Operand, Test, Value,
};
use escalator::engine::duration::Duration;
use escalator::engine::ticket::{Channel, Level, Priority};
use proptest::prelude::*;

fn catalog() -> FieldCatalog {
    FieldCatalog::ticket()
        .with("age", FieldType::Duration)
        .with("team", FieldType::Text)
}

#[test]
fn canonical_text_is_stable() {
    let cases = [
        (
            "category in [\"billing\", \"refund\"] and amount > 500 and not signals.abusive",
            "category in [\"billing\", \"refund\"] and amount > 500 and not signals.abusive",
        ),
        (
            "category in [billing,refund,]",
            "category in [\"billing\", \"refund\"]",
        ),
        ("priority >= \"high\"", "priority >= high"),
        ("signals.abusive == true", "signals.abusive"),
        ("(a.b == 1)", "a.b == 1"),
        ("amount > 500.50", "amount > 500.5"),
        (
            "age >= 90m and team == tier2",
            "age >= 1h30m and team == \"tier2\"",
        ),
        ("a == 1 and b == 2 or c == 3", "a == 1 and b == 2 or c == 3"),
        (
            "a == 1 and (b == 2 or c == 3)",
            "a == 1 and (b == 2 or c == 3)",
        ),
        (
            "a == 1 and (b == 2 and c == 3)",
            "a == 1 and (b == 2 and c == 3)",
        ),
        (
            "not (amount exists or channel in [email])",
            "not (amount exists or channel in [email])",
        ),
        ("not not signals.abusive", "not not signals.abusive"),
        (
            "segment starts_with \"ent\" or category contains \"pay\\\"\"",
            "segment starts_with \"ent\" or category contains \"pay\\\"\"",
        ),
        (
            "attributes.vip and attributes.seats >= -3",
            "attributes.vip and attributes.seats >= -3",
        ),
        (
            "category\n  not in [\"spam\"]",
            "category not in [\"spam\"]",
        ),
    ];
    for (input, canonical) in cases {
        let condition = Condition::parse(input).expect(input);
        assert_eq!(
            condition.to_text(),
            canonical,
            "canonical text of {input:?}"
        );
        assert_eq!(
            Condition::parse(canonical).expect(canonical),
            condition,
            "reparse of {canonical:?}"
        );
    }
}

#[test]
fn text_through_json_and_back() {
    let text = "category in [\"billing\", \"refund\"] and amount > 500 and not signals.abusive";
    let condition = Condition::parse(text).unwrap();
    let json = condition.to_json();
    assert_eq!(
        json,
        serde_json::json!({"all": [
            {"field": "category", "op": "in", "value": ["billing", "refund"]},
            {"field": "amount", "op": ">", "value": 500},
            {"not": {"field": "signals.abusive", "op": "==", "value": true}}
        ]})
    );
    let back = Condition::from_json(&json).unwrap();
    assert_eq!(back, condition);
    assert_eq!(back.to_text(), text);
    assert_eq!(back.form(), Form::Structured);
}

#[test]
fn a_one_member_group_in_json_stands_for_its_member() {
    let json = serde_json::json!({"any": [{"field": "amount", "op": "exists"}]});
    assert_eq!(
        Condition::from_json(&json).unwrap().to_text(),
        "amount exists"
    );
}

#[test]
fn serde_writes_back_the_form_it_read() {
    #[derive(serde::Serialize, serde::Deserialize)]
    struct Rules {
        rules: Vec<Condition>,
    }
    let document = r#"{"rules":["priority >= high","age > \"4h\"",{"field":"channel","op":"in","value":["email","chat"]}]}"#;
    let rules: Rules = serde_json::from_str(document).unwrap();
    assert_eq!(rules.rules[0].form(), Form::Text);
    assert_eq!(rules.rules[2].form(), Form::Structured);
    assert_eq!(serde_json::to_string(&rules).unwrap(), document);
    let mut age = rules.rules[1].clone();
    age.bind(&catalog()).unwrap();
    assert_eq!(age.to_text(), "age > 4h");
}

fn text() -> BoxedStrategy<String> {
    "[a-zé \"\\\\\n\t]{0,8}".boxed()
}

fn number() -> BoxedStrategy<f64> {
    prop_oneof![
        (-100_000i64..100_000).prop_map(|n| n as f64),
        any::<f64>().prop_filter("finite", |n| n.is_finite()),
    ]
    .boxed()
}

fn some<T: Clone + std::fmt::Debug + 'static>(items: &'static [T]) -> BoxedStrategy<T> {
    proptest::sample::select(items).boxed()
}

fn list(item: BoxedStrategy<Value>) -> impl Strategy<Value = Operand> {
    prop::collection::vec(item, 1..4).prop_map(Operand::List)
}

fn ordered_test(
    path: &'static str,
    item: BoxedStrategy<Value>,
) -> BoxedStrategy<(String, Op, Operand)> {
    prop_oneof![
        (
            some(&[Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge]),
            item.clone()
        )
            .prop_map(move |(op, v)| (path.to_owned(), op, Operand::One(v))),
        (some(&[Op::In, Op::NotIn]), list(item)).prop_map(move |(op, l)| (path.to_owned(), op, l)),
        Just((path.to_owned(), Op::Exists, Operand::None)),
    ]
    .boxed()
}

fn text_test(path: BoxedStrategy<String>) -> BoxedStrategy<(String, Op, Operand)> {
    prop_oneof![
        (
            path.clone(),
            some(&[Op::Eq, Op::Ne, Op::StartsWith, Op::Contains]),
            text()
        )
            .prop_map(|(p, op, t)| (p, op, Operand::One(Value::Text(t)))),
        (
            path,
            some(&[Op::In, Op::NotIn]),
            list(text().prop_map(Value::Text).boxed())
        )
            .prop_map(|(p, op, l)| (p, op, l)),
    ]
    .boxed()
}

fn test() -> impl Strategy<Value = Expr> {
    let priority = some(&Priority::ALL).prop_map(Value::Priority).boxed();
    let level = some(&Level::ALL).prop_map(Value::Level).boxed();
    let channel = some(&Channel::ALL).prop_map(Value::Channel);
    let duration = (0i64..10_000_000)
        .prop_map(|s| Value::Duration(Duration::from_seconds(s)))
        .boxed();
    let signal = some(&[
        "signals.demands_manager",
        "signals.abusive",
        "signals.threatens_to_leave",
        "signals.threatens_review",
    ]);
    let attribute = "attributes\\.[a-z_][a-z0-9_]{0,6}";
    prop_oneof![
        text_test(
            some(&["category", "segment", "team"])
                .prop_map(str::to_owned)
                .boxed()
        ),
        text_test(attribute.boxed()),
        ordered_test("amount", number().prop_map(Value::Number).boxed()),
        ordered_test("priority", priority),
        ordered_test("impact", level.clone()),
        ordered_test("urgency", level),
        ordered_test("age", duration),
        (some(&[Op::Eq, Op::Ne, Op::In, Op::NotIn]), channel).prop_map(|(op, c)| {
            let operand = if matches!(op, Op::In | Op::NotIn) {
                Operand::List(vec![c])
            } else {
                Operand::One(c)
            };
            ("channel".to_owned(), op, operand)
        }),
        (signal, some(&[Op::Eq, Op::Ne]), any::<bool>()).prop_map(|(p, op, b)| (
            p.to_owned(),
            op,
            Operand::One(Value::Bool(b))
        )),
        (attribute, some(&[Op::Gt, Op::Le, Op::Eq]), number()).prop_map(|(p, op, n)| (
            p,
            op,
            Operand::One(Value::Number(n))
        )),
        (attribute, any::<bool>()).prop_map(|(p, b)| (p, Op::Eq, Operand::One(Value::Bool(b)))),
    ]
    .prop_map(|(path, op, operand)| Expr::Test(Test::new(&path, op, operand)))
}

fn expr() -> impl Strategy<Value = Expr> {
    test().prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::All),
            prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::Any),
            inner.prop_map(|e| Expr::Not(Box::new(e))),
        ]
    })
}

proptest! {
    #[test]
    fn random_trees_survive_both_forms(expr in expr()) {
        let mut condition = Condition::new(expr, Form::Text);
        condition.bind(&catalog()).expect("generated trees are well typed");
        let text = condition.to_text();
        let from_text = Condition::parse_checked(&text, &catalog()).map_err(|e| TestCaseError::fail(format!("{e} in {text}")))?;
        prop_assert_eq!(&from_text, &condition);
        prop_assert_eq!(from_text.to_text(), text.clone());

        let mut from_json = Condition::from_json(&condition.to_json()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        from_json.bind(&catalog()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&from_json, &condition);
        prop_assert_eq!(from_json.to_text(), text);

        for form in [Form::Text, Form::Structured] {
            let written = serde_json::to_string(&condition.clone().with_form(form)).unwrap();
            let mut read: Condition = serde_json::from_str(&written).map_err(|e| TestCaseError::fail(e.to_string()))?;
            read.bind(&catalog()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(read.form(), form);
            prop_assert_eq!(&read, &condition);
        }
    }
}
