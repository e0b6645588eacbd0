//! Errors in conditions: what went wrong, a hint, and where (line, column and byte span, or a JSON path).

use std::fmt;
use std::ops::Range;

/// What kind of mistake a condition contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    Empty,
    UnexpectedCharacter,
    UnterminatedString,
    InvalidEscape,
    InvalidNumber,
    InvalidDuration,
    UnknownOperator,
    UnexpectedToken,
    UnclosedParenthesis,
    UnclosedList,
    TrailingInput,
    EmptyList,
    UnknownField,
    UnknownValue,
    TypeMismatch,
    OperatorNotAllowed,
    InvalidStructure,
}

/// Where an error is: in the text form (1-based line and column, byte span) or in the JSON form (a path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Text {
        line: usize,
        column: usize,
        span: Range<usize>,
    },
    /// Path relative to the condition, such as `all[1].op`; empty for the condition itself.
    Json(String),
}

/// A parse, structure or type error in a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    pub kind: ErrorKind,
    pub message: String,
    pub help: Option<String>,
    pub location: Location,
}

/// The lexer and the parser: both read the condition's text, and report errors located in it.
pub(crate) trait ReadsText {
    fn source(&self) -> &str;

    /// An error at `span` of the text being read.
    fn error(
        &self,
        kind: ErrorKind,
        message: String,
        help: Option<&str>,
        span: std::ops::Range<usize>,
    ) -> ConditionError {
        ConditionError::in_text(kind, message, help.map(str::to_owned), self.source(), span)
    }
}

impl ConditionError {
    /// An error in the text form at `span` of `source`.
    pub(crate) fn in_text(
        kind: ErrorKind,
        message: String,
        help: Option<String>,
        source: &str,
        span: Range<usize>,
    ) -> ConditionError {
        ConditionError {
            kind,
            message,
            help,
            location: text_location(source, span),
        }
    }

    pub(crate) fn in_json(
        kind: ErrorKind,
        message: String,
        help: Option<String>,
        path: String,
    ) -> ConditionError {
        ConditionError {
            kind,
            message,
            help,
            location: Location::Json(path),
        }
    }

    /// 1-based line, for text-form errors.
    pub fn line(&self) -> Option<usize> {
        match &self.location {
            Location::Text { line, .. } => Some(*line),
            Location::Json(_) => None,
        }
    }

    /// 1-based column in characters, for text-form errors.
    pub fn column(&self) -> Option<usize> {
        match &self.location {
            Location::Text { column, .. } => Some(*column),
            Location::Json(_) => None,
        }
    }

    /// Byte span in the text, for text-form errors.
    pub fn span(&self) -> Option<Range<usize>> {
        match &self.location {
            Location::Text { span, .. } => Some(span.clone()),
            Location::Json(_) => None,
        }
    }

    /// JSON path relative to the condition, for structured-form errors.
    pub fn json_path(&self) -> Option<&str> {
        match &self.location {
            Location::Text { .. } => None,
            Location::Json(path) => Some(path),
        }
    }
}

impl fmt::Display for ConditionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Location::Text { line, column, .. } => write!(f, "{line}:{column}: ")?,
            Location::Json(path) if path.is_empty() => f.write_str("condition: ")?,
            Location::Json(path) => write!(f, "{path}: ")?,
        }
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConditionError {}

/// The location of a byte span of the text form.
pub(crate) fn text_location(source: &str, span: Range<usize>) -> Location {
    let (line, column) = line_and_column(source, span.start);
    Location::Text { line, column, span }
}

/// 1-based line and character column of a byte offset.
fn line_and_column(source: &str, offset: usize) -> (usize, usize) {
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The closest known name to a misspelt one, if it is close enough to be a likely typo.
pub fn closest<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = wrong.chars().count().div_ceil(3).clamp(1, 3);
    known
        .into_iter()
        .map(|candidate| (edit_distance(wrong, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let known = ["signals.abusive", "category", "amount"];
        assert_eq!(closest("sigals.abusive", known), Some("signals.abusive"));
        assert_eq!(closest("categroy", known), Some("category"));
        assert_eq!(closest("weather", known), None);
    }

    #[test]
    fn columns_count_characters_on_the_right_line() {
        assert_eq!(line_and_column("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_and_column("abc", 3), (1, 4));
    }
}
