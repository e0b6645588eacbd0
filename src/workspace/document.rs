//! The workspace document and its versions: what autosave, export and share links hold, read from any
//! earlier version through a chain of migrations, and refused with a clear message when it is newer.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::draft::TicketDraft;
use crate::engine::policy::Policy;
use crate::import::Mapping;
use crate::json::{from_json, plain_words};
use crate::sim::scenario::Scenario;

/// The version this build writes. Version 1 (everything saved before versions existed) had no
/// `schema_version`; version 2 is the same document with it; version 3 may hold `log_mapping`, and a draft
/// with impact and urgency and a history; version 4 may hold `time_zone`.
pub const WORKSPACE_VERSION: u32 = 4;

/// Everything a person edits: saved in the browser, exported, and carried by share links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    /// The preset this workspace started from.
    pub preset: String,
    pub policy: Policy,
    pub scenario: Scenario,
    pub draft: TicketDraft,
    /// Condition texts typed into the rule editor that do not parse yet, by rule key (`rules/2`), kept so
    /// nothing typed is lost; the policy keeps its last valid condition meanwhile.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub condition_drafts: BTreeMap<String, String>,
    /// Policy JSON typed into the JSON editor that is not a valid policy yet (kept, not applied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_json_draft: Option<String>,
    /// The column mapping chosen for the team's own ticket-log export (a CSV no built-in format knows), so
    /// the next export of the same help desk reads without choosing again, and a share link carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_mapping: Option<Mapping>,
    /// The zone the playground shows times in, when the user picked one (`UTC`, `+02:00`, an IANA name);
    /// without it, the policy's zone (its first line's calendar zone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
}

/// Why a workspace document could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceError {
    /// Not JSON at all.
    NotJson {
        message: String,
        line: usize,
        column: usize,
    },
    /// Written by a newer Escalator, in a format this one does not know.
    Newer { found: u64 },
    /// JSON that is not a workspace of its version; `path` says where.
    Shape { path: String, message: String },
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkspaceError::NotJson {
                message,
                line,
                column,
            } => write!(f, "not JSON: {message} (line {line}, column {column})"),
            WorkspaceError::Newer { found } => write!(
                f,
                "this workspace was made with a newer Escalator (format version {found}); this one opens \
                 versions 1 to {WORKSPACE_VERSION}: open it with the newer version, or export its policy \
                 and scenario from there"
            ),
            WorkspaceError::Shape { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for WorkspaceError {}

/// One migration: turns a document of version `n` into version `n + 1`, in place.
type Migration = fn(&mut serde_json::Map<String, Value>);

/// `MIGRATIONS[n - 1]` migrates version `n` to `n + 1`.
const MIGRATIONS: [Migration; (WORKSPACE_VERSION - 1) as usize] =
    [version_1_to_2, version_2_to_3, version_3_to_4];

/// Version 2 only adds `schema_version`, which `read` takes off before reading the fields.
fn version_1_to_2(_document: &mut serde_json::Map<String, Value>) {}

/// Version 3 only adds the optional `log_mapping`, which a version 2 document does not have.
fn version_2_to_3(_document: &mut serde_json::Map<String, Value>) {}

/// Version 4 only adds the optional `time_zone`, which a version 3 document does not have.
fn version_3_to_4(_document: &mut serde_json::Map<String, Value>) {}

/// The document with its version, as it is written.
#[derive(Serialize)]
struct Versioned<'w> {
    schema_version: u32,
    #[serde(flatten)]
    workspace: &'w Workspace,
}

impl Workspace {
    /// The workspace as JSON of the current version.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&Versioned {
            schema_version: WORKSPACE_VERSION,
            workspace: self,
        })
        .unwrap_or_default()
    }

    /// Reads a workspace of any version up to `WORKSPACE_VERSION`, migrating it to the current one.
    pub fn from_json(text: &str) -> Result<Workspace, WorkspaceError> {
        let value: Value = from_json(text).map_err(|error| WorkspaceError::NotJson {
            message: error.inner.to_string(),
            line: error.inner.line(),
            column: error.inner.column(),
        })?;
        let Value::Object(mut document) = value else {
            return Err(WorkspaceError::Shape {
                path: ".".to_owned(),
                message: "a workspace is a JSON object".to_owned(),
            });
        };
        let version = match document.remove("schema_version") {
            None => 1,
            Some(Value::Number(number)) => number
                .as_u64()
                .filter(|version| *version >= 1)
                .ok_or_else(|| WorkspaceError::Shape {
                    path: "schema_version".to_owned(),
                    message: format!("{number} is not a format version (1, 2, …)"),
                })?,
            Some(other) => {
                return Err(WorkspaceError::Shape {
                    path: "schema_version".to_owned(),
                    message: format!("expected a whole number, found {other}"),
                })
            }
        };
        if version > u64::from(WORKSPACE_VERSION) {
            return Err(WorkspaceError::Newer { found: version });
        }
        for migrate in &MIGRATIONS[(version - 1) as usize..] {
            migrate(&mut document);
        }
        from_json(&Value::Object(document).to_string()).map_err(|error| WorkspaceError::Shape {
            path: error.path,
            message: plain_words(&error.inner.to_string()),
        })
    }
}
