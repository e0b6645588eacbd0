//! `ApiError`: every failure of the front door as one shape (code, message, help and where), so that JS can
//! throw it as `EscalatorError` and the CLI can print it with a file position.

use std::fmt;

use serde::Serialize;

use crate::engine::condition::ConditionError;
use crate::engine::policy::{CompileErrors, PolicyError};
use crate::json::{fix_for, plain_words, JsonError};
use crate::sim::ScenarioError;

/// One problem among several (a policy that does not compile lists every bad reference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub code: &'static str,
    pub path: String,
    pub message: String,
}

/// Why a call failed. `path` is a JSON path into the input named by `input`; `line` and `column` are 1-based.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    /// A stable code: `policy-syntax`, `policy-shape`, `policy-version`, `policy-compile`, `ticket`, `instant`,
    /// `condition`, `scenario`, `journeys`, `cancelled`, `too-large`.
    pub code: &'static str,
    /// Which input the problem is in: `policy`, `ticket`, `at`, `condition`, `scenario`, `journeys`.
    pub input: &'static str,
    pub message: String,
    /// How to fix the input.
    pub help: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// Byte span in a condition's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<(usize, usize)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

/// The largest document any call reads: far above any real policy or scenario, far below what would hang a page.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

impl ApiError {
    pub fn new(
        code: &'static str,
        input: &'static str,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> ApiError {
        ApiError {
            code,
            input,
            message: message.into(),
            help: help.into(),
            path: None,
            line: None,
            column: None,
            span: None,
            problems: Vec::new(),
        }
    }

    pub fn at_path(mut self, path: impl Into<String>) -> ApiError {
        self.path = Some(path.into());
        self
    }

    fn at_line_column(mut self, line: usize, column: usize) -> ApiError {
        self.line = Some(line);
        self.column = Some(column.max(1));
        self
    }

    /// Refuses an input larger than [`MAX_INPUT_BYTES`] before any work starts.
    pub fn check_size(input: &'static str, text: &str) -> Result<(), ApiError> {
        if text.len() <= MAX_INPUT_BYTES {
            return Ok(());
        }
        Err(ApiError::new(
            "too-large",
            input,
            format!(
                "the {input} is {} bytes, more than the {} bytes Escalator reads",
                text.len(),
                MAX_INPUT_BYTES
            ),
            "split the document or remove what is not needed",
        ))
    }

    /// A JSON document of the wrong shape, such as a ticket or a scenario.
    pub fn from_json(
        code: &'static str,
        input: &'static str,
        error: &JsonError,
        help: &str,
    ) -> ApiError {
        let full = error.inner.to_string();
        let suffix = format!(
            " at line {} column {}",
            error.inner.line(),
            error.inner.column()
        );
        let message = plain_words(full.strip_suffix(&suffix).unwrap_or(&full));
        let help = fix_for(&message).unwrap_or_else(|| help.to_owned());
        ApiError::new(code, input, message, help)
            .at_path(error.path.clone())
            .at_line_column(error.inner.line(), error.inner.column())
    }

    pub fn from_policy(error: &PolicyError) -> ApiError {
        let (code, help) = match error {
            PolicyError::Syntax { .. } => (
                "policy-syntax",
                "the policy is not valid JSON: look for a missing comma, quote or bracket just before this point",
            ),
            PolicyError::Shape { .. } => (
                "policy-shape",
                "see docs/policy-format.md for the fields this place takes and their types",
            ),
            PolicyError::UnsupportedVersion { .. } => (
                "policy-version",
                "set \"schema_version\": 1",
            ),
            PolicyError::TooLarge { .. } => (
                "too-large",
                "see the limits in docs/policy-format.md; split the policy or merge entries",
            ),
        };
        let message = error.message();
        let help = fix_for(&message).unwrap_or_else(|| help.to_owned());
        let api = ApiError::new(code, "policy", message, help).at_path(error.path());
        match error.line_column() {
            Some((line, column)) => api.at_line_column(line, column),
            None => api,
        }
    }

    pub fn from_compile(errors: &CompileErrors) -> ApiError {
        let problems: Vec<Problem> = errors
            .0
            .iter()
            .map(|error| Problem {
                code: error.code,
                path: error.path.clone(),
                message: error.message.clone(),
            })
            .collect();
        let (path, message) = match problems.first() {
            Some(first) => (first.path.clone(), first.message.clone()),
            None => (".".to_owned(), "the policy does not compile".to_owned()),
        };
        let more = match problems.len() {
            0 | 1 => String::new(),
            count => format!(" (and {} more problems)", count - 1),
        };
        let mut api = ApiError::new(
            "policy-compile",
            "policy",
            format!("{message}{more}"),
            "fix the reference at this path: every team, tier, calendar and category named must be defined",
        )
        .at_path(path);
        api.problems = problems;
        api
    }

    pub fn from_condition(error: &ConditionError) -> ApiError {
        let mut api = ApiError::new(
            "condition",
            "condition",
            error.message.clone(),
            error
                .help
                .clone()
                .unwrap_or_else(|| "see docs/conditions.md for the condition syntax".to_owned()),
        );
        if let (Some(line), Some(column)) = (error.line(), error.column()) {
            api = api.at_line_column(line, column);
        }
        api.span = error.span().map(|span| (span.start, span.end));
        if let Some(path) = error.json_path() {
            api = api.at_path(path);
        }
        api
    }

    pub fn from_scenario(error: &ScenarioError) -> ApiError {
        let input = if error.path.starts_with("policy") {
            "policy"
        } else {
            "scenario"
        };
        let (code, help) = if error.over_limit {
            ("too-large", "see the limits in docs/scenario-format.md; a smaller run gives the same answer sooner")
        } else {
            (
                "scenario",
                "see docs/scenario-format.md for the fields this place takes",
            )
        };
        ApiError::new(code, input, error.message.clone(), help).at_path(error.path.clone())
    }

    /// The error as JSON, for the JS side to turn into an `EscalatorError`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| {
            format!(
                "{{\"code\":\"{}\",\"message\":\"unprintable error\"}}",
                self.code
            )
        })
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{path}: ")?;
        }
        f.write_str(&self.message)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}
