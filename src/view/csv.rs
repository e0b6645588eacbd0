//! Results as CSV files: one row per simulated ticket, the daily metric series per replication, and SLA
//! compliance by cohort.

use crate::sim::report::SimulationReport;
use crate::view::sla_cohorts::{rows as cohort_rows, Cohort};

/// One row per ticket of the first replication.
pub fn tickets(report: &SimulationReport) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "ticket",
        "created",
        "category",
        "priority",
        "channel",
        "first_team",
        "first_reason",
        "last_team",
        "escalations",
        "kinds",
        "sla_breached",
        "first_response_seconds",
        "resolution_seconds",
        "outcome",
    ];
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| (*h).to_owned()).collect()];
    rows.extend(report.tickets.iter().map(|row| {
        vec![
            row.id.clone(),
            row.created.to_string(),
            row.category.clone(),
            row.priority
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
            row.channel.as_str().to_owned(),
            row.first_team.clone(),
            row.first_reason.clone(),
            row.last_team.clone(),
            row.escalations.to_string(),
            row.kinds
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            row.breached.to_string(),
            row.first_response_seconds
                .map(|s| s.to_string())
                .unwrap_or_default(),
            row.resolution_seconds
                .map(|s| s.to_string())
                .unwrap_or_default(),
            format!("{:?}", row.outcome).to_lowercase(),
        ]
    }));
    write_all(&mut writer, rows)
}

/// The daily series of every replication.
pub fn daily_metrics(report: &SimulationReport) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "replication",
        "day",
        "tickets",
        "escalated",
        "escalation_rate",
        "resolved",
        "first_contact_resolution",
        "first_response_mean_seconds",
        "backlog_at_end",
    ];
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| (*h).to_owned()).collect()];
    let ratio = |value: Option<f64>| value.map(|v| format!("{v:.4}")).unwrap_or_default();
    for (replication, metrics) in report.metrics.iter().enumerate() {
        rows.extend(metrics.daily.iter().map(|day| {
            vec![
                replication.to_string(),
                day.label.clone(),
                day.tickets.to_string(),
                day.tickets_escalated.to_string(),
                ratio(day.escalation_rate),
                day.resolved.to_string(),
                ratio(day.first_contact_resolution),
                day.first_response_mean_seconds
                    .map(|s| format!("{s:.0}"))
                    .unwrap_or_default(),
                day.backlog_at_end.to_string(),
            ]
        }));
    }
    write_all(&mut writer, rows)
}

/// SLA compliance per receiving team, channel, priority and category (means over the replications).
pub fn sla_by_cohort(report: &SimulationReport) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "cohort",
        "key",
        "tickets",
        "first_response_compliance",
        "resolution_compliance",
    ];
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| (*h).to_owned()).collect()];
    let ratio = |value: Option<f64>| value.map(|v| format!("{v:.4}")).unwrap_or_default();
    for cohort in Cohort::ALL {
        rows.extend(cohort_rows(&report.metrics, cohort).into_iter().map(|row| {
            vec![
                cohort.key().to_owned(),
                row.key,
                format!("{:.1}", row.tickets),
                ratio(row.first_response),
                ratio(row.resolution),
            ]
        }));
    }
    write_all(&mut writer, rows)
}

fn write_all(writer: &mut csv::Writer<Vec<u8>>, rows: Vec<Vec<String>>) -> String {
    for row in rows {
        if writer.write_record(&row).is_err() {
            break;
        }
    }
    writer
        .flush()
        .ok()
        .and_then(|()| String::from_utf8(writer.get_ref().clone()).ok())
        .unwrap_or_default()
}
