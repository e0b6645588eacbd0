//! Undo and redo over workspaces: each edit is a step unless it continues the previous one (same
//! `Edit::key`, as when typing into one field); the ticket being tried and the zone times are shown in are
//! never a step.

use std::rc::Rc;

use super::draft::TicketDraft;
use super::edit::Edit;
use super::Workspace;

/// How many steps undo remembers.
pub const UNDO_DEPTH: usize = 200;

/// The workspace being edited, with the steps before and after it.
#[derive(Debug, Clone)]
pub struct History {
    current: Rc<Workspace>,
    undo: Vec<Rc<Workspace>>,
    redo: Vec<Rc<Workspace>>,
    last_key: Option<String>,
}

impl History {
    pub fn new(workspace: Workspace) -> History {
        History {
            current: Rc::new(workspace),
            undo: Vec::new(),
            redo: Vec::new(),
            last_key: None,
        }
    }

    pub fn current(&self) -> &Rc<Workspace> {
        &self.current
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps undo and redo hold, to tell two histories of one workspace apart cheaply.
    pub fn depths(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// Applies `edit` as an undo step, merged into the previous step when it has the same key.
    pub fn edit(&mut self, edit: &Edit) {
        let mut next = (*self.current).clone();
        edit.apply(&mut next);
        self.record(next, edit.key());
    }

    /// Replaces the whole workspace (a preset, an import, a share link) as one undo step.
    pub fn replace(&mut self, workspace: Workspace) {
        self.record(workspace, None);
    }

    /// Sets the ticket being tried. Not an undo step, and undo and redo leave it as it is.
    /// Shows times in `zone` (`None`: the policy's zone); not an undo step.
    pub fn set_time_zone(&mut self, zone: Option<String>) {
        if self.current.time_zone != zone {
            Rc::make_mut(&mut self.current).time_zone = zone;
        }
    }

    pub fn set_draft(&mut self, draft: TicketDraft) {
        if self.current.draft != draft {
            Rc::make_mut(&mut self.current).draft = draft;
        }
    }

    /// Goes one step back; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        let previous = self.keeping_view(previous);
        self.redo
            .push(std::mem::replace(&mut self.current, previous));
        self.last_key = None;
        true
    }

    /// Goes one step forward again; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(following) = self.redo.pop() else {
            return false;
        };
        let following = self.keeping_view(following);
        self.undo
            .push(std::mem::replace(&mut self.current, following));
        self.last_key = None;
        true
    }

    fn record(&mut self, next: Workspace, key: Option<String>) {
        if next == *self.current {
            return;
        }
        let coalesce = key.is_some() && key == self.last_key;
        let previous = std::mem::replace(&mut self.current, Rc::new(next));
        if !coalesce {
            self.undo.push(previous);
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_key = key;
    }

    /// `snapshot` with the ticket currently being tried and the zone times are shown in.
    fn keeping_view(&self, mut snapshot: Rc<Workspace>) -> Rc<Workspace> {
        if snapshot.draft != self.current.draft {
            Rc::make_mut(&mut snapshot).draft = self.current.draft.clone();
        }
        if snapshot.time_zone != self.current.time_zone {
            Rc::make_mut(&mut snapshot).time_zone = self.current.time_zone.clone();
        }
        snapshot
    }
}
