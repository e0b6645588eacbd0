//! The playground shell component: the top bar with views, presets, undo/redo, import/export/share, wired to
//! the reducer in `state.rs`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::view::zone_choices;
use crate::web::browser;
use crate::web::log_import::use_log_import;
use crate::web::policy_handle::PolicyHandle;
use crate::web::presets::{self, PresetEntry};
use crate::web::results::live_strip::LiveStrip;
use crate::web::shown_zone::ShownZone;
use crate::web::simulation::use_simulation;
use crate::web::state::{Action, Compiled, PlaygroundState, Tab};
use crate::web::storage;
use crate::web::tabs::data_tab::DataTab;
use crate::web::tabs::policy_tab::PolicyTab;
use crate::web::tabs::simulate_tab::SimulateTab;
use crate::web::tabs::try_tab::TryTab;
use crate::workspace::import;
use crate::workspace::share;
use crate::workspace::Workspace;

#[derive(Properties, PartialEq)]
pub struct PlaygroundProps {
    pub initial: Workspace,
    pub presets: Vec<PresetEntry>,
    pub notice: Option<String>,
}

#[component]
pub fn Playground(props: &PlaygroundProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || PlaygroundState::new(initial));
    let notice = use_state(|| props.notice.clone());
    let share_link = use_state(|| None::<String>);
    let sim = use_simulation(state.workspace.clone());
    let policy_zone = state.policy().map_or_else(
        || "UTC".to_owned(),
        |policy| policy.compiled().home_zone().name().to_owned(),
    );
    let log_import = {
        let dispatcher = state.dispatcher();
        let notice = notice.clone();
        use_log_import(
            Callback::from(
                move |drawn: Result<crate::sim::Scenario, String>| match drawn {
                    Ok(scenario) => {
                        dispatcher.dispatch(Action::Edit(
                            crate::workspace::edit::Edit::ReplaceScenario(Box::new(scenario)),
                        ));
                        dispatcher.dispatch(Action::SelectTab(Tab::Simulate));
                        notice.set(Some(
                        "The scenario is now the imported log's traffic. Undo (Ctrl+Z) brings back the previous one."
                            .to_owned(),
                    ));
                    }
                    Err(message) => notice.set(Some(format!(
                        "Could not draw a scenario from the log: {message}"
                    ))),
                },
            ),
            state.workspace.log_mapping.clone(),
            policy_zone,
        )
    };

    use_effect_with(state.workspace.clone(), |workspace| {
        storage::save(workspace)
    });
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|window| window.document())
                .map(|document| {
                    let options = gloo::events::EventListenerOptions::enable_prevent_default();
                    gloo::events::EventListener::new_with_options(
                        &document,
                        "keydown",
                        options,
                        move |event| {
                            if let Some(action) =
                                event.dyn_ref::<KeyboardEvent>().and_then(shortcut)
                            {
                                event.prevent_default();
                                dispatcher.dispatch(action);
                            }
                        },
                    )
                });
            move || drop(listener)
        });
    }

    let workspace = &state.workspace;
    let shown_zone = use_memo(
        (state.policy().cloned(), workspace.time_zone.clone()),
        |(policy, picked)| {
            ShownZone(Rc::new(zone_choices::shown_zone(
                policy.as_ref().map(PolicyHandle::compiled),
                picked.as_deref(),
            )))
        },
    );
    let browser_zone = use_memo((), |_| browser::time_zone());
    let zone_options = use_memo(
        (state.policy().cloned(), workspace.time_zone.clone()),
        |(policy, picked)| {
            zone_choices::zone_choices(
                policy.as_ref().map(PolicyHandle::compiled),
                picked.as_deref(),
                browser_zone.as_deref(),
            )
        },
    );
    let on_zone = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let value = select.value();
            dispatcher.dispatch(Action::ShowTimesIn((!value.is_empty()).then_some(value)));
        })
    };
    let dispatch = |action: fn() -> Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(action()))
    };
    let select_tab = |tab: Tab| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::SelectTab(tab)))
    };
    let on_preset = {
        let dispatcher = state.dispatcher();
        // The team's log layout is not part of a preset: it stays.
        let log_mapping = workspace.log_mapping.clone();
        let presets = props.presets.clone();
        let notice = notice.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let Some(entry) = presets
                .iter()
                .find(|entry| entry.id == select.value())
                .cloned()
            else {
                return;
            };
            let dispatcher = dispatcher.clone();
            let notice = notice.clone();
            let log_mapping = log_mapping.clone();
            spawn_local(async move {
                match presets::load(&entry, browser::now_to_the_minute()).await {
                    Ok(mut workspace) => {
                        workspace.log_mapping = log_mapping;
                        dispatcher.dispatch(Action::Replace(Box::new(workspace)));
                        notice.set(Some(format!(
                            "Loaded the preset “{}”. Undo (Ctrl+Z) brings back your previous work.",
                            entry.title
                        )));
                    }
                    Err(message) => notice.set(Some(message)),
                }
            });
        })
    };
    let open_file = {
        let dispatcher = state.dispatcher();
        let notice = notice.clone();
        let current = workspace.clone();
        let start_log = log_import.start.clone();
        Callback::from(move |file: web_sys::File| {
            let dispatcher = dispatcher.clone();
            let notice = notice.clone();
            let current = current.clone();
            if is_ticket_log(&file.name()) {
                let start_log = start_log.clone();
                dispatcher.dispatch(Action::SelectTab(Tab::Data));
                spawn_local(async move {
                    let name = file.name();
                    match gloo::file::futures::read_as_bytes(&gloo::file::File::from(file)).await {
                        Ok(bytes) => start_log.emit((name, bytes)),
                        Err(error) => notice.set(Some(format!("Could not read {name}: {error}"))),
                    }
                });
                return;
            }
            spawn_local(async move {
                let text =
                    gloo::file::futures::read_as_text(&gloo::file::File::from(file.clone())).await;
                let outcome = text
                    .map_err(|err| err.to_string())
                    .and_then(|text| import::import(&text, &current));
                match outcome {
                    Ok((workspace, message)) => {
                        dispatcher.dispatch(Action::Replace(Box::new(workspace)));
                        notice.set(Some(message));
                    }
                    Err(message) => {
                        notice.set(Some(format!("Could not import {}: {message}", file.name())))
                    }
                }
            });
        })
    };
    let on_import = {
        let open_file = open_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            open_file.emit(file);
        })
    };
    let on_export_policy = {
        let workspace = workspace.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}.policy.json", import::file_stem(&workspace));
            browser::download(&name, "application/json", &workspace.policy.to_json());
        })
    };
    let on_export_scenario = {
        let workspace = workspace.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}.scenario.json", import::file_stem(&workspace));
            let json = serde_json::to_string_pretty(&workspace.scenario).unwrap_or_default();
            browser::download(&name, "application/json", &json);
        })
    };
    let on_export_workspace = {
        let workspace = workspace.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}.workspace.json", import::file_stem(&workspace));
            browser::download(&name, "application/json", &workspace.to_json());
        })
    };
    let on_share = {
        let workspace = workspace.clone();
        let share_link = share_link.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            let link = browser::address_with_fragment(&share::encode(&workspace));
            if share::fits_in_a_link(&link) {
                browser::copy_to_clipboard(&link);
                share_link.set(Some(link));
            } else {
                share_link.set(None);
                notice.set(Some(format!(
                    "This workspace is too big for a link ({} characters; browsers keep at most {}). Use Export workspace and send the file instead: Import opens it.",
                    link.len(),
                    share::MAX_LINK_LENGTH
                )));
            }
        })
    };
    let on_draft = {
        let dispatcher = state.dispatcher();
        Callback::from(move |draft: crate::workspace::draft::TicketDraft| {
            dispatcher.dispatch(Action::SetDraft(draft))
        })
    };
    let on_mapping = {
        let dispatcher = state.dispatcher();
        let read_mapped = log_import.read_mapped.clone();
        Callback::from(move |mapping: crate::import::Mapping| {
            dispatcher.dispatch(Action::Edit(crate::workspace::edit::Edit::SetLogMapping(
                Some(mapping.clone()),
            )));
            read_mapped.emit(mapping);
        })
    };
    let dismiss_notice = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| notice.set(None))
    };
    let close_share = {
        let share_link = share_link.clone();
        Callback::from(move |_: MouseEvent| share_link.set(None))
    };

    let problems = state
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity != crate::engine::lint::Severity::Info)
        .count();
    let tab_button = |tab: Tab, label: &str, badge: Option<usize>| {
        let selected = state.tab == tab;
        html! {
            <button role="tab" class={classes!("tab", selected.then_some("selected"))} aria-selected={selected.to_string()}
                data-testid={format!("tab-{}", label.to_lowercase().replace(' ', "-"))} onclick={select_tab(tab)}>
                { label.to_owned() }
                if let Some(count) = badge.filter(|count| *count > 0) {
                    <span class="badge" title="lint findings">{ count }</span>
                }
            </button>
        }
    };
    let body = match (&state.compiled, state.tab) {
        (_, Tab::Policy) => html! { <PolicyTab state={state.clone()} /> },
        (_, Tab::Data) => {
            html! { <DataTab log={log_import.clone()} workspace={workspace.clone()} {on_mapping} on_file={open_file.clone()} /> }
        }
        (Compiled::Invalid(errors), _) => html! {
            <main class="page single"><div class="panel"><div class="error-box" role="alert">
                { format!("The policy has errors, so it cannot route tickets. Fix them in the Policy view:\n{errors}") }
            </div></div></main>
        },
        (Compiled::Ready(policy), Tab::Try) => html! {
            <TryTab policy={policy.clone()} draft={workspace.draft.clone()} {on_draft} />
        },
        (Compiled::Ready(_), Tab::Simulate) => html! {
            <SimulateTab state={state.clone()} sim={sim.clone()} />
        },
    };

    html! {
        <ContextProvider<ShownZone> context={(*shown_zone).clone()}>
            <header class="topbar">
                <div class="brand"><img src="favicon.svg" alt="" />{ "Escalator" }</div>
                <nav class="tabs" role="tablist" aria-label="Views">
                    { tab_button(Tab::Try, "Try a ticket", None) }
                    { tab_button(Tab::Policy, "Policy", Some(problems)) }
                    { tab_button(Tab::Simulate, "Simulate", None) }
                    { tab_button(Tab::Data, "Data", None) }
                </nav>
                <div class="policy-name" title={workspace.policy.description.clone()}>
                    { "Policy: " }<strong>{ workspace.policy.name.clone() }</strong>
                </div>
            </header>
            <div class="toolbar" role="toolbar" aria-label="Workspace">
                <label class="inline-field">{ "Preset " }
                    <select data-testid="preset-picker" onchange={on_preset} aria-label="Load a preset">
                        { for props.presets.iter().map(|entry| html! {
                            <option value={entry.id.clone()} selected={entry.id == workspace.preset} title={entry.description.clone()}>
                                { entry.title.clone() }
                            </option>
                        }) }
                    </select>
                </label>
                <label class="inline-field">{ "Times in " }
                    <select data-testid="zone-picker" onchange={on_zone} aria-label="Show times in this zone">
                        { for zone_options.iter().map(|choice| html! {
                            <option value={choice.value.clone()} selected={Some(&choice.value) == workspace.time_zone.as_ref() || (choice.value.is_empty() && workspace.time_zone.is_none())}>
                                { choice.label.clone() }
                            </option>
                        }) }
                    </select>
                </label>
                <span class="spacer" />
                <button data-testid="undo" onclick={dispatch(|| Action::Undo)} disabled={!state.can_undo()} title="Undo (Ctrl+Z)">{ "↶ Undo" }</button>
                <button data-testid="redo" onclick={dispatch(|| Action::Redo)} disabled={!state.can_redo()} title="Redo (Ctrl+Shift+Z)">{ "↷ Redo" }</button>
                <span class="divider" />
                <label class="button" title="Import a policy, scenario or workspace JSON file, or a ticket log (CSV)">
                    { "Import…" }
                    <input type="file" accept=".json,application/json,.csv,.tsv,.txt,text/csv" class="visually-hidden" data-testid="import-file" onchange={on_import} />
                </label>
                <button onclick={on_export_policy} data-testid="export-policy">{ "Export policy" }</button>
                <button onclick={on_export_scenario} data-testid="export-scenario">{ "Export scenario" }</button>
                <button onclick={on_export_workspace} data-testid="export-workspace">{ "Export workspace" }</button>
                <button class="primary" onclick={on_share} data-testid="share">{ "Share link" }</button>
            </div>
            if let Some(link) = &*share_link {
                <div class="notice share" role="status">
                    <span>{ "Link copied — it carries the whole workspace:" }</span>
                    <input type="text" readonly=true value={link.clone()} data-testid="share-link" aria-label="Share link" />
                    <button onclick={close_share} aria-label="Close">{ "×" }</button>
                </div>
            }
            if let Some(message) = &*notice {
                <div class="notice" role="status" data-testid="notice">
                    <span>{ message.clone() }</span>
                    <button onclick={dismiss_notice} aria-label="Dismiss">{ "×" }</button>
                </div>
            }
            if state.tab != Tab::Simulate && state.tab != Tab::Data {
                <LiveStrip sim={sim.clone()} scenario={workspace.scenario.name.clone().unwrap_or_default()} />
            }
            { body }
        </ContextProvider<ShownZone>>
    }
}

/// A CSV (or TSV, or text) file is a ticket log for the Data view; JSON is a workspace, policy or scenario.
fn is_ticket_log(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".csv", ".tsv", ".txt"]
        .iter()
        .any(|ending| lower.ends_with(ending))
}

/// Ctrl+Z → undo, Ctrl+Shift+Z or Ctrl+Y → redo; text fields keep their own undo.
fn shortcut(event: &KeyboardEvent) -> Option<Action> {
    if !(event.ctrl_key() || event.meta_key()) {
        return None;
    }
    let in_text_field = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA"));
    if in_text_field {
        return None;
    }
    match event.key().to_lowercase().as_str() {
        "z" if event.shift_key() => Some(Action::Redo),
        "z" => Some(Action::Undo),
        "y" => Some(Action::Redo),
        _ => None,
    }
}
