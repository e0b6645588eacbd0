//! `escalator lint POLICY`: every finding as `file:line:column: severity[code]: message`, or as JSON.

use std::path::Path;

use escalator::api;
use escalator::engine::lint::{Diagnostic, Severity};
use serde::Serialize;

use crate::input::{explain, read, Document};
use crate::locate::locate;
use crate::{Failure, Format};

#[derive(Serialize)]
struct Located<'d> {
    #[serde(flatten)]
    diagnostic: &'d Diagnostic,
    line: Option<usize>,
    column: Option<usize>,
}

#[derive(Serialize)]
struct Report<'d> {
    file: &'d str,
    errors: usize,
    warnings: usize,
    infos: usize,
    diagnostics: Vec<Located<'d>>,
}

pub fn run(path: &Path, format: Format) -> Result<(), Failure> {
    let document = read(path)?;
    let diagnostics = match api::lint(&document.text) {
        Ok(diagnostics) => diagnostics,
        Err(error) if format == Format::Json => {
            let report = serde_json::json!({ "file": document.name, "error": error });
            println!("{report:#}");
            return Err(Failure::InputReported);
        }
        Err(error) => return Err(Failure::Input(explain(&error, &document))),
    };
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == severity)
            .count()
    };
    let report = Report {
        file: &document.name,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        diagnostics: diagnostics
            .iter()
            .map(|diagnostic| {
                let position = locate(&document.text, &diagnostic.path);
                Located {
                    diagnostic,
                    line: position.map(|(line, _)| line),
                    column: position.map(|(_, column)| column),
                }
            })
            .collect(),
    };
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        ),
        Format::Text => print_text(&report, &document),
    }
    if report.errors > 0 {
        Err(Failure::Findings)
    } else {
        Ok(())
    }
}

fn print_text(report: &Report<'_>, document: &Document) {
    for located in &report.diagnostics {
        let diagnostic = located.diagnostic;
        let position = match (located.line, located.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", document.name),
            _ => document.name.clone(),
        };
        println!(
            "{position}: {}[{}]: {} (at {})",
            diagnostic.severity.as_str(),
            diagnostic.code,
            diagnostic.message,
            diagnostic.path
        );
    }
    let plural =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    println!(
        "{}: {}, {}, {}",
        document.name,
        plural(report.errors, "error"),
        plural(report.warnings, "warning"),
        plural(report.infos, "note")
    );
}
