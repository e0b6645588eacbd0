//! The playground's boot: picks the starting workspace (share link, autosave, or the default preset) and mounts it.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::web::playground::Playground;
use crate::web::presets::{self, PresetEntry, DEFAULT_PRESET};
use crate::web::{browser, storage};
use crate::workspace::share;
use crate::workspace::Workspace;

#[derive(Clone, PartialEq)]
enum Boot {
    Loading,
    Failed(String),
    Ready {
        workspace: Box<Workspace>,
        presets: Vec<PresetEntry>,
        notice: Option<String>,
    },
}

#[component]
pub fn App() -> Html {
    let boot = use_state(|| Boot::Loading);
    {
        let boot = boot.clone();
        use_effect_with((), move |_| {
            spawn_local(async move { boot.set(start().await) });
        });
    }
    match &*boot {
        Boot::Loading => html! { <p class="boot-message">{ "Loading the policy…" }</p> },
        Boot::Failed(message) => html! {
            <div class="boot-failure"><div class="error-box" role="alert">{ message.clone() }</div></div>
        },
        Boot::Ready {
            workspace,
            presets,
            notice,
        } => html! {
            <Playground initial={(**workspace).clone()} presets={presets.clone()} notice={notice.clone()} />
        },
    }
}

async fn start() -> Boot {
    let presets = match presets::fetch_index().await {
        Ok(presets) => presets,
        Err(message) => return Boot::Failed(message),
    };
    let mut notice = None;
    if let Some(shared) = share::decode(&browser::fragment()) {
        browser::clear_fragment();
        match shared {
            Ok(workspace) => {
                return Boot::Ready {
                    workspace: Box::new(workspace),
                    presets,
                    notice: Some("Opened the workspace from the shared link.".to_owned()),
                }
            }
            Err(error) => notice = Some(format!("The shared link could not be opened: {error}.")),
        }
    }
    match storage::load() {
        Some(Ok(workspace)) => {
            return Boot::Ready {
                workspace: Box::new(workspace),
                presets,
                notice,
            }
        }
        Some(Err(message)) => notice = Some(message),
        None => {}
    }
    let Some(entry) = presets
        .iter()
        .find(|entry| entry.id == DEFAULT_PRESET)
        .or(presets.first())
    else {
        return Boot::Failed("presets/index.json lists no presets".to_owned());
    };
    match presets::load(entry, browser::now_to_the_minute()).await {
        Ok(workspace) => Boot::Ready {
            workspace: Box::new(workspace),
            presets,
            notice,
        },
        Err(message) => Boot::Failed(message),
    }
}
