//! `plan`: every warning, breach and ladder instant of a fresh clock with no further events, for the
//! router's planned ladder and the simulator's timers.

use serde::Serialize;

use super::terms::{LadderAction, SlaTerms};
use crate::engine::journey::SlaTarget;
use crate::engine::time::Instant;

/// What happens at a checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CheckpointKind<'a> {
    Warning {
        percent: u8,
    },
    Breach,
    /// The clock never counts the target: its calendar never opens, or not enough before the calendars'
    /// range ends (2200). Planned at the clock's start; the target can never be breached nor met.
    NeverDue,
    Ladder {
        /// 1-based position among the ladder levels of the same target.
        level: u32,
        /// 0 for the first firing, then 1, 2, … for repeats.
        repeat: u32,
        to: &'a str,
        action: LadderAction,
    },
}

/// One planned instant. Ordered by time, then target, then kind (warning, breach, ladder).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Checkpoint<'a> {
    pub at: Instant,
    pub target: SlaTarget,
    #[serde(flatten)]
    pub kind: CheckpointKind<'a>,
}

/// The checkpoints of a ticket created at `created` that gets no further events: first response and
/// resolution (next update starts only with the first reply; see [`for_each_checkpoint`]), sorted.
pub fn plan<'a>(terms: &SlaTerms<'a>, created: Instant) -> Vec<Checkpoint<'a>> {
    let mut checkpoints = Vec::new();
    plan_into(terms, created, &mut checkpoints);
    checkpoints
}

/// [`plan`] into a reused buffer (cleared first): no allocation once the buffer is large enough.
pub fn plan_into<'a>(terms: &SlaTerms<'a>, created: Instant, out: &mut Vec<Checkpoint<'a>>) {
    out.clear();
    for target in [SlaTarget::FirstResponse, SlaTarget::Resolution] {
        for_each_checkpoint(terms, target, created, Repeats::Every, |checkpoint| {
            out.push(checkpoint)
        });
    }
    out.sort_unstable();
}

/// Which firings of each ladder level [`for_each_checkpoint`] visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeats {
    /// Every firing: the first, then each repeat up to the cap.
    Every,
    /// Only the first firing (`repeat` 0). A caller that needs the repeats one at a time finds firing `n` at
    /// `LadderStep::threshold(goal, n)` counted seconds after `start`.
    FirstOnly,
}

/// Calls `visit` with each checkpoint of `target`'s clock started at `start` and never held, unsorted:
/// warnings in the order of `SlaTerms::warnings`, the breach, then each ladder level with the firings
/// `repeats` asks for. Use it to arm the next-update clock at each reply. Checkpoints the clock never reaches
/// are skipped, but a breach it never reaches is reported as `NeverDue` at `start`.
pub fn for_each_checkpoint<'a>(
    terms: &SlaTerms<'a>,
    target: SlaTarget,
    start: Instant,
    repeats: Repeats,
    mut visit: impl FnMut(Checkpoint<'a>),
) {
    let Some(goal) = terms.targets.get(target) else {
        return;
    };
    let clock = terms.clock.counting_from(start);
    let mut emit = |amount: i64, kind| {
        let reached = clock.add(amount);
        match (reached, kind) {
            (Some(at), _) => visit(Checkpoint { at, target, kind }),
            (None, CheckpointKind::Breach) => visit(Checkpoint {
                at: start,
                target,
                kind: CheckpointKind::NeverDue,
            }),
            (None, _) => {}
        }
        reached.is_some()
    };
    for &percent in terms.warnings {
        emit(
            SlaTerms::warning_threshold(goal, percent),
            CheckpointKind::Warning { percent },
        );
    }
    emit(goal, CheckpointKind::Breach);
    let steps = terms.ladder.iter().filter(|step| step.target == target);
    for (level, step) in (1..).zip(steps) {
        let last = match repeats {
            Repeats::Every => step.repeat_count(),
            Repeats::FirstOnly => 0,
        };
        for repeat in 0..=last {
            let kind = CheckpointKind::Ladder {
                level,
                repeat,
                to: &step.to,
                action: step.action,
            };
            if !emit(step.threshold(goal, repeat), kind) {
                break;
            }
        }
    }
}
