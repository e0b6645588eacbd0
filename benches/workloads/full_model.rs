//! The "full model" the simulation benchmarks run: until the real policy is a `PolicyModel`, the four-team
//! `MatrixModel` (functional, hierarchical and SLA-breach escalation) on a normal-week scenario.

use escalator::engine::journey::EscalationKind;
use escalator::sim::reference_models::{
    FirstResponseSla, MatrixModel, MatrixSpec, MatrixTeam, NextStop, OfficeHours,
};

pub type FullModel = MatrixModel;

pub const WEEK_DESCRIPTION: &str =
    "full model (four-team MatrixModel stand-in) on a normal week, 400 tickets/day, 8 replications per run";
pub const FOUR_WEEKS_DESCRIPTION: &str =
    "full model (four-team MatrixModel stand-in) on four normal weeks, 400 tickets/day, 2 replications per run";

const HOUR: i64 = 3600;

/// First line on weekday office hours; billing and technical second line; supervisors on top; an
/// authorisation limit, customer signals to the supervisor and an 8-hour first-response SLA.
pub fn model() -> Result<FullModel, String> {
    let hours = |opens: i64, closes: i64| Some(OfficeHours::weekdays(opens * HOUR, closes * HOUR));
    let team = |name: &str, tier, agents, hours| MatrixTeam {
        name: name.to_owned(),
        tier,
        agents,
        hours,
    };
    let stop = |from: &str, category: Option<&str>, to: &str, kind| NextStop {
        from: from.to_owned(),
        category: category.map(str::to_owned),
        to: to.to_owned(),
        kind,
    };
    MatrixModel::new(&MatrixSpec {
        teams: vec![
            team("general", 1, 8, hours(7, 19)),
            team("billing", 2, 3, hours(8, 17)),
            team("technical", 2, 3, None),
            team("supervisors", 3, 2, hours(8, 18)),
        ],
        default_team: "general".to_owned(),
        first_team: [("outage".to_owned(), "technical".to_owned())].into(),
        next: vec![
            stop(
                "general",
                Some("payment"),
                "billing",
                EscalationKind::Functional,
            ),
            stop(
                "general",
                Some("refund"),
                "billing",
                EscalationKind::Functional,
            ),
            stop("general", None, "technical", EscalationKind::Functional),
            stop("billing", None, "supervisors", EscalationKind::Hierarchical),
            stop(
                "technical",
                None,
                "supervisors",
                EscalationKind::Hierarchical,
            ),
        ],
        supervisor: Some("supervisors".to_owned()),
        authorisation_limit: Some(500.0),
        first_response: Some(FirstResponseSla {
            target_seconds: 8 * HOUR,
            warning_percent: Some(75),
            breach_escalates_to: Some("supervisors".to_owned()),
        }),
    })
    .map_err(|error| format!("full model: {error}"))
}

/// The normal-week scenario of docs/scenario-format.md over `days` days.
pub fn scenario_json(days: u32) -> String {
    format!(
        r#"{{
  "name": "Normal weeks",
  "policy": "default",
  "workload": {{
    "start": "2026-03-02T00:00:00Z",
    "horizon": {days},
    "time_zone": "Europe/Berlin",
    "drain": "14d",
    "arrivals": {{"daily": {{
      "volume": 400,
      "intraday": [1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 13, 12, 13, 14, 13, 12, 10, 8, 6, 4, 3, 2, 1],
      "weekday_factors": [1.2, 1.1, 1.0, 1.0, 0.9, 0.4, 0.3]
    }}}},
    "spikes": [{{"start": "2026-03-04T09:00:00Z", "duration": "6h", "multiplier": 3, "category": "payment"}}]
  }},
  "mix": {{
    "categories": {{"account": 4, "payment": 2, "refund": 1, "bug": 2, "outage": 0.2}},
    "priorities": {{"critical": 0.03, "high": 0.17, "medium": 0.5, "low": 0.3}},
    "priorities_by_category": {{"outage": {{"critical": 1}}}},
    "channels": {{"email": 5, "chat": 3, "phone": 2}},
    "segments": {{"standard": 8, "premium": 2}},
    "signals": {{"demands_manager": 0.02, "abusive": 0.005, "threatens_to_leave": 0.01, "threatens_review": 0.005}},
    "amounts": {{"refund": {{"lognormal": {{"mean": 120, "cv": 1.5}}}}}}
  }},
  "handling": {{
    "default": {{"time": {{"lognormal": {{"mean": "25m", "cv": 0.8}}}}, "resolve": 0.9}},
    "teams": {{
      "general": {{
        "time": {{"lognormal": {{"mean": "12m", "cv": 1.0}}}},
        "resolve": 0.8,
        "categories": {{"payment": {{"resolve": 0.4}}, "bug": {{"resolve": 0.3}}}}
      }},
      "technical": {{"time": {{"exponential": {{"mean": "50m"}}}}, "resolve": 0.95}},
      "supervisors": {{"time": {{"fixed": "20m"}}, "resolve": 1.0}}
    }}
  }},
  "knowledge_base": {{"document_probability": 0.3, "gain": 0.002, "cap": 0.85}},
  "abandonment": {{"channels": {{"chat": {{"exponential": {{"mean": "15m"}}}}}}}},
  "seed": 2026
}}"#
    )
}
