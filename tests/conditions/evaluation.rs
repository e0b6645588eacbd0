//! Evaluation against tickets: absent fields, attributes, priority order, context durations, and explanations of misses.

use escalator::engine::condition::{
    Condition, FailedCheck, FieldCatalog, FieldType, TicketInContext, Value, Verdict,
};
use escalator::engine::duration::Duration;
use escalator::engine::ticket::{Attribute, Channel, Level, Priority, Ticket};

fn refund(amount: Option<f64>) -> Ticket {
    let mut ticket = Ticket::new("refund", Priority::High, Channel::Email);
    ticket.amount = amount;
    ticket
        .attributes
        .insert("plan".to_owned(), Attribute::Text("enterprise".to_owned()));
    ticket
        .attributes
        .insert("seats".to_owned(), Attribute::Number(250.0));
    ticket
        .attributes
        .insert("vip".to_owned(), Attribute::Bool(true));
    ticket
}

fn holds(text: &str, ticket: &Ticket) -> bool {
    Condition::parse(text).expect(text).eval(ticket)
}

#[test]
fn the_example_from_the_brief() {
    let condition = Condition::parse(
        "category in [\"billing\", \"refund\"] and amount > 500 and not signals.abusive",
    )
    .unwrap();
    let mut ticket = refund(Some(800.0));
    assert!(condition.eval(&ticket));
    ticket.signals.abusive = true;
    assert!(!condition.eval(&ticket));
    ticket.signals.abusive = false;
    ticket.category = "technical".to_owned();
    assert!(!condition.eval(&ticket));
}

#[test]
fn an_absent_field_fails_every_comparison_but_not_its_negation() {
    let ticket = refund(None);
    for text in [
        "amount > 500",
        "amount <= 500",
        "amount == 0",
        "amount != 0",
        "amount in [1]",
        "amount not in [1]",
        "amount exists",
    ] {
        assert!(
            !holds(text, &ticket),
            "{text} should fail on an absent amount"
        );
    }
    assert!(holds("not amount exists", &ticket));
    assert!(holds("not amount > 500", &ticket));
    assert!(holds("amount exists", &refund(Some(0.0))));
}

#[test]
fn priorities_and_levels_order_by_urgency() {
    let mut ticket = refund(None);
    for (priority, at_least_high) in [
        (Priority::Critical, true),
        (Priority::High, true),
        (Priority::Medium, false),
        (Priority::Low, false),
    ] {
        ticket.priority = Some(priority);
        assert_eq!(
            holds("priority >= high", &ticket),
            at_least_high,
            "{priority}"
        );
        assert_eq!(
            holds("priority < high", &ticket),
            !at_least_high,
            "{priority}"
        );
    }
    ticket.priority = Some(Priority::Critical);
    assert!(holds(
        "priority > \"high\" and priority == critical",
        &ticket
    ));
    ticket.impact = Some(Level::Medium);
    assert!(holds(
        "impact > low and impact < high and impact in [medium]",
        &ticket
    ));
    assert!(!holds("urgency >= low", &ticket), "urgency is absent");
}

#[test]
fn channels_segments_and_text_operators() {
    let mut ticket = refund(None);
    ticket.segment = "enterprise-eu".to_owned();
    ticket.channel = Channel::Social;
    assert!(holds(
        "channel in [social, phone] and channel != email",
        &ticket
    ));
    assert!(holds(
        "segment starts_with \"enterprise\" and segment contains \"-eu\"",
        &ticket
    ));
    assert!(!holds("segment starts_with \"eu\"", &ticket));
    assert!(holds("category not in [\"billing\", \"spam\"]", &ticket));
}

#[test]
fn attributes_compare_by_the_type_they_hold() {
    let ticket = refund(None);
    assert!(holds(
        "attributes.plan == \"enterprise\" and attributes.seats >= 100 and attributes.vip",
        &ticket
    ));
    assert!(
        !holds("attributes.plan == 5", &ticket),
        "text attribute against a number"
    );
    assert!(
        !holds("attributes.plan != 5", &ticket),
        "different types never compare"
    );
    assert!(!holds("attributes.seats > 250", &ticket));
    assert!(!holds("attributes.missing exists", &ticket));
    assert!(holds("not attributes.missing", &ticket));
}

#[test]
fn context_fields_come_from_the_catalog_slots() {
    let catalog = FieldCatalog::ticket()
        .with("age", FieldType::Duration)
        .with("team", FieldType::Text);
    let condition = Condition::parse_checked("age > 4h and team == \"tier1\"", &catalog).unwrap();
    let ticket = refund(None);
    let young = [
        Some(Value::Duration(Duration::hours(3))),
        Some(Value::Text("tier1".to_owned())),
    ];
    let old = [
        Some(Value::Duration(Duration::minutes(4 * 60 + 1))),
        Some(Value::Text("tier1".to_owned())),
    ];
    assert!(!condition.eval(&TicketInContext::new(&ticket, &young)));
    assert!(condition.eval(&TicketInContext::new(&ticket, &old)));
    assert!(
        !condition.eval(&TicketInContext::new(&ticket, &[])),
        "missing context values are absent"
    );
    assert!(!condition.eval(&ticket), "a bare ticket has no context");
}

#[test]
fn a_derived_priority_overrides_the_tickets_own() {
    let mut ticket = refund(None);
    ticket.priority = None;
    let condition = Condition::parse("priority == critical").unwrap();
    assert!(!condition.eval(&ticket));
    assert!(condition.eval(&TicketInContext::new(&ticket, &[]).with_priority(Priority::Critical)));
}

#[test]
fn explain_reports_the_first_failing_test_and_the_value_seen() {
    let condition = Condition::parse(
        "category in [\"billing\", \"refund\"] and amount > 500 and not signals.abusive",
    )
    .unwrap();
    let mut ticket = refund(Some(120.0));
    assert_eq!(
        condition.explain(&ticket),
        Verdict {
            matched: false,
            failed: Some(FailedCheck {
                text: "amount > 500".to_owned(),
                field: "amount".to_owned(),
                seen: Some(Value::Number(120.0)),
            }),
        }
    );
    ticket.amount = None;
    assert_eq!(condition.explain(&ticket).failed.unwrap().seen, None);
    ticket.amount = Some(900.0);
    ticket.signals.abusive = true;
    assert_eq!(
        condition.explain(&ticket).failed,
        Some(FailedCheck {
            text: "not signals.abusive".to_owned(),
            field: "signals.abusive".to_owned(),
            seen: Some(Value::Bool(true)),
        })
    );
    ticket.signals.abusive = false;
    assert_eq!(
        condition.explain(&ticket),
        Verdict {
            matched: true,
            failed: None
        }
    );
}

#[test]
fn explain_for_any_reports_its_first_member() {
    let condition = Condition::parse("priority == critical or signals.demands_manager").unwrap();
    let failed = condition.explain(&refund(None)).failed.unwrap();
    assert_eq!(failed.text, "priority == critical");
    assert_eq!(failed.seen, Some(Value::Priority(Priority::High)));
}

#[test]
fn explain_under_not_reports_the_member_that_matched() {
    let condition = Condition::parse("not (channel == phone or category == \"refund\")").unwrap();
    let failed = condition.explain(&refund(None)).failed.unwrap();
    assert_eq!(failed.text, "not category == \"refund\"");
    assert_eq!(failed.seen, Some(Value::Text("refund".to_owned())));
}

#[test]
fn tests_and_fields_walk_the_leaves_in_order() {
    let condition = Condition::parse(
        "(amount > 5 or not signals.abusive) and amount < 10 and attributes.plan exists",
    )
    .unwrap();
    let texts: Vec<String> = condition.tests().map(|t| t.to_string()).collect();
    assert_eq!(
        texts,
        [
            "amount > 5",
            "signals.abusive",
            "amount < 10",
            "attributes.plan exists"
        ]
    );
    assert_eq!(
        condition.fields(),
        ["amount", "signals.abusive", "attributes.plan"]
    );
}
