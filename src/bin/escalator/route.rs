//! `escalator route POLICY --ticket JSON|FILE [--at T]`: the decision in words with its trace, or as JSON.

use std::path::Path;

use escalator::api::{self, Engine, RouteAnswer};
use escalator::engine::time::Instant;

use crate::input::{explain, inline_or_file, read};
use crate::{Failure, Format};

pub fn run(policy: &Path, ticket: &str, at: Option<&str>, format: Format) -> Result<(), Failure> {
    let policy = read(policy)?;
    let engine =
        Engine::compile(&policy.text).map_err(|error| Failure::Input(explain(&error, &policy)))?;
    let ticket_document = inline_or_file(ticket, "ticket")?;
    let ticket = api::read_ticket(&ticket_document.text)
        .map_err(|error| Failure::Input(explain(&error, &ticket_document)))?;
    let at = match at {
        Some(text) => api::read_instant(text).map_err(|error| {
            Failure::Input(format!("--at: {}\n  help: {}", error.message, error.help))
        })?,
        None => Instant(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |since| since.as_secs() as i64),
        ),
    };
    let answer = engine.route(&ticket, at);
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&answer).unwrap_or_default()
        ),
        Format::Text => print!("{}", describe(&answer)),
    }
    Ok(())
}

/// `at` as wall-clock time in the answer's zone: `2026-03-09 12:55 (Europe/London)`.
fn local(answer: &RouteAnswer, at: Instant) -> String {
    let wall = answer
        .local
        .get(&at)
        .map(|text| text.get(..16).unwrap_or(text).replace('T', " "))
        .unwrap_or_else(|| at.to_string());
    format!("{wall} ({})", answer.zone)
}

fn describe(answer: &RouteAnswer) -> String {
    let decision = &answer.decision;
    let mut out = format!(
        "team: {} ({}) · tier {} · {}\n",
        decision.team_name,
        decision.team,
        decision.tier_name,
        match decision.kind.as_str() {
            "none" => "no escalation".to_owned(),
            kind => format!("{kind} escalation"),
        }
    );
    let by = &decision.decided_by;
    out.push_str(&format!(
        "decided by: {} {} — {}\n",
        by.stage.as_str(),
        by.id,
        by.description
    ));
    if by.condition.as_str() != "true" {
        out.push_str(&format!("  condition: {}\n", by.condition));
    }
    out.push_str(&format!(
        "priority: {} ({})\n",
        decision.priority,
        match decision.priority_source {
            escalator::engine::decision::PrioritySource::Given => "given",
            escalator::engine::decision::PrioritySource::Matrix => "from impact × urgency",
            escalator::engine::decision::PrioritySource::Default => "the policy's default",
        }
    ));
    if let Some(sla) = &decision.sla {
        out.push_str(&format!("SLA: {} ({})\n", sla.name, sla.policy));
        for target in &sla.targets {
            if let Some(due) = target.due {
                out.push_str(&format!(
                    "  {} due {}\n",
                    target.target.as_str().replace('_', " "),
                    local(answer, due)
                ));
            }
        }
        for breach in &sla.breach_ladder {
            out.push_str(&format!(
                "  if {} is breached: {} {} at {}\n",
                breach.target.as_str().replace('_', " "),
                breach.action.as_str(),
                breach.team,
                local(answer, breach.at)
            ));
        }
    }
    if !decision.ladder.is_empty() {
        out.push_str("if still open:\n");
        for level in &decision.ladder {
            out.push_str(&format!(
                "  {} → {} ({}, level {})\n",
                local(answer, level.at),
                level.team_name,
                level.direction.as_str(),
                level.level
            ));
        }
    }
    out.push_str("trace:\n");
    for step in &decision.trace.steps {
        out.push_str(&format!("  {}\n", step.explain()));
    }
    out
}
