//! Numbers as the CLI's tables show them: shares as percentages, seconds as durations.

use escalator::format;
use escalator::metrics::compare::Unit;

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
