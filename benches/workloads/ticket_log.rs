//! A generated ticket log of 100,000 rows in the Volvo VINST shape (the larger real log): service requests
//! that queue, are accepted, wait on the user, move up and back down the support levels and complete.

use escalator::import::{read_log, Reader};

use super::Work;

pub const ROWS: usize = 100_000;

const HEADER: &str = "SR Number,Change Date+Time,Status,Sub Status,Activity,Involved ST,ST Level,SR Latest Impact,Product,Country,Resource";

/// Status, sub-status, team and level of each step a request goes through, in order; requests take the
/// first 3 to 9 of them.
const STEPS: [(&str, &str, &str, &str); 9] = [
    ("Queued", "Awaiting Assignment", "V30", "L1"),
    ("Accepted", "In Progress", "V30", "L1"),
    ("Accepted", "Wait - User", "V30", "L1"),
    ("Accepted", "In Progress", "V30", "L1"),
    ("Queued", "Awaiting Assignment", "V5 2nd", "L2"),
    ("Accepted", "In Progress", "V5 2nd", "L2"),
    ("Accepted", "In Progress", "V13 2nd 3rd", "L3"),
    ("Accepted", "In Progress", "V30", "L1"),
    ("Completed", "Resolved", "V30", "L1"),
];

/// The file, deterministic: request `n` starts `n` × 7 minutes after 2012-01-02 and takes `3 + n % 7` steps,
/// the last always `Completed`.
pub fn generate() -> String {
    let mut text = String::with_capacity(ROWS * 120);
    text.push_str(HEADER);
    text.push('\n');
    let (mut rows, mut request) = (0, 0u64);
    let start = 1_325_462_400i64;
    while rows < ROWS {
        let steps = (3 + request % 7) as usize;
        let taken = steps.min(ROWS - rows);
        for (step, planned) in STEPS.iter().take(taken).enumerate() {
            let (status, sub, team, level) = if step + 1 == steps {
                STEPS[8]
            } else {
                *planned
            };
            let at = start + request as i64 * 420 + step as i64 * 1_800;
            let when = chrono::DateTime::from_timestamp(at, 0).unwrap_or_default();
            text.push_str(&format!(
                "1-{request},{}+01:00,{status},{sub},{status}-{sub},{team},{level},Medium,PROD{},fr,fr-Agent{}\n",
                when.format("%Y-%m-%dT%H:%M:%S"),
                request % 40,
                request % 25
            ));
            rows += 1;
        }
        request += 1;
    }
    text
}

/// Reads the log into journeys and computes every metric from them.
pub fn import_and_summarize(log: &str) -> Result<Work, String> {
    let imported =
        read_log(log.as_bytes(), &Reader::default()).map_err(|error| error.to_string())?;
    let metrics = imported.metrics();
    Ok(Work {
        tickets: imported.summary.rows,
        events: imported.summary.events,
        checksum: metrics.tickets + imported.summary.reassignments,
    })
}
