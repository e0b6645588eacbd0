//! `escalator`: the engine as a command-line tool for policy-as-code — lint a policy in CI, route a ticket,
//! simulate a scenario, compare two policies, read a help desk's ticket log. Exit codes: 0 fine, 1 lint errors, 2 unusable input.

#![allow(clippy::result_large_err)]

mod compare;
mod import;
mod input;
mod lint;
mod locate;
mod progress;
mod replay;
mod route;
mod simulate;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "escalator",
    version,
    about = "Lint, route and simulate escalation policies"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Checks a policy: every finding with file:line:column; exits 1 when there are errors.
    Lint {
        policy: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Routes one ticket: the receiving team, why, the trace, planned escalations and SLA due times.
    Route {
        policy: PathBuf,
        /// The ticket as JSON text, or the path of a JSON file.
        #[arg(long)]
        ticket: String,
        /// When the ticket is created (RFC 3339); defaults to now.
        #[arg(long)]
        at: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Simulates a scenario through a policy and prints its headline metrics with 95% intervals.
    Simulate {
        policy: PathBuf,
        scenario: PathBuf,
        /// Overrides the scenario's number of replications.
        #[arg(long)]
        replications: Option<u32>,
        /// Prints the metrics of every replication and the estimates as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Reads a help desk's ticket log (ServiceNow audit log, Volvo VINST, Zendesk, Freshdesk, Jira) and prints
    /// what was rebuilt, every row that could not be used, and the observed metrics.
    Import {
        file: PathBuf,
        #[command(flatten)]
        log: import::LogArgs,
        #[arg(long)]
        json: bool,
        /// Also writes a scenario drawn from the log (arrivals by hour of week, mix, handling per team) here.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// The scenario's traffic relative to the log's: 1.2 for 20 % more.
        #[arg(long, default_value_t = 1.0)]
        growth: f64,
        /// Days the scenario simulates, from the Monday after the log's last ticket.
        #[arg(long, default_value_t = 7)]
        days: u32,
        /// The policy the scenario will run with: its teams get the log's handling times.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
    /// Replays a ticket log's own tickets through a policy and prints each headline metric as observed in
    /// the log and as simulated under the policy, with the change and its 95% interval.
    Replay {
        file: PathBuf,
        policy: PathBuf,
        /// Handling, staffing and replications for what the log does not say; by default the scenario
        /// drawn from the log itself (`escalator import FILE --scenario`).
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Overrides the scenario's number of replications.
        #[arg(long)]
        replications: Option<u32>,
        #[command(flatten)]
        log: import::LogArgs,
        /// Prints the observed metrics, every replication's and the comparison as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Simulates one scenario through two policies and prints the baseline-vs-variant table.
    Compare {
        baseline: PathBuf,
        variant: PathBuf,
        #[arg(long)]
        scenario: PathBuf,
        #[arg(long)]
        replications: Option<u32>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DateOrderArg {
    DayFirst,
    MonthFirst,
}

impl DateOrderArg {
    pub fn order(self) -> escalator::import::DateOrder {
        match self {
            DateOrderArg::DayFirst => escalator::import::DateOrder::DayFirst,
            DateOrderArg::MonthFirst => escalator::import::DateOrder::MonthFirst,
        }
    }
}

/// How a command ended, besides success.
pub enum Failure {
    /// The command ran and found problems (lint errors): exit 1.
    Findings,
    /// The input could not be used: the message says where and how to fix it; exit 2.
    Input(String),
    /// The input could not be used, and the output already says so (JSON formats): exit 2.
    InputReported,
}

/// Output piped into a command that stops reading (`| head`) ends the program quietly, as other command-line
/// tools do, instead of reporting the closed pipe as a crash; any other panic is reported as usual.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .unwrap_or_default();
        if message.starts_with("failed printing to stdout") {
            std::process::exit(0);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Lint { policy, format } => lint::run(&policy, format),
        Command::Route {
            policy,
            ticket,
            at,
            format,
        } => route::run(&policy, &ticket, at.as_deref(), format),
        Command::Simulate {
            policy,
            scenario,
            replications,
            json,
        } => simulate::run(&policy, &scenario, replications, json),
        Command::Import {
            file,
            log,
            json,
            scenario,
            growth,
            days,
            policy,
        } => import::run(
            &file,
            &import::Options {
                log,
                json,
                scenario: scenario.map(|out| import::ScenarioOut {
                    out,
                    growth,
                    days,
                    policy,
                }),
            },
        ),
        Command::Replay {
            file,
            policy,
            scenario,
            replications,
            log,
            json,
        } => replay::run(
            &file,
            &policy,
            &replay::Options {
                log,
                scenario,
                replications,
                json,
            },
        ),
        Command::Compare {
            baseline,
            variant,
            scenario,
            replications,
            json,
        } => compare::run(&baseline, &variant, &scenario, replications, json),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Findings) => ExitCode::from(1),
        Err(Failure::InputReported) => ExitCode::from(2),
        Err(Failure::Input(message)) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
