//! The playground's state and reducer: the workspace's history (`crate::workspace::history`), the tab shown,
//! and what is derived from the policy (compiled once per edit, for routing and lint alike).

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::lint::{lint_compiled, Diagnostic};
use crate::engine::policy::Policy;
use crate::web::policy_handle::PolicyHandle;
use crate::workspace::draft::TicketDraft;
use crate::workspace::edit::Edit;
use crate::workspace::history::History;
use crate::workspace::Workspace;

/// The views of the playground.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Try,
    Policy,
    Simulate,
    /// An imported ticket log: its report and observed metrics.
    Data,
}

pub enum Action {
    /// An undoable edit (see `Edit::key` for which edits are one step).
    Edit(Edit),
    /// Replaces the whole workspace (a preset, an import, a share link), undoably.
    Replace(Box<Workspace>),
    /// The ticket being tried: saved with the workspace, but not an undo step (undo leaves it as it is).
    SetDraft(TicketDraft),
    /// Shows times in a zone the user picked (`None`: the policy's zone); not an undo step either.
    ShowTimesIn(Option<String>),
    Undo,
    Redo,
    SelectTab(Tab),
}

/// The compiled form of the workspace's policy, or why it does not compile.
#[derive(Clone, PartialEq)]
pub enum Compiled {
    Ready(PolicyHandle),
    Invalid(String),
}

#[derive(Clone)]
pub struct PlaygroundState {
    pub workspace: Rc<Workspace>,
    pub compiled: Compiled,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub tab: Tab,
    history: History,
}

impl PartialEq for PlaygroundState {
    fn eq(&self, other: &PlaygroundState) -> bool {
        Rc::ptr_eq(&self.workspace, &other.workspace)
            && self.tab == other.tab
            && self.history.depths() == other.history.depths()
    }
}

impl PlaygroundState {
    pub fn new(workspace: Workspace) -> PlaygroundState {
        let history = History::new(workspace);
        let workspace = history.current().clone();
        let (compiled, diagnostics) = derive(&workspace.policy);
        PlaygroundState {
            workspace,
            compiled,
            diagnostics,
            tab: Tab::Try,
            history,
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    pub fn policy(&self) -> Option<&PolicyHandle> {
        match &self.compiled {
            Compiled::Ready(handle) => Some(handle),
            Compiled::Invalid(_) => None,
        }
    }

    /// This state after `change` to its history; derived values are recomputed only if the policy changed.
    fn with_history(&self, change: impl FnOnce(&mut History)) -> PlaygroundState {
        let mut history = self.history.clone();
        change(&mut history);
        let workspace = history.current().clone();
        let (compiled, diagnostics) = if workspace.policy == self.workspace.policy {
            (self.compiled.clone(), self.diagnostics.clone())
        } else {
            derive(&workspace.policy)
        };
        PlaygroundState {
            workspace,
            compiled,
            diagnostics,
            tab: self.tab,
            history,
        }
    }
}

/// Compiles the policy once, for routing and for lint alike.
fn derive(policy: &Policy) -> (Compiled, Rc<Vec<Diagnostic>>) {
    let result = policy.compile();
    let diagnostics = Rc::new(lint_compiled(policy, &result));
    let compiled = match result {
        Ok(compiled) => Compiled::Ready(PolicyHandle::new(compiled)),
        Err(errors) => Compiled::Invalid(errors.to_string()),
    };
    (compiled, diagnostics)
}

impl Reducible for PlaygroundState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(match action {
            Action::Edit(edit) => self.with_history(|history| history.edit(&edit)),
            Action::Replace(workspace) => self.with_history(|history| history.replace(*workspace)),
            Action::SetDraft(draft) => self.with_history(|history| history.set_draft(draft)),
            Action::ShowTimesIn(zone) => self.with_history(|history| history.set_time_zone(zone)),
            Action::Undo if self.can_undo() => self.with_history(|history| {
                history.undo();
            }),
            Action::Redo if self.can_redo() => self.with_history(|history| {
                history.redo();
            }),
            Action::Undo | Action::Redo => return self,
            Action::SelectTab(tab) => PlaygroundState {
                tab,
                ..(*self).clone()
            },
        })
    }
}
