//! The policy editor's sections; each edits the workspace through `Action`s and shows the lint findings for its paths.

pub mod authorisations;
pub mod calendars;
pub mod condition_editor;
pub mod diagnostics;
pub mod inputs;
pub mod json;
pub mod matrix;
pub mod priority_matrix;
pub mod rules;
pub mod sla;
pub mod sla_channels;
pub mod sla_pauses;
pub mod teams;

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::lint::Diagnostic;
use crate::web::state::Action;
use crate::workspace::Workspace;

/// What every editor section receives.
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub workspace: Rc<Workspace>,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub dispatch: Callback<Action>,
}
