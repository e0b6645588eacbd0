//! Autosave: the workspace in the browser's local storage, so nothing is lost on a reload.

use gloo::storage::{LocalStorage, Storage};

use crate::workspace::Workspace;

const KEY: &str = "escalator.workspace.v1";
/// Where a saved workspace that no longer reads is moved, rather than thrown away.
const UNREADABLE_KEY: &str = "escalator.workspace.unreadable";

/// Saves the workspace; storage may be full or disabled, which only loses the autosave.
pub fn save(workspace: &Workspace) {
    let _autosave_is_best_effort = LocalStorage::set(KEY, workspace.to_json());
}

/// The saved workspace, or why it could not be read (it is then kept aside under another key).
pub fn load() -> Option<Result<Workspace, String>> {
    let json: String = LocalStorage::get(KEY).ok()?;
    match Workspace::from_json(&json) {
        Ok(workspace) => Some(Ok(workspace)),
        Err(error) => {
            let _kept_aside = LocalStorage::set(UNREADABLE_KEY, json);
            LocalStorage::delete(KEY);
            Some(Err(format!(
                "The autosaved workspace could not be read ({error}); it was kept in local storage as {UNREADABLE_KEY}."
            )))
        }
    }
}
