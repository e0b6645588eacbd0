//! Numbers as the CLI's tables show them: shares as percentages, seconds as durations.

use escalator::format;
use escalator::metrics::compare::{Comparison, Unit};

pub fn value(unit: Unit, value: Option<f64>) -> String {
    let Some(value) = value else {
        return "—".to_owned();
    };
    match unit {
        Unit::Ratio => format::percent(value),
        Unit::Seconds => format::duration(value),
        Unit::Count => format::count(value),
        Unit::Currency => format!("{value:.2}"),
    }
}

/// A change, signed: `+2.5 pp`, `-3m20s`.
pub fn change(unit: Unit, change: Option<f64>) -> String {
    let Some(change) = change else {
        return "—".to_owned();
    };
    let sign = if change >= 0.0 { "+" } else { "-" };
    match unit {
        Unit::Ratio => format!("{sign}{:.1} pp", change.abs() * 100.0),
        Unit::Seconds => format!("{sign}{}", format::duration(change.abs())),
        Unit::Count => format!("{sign}{}", format::count(change.abs())),
        Unit::Currency => format!("{sign}{:.2}", change.abs()),
    }
}

/// Prints rows as aligned columns, the first row being the header.
pub fn print(rows: &[Vec<String>]) {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            rows.iter()
                .map(|row| row.get(column).map_or(0, |cell| cell.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(index, (cell, width))| {
                let pad = width - cell.chars().count();
                if index == 0 {
                    format!("{cell}{}", " ".repeat(pad))
                } else {
                    format!("{}{cell}", " ".repeat(pad))
                }
            })
            .collect();
        println!("{}", line.join("  ").trim_end());
    }
}

/// Prints `comparison` as metric, the two sides (named in `sides`), change, 95% interval and verdict; with
/// `measured_only`, metrics neither side has a value for are left out.
pub fn print_comparison(comparison: &Comparison, sides: [&str; 2], measured_only: bool) {
    let mut rows = vec![vec![
        "metric".to_owned(),
        sides[0].to_owned(),
        sides[1].to_owned(),
        "change".to_owned(),
        "95% interval".to_owned(),
        "verdict".to_owned(),
    ]];
    let shown = comparison.changes.iter().filter(|change| {
        !measured_only || change.baseline_mean.is_some() || change.variant_mean.is_some()
    });
    for change in shown {
        let interval = change.interval.map_or("—".to_owned(), |interval| {
            format!(
                "[{}, {}]",
                self::change(change.unit, Some(interval.low)),
                self::change(change.unit, Some(interval.high))
            )
        });
        rows.push(vec![
            change.label.clone(),
            value(change.unit, change.baseline_mean),
            value(change.unit, change.variant_mean),
            self::change(change.unit, change.change),
            interval,
            change.status.describe().to_owned(),
        ]);
    }
    print(&rows);
}
