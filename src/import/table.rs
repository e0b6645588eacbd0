//! A CSV file as a header and rows of text with their line numbers, whatever its byte-order mark, line
//! endings and delimiter (`,`, `;`, tab or `|`, found from the header line), read with the `csv` crate.

use super::error::{ImportError, RowProblem};

/// The largest file read (the Volvo log is 11 MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The longest cell kept; a longer one is a row problem, not a reason to hold the whole cell.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

/// One data row: its line in the file and its cells (one allocation per row, not per cell).
pub struct Row {
    pub line: u64,
    pub cells: csv::StringRecord,
}

pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    pub delimiter: u8,
}

impl Table {
    /// The index of `name` among the columns (exact, then ignoring case and surrounding spaces).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name).or_else(|| {
            self.columns
                .iter()
                .position(|c| c.trim().eq_ignore_ascii_case(name))
        })
    }
}

/// Rows read between two progress reports.
const PROGRESS_EVERY_ROWS: usize = 8_192;

impl Table {
    /// The indices of `names`, which a `format` export must have, or the first one missing.
    pub fn required<const N: usize>(
        &self,
        format: &'static str,
        names: [&'static str; N],
    ) -> Result<[usize; N], ImportError> {
        let mut found = [0; N];
        for (slot, name) in found.iter_mut().zip(names) {
            *slot = self.column(name).ok_or(ImportError::MissingColumn {
                format,
                column: name,
            })?;
        }
        Ok(found)
    }
}

/// Reads `bytes` as CSV, reporting the share of bytes read. Rows with a different number of cells than the
/// header, or an over-long cell, are left out and reported in `problems`.
pub fn read(
    bytes: &[u8],
    problems: &mut Vec<RowProblem>,
    on_progress: &mut dyn FnMut(f64),
) -> Result<Table, ImportError> {
    let text = as_text(bytes)?;
    let delimiter = detect_delimiter(text);
    let mut reader = csv_reader(text, delimiter);
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(record)) => record,
        Some(Err(error)) => return Err(csv_error(&error)),
        None => return Err(ImportError::Empty),
    };
    let columns: Vec<String> = header.iter().map(|c| c.trim().to_owned()).collect();
    let mut rows = Vec::new();
    let mut lines = LineCounter::default();
    for (index, record) in records.enumerate() {
        let record = record.map_err(|error| csv_error(&error))?;
        if index % PROGRESS_EVERY_ROWS == 0 {
            let read = record.position().map_or(0, |position| position.byte());
            on_progress(read as f64 / text.len().max(1) as f64);
        }
        let line = record
            .position()
            .map_or(0, |position| lines.line_at(text, position.byte()));
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if let Some((index, cell)) = record
            .iter()
            .enumerate()
            .find(|(_, cell)| cell.len() > MAX_CELL_BYTES)
        {
            problems.push(RowProblem {
                row: line,
                column: columns.get(index).cloned().unwrap_or_else(|| format!("#{}", index + 1)),
                reason: format!(
                    "a cell of {} bytes is longer than the {MAX_CELL_BYTES} a ticket-log field may have",
                    cell.len()
                ),
                skipped: true,
            });
            continue;
        }
        if record.len() != columns.len() {
            problems.push(RowProblem {
                row: line,
                column: "(row)".to_owned(),
                reason: format!(
                    "{} cells where the header has {} columns (a delimiter or quote inside a field?)",
                    record.len(),
                    columns.len()
                ),
                skipped: true,
            });
            continue;
        }
        rows.push(Row {
            line,
            cells: record,
        });
    }
    if rows.is_empty() && problems.is_empty() {
        return Err(ImportError::NoRows);
    }
    Ok(Table {
        columns,
        rows,
        delimiter,
    })
}

/// The file's header: its column names, trimmed, after the same checks `read` makes.
pub fn header(bytes: &[u8]) -> Result<Vec<String>, ImportError> {
    let text = as_text(bytes)?;
    let mut reader = csv_reader(text, detect_delimiter(text));
    match reader.records().next() {
        Some(Ok(record)) => Ok(record.iter().map(|c| c.trim().to_owned()).collect()),
        Some(Err(error)) => Err(csv_error(&error)),
        None => Err(ImportError::Empty),
    }
}

/// `bytes` as text, without its byte-order mark: refused when too large, empty, or not UTF-8 text.
fn as_text(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|error| ImportError::NotText {
        offset: error.valid_up_to(),
    })?;
    if let Some(offset) = text.find('\0') {
        return Err(ImportError::NotText { offset });
    }
    Ok(text)
}

fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes())
}

/// Line numbers from byte offsets, counting `\n` (so `\r\n` files number their lines as editors do).
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: u64,
}

impl LineCounter {
    /// The 1-based line of byte `offset`; offsets must not decrease between calls.
    fn line_at(&mut self, text: &str, offset: u64) -> u64 {
        let bytes = text.as_bytes();
        let mut offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(text.len());
        // After a `\r`, the reader places the next record at the `\n` that ends the line.
        while bytes
            .get(offset)
            .is_some_and(|byte| *byte == b'\n' || *byte == b'\r')
        {
            offset += 1;
        }
        if offset > self.offset {
            let newlines = bytes[self.offset..offset]
                .iter()
                .filter(|byte| **byte == b'\n')
                .count();
            self.line += newlines as u64;
            self.offset = offset;
        }
        self.line + 1
    }
}

/// The delimiter that splits the header line into the most fields, outside quotes.
fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |delimiter: char| {
        let mut quoted = false;
        header
            .chars()
            .filter(|c| {
                if *c == '"' {
                    quoted = !quoted;
                }
                !quoted && *c == delimiter
            })
            .count()
    };
    [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|d| (count(char::from(*d)), *d == b','))
        .unwrap_or(b',')
}

fn csv_error(error: &csv::Error) -> ImportError {
    let row = error.position().map_or(0, |position| position.line());
    ImportError::Csv {
        row,
        message: format!("the CSV cannot be read: {error}"),
    }
}
