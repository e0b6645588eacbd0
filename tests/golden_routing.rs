//! Golden routing table against `www/presets/default.json`: every expected answer was worked out by hand.
//!
//! The preset, in short. Triggers (first match): manager_or_abuse (demands_manager or abusive → supervisors),
//! large_refund (refund and amount > 500 → supervisors), enterprise_churn_risk (enterprise and a threat to leave
//! or review → supervisors); all hierarchical. Rules (first match): critical_outage (outage and critical →
//! engineering), outage (→ technical_support), payment_failure (→ billing), urgent_bug (bug and critical/high →
//! technical_support), enterprise_billing (enterprise and billing/refund → billing); all functional. Default:
//! general_support. Priority: given, else impact × urgency, else medium.

use escalator::engine::journey::SlaTarget;
use escalator::engine::policy::{CompiledPolicy, Direction, Policy};
use escalator::engine::route::{route, route_team, DecisionKind, PrioritySource};
use escalator::engine::ticket::{Priority, Ticket};
use escalator::engine::time::Instant;
use escalator::engine::trace::Stage;

fn preset() -> CompiledPolicy {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/presets/default.json"
    ))
    .expect("preset present");
    Policy::from_json(&text)
        .expect("preset parses")
        .compile()
        .expect("preset compiles")
}

fn ticket(json: &str) -> Ticket {
    serde_json::from_str(json).unwrap_or_else(|error| panic!("bad test ticket {json}: {error}"))
}

fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).expect("test instant")
}

/// Tuesday 24 November 2026, 10:00 in London (GMT, so 10:00Z): inside every calendar's hours.
const TUESDAY_10: &str = "2026-11-24T10:00:00Z";

use DecisionKind::{Functional as F, Hierarchical as H, None as N};

/// (why, ticket, team, kind, deciding trigger/rule id)
const GOLDEN: &[(&str, &str, &str, DecisionKind, &str)] = &[
    ("no trigger or rule mentions how_to: default route", r#"{"category":"how_to","priority":"low","channel":"email"}"#, "general_support", N, "default"),
    ("account questions stay with first line", r#"{"category":"account","priority":"medium","channel":"chat"}"#, "general_support", N, "default"),
    ("feature requests stay with first line", r#"{"category":"feature_request","priority":"low","channel":"web"}"#, "general_support", N, "default"),
    ("a standard-segment billing question: enterprise_billing needs enterprise", r#"{"category":"billing","priority":"medium","channel":"email"}"#, "general_support", N, "default"),
    ("enterprise billing question: enterprise_billing", r#"{"category":"billing","priority":"medium","channel":"email","segment":"enterprise"}"#, "billing", F, "enterprise_billing"),
    ("a refund of 200 is under the limit and not enterprise", r#"{"category":"refund","priority":"medium","channel":"email","amount":200}"#, "general_support", N, "default"),
    ("a refund of 750 needs authorisation: large_refund", r#"{"category":"refund","priority":"medium","channel":"email","amount":750}"#, "supervisors", H, "large_refund"),
    ("exactly 500 is not above 500", r#"{"category":"refund","priority":"medium","channel":"email","amount":500}"#, "general_support", N, "default"),
    ("501 is above 500", r#"{"category":"refund","priority":"low","channel":"web","amount":501}"#, "supervisors", H, "large_refund"),
    ("triggers come before rules: an enterprise refund of 750 needs authorisation first", r#"{"category":"refund","priority":"high","channel":"phone","amount":750,"segment":"enterprise"}"#, "supervisors", H, "large_refund"),
    ("an enterprise refund of 300: enterprise_billing", r#"{"category":"refund","priority":"medium","channel":"email","amount":300,"segment":"enterprise"}"#, "billing", F, "enterprise_billing"),
    ("a refund without an amount cannot be above the limit", r#"{"category":"refund","priority":"medium","channel":"chat"}"#, "general_support", N, "default"),
    ("a payment failure goes to billing", r#"{"category":"payment_failure","priority":"high","channel":"email"}"#, "billing", F, "payment_failure"),
    ("a payment failure from a customer demanding a manager: the trigger wins", r#"{"category":"payment_failure","priority":"high","channel":"phone","signals":{"demands_manager":true}}"#, "supervisors", H, "manager_or_abuse"),
    ("a critical outage skips first line", r#"{"category":"outage","priority":"critical","channel":"phone"}"#, "engineering", F, "critical_outage"),
    ("a high outage goes to second line", r#"{"category":"outage","priority":"high","channel":"email"}"#, "technical_support", F, "outage"),
    ("a low outage goes to second line", r#"{"category":"outage","priority":"low","channel":"web"}"#, "technical_support", F, "outage"),
    ("impact high × urgency high = critical: a critical outage", r#"{"category":"outage","impact":"high","urgency":"high","channel":"phone"}"#, "engineering", F, "critical_outage"),
    ("impact medium × urgency high = high: not critical", r#"{"category":"outage","impact":"medium","urgency":"high","channel":"phone"}"#, "technical_support", F, "outage"),
    ("no priority, no impact: default medium", r#"{"category":"outage","channel":"chat"}"#, "technical_support", F, "outage"),
    ("a critical bug goes to second line", r#"{"category":"bug","priority":"critical","channel":"email"}"#, "technical_support", F, "urgent_bug"),
    ("a high bug goes to second line", r#"{"category":"bug","priority":"high","channel":"web"}"#, "technical_support", F, "urgent_bug"),
    ("a medium bug starts at first line", r#"{"category":"bug","priority":"medium","channel":"web"}"#, "general_support", N, "default"),
    ("impact low × urgency low = low bug: first line", r#"{"category":"bug","impact":"low","urgency":"low","channel":"email"}"#, "general_support", N, "default"),
    ("impact high × urgency low = medium bug: first line", r#"{"category":"bug","impact":"high","urgency":"low","channel":"email"}"#, "general_support", N, "default"),
    ("impact high × urgency medium = high bug: urgent_bug", r#"{"category":"bug","impact":"high","urgency":"medium","channel":"email"}"#, "technical_support", F, "urgent_bug"),
    ("technical problems start at first line, whatever the channel", r#"{"category":"technical","priority":"high","channel":"phone"}"#, "general_support", N, "default"),
    ("an abusive customer goes to a supervisor", r#"{"category":"how_to","priority":"low","channel":"chat","signals":{"abusive":true}}"#, "supervisors", H, "manager_or_abuse"),
    ("a standard customer threatening to leave: churn trigger needs enterprise", r#"{"category":"account","priority":"medium","channel":"phone","signals":{"threatens_to_leave":true}}"#, "general_support", N, "default"),
    ("an enterprise customer threatening a review: churn risk", r#"{"category":"account","priority":"medium","channel":"social","segment":"enterprise","signals":{"threatens_review":true}}"#, "supervisors", H, "enterprise_churn_risk"),
    ("enterprise billing with a threat to leave: the trigger comes first", r#"{"category":"billing","priority":"medium","channel":"email","segment":"enterprise","signals":{"threatens_to_leave":true}}"#, "supervisors", H, "enterprise_churn_risk"),
    ("a critical outage with an abusive caller: triggers before rules", r#"{"category":"outage","priority":"critical","channel":"phone","signals":{"abusive":true}}"#, "supervisors", H, "manager_or_abuse"),
    ("enterprise technical problem: no enterprise rule for technical", r#"{"category":"technical","priority":"medium","channel":"email","segment":"enterprise"}"#, "general_support", N, "default"),
    ("a payment failure from an enterprise customer threatening a review", r#"{"category":"payment_failure","priority":"medium","channel":"email","segment":"enterprise","signals":{"threatens_review":true}}"#, "supervisors", H, "enterprise_churn_risk"),
    ("an smb billing question is not enterprise", r#"{"category":"billing","priority":"low","channel":"web","segment":"smb"}"#, "general_support", N, "default"),
    ("a payment failure that is also enterprise: payment_failure comes before enterprise_billing", r#"{"category":"payment_failure","priority":"low","channel":"web","segment":"enterprise"}"#, "billing", F, "payment_failure"),
];

#[test]
fn golden_table() {
    assert!(GOLDEN.len() >= 30);
    let policy = preset();
    for (why, json, team, kind, decided_by) in GOLDEN {
        let decision = route(&policy, &ticket(json), at(TUESDAY_10));
        assert_eq!(
            (
                decision.team.as_str(),
                decision.kind,
                decision.decided_by.id.as_str()
            ),
            (*team, *kind, *decided_by),
            "{why}: {json}"
        );
        let tier = match *team {
            "general_support" => "l1",
            "technical_support" | "billing" => "l2",
            "engineering" => "l3",
            _ => "management",
        };
        assert_eq!(decision.tier, tier, "{why}");
        let fast = route_team(&policy, &ticket(json));
        assert_eq!(
            policy.teams[fast.team].id, *team,
            "route_team agrees: {why}"
        );
        assert_eq!(fast.kind, *kind, "route_team agrees: {why}");
        assert_eq!(
            decision.trace.matched().map(|step| step.id.as_str()),
            Some(*decided_by),
            "{why}"
        );
    }
}

#[test]
fn priority_is_given_derived_or_defaulted() {
    let policy = preset();
    let given = route(
        &policy,
        &ticket(
            r#"{"category":"bug","priority":"low","impact":"high","urgency":"high","channel":"web"}"#,
        ),
        at(TUESDAY_10),
    );
    assert_eq!(
        (given.priority, given.priority_source),
        (Priority::Low, PrioritySource::Given)
    );
    let derived = route(
        &policy,
        &ticket(r#"{"category":"bug","impact":"low","urgency":"high","channel":"web"}"#),
        at(TUESDAY_10),
    );
    assert_eq!(
        (derived.priority, derived.priority_source),
        (Priority::Medium, PrioritySource::Matrix)
    );
    let defaulted = route(
        &policy,
        &ticket(r#"{"category":"bug","impact":"high","channel":"web"}"#),
        at(TUESDAY_10),
    );
    assert_eq!(
        (defaulted.priority, defaulted.priority_source),
        (Priority::Medium, PrioritySource::Default)
    );
}

#[test]
fn standard_sla_and_ladder_for_a_low_how_to() {
    // Standard SLA on uk_support_hours (Mon–Fri 08:00–20:00 London). Low: first response 8h → Tue 18:00;
    // warnings 50% (4h) → 14:00, 75% (6h) → 16:00; resolution 60h: Tue 10h, Wed–Fri 36h, Mon 12h (58h),
    // Tue 1 Dec 2h → 10:00. First response escalates 1 business hour after its breach → 19:00.
    // Ladder: no how_to row, * × * row: supervisors after 12h business on the
    // receiving team's calendar: Tue 10h, Wed 2h → Wed 10:00.
    let policy = preset();
    let decision = route(&policy, &ticket(GOLDEN[0].1), at(TUESDAY_10));
    let sla = decision.sla.expect("an SLA applies");
    assert_eq!(sla.policy, "standard");
    assert_eq!(sla.calendar.as_deref(), Some("uk_support_hours"));
    assert_eq!(
        sla.due(SlaTarget::FirstResponse),
        Some(at("2026-11-24T18:00:00Z"))
    );
    assert_eq!(
        sla.due(SlaTarget::Resolution),
        Some(at("2026-12-01T10:00:00Z"))
    );
    assert_eq!(
        sla.due(SlaTarget::NextUpdate),
        None,
        "next update counts from each reply"
    );
    let first = &sla.targets[0];
    assert_eq!(first.seconds, 8 * 3600);
    let warnings: Vec<(u32, Instant)> = first.warnings.iter().map(|w| (w.percent, w.at)).collect();
    assert_eq!(
        warnings,
        [
            (50, at("2026-11-24T14:00:00Z")),
            (75, at("2026-11-24T16:00:00Z"))
        ]
    );
    let breaches: Vec<(SlaTarget, Instant, &str)> = sla
        .breach_ladder
        .iter()
        .map(|b| (b.target, b.at, b.team.as_str()))
        .collect();
    assert_eq!(
        breaches,
        [
            (
                SlaTarget::FirstResponse,
                at("2026-11-24T18:00:00Z"),
                "supervisors"
            ),
            (
                SlaTarget::FirstResponse,
                at("2026-11-24T19:00:00Z"),
                "supervisors"
            ),
            (
                SlaTarget::Resolution,
                at("2026-12-01T10:00:00Z"),
                "supervisors"
            ),
            (
                SlaTarget::Resolution,
                at("2026-12-01T14:00:00Z"),
                "supervisors"
            ),
        ]
    );
    assert_eq!(decision.ladder.len(), 1);
    let level = &decision.ladder[0];
    assert_eq!(
        (level.level, level.team.as_str(), level.at),
        (1, "supervisors", at("2026-11-25T10:00:00Z"))
    );
    assert_eq!(
        (level.direction, level.kind),
        (Direction::Hierarchical, DecisionKind::Automatic)
    );
}

#[test]
fn critical_outage_counts_calendar_time() {
    // Outage SLA in calendar time: critical first response 15m → 10:15, resolution 4h → 14:00.
    // Ladder row outage × critical: [engineering 15m, supervisors 1h]; engineering already holds it, so only
    // level 2 remains: 1h of calendar time after arrival → 11:00.
    let policy = preset();
    let decision = route(&policy, &ticket(GOLDEN[14].1), at(TUESDAY_10));
    let sla = decision.sla.expect("an SLA applies");
    assert_eq!(
        (sla.policy.as_str(), sla.calendar.as_deref()),
        ("outage", None)
    );
    assert_eq!(
        sla.due(SlaTarget::FirstResponse),
        Some(at("2026-11-24T10:15:00Z"))
    );
    assert_eq!(
        sla.due(SlaTarget::Resolution),
        Some(at("2026-11-24T14:00:00Z"))
    );
    let ladder: Vec<(usize, &str, Instant)> = decision
        .ladder
        .iter()
        .map(|l| (l.level, l.team.as_str(), l.at))
        .collect();
    assert_eq!(ladder, [(2, "supervisors", at("2026-11-24T11:00:00Z"))]);
}

#[test]
fn payment_failure_late_on_friday() {
    // Friday 27 Nov 16:55. Standard SLA on uk_support_hours (high): first response 1h → 17:55 Fri;
    // resolution 8h: Fri 3h05m to 20:00, Mon 4h55m → Mon 30 Nov 12:55. Ladder payment_failure × *:
    // [billing 30m, supervisors 4h]; billing holds it, so supervisors after 4h on billing's calendar
    // (uk_office_hours 09:00–17:30): Fri 35m, Mon 3h25m → 12:25.
    let policy = preset();
    let decision = route(&policy, &ticket(GOLDEN[12].1), at("2026-11-27T16:55:00Z"));
    let sla = decision.sla.expect("an SLA applies");
    assert_eq!(
        sla.due(SlaTarget::FirstResponse),
        Some(at("2026-11-27T17:55:00Z"))
    );
    assert_eq!(
        sla.due(SlaTarget::Resolution),
        Some(at("2026-11-30T12:55:00Z"))
    );
    let ladder: Vec<(usize, &str, Instant)> = decision
        .ladder
        .iter()
        .map(|l| (l.level, l.team.as_str(), l.at))
        .collect();
    assert_eq!(ladder, [(2, "supervisors", at("2026-11-30T12:25:00Z"))]);
}

#[test]
fn enterprise_sla_uses_the_receiving_teams_calendar() {
    // Enterprise billing at Tue 19:00 → billing (uk_office_hours 09:00–17:30). Enterprise SLA has no
    // calendar, so billing's counts. Medium: first response 2h → Wed 11:00; resolution 16h: Wed 8h30,
    // Thu 7h30 → Thu 16:30. Ladder billing × *: [billing 4h, supervisors 12h]: Wed 8h30, Thu 3h30 → 12:30.
    let policy = preset();
    let decision = route(&policy, &ticket(GOLDEN[4].1), at("2026-11-24T19:00:00Z"));
    let sla = decision.sla.expect("an SLA applies");
    assert_eq!(
        (sla.policy.as_str(), sla.calendar.as_deref()),
        ("enterprise", Some("uk_office_hours"))
    );
    assert_eq!(
        sla.due(SlaTarget::FirstResponse),
        Some(at("2026-11-25T11:00:00Z"))
    );
    assert_eq!(
        sla.due(SlaTarget::Resolution),
        Some(at("2026-11-26T16:30:00Z"))
    );
    assert_eq!(decision.ladder[0].at, at("2026-11-26T12:30:00Z"));
}

#[test]
fn christmas_holidays_push_the_first_response() {
    // Thu 24 Dec 18:00, medium how_to: 4h on uk_support_hours. Thu 2h to 20:00; Fri 25 Dec and Mon 28 Dec are
    // holidays, the weekend is closed; Tue 29 Dec 08:00 + 2h → 10:00.
    let policy = preset();
    let decision = route(
        &policy,
        &ticket(r#"{"category":"how_to","priority":"medium","channel":"email"}"#),
        at("2026-12-24T18:00:00Z"),
    );
    assert_eq!(
        decision
            .sla
            .and_then(|sla| sla.due(SlaTarget::FirstResponse)),
        Some(at("2026-12-29T10:00:00Z"))
    );
}

#[test]
fn ladder_changes_calendar_with_the_holder() {
    // Medium bug at Tue 10:00 → general_support. Row bug × *: technical_support after 4h on general_support's
    // calendar → 14:00; engineering after 12h: 8h more on technical_support's calendar: 6h to 20:00, Wed 2h → 10:00.
    let policy = preset();
    let decision = route(&policy, &ticket(GOLDEN[22].1), at(TUESDAY_10));
    let ladder: Vec<(usize, &str, Instant)> = decision
        .ladder
        .iter()
        .map(|l| (l.level, l.team.as_str(), l.at))
        .collect();
    assert_eq!(
        ladder,
        [
            (1, "technical_support", at("2026-11-24T14:00:00Z")),
            (2, "engineering", at("2026-11-25T10:00:00Z"))
        ]
    );
    // Medium outage at Tue 10:00 → technical_support. Row outage × *: engineering after 2h → 12:00; supervisors
    // after 4h: 2h more on engineering's around-the-clock calendar → 14:00.
    let decision = route(
        &policy,
        &ticket(r#"{"category":"outage","priority":"medium","channel":"email"}"#),
        at(TUESDAY_10),
    );
    let ladder: Vec<(&str, Instant)> = decision
        .ladder
        .iter()
        .map(|l| (l.team.as_str(), l.at))
        .collect();
    assert_eq!(
        ladder,
        [
            ("engineering", at("2026-11-24T12:00:00Z")),
            ("supervisors", at("2026-11-24T14:00:00Z"))
        ]
    );
}

#[test]
fn trace_lists_every_step_in_order() {
    let policy = preset();
    let decision = route(&policy, &ticket(GOLDEN[6].1), at(TUESDAY_10));
    let ids: Vec<(Stage, &str)> = decision
        .trace
        .steps
        .iter()
        .map(|s| (s.stage, s.id.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            (Stage::Trigger, "manager_or_abuse"),
            (Stage::Trigger, "large_refund"),
            (Stage::Trigger, "enterprise_churn_risk"),
            (Stage::Rule, "critical_outage"),
            (Stage::Rule, "outage"),
            (Stage::Rule, "payment_failure"),
            (Stage::Rule, "urgent_bug"),
            (Stage::Rule, "enterprise_billing"),
            (Stage::Default, "default"),
        ]
    );
    let lines = decision.trace.lines();
    assert_eq!(lines[1], "trigger large_refund: matched → supervisors");
    for line in &lines[2..] {
        assert!(
            line.ends_with("not evaluated (an earlier rule matched)"),
            "{line}"
        );
    }
}

#[test]
fn trace_shows_the_first_failing_condition_and_the_value_seen() {
    let policy = preset();
    let decision = route(&policy, &ticket(GOLDEN[0].1), at(TUESDAY_10));
    let lines = decision.trace.lines();
    assert_eq!(
        lines[1],
        r#"trigger large_refund: failed at category == "refund" (saw "how_to")"#
    );
    assert_eq!(
        lines[3],
        r#"rule critical_outage: failed at category == "outage" (saw "how_to")"#
    );
    assert_eq!(lines[8], "default default: matched → general_support");
    let refund = route(&policy, &ticket(GOLDEN[5].1), at(TUESDAY_10));
    assert_eq!(
        refund.trace.lines()[1],
        "trigger large_refund: failed at amount > 500 (saw 200)"
    );
    let no_amount = route(&policy, &ticket(GOLDEN[11].1), at(TUESDAY_10));
    assert_eq!(
        no_amount.trace.lines()[1],
        "trigger large_refund: failed at amount > 500 (saw no value)"
    );
    let bug = route(&policy, &ticket(GOLDEN[22].1), at(TUESDAY_10));
    assert_eq!(
        bug.trace.lines()[6],
        r#"rule urgent_bug: failed at priority in [critical, high] (saw medium)"#
    );
}

#[test]
fn decision_serialises_for_the_playground() {
    let policy = preset();
    let decision = route(&policy, &ticket(GOLDEN[6].1), at(TUESDAY_10));
    let json = serde_json::to_value(&decision).expect("serialises");
    assert_eq!(json["team"], "supervisors");
    assert_eq!(json["kind"], "hierarchical");
    assert_eq!(json["decided_by"]["stage"], "trigger");
    assert_eq!(
        json["decided_by"]["reason"],
        "Refund above the 500 authorisation limit"
    );
    assert_eq!(json["trace"]["steps"][1]["outcome"], "matched");
    assert_eq!(json["trace"]["steps"][0]["outcome"], "failed");
    assert_eq!(json["trace"]["steps"][2]["outcome"], "not_evaluated");
}
