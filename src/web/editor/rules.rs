//! Triggers and routing rules as ordered lists (first match wins), each with its condition, target and kind.

use yew::prelude::*;

use crate::engine::condition::{Condition, FieldCatalog};
use crate::engine::policy::{Rule, RuleKind, Trigger};
use crate::web::editor::condition_editor::{ConditionEdit, ConditionEditor};
use crate::web::editor::diagnostics;
use crate::web::editor::inputs::{Select, TextInput};
use crate::web::editor::SectionProps;
use crate::web::state::Action;
use crate::workspace::edit::{Edit, RuleField, RuleList};
use crate::workspace::Workspace;

/// The text a rule's condition box shows: what was typed if it does not parse yet, else the condition.
pub fn condition_text(
    workspace: &Workspace,
    list: RuleList,
    index: usize,
    condition: &Condition,
) -> String {
    workspace
        .condition_drafts
        .get(&list.drafts().key(index))
        .cloned()
        .unwrap_or_else(|| condition.to_text())
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
    let (list, index, dispatch) = (props.list, props.index, &props.dispatch);
    let field = |make: fn(String) -> RuleField| {
        dispatch.reform(move |value: String| {
            Action::Edit(Edit::SetRule {
                list,
                rule: index,
                field: make(value),
            })
        })
    };
    let on_condition = dispatch.reform(move |change: ConditionEdit| {
        Action::Edit(Edit::SetCondition {
            list,
            rule: index,
            text: change.text,
        })
    });
    let on_to = field(RuleField::To);
    let on_kind = field(|kind| {
        RuleField::Kind(match kind.as_str() {
            "functional" => RuleKind::Functional,
            "hierarchical" => RuleKind::Hierarchical,
            _ => RuleKind::None,
        })
    });
    let on_description = field(RuleField::Description);
    let move_to = |to: usize| {
        dispatch.reform(move |_: MouseEvent| {
            Action::Edit(Edit::MoveRule {
                list,
                from: index,
                to,
            })
        })
    };
    let on_up = move_to(index.saturating_sub(1));
    let on_down = move_to(index + 1);
    let on_remove =
        dispatch.reform(move |_: MouseEvent| Action::Edit(Edit::RemoveRule { list, rule: index }));
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
            .get(&list.drafts().key(index))
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
        props
            .dispatch
            .reform(move |_: MouseEvent| Action::Edit(Edit::AddRule(list)))
    };
    let on_default = props
        .dispatch
        .reform(|team: String| Action::Edit(Edit::SetDefaultTeam(team)));
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
