//! What can go wrong reading a ticket log: the whole file (`ImportError`) or one row (`RowProblem`), each
//! saying where and what to do about it.

use std::fmt;

/// Why a file could not be read as a ticket log at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not text: a byte that cannot start UTF-8 text (a spreadsheet or an archive, not its CSV export).
    NotText {
        offset: usize,
    },
    /// A header but not a single row under it.
    NoRows,
    /// The CSV itself is broken (unbalanced quotes and the like).
    Csv {
        row: u64,
        message: String,
    },
    /// The header names no known export; `columns` are the ones found.
    UnknownFormat {
        columns: Vec<String>,
    },
    /// A known format without a column it needs.
    MissingColumn {
        format: &'static str,
        column: &'static str,
    },
    /// The column mapping names a column the file does not have.
    MissingMappedColumn {
        field: &'static str,
        column: String,
    },
    /// Rows were read, but none gave a ticket; the first problem (by row) says why.
    NoTickets {
        problems: usize,
        first: Option<RowProblem>,
    },
}

impl ImportError {
    /// A stable code for callers (CLI, JS) to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Empty => "empty",
            ImportError::TooLarge { .. } => "too-large",
            ImportError::NotText { .. } => "not-text",
            ImportError::NoRows => "no-rows",
            ImportError::Csv { .. } => "bad-csv",
            ImportError::UnknownFormat { .. } => "unknown-format",
            ImportError::MissingColumn { .. } => "missing-column",
            ImportError::MissingMappedColumn { .. } => "missing-column",
            ImportError::NoTickets { .. } => "no-tickets",
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "the file is empty: export the ticket log again"),
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "the file is {bytes} bytes, more than the {limit} a ticket log may have; export a shorter period"
            ),
            ImportError::NotText { offset } => write!(
                f,
                "the file is not text (byte {offset} is not UTF-8): export the log as CSV, not as a spreadsheet or archive"
            ),
            ImportError::NoRows => write!(f, "the file has a header but no rows"),
            ImportError::Csv { row, message } => write!(f, "row {row}: {message}"),
            ImportError::UnknownFormat { columns } => {
                let shown: Vec<&str> = columns.iter().take(8).map(String::as_str).collect();
                write!(
                    f,
                    "the header ({}{}) is not one of a known ticket export (ServiceNow incident audit log, \
                     Volvo VINST / BPI 2013, Zendesk, Freshdesk, Jira Service Management); check that this is \
                     the ticket log and that its first line is the header",
                    shown.join(", "),
                    if columns.len() > shown.len() { ", …" } else { "" }
                )
            }
            ImportError::MissingColumn { format, column } => write!(
                f,
                "this looks like a {format} export but has no `{column}` column: export it with that column"
            ),
            ImportError::MissingMappedColumn { field, column } => write!(
                f,
                "the mapping reads the {field} from column `{column}`, which the file does not have: \
                 correct the mapping to one of the file's columns"
            ),
            ImportError::NoTickets { problems, first } => {
                write!(f, "no row gave a ticket ({problems} rows could not be used")?;
                match first {
                    Some(first) => write!(f, "; the first: {first})"),
                    None => write!(f, ")"),
                }
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// One row that could not be used, or was read with an assumption: its 1-based line in the file (the header
/// is line 1), the column, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RowProblem {
    pub row: u64,
    pub column: String,
    pub reason: String,
    /// True when the row was left out; false when it was used as the reason says.
    pub skipped: bool,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.skipped { "skipped" } else { "used" };
        write!(
            f,
            "row {}, column {}: {} ({what})",
            self.row, self.column, self.reason
        )
    }
}
