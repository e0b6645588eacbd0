//! The benchmark workloads shared by the native harness and the Wasm exports: same inputs, same work, same checksums.

mod big_policy;
mod full_model;
mod ticket_log;

use escalator::engine::policy::{CompiledPolicy, Policy};
use escalator::engine::route::{route, route_team};
use escalator::engine::ticket::{Channel, Level, Priority, Signals, Ticket};
use escalator::engine::time::{Instant, HOUR, WEEK};
use escalator::sim::random::RandomStream;
use escalator::sim::reference_models::MatrixModel;
use escalator::sim::{simulate, PolicyModel, Scenario};

const DEFAULT_PRESET: &str = include_str!("../../www/presets/default.json");

/// How many distinct tickets the routing benchmarks cycle through.
const TICKET_COUNT: usize = 4096;
/// Monday 23 November 2026 00:00 UTC: routing instants fall within the week after it.
const ROUTING_WEEK_START: i64 = 1_795_392_000;

/// One measurement: what it runs, and how much work one run of it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Benchmark {
    pub name: &'static str,
    pub description: &'static str,
}

pub const BENCHMARKS: [Benchmark; 8] = [
    Benchmark {
        name: "route",
        description: "route(): full decision with SLA plan, ladder and trace, default preset",
    },
    Benchmark {
        name: "route_team",
        description: "route_team(): receiving team only, no trace, default preset",
    },
    Benchmark {
        name: "sim_full_week",
        description: full_model::WEEK_DESCRIPTION,
    },
    Benchmark {
        name: "sim_full_4_weeks",
        description: full_model::FOUR_WEEKS_DESCRIPTION,
    },
    Benchmark {
        name: "policy_250_rules",
        description: "compile + lint: 250 routing rules, 125 triggers, 500 matrix rows",
    },
    Benchmark {
        name: "policy_1000_rules",
        description: "compile + lint: 1,000 routing rules (the limit), 500 triggers, 2,000 matrix rows",
    },
    Benchmark {
        name: "import_100k_rows",
        description: "import: 100,000 rows of a Volvo-shaped ticket log into journeys and every metric",
    },
    Benchmark {
        name: "sim_mmc",
        description:
            "bare M/M/c: one team of 80 agents 24/7, 100 tickets/h, exponential 40 min, one 30-day run",
    },
];

/// What one run did: tickets routed or simulated, simulator events, and a checksum of the results
/// (equal natively and in Wasm when both did the same work).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Work {
    pub tickets: u64,
    pub events: u64,
    pub checksum: u64,
}

/// Everything the benchmarks need, prepared once so that runs time only the work itself.
pub struct Workloads {
    policy: CompiledPolicy,
    tickets: Vec<(Ticket, Instant)>,
    full_week: Scenario,
    full_four_weeks: Scenario,
    full_model: full_model::FullModel,
    mmc: Scenario,
    mmc_model: MatrixModel,
    policy_250: Policy,
    policy_1000: Policy,
    ticket_log: String,
}

impl Workloads {
    pub fn new() -> Result<Workloads, String> {
        let policy = Policy::from_json(DEFAULT_PRESET)
            .map_err(|error| format!("default preset: {error}"))?
            .compile()
            .map_err(|error| format!("default preset: {error}"))?;
        let full_week = full_model::scenario(7)?;
        Ok(Workloads {
            policy,
            tickets: realistic_tickets(TICKET_COUNT),
            full_model: full_model::model(&full_week)?,
            full_week,
            full_four_weeks: full_model::scenario(28)?,
            mmc: Scenario::from_json(MMC_SCENARIO)
                .map_err(|error| format!("M/M/c scenario: {error}"))?,
            mmc_model: MatrixModel::single_team("support", 80),
            policy_250: big_policy::policy(DEFAULT_PRESET, 250)?,
            policy_1000: big_policy::policy(DEFAULT_PRESET, 1000)?,
            ticket_log: ticket_log::generate(),
        })
    }

    /// Runs the named benchmark once.
    pub fn run(&self, name: &str) -> Result<Work, String> {
        match name {
            "route" => Ok(self.route_rounds(4)),
            "route_team" => Ok(self.route_team_rounds(64)),
            "sim_full_week" => run_simulations(&self.full_week, &self.full_model, 8),
            "sim_full_4_weeks" => run_simulations(&self.full_four_weeks, &self.full_model, 2),
            "sim_mmc" => run_simulations(&self.mmc, &self.mmc_model, 1),
            "policy_250_rules" => Ok(big_policy::compile_and_lint(&self.policy_250)),
            "policy_1000_rules" => Ok(big_policy::compile_and_lint(&self.policy_1000)),
            "import_100k_rows" => ticket_log::import_and_summarize(&self.ticket_log),
            _ => Err(format!("no benchmark named {name:?}")),
        }
    }

    fn route_rounds(&self, rounds: u64) -> Work {
        let mut work = Work::default();
        for _ in 0..rounds {
            for (ticket, at) in &self.tickets {
                let decision = route(&self.policy, ticket, *at);
                let due: i64 = decision
                    .sla
                    .iter()
                    .flat_map(|plan| &plan.targets)
                    .filter_map(|target| target.due)
                    .map(|due| due.0)
                    .sum();
                work.tickets += 1;
                work.checksum = mix(
                    work.checksum,
                    decision.team.len() as u64
                        + decision.trace.steps.len() as u64
                        + decision.ladder.len() as u64
                        + due as u64,
                );
            }
        }
        work
    }

    fn route_team_rounds(&self, rounds: u64) -> Work {
        let mut work = Work::default();
        for _ in 0..rounds {
            for (ticket, _) in &self.tickets {
                let routed = route_team(&self.policy, ticket);
                work.tickets += 1;
                work.checksum = mix(work.checksum, (routed.team * 64 + routed.index) as u64);
            }
        }
        work
    }
}

/// Replications 0, 1, … of the scenario (seeds differ), so that short scenarios still make runs long
/// enough to time.
fn run_simulations(
    scenario: &Scenario,
    model: &impl PolicyModel,
    replications: u32,
) -> Result<Work, String> {
    let mut work = Work::default();
    for replication in 0..replications {
        let run = simulate(scenario, model, replication).map_err(|error| error.to_string())?;
        let journey_events: usize = run
            .journeys
            .iter()
            .map(|journey| journey.events.len())
            .sum();
        work.tickets += run.journeys.len() as u64;
        work.events += run.events_processed;
        work.checksum = mix(
            mix(work.checksum, run.events_processed),
            journey_events as u64,
        );
    }
    Ok(work)
}

/// Order-sensitive checksum step (FNV-style), identical on every platform.
fn mix(checksum: u64, value: u64) -> u64 {
    (checksum ^ value).wrapping_mul(0x0000_0100_0000_01b3)
}

const MMC_SCENARIO: &str = r#"{
    "policy": "single-team",
    "workload": {"start": "2026-03-02T00:00:00Z", "horizon": 30, "arrivals": {"constant": {"per_hour": 100}}},
    "mix": {"categories": {"general": 1}},
    "handling": {"default": {"time": {"exponential": {"mean": "40m"}}}},
    "seed": 7
}"#;

/// A deterministic mix of tickets over every category of the default preset, all priorities (given or
/// derived from impact × urgency), channels, segments, signals and amounts, each with an instant in one week.
fn realistic_tickets(count: usize) -> Vec<(Ticket, Instant)> {
    const CATEGORIES: [&str; 10] = [
        "account",
        "billing",
        "payment_failure",
        "refund",
        "technical",
        "bug",
        "outage",
        "how_to",
        "feature_request",
        "unlisted_category",
    ];
    const SEGMENTS: [&str; 3] = ["standard", "premium", "enterprise"];
    let mut random = RandomStream::new(2026, 0);
    let mut pick = |len: usize| ((random.uniform() * len as f64) as usize).min(len - 1);
    (0..count)
        .map(|index| {
            let category = CATEGORIES[pick(CATEGORIES.len())];
            let priority = Priority::ALL[pick(Priority::ALL.len())];
            let channel = Channel::ALL[pick(Channel::ALL.len())];
            let mut ticket = Ticket::new(category, priority, channel);
            ticket.id = format!("T-{index}");
            ticket.segment = SEGMENTS[pick(SEGMENTS.len())].to_owned();
            match pick(10) {
                0 | 1 => {
                    ticket.priority = None;
                    ticket.impact = Some(Level::ALL[pick(Level::ALL.len())]);
                    ticket.urgency = Some(Level::ALL[pick(Level::ALL.len())]);
                }
                2 => ticket.priority = None,
                _ => {}
            }
            let mut signals = Signals::default();
            for name in Signals::NAMES {
                signals.set(name, pick(25) == 0);
            }
            ticket.signals = signals;
            if matches!(category, "refund" | "billing" | "payment_failure") {
                ticket.amount = Some(pick(1000) as f64 + 0.5);
            }
            let at =
                Instant(ROUTING_WEEK_START + (pick(WEEK as usize / HOUR as usize) as i64) * HOUR);
            (ticket, at)
        })
        .collect()
}
