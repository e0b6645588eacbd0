//! Every `Edit` natively: what it changes, which edits are one undo step, and condition drafts following
//! their rule or SLA policy when the list is reordered or shortened.

use std::collections::BTreeSet;

use escalator::engine::condition::Signal;
use escalator::engine::duration::Duration;
use escalator::engine::journey::SlaTarget;
use escalator::engine::policy::{BreachAction, Direction, RuleKind, TimeBasis};
use escalator::engine::sla::WaitState;
use escalator::engine::ticket::{Channel, Level, Priority};
use escalator::sim::scenario::{Arrivals, AssignmentStrategy, KnowledgeBase, TimeDistribution};
use escalator::workspace::edit::{
    AuthorisationEdit, AuthorisationField, BreachField, CalendarField, CategoryHandlingField,
    DraftList, Edit, IntervalField, MatrixCellField, MatrixRowField, RuleField, RuleList,
    ScenarioField, SlaField, SpikeField, TeamField, TimeShape,
};
use escalator::workspace::history::History;
use escalator::workspace::Workspace;

mod preset_workspace;

use preset_workspace::workspace;

fn applied(edit: Edit) -> Workspace {
    let mut workspace = workspace();
    edit.apply(&mut workspace);
    workspace
}

/// The variant's name. No wildcard arm: a new variant does not compile until it is named here, and
/// `every_edit_is_exercised` then fails until `examples` has one.
fn variant(edit: &Edit) -> &'static str {
    match edit {
        Edit::AddTeam => "AddTeam",
        Edit::SetTeam { .. } => "SetTeam",
        Edit::RemoveTeam(_) => "RemoveTeam",
        Edit::AddMatrixRow => "AddMatrixRow",
        Edit::SetMatrixRow { .. } => "SetMatrixRow",
        Edit::MoveMatrixRow { .. } => "MoveMatrixRow",
        Edit::RemoveMatrixRow(_) => "RemoveMatrixRow",
        Edit::AddMatrixLevel { .. } => "AddMatrixLevel",
        Edit::SetMatrixCell { .. } => "SetMatrixCell",
        Edit::RemoveMatrixLevel { .. } => "RemoveMatrixLevel",
        Edit::AddRule(_) => "AddRule",
        Edit::SetRule { .. } => "SetRule",
        Edit::SetCondition { .. } => "SetCondition",
        Edit::MoveRule { .. } => "MoveRule",
        Edit::RemoveRule { .. } => "RemoveRule",
        Edit::SetDefaultTeam(_) => "SetDefaultTeam",
        Edit::AddSla => "AddSla",
        Edit::SetSla { .. } => "SetSla",
        Edit::SetSlaCondition { .. } => "SetSlaCondition",
        Edit::MoveSla { .. } => "MoveSla",
        Edit::RemoveSla(_) => "RemoveSla",
        Edit::AddBreachLevel { .. } => "AddBreachLevel",
        Edit::SetBreachLevel { .. } => "SetBreachLevel",
        Edit::RemoveBreachLevel { .. } => "RemoveBreachLevel",
        Edit::AddCalendar => "AddCalendar",
        Edit::SetCalendar { .. } => "SetCalendar",
        Edit::RemoveCalendar(_) => "RemoveCalendar",
        Edit::PaintHour { .. } => "PaintHour",
        Edit::RoundHoursToGrid(_) => "RoundHoursToGrid",
        Edit::AddInterval(_) => "AddInterval",
        Edit::SetInterval { .. } => "SetInterval",
        Edit::RemoveInterval { .. } => "RemoveInterval",
        Edit::AddBreak(_) => "AddBreak",
        Edit::SetBreak { .. } => "SetBreak",
        Edit::RemoveBreak { .. } => "RemoveBreak",
        Edit::AddHoliday { .. } => "AddHoliday",
        Edit::RemoveHoliday { .. } => "RemoveHoliday",
        Edit::SetScenario(_) => "SetScenario",
        Edit::AddSpike => "AddSpike",
        Edit::SetSpike { .. } => "SetSpike",
        Edit::RemoveSpike(_) => "RemoveSpike",
        Edit::AddPriorityMatrix => "AddPriorityMatrix",
        Edit::RemovePriorityMatrix => "RemovePriorityMatrix",
        Edit::SetPriorityCell { .. } => "SetPriorityCell",
        Edit::SetDefaultPriority(_) => "SetDefaultPriority",
        Edit::ReplaceScenario(_) => "ReplaceScenario",
        Edit::SetLogMapping(_) => "SetLogMapping",
        Edit::SetPolicyJson(_) => "SetPolicyJson",
        Edit::Authorisation(_) => "Authorisation",
    }
}

const ALL_VARIANTS: usize = 49;

/// A check of what an edit did to the preset workspace.
type Check = fn(&Workspace);

/// One edit of every kind, each with its check.
fn examples() -> Vec<(Edit, Check)> {
    vec![
        (Edit::AddTeam, |w| {
            let team = w.policy.teams.last().unwrap();
            assert_eq!((team.id.as_str(), team.tier.as_str()), ("new_team", "l1"));
        }),
        (
            Edit::SetTeam {
                team: 1,
                field: TeamField::Agents(9),
            },
            |w| assert_eq!(w.policy.teams[1].agents, 9),
        ),
        (Edit::RemoveTeam(0), |w| {
            assert_eq!(w.policy.teams[0].id, "technical_support")
        }),
        (Edit::AddMatrixRow, |w| {
            let row = w.policy.escalation_matrix.last().unwrap();
            assert_eq!((row.category.as_str(), row.levels.len()), ("*", 0));
        }),
        (
            Edit::SetMatrixRow {
                row: 0,
                field: MatrixRowField::First(Some("billing".to_owned())),
            },
            |w| {
                assert_eq!(
                    w.policy.escalation_matrix[0].first.as_deref(),
                    Some("billing")
                )
            },
        ),
        (Edit::MoveMatrixRow { from: 0, to: 2 }, |w| {
            let original = workspace().policy.escalation_matrix;
            assert_eq!(w.policy.escalation_matrix[2], original[0]);
            assert_eq!(w.policy.escalation_matrix[0], original[1]);
        }),
        (Edit::RemoveMatrixRow(0), |w| {
            assert_eq!(w.policy.escalation_matrix.len(), 10)
        }),
        (Edit::AddMatrixLevel { row: 6 }, |w| {
            let levels = &w.policy.escalation_matrix[6].levels;
            assert_eq!(levels.len(), 2);
            assert_eq!(levels[1].after.seconds(), levels[0].after.seconds() * 2);
            assert_eq!(levels[1].to, "general_support");
        }),
        (
            Edit::SetMatrixCell {
                row: 0,
                level: 1,
                field: MatrixCellField::After(Duration::hours(3)),
            },
            |w| {
                assert_eq!(
                    w.policy.escalation_matrix[0].levels[1].after,
                    Duration::hours(3)
                )
            },
        ),
        (Edit::RemoveMatrixLevel { row: 5, level: 0 }, |w| {
            assert_eq!(w.policy.escalation_matrix[5].levels.len(), 2)
        }),
        (Edit::AddRule(RuleList::Triggers), |w| {
            let trigger = w.policy.triggers.last().unwrap();
            assert_eq!(trigger.id, "new_trigger");
            assert_eq!(trigger.to, w.policy.routing.default);
        }),
        (
            Edit::SetRule {
                list: RuleList::Triggers,
                rule: 0,
                field: RuleField::Kind(RuleKind::Functional),
            },
            |w| assert_eq!(w.policy.triggers[0].kind, Direction::Functional),
        ),
        (
            Edit::SetCondition {
                list: RuleList::Rules,
                rule: 0,
                text: "amount > 900".to_owned(),
            },
            |w| assert_eq!(w.policy.routing.rules[0].when.to_text(), "amount > 900"),
        ),
        (
            Edit::MoveRule {
                list: RuleList::Triggers,
                from: 2,
                to: 0,
            },
            |w| assert_eq!(w.policy.triggers[0].id, "enterprise_churn_risk"),
        ),
        (
            Edit::RemoveRule {
                list: RuleList::Rules,
                rule: 0,
            },
            |w| assert!(w.policy.routing.rules.is_empty()),
        ),
        (Edit::SetDefaultTeam("billing".to_owned()), |w| {
            assert_eq!(w.policy.routing.default, "billing")
        }),
        (Edit::AddSla, |w| {
            let sla = w.policy.sla_policies.last().unwrap();
            assert_eq!((sla.id.as_str(), sla.when.is_none()), ("sla-1", true));
        }),
        (
            Edit::SetSla {
                sla: 2,
                field: SlaField::Target {
                    priority: Priority::High,
                    target: SlaTarget::NextUpdate,
                    value: Some(Duration::hours(2)),
                },
            },
            |w| {
                assert_eq!(
                    w.policy.sla_policies[2].targets.high.next_update,
                    Some(Duration::hours(2))
                )
            },
        ),
        (
            Edit::SetSlaCondition {
                sla: 0,
                text: " ".to_owned(),
            },
            |w| assert_eq!(w.policy.sla_policies[0].when, None, "blank: the fallback"),
        ),
        (Edit::MoveSla { from: 0, to: 1 }, |w| {
            assert_eq!(w.policy.sla_policies[1].id, "outage")
        }),
        (Edit::RemoveSla(1), |w| {
            let ids: Vec<&str> = w
                .policy
                .sla_policies
                .iter()
                .map(|s| s.id.as_str())
                .collect();
            assert_eq!(ids, ["outage", "standard"]);
        }),
        (Edit::AddBreachLevel { sla: 1 }, |w| {
            let level = w.policy.sla_policies[1].breach_ladder.last().unwrap();
            assert_eq!(level.action, BreachAction::Notify);
            assert_eq!(w.policy.sla_policies[1].breach_ladder.len(), 3);
        }),
        (
            Edit::SetBreachLevel {
                sla: 0,
                level: 0,
                field: BreachField::RepeatEvery(Some(Duration::minutes(30))),
            },
            |w| {
                assert_eq!(
                    w.policy.sla_policies[0].breach_ladder[0].repeat_every,
                    Some(Duration::minutes(30))
                )
            },
        ),
        (Edit::RemoveBreachLevel { sla: 2, level: 3 }, |w| {
            assert_eq!(w.policy.sla_policies[2].breach_ladder.len(), 3)
        }),
        (Edit::AddCalendar, |w| {
            let calendar = w.policy.calendars.last().unwrap();
            assert_eq!(calendar.id, "calendar-1");
            assert_eq!(calendar.hours[0].days.len(), 5);
        }),
        (
            Edit::SetCalendar {
                calendar: 0,
                field: CalendarField::TimeZone("Europe/Berlin".to_owned()),
            },
            |w| assert_eq!(w.policy.calendars[0].time_zone, "Europe/Berlin"),
        ),
        (Edit::RemoveCalendar(2), |w| {
            assert_eq!(w.policy.calendars.len(), 2)
        }),
        (
            Edit::PaintHour {
                calendar: 0,
                stroke: 1,
                day: 5,
                hour: 9,
                open: true,
            },
            |w| {
                let hours = &w.policy.calendars[0].hours;
                assert!(hours
                    .iter()
                    .any(|h| h.days == ["sat"] && h.from == "09:00" && h.to == "10:00"));
            },
        ),
        (Edit::RoundHoursToGrid(1), |w| {
            assert_eq!(
                w.policy.calendars[1].hours[0].to, "18:00",
                "17:30 rounds outwards"
            )
        }),
        (Edit::AddInterval(0), |w| {
            assert_eq!(w.policy.calendars[0].hours[1].days, ["sat"])
        }),
        (
            Edit::SetInterval {
                calendar: 0,
                interval: 0,
                field: IntervalField::Day {
                    day: 0,
                    listed: false,
                },
            },
            |w| {
                assert_eq!(
                    w.policy.calendars[0].hours[0].days,
                    ["tue", "wed", "thu", "fri"]
                )
            },
        ),
        (
            Edit::RemoveInterval {
                calendar: 0,
                interval: 0,
            },
            |w| assert!(w.policy.calendars[0].hours.is_empty()),
        ),
        (Edit::AddBreak(0), |w| {
            assert_eq!(w.policy.calendars[0].breaks[0].from, "12:00")
        }),
        (
            Edit::SetBreak {
                calendar: 0,
                interval: 0,
                field: IntervalField::To("13:30".to_owned()),
            },
            |w| assert_eq!(w.policy.calendars[0].breaks[0].to, "13:30"),
        ),
        (
            Edit::RemoveBreak {
                calendar: 0,
                interval: 0,
            },
            |w| assert!(w.policy.calendars[0].breaks.is_empty()),
        ),
        (
            Edit::AddHoliday {
                calendar: 0,
                date: "2026-12-26".to_owned(),
                name: None,
            },
            |w| {
                let dates: Vec<&str> = w.policy.calendars[0]
                    .holidays
                    .iter()
                    .map(|h| h.date.as_str())
                    .collect();
                assert_eq!(
                    dates,
                    ["2026-12-25", "2026-12-26", "2026-12-28", "2027-01-01"]
                );
            },
        ),
        (
            Edit::RemoveHoliday {
                calendar: 0,
                holiday: 0,
            },
            |w| assert_eq!(w.policy.calendars[0].holidays[0].date, "2026-12-28"),
        ),
        (
            Edit::SetScenario(ScenarioField::Staffing {
                team: "billing".to_owned(),
                agents: 4,
            }),
            |w| assert_eq!(w.scenario.staffing.get("billing"), Some(&4)),
        ),
        (Edit::RemovePriorityMatrix, |w| {
            assert_eq!(w.policy.priority_matrix, None)
        }),
        (Edit::AddPriorityMatrix, |w| {
            assert_eq!(
                w.policy.priority_matrix,
                workspace().policy.priority_matrix,
                "the preset already has the usual matrix, which Add leaves as it is"
            )
        }),
        (
            Edit::SetPriorityCell {
                impact: Level::High,
                urgency: Level::High,
                priority: Priority::High,
            },
            |w| {
                let matrix = w.policy.priority_matrix.expect("a matrix");
                assert_eq!(matrix.cell(Level::High, Level::High), Priority::High);
                assert_eq!(matrix.cell(Level::High, Level::Medium), Priority::High);
            },
        ),
        (Edit::SetDefaultPriority(Priority::Low), |w| {
            assert_eq!(w.policy.default_priority, Priority::Low)
        }),
        (
            Edit::ReplaceScenario(Box::new({
                let mut scenario = workspace().scenario;
                scenario.name = Some("Drawn from a log".to_owned());
                scenario
            })),
            |w| assert_eq!(w.scenario.name.as_deref(), Some("Drawn from a log")),
        ),
        (
            Edit::SetLogMapping(Some(escalator::import::Mapping::suggest(&[
                "Case".to_owned(),
                "When".to_owned(),
            ]))),
            |w| assert_eq!(w.log_mapping.as_ref().map(|m| m.id.as_str()), Some("Case")),
        ),
        (Edit::Authorisation(AuthorisationEdit::Add), |w| {
            let added = &w.policy.authorisations[0];
            assert_eq!(added.id, "approval");
            assert_eq!(added.categories, ["refund"]);
            assert_eq!(
                (added.limits[0].above, added.limits[0].approver.as_str()),
                (500.0, "technical_support"),
                "the lowest team above first line approves"
            );
            assert!(w.policy.compile().is_ok());
        }),
        (Edit::SetPolicyJson("{ not json".to_owned()), |w| {
            assert_eq!(w.policy_json_draft.as_deref(), Some("{ not json"));
            assert_eq!(
                w.policy,
                workspace().policy,
                "the policy keeps its last valid form"
            );
        }),
        (Edit::AddSpike, |w| {
            let spike = &w.scenario.workload.spikes[0];
            assert_eq!(
                spike.start.seconds_since(w.scenario.workload.start),
                33 * 3600,
                "the second day at 09:00"
            );
            assert_eq!(
                (spike.duration, spike.multiplier),
                (Duration::hours(3), 2.0)
            );
        }),
        (
            Edit::SetSpike {
                spike: 0,
                field: SpikeField::Multiplier(500.0),
            },
            |w| assert_eq!(w.scenario.workload.spikes[0].multiplier, 100.0),
        ),
        (Edit::RemoveSpike(0), |w| {
            assert!(w.scenario.workload.spikes.is_empty())
        }),
    ]
}

#[test]
fn every_edit_is_exercised() {
    let named: BTreeSet<&str> = examples().iter().map(|(edit, _)| variant(edit)).collect();
    assert_eq!(
        named.len(),
        ALL_VARIANTS,
        "an example of every variant: {named:?}"
    );
    for (edit, check) in examples() {
        // The preset has no calendar breaks: a break's edits start from one with a lunch break.
        let mut start = workspace();
        if matches!(edit, Edit::SetBreak { .. } | Edit::RemoveBreak { .. }) {
            Edit::AddBreak(0).apply(&mut start);
        }
        // Nor traffic spikes.
        if matches!(edit, Edit::SetSpike { .. } | Edit::RemoveSpike(_)) {
            Edit::AddSpike.apply(&mut start);
        }
        let mut edited = start.clone();
        edit.apply(&mut edited);
        if variant(&edit) != "AddPriorityMatrix" {
            assert!(edited != start, "{edit:?} changed nothing");
        }
        check(&edited);
    }
}

#[test]
fn a_removed_priority_matrix_comes_back_as_the_usual_one() {
    let mut workspace = workspace();
    Edit::RemovePriorityMatrix.apply(&mut workspace);
    Edit::SetPriorityCell {
        impact: Level::Low,
        urgency: Level::Low,
        priority: Priority::Critical,
    }
    .apply(&mut workspace);
    assert_eq!(
        workspace.policy.priority_matrix, None,
        "no matrix, no cell to set"
    );
    Edit::AddPriorityMatrix.apply(&mut workspace);
    let matrix = workspace.policy.priority_matrix.expect("a matrix");
    for (impact, urgency, priority) in [
        (Level::High, Level::High, Priority::Critical),
        (Level::High, Level::Medium, Priority::High),
        (Level::Medium, Level::High, Priority::High),
        (Level::Medium, Level::Medium, Priority::Medium),
        (Level::Low, Level::High, Priority::Medium),
        (Level::Low, Level::Low, Priority::Low),
    ] {
        assert_eq!(
            matrix.cell(impact, urgency),
            priority,
            "{impact:?} × {urgency:?}"
        );
    }
}

#[test]
fn an_index_that_is_not_there_leaves_the_workspace_alone() {
    let stale = [
        Edit::SetTeam {
            team: 99,
            field: TeamField::Agents(1),
        },
        Edit::RemoveMatrixRow(99),
        Edit::AddMatrixLevel { row: 99 },
        Edit::MoveRule {
            list: RuleList::Triggers,
            from: 0,
            to: 99,
        },
        Edit::RemoveSla(99),
        Edit::SetBreachLevel {
            sla: 0,
            level: 99,
            field: BreachField::To("x".to_owned()),
        },
        Edit::PaintHour {
            calendar: 99,
            stroke: 0,
            day: 0,
            hour: 0,
            open: true,
        },
        Edit::RemoveHoliday {
            calendar: 2,
            holiday: 0,
        },
    ];
    for edit in stale {
        assert!(
            applied(edit.clone()) == workspace(),
            "{edit:?} changed the workspace"
        );
    }
}

#[test]
fn field_edits_have_keys_and_structural_edits_do_not() {
    let typing = Edit::SetTeam {
        team: 0,
        field: TeamField::Name("a".to_owned()),
    };
    assert_eq!(typing.key().as_deref(), Some("teams/0/name"));
    let other_team = Edit::SetTeam {
        team: 1,
        field: TeamField::Name("a".to_owned()),
    };
    let other_field = Edit::SetTeam {
        team: 0,
        field: TeamField::Tier("l2".to_owned()),
    };
    assert_ne!(typing.key(), other_team.key());
    assert_ne!(typing.key(), other_field.key());
    for structural in [
        Edit::AddTeam,
        Edit::RemoveTeam(0),
        Edit::MoveSla { from: 0, to: 1 },
        Edit::AddHoliday {
            calendar: 0,
            date: "2027-01-02".to_owned(),
            name: None,
        },
    ] {
        assert_eq!(structural.key(), None, "{structural:?}");
    }
    let stroke = |stroke, hour| Edit::PaintHour {
        calendar: 0,
        stroke,
        day: 5,
        hour,
        open: true,
    };
    assert_eq!(
        stroke(3, 9).key(),
        stroke(3, 10).key(),
        "one pointer stroke"
    );
    assert_ne!(stroke(3, 9).key(), stroke(4, 9).key());
}

#[test]
fn typing_into_one_field_is_one_undo_step_and_redo_reapplies_it() {
    let mut history = History::new(workspace());
    let original = history.current().policy.teams[0].agents;
    for agents in [7, 70] {
        history.edit(&Edit::SetTeam {
            team: 0,
            field: TeamField::Agents(agents),
        });
    }
    assert_eq!(history.current().policy.teams[0].agents, 70);
    assert!(history.undo());
    assert_eq!(
        history.current().policy.teams[0].agents,
        original,
        "both keystrokes undo together"
    );
    assert!(!history.can_undo());
    assert!(history.redo());
    assert_eq!(history.current().policy.teams[0].agents, 70);
    assert!(!history.redo());
}

#[test]
fn two_adds_in_a_row_are_two_undo_steps() {
    let mut history = History::new(workspace());
    history.edit(&Edit::AddTeam);
    history.edit(&Edit::AddTeam);
    assert_eq!(history.current().policy.teams.len(), 7);
    history.undo();
    assert_eq!(history.current().policy.teams.len(), 6);
}

#[test]
fn another_field_between_keystrokes_starts_a_new_step() {
    let mut history = History::new(workspace());
    let name = |text: &str| Edit::SetTeam {
        team: 0,
        field: TeamField::Name(text.to_owned()),
    };
    history.edit(&name("A"));
    history.edit(&Edit::SetDefaultTeam("billing".to_owned()));
    history.edit(&name("AB"));
    history.undo();
    assert_eq!(history.current().policy.teams[0].name, "A");
    assert_eq!(history.current().policy.routing.default, "billing");
}

#[test]
fn an_edit_that_changes_nothing_is_no_step_and_keeps_redo() {
    let mut history = History::new(workspace());
    history.edit(&Edit::AddTeam);
    history.undo();
    history.edit(&Edit::RemoveTeam(99));
    assert!(history.can_redo());
    assert!(!history.can_undo());
}

#[test]
fn undo_leaves_the_ticket_being_tried_alone() {
    let mut history = History::new(workspace());
    history.edit(&Edit::SetDefaultTeam("no_such_team".to_owned()));
    let mut draft = history.current().draft.clone();
    draft.category = "refund".to_owned();
    history.set_draft(draft);
    assert!(history.undo());
    assert_eq!(history.current().draft.category, "refund");
    assert_eq!(history.current().policy.routing.default, "general_support");
}

#[test]
fn replacing_the_workspace_is_one_step() {
    let mut history = History::new(workspace());
    let mut other = workspace();
    other.preset = "other".to_owned();
    history.replace(other);
    history.undo();
    assert_eq!(history.current().preset, "normal-week");
}

fn with_drafts(keys: &[(&str, &str)]) -> Workspace {
    let mut workspace = workspace();
    for (key, text) in keys {
        workspace
            .condition_drafts
            .insert((*key).to_owned(), (*text).to_owned());
    }
    workspace
}

fn drafts_of(workspace: &Workspace) -> Vec<(String, String)> {
    workspace
        .condition_drafts
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn an_invalid_condition_is_kept_as_a_draft_and_a_valid_one_clears_it() {
    let mut workspace = workspace();
    let before = workspace.policy.triggers[1].when.clone();
    Edit::SetCondition {
        list: RuleList::Triggers,
        rule: 1,
        text: "amount >".to_owned(),
    }
    .apply(&mut workspace);
    assert_eq!(
        workspace.policy.triggers[1].when, before,
        "the last valid condition stays"
    );
    assert_eq!(drafts_of(&workspace), pairs(&[("triggers/1", "amount >")]));
    Edit::SetCondition {
        list: RuleList::Triggers,
        rule: 1,
        text: "amount > 5".to_owned(),
    }
    .apply(&mut workspace);
    assert!(workspace.condition_drafts.is_empty());
    assert_eq!(workspace.policy.triggers[1].when.to_text(), "amount > 5");

    Edit::SetSlaCondition {
        sla: 2,
        text: "category ==".to_owned(),
    }
    .apply(&mut workspace);
    assert_eq!(drafts_of(&workspace), pairs(&[("sla/2", "category ==")]));
}

#[test]
fn drafts_follow_a_rule_that_moves_or_is_removed() {
    let mut workspace = with_drafts(&[
        ("triggers/0", "first"),
        ("triggers/2", "third"),
        ("rules/0", "routing"),
    ]);
    Edit::MoveRule {
        list: RuleList::Triggers,
        from: 2,
        to: 0,
    }
    .apply(&mut workspace);
    assert_eq!(workspace.policy.triggers[0].id, "enterprise_churn_risk");
    assert_eq!(
        drafts_of(&workspace),
        pairs(&[
            ("rules/0", "routing"),
            ("triggers/0", "third"),
            ("triggers/1", "first")
        ])
    );
    Edit::RemoveRule {
        list: RuleList::Triggers,
        rule: 0,
    }
    .apply(&mut workspace);
    assert_eq!(
        drafts_of(&workspace),
        pairs(&[("rules/0", "routing"), ("triggers/0", "first")])
    );
    Edit::RemoveRule {
        list: RuleList::Rules,
        rule: 0,
    }
    .apply(&mut workspace);
    assert_eq!(drafts_of(&workspace), pairs(&[("triggers/0", "first")]));
}

#[test]
fn drafts_follow_an_sla_policy_that_moves_or_is_removed() {
    let mut workspace = with_drafts(&[("sla/0", "a =="), ("sla/2", "b =="), ("rules/0", "r")]);
    Edit::MoveSla { from: 2, to: 1 }.apply(&mut workspace);
    assert_eq!(
        drafts_of(&workspace),
        pairs(&[("rules/0", "r"), ("sla/0", "a =="), ("sla/1", "b ==")])
    );
    Edit::RemoveSla(0).apply(&mut workspace);
    assert_eq!(
        drafts_of(&workspace),
        pairs(&[("rules/0", "r"), ("sla/0", "b ==")])
    );
    assert_eq!(workspace.policy.sla_policies[0].id, "standard");
}

#[test]
fn a_valid_policy_json_replaces_the_policy_and_drops_every_draft() {
    let mut workspace = with_drafts(&[("sla/0", "a ==")]);
    workspace.policy_json_draft = Some("{".to_owned());
    let mut policy = workspace.policy.clone();
    policy.name = "Renamed".to_owned();
    Edit::SetPolicyJson(policy.to_json()).apply(&mut workspace);
    assert_eq!(workspace.policy.name, "Renamed");
    assert!(workspace.condition_drafts.is_empty());
    assert_eq!(workspace.policy_json_draft, None);
}

#[test]
fn scenario_settings_stay_within_what_the_simulator_accepts() {
    let edited = applied(Edit::SetScenario(ScenarioField::HorizonDays(10_000)));
    assert_eq!(edited.scenario.workload.horizon.0, Duration::days(91));
    let edited = applied(Edit::SetScenario(ScenarioField::Replications(0)));
    assert_eq!(edited.scenario.replications, 1);
    let edited = applied(Edit::SetScenario(ScenarioField::Volume(250.0)));
    assert!(matches!(
        edited.scenario.workload.arrivals,
        Arrivals::Daily { volume, .. } if volume == 250.0
    ));
}

#[test]
fn a_teams_handling_mean_keeps_its_shape_and_its_resolve_share_stays_a_probability() {
    use escalator::sim::scenario::TimeDistribution;
    let base = workspace();
    let edited = applied(Edit::SetScenario(ScenarioField::HandlingMean {
        team: "billing".to_owned(),
        seconds: 45 * 60,
    }));
    let time = edited.scenario.handling.teams["billing"]
        .time
        .expect("a time");
    assert_eq!(time.mean(), Duration::minutes(45));
    let shape = |t: TimeDistribution| std::mem::discriminant(&t);
    let before = base
        .scenario
        .handling
        .teams
        .get("billing")
        .and_then(|h| h.time)
        .unwrap_or(base.scenario.handling.default.time);
    assert_eq!(shape(time), shape(before), "the same kind of distribution");
    let edited = applied(Edit::SetScenario(ScenarioField::HandlingMean {
        team: "new_team".to_owned(),
        seconds: 0,
    }));
    assert_eq!(
        edited.scenario.handling.teams["new_team"]
            .time
            .map(|t| t.mean()),
        Some(Duration::from_seconds(1)),
        "a team without handling of its own takes the default's shape; at least a second"
    );
    for (given, kept) in [(1.5, 1.0), (-0.2, 0.0), (0.35, 0.35), (f64::NAN, 1.0)] {
        let edited = applied(Edit::SetScenario(ScenarioField::HandlingResolve {
            team: "billing".to_owned(),
            probability: given,
        }));
        assert_eq!(
            edited.scenario.handling.teams["billing"].resolve,
            Some(kept),
            "{given}"
        );
    }
}

#[test]
fn waiting_controls_make_a_default_rule_keep_its_shape_and_keep_shares_probabilities() {
    use escalator::sim::scenario::TimeDistribution;
    assert!(
        workspace().scenario.waiting.is_none(),
        "the preset asks nobody"
    );
    let edited = applied(Edit::SetScenario(ScenarioField::WaitingAsk(0.3)));
    let rule = edited.scenario.waiting.as_ref().expect("a rule").default;
    assert_eq!(rule.ask, 0.3);
    assert_eq!(
        rule.customer_reply,
        TimeDistribution::Exponential {
            mean: Duration::hours(4)
        }
    );
    assert_eq!(rule.never_replies, 0.0);
    let mut workspace = edited;
    Edit::SetScenario(ScenarioField::WaitingReplyMean(90 * 60)).apply(&mut workspace);
    Edit::SetScenario(ScenarioField::WaitingNeverReplies(1.7)).apply(&mut workspace);
    let rule = workspace.scenario.waiting.as_ref().expect("a rule").default;
    assert_eq!(rule.ask, 0.3, "other fields stay");
    assert_eq!(rule.customer_reply.mean(), Duration::minutes(90));
    assert!(matches!(
        rule.customer_reply,
        TimeDistribution::Exponential { .. }
    ));
    assert_eq!(rule.never_replies, 1.0);
    Edit::SetScenario(ScenarioField::WaitingAsk(f64::NAN)).apply(&mut workspace);
    assert_eq!(workspace.scenario.waiting.expect("a rule").default.ask, 0.0);
}

#[test]
fn holds_on_arrival_are_set_share_first_and_removed_at_zero() {
    let mut workspace = applied(Edit::SetScenario(ScenarioField::HeldOnArrivalShare(0.25)));
    let held = |workspace: &escalator::workspace::Workspace| {
        workspace
            .scenario
            .waiting
            .as_ref()
            .expect("a rule")
            .default
            .held_on_arrival
    };
    let made = held(&workspace).expect("a hold on arrival");
    assert_eq!(made.probability, 0.25);
    assert_eq!(made.state, WaitState::OnHold);
    assert_eq!(
        made.duration,
        TimeDistribution::Exponential {
            mean: Duration::hours(2)
        }
    );
    Edit::SetScenario(ScenarioField::HeldOnArrivalMean(30 * 60)).apply(&mut workspace);
    Edit::SetScenario(ScenarioField::HeldOnArrivalState(
        WaitState::WaitingOnThirdParty,
    ))
    .apply(&mut workspace);
    Edit::SetScenario(ScenarioField::HeldOnArrivalState(
        WaitState::WaitingOnCustomer,
    ))
    .apply(&mut workspace);
    let edited = held(&workspace).expect("still held");
    assert_eq!(edited.duration.mean(), Duration::minutes(30));
    assert_eq!(
        edited.state,
        WaitState::WaitingOnThirdParty,
        "nobody answered yet, so a hold on arrival cannot wait on the customer"
    );
    Edit::SetScenario(ScenarioField::HeldOnArrivalShare(0.0)).apply(&mut workspace);
    assert_eq!(held(&workspace), None);
}

#[test]
fn the_pauses_grid_writes_pauses_and_keeps_pause_when_waiting_in_step_with_it() {
    // The preset's standard SLA (index 2) pauses while waiting: every target on the customer.
    let edited = applied(Edit::SetSla {
        sla: 2,
        field: SlaField::Pause {
            state: WaitState::WaitingOnCustomer,
            target: SlaTarget::FirstResponse,
            holds: false,
        },
    });
    let sla = &edited.policy.sla_policies[2];
    assert_eq!(
        sla.pauses.as_ref().expect("written")[&WaitState::WaitingOnCustomer],
        vec![
            SlaTarget::NextUpdate,
            SlaTarget::Resolution,
            SlaTarget::FirstAssign
        ]
    );
    assert!(sla.pause_when_waiting);
    let mut workspace = edited;
    Edit::SetSla {
        sla: 2,
        field: SlaField::Pause {
            state: WaitState::OnHold,
            target: SlaTarget::Resolution,
            holds: true,
        },
    }
    .apply(&mut workspace);
    Edit::SetSla {
        sla: 2,
        field: SlaField::PauseWhenWaiting(false),
    }
    .apply(&mut workspace);
    let sla = &workspace.policy.sla_policies[2];
    assert!(!sla.pause_when_waiting);
    assert_eq!(
        sla.pauses,
        Some([(WaitState::OnHold, vec![SlaTarget::Resolution])].into()),
        "the checkbox clears the customer row and keeps the others"
    );
    let compiled = workspace.policy.compile().expect("no contradiction");
    assert!(compiled.sla_policies[2]
        .pauses
        .holds(WaitState::OnHold, SlaTarget::Resolution));
}

#[test]
fn an_sla_policy_auto_closes_after_a_duration_or_never() {
    let edited = applied(Edit::SetSla {
        sla: 0,
        field: SlaField::AutoCloseAfter(Some(Duration::days(5))),
    });
    assert_eq!(
        edited.policy.sla_policies[0].auto_close_after,
        Some(Duration::days(5))
    );
    let compiled = edited.policy.compile().expect("compiles");
    assert_eq!(
        compiled.sla_policies[0].auto_close_after_seconds,
        Some(5 * 86_400)
    );
    let mut workspace = edited;
    Edit::SetSla {
        sla: 0,
        field: SlaField::AutoCloseAfter(None),
    }
    .apply(&mut workspace);
    assert_eq!(workspace.policy.sla_policies[0].auto_close_after, None);
}

#[test]
fn a_calendar_break_is_added_edited_and_removed_and_is_one_undo_step_per_field() {
    let mut workspace = applied(Edit::AddBreak(0));
    let lunch = workspace.policy.calendars[0].breaks[0].clone();
    assert_eq!((lunch.from.as_str(), lunch.to.as_str()), ("12:00", "13:00"));
    assert_eq!(lunch.days.len(), 5, "weekdays");
    let set = |field| Edit::SetBreak {
        calendar: 0,
        interval: 0,
        field,
    };
    set(IntervalField::From("12:30".to_owned())).apply(&mut workspace);
    set(IntervalField::Day {
        day: 4,
        listed: false,
    })
    .apply(&mut workspace);
    let lunch = &workspace.policy.calendars[0].breaks[0];
    assert_eq!(lunch.from, "12:30");
    assert!(
        !lunch.days.iter().any(|day| day == "fri"),
        "{:?}",
        lunch.days
    );
    assert!(workspace.policy.compile().is_ok());
    assert_ne!(
        set(IntervalField::From("12:00".to_owned())).key(),
        Edit::SetInterval {
            calendar: 0,
            interval: 0,
            field: IntervalField::From("12:00".to_owned())
        }
        .key(),
        "a break's field is not the opening interval's"
    );
    Edit::RemoveBreak {
        calendar: 0,
        interval: 0,
    }
    .apply(&mut workspace);
    assert!(workspace.policy.calendars[0].breaks.is_empty());
}

#[test]
fn list_ids_stay_unique_when_adding() {
    let mut workspace = workspace();
    for _ in 0..3 {
        Edit::AddRule(RuleList::Rules).apply(&mut workspace);
        Edit::AddCalendar.apply(&mut workspace);
    }
    let rules: Vec<&str> = workspace
        .policy
        .routing
        .rules
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        rules,
        ["enterprise_billing", "new_rule", "new_rule_2", "new_rule_3"]
    );
    let calendars: Vec<&str> = workspace.policy.calendars[3..]
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(calendars, ["calendar-1", "calendar-2", "calendar-3"]);
    assert_eq!(DraftList::Rules.key(3), "rules/3");
}

#[test]
fn the_clock_and_always_open_fields_keep_the_calendar_consistent() {
    let edited = applied(Edit::SetSla {
        sla: 2,
        field: SlaField::Clock {
            time: TimeBasis::Calendar,
            calendar: Some("uk_office_hours".to_owned()),
        },
    });
    assert_eq!(
        edited.policy.sla_policies[2].calendar, None,
        "calendar time has no calendar"
    );
    let edited = applied(Edit::SetCalendar {
        calendar: 0,
        field: CalendarField::AlwaysOpen {
            open: true,
            hours: Vec::new(),
        },
    });
    assert!(edited.policy.calendars[0].always_open);
    assert!(edited.policy.calendars[0].hours.is_empty());
}

#[test]
fn priority_and_channel_weights_set_the_mix_and_zero_leaves_a_value_out_but_never_the_last() {
    let mut workspace = workspace();
    let field =
        |priority, weight| Edit::SetScenario(ScenarioField::PriorityWeight { priority, weight });
    field(Priority::Critical, 3.0).apply(&mut workspace);
    assert_eq!(
        workspace.scenario.mix.priorities.get(&Priority::Critical),
        Some(&3.0)
    );
    for priority in Priority::ALL {
        field(priority, 0.0).apply(&mut workspace);
    }
    assert_eq!(
        workspace.scenario.mix.priorities.keys().collect::<Vec<_>>(),
        [&Priority::Low],
        "the last priority left stays, so tickets still get one"
    );
    let chat = Edit::SetScenario(ScenarioField::ChannelWeight {
        channel: Channel::Chat,
        weight: f64::NAN,
    });
    chat.apply(&mut workspace);
    assert!(!workspace.scenario.mix.channels.contains_key(&Channel::Chat));
    Edit::SetScenario(ScenarioField::ChannelWeight {
        channel: Channel::Social,
        weight: 2.5,
    })
    .apply(&mut workspace);
    assert_eq!(
        workspace.scenario.mix.channels.get(&Channel::Social),
        Some(&2.5)
    );
    assert_eq!(chat.key().as_deref(), Some("scenario/mix/channel/chat"));
}

#[test]
fn a_signal_rate_is_a_probability() {
    let rate = |probability| {
        let edited = applied(Edit::SetScenario(ScenarioField::SignalRate {
            signal: Signal::ThreatensToLeave,
            probability,
        }));
        edited.scenario.mix.signals.threatens_to_leave
    };
    assert_eq!(rate(0.07), 0.07);
    assert_eq!(rate(4.0), 1.0);
    assert_eq!(rate(f64::NAN), 0.0);
}

#[test]
fn patience_per_channel_keeps_its_shape_and_none_everywhere_removes_abandonment() {
    let mut workspace = workspace();
    assert_eq!(
        workspace.scenario.abandonment, None,
        "the preset has no abandonment"
    );
    let patience =
        |channel, seconds| Edit::SetScenario(ScenarioField::Patience { channel, seconds });
    patience(Channel::Chat, Some(600)).apply(&mut workspace);
    let chat = workspace.scenario.abandonment.as_ref().unwrap().channels[&Channel::Chat];
    assert_eq!(
        chat,
        TimeDistribution::Exponential {
            mean: Duration::minutes(10)
        }
    );
    workspace
        .scenario
        .abandonment
        .as_mut()
        .unwrap()
        .channels
        .insert(
            Channel::Phone,
            TimeDistribution::Lognormal {
                mean: Duration::minutes(8),
                cv: 0.5,
            },
        );
    patience(Channel::Phone, Some(0)).apply(&mut workspace);
    assert_eq!(
        workspace.scenario.abandonment.as_ref().unwrap().channels[&Channel::Phone],
        TimeDistribution::Lognormal {
            mean: Duration::from_seconds(1),
            cv: 0.5,
        },
        "the mean changes, the shape stays, and it is at least a second"
    );
    patience(Channel::Phone, None).apply(&mut workspace);
    patience(Channel::Chat, None).apply(&mut workspace);
    assert_eq!(workspace.scenario.abandonment, None);
}

#[test]
fn the_knowledge_base_is_set_with_probabilities_or_removed() {
    let learning = KnowledgeBase {
        document_probability: 0.5,
        gain: 0.01,
        cap: 1.4,
    };
    let edited = applied(Edit::SetScenario(ScenarioField::KnowledgeBase(Some(
        learning,
    ))));
    assert_eq!(
        edited.scenario.knowledge_base,
        Some(KnowledgeBase {
            cap: 1.0,
            ..learning
        })
    );
    let edited = applied(Edit::SetScenario(ScenarioField::KnowledgeBase(None)));
    assert_eq!(edited.scenario.knowledge_base, None);
}

#[test]
fn a_run_with_impatient_chat_customers_abandons_tickets() {
    let mut workspace = workspace();
    workspace.scenario.replications = 1;
    Edit::SetScenario(ScenarioField::HorizonDays(2)).apply(&mut workspace);
    let abandoned = |workspace: &Workspace| {
        let result =
            escalator::sim::run_scenario(&workspace.scenario, &workspace.policy).expect("runs");
        result.metrics[0].tickets_abandoned
    };
    assert_eq!(abandoned(&workspace), 0);
    Edit::SetScenario(ScenarioField::Staffing {
        team: "general_support".to_owned(),
        agents: 1,
    })
    .apply(&mut workspace);
    Edit::SetScenario(ScenarioField::Patience {
        channel: Channel::Chat,
        seconds: Some(300),
    })
    .apply(&mut workspace);
    assert!(
        abandoned(&workspace) > 0,
        "chat customers give up on a queue of one agent"
    );
}

#[test]
fn a_teams_handling_shape_changes_and_keeps_its_mean() {
    let mut workspace = workspace();
    let shape = |shape| {
        Edit::SetScenario(ScenarioField::HandlingShape {
            team: "billing".to_owned(),
            shape,
        })
    };
    let mean_before = workspace.scenario.handling.teams["billing"]
        .time
        .unwrap()
        .mean();
    shape(TimeShape::Fixed).apply(&mut workspace);
    assert_eq!(
        workspace.scenario.handling.teams["billing"].time,
        Some(TimeDistribution::Fixed(mean_before))
    );
    shape(TimeShape::Lognormal { cv: 25.0 }).apply(&mut workspace);
    assert_eq!(
        workspace.scenario.handling.teams["billing"].time,
        Some(TimeDistribution::Lognormal {
            mean: mean_before,
            cv: 10.0
        }),
        "the spread is clamped"
    );
    assert_eq!(
        shape(TimeShape::Exponential).key().as_deref(),
        Some("scenario/handling/billing/shape")
    );
}

#[test]
fn a_spike_starts_hours_after_the_scenario_start_and_lasts_within_bounds() {
    let mut workspace = workspace();
    Edit::AddSpike.apply(&mut workspace);
    let set = |field| Edit::SetSpike { spike: 0, field };
    set(SpikeField::StartHour(4 * 24 + 14)).apply(&mut workspace);
    set(SpikeField::DurationHours(0.2)).apply(&mut workspace);
    set(SpikeField::Category(Some("billing".to_owned()))).apply(&mut workspace);
    let spike = &workspace.scenario.workload.spikes[0];
    assert_eq!(
        spike.start.seconds_since(workspace.scenario.workload.start),
        (4 * 24 + 14) * 3600
    );
    assert_eq!(spike.duration, Duration::hours(1), "at least an hour");
    assert_eq!(spike.category.as_deref(), Some("billing"));
    assert_eq!(
        set(SpikeField::Multiplier(3.0)).key().as_deref(),
        Some("scenario/spikes/0/multiplier")
    );
    assert_eq!(Edit::AddSpike.key(), None, "adding is a step of its own");
    let volume = |workspace: &Workspace| {
        let mut scenario = workspace.scenario.clone();
        scenario.replications = 1;
        escalator::sim::run_scenario(&scenario, &workspace.policy)
            .expect("runs")
            .metrics[0]
            .tickets
    };
    let with_spike = volume(&workspace);
    Edit::RemoveSpike(0).apply(&mut workspace);
    assert!(
        with_spike > volume(&workspace),
        "an hour at twice the rate adds tickets"
    );
}

#[test]
fn assignment_edits_name_agents_set_the_timer_and_skills_and_pooling_removes_them() {
    let mut workspace = workspace();
    let team = || "general_support".to_owned();
    let set = |workspace: &mut Workspace, field| Edit::SetScenario(field).apply(workspace);
    set(
        &mut workspace,
        ScenarioField::AssignmentAgents {
            team: team(),
            names: "Ana".to_owned(),
        },
    );
    assert!(
        workspace.scenario.assignment.is_empty(),
        "a pooled team has no names to set"
    );
    set(
        &mut workspace,
        ScenarioField::AssignmentStrategy {
            team: team(),
            strategy: AssignmentStrategy::SkillsFirst,
        },
    );
    set(
        &mut workspace,
        ScenarioField::AssignmentAgents {
            team: team(),
            names: " Ana, ,Ben ,".to_owned(),
        },
    );
    set(
        &mut workspace,
        ScenarioField::AssignmentReturnAfter {
            team: team(),
            seconds: Some(0),
        },
    );
    set(
        &mut workspace,
        ScenarioField::AssignmentReturnTo {
            team: team(),
            to: Some("supervisors".to_owned()),
        },
    );
    for (category, skilled) in [("refund", true), ("billing", true), ("refund", false)] {
        set(
            &mut workspace,
            ScenarioField::AssignmentSkill {
                team: team(),
                agent: "Ana".to_owned(),
                category: category.to_owned(),
                skilled,
            },
        );
    }
    let assignment = &workspace.scenario.assignment["general_support"];
    assert_eq!(assignment.strategy, AssignmentStrategy::SkillsFirst);
    assert_eq!(assignment.agents, ["Ana", "Ben"]);
    assert_eq!(assignment.return_after, Some(Duration::from_seconds(1)));
    assert_eq!(assignment.return_to.as_deref(), Some("supervisors"));
    assert_eq!(assignment.skills["Ana"], ["billing"]);

    workspace.scenario.replications = 1;
    Edit::SetScenario(ScenarioField::HorizonDays(2)).apply(&mut workspace);
    let result =
        escalator::sim::run_scenario(&workspace.scenario, &workspace.policy).expect("runs");
    let general = result.metrics[0]
        .teams
        .iter()
        .find(|metrics| metrics.team == "general_support")
        .expect("first line's metrics");
    let names: Vec<&str> = general
        .agents
        .iter()
        .map(|agent| agent.agent.as_str())
        .collect();
    assert_eq!(names[..3], ["Ana", "Ben", "Agent 3"]);
    assert!(general.load_spread.is_some());

    set(
        &mut workspace,
        ScenarioField::AssignmentStrategy {
            team: team(),
            strategy: AssignmentStrategy::RoundRobin,
        },
    );
    assert!(workspace.scenario.assignment["general_support"]
        .skills
        .is_empty());
    set(
        &mut workspace,
        ScenarioField::AssignmentReturnAfter {
            team: team(),
            seconds: None,
        },
    );
    let assignment = &workspace.scenario.assignment["general_support"];
    assert_eq!(
        (assignment.return_after, assignment.return_to.as_deref()),
        (None, None)
    );
    set(
        &mut workspace,
        ScenarioField::AssignmentStrategy {
            team: team(),
            strategy: AssignmentStrategy::Pool,
        },
    );
    assert!(workspace.scenario.assignment.is_empty());
}

#[test]
fn segments_and_impact_urgency_pairs_are_weighted_in_the_mix() {
    let mut workspace = workspace();
    let set = |workspace: &mut Workspace, field| Edit::SetScenario(field).apply(workspace);
    let segment = |name: &str, weight| ScenarioField::SegmentWeight {
        segment: name.to_owned(),
        weight,
    };
    set(&mut workspace, segment(" vip ", 2.0));
    set(&mut workspace, segment("  ", 5.0));
    assert_eq!(workspace.scenario.mix.segments.get("vip"), Some(&2.0));
    assert!(!workspace.scenario.mix.segments.contains_key(""));
    for name in workspace.scenario.mix.segments.clone().keys() {
        set(&mut workspace, segment(name, 0.0));
    }
    assert_eq!(
        workspace.scenario.mix.segments.len(),
        1,
        "the last segment stays"
    );

    set(&mut workspace, ScenarioField::ImpactUrgency(true));
    assert_eq!(workspace.scenario.mix.impact_urgency.len(), 9);
    set(
        &mut workspace,
        ScenarioField::ImpactUrgencyWeight {
            impact: Level::High,
            urgency: Level::Low,
            weight: 0.0,
        },
    );
    set(
        &mut workspace,
        ScenarioField::ImpactUrgencyWeight {
            impact: Level::High,
            urgency: Level::High,
            weight: 6.0,
        },
    );
    let pairs = &workspace.scenario.mix.impact_urgency;
    assert_eq!((pairs.len(), pairs["high/high"]), (8, 6.0));
    assert!(!pairs.contains_key("high/low"));

    workspace.scenario.replications = 1;
    Edit::SetScenario(ScenarioField::HorizonDays(2)).apply(&mut workspace);
    let result =
        escalator::sim::run_scenario(&workspace.scenario, &workspace.policy).expect("runs");
    let journeys = &result.runs[0].journeys;
    let high_high = journeys
        .iter()
        .filter(|journey| {
            (journey.ticket.impact, journey.ticket.urgency)
                == (Some(Level::High), Some(Level::High))
        })
        .count();
    let carrying = journeys
        .iter()
        .filter(|journey| journey.ticket.impact.is_some())
        .count();
    let share = high_high as f64 / carrying as f64;
    assert!(
        (0.35..0.65).contains(&share),
        "high × high is 6 of 13: {share}"
    );
    let by_priority = &result.metrics[0].sla_by.by_priority;
    let keys: Vec<&str> = by_priority.iter().map(|group| group.key.as_str()).collect();
    assert!(
        !keys.contains(&"not given"),
        "SLA results count the priority the matrix derives: {keys:?}"
    );
    let critical = by_priority
        .iter()
        .find(|group| group.key == "critical")
        .map_or(0, |group| group.tickets);
    assert!(
        critical >= high_high as u64,
        "high × high is critical: {critical} < {high_high}"
    );
    assert!(journeys
        .iter()
        .all(|journey| journey.ticket.impact != Some(Level::High)
            || journey.ticket.urgency != Some(Level::Low)));

    set(&mut workspace, ScenarioField::ImpactUrgency(false));
    assert!(workspace.scenario.mix.impact_urgency.is_empty());
}

#[test]
fn a_category_gets_its_own_handling_from_the_teams_then_edits_keep_its_shape_and_remove_returns_it()
{
    let mut workspace = workspace();
    let field = |field| {
        Edit::SetScenario(ScenarioField::HandlingCategory {
            team: "billing".to_owned(),
            category: "refund".to_owned(),
            field,
        })
    };
    let team = workspace.scenario.handling.teams["billing"].clone();
    assert!(team.categories.is_empty());
    field(CategoryHandlingField::Add).apply(&mut workspace);
    let own = &workspace.scenario.handling.teams["billing"].categories["refund"];
    assert_eq!((own.time, own.resolve), (team.time, team.resolve));
    field(CategoryHandlingField::Mean(600)).apply(&mut workspace);
    field(CategoryHandlingField::Resolve(7.0)).apply(&mut workspace);
    let own = &workspace.scenario.handling.teams["billing"].categories["refund"];
    let shape = escalator::workspace::edit::TimeShape::of(&team.time.unwrap());
    assert_eq!(own.time, Some(shape.with_mean(Duration::minutes(10))));
    assert_eq!(own.resolve, Some(1.0), "a share stays a probability");
    field(CategoryHandlingField::Remove).apply(&mut workspace);
    assert!(workspace.scenario.handling.teams["billing"]
        .categories
        .is_empty());
}

#[test]
fn a_category_draws_its_own_priorities_from_the_mixs_and_never_loses_the_last_one() {
    let mut workspace = workspace();
    let set = |workspace: &mut Workspace, field| Edit::SetScenario(field).apply(workspace);
    let weight = |priority, weight| ScenarioField::CategoryPriorityWeight {
        category: "billing".to_owned(),
        priority,
        weight,
    };
    set(&mut workspace, weight(Priority::Critical, 3.0));
    assert!(
        !workspace
            .scenario
            .mix
            .priorities_by_category
            .contains_key("billing"),
        "a weight alone does not give billing its own priorities"
    );
    set(
        &mut workspace,
        ScenarioField::CategoryPriorities {
            category: "billing".to_owned(),
            own: true,
        },
    );
    assert_eq!(
        workspace.scenario.mix.priorities_by_category["billing"],
        workspace.scenario.mix.priorities
    );
    set(&mut workspace, weight(Priority::Critical, 3.0));
    for priority in [Priority::High, Priority::Medium, Priority::Low] {
        set(&mut workspace, weight(priority, 0.0));
    }
    set(&mut workspace, weight(Priority::Critical, 0.0));
    assert_eq!(
        workspace.scenario.mix.priorities_by_category["billing"],
        std::collections::BTreeMap::from([(Priority::Critical, 3.0)]),
        "the last priority stays"
    );
    workspace.scenario.replications = 1;
    let result =
        escalator::sim::run_scenario(&workspace.scenario, &workspace.policy).expect("runs");
    assert!(result.runs[0]
        .journeys
        .iter()
        .filter(|journey| journey.ticket.category == "billing")
        .all(|journey| journey.ticket.priority == Some(Priority::Critical)));
    set(
        &mut workspace,
        ScenarioField::CategoryPriorities {
            category: "billing".to_owned(),
            own: false,
        },
    );
    assert!(!workspace
        .scenario
        .mix
        .priorities_by_category
        .contains_key("billing"));
}

#[test]
fn a_category_gets_its_own_signal_rates_starting_from_the_mix_s_edited_and_removed() {
    let mut workspace = workspace();
    let set = |workspace: &mut Workspace, field| Edit::SetScenario(field).apply(workspace);
    let rate = |probability| ScenarioField::CategorySignalRate {
        category: "billing".to_owned(),
        signal: Signal::DemandsManager,
        probability,
    };
    set(&mut workspace, rate(1.0));
    assert!(
        !workspace
            .scenario
            .mix
            .signals_by_category
            .contains_key("billing"),
        "a rate alone does not give billing its own signals"
    );
    set(
        &mut workspace,
        ScenarioField::CategorySignals {
            category: "billing".to_owned(),
            own: true,
        },
    );
    assert_eq!(
        workspace.scenario.mix.signals_by_category["billing"], workspace.scenario.mix.signals,
        "they start as the mix's"
    );
    set(&mut workspace, rate(1.5));
    assert_eq!(
        workspace.scenario.mix.signals_by_category["billing"].demands_manager, 1.0,
        "a share is at most 1"
    );
    workspace.scenario.replications = 1;
    let result =
        escalator::sim::run_scenario(&workspace.scenario, &workspace.policy).expect("runs");
    let journeys = &result.runs[0].journeys;
    let billing = || {
        journeys
            .iter()
            .filter(|journey| journey.ticket.category == "billing")
    };
    assert!(billing().count() > 50);
    assert!(billing().all(|journey| journey.ticket.signals.demands_manager));
    assert!(journeys
        .iter()
        .filter(|journey| journey.ticket.category == "how_to")
        .any(|journey| !journey.ticket.signals.demands_manager));
    set(
        &mut workspace,
        ScenarioField::CategorySignals {
            category: "billing".to_owned(),
            own: false,
        },
    );
    assert!(!workspace
        .scenario
        .mix
        .signals_by_category
        .contains_key("billing"));
    assert!(
        workspace
            .scenario
            .mix
            .signals_by_category
            .contains_key("refund"),
        "the preset's refund rates stay"
    );
}

#[test]
fn a_channel_gets_targets_of_its_own_that_fall_back_to_the_priority_s_and_is_removed() {
    use escalator::engine::ticket::Channel;
    let mut workspace = workspace();
    let set = |workspace: &mut Workspace, field| Edit::SetSla { sla: 2, field }.apply(workspace);
    let chat_first_response = |value| SlaField::ChannelTarget {
        channel: Channel::Chat,
        target: SlaTarget::FirstResponse,
        value,
    };
    set(
        &mut workspace,
        chat_first_response(Some(Duration::minutes(1))),
    );
    assert!(
        workspace.policy.sla_policies[2].channels.is_empty(),
        "a target alone adds no channel"
    );
    set(
        &mut workspace,
        SlaField::ChannelTargets {
            channel: Channel::Chat,
            own: true,
        },
    );
    set(
        &mut workspace,
        chat_first_response(Some(Duration::minutes(1))),
    );
    let compiled = workspace.policy.compile().expect("compiles");
    let chat = compiled.sla_policies[2].targets_for(Priority::Low, Channel::Chat);
    let email = compiled.sla_policies[2].targets_for(Priority::Low, Channel::Email);
    assert_eq!(chat.first_response, 60);
    assert_eq!(
        chat.resolution, email.resolution,
        "resolution is the priority's"
    );
    set(&mut workspace, chat_first_response(None));
    let compiled = workspace.policy.compile().expect("compiles");
    assert_eq!(
        compiled.sla_policies[2].targets_for(Priority::Low, Channel::Chat),
        compiled.sla_policies[2].targets_for(Priority::Low, Channel::Email),
        "an empty box gives the priority's back"
    );
    set(
        &mut workspace,
        SlaField::ChannelTargets {
            channel: Channel::Chat,
            own: false,
        },
    );
    assert!(workspace.policy.sla_policies[2].channels.is_empty());
}

#[test]
fn an_authorisation_is_built_in_the_form_limit_by_limit_and_undone_step_by_step() {
    let mut history = History::new(workspace());
    history.edit(&Edit::Authorisation(AuthorisationEdit::Add));
    let set = |field| Edit::Authorisation(AuthorisationEdit::Set { index: 0, field });
    history.edit(&set(AuthorisationField::AddLimit));
    history.edit(&set(AuthorisationField::LimitApprover {
        limit: 1,
        team: "supervisors".to_owned(),
    }));
    history.edit(&set(AuthorisationField::LimitAbove {
        limit: 1,
        above: 5000.0,
    }));
    history.edit(&set(AuthorisationField::Category {
        category: "billing".to_owned(),
        covered: true,
    }));
    let policy = &history.current().policy;
    let authorisation = &policy.authorisations[0];
    let limits: Vec<(f64, &str)> = authorisation
        .limits
        .iter()
        .map(|limit| (limit.above, limit.approver.as_str()))
        .collect();
    assert_eq!(
        limits,
        [(500.0, "technical_support"), (5000.0, "supervisors")]
    );
    assert_eq!(authorisation.categories, ["billing", "refund"]);
    let compiled = policy.compile().expect("compiles");
    assert_eq!(
        compiled
            .approval_need("billing", Some(6000.0))
            .map(|need| compiled.teams[need.approver].id.as_str()),
        Some("supervisors")
    );
    history.edit(&set(AuthorisationField::LimitAbove {
        limit: 1,
        above: 100.0,
    }));
    let limits: Vec<f64> = history.current().policy.authorisations[0]
        .limits
        .iter()
        .map(|limit| limit.above)
        .collect();
    assert_eq!(limits, [100.0, 500.0], "limits stay lowest first");
    history.edit(&set(AuthorisationField::RemoveLimit(0)));
    history.edit(&set(AuthorisationField::RemoveLimit(0)));
    assert_eq!(
        history.current().policy.authorisations[0].limits.len(),
        1,
        "the last limit stays"
    );
    history.edit(&Edit::Authorisation(AuthorisationEdit::Remove(0)));
    assert!(history.current().policy.authorisations.is_empty());
    history.undo();
    assert_eq!(history.current().policy.authorisations.len(), 1);
}
