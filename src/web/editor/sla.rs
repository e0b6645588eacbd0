//! The SLA policies editor: ordered policies with condition, clock, warnings, a targets table and a breach ladder.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::condition::Condition;
use crate::engine::duration::Duration;
use crate::engine::journey::SlaTarget;
use crate::engine::lint::Diagnostic;
use crate::engine::policy::{BreachAction, BreachLevel, PriorityTargets, SlaPolicy};
use crate::engine::ticket::Priority;
use crate::web::editor::diagnostics;
use crate::web::editor::inputs::{Checkbox, DurationInput, Select, TextInput};
use crate::web::editor::sla_channels::ChannelTargetsTable;
use crate::web::editor::sla_pauses::PausesTable;
use crate::web::editor::SectionProps;
use crate::web::state::Action;
use crate::workspace::edit::{BreachField, DraftList, Edit, SlaField};
use crate::workspace::fields::{
    clock_field, clock_value, condition_error, condition_meaning, parse_warnings, warnings_text,
};

/// (value, label) pairs for a `Select`.
type Options = Vec<(String, String)>;

#[component]
pub fn SlaSection(props: &SectionProps) -> Html {
    let workspace = &props.workspace;
    let policy = &workspace.policy;
    let calendars: Options = policy
        .calendars
        .iter()
        .map(|spec| {
            let label = if spec.name.is_empty() {
                spec.id.clone()
            } else {
                spec.name.clone()
            };
            (spec.id.clone(), label)
        })
        .collect();
    let teams: Options = policy
        .teams
        .iter()
        .map(|team| (team.id.clone(), team.name.clone()))
        .collect();
    let on_add = props
        .dispatch
        .reform(|_: MouseEvent| Action::Edit(Edit::AddSla));
    let count = policy.sla_policies.len();
    html! {
        <section class="panel" id="section-sla">
            <div class="panel-head"><h2>{ "SLA policies" }</h2>
                <p>{ "Checked in order: the first whose condition matches applies; one without a condition is the fallback." }</p></div>
            <div class="panel-body sla-list">
                if count == 0 {
                    <p class="hint">{ "No SLA policies: the policy promises nothing." }</p>
                }
                { for policy.sla_policies.iter().enumerate().map(|(index, sla)| html! {
                    <SlaPolicyCard key={index} {index} {count} sla={sla.clone()}
                        draft={workspace.condition_drafts.get(&DraftList::SlaPolicies.key(index)).cloned()}
                        calendars={calendars.clone()} teams={teams.clone()}
                        diagnostics={props.diagnostics.clone()} dispatch={props.dispatch.clone()} />
                }) }
                <button type="button" class="sla-add" onclick={on_add} data-testid="sla-add">{ "Add SLA policy" }</button>
            </div>
        </section>
    }
}

/// A callback that sets one field of SLA policy `index`; consecutive edits of one field are one undo step.
pub(super) fn sla_field<T: 'static>(
    dispatch: &Callback<Action>,
    index: usize,
    field: impl Fn(T) -> SlaField + 'static,
) -> Callback<T> {
    dispatch.reform(move |value: T| {
        Action::Edit(Edit::SetSla {
            sla: index,
            field: field(value),
        })
    })
}

pub(super) fn target_label(target: SlaTarget) -> &'static str {
    match target {
        SlaTarget::FirstResponse => "First response",
        SlaTarget::NextUpdate => "Next update",
        SlaTarget::Resolution => "Resolution",
        SlaTarget::FirstAssign => "First assign",
    }
}

fn parse_target(text: &str) -> SlaTarget {
    SlaTarget::ALL
        .into_iter()
        .find(|target| target.as_str() == text)
        .unwrap_or(SlaTarget::FirstResponse)
}

#[derive(Properties, PartialEq)]
struct SlaPolicyCardProps {
    index: usize,
    count: usize,
    sla: SlaPolicy,
    /// Condition text that does not parse yet.
    draft: Option<String>,
    calendars: Options,
    teams: Options,
    diagnostics: Rc<Vec<Diagnostic>>,
    dispatch: Callback<Action>,
}

#[component]
fn SlaPolicyCard(props: &SlaPolicyCardProps) -> Html {
    let index = props.index;
    let sla = &props.sla;
    let dispatch = &props.dispatch;
    let path = format!("sla_policies[{index}]");
    let found = |suffix: &str| diagnostics::inline(&props.diagnostics, &format!("{path}{suffix}"));
    let title = if sla.name.is_empty() {
        sla.id.clone()
    } else {
        sla.name.clone()
    };

    let on_id = sla_field(dispatch, index, SlaField::Id);
    let on_name = sla_field(dispatch, index, SlaField::Name);
    let on_clock = sla_field(dispatch, index, |value: String| clock_field(&value));
    let on_pause = sla_field(dispatch, index, SlaField::PauseWhenWaiting);
    let on_auto_close = sla_field(dispatch, index, SlaField::AutoCloseAfter);
    let on_warnings = sla_field(dispatch, index, SlaField::Warnings);
    let move_to = |to: Option<usize>| -> Callback<MouseEvent> {
        let to = to.unwrap_or(index);
        dispatch.reform(move |_: MouseEvent| Action::Edit(Edit::MoveSla { from: index, to }))
    };
    let on_up = move_to(index.checked_sub(1));
    let on_down = move_to(Some(index + 1).filter(|below| *below < props.count));
    let on_remove = dispatch.reform(move |_: MouseEvent| Action::Edit(Edit::RemoveSla(index)));

    let mut clock_options: Options = vec![
        ("calendar".to_owned(), "Calendar time (24/7)".to_owned()),
        (
            "business:".to_owned(),
            "Business time of the receiving team's calendar".to_owned(),
        ),
    ];
    clock_options.extend(props.calendars.iter().map(|(id, label)| {
        (
            format!("business:{id}"),
            format!("Business time of {label}"),
        )
    }));

    html! {
        <article class="sla-card" data-testid={format!("sla-{index}")} aria-label={format!("SLA policy {title}")}>
            <div class="sla-head">
                <span class="sla-order" aria-hidden="true">{ index + 1 }</span>
                <label class="sla-field">{ "Id" }
                    <TextInput value={sla.id.clone()} on_change={on_id} label="SLA policy id"
                        invalid={sla.id.trim().is_empty()} testid={format!("sla-id-{index}")} />
                </label>
                <label class="sla-field sla-grow">{ "Name" }
                    <TextInput value={sla.name.clone()} on_change={on_name} label="SLA policy name"
                        testid={format!("sla-name-{index}")} />
                </label>
                <div class="sla-actions">
                    <button type="button" onclick={on_up} disabled={index == 0}
                        aria-label={format!("Move {title} up")} data-testid={format!("sla-up-{index}")}>{ "↑" }</button>
                    <button type="button" onclick={on_down} disabled={index + 1 >= props.count}
                        aria-label={format!("Move {title} down")} data-testid={format!("sla-down-{index}")}>{ "↓" }</button>
                    <button type="button" class="sla-remove" onclick={on_remove}
                        aria-label={format!("Remove {title}")} data-testid={format!("sla-remove-{index}")}>{ "Remove" }</button>
                </div>
            </div>
            { diagnostics::inline_exact(&props.diagnostics, &path) }
            { found(".id") }
            <ConditionField {index} when={sla.when.clone()} draft={props.draft.clone()} dispatch={dispatch.clone()} />
            { found(".when") }
            <div class="sla-row">
                <label class="sla-field">{ "Clock" }
                    <Select options={clock_options} value={clock_value(sla)} on_change={on_clock}
                        label="How targets are counted" testid={format!("sla-clock-{index}")} />
                </label>
                <Checkbox checked={sla.pause_when_waiting} on_change={on_pause} label="Pause while waiting on the customer"
                    testid={format!("sla-pause-{index}")} />
                <label class="sla-field">{ "Auto-close after waiting" }
                    <DurationInput value={sla.auto_close_after} on_change={on_auto_close} optional=true placeholder="never"
                        label="Close a ticket left waiting on the customer after" testid={format!("sla-auto-close-{index}")} />
                </label>
                <label class="sla-field">{ "Warnings at % of target" }
                    <WarningsField value={sla.warnings.clone()} on_change={on_warnings} testid={format!("sla-warnings-{index}")} />
                </label>
            </div>
            { found(".time") }
            { found(".calendar") }
            { found(".pause_when_waiting") }
            <PausesTable {index} pauses={sla.effective_pauses()} dispatch={dispatch.clone()} />
            { found(".pauses") }
            { found(".auto_close_after") }
            { found(".warnings") }
            <TargetsTable {index} targets={sla.targets.clone()} dispatch={dispatch.clone()} />
            { found(".targets") }
            <ChannelTargetsTable {index} channels={sla.channels.clone()} dispatch={dispatch.clone()} />
            { found(".channels") }
            <BreachLadder {index} ladder={sla.breach_ladder.clone()} teams={props.teams.clone()} dispatch={dispatch.clone()} />
            { found(".breach_ladder") }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ConditionFieldProps {
    index: usize,
    when: Option<Condition>,
    draft: Option<String>,
    dispatch: Callback<Action>,
}

/// The condition as text. Text that does not parse is kept in `condition_drafts` (the policy keeps its last
/// valid condition); valid text stays as typed while it still means the policy's condition.
#[component]
fn ConditionField(props: &ConditionFieldProps) -> Html {
    let index = props.index;
    let typed = use_state(|| None::<String>);
    let canonical = props
        .when
        .as_ref()
        .map(Condition::to_text)
        .unwrap_or_default();
    let shown = match (&props.draft, &*typed) {
        (Some(draft), _) => draft.clone(),
        (None, Some(text))
            if condition_meaning(text) == props.when.as_ref().map(Condition::to_text) =>
        {
            text.clone()
        }
        _ => canonical,
    };
    let error = props.draft.as_deref().and_then(condition_error);
    let on_change = {
        let dispatch = props.dispatch.clone();
        let typed = typed.clone();
        Callback::from(move |text: String| {
            typed.set(Some(text.clone()));
            dispatch.emit(Action::Edit(Edit::SetSlaCondition { sla: index, text }));
        })
    };
    html! {
        <div class="sla-condition">
            <label class="sla-field">{ "Applies when" }
                <TextInput value={shown} {on_change} label="Condition" class="mono"
                    placeholder="empty = every ticket (fallback), e.g. category == \"outage\""
                    invalid={error.is_some()} testid={format!("sla-condition-{index}")} />
            </label>
            if let Some(message) = error {
                <p class="sla-error" role="alert" data-testid={format!("sla-condition-error-{index}")}>{ message }</p>
            } else if props.when.is_none() {
                <p class="hint">{ "No condition: the fallback for every ticket no earlier policy covers." }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct WarningsFieldProps {
    value: Vec<u32>,
    on_change: Callback<Vec<u32>>,
    testid: String,
}

#[component]
fn WarningsField(props: &WarningsFieldProps) -> Html {
    let typed = use_state(|| None::<String>);
    let parsed = typed.as_deref().map(parse_warnings);
    let (shown, error) = match (&*typed, parsed) {
        (Some(text), Some(Err(error))) => (text.clone(), Some(error)),
        (Some(text), Some(Ok(values))) if values == props.value => (text.clone(), None),
        _ => (warnings_text(&props.value), None),
    };
    let on_change = {
        let typed = typed.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |text: String| {
            if let Ok(values) = parse_warnings(&text) {
                on_change.emit(values);
            }
            typed.set(Some(text));
        })
    };
    html! {
        <span class="sla-input">
            <TextInput value={shown} {on_change} label="Warnings at percent of target" placeholder="e.g. 50, 75"
                invalid={error.is_some()} testid={props.testid.clone()} />
            if let Some(message) = error {
                <span class="sla-field-error" role="alert">{ message }</span>
            }
        </span>
    }
}

#[derive(Properties, PartialEq)]
struct TargetsTableProps {
    index: usize,
    targets: PriorityTargets,
    dispatch: Callback<Action>,
}

#[component]
fn TargetsTable(props: &TargetsTableProps) -> Html {
    let index = props.index;
    let cell = |priority: Priority, target: SlaTarget| -> Html {
        let dispatch = props.dispatch.clone();
        let on_change = sla_field(&dispatch, index, move |value: Option<Duration>| {
            SlaField::Target {
                priority,
                target,
                value,
            }
        });
        let optional = matches!(target, SlaTarget::NextUpdate | SlaTarget::FirstAssign);
        html! {
            <td>
                <DurationInput value={props.targets.for_priority(priority).get(target).copied()} {on_change} {optional}
                    label={format!("{} target for {} priority", target_label(target), priority.as_str())}
                    placeholder={if optional { "none" } else { "" }}
                    testid={format!("sla-target-{index}-{}-{}", priority.as_str(), target.as_str())} />
            </td>
        }
    };
    html! {
        <table class="sla-targets" data-testid={format!("sla-targets-{index}")}>
            <caption>{ "Targets" }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Priority" }</th>
                    { for SlaTarget::ALL.into_iter().map(|target| html! { <th scope="col">{ target_label(target) }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for Priority::ALL.into_iter().map(|priority| html! {
                    <tr>
                        <th scope="row" class="sla-priority">{ priority.as_str() }</th>
                        { for SlaTarget::ALL.into_iter().map(|target| cell(priority, target)) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct BreachLadderProps {
    index: usize,
    ladder: Vec<BreachLevel>,
    teams: Options,
    dispatch: Callback<Action>,
}

/// A callback that sets one field of breach level `level` of SLA policy `index`.
fn level_field<T: 'static>(
    dispatch: &Callback<Action>,
    index: usize,
    level: usize,
    field: impl Fn(T) -> BreachField + 'static,
) -> Callback<T> {
    dispatch.reform(move |value: T| {
        Action::Edit(Edit::SetBreachLevel {
            sla: index,
            level,
            field: field(value),
        })
    })
}

#[component]
fn BreachLadder(props: &BreachLadderProps) -> Html {
    let index = props.index;
    let target_options: Options = SlaTarget::ALL
        .into_iter()
        .map(|target| (target.as_str().to_owned(), target_label(target).to_owned()))
        .collect();
    let action_options: Options = vec![
        (
            "escalate".to_owned(),
            "Escalate (move the ticket)".to_owned(),
        ),
        ("notify".to_owned(), "Notify (alert only)".to_owned()),
    ];
    let on_add = props
        .dispatch
        .reform(move |_: MouseEvent| Action::Edit(Edit::AddBreachLevel { sla: index }));
    let row = |level: usize, breach: &BreachLevel| -> Html {
        let dispatch = &props.dispatch;
        let on_target = level_field(dispatch, index, level, |value: String| {
            BreachField::Target(parse_target(&value))
        });
        let on_after = level_field(dispatch, index, level, BreachField::AfterBreach);
        let on_to = level_field(dispatch, index, level, BreachField::To);
        let on_action = level_field(dispatch, index, level, |value: String| {
            BreachField::Action(if value == "notify" {
                BreachAction::Notify
            } else {
                BreachAction::Escalate
            })
        });
        let on_repeat = level_field(dispatch, index, level, BreachField::RepeatEvery);
        let on_remove = dispatch.reform(move |_: MouseEvent| {
            Action::Edit(Edit::RemoveBreachLevel { sla: index, level })
        });
        let action = match breach.action {
            BreachAction::Escalate => "escalate",
            BreachAction::Notify => "notify",
        };
        let id = |field: &str| format!("sla-ladder-{index}-{level}-{field}");
        let step = level + 1;
        html! {
            <tr key={level}>
                <td><Select options={target_options.clone()} value={breach.target.as_str().to_owned()} on_change={on_target}
                    label={format!("Level {step}: target")} testid={id("target")} /></td>
                <td><DurationInput value={breach.after_breach} on_change={on_after} optional=true placeholder="at breach"
                    label={format!("Level {step}: after the breach")} testid={id("after")} /></td>
                <td><Select options={props.teams.clone()} value={breach.to.clone()} on_change={on_to}
                    label={format!("Level {step}: team")} testid={id("to")} /></td>
                <td><Select options={action_options.clone()} value={action.to_owned()} on_change={on_action}
                    label={format!("Level {step}: action")} testid={id("action")} /></td>
                <td><DurationInput value={breach.repeat_every} on_change={on_repeat} optional=true placeholder="once"
                    label={format!("Level {step}: repeat every")} testid={id("repeat")} /></td>
                <td><button type="button" class="sla-remove" onclick={on_remove}
                    aria-label={format!("Remove breach level {step}")} data-testid={id("remove")}>{ "×" }</button></td>
            </tr>
        }
    };
    html! {
        <div class="sla-ladder">
            if props.ladder.is_empty() {
                <p class="hint">{ "No breach ladder: a breach is recorded, nobody is alerted." }</p>
            } else {
                <table class="sla-ladder-table" data-testid={format!("sla-ladder-{index}")}>
                    <caption>{ "Breach ladder" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Target" }</th>
                            <th scope="col">{ "After the breach" }</th>
                            <th scope="col">{ "Team" }</th>
                            <th scope="col">{ "Action" }</th>
                            <th scope="col">{ "Repeat every" }</th>
                            <th scope="col"><span class="visually-hidden">{ "Remove" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.ladder.iter().enumerate().map(|(level, breach)| row(level, breach)) }
                    </tbody>
                </table>
            }
            <button type="button" class="sla-add-level" onclick={on_add} data-testid={format!("sla-ladder-add-{index}")}>
                { "Add breach level" }
            </button>
        </div>
    }
}
