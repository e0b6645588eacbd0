//! A four-team escalation matrix (general, billing, technical, supervisors) shared by the simulator tests.

use std::collections::BTreeMap;

use escalator::engine::journey::EscalationKind;
use escalator::sim::reference_models::{
    FirstResponseSla, MatrixModel, MatrixSpec, MatrixTeam, NextStop, OfficeHours,
};

const HOUR: i64 = 3600;

/// The matrix used with the examples of `docs/scenario-format.md`. With `office_hours` false every
/// team works 24/7; otherwise general and billing work weekdays (UTC), supervisors weekdays.
pub fn matrix_model(office_hours: bool, first_response_target_hours: i64) -> MatrixModel {
    let hours = |opens: i64, closes: i64| {
        office_hours.then(|| OfficeHours::weekdays(opens * HOUR, closes * HOUR))
    };
    let team = |name: &str, tier: u8, agents: u32, hours: Option<OfficeHours>| MatrixTeam {
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
    let spec = MatrixSpec {
        teams: vec![
            team("general", 1, 8, hours(7, 19)),
            team("billing", 2, 3, hours(8, 17)),
            team("technical", 2, 3, None),
            team("supervisors", 3, 4, hours(8, 18)),
        ],
        default_team: "general".to_owned(),
        first_team: BTreeMap::from([("outage".to_owned(), "technical".to_owned())]),
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
            target_seconds: first_response_target_hours * HOUR,
            warning_percent: Some(75),
            breach_escalates_to: Some("supervisors".to_owned()),
        }),
    };
    match MatrixModel::new(&spec) {
        Ok(model) => model,
        Err(err) => panic!("test matrix is valid: {err}"),
    }
}
