//! Triggers and routing rules as ordered lists (first match wins), each with its condition, target and kind.

use yew::prelude::*;

use crate::engine::condition::{Condition, FieldCatalog};
use crate::engine::policy::{Direction, Rule, RuleKind, Trigger};
use crate::web::editor::condition_editor::{ConditionEdit, ConditionEditor};
use crate::web::editor::diagnostics;
use crate::web::editor::inputs::{Select, TextInput};
use crate::web::editor::teams::unique_id;
use crate::web::editor::SectionProps;
use crate::web::state::Action;
use crate::workspace::Workspace;

/// Rules by original index, each with its condition draft, in their new order.
type Order = Vec<(usize, Option<String>)>;

/// Which ordered list a rule lives in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RuleList {
    Triggers,
    Rules,
}

impl RuleList {
    fn key(self) -> &'static str {
        match self {
            RuleList::Triggers => "triggers",
            RuleList::Rules => "rules",
        }
    }

    fn path(self, index: usize) -> String {
        match self {
            RuleList::Triggers => format!("triggers[{index}]"),
            RuleList::Rules => format!("routing.rules[{index}]"),
        }
    }

    fn len(self, workspace: &Workspace) -> usize {
        match self {
            RuleList::Triggers => workspace.policy.triggers.len(),
            RuleList::Rules => workspace.policy.routing.rules.len(),
        }
    }
}

/// The text a rule's condition box shows: what was typed if it does not parse yet, else the condition.
pub fn condition_text(
    workspace: &Workspace,
    list: RuleList,
    index: usize,
    condition: &Condition,
) -> String {
    workspace
        .condition_drafts
        .get(&format!("{}/{index}", list.key()))
        .cloned()
        .unwrap_or_else(|| condition.to_text())
}

/// Applies an edited condition: a valid one replaces the rule's; invalid text is kept as a draft.
fn set_condition(workspace: &mut Workspace, list: RuleList, index: usize, edit: &ConditionEdit) {
    let key = format!("{}/{index}", list.key());
    match &edit.parsed {
        Some(condition) => {
            let condition = condition.clone();
            workspace.condition_drafts.remove(&key);
            match list {
                RuleList::Triggers => {
                    if let Some(trigger) = workspace.policy.triggers.get_mut(index) {
                        trigger.when = condition;
                    }
                }
                RuleList::Rules => {
                    if let Some(rule) = workspace.policy.routing.rules.get_mut(index) {
                        rule.when = condition;
                    }
                }
            }
        }
        None => {
            workspace.condition_drafts.insert(key, edit.text.clone());
        }
    }
}

/// Moves or removes a rule, keeping condition drafts attached to the rule they belong to.
fn restructure(workspace: &mut Workspace, list: RuleList, change: impl FnOnce(&mut Order)) {
    let len = list.len(workspace);
    let mut order: Order = (0..len)
        .map(|i| {
            (
                i,
                workspace
                    .condition_drafts
                    .remove(&format!("{}/{i}", list.key())),
            )
        })
        .collect();
    change(&mut order);
    match list {
        RuleList::Triggers => reorder(&mut workspace.policy.triggers, &order),
        RuleList::Rules => reorder(&mut workspace.policy.routing.rules, &order),
    }
    for (position, (_, draft)) in order.into_iter().enumerate() {
        if let Some(text) = draft {
            workspace
                .condition_drafts
                .insert(format!("{}/{position}", list.key()), text);
        }
    }
}

/// Rebuilds `items` in the order given by their original indices (dropping those left out).
fn reorder<T: Clone>(items: &mut Vec<T>, order: &Order) {
    let old = items.clone();
    *items = order
        .iter()
        .filter_map(|(index, _)| old.get(*index).cloned())
        .collect();
}

#[derive(Properties, PartialEq)]
pub struct RuleRowProps {
    pub list: RuleList,
    pub index: usize,
    pub count: usize,
    pub id: String,
    pub description: String,
    pub condition: String,
    pub to: String,
    pub kind: String,
    pub kinds: Vec<(String, String)>,
    pub teams: Vec<(String, String)>,
    pub error: Option<String>,
    pub findings: Html,
    pub dispatch: Callback<Action>,
}

#[component]
fn RuleRow(props: &RuleRowProps) -> Html {
    let (list, index, d) = (props.list, props.index, props.dispatch.clone());
    let edit = move |field: &'static str, apply: fn(&mut Workspace, RuleList, usize, String)| {
        let d = d.clone();
        Callback::from(move |value: String| {
            d.emit(Action::edit(
                format!("{}/{index}/{field}", list.key()),
                move |w: &mut Workspace| apply(w, list, index, value.clone()),
            ))
        })
    };
    let on_condition = {
        let d = props.dispatch.clone();
        Callback::from(move |change: ConditionEdit| {
            d.emit(Action::edit(
                format!("{}/{index}/when", list.key()),
                move |w: &mut Workspace| set_condition(w, list, index, &change),
            ))
        })
    };
    let on_to = edit("to", |w, list, i, team| match list {
        RuleList::Triggers => {
            if let Some(t) = w.policy.triggers.get_mut(i) {
                t.to = team
            }
        }
        RuleList::Rules => {
            if let Some(r) = w.policy.routing.rules.get_mut(i) {
                r.to = team
            }
        }
    });
    let on_kind = edit("kind", |w, list, i, kind| match list {
        RuleList::Triggers => {
            if let Some(t) = w.policy.triggers.get_mut(i) {
                t.kind = if kind == "functional" {
                    Direction::Functional
                } else {
                    Direction::Hierarchical
                }
            }
        }
        RuleList::Rules => {
            if let Some(r) = w.policy.routing.rules.get_mut(i) {
                r.kind = match kind.as_str() {
                    "functional" => RuleKind::Functional,
                    "hierarchical" => RuleKind::Hierarchical,
                    _ => RuleKind::None,
                }
            }
        }
    });
    let on_description = edit("description", |w, list, i, text| match list {
        RuleList::Triggers => {
            if let Some(t) = w.policy.triggers.get_mut(i) {
                t.description = text
            }
        }
        RuleList::Rules => {
            if let Some(r) = w.policy.routing.rules.get_mut(i) {
                r.description = text
            }
        }
    });
    let structural = |label: &'static str, change: fn(&mut Order, usize)| {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::edit(
                format!("{}/{index}/{label}", list.key()),
                move |w: &mut Workspace| restructure(w, list, |order| change(order, index)),
            ))
        })
    };
    let on_up = structural("up", |order, i| {
        if i > 0 {
            order.swap(i, i - 1)
        }
    });
    let on_down = structural("down", |order, i| {
        if i + 1 < order.len() {
            order.swap(i, i + 1)
        }
    });
    let on_remove = structural("remove", |order, i| {
        if i < order.len() {
            order.remove(i);
        }
    });
    html! {
        <li class={classes!("rule", props.error.is_some().then_some("invalid"))} data-testid={format!("{}-{}", list.key(), props.id)}>
            <div class="rule-order">
                <span class="rule-number">{ index + 1 }</span>
                <button class="icon-button" onclick={on_up} disabled={index == 0} aria-label={format!("Move {} up", props.id)}>{ "▲" }</button>
                <button class="icon-button" onclick={on_down} disabled={index + 1 == props.count} aria-label={format!("Move {} down", props.id)}>{ "▼" }</button>
            </div>
            <div class="rule-body">
                <div class="rule-head">
                    <strong class="mono">{ props.id.clone() }</strong>
                    <TextInput class="rule-description" value={props.description.clone()} on_change={on_description} label={format!("Description of {}", props.id)} placeholder="What this rule is for" />
                </div>
                <ConditionEditor text={props.condition.clone()} on_change={on_condition}
                    label={format!("Condition of {}", props.id)} testid={format!("condition-{}-{}", list.key(), props.id)} />
                <div class="rule-line">
                    <span class="hint">{ "then send to" }</span>
                    <Select options={props.teams.clone()} value={props.to.clone()} on_change={on_to} label={format!("Team for {}", props.id)} testid={format!("to-{}-{}", list.key(), props.id)} />
                    <Select options={props.kinds.clone()} value={props.kind.clone()} on_change={on_kind} label={format!("Kind of {}", props.id)} />
                    <button class="icon-button" onclick={on_remove} aria-label={format!("Remove {}", props.id)} title="Remove">{ "×" }</button>
                </div>
                { props.findings.clone() }
            </div>
        </li>
    }
}

#[component]
pub fn RulesSection(props: &SectionProps) -> Html {
    let workspace = &props.workspace;
    let policy = &workspace.policy;
    let teams: Vec<(String, String)> = policy
        .teams
        .iter()
        .map(|t| (t.id.clone(), t.name.clone()))
        .collect();
    let trigger_kinds = vec![
        ("hierarchical".to_owned(), "hierarchical ↑".to_owned()),
        ("functional".to_owned(), "functional →".to_owned()),
    ];
    let rule_kinds = vec![
        ("none".to_owned(), "normal receiver".to_owned()),
        ("functional".to_owned(), "functional →".to_owned()),
        ("hierarchical".to_owned(), "hierarchical ↑".to_owned()),
    ];
    let error_of = |list: RuleList, index: usize| {
        workspace
            .condition_drafts
            .get(&format!("{}/{index}", list.key()))
            .and_then(|text| {
                Condition::parse_checked(text, &FieldCatalog::ticket())
                    .err()
                    .map(|error| error.to_string())
            })
    };
    let row = |list: RuleList,
               index: usize,
               id: &str,
               description: &str,
               condition: &Condition,
               to: &str,
               kind: &str,
               kinds: &Vec<(String, String)>,
               count: usize| {
        html! {
            <RuleRow {list} {index} {count} id={id.to_owned()} description={description.to_owned()}
                condition={condition_text(workspace, list, index, condition)} to={to.to_owned()} kind={kind.to_owned()}
                kinds={kinds.clone()} teams={teams.clone()} error={error_of(list, index)}
                findings={diagnostics::inline(&props.diagnostics, &list.path(index))} dispatch={props.dispatch.clone()} />
        }
    };
    let trigger_rows = policy
        .triggers
        .iter()
        .enumerate()
        .map(|(i, t): (usize, &Trigger)| {
            row(
                RuleList::Triggers,
                i,
                &t.id,
                &t.description,
                &t.when,
                &t.to,
                t.kind.as_str(),
                &trigger_kinds,
                policy.triggers.len(),
            )
        });
    let rule_rows = policy
        .routing
        .rules
        .iter()
        .enumerate()
        .map(|(i, r): (usize, &Rule)| {
            let kind = match r.kind {
                RuleKind::None => "none",
                RuleKind::Functional => "functional",
                RuleKind::Hierarchical => "hierarchical",
            };
            row(
                RuleList::Rules,
                i,
                &r.id,
                &r.description,
                &r.when,
                &r.to,
                kind,
                &rule_kinds,
                policy.routing.rules.len(),
            )
        });
    let add = |list: RuleList| {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::edit(
                format!("{}/add", list.key()),
                move |w: &mut Workspace| {
                    let taken: Vec<String> = w
                        .policy
                        .triggers
                        .iter()
                        .map(|t| t.id.clone())
                        .chain(w.policy.routing.rules.iter().map(|r| r.id.clone()))
                        .collect();
                    let id = unique_id(
                        &taken,
                        if list == RuleList::Triggers {
                            "new_trigger"
                        } else {
                            "new_rule"
                        },
                    );
                    let team = w.policy.routing.default.clone();
                    let when = Condition::parse("signals.threatens_review")
                        .expect("a constant condition parses");
                    match list {
                        RuleList::Triggers => w.policy.triggers.push(Trigger {
                            id,
                            description: String::new(),
                            when,
                            to: team,
                            kind: Direction::Hierarchical,
                            reason: String::new(),
                        }),
                        RuleList::Rules => w.policy.routing.rules.push(Rule {
                            id,
                            description: String::new(),
                            when,
                            to: team,
                            kind: RuleKind::None,
                        }),
                    }
                },
            ))
        })
    };
    let on_default = {
        let d = props.dispatch.clone();
        Callback::from(move |team: String| {
            d.emit(Action::edit("routing/default", move |w: &mut Workspace| {
                w.policy.routing.default = team.clone()
            }))
        })
    };
    html! {
        <section class="panel" id="section-rules">
            <div class="panel-head"><h2>{ "Triggers and routing rules" }</h2>
                <p>{ "Triggers fire first (customer signals, authorisations), then routing rules in order; the first match wins." }</p></div>
            <div class="panel-body">
                <h3>{ "Triggers" }</h3>
                <ol class="rule-list" data-testid="trigger-list">{ for trigger_rows }</ol>
                <button onclick={add(RuleList::Triggers)}>{ "+ Add trigger" }</button>
                <h3 class="spaced">{ "Routing rules" }</h3>
                <ol class="rule-list" data-testid="rule-list">{ for rule_rows }</ol>
                <button onclick={add(RuleList::Rules)}>{ "+ Add rule" }</button>
                <div class="default-route">
                    <span>{ "Everything else goes to " }</span>
                    <Select options={teams.clone()} value={policy.routing.default.clone()} on_change={on_default} label="Default team" testid="default-team" />
                    { diagnostics::inline(&props.diagnostics, "routing.default") }
                </div>
            </div>
        </section>
    }
}
