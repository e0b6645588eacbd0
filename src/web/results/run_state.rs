//! The Simulate view's run state: the current run's progress, the last report, the pinned baseline.

use std::rc::Rc;

use yew::prelude::*;

use crate::sim::report::SimulationReport;

/// Where the current simulation stands.
#[derive(Debug, Clone, PartialEq)]
pub enum RunStatus {
    Idle,
    /// The edited scenario would create about `tickets` tickets, more than runs start on their own; it
    /// waits for Run.
    AwaitingConfirmation {
        tickets: f64,
    },
    Running {
        id: u32,
        fraction: f64,
    },
    Failed(String),
}

#[derive(Clone, PartialEq)]
pub struct RunState {
    pub status: RunStatus,
    pub report: Option<Rc<SimulationReport>>,
    /// The report before the current one, so an edit's effect shows even without a pinned baseline.
    pub previous: Option<Rc<SimulationReport>>,
    pub baseline: Option<Rc<SimulationReport>>,
    /// Milliseconds from starting the run to having its report, for the last finished run.
    pub last_run_ms: Option<f64>,
    /// Increments with every finished run, so views can tell a fresh report.
    pub generation: u32,
    /// Set while the report shown covers only the first replications of its run (the rest still refining it,
    /// or the run cancelled before they did).
    pub partial: Option<PartialRun>,
    /// Increments with every report put on screen, partial or final.
    pub shown: u32,
}

/// How much of its run a partial report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialRun {
    pub done: u32,
    pub of: u32,
}

pub enum RunAction {
    Started(u32),
    Progress {
        id: u32,
        fraction: f64,
    },
    /// The run's first replications, to show while the rest refine them.
    Partial {
        id: u32,
        report: Rc<SimulationReport>,
        progress: PartialRun,
    },
    Finished {
        id: u32,
        report: Rc<SimulationReport>,
        elapsed_ms: f64,
    },
    Failed {
        id: u32,
        message: String,
    },
    Cancelled,
    /// The edited scenario is big enough to ask first (`sim::limits::CONFIRM_ABOVE_TICKETS`).
    NeedsConfirmation {
        tickets: f64,
    },
    PinBaseline,
    ClearBaseline,
}

impl Default for RunState {
    fn default() -> RunState {
        RunState {
            status: RunStatus::Idle,
            report: None,
            previous: None,
            baseline: None,
            last_run_ms: None,
            generation: 0,
            partial: None,
            shown: 0,
        }
    }
}

impl RunState {
    /// What the current report is compared with: the pinned baseline, else the previous run.
    pub fn reference(&self) -> Option<(&Rc<SimulationReport>, &'static str)> {
        match (&self.baseline, &self.previous) {
            (Some(baseline), _) => Some((baseline, "baseline")),
            (None, Some(previous)) => Some((previous, "previous run")),
            (None, None) => None,
        }
    }

    /// Puts `report` on screen; the one it replaces becomes the previous run, unless that was only a partial
    /// report (the previous run is always a finished one).
    fn show(&mut self, report: Rc<SimulationReport>, partial: Option<PartialRun>) {
        if self.partial.is_none() {
            self.previous = self.report.take();
        }
        self.report = Some(report);
        self.partial = partial;
        self.shown += 1;
    }

    fn is_current(&self, id: u32) -> bool {
        matches!(self.status, RunStatus::Running { id: current, .. } if current == id)
    }
}

impl Reducible for RunState {
    type Action = RunAction;

    fn reduce(self: Rc<Self>, action: RunAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            RunAction::Started(id) => next.status = RunStatus::Running { id, fraction: 0.0 },
            RunAction::Progress { id, fraction } if self.is_current(id) => {
                next.status = RunStatus::Running { id, fraction };
            }
            RunAction::Partial {
                id,
                report,
                progress,
            } if self.is_current(id) => next.show(report, Some(progress)),
            RunAction::Finished {
                id,
                report,
                elapsed_ms,
            } if self.is_current(id) => {
                next.status = RunStatus::Idle;
                next.show(report, None);
                next.last_run_ms = Some(elapsed_ms);
                next.generation += 1;
            }
            RunAction::Failed { id, message } if self.is_current(id) => {
                next.status = RunStatus::Failed(message);
            }
            RunAction::Cancelled => next.status = RunStatus::Idle,
            RunAction::NeedsConfirmation { tickets } => {
                next.status = RunStatus::AwaitingConfirmation { tickets }
            }
            RunAction::PinBaseline => next.baseline = self.report.clone(),
            RunAction::ClearBaseline => next.baseline = None,
            RunAction::Progress { .. }
            | RunAction::Partial { .. }
            | RunAction::Finished { .. }
            | RunAction::Failed { .. } => return self,
        }
        Rc::new(next)
    }
}
