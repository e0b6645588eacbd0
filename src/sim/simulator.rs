//! The discrete-event simulator: a deterministic event queue, team queues by priority and due time, agents on calendars.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};
use std::sync::Arc;

use super::arrivals::ArrivalStream;
use super::assignment::{after_open_time, Desk};
use super::model::{Assignment, Checkpoint, CheckpointKind, PolicyModel, TeamId, TeamInfo};
use super::prepared::PreparedScenario;
use super::random::RandomStream;
use super::replay::RecordedArrivals;
use super::scenario::{AmountDistribution, Scenario, ScenarioError, TimeDistribution, WaitingRule};
use crate::engine::journey::{EscalationKind, Event, EventKind, Journey, SlaTarget};
use crate::engine::sla::{Pauses, WaitState};
use crate::engine::ticket::{Priority, Signals, Ticket};
use crate::engine::time::Instant;

/// Random streams, one per purpose, so that changing e.g. handling times leaves arrivals unchanged.
const ARRIVAL_STREAM: u64 = 0;
const SERVICE_STREAM: u64 = 1;
const DECISION_STREAM: u64 = 2;
const PATIENCE_STREAM: u64 = 3;
const WAITING_STREAM: u64 = 4;

/// Questions to the customer one ticket can get at most; after that its work always ends in an outcome.
const MAX_QUESTIONS: u8 = 5;

/// Events reserved per journey: created, assigned, started, first response, resolved and one spare.
const JOURNEY_CAPACITY: usize = 6;

/// The result of one replication.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationRun {
    pub replication: u32,
    pub seed: u64,
    /// Every ticket created, in creation order.
    pub journeys: Vec<Journey>,
    /// The policy's teams with the agent counts actually simulated.
    pub teams: Vec<TeamInfo>,
    pub start: Instant,
    /// End of the arrival horizon.
    pub end: Instant,
    /// When the run stopped (all tickets closed, or the drain limit).
    pub stopped_at: Instant,
    pub events_processed: u64,
    /// Tickets neither resolved nor abandoned when the run stopped.
    pub open_tickets: usize,
    /// Per team, its agents' names when it hands tickets to individuals (empty for a pooled queue).
    pub assignees: Vec<Vec<Arc<str>>>,
}

/// Where a stepping simulation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub now: Instant,
    pub events_processed: u64,
    pub tickets_created: usize,
    pub finished: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Arrival {
        stream: u16,
    },
    /// The next of the recorded tickets arrives (a replay).
    Recorded,
    ServiceDone {
        ticket: u32,
    },
    /// Checkpoint `index` of the ticket falls due, as planned when its clocks were armed as number `arming`.
    Checkpoint {
        ticket: u32,
        index: u16,
        arming: u16,
    },
    /// The next update armed as number `arming` of the ticket falls due.
    NextUpdateDue {
        ticket: u32,
        arming: u32,
    },
    /// Next-update breach-ladder level `index` of the ticket (of those planned when the clock armed as number
    /// `arming` breached) falls due.
    NextUpdateLevel {
        ticket: u32,
        arming: u32,
        index: u16,
    },
    Abandon {
        ticket: u32,
    },
    /// Wait number `wait` of the ticket ends: the customer answers, or the hold or third party is done.
    WaitEnds {
        ticket: u32,
        wait: u32,
    },
    /// The ticket has waited on the customer since question number `wait` for as long as its SLA allows.
    AutoClose {
        ticket: u32,
        wait: u32,
    },
    /// The ticket's assignee-return timer, armed when it was handed to an agent at `generation`, runs out.
    ReturnDue {
        ticket: u32,
        generation: u32,
    },
    Open {
        team: TeamId,
    },
    Close {
        team: TeamId,
    },
}

#[derive(Debug, PartialEq, Eq)]
struct Scheduled {
    at: i64,
    sequence: u64,
    action: Action,
}

impl Ord for Scheduled {
    /// Reversed so that `BinaryHeap` pops the earliest instant first, ties in scheduling order.
    fn cmp(&self, other: &Self) -> Ordering {
        (other.at, other.sequence).cmp(&(self.at, self.sequence))
    }
}

impl PartialOrd for Scheduled {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A waiting ticket: (priority rank, due instant, sequence, ticket, generation), smallest first.
type WaitingEntry = Reverse<(u8, i64, u64, u32, u32)>;

struct TeamState {
    open: bool,
    busy: u32,
    agents: u32,
    /// The team's queue; a team handing tickets to individuals only queues here while it has no agents.
    waiting: BinaryHeap<WaitingEntry>,
    /// Each agent's own queue and load, for a team handing tickets to individuals.
    desk: Option<Desk>,
    agent_queues: Vec<BinaryHeap<WaitingEntry>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// In a team's queue.
    Waiting,
    InService,
    /// Waiting on someone other than its agent (`TicketState::waiting_in` says on whom) until the wait ends.
    Away,
    Closed,
}

/// The targets a ticket meets when an agent first picks it up: first assign, and first response (a simulated
/// agent answers the customer at each pick-up).
fn met_at_pick_up(target: SlaTarget) -> bool {
    matches!(target, SlaTarget::FirstResponse | SlaTarget::FirstAssign)
}

/// What a wait in one state holds of a ticket's SLA. The checkpoints are one chain, held whole when the state
/// holds a target still to come: resolution's, and first response's and first assign's for a ticket held
/// before anyone answered.
#[derive(Debug, Clone, Copy)]
struct HeldWhileWaiting {
    checkpoints: bool,
    next_update: bool,
}

impl HeldWhileWaiting {
    fn of(pauses: Pauses, state: WaitState, responded: bool) -> HeldWhileWaiting {
        let holds = |target| pauses.holds(state, target);
        HeldWhileWaiting {
            checkpoints: holds(SlaTarget::Resolution)
                || (!responded
                    && (holds(SlaTarget::FirstResponse) || holds(SlaTarget::FirstAssign))),
            next_update: holds(SlaTarget::NextUpdate),
        }
    }
}

/// A planned checkpoint and its place among checkpoints at the same instant: the order the model listed them in,
/// every repeating checkpoint keeping room for its later firings right after it.
#[derive(Debug, Clone, Copy)]
struct Planned<'m> {
    checkpoint: Checkpoint<'m>,
    rank: u32,
}

impl Planned<'_> {
    fn order(&self) -> (Instant, u32) {
        (self.checkpoint.at, self.rank)
    }
}

struct TicketState<'m> {
    category: u16,
    priority_rank: u8,
    /// The team `route` chose, whose calendar some SLA clocks count on.
    receiver: TeamId,
    team: TeamId,
    status: Status,
    /// Bumped whenever the ticket leaves a queue, so stale queue entries are skipped.
    generation: u32,
    responded: bool,
    /// Bumped at each answer or update, so only the latest next-update clock can breach.
    update_arming: u32,
    /// When the armed next-update clock runs out (`i64::MAX`: none armed).
    update_due: i64,
    /// When the armed next-update clock started (the answer or update), and the counted seconds a wait has
    /// held it since.
    update_from: i64,
    update_paused: i64,
    /// The next-update breach-ladder levels planned when that clock breached, a repeating level's next
    /// firing added when it fires.
    update_levels: Vec<Checkpoint<'m>>,
    visited_first_line: bool,
    /// Sorted by `Planned::order`; a repeating checkpoint's next firing is added when it fires.
    checkpoints: Vec<Planned<'m>>,
    /// The first checkpoint that has not fired (the one scheduled, or `checkpoints.len()`).
    next_checkpoint: usize,
    /// Bumped when a wait holds or moves the checkpoints, so only the latest schedule fires.
    clock_arming: u16,
    /// Questions asked so far; the latest is `wait`'s number.
    questions: u8,
    wait: u32,
    /// When the current wait began, and on whom it waits.
    waiting_since: i64,
    waiting_in: WaitState,
    /// Counted seconds the SLA clocks have been held by waits so far.
    paused: i64,
    /// While the ticket waits for a sign-off: the team that owns it and gets it back once approved.
    approving_for: Option<TeamId>,
    /// Its sign-off was given, so its owner's next piece of work finishes it.
    approved: bool,
    /// The agent holding the ticket (in their queue or in service), in a team handing tickets to individuals.
    agent: Option<u16>,
    /// The agent who last held it, whom a customer's answer goes back to.
    last_agent: Option<u16>,
}

/// The reason an escalation to the lead records when an assignee's return timer runs out.
const RETURN_REASON: &str = "the assignee did not start it before the return timer ran out";
/// The reason the assignment back to the owner records once an approver signed off.
const APPROVED_REASON: &str = "approved: back to its owner to finish";

fn priority_rank(priority: Priority) -> u8 {
    match priority {
        Priority::Critical => 0,
        Priority::High => 1,
        Priority::Medium => 2,
        Priority::Low => 3,
    }
}

fn sample_seconds(distribution: &TimeDistribution, rng: &mut RandomStream) -> i64 {
    match *distribution {
        TimeDistribution::Fixed(duration) => duration.seconds(),
        TimeDistribution::Exponential { mean } => {
            (mean.seconds() as f64 * rng.unit_exponential()).round() as i64
        }
        TimeDistribution::Lognormal { mean, cv } => {
            rng.lognormal(mean.seconds() as f64, cv).round() as i64
        }
    }
}

/// `T` and the number with at least six digits (`T000042`), as `format!("T{number:06}")` writes it, without
/// the formatting machinery that dominated creating a ticket.
fn ticket_id(number: usize) -> String {
    let mut digits = [b'0'; 20];
    let mut left = number;
    let mut first = digits.len();
    loop {
        first -= 1;
        digits[first] = b'0' + (left % 10) as u8;
        left /= 10;
        if left == 0 {
            break;
        }
    }
    let first = first.min(digits.len() - 6);
    let mut id = String::with_capacity(1 + digits.len() - first);
    id.push('T');
    id.extend(digits[first..].iter().map(|&digit| char::from(digit)));
    id
}

fn sample_amount(distribution: &AmountDistribution, rng: &mut RandomStream) -> f64 {
    let raw = match *distribution {
        AmountDistribution::Fixed(value) => value,
        AmountDistribution::Uniform { min, max } => min + rng.uniform() * (max - min),
        AmountDistribution::Exponential { mean } => mean * rng.unit_exponential(),
        AmountDistribution::Lognormal { mean, cv } => rng.lognormal(mean, cv),
    };
    (raw * 100.0).round() / 100.0
}

/// One replication in progress; drive it with `step` or `run_until`, then `finish`.
pub struct Simulation<'m, M: PolicyModel + ?Sized> {
    model: &'m M,
    scenario: PreparedScenario,
    replication: u32,
    seed: u64,
    team_names: Vec<Arc<str>>,
    /// The model's reasons and notified names as shared strings, keyed by where the model keeps them, so an
    /// event records a name without allocating.
    shared_names: HashMap<(usize, usize), Arc<str>>,
    queue: BinaryHeap<Scheduled>,
    sequence: u64,
    now: i64,
    teams: Vec<TeamState>,
    tickets: Vec<TicketState<'m>>,
    journeys: Vec<Journey>,
    streams: Vec<ArrivalStream>,
    /// Tickets taken as they are instead of drawn (a replay), and the next one to arrive.
    recorded: Option<RecordedArrivals>,
    next_recorded: usize,
    /// Arrival sources not yet exhausted: the streams, and the recorded tickets while any are left.
    active_streams: usize,
    open_tickets: usize,
    events_processed: u64,
    knowledge_boost: Vec<f64>,
    scratch: Vec<Checkpoint<'m>>,
    /// Sort keys of `scratch`: (instant, rank, index).
    order: Vec<(Instant, u32, usize)>,
    /// Emptied checkpoint lists of closed tickets, reused so the hot loop does not allocate them.
    spare_checkpoints: Vec<Vec<Planned<'m>>>,
    arrival_rng: RandomStream,
    service_rng: RandomStream,
    decision_rng: RandomStream,
    patience_rng: RandomStream,
    waiting_rng: RandomStream,
    finished: bool,
}

impl<'m, M: PolicyModel + ?Sized> Simulation<'m, M> {
    /// Prepares replication `replication` (seed = scenario seed + replication).
    pub fn new(scenario: &Scenario, model: &'m M, replication: u32) -> Result<Self, ScenarioError> {
        let prepared = PreparedScenario::new(scenario, model)?;
        Ok(Self::from_prepared(prepared, model, replication))
    }

    pub fn from_prepared(scenario: PreparedScenario, model: &'m M, replication: u32) -> Self {
        Self::build(scenario, model, replication, None)
    }

    /// Prepares replication `replication` of a replay: `recorded` are the only tickets, arriving as they did,
    /// and the scenario gives everything else (handling, staffing, abandonment, drain).
    pub fn replaying(
        scenario: PreparedScenario,
        model: &'m M,
        replication: u32,
        recorded: RecordedArrivals,
    ) -> Self {
        Self::build(scenario, model, replication, Some(recorded))
    }

    fn build(
        scenario: PreparedScenario,
        model: &'m M,
        replication: u32,
        recorded: Option<RecordedArrivals>,
    ) -> Self {
        let seed = scenario.seed.wrapping_add(u64::from(replication));
        let teams = scenario
            .agents
            .iter()
            .zip(&scenario.assignment)
            .map(|(&agents, assignment)| {
                let individual = assignment.as_ref().map_or(0, |rule| rule.agent_names.len());
                TeamState {
                    open: false,
                    busy: 0,
                    agents,
                    waiting: BinaryHeap::new(),
                    desk: assignment.as_ref().map(|_| Desk::new(individual)),
                    agent_queues: vec![BinaryHeap::new(); individual],
                }
            })
            .collect();
        let mut streams = Vec::new();
        if recorded.is_none() {
            streams.push(ArrivalStream::new(scenario.start, scenario.end, 1.0, None));
        }
        for spike in scenario.spikes.iter().filter(|_| recorded.is_none()) {
            streams.push(ArrivalStream::new(
                spike.start,
                spike.end,
                spike.extra_multiplier,
                spike.category,
            ));
        }
        let capacity = match &recorded {
            Some(recorded) => recorded.len(),
            None => (scenario.expected_tickets() * 1.1).clamp(16.0, 1_000_000.0) as usize,
        };
        let mut simulation = Simulation {
            model,
            replication,
            seed,
            team_names: model
                .teams()
                .iter()
                .map(|team| Arc::from(team.name.as_str()))
                .collect(),
            shared_names: HashMap::new(),
            queue: BinaryHeap::with_capacity(1024),
            sequence: 0,
            now: scenario.start,
            teams,
            tickets: Vec::with_capacity(capacity),
            journeys: Vec::with_capacity(capacity),
            active_streams: streams.len() + usize::from(recorded.is_some()),
            streams,
            recorded,
            next_recorded: 0,
            open_tickets: 0,
            events_processed: 0,
            knowledge_boost: vec![0.0; scenario.categories.values.len()],
            scratch: Vec::new(),
            order: Vec::new(),
            spare_checkpoints: Vec::new(),
            arrival_rng: RandomStream::new(seed, ARRIVAL_STREAM),
            service_rng: RandomStream::new(seed, SERVICE_STREAM),
            decision_rng: RandomStream::new(seed, DECISION_STREAM),
            patience_rng: RandomStream::new(seed, PATIENCE_STREAM),
            waiting_rng: RandomStream::new(seed, WAITING_STREAM),
            finished: false,
            scenario,
        };
        simulation.schedule_calendars();
        for stream in 0..simulation.streams.len() {
            simulation.schedule_next_arrival(stream as u16);
        }
        if simulation.recorded.is_some() {
            simulation.schedule_next_recorded();
        }
        simulation
    }

    fn schedule(&mut self, at: i64, action: Action) {
        self.sequence += 1;
        self.queue.push(Scheduled {
            at,
            sequence: self.sequence,
            action,
        });
    }

    fn schedule_calendars(&mut self) {
        let start = Instant(self.now);
        for team in 0..self.teams.len() as TeamId {
            let calendar = self.model.calendar(team);
            if calendar.is_open(start) {
                self.teams[usize::from(team)].open = true;
                if let Some(close) = calendar.next_close(start) {
                    self.schedule(close.0.max(self.now + 1), Action::Close { team });
                }
            } else if let Some(open) = calendar.next_open(start) {
                self.schedule(open.0.max(self.now + 1), Action::Open { team });
            }
        }
    }

    fn schedule_next_arrival(&mut self, stream: u16) {
        let index = usize::from(stream);
        match self.streams[index].next(&self.scenario.rates, &mut self.arrival_rng) {
            Some(at) => self.schedule(at, Action::Arrival { stream }),
            None => self.active_streams -= 1,
        }
    }

    fn schedule_next_recorded(&mut self) {
        let next = self
            .recorded
            .as_ref()
            .and_then(|recorded| recorded.arrival_at(self.next_recorded));
        match next {
            Some(at) => self.schedule(at.0.max(self.now), Action::Recorded),
            None => self.active_streams -= 1,
        }
    }

    /// Processes up to `max_events` events (for progress reporting and cancelling between calls).
    pub fn step(&mut self, max_events: u64) -> Progress {
        let mut left = max_events;
        while left > 0 && !self.finished {
            self.process_next(i64::MAX);
            left -= 1;
        }
        self.progress()
    }

    /// Processes every event up to and including instant `until`.
    pub fn run_until(&mut self, until: Instant) -> Progress {
        while !self.finished && self.process_next(until.0) {}
        self.progress()
    }

    pub fn progress(&self) -> Progress {
        Progress {
            now: Instant(self.now),
            events_processed: self.events_processed,
            tickets_created: self.journeys.len(),
            finished: self.finished,
        }
    }

    /// Runs to the end and returns the journeys.
    pub fn finish(mut self) -> SimulationRun {
        while !self.finished {
            self.process_next(i64::MAX);
        }
        let teams = self
            .model
            .teams()
            .iter()
            .zip(&self.teams)
            .map(|(info, state)| TeamInfo {
                agents: state.agents,
                ..info.clone()
            })
            .collect();
        SimulationRun {
            replication: self.replication,
            seed: self.seed,
            journeys: self.journeys,
            teams,
            start: Instant(self.scenario.start),
            end: Instant(self.scenario.end),
            stopped_at: Instant(self.now),
            events_processed: self.events_processed,
            open_tickets: self.open_tickets,
            assignees: self
                .scenario
                .assignment
                .iter()
                .map(|rule| {
                    rule.as_ref()
                        .map_or_else(Vec::new, |rule| rule.agent_names.clone())
                })
                .collect(),
        }
    }

    /// Processes the next event if it is due at or before `until`; false when there was none.
    fn process_next(&mut self, until: i64) -> bool {
        let Some(next) = self.queue.peek() else {
            self.finished = true;
            return false;
        };
        if next.at > self.scenario.stop {
            self.finished = true;
            return false;
        }
        if next.at > until {
            return false;
        }
        let Some(event) = self.queue.pop() else {
            return false;
        };
        self.now = event.at;
        self.events_processed += 1;
        match event.action {
            Action::Arrival { stream } => self.arrive(stream),
            Action::Recorded => self.arrive_recorded(),
            Action::ServiceDone { ticket } => self.service_done(ticket as usize),
            Action::Checkpoint {
                ticket,
                index,
                arming,
            } => self.checkpoint(ticket as usize, usize::from(index), arming),
            Action::NextUpdateDue { ticket, arming } => {
                self.next_update_due(ticket as usize, arming)
            }
            Action::NextUpdateLevel {
                ticket,
                arming,
                index,
            } => self.next_update_level(ticket as usize, arming, usize::from(index)),
            Action::Abandon { ticket } => self.abandon(ticket as usize),
            Action::WaitEnds { ticket, wait } => self.wait_ends(ticket as usize, wait),
            Action::AutoClose { ticket, wait } => self.auto_close(ticket as usize, wait),
            Action::ReturnDue { ticket, generation } => {
                self.return_due(ticket as usize, generation)
            }
            Action::Open { team } => self.open(team),
            Action::Close { team } => self.close(team),
        }
        if self.active_streams == 0 && self.open_tickets == 0 {
            self.finished = true;
        }
        true
    }

    fn emit(&mut self, ticket: usize, kind: EventKind) {
        self.journeys[ticket].events.push(Event {
            at: Instant(self.now),
            kind,
        });
    }

    fn team_name(&self, team: TeamId) -> Arc<str> {
        Arc::clone(&self.team_names[usize::from(team)])
    }

    /// `name` (a reason or notified name the model keeps for the whole run) as a shared string.
    fn shared_name(&mut self, name: &'m str) -> Arc<str> {
        let key = (name.as_ptr() as usize, name.len());
        Arc::clone(
            self.shared_names
                .entry(key)
                .or_insert_with(|| Arc::from(name)),
        )
    }

    fn new_ticket(&mut self, category: Option<u16>) -> (Ticket, u16) {
        let scenario = &self.scenario;
        let rng = &mut self.arrival_rng;
        let category = category.unwrap_or_else(|| rng.pick(&scenario.categories.cumulative) as u16);
        let index = usize::from(category);
        let (priority, impact_urgency) = match &scenario.impact_urgency[index] {
            Some(pairs) => (None, Some(pairs.values[rng.pick(&pairs.cumulative)])),
            None => {
                let priorities = &scenario.priorities[index];
                (
                    Some(priorities.values[rng.pick(&priorities.cumulative)]),
                    None,
                )
            }
        };
        let channel = scenario.channels.values[rng.pick(&scenario.channels.cumulative)];
        let segment = &scenario.segments.values[rng.pick(&scenario.segments.cumulative)];
        let rates = &scenario.signals[index];
        let signals = Signals {
            demands_manager: rng.chance(rates.demands_manager),
            abusive: rng.chance(rates.abusive),
            threatens_to_leave: rng.chance(rates.threatens_to_leave),
            threatens_review: rng.chance(rates.threatens_review),
        };
        let amount = scenario.amounts[index]
            .as_ref()
            .map(|d| sample_amount(d, rng));
        let mut ticket = Ticket::new(
            &scenario.categories.values[index],
            priority.unwrap_or(Priority::Medium),
            channel,
        );
        ticket.priority = priority;
        if let Some((impact, urgency)) = impact_urgency {
            ticket.impact = Some(impact);
            ticket.urgency = Some(urgency);
        }
        ticket.id = ticket_id(self.journeys.len() + 1);
        ticket.segment.clone_from(segment);
        ticket.signals = signals;
        ticket.amount = amount;
        (ticket, category)
    }

    fn arrive(&mut self, stream: u16) {
        let category = self.streams[usize::from(stream)].category;
        self.schedule_next_arrival(stream);
        let (ticket, category) = self.new_ticket(category);
        self.admit(ticket, category);
    }

    fn arrive_recorded(&mut self) {
        let next = self
            .recorded
            .as_ref()
            .and_then(|recorded| recorded.ticket(self.next_recorded));
        self.next_recorded += 1;
        self.schedule_next_recorded();
        if let Some((ticket, category)) = next {
            self.admit(ticket, category);
        }
    }

    /// Routes a new ticket, starts its clocks and puts it in the receiving team's queue.
    fn admit(&mut self, ticket: Ticket, category: u16) {
        let model = self.model;
        let now = Instant(self.now);
        let index = self.journeys.len();
        let assignment = model.route(&ticket, now);
        self.scratch.clear();
        model.sla_checkpoints(&ticket, now, assignment.team, &mut self.scratch);
        let priority = priority_rank(model.priority(&ticket));
        let patience = self.scenario.patience[ticket.channel as usize];
        let mut events = Vec::with_capacity(JOURNEY_CAPACITY);
        events.push(Event {
            at: now,
            kind: EventKind::Created,
        });
        self.journeys.push(Journey {
            ticket,
            created_at: now,
            events,
        });
        let mut checkpoints = self.spare_checkpoints.pop().unwrap_or_default();
        self.plan_order(&mut checkpoints);
        self.tickets.push(TicketState {
            category,
            priority_rank: priority,
            receiver: assignment.team,
            team: assignment.team,
            status: Status::Waiting,
            generation: 0,
            responded: false,
            update_arming: 0,
            update_due: i64::MAX,
            update_from: 0,
            update_paused: 0,
            update_levels: Vec::new(),
            visited_first_line: false,
            checkpoints,
            next_checkpoint: 0,
            clock_arming: 0,
            questions: 0,
            wait: 0,
            waiting_since: 0,
            waiting_in: WaitState::WaitingOnCustomer,
            approving_for: None,
            approved: false,
            paused: 0,
            agent: None,
            last_agent: None,
        });
        self.open_tickets += 1;
        let held = self.scenario.waiting[usize::from(category)]
            .and_then(|rule| rule.held_on_arrival)
            .filter(|held| self.waiting_rng.chance(held.probability))
            .map(|held| {
                let seconds = sample_seconds(&held.duration, &mut self.waiting_rng).max(0);
                (held.state, seconds)
            });
        if let Some(distribution) = patience {
            // A held customer's patience starts when the hold ends and their ticket joins the queue.
            let held_for = held.map_or(0, |(_, seconds)| seconds);
            let wait = sample_seconds(&distribution, &mut self.patience_rng);
            self.schedule(
                self.now.saturating_add(held_for).saturating_add(wait),
                Action::Abandon {
                    ticket: index as u32,
                },
            );
        }
        self.schedule_checkpoint_after(index, None);
        match held {
            Some((waiting_in, seconds)) => {
                self.record_assignment(index, &assignment, None);
                self.hold_on_arrival(index, waiting_in, seconds);
            }
            None => self.assign(index, assignment, None),
        }
    }

    /// Appends the checkpoints in `scratch` to `checkpoints` ranked and sorted (sorting small keys, not checkpoints).
    fn plan_order(&mut self, checkpoints: &mut Vec<Planned<'m>>) {
        let mut rank = 0u32;
        self.order.clear();
        self.order
            .extend(self.scratch.iter().enumerate().map(|(index, checkpoint)| {
                let key = (checkpoint.at, rank, index);
                let later_firings = checkpoint.repeat.map_or(0, |repeat| repeat.left);
                rank = rank.saturating_add(later_firings).saturating_add(1);
                key
            }));
        self.order.sort_unstable();
        checkpoints.extend(self.order.iter().map(|&(_, rank, index)| Planned {
            checkpoint: self.scratch[index],
            rank,
        }));
    }

    /// Records the move (escalation, if any) and puts the ticket in the receiving team's queue.
    fn assign(
        &mut self,
        ticket: usize,
        assignment: Assignment<'m>,
        automatic_from: Option<TeamId>,
    ) {
        self.tickets[ticket].approving_for = None;
        self.record_assignment(ticket, &assignment, automatic_from);
        self.enqueue(ticket, assignment.team);
    }

    /// Records the move: the escalation, if any, and the assignment to the receiving team.
    fn record_assignment(
        &mut self,
        ticket: usize,
        assignment: &Assignment<'m>,
        automatic_from: Option<TeamId>,
    ) {
        let to = assignment.team;
        let escalation = match (assignment.escalation, automatic_from) {
            (_, Some(from)) => Some((EscalationKind::Automatic, from)),
            (Some(escalation), None) => Some((escalation.kind, escalation.from)),
            (None, None) => None,
        };
        let reason = self.shared_name(assignment.reason);
        if let Some((kind, from)) = escalation {
            let event = EventKind::Escalated {
                kind,
                from: self.team_name(from),
                to: self.team_name(to),
                reason: Arc::clone(&reason),
            };
            self.emit(ticket, event);
        }
        let event = EventKind::Assigned {
            team: self.team_name(to),
            reason,
        };
        self.emit(ticket, event);
    }

    /// Puts the ticket in `to`'s queue, ordered by its priority and its first breach still to come; a team
    /// handing tickets to individuals puts it in the chosen agent's queue.
    fn enqueue(&mut self, ticket: usize, to: TeamId) {
        self.enqueue_for(ticket, to, None, None);
    }

    /// `enqueue`, with the agent to prefer (the one who asked the customer) or to avoid (the one it was
    /// returned from) in a team handing tickets to individuals.
    fn enqueue_for(
        &mut self,
        ticket: usize,
        to: TeamId,
        prefer: Option<usize>,
        except: Option<usize>,
    ) {
        self.release_agent(ticket);
        let team_index = usize::from(to);
        let state = &mut self.tickets[ticket];
        state.team = to;
        state.status = Status::Waiting;
        state.generation += 1;
        state.visited_first_line |= self.scenario.first_line[team_index];
        let due = state
            .checkpoints
            .iter()
            .map(|planned| &planned.checkpoint)
            .find(|checkpoint| {
                matches!(checkpoint.kind, CheckpointKind::Breach)
                    && (!met_at_pick_up(checkpoint.target) || !state.responded)
            })
            .map_or(i64::MAX, |checkpoint| checkpoint.at.0);
        let entry = (
            state.priority_rank,
            due,
            self.sequence,
            ticket as u32,
            state.generation,
        );
        self.sequence += 1;
        let generation = state.generation;
        if let Some(agent) = self.choose_agent(ticket, team_index, prefer, except) {
            self.hand_to_agent(ticket, to, agent, Reverse(entry), generation);
            return;
        }
        self.teams[team_index].waiting.push(Reverse(entry));
        self.dispatch(to);
    }

    /// The agent of team `team_index` a ticket entering it goes to; `None` for a pooled queue or no agents.
    fn choose_agent(
        &mut self,
        ticket: usize,
        team_index: usize,
        prefer: Option<usize>,
        except: Option<usize>,
    ) -> Option<usize> {
        let rule = self.scenario.assignment[team_index].as_ref()?;
        let category = self.tickets[ticket].category;
        let desk = self.teams[team_index].desk.as_mut()?;
        prefer
            .filter(|&agent| agent < desk.agents.len())
            .or_else(|| {
                desk.choose(rule.strategy, except, |agent| {
                    rule.is_skilled(agent, category)
                })
            })
    }

    /// Puts the ticket in `agent`'s queue and arms the team's return timer, if it has one.
    fn hand_to_agent(
        &mut self,
        ticket: usize,
        team: TeamId,
        agent: usize,
        entry: WaitingEntry,
        generation: u32,
    ) {
        let team_index = usize::from(team);
        let state = &mut self.teams[team_index];
        if let Some(desk) = state.desk.as_mut() {
            desk.agents[agent].holding += 1;
        }
        state.agent_queues[agent].push(entry);
        let holder = &mut self.tickets[ticket];
        holder.agent = u16::try_from(agent).ok();
        holder.last_agent = holder.agent;
        let return_after = self.scenario.assignment[team_index]
            .as_ref()
            .and_then(|rule| rule.return_after);
        if let Some(after) = return_after {
            let calendar = self.model.calendar(team);
            if let Some(due) = after_open_time(calendar, Instant(self.now), after) {
                let action = Action::ReturnDue {
                    ticket: ticket as u32,
                    generation,
                };
                self.schedule(due.0.max(self.now), action);
            }
        }
        self.dispatch_agent(team, agent);
    }

    /// The ticket's agent no longer holds it (it finished, moved or closed); a busy agent becomes free.
    fn release_agent(&mut self, ticket: usize) {
        let state = &mut self.tickets[ticket];
        let Some(agent) = state.agent.take() else {
            return;
        };
        let in_service = state.status == Status::InService;
        if let Some(desk) = self.teams[usize::from(state.team)].desk.as_mut() {
            let held = &mut desk.agents[usize::from(agent)];
            held.holding = held.holding.saturating_sub(1);
            held.busy &= !in_service;
        }
    }

    /// The return timer of a ticket handed to an agent ran out: unless the agent started it (or it moved on),
    /// it goes to the team's lead or to the next agent.
    fn return_due(&mut self, ticket: usize, generation: u32) {
        let state = &self.tickets[ticket];
        if state.status != Status::Waiting || state.generation != generation {
            return;
        }
        let Some(agent) = state.agent else {
            return;
        };
        let team = state.team;
        let team_index = usize::from(team);
        let Some(rule) = self.scenario.assignment[team_index].as_ref() else {
            return;
        };
        let (name, lead) = (
            Arc::clone(&rule.agent_names[usize::from(agent)]),
            rule.return_to,
        );
        self.emit(
            ticket,
            EventKind::Returned {
                team: self.team_name(team),
                agent: name,
            },
        );
        match lead {
            Some(lead) => {
                let assignment = Assignment {
                    team: lead,
                    escalation: None,
                    reason: RETURN_REASON,
                };
                self.assign(ticket, assignment, Some(team));
            }
            None => self.enqueue_for(ticket, team, None, Some(usize::from(agent))),
        }
    }

    /// Lets agent `agent` of a team handing tickets to individuals take the most urgent ticket of their queue.
    fn dispatch_agent(&mut self, team: TeamId, agent: usize) {
        let team_index = usize::from(team);
        loop {
            let state = &mut self.teams[team_index];
            let free = state
                .desk
                .as_ref()
                .is_some_and(|desk| !desk.agents[agent].busy);
            if !state.open || !free {
                return;
            }
            let Some(Reverse((_, _, _, ticket, generation))) = state.agent_queues[agent].pop()
            else {
                return;
            };
            let ticket = ticket as usize;
            let holder = &self.tickets[ticket];
            if holder.generation != generation || holder.status != Status::Waiting {
                continue;
            }
            if let Some(desk) = self.teams[team_index].desk.as_mut() {
                desk.agents[agent].busy = true;
            }
            self.teams[team_index].busy += 1;
            self.start_service(ticket, team);
            return;
        }
    }

    /// Lets free agents of an open team take the most urgent waiting tickets.
    fn dispatch(&mut self, team: TeamId) {
        let team_index = usize::from(team);
        for agent in 0..self.teams[team_index].agent_queues.len() {
            self.dispatch_agent(team, agent);
        }
        loop {
            let state = &mut self.teams[team_index];
            if !state.open || state.busy >= state.agents {
                return;
            }
            let Some(Reverse((_, _, _, ticket, generation))) = state.waiting.pop() else {
                return;
            };
            let ticket = ticket as usize;
            let holder = &self.tickets[ticket];
            if holder.generation != generation || holder.status != Status::Waiting {
                continue;
            }
            self.teams[team_index].busy += 1;
            self.start_service(ticket, team);
        }
    }

    fn start_service(&mut self, ticket: usize, team: TeamId) {
        let state = &mut self.tickets[ticket];
        state.status = Status::InService;
        let first_response = !state.responded;
        state.responded = true;
        let cell =
            usize::from(team) * self.scenario.categories.values.len() + usize::from(state.category);
        let duration = sample_seconds(&self.scenario.handling_time[cell], &mut self.service_rng);
        let agent = state.agent.and_then(|agent| {
            let rule = self.scenario.assignment[usize::from(team)].as_ref()?;
            Some(Arc::clone(&rule.agent_names[usize::from(agent)]))
        });
        self.emit(
            ticket,
            EventKind::Started {
                team: self.team_name(team),
                agent,
            },
        );
        let answer = if first_response {
            EventKind::FirstResponse {
                team: self.team_name(team),
            }
        } else {
            EventKind::Update {
                team: self.team_name(team),
            }
        };
        self.emit(ticket, answer);
        self.arm_next_update(ticket);
        self.schedule(
            self.now.saturating_add(duration.max(0)),
            Action::ServiceDone {
                ticket: ticket as u32,
            },
        );
    }

    /// Restarts the ticket's next-update clock from now: the customer is owed another update by then.
    fn arm_next_update(&mut self, ticket: usize) {
        let state = &mut self.tickets[ticket];
        state.update_arming = state.update_arming.wrapping_add(1);
        let (receiver, arming) = (state.receiver, state.update_arming);
        let model = self.model;
        let due = model.next_update_due(&self.journeys[ticket].ticket, receiver, Instant(self.now));
        let state = &mut self.tickets[ticket];
        state.update_due = due.map_or(i64::MAX, |due| due.0.max(self.now));
        state.update_from = self.now;
        state.update_paused = 0;
        self.schedule_next_update(ticket, arming);
    }

    fn schedule_next_update(&mut self, ticket: usize, arming: u32) {
        let due = self.tickets[ticket].update_due;
        if due != i64::MAX {
            self.schedule(
                due,
                Action::NextUpdateDue {
                    ticket: ticket as u32,
                    arming,
                },
            );
        }
    }

    /// The next-update clock armed as number `arming` still runs: the ticket is open and has had no answer
    /// (nor a wait holding the clock) since.
    fn update_clock_runs(&self, ticket: usize, arming: u32) -> bool {
        let state = &self.tickets[ticket];
        state.status != Status::Closed && state.update_arming == arming
    }

    /// A next-update clock ran out: a breach, unless the ticket was answered again or closed since. Its
    /// breach-ladder levels are planned from here.
    fn next_update_due(&mut self, ticket: usize, arming: u32) {
        if !self.update_clock_runs(ticket, arming) {
            return;
        }
        self.emit(
            ticket,
            EventKind::SlaBreach {
                target: SlaTarget::NextUpdate,
            },
        );
        let model = self.model;
        let state = &mut self.tickets[ticket];
        let mut levels = std::mem::take(&mut state.update_levels);
        levels.clear();
        model.next_update_levels(
            &self.journeys[ticket].ticket,
            state.receiver,
            Instant(state.update_from),
            state.update_paused,
            &mut levels,
        );
        let count = levels.len();
        state.update_levels = levels;
        for index in 0..count {
            self.schedule_update_level(ticket, arming, index);
        }
    }

    fn schedule_update_level(&mut self, ticket: usize, arming: u32, index: usize) {
        let (Some(level), Ok(index)) = (
            self.tickets[ticket].update_levels.get(index),
            u16::try_from(index),
        ) else {
            return;
        };
        let at = level.at.0.max(self.now);
        if at != i64::MAX {
            let ticket = ticket as u32;
            self.schedule(
                at,
                Action::NextUpdateLevel {
                    ticket,
                    arming,
                    index,
                },
            );
        }
    }

    /// A next-update breach-ladder level falls due: it notifies, and an escalating level moves a ticket still
    /// waiting in a queue, unless the ticket was answered or closed since the breach.
    fn next_update_level(&mut self, ticket: usize, arming: u32, index: usize) {
        if !self.update_clock_runs(ticket, arming) {
            return;
        }
        let Some(&level) = self.tickets[ticket].update_levels.get(index) else {
            return;
        };
        self.fire_level(ticket, &level);
        let model = self.model;
        let state = &self.tickets[ticket];
        let next = model.next_repeat(
            &level,
            Instant(state.update_from),
            state.receiver,
            state.update_paused,
        );
        if let Some(next) = next {
            let levels = &mut self.tickets[ticket].update_levels;
            levels.push(next);
            let index = levels.len() - 1;
            self.schedule_update_level(ticket, arming, index);
        }
    }

    fn resolve_probability(&self, team: TeamId, category: u16) -> f64 {
        let team_index = usize::from(team);
        let cell = team_index * self.scenario.categories.values.len() + usize::from(category);
        let base = self.scenario.resolve[cell];
        match &self.scenario.knowledge_base {
            Some(kb) if self.scenario.first_line[team_index] => {
                (base + self.knowledge_boost[usize::from(category)]).min(kb.cap.max(base))
            }
            _ => base,
        }
    }

    fn service_done(&mut self, ticket: usize) {
        let team = self.tickets[ticket].team;
        let category = self.tickets[ticket].category;
        self.teams[usize::from(team)].busy -= 1;
        self.release_agent(ticket);
        if let Some(owner) = self.tickets[ticket].approving_for {
            self.approved(ticket, team, owner);
            self.dispatch(team);
            return;
        }
        if let Some(rule) = self.question(ticket) {
            self.wait_on_customer(ticket, team, rule);
            self.dispatch(team);
            return;
        }
        let approved = self.tickets[ticket].approved;
        let resolved = approved
            || self
                .decision_rng
                .chance(self.resolve_probability(team, category));
        let model = self.model;
        let next = if resolved {
            None
        } else {
            model.on_unresolved(&self.journeys[ticket].ticket, team, Instant(self.now))
        };
        match next {
            Some(assignment) => self.assign(ticket, assignment, None),
            None => match model.approver(&self.journeys[ticket].ticket) {
                Some((approver, reason)) if !approved && approver != team => {
                    self.ask_approval(ticket, team, approver, reason)
                }
                _ => self.resolve(ticket, team),
            },
        }
        self.dispatch(team);
    }

    /// The owner would finish the ticket, but its amount needs `approver`'s sign-off: it goes up to the
    /// approver's queue (a hierarchical escalation) and comes back to `owner` once approved.
    fn ask_approval(&mut self, ticket: usize, owner: TeamId, approver: TeamId, reason: &'m str) {
        let reason = self.shared_name(reason);
        let event = EventKind::Escalated {
            kind: EscalationKind::Hierarchical,
            from: self.team_name(owner),
            to: self.team_name(approver),
            reason: Arc::clone(&reason),
        };
        self.emit(ticket, event);
        let event = EventKind::Assigned {
            team: self.team_name(approver),
            reason,
        };
        self.emit(ticket, event);
        self.tickets[ticket].approving_for = Some(owner);
        self.enqueue(ticket, approver);
    }

    /// The approver's piece of work is the sign-off: the ticket goes back to the owner's queue.
    fn approved(&mut self, ticket: usize, approver: TeamId, owner: TeamId) {
        let event = EventKind::Approved {
            team: self.team_name(approver),
        };
        self.emit(ticket, event);
        let state = &mut self.tickets[ticket];
        state.approving_for = None;
        state.approved = true;
        let event = EventKind::Assigned {
            team: self.team_name(owner),
            reason: self.shared_name(APPROVED_REASON),
        };
        self.emit(ticket, event);
        self.enqueue(ticket, owner);
    }

    /// The waiting rule of the ticket when this piece of work ends in a question to the customer (the
    /// scenario's `waiting.ask`); `None` when it ends in an outcome.
    fn question(&mut self, ticket: usize) -> Option<WaitingRule> {
        let state = &self.tickets[ticket];
        let rule = self.scenario.waiting[usize::from(state.category)]?;
        (state.questions < MAX_QUESTIONS && self.waiting_rng.chance(rule.ask)).then_some(rule)
    }

    /// The agent's reply asks the customer something: the agent is free, and the ticket waits for the answer
    /// (or for the auto-close). Where the SLA pauses while waiting, its checkpoints and next update are held.
    fn wait_on_customer(&mut self, ticket: usize, team: TeamId, rule: WaitingRule) {
        self.emit(
            ticket,
            EventKind::Update {
                team: self.team_name(team),
            },
        );
        self.arm_next_update(ticket);
        self.tickets[ticket].questions += 1;
        let wait = self.begin_wait(ticket, WaitState::WaitingOnCustomer);
        let model = self.model;
        if !self.waiting_rng.chance(rule.never_replies) {
            let delay = sample_seconds(&rule.customer_reply, &mut self.waiting_rng);
            let action = Action::WaitEnds {
                ticket: ticket as u32,
                wait,
            };
            self.schedule(self.now.saturating_add(delay.max(0)), action);
        }
        if let Some(after) = model.auto_close_after(&self.journeys[ticket].ticket) {
            let action = Action::AutoClose {
                ticket: ticket as u32,
                wait,
            };
            self.schedule(self.now.saturating_add(after.max(0)), action);
        }
    }

    /// The ticket starts waiting in `waiting_in`, out of every queue; where its SLA pauses in that state, its
    /// checkpoints and next update are held. Returns the wait's number.
    fn begin_wait(&mut self, ticket: usize, waiting_in: WaitState) -> u32 {
        self.emit(
            ticket,
            match waiting_in {
                WaitState::WaitingOnCustomer => EventKind::WaitingOnCustomer,
                WaitState::OnHold => EventKind::OnHold,
                WaitState::WaitingOnThirdParty => EventKind::WaitingOnThirdParty,
            },
        );
        let model = self.model;
        let responded = self.tickets[ticket].responded;
        let held = model
            .waiting_pauses(&self.journeys[ticket].ticket, self.tickets[ticket].receiver)
            .map(|(_, pauses)| HeldWhileWaiting::of(pauses, waiting_in, responded));
        let state = &mut self.tickets[ticket];
        state.status = Status::Away;
        state.generation += 1;
        state.wait = state.wait.wrapping_add(1);
        state.waiting_since = self.now;
        state.waiting_in = waiting_in;
        if let Some(held) = held {
            if held.checkpoints {
                state.clock_arming = state.clock_arming.wrapping_add(1);
            }
            if held.next_update {
                state.update_arming = state.update_arming.wrapping_add(1);
            }
        }
        state.wait
    }

    /// A new ticket waits before anyone answers it, on hold or on a third party, for `seconds`; then it
    /// joins its team's queue.
    fn hold_on_arrival(&mut self, ticket: usize, waiting_in: WaitState, seconds: i64) {
        let wait = self.begin_wait(ticket, waiting_in);
        let action = Action::WaitEnds {
            ticket: ticket as u32,
            wait,
        };
        self.schedule(self.now.saturating_add(seconds), action);
    }

    fn away(&self, ticket: usize, wait: u32) -> bool {
        let state = &self.tickets[ticket];
        state.status == Status::Away && state.wait == wait
    }

    /// The wait ended (the customer answered, the hold or third party is done): held clocks resume, moved by
    /// the wait, and the ticket goes back to its team (to the agent who asked, in a team of individuals).
    fn wait_ends(&mut self, ticket: usize, wait: u32) {
        if !self.away(ticket, wait) {
            return;
        }
        let ended = match self.tickets[ticket].waiting_in {
            WaitState::WaitingOnCustomer => EventKind::CustomerReplied,
            WaitState::OnHold | WaitState::WaitingOnThirdParty => EventKind::Resumed,
        };
        self.emit(ticket, ended);
        self.resume_clocks(ticket);
        let asked_by = self.tickets[ticket].last_agent.map(usize::from);
        self.enqueue_for(ticket, self.tickets[ticket].team, asked_by, None);
    }

    /// The customer never answered in time: the policy closes the ticket as resolved by the team that asked.
    fn auto_close(&mut self, ticket: usize, wait: u32) {
        if self.away(ticket, wait) {
            self.resolve(ticket, self.tickets[ticket].team);
        }
    }

    /// Moves the held targets' checkpoints not yet fired and, when next update is held, its due instant by
    /// the counted time of the wait that just ended. Matrix-ladder levels keep their instants.
    fn resume_clocks(&mut self, ticket: usize) {
        let model = self.model;
        let state = &self.tickets[ticket];
        let Some((clock, pauses)) =
            model.waiting_pauses(&self.journeys[ticket].ticket, state.receiver)
        else {
            return;
        };
        let waiting_in = state.waiting_in;
        let held_for = HeldWhileWaiting::of(pauses, waiting_in, state.responded);
        let held = clock.between(Instant(state.waiting_since), Instant(self.now));
        let moved = |at: Instant| clock.add(at, held).unwrap_or(Instant(i64::MAX));
        let state = &mut self.tickets[ticket];
        if held_for.checkpoints {
            state.paused = state.paused.saturating_add(held);
            state.clock_arming = state.clock_arming.wrapping_add(1);
            let from = state.next_checkpoint.min(state.checkpoints.len());
            if held > 0 {
                for planned in &mut state.checkpoints[from..] {
                    let checkpoint = &mut planned.checkpoint;
                    let ladder = matches!(checkpoint.kind, CheckpointKind::Ladder { .. });
                    if !ladder && pauses.holds(waiting_in, checkpoint.target) {
                        checkpoint.at = moved(checkpoint.at);
                    }
                }
                state.checkpoints[from..].sort_by_key(Planned::order);
            }
            self.schedule_checkpoint_from(ticket, from);
        }
        if held_for.next_update {
            let state = &mut self.tickets[ticket];
            if held > 0 && state.update_due != i64::MAX {
                state.update_due = moved(Instant(state.update_due)).0;
                state.update_paused = state.update_paused.saturating_add(held);
            }
            state.update_arming = state.update_arming.wrapping_add(1);
            let arming = state.update_arming;
            self.schedule_next_update(ticket, arming);
        }
    }

    fn resolve(&mut self, ticket: usize, team: TeamId) {
        self.emit(
            ticket,
            EventKind::Resolved {
                team: self.team_name(team),
            },
        );
        self.close_ticket(ticket);
        let state = &self.tickets[ticket];
        if let Some(kb) = self.scenario.knowledge_base {
            if state.visited_first_line
                && !self.scenario.first_line[usize::from(team)]
                && self.decision_rng.chance(kb.document_probability)
            {
                self.knowledge_boost[usize::from(state.category)] += kb.gain;
            }
        }
    }

    fn close_ticket(&mut self, ticket: usize) {
        self.release_agent(ticket);
        let state = &mut self.tickets[ticket];
        state.status = Status::Closed;
        state.generation += 1;
        let mut spare = std::mem::take(&mut state.checkpoints);
        spare.clear();
        if spare.capacity() > 0 {
            self.spare_checkpoints.push(spare);
        }
        self.open_tickets -= 1;
    }

    fn abandon(&mut self, ticket: usize) {
        let state = &self.tickets[ticket];
        if matches!(state.status, Status::Closed | Status::Away) || state.responded {
            return;
        }
        self.emit(ticket, EventKind::Abandoned);
        self.close_ticket(ticket);
    }

    fn checkpoint_applies(state: &TicketState<'m>, checkpoint: &Checkpoint<'m>) -> bool {
        state.status != Status::Closed && (!met_at_pick_up(checkpoint.target) || !state.responded)
    }

    /// Schedules the next checkpoint after `after` that can still fire (answered or closed targets cannot).
    fn schedule_checkpoint_after(&mut self, ticket: usize, after: Option<usize>) {
        self.schedule_checkpoint_from(ticket, after.map_or(0, |index| index + 1));
    }

    /// Schedules the first checkpoint from index `from` on that can still fire.
    fn schedule_checkpoint_from(&mut self, ticket: usize, from: usize) {
        let state = &self.tickets[ticket];
        let from = from.min(state.checkpoints.len());
        let next = state.checkpoints[from..]
            .iter()
            .position(|planned| Self::checkpoint_applies(state, &planned.checkpoint))
            .map(|offset| from + offset);
        let scheduled = next.and_then(|index| Some((index, u16::try_from(index).ok()?)));
        let arming = state.clock_arming;
        self.tickets[ticket].next_checkpoint =
            scheduled.map_or(self.tickets[ticket].checkpoints.len(), |(index, _)| index);
        if let Some((index, index_u16)) = scheduled {
            let at = self.tickets[ticket].checkpoints[index]
                .checkpoint
                .at
                .0
                .max(self.now);
            self.schedule(
                at,
                Action::Checkpoint {
                    ticket: ticket as u32,
                    index: index_u16,
                    arming,
                },
            );
        }
    }

    fn checkpoint(&mut self, ticket: usize, index: usize, arming: u16) {
        let state = &self.tickets[ticket];
        if state.clock_arming != arming {
            return;
        }
        let Some(&Planned { checkpoint, rank }) = state.checkpoints.get(index) else {
            return;
        };
        if !Self::checkpoint_applies(state, &checkpoint) {
            // A first-response checkpoint of a ticket answered since it was scheduled: the later ones
            // (resolution's) still fire.
            self.schedule_checkpoint_after(ticket, Some(index));
            return;
        }
        let target = checkpoint.target;
        match checkpoint.kind {
            CheckpointKind::Warning { percent } => {
                self.emit(ticket, EventKind::SlaWarning { target, percent })
            }
            CheckpointKind::Breach => self.emit(ticket, EventKind::SlaBreach { target }),
            CheckpointKind::NeverDue => self.emit(ticket, EventKind::SlaNeverDue { target }),
            CheckpointKind::Level { .. } => self.fire_level(ticket, &checkpoint),
            CheckpointKind::Ladder {
                escalate_to,
                unless_at,
                ..
            } => self.escalate_waiting(ticket, escalate_to, unless_at, checkpoint.reason),
        }
        if checkpoint.repeat.is_some() {
            self.plan_next_firing(ticket, index, &checkpoint, rank);
        }
        self.schedule_checkpoint_after(ticket, Some(index));
    }

    /// A breach-ladder level fires: it is recorded, and an escalating one moves a ticket still waiting in a queue
    /// to its team.
    fn fire_level(&mut self, ticket: usize, checkpoint: &Checkpoint<'m>) {
        if let CheckpointKind::Level {
            level,
            notify,
            escalate_to,
        } = checkpoint.kind
        {
            let to = self.shared_name(notify);
            let target = checkpoint.target;
            self.emit(ticket, EventKind::SlaLevel { target, level, to });
            if let Some(to) = escalate_to {
                self.escalate_waiting(ticket, to, &[to], checkpoint.reason);
            }
        }
    }

    /// Adds the next firing of the repeating checkpoint `index` (which has just fired) in its sorted place.
    fn plan_next_firing(
        &mut self,
        ticket: usize,
        index: usize,
        checkpoint: &Checkpoint<'m>,
        rank: u32,
    ) {
        let model = self.model;
        let created = self.journeys[ticket].created_at;
        let state = &mut self.tickets[ticket];
        let Some(next) = model.next_repeat(checkpoint, created, state.receiver, state.paused)
        else {
            return;
        };
        let planned = Planned {
            checkpoint: next,
            rank: rank.saturating_add(1),
        };
        let from = (index + 1).min(state.checkpoints.len());
        let offset =
            state.checkpoints[from..].partition_point(|other| other.order() < planned.order());
        state.checkpoints.insert(from + offset, planned);
    }

    /// Moves a ticket that is still waiting in a queue to `to` (automatic escalation), unless its team is in `unless_at`.
    fn escalate_waiting(
        &mut self,
        ticket: usize,
        to: TeamId,
        unless_at: &[TeamId],
        reason: &'m str,
    ) {
        let state = &self.tickets[ticket];
        if state.status == Status::Waiting && !unless_at.contains(&state.team) {
            let from = state.team;
            let assignment = Assignment {
                team: to,
                escalation: None,
                reason,
            };
            self.assign(ticket, assignment, Some(from));
        }
    }

    fn open(&mut self, team: TeamId) {
        self.teams[usize::from(team)].open = true;
        if let Some(close) = self.model.calendar(team).next_close(Instant(self.now)) {
            self.schedule(close.0.max(self.now + 1), Action::Close { team });
        }
        self.dispatch(team);
    }

    /// Closing stops agents from taking new work; tickets already in service are finished.
    fn close(&mut self, team: TeamId) {
        self.teams[usize::from(team)].open = false;
        if let Some(open) = self.model.calendar(team).next_open(Instant(self.now)) {
            self.schedule(open.0.max(self.now + 1), Action::Open { team });
        }
    }
}

/// Runs replication `replication` of `scenario` through `model` (seed = scenario seed + replication).
pub fn simulate<M: PolicyModel + ?Sized>(
    scenario: &Scenario,
    model: &M,
    replication: u32,
) -> Result<SimulationRun, ScenarioError> {
    Ok(Simulation::new(scenario, model, replication)?.finish())
}

/// Runs every replication the scenario asks for.
pub fn simulate_replications<M: PolicyModel + ?Sized>(
    scenario: &Scenario,
    model: &M,
) -> Result<Vec<SimulationRun>, ScenarioError> {
    simulate_replications_with_progress(scenario, model, &mut |_| {})
}

/// Events processed between two progress reports.
const PROGRESS_EVERY_EVENTS: u64 = 20_000;

/// Like `simulate_replications`, reporting the share of the work done (0 to 1) as it goes: each replication
/// is an equal share, and within one the simulated time reached across the arrival horizon.
pub fn simulate_replications_with_progress<M: PolicyModel + ?Sized>(
    scenario: &Scenario,
    model: &M,
    on_progress: &mut dyn FnMut(f64),
) -> Result<Vec<SimulationRun>, ScenarioError> {
    let prepared = PreparedScenario::new(scenario, model)?;
    let replications = scenario.replications.max(1);
    Ok((0..replications)
        .map(|replication| {
            run_replication(&prepared, model, replication, replications, on_progress)
        })
        .collect())
}

/// Runs replication `replication` of `replications` to the end, reporting the share of all of them done (each
/// replication an equal share; within one, the simulated time reached across the arrival horizon).
pub fn run_replication<M: PolicyModel + ?Sized>(
    prepared: &PreparedScenario,
    model: &M,
    replication: u32,
    replications: u32,
    on_progress: &mut dyn FnMut(f64),
) -> SimulationRun {
    let simulation = Simulation::from_prepared(prepared.clone(), model, replication);
    drive(simulation, replications, on_progress)
}

/// Runs `simulation` to the end, reporting progress as `run_replication` does.
pub fn drive<M: PolicyModel + ?Sized>(
    mut simulation: Simulation<'_, M>,
    replications: u32,
    on_progress: &mut dyn FnMut(f64),
) -> SimulationRun {
    let (start, end) = (
        simulation.scenario.start as f64,
        simulation.scenario.end as f64,
    );
    let replication = simulation.replication;
    let replications = f64::from(replications.max(1));
    loop {
        let progress = simulation.step(PROGRESS_EVERY_EVENTS);
        let within = ((progress.now.0 as f64 - start) / (end - start).max(1.0)).clamp(0.0, 1.0);
        on_progress((f64::from(replication) + within) / replications);
        if progress.finished {
            break;
        }
    }
    simulation.finish()
}

#[cfg(test)]
mod tests {
    use super::ticket_id;

    #[test]
    fn ticket_ids_are_written_like_the_six_digit_format() {
        for number in [0, 1, 42, 999_999, 1_000_000, 123_456_789, usize::MAX] {
            assert_eq!(ticket_id(number), format!("T{number:06}"));
        }
        assert_eq!(ticket_id(7), "T000007");
    }
}
