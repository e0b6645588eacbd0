//! Reading a policy from JSON: wrong types and unknown fields become errors with a JSON path, line and column.

use std::fmt;

use super::document::Policy;
use crate::json::{declared_version, from_json, plain_words, JsonError};

/// The only `schema_version` this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Why a policy document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyError {
    /// Not JSON at all (a missing comma, an unclosed brace...).
    Syntax {
        message: String,
        line: usize,
        column: usize,
    },
    /// Valid JSON that does not fit the format: `path` says where, e.g. `teams[2].agents`.
    Shape {
        path: String,
        message: String,
        line: usize,
        column: usize,
    },
    /// A `schema_version` this build does not know.
    UnsupportedVersion { found: u32 },
    /// A valid document with more entries of a kind than a policy may have (`policy::limits`).
    TooLarge { path: String, message: String },
}

impl PolicyError {
    /// The JSON path of the error, `.` for the document itself.
    pub fn path(&self) -> &str {
        match self {
            PolicyError::Syntax { .. } => ".",
            PolicyError::Shape { path, .. } | PolicyError::TooLarge { path, .. } => path,
            PolicyError::UnsupportedVersion { .. } => "schema_version",
        }
    }

    /// The message without location.
    pub fn message(&self) -> String {
        match self {
            PolicyError::Syntax { message, .. }
            | PolicyError::Shape { message, .. }
            | PolicyError::TooLarge { message, .. } => message.clone(),
            PolicyError::UnsupportedVersion { found } if *found > SCHEMA_VERSION => format!(
                "this policy was made with a newer Escalator (format version {found}); this one reads version {SCHEMA_VERSION}"
            ),
            PolicyError::UnsupportedVersion { found } => {
                format!("unsupported schema_version {found}, expected {SCHEMA_VERSION}")
            }
        }
    }

    /// Line and column (1-based) where serde_json stopped, when known.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match self {
            PolicyError::Syntax { line, column, .. } | PolicyError::Shape { line, column, .. } => {
                Some((*line, *column))
            }
            PolicyError::UnsupportedVersion { .. } | PolicyError::TooLarge { .. } => None,
        }
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PolicyError::Syntax {
                message,
                line,
                column,
            } => write!(f, "{message} at line {line} column {column}"),
            PolicyError::Shape {
                path,
                message,
                line,
                column,
            } => write!(f, "{path}: {message} at line {line} column {column}"),
            PolicyError::UnsupportedVersion { .. } => {
                write!(f, "schema_version: {}", self.message())
            }
            PolicyError::TooLarge { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for PolicyError {}

/// serde_json appends " at line L column C" to its messages; the error carries those separately.
fn bare_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    plain_words(full.strip_suffix(&suffix).unwrap_or(&full))
}

impl Policy {
    /// Reads a policy document, rejecting unknown fields, wrong types and unknown schema versions.
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        let trimmed = text.trim_start();
        if !trimmed.is_empty() && !trimmed.starts_with('{') {
            let before = &text[..text.len() - trimmed.len()];
            return Err(PolicyError::Shape {
                path: ".".to_owned(),
                message: "a policy must be a JSON object `{ ... }`".to_owned(),
                line: before.matches('\n').count() + 1,
                column: before.rsplit('\n').next().map_or(0, str::len) + 1,
            });
        }
        let policy: Policy = from_json(text).map_err(|error| {
            // A document from a newer version is not broken: say so instead of naming its new fields.
            if let Some(found) =
                declared_version(text).filter(|found| *found > u64::from(SCHEMA_VERSION))
            {
                return PolicyError::UnsupportedVersion {
                    found: u32::try_from(found).unwrap_or(u32::MAX),
                };
            }
            let JsonError { path, inner } = error;
            let message = bare_message(&inner);
            // serde notices a missing field at the end of its object; the version belongs at the top.
            let (line, column) = if path == "." && message == "missing field `schema_version`" {
                (1, 1)
            } else {
                (inner.line(), inner.column())
            };
            if inner.is_syntax() || inner.is_eof() {
                PolicyError::Syntax {
                    message,
                    line,
                    column,
                }
            } else {
                PolicyError::Shape {
                    path,
                    message,
                    line,
                    column,
                }
            }
        })?;
        if policy.schema_version != SCHEMA_VERSION {
            return Err(PolicyError::UnsupportedVersion {
                found: policy.schema_version,
            });
        }
        super::limits::check_policy(&policy)?;
        Ok(policy)
    }

    /// The policy as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
