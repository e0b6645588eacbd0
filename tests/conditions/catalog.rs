//! The catalog's field types by path and the operators each type accepts, as the condition builder uses them.

use escalator::engine::condition::{Condition, FieldCatalog, FieldType, Op};

#[test]
fn field_types_resolve_ticket_attribute_and_context_paths() {
    let catalog = FieldCatalog::ticket().with("age", FieldType::Duration);
    assert_eq!(catalog.field_type("category"), Some(FieldType::Text));
    assert_eq!(catalog.field_type("priority"), Some(FieldType::Priority));
    assert_eq!(catalog.field_type("urgency"), Some(FieldType::Level));
    assert_eq!(catalog.field_type("channel"), Some(FieldType::Channel));
    assert_eq!(catalog.field_type("amount"), Some(FieldType::Number));
    assert_eq!(catalog.field_type("signals.abusive"), Some(FieldType::Bool));
    assert_eq!(
        catalog.field_type("attributes.plan"),
        Some(FieldType::Dynamic)
    );
    assert_eq!(catalog.field_type("age"), Some(FieldType::Duration));
    assert_eq!(catalog.field_type("signals.angry"), None);
    assert_eq!(catalog.field_type("attributes"), None);
    assert_eq!(FieldCatalog::ticket().field_type("age"), None);
}

#[test]
fn accepted_operators_match_what_the_type_checker_allows() {
    let catalog = FieldCatalog::ticket();
    let samples = [
        ("category", "\"x\""),
        ("priority", "high"),
        ("impact", "low"),
        ("channel", "email"),
        ("amount", "5"),
        ("signals.abusive", "true"),
        ("attributes.plan", "\"x\""),
    ];
    for (path, value) in samples {
        let field_type = catalog.field_type(path).expect("known field");
        for op in Op::ALL {
            let text = match op {
                Op::Exists => format!("{path} exists"),
                Op::In | Op::NotIn => format!("{path} {} [{value}]", op.symbol()),
                _ => format!("{path} {} {value}", op.symbol()),
            };
            let typed = value_fits(field_type, op);
            let parsed = Condition::parse_checked(&text, &catalog);
            assert_eq!(
                parsed.is_ok(),
                field_type.accepts(op) && typed,
                "{text}: {parsed:?}"
            );
        }
    }
}

/// Whether the sample value has the type the operator needs (ordering attributes takes numbers, the sample is text).
fn value_fits(field_type: FieldType, op: Op) -> bool {
    !(field_type == FieldType::Dynamic && op.is_ordering())
}
