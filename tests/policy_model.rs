//! The compiled engine policy as the simulator's model: who receives a ticket and why, where an unresolved
//! ticket goes, and which timed checkpoints (SLA and escalation matrix) a ticket gets.

use escalator::engine::journey::{EscalationKind, SlaTarget};
use escalator::engine::policy::Policy;
use escalator::engine::ticket::{Channel, Priority, Ticket};
use escalator::engine::time::Instant;
use escalator::sim::{
    Checkpoint, CheckpointKind, EnginePolicyModel, Escalation, PolicyModel, TeamId,
};

const DEFAULT_POLICY: &str = include_str!("../www/presets/default.json");

fn model(text: &str) -> EnginePolicyModel {
    let policy = Policy::from_json(text).expect("reads");
    EnginePolicyModel::new(policy.compile().expect("compiles")).expect("small")
}

/// The default preset policy.
fn default_preset() -> Policy {
    Policy::from_json(DEFAULT_POLICY).expect("the preset reads")
}

/// The normal-week preset scenario, one replication of `days` days.
fn normal_days(days: u32) -> serde_json::Value {
    let mut scenario: serde_json::Value =
        serde_json::from_str(include_str!("../www/presets/normal-week.json")).expect("scenario");
    scenario["replications"] = serde_json::json!(1);
    scenario["workload"]["horizon"] = serde_json::json!(days);
    scenario
}

/// Runs the scenario `scenario` under `policy`.
fn run_scenario(
    scenario: &serde_json::Value,
    policy: &Policy,
) -> Result<escalator::sim::ScenarioResult, escalator::sim::ScenarioError> {
    let read = escalator::sim::Scenario::from_json(&scenario.to_string()).expect("a scenario");
    escalator::sim::run_scenario(&read, policy)
}

fn team(model: &EnginePolicyModel, id: &str) -> TeamId {
    model
        .teams()
        .iter()
        .position(|team| team.name == id)
        .and_then(|index| TeamId::try_from(index).ok())
        .expect("a team of the policy")
}

fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).expect("a valid instant")
}

fn ticket(category: &str, priority: Priority) -> Ticket {
    Ticket::new(category, priority, Channel::Email)
}

#[test]
fn teams_keep_policy_ids_tiers_and_agents() {
    let model = model(DEFAULT_POLICY);
    let teams: Vec<(&str, u8, u32)> = model
        .teams()
        .iter()
        .map(|team| (team.name.as_str(), team.tier, team.agents))
        .collect();
    assert_eq!(
        teams,
        [
            ("general_support", 1, 12),
            ("technical_support", 2, 6),
            ("billing", 2, 4),
            ("engineering", 3, 5),
            ("supervisors", 4, 3)
        ]
    );
}

#[test]
fn route_records_triggers_and_functional_rules_as_escalations_from_first_line() {
    let model = model(DEFAULT_POLICY);
    let general = team(&model, "general_support");
    let now = at("2026-11-24T10:00:00Z");

    let plain = model.route(&ticket("how_to", Priority::Low), now);
    assert_eq!(
        (plain.team, plain.escalation, plain.reason),
        (general, None, "default")
    );

    let payment = model.route(&ticket("payment_failure", Priority::High), now);
    assert_eq!(payment.team, team(&model, "billing"));
    assert_eq!(
        payment.escalation,
        Some(Escalation {
            kind: EscalationKind::Functional,
            from: general
        })
    );
    assert_eq!(payment.reason, "payment_failure×*");

    let mut angry = ticket("payment_failure", Priority::High);
    angry.signals.abusive = true;
    let routed = model.route(&angry, now);
    assert_eq!(routed.team, team(&model, "supervisors"));
    assert_eq!(
        routed.escalation,
        Some(Escalation {
            kind: EscalationKind::Hierarchical,
            from: general
        })
    );
    assert_eq!(routed.reason, "manager_or_abuse");
}

#[test]
fn unresolved_tickets_follow_the_matrix_then_the_parent() {
    let model = model(DEFAULT_POLICY);
    let now = at("2026-11-24T10:00:00Z");
    let step = |category: &str, priority, from: &str| {
        model
            .on_unresolved(&ticket(category, priority), team(&model, from), now)
            .map(|a| {
                let kind = a.escalation.map(|e| e.kind);
                (
                    model.teams()[usize::from(a.team)].name.as_str(),
                    kind,
                    a.reason,
                )
            })
    };
    #[rustfmt::skip]
    let cases = [
        (("technical", Priority::Medium, "general_support"),
         Some(("technical_support", Some(EscalationKind::Functional), "escalation_matrix[8] technical × *, level 1"))),
        (("technical", Priority::Medium, "technical_support"),
         Some(("supervisors", Some(EscalationKind::Hierarchical), "escalation_matrix[8] technical × *, level 2"))),
        // The bug row ends at engineering, whose parent is the supervisors.
        (("bug", Priority::Medium, "engineering"),
         Some(("supervisors", Some(EscalationKind::Hierarchical), "engineering could not resolve: its parent team"))),
        (("how_to", Priority::Low, "supervisors"), None),
    ];
    for ((category, priority, from), expected) in cases {
        assert_eq!(
            step(category, priority, from),
            expected,
            "{category} at {from}"
        );
    }
}

#[test]
fn without_matrix_or_parent_a_higher_tier_with_the_skill_takes_over() {
    let model = model(
        r#"{"schema_version": 1, "name": "Skills",
            "tiers": [{"id": "l1", "name": "L1", "level": 1}, {"id": "l2", "name": "L2", "level": 2},
                      {"id": "l3", "name": "L3", "level": 3}],
            "categories": [{"id": "tax", "name": "Tax"}],
            "teams": [{"id": "desk", "name": "Desk", "tier": "l1", "agents": 2},
                      {"id": "experts", "name": "Experts", "tier": "l3", "handles": ["tax"], "agents": 1},
                      {"id": "accountants", "name": "Accountants", "tier": "l2", "handles": ["tax"], "agents": 1}],
            "routing": {"default": "desk"}}"#,
    );
    let now = at("2026-11-24T10:00:00Z");
    let desk = team(&model, "desk");
    let next = model
        .on_unresolved(&ticket("tax", Priority::Medium), desk, now)
        .expect("a higher tier handles tax");
    assert_eq!(
        next.team,
        team(&model, "accountants"),
        "the nearest higher tier"
    );
    assert_eq!(
        next.escalation,
        Some(Escalation {
            kind: EscalationKind::Functional,
            from: desk
        })
    );
    assert_eq!(
        next.reason,
        "desk could not resolve: accountants handles tax"
    );
    assert_eq!(
        model.on_unresolved(&ticket("other", Priority::Medium), desk, now),
        None,
        "nobody handles it: first line finishes it"
    );
}

#[test]
fn checkpoints_follow_the_sla_on_business_time_and_the_matrix_ladder() {
    // Standard SLA on uk_support_hours (Mon–Fri 08:00–20:00 London = UTC in November). A low how_to created
    // Tuesday 10:00: warnings 50% → 14:00, 75% → 16:00; first response 8h → 18:00 (notify), escalate 1h later →
    // 19:00; resolution 60h → Tue 1 Dec 10:00 (escalate), then notifications every 4 business hours. Matrix
    // row * × *: supervisors after 12 business hours of first line → Wed 10:00.
    let model = model(DEFAULT_POLICY);
    let general = team(&model, "general_support");
    let supervisors = team(&model, "supervisors");
    let mut out: Vec<Checkpoint> = Vec::new();
    model.sla_checkpoints(
        &ticket("how_to", Priority::Low),
        at("2026-11-24T10:00:00Z"),
        general,
        &mut out,
    );
    out.sort_by_key(|checkpoint| checkpoint.at);
    let first: Vec<(String, SlaTarget, CheckpointKind)> = out
        .iter()
        .take(7)
        .map(|c| (c.at.to_string(), c.target, c.kind))
        .collect();
    assert_eq!(
        first,
        [
            (
                "2026-11-24T14:00:00Z".to_owned(),
                SlaTarget::FirstResponse,
                CheckpointKind::Warning { percent: 50 }
            ),
            (
                "2026-11-24T16:00:00Z".to_owned(),
                SlaTarget::FirstResponse,
                CheckpointKind::Warning { percent: 75 }
            ),
            (
                "2026-11-24T18:00:00Z".to_owned(),
                SlaTarget::FirstResponse,
                CheckpointKind::Breach
            ),
            (
                "2026-11-24T18:00:00Z".to_owned(),
                SlaTarget::FirstResponse,
                CheckpointKind::Level {
                    level: 1,
                    notify: "supervisors",
                    escalate_to: None
                }
            ),
            (
                "2026-11-24T19:00:00Z".to_owned(),
                SlaTarget::FirstResponse,
                CheckpointKind::Level {
                    level: 2,
                    notify: "supervisors",
                    escalate_to: Some(supervisors)
                }
            ),
            (
                "2026-11-25T10:00:00Z".to_owned(),
                SlaTarget::Resolution,
                CheckpointKind::Ladder {
                    level: 1,
                    escalate_to: supervisors,
                    unless_at: &[supervisors]
                }
            ),
            (
                "2026-11-26T16:00:00Z".to_owned(),
                SlaTarget::Resolution,
                CheckpointKind::Warning { percent: 50 }
            ),
        ]
    );
    let breach = out
        .iter()
        .find(|c| c.target == SlaTarget::Resolution && c.kind == CheckpointKind::Breach)
        .expect("a resolution breach");
    assert_eq!(breach.at.to_string(), "2026-12-01T10:00:00Z");
    let escalation = out
        .iter()
        .find(|c| {
            matches!(c.kind, CheckpointKind::Level { level: 1, .. })
                && c.target == SlaTarget::Resolution
        })
        .expect("the resolution breach level");
    assert_eq!(
        escalation.reason,
        "SLA standard: resolution breach level 1 → supervisors"
    );
    let level_two = out
        .iter()
        .filter(|c| {
            matches!(c.kind, CheckpointKind::Level { level: 2, .. })
                && c.target == SlaTarget::Resolution
        })
        .copied()
        .collect::<Vec<_>>();
    assert_eq!(
        level_two.len(),
        1,
        "only the first firing is planned upfront"
    );
    let created = at("2026-11-24T10:00:00Z");
    let mut firings = vec![level_two[0]];
    while let Some(next) = model.next_repeat(&firings[firings.len() - 1], created, general, 0) {
        firings.push(next);
    }
    assert_eq!(
        firings.len(),
        21,
        "a repeating notification fires once and repeats 20 times"
    );
    // Every 4 business hours (08:00–20:00 UK, GMT in winter) from 4 hours after the breach.
    let times: Vec<String> = firings[..3].iter().map(|c| c.at.to_string()).collect();
    assert_eq!(
        times,
        [
            "2026-12-01T14:00:00Z",
            "2026-12-01T18:00:00Z",
            "2026-12-02T10:00:00Z"
        ]
    );
    assert!(firings
        .iter()
        .all(|c| c.kind == level_two[0].kind && c.reason == level_two[0].reason));
}

#[test]
fn a_ticket_routed_into_the_ladder_starts_after_its_own_level() {
    // payment_failure × *: billing after 30m, supervisors after 4h. Routed to billing (uk_office_hours,
    // 09:00–17:30) on Tuesday 10:00, only the supervisors level remains: 4 business hours of billing → 14:00.
    let model = model(DEFAULT_POLICY);
    let billing = team(&model, "billing");
    let mut out = Vec::new();
    model.sla_checkpoints(
        &ticket("payment_failure", Priority::Medium),
        at("2026-11-24T10:00:00Z"),
        billing,
        &mut out,
    );
    let ladder: Vec<(String, u32)> = out
        .iter()
        .filter_map(|c| match c.kind {
            CheckpointKind::Ladder { level, .. } => Some((c.at.to_string(), level)),
            _ => None,
        })
        .collect();
    assert_eq!(ladder, [("2026-11-24T14:00:00Z".to_owned(), 2)]);
}

const ONE_DAY: &str = r#"{
    "policy": "default",
    "workload": {"start": "2026-11-23T00:00:00Z", "horizon": "1d", "arrivals": {"constant": {"per_hour": 20}}},
    "mix": {"categories": {"how_to": 3, "technical": 1}},
    "staffing": {"general_support": 4},
    "handling": {"default": {"time": {"exponential": {"mean": "20m"}}, "resolve": 0.8}},
    "seed": 7,
    "replications": 2
}"#;

#[test]
fn run_context_takes_tiers_costs_staffing_and_opening_hours_from_the_policy() {
    let scenario = escalator::sim::Scenario::from_json(ONE_DAY).expect("parses");
    let policy = Policy::from_json(DEFAULT_POLICY).expect("reads");
    let result = escalator::sim::run_scenario(&scenario, &policy).expect("runs");
    assert_eq!(result.runs.len(), 2);
    let model = model(DEFAULT_POLICY);
    let run = &result.runs[0];
    let context = escalator::sim::run_context(&model, run);
    assert_eq!(context.start, at("2026-11-23T00:00:00Z"));
    assert_eq!(context.end.0, run.stopped_at.0 + 1);
    let general = &context.teams[0];
    assert_eq!(
        (
            general.team.as_str(),
            general.tier.as_deref(),
            general.agents,
            general.hourly_cost
        ),
        ("general_support", Some("l1"), 4, Some(28.0))
    );
    let engineering = &context.teams[3];
    assert_eq!(
        engineering.staffed_seconds,
        context.end.0 - context.start.0,
        "on call 24/7"
    );
    // uk_support_hours: Monday to Friday 08:00–20:00 London, which is UTC in November.
    let open_seconds: i64 = (0..5)
        .map(|day| {
            let opens = context.start.0 + day * 86_400 + 8 * 3600;
            let closes = opens + 12 * 3600;
            (closes.min(context.end.0) - opens.max(context.start.0)).max(0)
        })
        .sum();
    assert!(
        open_seconds >= 12 * 3600,
        "the run covers Monday's opening hours"
    );
    assert_eq!(general.staffed_seconds, open_seconds);
    assert_eq!(
        context.sla_targets,
        [
            SlaTarget::FirstResponse,
            SlaTarget::NextUpdate,
            SlaTarget::Resolution
        ],
        "the default policy sets every target for every ticket, next update included"
    );
    assert_eq!(result.metrics[0].tickets as usize, run.journeys.len());
}

#[test]
fn a_policy_that_does_not_compile_is_reported_under_policy() {
    let scenario = escalator::sim::Scenario::from_json(ONE_DAY).expect("parses");
    let broken = DEFAULT_POLICY.replace(
        r#""default": "general_support""#,
        r#""default": "helpdesk""#,
    );
    let policy = Policy::from_json(&broken).expect("reads");
    let err = escalator::sim::run_scenario(&scenario, &policy).unwrap_err();
    assert_eq!(err.path, "policy.routing.default");
    assert!(
        err.message.starts_with("unknown team \"helpdesk\""),
        "{err}"
    );
}

#[test]
fn an_impact_and_urgency_mix_gives_tickets_the_matrix_priority() {
    use escalator::engine::ticket::Level;
    let policy = default_preset();
    let mut scenario = normal_days(1);
    scenario["mix"]["priorities_by_category"] = serde_json::json!({});
    // No customer signals, so no trigger takes a ticket before the matrix.
    scenario["mix"]["signals"] = serde_json::json!({});
    scenario["mix"]["signals_by_category"] = serde_json::json!({});
    scenario["mix"]["impact_urgency"] = serde_json::json!({"high/high": 1});
    let result = run_scenario(&scenario, &policy).expect("runs");
    let journeys = &result.runs[0].journeys;
    assert!(journeys
        .iter()
        .any(|journey| journey.ticket.category == "outage"));
    for journey in journeys {
        let ticket = &journey.ticket;
        assert_eq!(
            (ticket.priority, ticket.impact, ticket.urgency),
            (None, Some(Level::High), Some(Level::High))
        );
        let first = journey.events.iter().find_map(|event| match &event.kind {
            escalator::engine::journey::EventKind::Assigned { team, .. } => Some(team.to_string()),
            _ => None,
        });
        if ticket.category == "outage" {
            assert_eq!(
                first.as_deref(),
                Some("engineering"),
                "high × high is critical: outage × critical"
            );
        }
    }

    scenario["mix"]["impact_urgency"] = serde_json::json!({"urgent/high": 1});
    let error = run_scenario(&scenario, &policy).expect_err("no such level");
    assert_eq!(error.path, "mix.impact_urgency.urgent/high");
    assert!(
        error.message.contains("write e.g. \"high/medium\""),
        "{}",
        error.message
    );
}

#[test]
fn the_unresolved_chain_climbs_the_matrix_row_then_the_parents() {
    use escalator::engine::journey::EscalationKind;
    use escalator::engine::ticket::{Channel, Priority, Ticket};
    use escalator::sim::policy_model::unresolved_chain;
    let policy = default_preset();
    let model = EnginePolicyModel::new(policy.compile().expect("compiles")).expect("model");
    let at =
        escalator::engine::time::Instant::parse_rfc3339("2026-03-03T10:00:00Z").expect("instant");
    let chain = |category: &str, priority| {
        unresolved_chain(&model, &Ticket::new(category, priority, Channel::Email), at)
            .into_iter()
            .map(|step| (step.team, step.kind))
            .collect::<Vec<_>>()
    };
    // billing × *: general_support first, then billing (functional), then supervisors (hierarchical).
    assert_eq!(
        chain("billing", Priority::Medium),
        [
            ("billing".to_owned(), EscalationKind::Functional),
            ("supervisors".to_owned(), EscalationKind::Hierarchical),
        ]
    );
    // A how-to question has only the catch-all row (supervisors after 12 h): first line, then its parent.
    let how_to = chain("how_to", Priority::Low);
    assert_eq!(
        how_to.last().map(|(team, _)| team.as_str()),
        Some("supervisors")
    );
    assert!(
        how_to.iter().all(|(team, _)| team != "general_support"),
        "no team twice"
    );
}

#[test]
fn sla_results_by_team_channel_priority_and_category_add_up_to_the_overall_ones() {
    let policy = default_preset();
    let mut scenario = normal_days(2);
    // One first-line agent: queues build, so targets are both met and breached.
    scenario["staffing"] = serde_json::json!({"general_support": 1});
    let metrics = &run_scenario(&scenario, &policy).expect("runs").metrics[0];
    let by = &metrics.sla_by;
    for (name, groups) in [
        ("team", &by.by_team),
        ("channel", &by.by_channel),
        ("priority", &by.by_priority),
        ("category", &by.by_category),
    ] {
        assert!(!groups.is_empty(), "{name}");
        assert_eq!(
            groups.iter().map(|g| g.tickets).sum::<u64>(),
            metrics.tickets,
            "{name}"
        );
        for (index, overall) in metrics.sla.iter().enumerate() {
            let sum = |field: fn(&escalator::metrics::SlaMetrics) -> u64| {
                groups.iter().map(|g| field(&g.sla[index])).sum::<u64>()
            };
            assert_eq!(
                sum(|s| s.met),
                overall.met,
                "{name} {:?} met",
                overall.target
            );
            assert_eq!(
                sum(|s| s.breached),
                overall.breached,
                "{name} {:?} breached",
                overall.target
            );
            assert_eq!(
                sum(|s| s.pending),
                overall.pending,
                "{name} {:?} pending",
                overall.target
            );
        }
    }
    assert!(
        by.by_team
            .iter()
            .any(|group| group.key == "general_support"),
        "teams are the ones that received tickets"
    );
    assert!(
        metrics.sla.iter().all(|sla| sla.target.as_str() == "next_update"
            || sla.tickets_with_target == 0
            || (sla.met > 0 && sla.breached > 0)),
        "with one first-line agent, both targets are met for some tickets and breached for others: {:?}",
        metrics.sla
    );
}

#[test]
fn first_assign_is_measured_where_every_ticket_has_it_and_falls_when_it_tightens() {
    use escalator::engine::journey::SlaTarget;
    let run = |first_assign: &str, only_chat: bool| {
        let mut policy: serde_json::Value =
            serde_json::from_str(include_str!("../www/presets/default.json")).expect("policy");
        for sla in policy["sla_policies"].as_array_mut().expect("SLA policies") {
            if only_chat {
                sla["channels"]["chat"]["first_assign"] = serde_json::json!(first_assign);
                continue;
            }
            for priority in ["critical", "high", "medium", "low"] {
                sla["targets"][priority]["first_assign"] = serde_json::json!(first_assign);
            }
        }
        let policy =
            escalator::engine::policy::Policy::from_json(&policy.to_string()).expect("policy");
        run_scenario(&normal_days(2), &policy).expect("runs")
    };
    let first_assign = |result: &escalator::sim::ScenarioResult| {
        result.metrics[0]
            .sla
            .iter()
            .find(|sla| sla.target == SlaTarget::FirstAssign)
            .cloned()
            .expect("listed")
    };
    let loose = first_assign(&run("8h", false));
    let tight = first_assign(&run("2m", false));
    assert!(loose.tickets_with_target > 0, "{loose:?}");
    assert_eq!(loose.tickets_with_target, tight.tickets_with_target);
    let (loose, tight) = (
        loose.compliance.expect("measured"),
        tight.compliance.expect("measured"),
    );
    assert!(
        tight < loose,
        "a two-minute pick-up: {tight} against {loose} at eight hours"
    );
    let chat_only = first_assign(&run("2m", true));
    assert_eq!(
        (chat_only.tickets_with_target, chat_only.breached),
        (0, 0),
        "a target only some tickets have is neither simulated nor counted: {chat_only:?}"
    );
}

#[test]
fn next_update_compliance_falls_when_the_cadence_tightens() {
    use escalator::engine::journey::{EventKind, SlaTarget};
    let run = |next_update: Option<&str>| {
        let mut policy: serde_json::Value =
            serde_json::from_str(include_str!("../www/presets/default.json")).expect("policy");
        if let Some(cadence) = next_update {
            for sla in policy["sla_policies"].as_array_mut().expect("SLA policies") {
                for priority in ["critical", "high", "medium", "low"] {
                    sla["targets"][priority]["next_update"] = serde_json::json!(cadence);
                }
            }
        }
        let policy =
            escalator::engine::policy::Policy::from_json(&policy.to_string()).expect("policy");
        let scenario = normal_days(2);
        run_scenario(&scenario, &policy).expect("runs")
    };
    let compliance = |result: &escalator::sim::ScenarioResult| {
        result.metrics[0]
            .sla
            .iter()
            .find(|sla| sla.target == SlaTarget::NextUpdate)
            .and_then(|sla| sla.compliance)
            .expect("next update is measured")
    };
    let preset = run(None);
    let tight = run(Some("5m"));
    assert!(
        compliance(&tight) < compliance(&preset),
        "a five-minute cadence: {} against the preset's {}",
        compliance(&tight),
        compliance(&preset)
    );
    let updates = preset.runs[0]
        .journeys
        .iter()
        .flat_map(|journey| &journey.events)
        .filter(|event| matches!(event.kind, EventKind::Update { .. }))
        .count();
    assert!(
        updates > 0,
        "a ticket worked a second time updates the customer"
    );
}

#[test]
fn a_next_update_breach_climbs_its_breach_ladder_until_the_ticket_is_answered() {
    use escalator::engine::journey::{EventKind, SlaTarget};
    let run = |ladder: bool| {
        let mut policy: serde_json::Value =
            serde_json::from_str(include_str!("../www/presets/default.json")).expect("policy");
        for sla in policy["sla_policies"].as_array_mut().expect("SLA policies") {
            for priority in ["critical", "high", "medium", "low"] {
                sla["targets"][priority]["next_update"] = serde_json::json!("5m");
            }
            if ladder {
                let levels = sla["breach_ladder"].as_array_mut().expect("a ladder");
                levels.push(serde_json::json!({
                    "target": "next_update", "after_breach": "10m", "to": "supervisors",
                    "action": "escalate"
                }));
                levels.push(serde_json::json!({
                    "target": "next_update", "to": "supervisors", "action": "notify",
                    "repeat_every": "15m"
                }));
            }
        }
        let policy =
            escalator::engine::policy::Policy::from_json(&policy.to_string()).expect("policy");
        run_scenario(&normal_days(2), &policy).expect("runs")
    };
    let update_levels = |result: &escalator::sim::ScenarioResult| -> Vec<(u32, usize)> {
        result.runs[0]
            .journeys
            .iter()
            .flat_map(|journey| &journey.events)
            .filter_map(|event| match &event.kind {
                EventKind::SlaLevel {
                    target: SlaTarget::NextUpdate,
                    level,
                    ..
                } => Some(*level),
                _ => None,
            })
            .fold(Vec::new(), |mut counts, level| {
                match counts.iter_mut().find(|(seen, _)| *seen == level) {
                    Some((_, count)) => *count += 1,
                    None => counts.push((level, 1)),
                }
                counts
            })
    };
    let without = run(false);
    assert!(
        update_levels(&without).is_empty(),
        "no next-update level without a ladder for it"
    );
    let with = run(true);
    let levels = update_levels(&with);
    let count = |level: u32| {
        levels
            .iter()
            .find(|(seen, _)| *seen == level)
            .map_or(0, |(_, count)| *count)
    };
    assert!(count(1) > 0, "the escalating level fires: {levels:?}");
    assert!(
        count(2) > count(1),
        "the repeating notification fires more often than the one-off level: {levels:?}"
    );
    let moved_by_ladder = with.runs[0]
        .journeys
        .iter()
        .filter(|journey| {
            journey.events.iter().any(|event| {
                matches!(&event.kind, EventKind::Assigned { reason, .. }
                    if reason.contains("next_update breach level 1"))
            })
        })
        .count();
    assert!(
        moved_by_ladder > 0,
        "an escalating next-update level moves tickets still waiting in a queue"
    );
    for journey in &with.runs[0].journeys {
        let mut since_breach = false;
        for event in &journey.events {
            match &event.kind {
                EventKind::SlaBreach {
                    target: SlaTarget::NextUpdate,
                } => since_breach = true,
                EventKind::FirstResponse { .. } | EventKind::Update { .. } => since_breach = false,
                EventKind::SlaLevel {
                    target: SlaTarget::NextUpdate,
                    ..
                } => assert!(
                    since_breach,
                    "a next-update level fires only after a breach with no answer since: {:?}",
                    journey.events
                ),
                EventKind::Resolved { .. } => since_breach = false,
                _ => {}
            }
        }
    }
}

#[test]
fn an_overloaded_week_keeps_every_utilisation_at_most_one_and_reports_the_overtime() {
    let policy =
        escalator::engine::policy::Policy::from_json(include_str!("../www/presets/default.json"))
            .expect("policy");
    let mut scenario = normal_days(5);
    scenario["workload"]["arrivals"]["daily"]["volume"] = serde_json::json!(2000);
    let result = run_scenario(&scenario, &policy).expect("runs");
    let teams = &result.metrics[0].teams;
    for team in teams {
        if let Some(utilisation) = team.utilisation {
            assert!(
                utilisation <= 1.0,
                "{}: utilisation {utilisation} above 100%",
                team.team
            );
        }
    }
    assert!(
        teams.iter().any(|team| team.overtime_seconds > 0),
        "saturated teams finish work after closing: {teams:?}"
    );
}
