//! Presets served under `presets/`: the index for the picker, and loading one into a workspace.

use serde::Deserialize;

use crate::json::from_json;
use crate::sim::resolve_policy;
use crate::sim::scenario::{PolicySource, Scenario};
use crate::workspace::draft::TicketDraft;
use crate::workspace::Workspace;

/// `presets/index.json`: the policies and scenarios served with the page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetIndex {
    #[serde(default)]
    policies: Vec<serde_json::Value>,
    scenarios: Vec<PresetEntry>,
}

/// One scenario preset of the index.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresetEntry {
    pub id: String,
    pub title: String,
    pub description: String,
    /// The scenario file under `presets/`.
    pub file: String,
}

pub const DEFAULT_PRESET: &str = "normal-week";

pub async fn fetch_index() -> Result<Vec<PresetEntry>, String> {
    let text = fetch_text("presets/index.json").await?;
    from_json::<PresetIndex>(&text)
        .map(|index| index.scenarios)
        .map_err(|err| format!("presets/index.json: {err}"))
}

/// Fetches a preset's scenario and its policy and makes a fresh workspace of them.
pub async fn load(entry: &PresetEntry, created_at: String) -> Result<Workspace, String> {
    let url = format!("presets/{}", entry.file);
    let text = fetch_text(&url).await?;
    let scenario = Scenario::from_json(&text).map_err(|err| format!("{url}: {err}"))?;
    let named = match &scenario.policy {
        PolicySource::Named(name) => Some(fetch_text(&format!("presets/{name}.json")).await?),
        PolicySource::Inline(_) => None,
    };
    let policy = resolve_policy(&scenario, |_| named).map_err(|err| format!("{url}: {err}"))?;
    let category = policy
        .categories
        .first()
        .map(|category| category.id.clone())
        .unwrap_or_default();
    Ok(Workspace {
        preset: entry.id.clone(),
        policy,
        scenario,
        draft: TicketDraft::new(&category, created_at),
        condition_drafts: Default::default(),
        policy_json_draft: None,
        log_mapping: None,
        time_zone: None,
    })
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let response = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|err| format!("could not load {url}: {err}"))?;
    if !response.ok() {
        return Err(format!("could not load {url}: HTTP {}", response.status()));
    }
    response
        .text()
        .await
        .map_err(|err| format!("could not load {url}: {err}"))
}
