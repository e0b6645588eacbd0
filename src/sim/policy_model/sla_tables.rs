//! One SLA policy prepared for the simulator: warnings as bytes, the breach ladder as engine `LadderStep`s with the
//! team each escalating level moves a ticket to, and the reasons recorded on those moves.

use crate::engine::journey::SlaTarget;
use crate::engine::policy::compiled::{
    ticket_targets, ChannelOverride, CompiledSla, CompiledTargets, SlaClock,
};
use crate::engine::policy::{BreachAction, CompiledPolicy};
use crate::engine::sla::{
    self, Clock, LadderAction, LadderStep, Pauses, Repeats, SlaTerms, TargetDurations,
};
use crate::engine::ticket::{Channel, Priority};
use crate::engine::time::Instant;
use crate::sim::model::{Checkpoint, CheckpointKind, Repeat, TeamId};

/// Where and for whom a ticket's SLA clocks were armed.
pub struct Armed {
    /// This SLA policy's index in the model.
    pub tables: u32,
    pub targets: TargetDurations,
    pub receiver: TeamId,
    /// When the clocks started counting.
    pub start: Instant,
}

/// The targets the simulator arms at creation; next update would start only with a reply.
const ARMED_TARGETS: [SlaTarget; 3] = [
    SlaTarget::FirstResponse,
    SlaTarget::Resolution,
    SlaTarget::FirstAssign,
];

#[derive(Debug)]
pub struct SlaTables {
    clock: SlaClock,
    pauses: Pauses,
    targets: [CompiledTargets; 4],
    /// Channels with targets of their own, in place of the priority's where set.
    channel_targets: Vec<(Channel, ChannelOverride)>,
    warnings: Vec<u8>,
    ladder: Vec<LadderStep>,
    /// Per ladder step: the team an `escalate` level moves the ticket to.
    escalate_to: Vec<Option<TeamId>>,
    /// Per ladder step: the reason recorded on the move.
    reasons: Vec<String>,
    /// Ladder steps of first response, resolution, first assign and next update, in policy order (a level's
    /// number is its position).
    steps_of: [Vec<usize>; 4],
    /// Reason on warnings and breaches: the SLA policy id.
    id: String,
}

fn durations(targets: CompiledTargets) -> TargetDurations {
    TargetDurations {
        first_response: Some(targets.first_response),
        next_update: targets.next_update,
        resolution: Some(targets.resolution),
        first_assign: targets.first_assign,
    }
}

fn slot(target: SlaTarget) -> usize {
    match target {
        SlaTarget::FirstResponse => 0,
        SlaTarget::Resolution => 1,
        SlaTarget::FirstAssign => 2,
        SlaTarget::NextUpdate => 3,
    }
}

impl SlaTables {
    pub fn new(policy: &CompiledPolicy, sla: &CompiledSla) -> SlaTables {
        let ladder: Vec<LadderStep> = sla
            .breach_ladder
            .iter()
            .map(|level| LadderStep {
                target: level.target,
                after_breach: level.after_breach_seconds,
                to: policy.teams[level.team].id.clone(),
                action: match level.action {
                    BreachAction::Escalate => LadderAction::Escalate,
                    BreachAction::Notify => LadderAction::Notify,
                },
                repeat_every: level.repeat_every_seconds,
            })
            .collect();
        let mut steps_of = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
        let mut reasons = Vec::with_capacity(ladder.len());
        let mut escalate_to = Vec::with_capacity(ladder.len());
        for (index, (step, level)) in ladder.iter().zip(&sla.breach_ladder).enumerate() {
            let steps = &mut steps_of[slot(step.target)];
            steps.push(index);
            let number = steps.len();
            reasons.push(format!(
                "SLA {}: {} breach level {number} → {}",
                sla.id,
                step.target.as_str(),
                step.to
            ));
            escalate_to.push(match level.action {
                BreachAction::Escalate => TeamId::try_from(level.team).ok(),
                BreachAction::Notify => None,
            });
        }
        SlaTables {
            clock: sla.clock,
            pauses: sla.pauses,
            targets: sla.targets,
            channel_targets: sla.channel_targets.clone(),
            warnings: sla
                .warnings
                .iter()
                .filter_map(|&percent| u8::try_from(percent).ok())
                .collect(),
            ladder,
            escalate_to,
            reasons,
            steps_of,
            id: sla.id.clone(),
        }
    }

    /// The targets of a ticket of `priority` that came through `channel`: the priority's, with the
    /// channel's own in their place where it sets them.
    pub fn targets_for(&self, priority: Priority, channel: Channel) -> TargetDurations {
        durations(ticket_targets(
            &self.targets,
            &self.channel_targets,
            priority,
            channel,
        ))
    }

    /// When the next update falls due for a ticket with `targets` answered or updated at `from`; `None`
    /// when they have no next-update target (or the clock never gets there).
    pub fn next_update_due(
        &self,
        policy: &CompiledPolicy,
        targets: TargetDurations,
        receiver: TeamId,
        from: Instant,
    ) -> Option<Instant> {
        let seconds = targets.next_update?;
        self.clock(policy, receiver).add(from, seconds)
    }

    /// Which targets each waiting state holds.
    pub fn pauses(&self) -> Pauses {
        self.pauses
    }

    /// The clock this policy counts on for a ticket received by `receiver`.
    pub fn clock<'s>(&'s self, policy: &'s CompiledPolicy, receiver: TeamId) -> Clock<'s> {
        match self.clock {
            SlaClock::Calendar => Clock::CalendarTime,
            SlaClock::Business(index) => Clock::Business(&policy.calendars[index]),
            SlaClock::ReceivingTeam => policy
                .team_calendar(usize::from(receiver))
                .map_or(Clock::CalendarTime, Clock::Business),
        }
    }

    /// Appends the warnings, breaches and breach-ladder levels of first response, resolution and first assign
    /// of a ticket armed at its creation. A repeating level comes with its first firing only, marked with
    /// `repeat` (its `clock` is `armed.tables`); [`Self::next_repeat`] plans the others.
    pub fn checkpoints<'s>(
        &'s self,
        policy: &'s CompiledPolicy,
        armed: &Armed,
        out: &mut Vec<Checkpoint<'s>>,
    ) {
        for target in ARMED_TARGETS {
            self.target_checkpoints(policy, armed, target, false, out);
        }
    }

    /// Appends the breach-ladder levels of the next-update clock of a ticket armed at an answer or update,
    /// moved by the `paused` counted seconds a wait has held that clock since. Repeating levels
    /// come with their first firing, as in [`Self::checkpoints`]; the breach itself is the simulator's own.
    pub fn next_update_levels<'s>(
        &'s self,
        policy: &'s CompiledPolicy,
        armed: &Armed,
        paused: i64,
        out: &mut Vec<Checkpoint<'s>>,
    ) {
        let first = out.len();
        self.target_checkpoints(policy, armed, SlaTarget::NextUpdate, true, out);
        if paused > 0 {
            let clock = self.clock(policy, armed.receiver);
            for level in &mut out[first..] {
                level.at = clock.add(level.at, paused).unwrap_or(Instant(i64::MAX));
            }
        }
    }

    /// Appends `target`'s checkpoints counted from `armed.start` (only its breach-ladder levels when
    /// `levels_only`).
    fn target_checkpoints<'s>(
        &'s self,
        policy: &'s CompiledPolicy,
        armed: &Armed,
        target: SlaTarget,
        levels_only: bool,
        out: &mut Vec<Checkpoint<'s>>,
    ) {
        let terms = SlaTerms {
            targets: armed.targets,
            clock: self.clock(policy, armed.receiver),
            pauses: self.pauses,
            warnings: &self.warnings,
            ladder: &self.ladder,
        };
        let steps = &self.steps_of[slot(target)][..];
        let goal = armed.targets.get(target).unwrap_or(0);
        sla::for_each_checkpoint(
            &terms,
            target,
            armed.start,
            Repeats::FirstOnly,
            |checkpoint| {
                let (kind, reason, repeat) = match checkpoint.kind {
                    _ if levels_only
                        && !matches!(checkpoint.kind, sla::CheckpointKind::Ladder { .. }) =>
                    {
                        return
                    }
                    sla::CheckpointKind::Warning { percent } => {
                        (CheckpointKind::Warning { percent }, self.id.as_str(), None)
                    }
                    sla::CheckpointKind::Breach => (CheckpointKind::Breach, self.id.as_str(), None),
                    sla::CheckpointKind::NeverDue => {
                        (CheckpointKind::NeverDue, self.id.as_str(), None)
                    }
                    sla::CheckpointKind::Ladder { level, to, .. } => {
                        let step = usize::try_from(level)
                            .ok()
                            .and_then(|level| steps.get(level.wrapping_sub(1)))
                            .copied()
                            .unwrap_or(0);
                        let kind = CheckpointKind::Level {
                            level,
                            notify: to,
                            escalate_to: self.escalate_to.get(step).copied().flatten(),
                        };
                        let repeats = self.ladder.get(step).map_or(0, LadderStep::repeat_count);
                        let repeat = (repeats > 0).then(|| Repeat {
                            left: repeats,
                            firing: 0,
                            clock: armed.tables,
                            level: u32::try_from(step).unwrap_or(u32::MAX),
                            base: goal,
                        });
                        let reason = self.reasons.get(step).map_or("", String::as_str);
                        (kind, reason, repeat)
                    }
                };
                out.push(Checkpoint {
                    at: checkpoint.at,
                    target,
                    kind,
                    reason,
                    repeat,
                });
            },
        );
    }

    /// The firing after `checkpoint` (a repeating level from [`Self::checkpoints`]) of a ticket created at
    /// `created` and received by `receiver`: at the same counted time as `for_each_checkpoint` plans it, plus
    /// the `paused` counted seconds the clock has been held.
    pub fn next_repeat<'s>(
        &'s self,
        policy: &'s CompiledPolicy,
        checkpoint: &Checkpoint<'s>,
        created: Instant,
        receiver: TeamId,
        paused: i64,
    ) -> Option<Checkpoint<'s>> {
        let repeat = checkpoint.repeat.filter(|repeat| repeat.left > 0)?;
        let step = self.ladder.get(usize::try_from(repeat.level).ok()?)?;
        let firing = repeat.firing + 1;
        let at = self.clock(policy, receiver).add(
            created,
            step.threshold(repeat.base, firing).saturating_add(paused),
        )?;
        Some(Checkpoint {
            at,
            repeat: Some(Repeat {
                left: repeat.left - 1,
                firing,
                ..repeat
            }),
            ..*checkpoint
        })
    }
}
