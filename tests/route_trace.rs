//! Route traces: shadowed rules are flagged, and on random tickets the trace, `route` and `route_team` agree.

mod common;

use common::replaced;
use escalator::engine::policy::{CompiledPolicy, Policy};
use escalator::engine::route::{route, route_team};
use escalator::engine::ticket::{Channel, Level, Priority, Signals, Ticket};
use escalator::engine::time::Instant;
use escalator::engine::trace::{Outcome, Stage};
use proptest::prelude::*;

const PRESET: &str = include_str!("../www/presets/default.json");

fn preset() -> CompiledPolicy {
    let policy = Policy::from_json(PRESET).expect("the preset parses");
    policy.compile().expect("the preset compiles")
}

/// The preset with first receivers on the wildcard rows too, and no routing rules: the matrix decides more.
fn matrix_heavy() -> CompiledPolicy {
    let mut policy = preset().source;
    policy.routing.rules.clear();
    for row in &mut policy.escalation_matrix {
        if row.category == "*" {
            row.first = Some(if row.priority == "critical" {
                "technical_support".to_owned()
            } else {
                "general_support".to_owned()
            });
        }
    }
    policy.compile().expect("the variant compiles")
}

#[test]
fn a_shadowed_rule_says_so_in_the_trace() {
    let text = replaced(
        r#""rules": [{ "id": "bills", "when": "category == \"billing\"", "to": "desk", "kind": "none" }],"#,
        r#""rules": [
      { "id": "money", "when": "category in [\"billing\", \"refund\"]", "to": "desk" },
      { "id": "big_bills", "when": "category == \"billing\" and amount > 100", "to": "boss" }
    ],"#,
    );
    let policy = Policy::from_json(&text).unwrap().compile().unwrap();
    let ticket = Ticket::new("how_to", Priority::Low, Channel::Email);
    let decision = route(&policy, &ticket, Instant(0));
    let big_bills = decision.trace.step("big_bills").expect("listed");
    assert_eq!(big_bills.shadowed_by.as_deref(), Some("money"));
    assert_eq!(
        big_bills.explain(),
        r#"rule big_bills: failed at category == "billing" (saw "how_to"); can never match, shadowed by money"#
    );
    assert_eq!(
        decision
            .trace
            .step("money")
            .and_then(|s| s.shadowed_by.clone()),
        None
    );
}

fn any_ticket() -> impl Strategy<Value = Ticket> {
    let preset = Policy::from_json(PRESET).expect("the preset parses");
    let categories: Vec<String> = preset.categories.into_iter().map(|c| c.id).collect();
    let categories = prop::sample::select(categories);
    let levels = prop::option::of(prop::sample::select(Level::ALL.to_vec()));
    (
        categories,
        prop::option::of(prop::sample::select(Priority::ALL.to_vec())),
        (levels.clone(), levels),
        prop::sample::select(Channel::ALL.to_vec()),
        prop::sample::select(vec!["standard", "enterprise", "smb"]),
        prop::array::uniform4(any::<bool>()),
        prop::option::of(0.0..2000.0f64),
    )
        .prop_map(
            |(category, priority, (impact, urgency), channel, segment, flags, amount)| {
                let mut ticket = Ticket::new(&category, Priority::Low, channel);
                ticket.priority = priority;
                ticket.impact = impact;
                ticket.urgency = urgency;
                ticket.segment = segment.to_owned();
                ticket.signals = Signals {
                    demands_manager: flags[0],
                    abusive: flags[1],
                    threatens_to_leave: flags[2],
                    threatens_review: flags[3],
                };
                ticket.amount = amount;
                ticket
            },
        )
}

proptest! {
    #[test]
    fn trace_route_and_route_team_agree(ticket in any_ticket(), offset in 0i64..(60 * 86_400), heavy in any::<bool>()) {
        let policy = if heavy { matrix_heavy() } else { preset() };
        let at = Instant(1_795_000_000 + offset);
        let decision = route(&policy, &ticket, at);
        let fast = route_team(&policy, &ticket);
        prop_assert_eq!(&policy.teams[fast.team].id, &decision.team);
        prop_assert_eq!(fast.kind, decision.kind);
        prop_assert_eq!(fast.priority, decision.priority);
        prop_assert_eq!(fast.stage, decision.decided_by.stage);
        let fast_id = match fast.stage {
            Stage::Trigger => policy.triggers[fast.index].id.clone(),
            Stage::Rule => policy.rules[fast.index].id.clone(),
            Stage::Matrix => policy.matrix[fast.index].first.as_ref().map(|first| first.id.clone()).unwrap_or_default(),
            Stage::Default => "default".to_owned(),
        };
        prop_assert_eq!(&fast_id, &decision.decided_by.id);
        if heavy {
            prop_assert_ne!(decision.decided_by.stage, Stage::Default, "the * × * row names a receiver");
        }
        let matched: Vec<usize> = decision.trace.steps.iter().enumerate()
            .filter(|(_, step)| step.outcome.is_match()).map(|(index, _)| index).collect();
        prop_assert_eq!(matched.len(), 1);
        for (index, step) in decision.trace.steps.iter().enumerate() {
            if index < matched[0] {
                let failed = matches!(step.outcome, Outcome::Failed { .. });
                prop_assert!(failed, "{}", step.explain());
            } else if index > matched[0] {
                prop_assert_eq!(&step.outcome, &Outcome::NotEvaluated);
            }
        }
        prop_assert_eq!(&decision.trace.steps[matched[0]].id, &decision.decided_by.id);
        let mut previous = at;
        for level in &decision.ladder {
            prop_assert!(level.at >= previous, "ladder instants never go back");
            previous = level.at;
        }
        let sla = decision.sla.expect("the preset has a fallback SLA");
        for due in &sla.targets {
            if let Some(instant) = due.due {
                prop_assert!(instant.seconds_since(at) >= due.seconds, "business time is never faster than calendar time");
            }
        }
    }
}
