//! Reading the files a command is given, and printing an `ApiError` as `file:line:column: error: …` with help.

use std::fs;
use std::path::Path;

use escalator::api::ApiError;
use escalator::api::MAX_INPUT_BYTES;

use crate::locate::locate;
use crate::Failure;

/// A file read whole, with its name for messages.
pub struct Document {
    pub name: String,
    pub text: String,
}

/// Reads `path`, refusing files larger than the engine reads.
pub fn read(path: &Path) -> Result<Document, Failure> {
    let name = path.display().to_string();
    let size = fs::metadata(path)
        .map_err(|error| Failure::Input(format!("{name}: cannot read: {error}")))?
        .len();
    if size > MAX_INPUT_BYTES as u64 {
        return Err(Failure::Input(format!(
            "{name}: {size} bytes is more than the {MAX_INPUT_BYTES} bytes escalator reads"
        )));
    }
    let bytes =
        fs::read(path).map_err(|error| Failure::Input(format!("{name}: cannot read: {error}")))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        Failure::Input(format!(
            "{name}: not UTF-8 text (byte {}): save the file as UTF-8",
            error.utf8_error().valid_up_to()
        ))
    })?;
    Ok(Document { name, text })
}

/// A JSON argument given inline (it starts with `{`) or as the path of a file.
pub fn inline_or_file(argument: &str, what: &str) -> Result<Document, Failure> {
    if argument.trim_start().starts_with('{') {
        return Ok(Document {
            name: format!("<{what}>"),
            text: argument.to_owned(),
        });
    }
    read(Path::new(argument))
}

/// `error` as the CLI prints it, located in `document` when it has a line or a JSON path there.
pub fn explain(error: &ApiError, document: &Document) -> String {
    let position = match (error.line, error.column, &error.path) {
        (Some(line), Some(column), _) => Some((line, column)),
        (_, _, Some(path)) => locate(&document.text, path),
        _ => None,
    };
    let mut message = match position {
        Some((line, column)) => format!("{}:{line}:{column}: error", document.name),
        None => format!("{}: error", document.name),
    };
    message.push_str(&format!("[{}]: {}", error.code, error.message));
    if let Some(path) = error.path.as_deref().filter(|path| *path != ".") {
        message.push_str(&format!("\n  at: {path}"));
    }
    for problem in error.problems.iter().skip(1) {
        let at = locate(&document.text, &problem.path)
            .map(|(line, column)| format!("{}:{line}:{column}: ", document.name))
            .unwrap_or_default();
        message.push_str(&format!(
            "\n  also: {at}{}: {} [{}]",
            problem.path, problem.message, problem.code
        ));
    }
    message.push_str(&format!("\n  help: {}", error.help));
    message
}
