//! The playground's state and reducer: the workspace being edited, undo and redo, and what is derived from it.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::lint::{lint_compiled, Diagnostic};
use crate::engine::policy::Policy;
use crate::web::policy_handle::PolicyHandle;
use crate::workspace::draft::TicketDraft;
use crate::workspace::Workspace;

/// The views of the playground.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Try,
    Policy,
    Simulate,
}

/// How many edits undo remembers.
const UNDO_DEPTH: usize = 200;

/// An edit of the workspace, applied to a copy.
pub type EditFn = Rc<dyn Fn(&mut Workspace)>;

pub enum Action {
    /// An undoable edit. Consecutive edits with the same `key` (typing into one field) are one undo step.
    Edit {
        key: String,
        apply: EditFn,
    },
    /// Replaces the whole workspace (a preset, an import, a share link), undoably.
    Replace(Box<Workspace>),
    /// The ticket being tried: saved with the workspace, but not an undo step (undo leaves it as it is).
    SetDraft(TicketDraft),
    Undo,
    Redo,
    SelectTab(Tab),
}

impl Action {
    pub fn edit(key: impl Into<String>, apply: impl Fn(&mut Workspace) + 'static) -> Action {
        Action::Edit {
            key: key.into(),
            apply: Rc::new(apply),
        }
    }
}

/// The compiled form of the workspace's policy, or why it does not compile.
#[derive(Clone, PartialEq)]
pub enum Compiled {
    Ready(PolicyHandle),
    Invalid(String),
}

pub struct PlaygroundState {
    pub workspace: Rc<Workspace>,
    pub compiled: Compiled,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub tab: Tab,
    undo: Vec<Rc<Workspace>>,
    redo: Vec<Rc<Workspace>>,
    last_edit_key: Option<String>,
}

impl PartialEq for PlaygroundState {
    fn eq(&self, other: &PlaygroundState) -> bool {
        Rc::ptr_eq(&self.workspace, &other.workspace)
            && self.tab == other.tab
            && self.undo.len() == other.undo.len()
            && self.redo.len() == other.redo.len()
    }
}

impl PlaygroundState {
    pub fn new(workspace: Workspace) -> PlaygroundState {
        let workspace = Rc::new(workspace);
        let (compiled, diagnostics) = derive(&workspace.policy);
        PlaygroundState {
            workspace,
            compiled,
            diagnostics,
            tab: Tab::Try,
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit_key: None,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn policy(&self) -> Option<&PolicyHandle> {
        match &self.compiled {
            Compiled::Ready(handle) => Some(handle),
            Compiled::Invalid(_) => None,
        }
    }

    /// The same history and tab with another workspace; derived values are recomputed only if the policy changed.
    fn with_workspace(&self, workspace: Rc<Workspace>) -> PlaygroundState {
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
            undo: self.undo.clone(),
            redo: self.redo.clone(),
            last_edit_key: self.last_edit_key.clone(),
        }
    }

    /// `snapshot` with the ticket currently being tried, which undo and redo do not touch.
    fn keeping_draft(&self, snapshot: &Rc<Workspace>) -> Rc<Workspace> {
        if snapshot.draft == self.workspace.draft {
            return snapshot.clone();
        }
        let mut workspace = (**snapshot).clone();
        workspace.draft = self.workspace.draft.clone();
        Rc::new(workspace)
    }

    fn record(&self, next: Workspace, key: Option<String>) -> PlaygroundState {
        if next == *self.workspace {
            return self.with_workspace(self.workspace.clone());
        }
        let mut state = self.with_workspace(Rc::new(next));
        let coalesce = key.is_some() && key == self.last_edit_key;
        if !coalesce {
            state.undo.push(self.workspace.clone());
            if state.undo.len() > UNDO_DEPTH {
                state.undo.remove(0);
            }
        }
        state.redo.clear();
        state.last_edit_key = key;
        state
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
        let next = match action {
            Action::Edit { key, apply } => {
                let mut edited = (*self.workspace).clone();
                apply(&mut edited);
                self.record(edited, Some(key))
            }
            Action::Replace(workspace) => self.record(*workspace, None),
            Action::SetDraft(draft) => {
                let mut workspace = (*self.workspace).clone();
                workspace.draft = draft;
                self.with_workspace(Rc::new(workspace))
            }
            Action::Undo => {
                let Some(previous) = self.undo.last().cloned() else {
                    return self;
                };
                let mut state = self.with_workspace(self.keeping_draft(&previous));
                state.undo.pop();
                state.redo.push(self.workspace.clone());
                state.last_edit_key = None;
                state
            }
            Action::Redo => {
                let Some(following) = self.redo.last().cloned() else {
                    return self;
                };
                let mut state = self.with_workspace(self.keeping_draft(&following));
                state.redo.pop();
                state.undo.push(self.workspace.clone());
                state.last_edit_key = None;
                state
            }
            Action::SelectTab(tab) => {
                let mut state = self.with_workspace(self.workspace.clone());
                state.tab = tab;
                state
            }
        };
        Rc::new(next)
    }
}
