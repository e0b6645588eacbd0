//! Malformed and odd ticket logs: each is read, or refused, with the row, column and reason a person needs to
//! fix it; nothing panics and nothing is dropped without a word.

use escalator::engine::time::Instant;
use escalator::import::{read_log, ImportError, ImportedLog, Reader, RowProblem};

const SN_HEADER: &str = "number,incident_state,sys_mod_count,made_sla,opened_at,sys_updated_at,assignment_group,category,priority,resolved_at";

/// A ServiceNow-shaped file: the header and the given rows, joined with `\n`.
fn servicenow(rows: &[&str]) -> String {
    std::iter::once(SN_HEADER)
        .chain(rows.iter().copied())
        .collect::<Vec<_>>()
        .join("\n")
}

const GOOD_ROWS: [&str; 2] = [
    "INC1,New,0,TRUE,29-02-2016 01:16,29-02-2016 01:20,Group 1,Category 5,3 - Moderate,29-02-2016 09:00",
    "INC1,Resolved,1,TRUE,29-02-2016 01:16,29-02-2016 09:00,Group 1,Category 5,3 - Moderate,29-02-2016 09:00",
];

fn reader() -> Reader {
    Reader {
        now: Instant::parse_rfc3339("2026-12-01T00:00:00Z").ok(),
        ..Reader::default()
    }
}

fn read(text: &str) -> Result<ImportedLog, ImportError> {
    read_log(text.as_bytes(), &reader())
}

fn problems(text: &str) -> Vec<RowProblem> {
    read(text).expect("the file reads").problems
}

/// The one problem of `text`: its row, column, reason (a part of it) and whether the row was left out.
fn one_problem(text: &str, row: u64, column: &str, reason: &str, skipped: bool) {
    let found = problems(text);
    assert_eq!(found.len(), 1, "{found:?}");
    let problem = &found[0];
    assert_eq!(
        (problem.row, problem.column.as_str(), problem.skipped),
        (row, column, skipped),
        "{problem}"
    );
    assert!(problem.reason.contains(reason), "{problem}");
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(read("").unwrap_err(), ImportError::Empty);
    assert_eq!(read(" \n\r\n ").unwrap_err(), ImportError::Empty);
    assert_eq!(read("\u{feff}").unwrap_err(), ImportError::Empty);
}

#[test]
fn only_a_header_is_refused() {
    assert_eq!(read(SN_HEADER).unwrap_err(), ImportError::NoRows);
    assert_eq!(
        read(&format!("{SN_HEADER}\n\n")).unwrap_err(),
        ImportError::NoRows
    );
}

#[test]
fn binary_junk_is_not_text() {
    let junk = [0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x12];
    let error = read_log(&junk, &reader()).unwrap_err();
    assert_eq!(error, ImportError::NotText { offset: 4 });
    assert!(error.to_string().contains("export the log as CSV"));
    assert_eq!(
        read("number\0,state").unwrap_err(),
        ImportError::NotText { offset: 6 }
    );
}

#[test]
fn a_file_that_is_no_ticket_log_says_which_columns_it_has() {
    let error = read("name,price\nwidget,3").unwrap_err();
    assert_eq!(error.code(), "unknown-format");
    assert!(error.to_string().contains("name, price"), "{error}");
}

#[test]
fn a_known_format_without_a_needed_column_names_it() {
    let text = "number,incident_state,opened_at,sys_updated_at\nINC1,New,29-02-2016 01:16,29-02-2016 01:16";
    assert_eq!(
        read(text).unwrap_err(),
        ImportError::MissingColumn {
            format: "ServiceNow incident audit log",
            column: "assignment_group"
        }
    );
}

#[test]
fn semicolons_tabs_and_pipes_are_found_from_the_header() {
    for delimiter in [";", "\t", "|"] {
        let text = servicenow(&GOOD_ROWS).replace(',', delimiter);
        let log = read(&text).expect("reads");
        assert_eq!(
            (log.summary.tickets, log.summary.delimiter.as_str()),
            (1, delimiter)
        );
    }
}

#[test]
fn a_byte_order_mark_and_windows_line_endings_change_nothing() {
    let plain = read(&servicenow(&GOOD_ROWS)).expect("reads");
    let windows = format!(
        "\u{feff}{}\r\n",
        servicenow(&GOOD_ROWS).replace('\n', "\r\n")
    );
    let log = read(&windows).expect("reads");
    assert_eq!(log.journeys, plain.journeys);
    let bad = servicenow(&[
        GOOD_ROWS[0],
        "INC2,New,0,TRUE,31/02/2016 10:00,29-02-2016 01:20,G,C,3,?",
    ])
    .replace('\n', "\r\n");
    one_problem(
        &bad,
        3,
        "opened_at",
        "unknown date `31/02/2016 10:00`",
        true,
    );
}

#[test]
fn an_impossible_date_is_named_with_its_row_and_column() {
    let text = servicenow(&[
        GOOD_ROWS[0],
        "INC1,Active,1,TRUE,29-02-2016 01:16,31/02/2016 10:00,Group 1,C,3,?",
    ]);
    one_problem(
        &text,
        3,
        "sys_updated_at",
        "unknown date `31/02/2016 10:00`",
        true,
    );
}

#[test]
fn a_month_name_with_letters_beyond_ascii_is_an_unknown_date_not_a_crash() {
    // Found by the ticket_log fuzz target: a byte-order mark inside a date's month, where three bytes of
    // the month name fall in the middle of a character.
    let text = servicenow(&[
        GOOD_ROWS[0],
        "INC1,Active,1,TRUE,29-02-2016 01:16,12-M\u{feff}r-2016 10:00,Group 1,C,3,?",
    ]);
    one_problem(
        &text,
        3,
        "sys_updated_at",
        "unknown date `12-M\u{feff}r-2016 10:00`",
        true,
    );
    let text = servicenow(&[
        GOOD_ROWS[0],
        "INC1,Active,1,TRUE,29-02-2016 01:16,12-Mär-2016 10:00,Group 1,C,3,?",
    ]);
    one_problem(
        &text,
        3,
        "sys_updated_at",
        "unknown date `12-Mär-2016 10:00`",
        true,
    );
}

#[test]
fn mixed_date_shapes_in_one_file_are_each_read() {
    let text = servicenow(&[
        "INC1,New,0,TRUE,29-02-2016 01:16,2016-02-29T01:20:00Z,Group 1,C,3,?",
        "INC1,Resolved,1,TRUE,29/02/2016 01:16,29.02.2016 09:00,Group 1,C,3,?",
    ]);
    let log = read(&text).expect("reads");
    assert!(log.problems.is_empty(), "{:?}", log.problems);
    assert_eq!(
        log.journeys[0].resolved_at(),
        Instant::parse_rfc3339("2016-02-29T09:00:00Z").ok()
    );
}

#[test]
fn month_first_files_are_recognised_from_their_values() {
    let text = servicenow(&[
        "INC1,New,0,TRUE,02/29/2016 01:16,02/29/2016 01:20,Group 1,C,3,?",
        "INC1,Resolved,1,TRUE,02/29/2016 01:16,03/01/2016 09:00,Group 1,C,3,?",
    ]);
    let log = read(&text).expect("reads");
    assert_eq!(
        log.summary.date_order,
        escalator::import::DateOrder::MonthFirst
    );
    assert_eq!(
        log.journeys[0].created_at,
        Instant::parse_rfc3339("2016-02-29T01:16:00Z").unwrap()
    );
}

#[test]
fn a_timestamp_in_the_future_is_left_out() {
    let text = servicenow(&[
        GOOD_ROWS[0],
        "INC1,Resolved,1,TRUE,29-02-2016 01:16,01-01-2031 09:00,Group 1,C,3,?",
    ]);
    one_problem(&text, 3, "sys_updated_at", "is in the future", true);
}

#[test]
fn a_timestamp_outside_the_years_escalator_reads_is_left_out() {
    let text = servicenow(&[
        GOOD_ROWS[0],
        "INC1,Resolved,1,TRUE,29-02-2016 01:16,01-01-1900 09:00,Group 1,C,3,?",
    ]);
    one_problem(&text, 3, "sys_updated_at", "is outside 1970–2200", true);
}

#[test]
fn resolved_before_opened_leaves_the_incident_out() {
    let text = servicenow(&[
        GOOD_ROWS[0],
        GOOD_ROWS[1],
        "INC2,New,0,TRUE,29-02-2016 10:00,29-02-2016 10:01,G,C,3,28-02-2016 09:00",
    ]);
    one_problem(
        &text,
        4,
        "resolved_at",
        "resolved_at before opened_at in incident INC2",
        true,
    );
}

#[test]
fn an_update_stamped_before_the_opening_is_read_at_the_opening() {
    let text = servicenow(&[
        GOOD_ROWS[0],
        "INC1,Resolved,1,TRUE,29-02-2016 01:16,29-02-2016 01:00,Group 1,C,3,?",
    ]);
    one_problem(
        &text,
        3,
        "sys_updated_at",
        "before opened_at; read as the opening time",
        false,
    );
}

#[test]
fn the_same_row_twice_is_reported_once_and_used_once() {
    let text = servicenow(&[GOOD_ROWS[0], GOOD_ROWS[0], GOOD_ROWS[1]]);
    one_problem(&text, 3, "number", "the same row of INC1 again", true);
}

#[test]
fn a_twenty_megabyte_cell_is_refused_without_keeping_it() {
    let huge = "x".repeat(20 * 1024 * 1024);
    let text = servicenow(&[
        GOOD_ROWS[0],
        &format!("INC2,New,0,TRUE,29-02-2016 01:16,29-02-2016 01:20,G,{huge},3,?"),
    ]);
    one_problem(&text, 3, "category", "a cell of 20971520 bytes", true);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let bytes = vec![b'a'; escalator::import::MAX_FILE_BYTES + 1];
    assert_eq!(read_log(&bytes, &reader()).unwrap_err().code(), "too-large");
}

#[test]
fn a_row_with_too_few_cells_is_named() {
    let text = servicenow(&[GOOD_ROWS[0], "INC1,Active", GOOD_ROWS[1]]);
    one_problem(
        &text,
        3,
        "(row)",
        "2 cells where the header has 10 columns",
        true,
    );
}

#[test]
fn an_unclosed_quote_swallows_the_rest_and_says_so() {
    let text = servicenow(&[GOOD_ROWS[0], "INC1,\"Active,1,TRUE", GOOD_ROWS[1]]);
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].row, found[0].column.as_str()), (3, "(row)"));
}

#[test]
fn a_row_without_an_incident_number_is_left_out() {
    let text = servicenow(&[
        GOOD_ROWS[0],
        ",New,0,TRUE,29-02-2016 01:16,29-02-2016 01:20,G,C,3,?",
    ]);
    one_problem(&text, 3, "number", "no incident number", true);
}

#[test]
fn a_missing_opening_date_leaves_the_incident_out() {
    let text = servicenow(&[GOOD_ROWS[0], "INC2,New,0,TRUE,?,29-02-2016 01:20,G,C,3,?"]);
    one_problem(&text, 3, "opened_at", "no date", true);
}

#[test]
fn an_unknown_state_is_reported_and_the_row_still_used() {
    let text = servicenow(&[
        GOOD_ROWS[0],
        "INC1,Frozen,1,TRUE,29-02-2016 01:16,29-02-2016 02:00,Group 2,C,3,?",
    ]);
    one_problem(
        &text,
        3,
        "incident_state",
        "unknown incident_state `Frozen`",
        false,
    );
    let log = read(&text).expect("reads");
    assert_eq!(
        log.summary.reassignments, 1,
        "its group change still counts"
    );
}

#[test]
fn true_and_false_are_read_in_any_case() {
    let text = servicenow(&[GOOD_ROWS[0], &GOOD_ROWS[1].replace("TRUE", "false")]);
    assert_eq!(read(&text).expect("reads").summary.sla_missed, Some(1));
    let text = servicenow(&[GOOD_ROWS[0], &GOOD_ROWS[1].replace("TRUE", "true")]);
    assert_eq!(read(&text).expect("reads").summary.sla_missed, Some(0));
}

#[test]
fn a_file_where_no_row_gives_a_ticket_is_refused_with_the_count() {
    let text = servicenow(&[
        "INC1,New,0,TRUE,?,?,G,C,3,?",
        "INC2,New,0,TRUE,nonsense,?,G,C,3,?",
    ]);
    let error = read(&text).unwrap_err();
    assert!(
        matches!(&error, ImportError::NoTickets { problems: 2, first: Some(first) } if first.row == 2 && first.column == "opened_at"),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .contains("the first: row 2, column opened_at: no date (skipped)"),
        "{error}"
    );
}

#[test]
fn quoted_fields_with_delimiters_and_quotes_inside_are_one_cell() {
    let text = servicenow(&[
        "INC1,New,0,TRUE,29-02-2016 01:16,29-02-2016 01:20,\"Group, \"\"North\"\"\",C,3,?",
        "INC1,Resolved,1,TRUE,29-02-2016 01:16,29-02-2016 09:00,\"Group, \"\"North\"\"\",C,3,?",
    ]);
    let log = read(&text).expect("reads");
    assert!(log.problems.is_empty());
    let teams = log.run_context().teams;
    assert_eq!(teams[0].team, "Group, \"North\"");
}

const VOLVO_HEADER: &str =
    "SR Number,Change Date+Time,Status,Sub Status,Involved ST,ST Level,SR Latest Impact,Product";

fn volvo(rows: &[&str]) -> String {
    std::iter::once(VOLVO_HEADER)
        .chain(rows.iter().copied())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn volvo_an_unknown_level_counts_the_move_as_sideways() {
    let text = volvo(&[
        "1-1,2010-03-31T15:59:42+01:00,Accepted,In Progress,V30,L1,Medium,P1",
        "1-1,2010-03-31T16:30:00+01:00,Accepted,In Progress,V5 3rd,Lx,Medium,P1",
        "1-1,2010-03-31T17:00:00+01:00,Completed,Resolved,V5 3rd,Lx,Medium,P1",
    ]);
    let found = problems(&text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].row, found[0].column.as_str()), (3, "ST Level"));
    assert!(found[0].reason.contains("unknown support level `Lx`"));
    assert!(!found[0].skipped);
    let log = read(&text).expect("reads");
    assert_eq!((log.summary.moves_up, log.summary.reassignments), (0, 1));
}

#[test]
fn volvo_an_unknown_status_is_reported() {
    let text = volvo(&[
        "1-1,2010-03-31T15:59:42+01:00,Accepted,In Progress,V30,L1,Medium,P1",
        "1-1,2010-03-31T16:30:00+01:00,Paused,Waiting,V30,L1,Medium,P1",
    ]);
    one_problem(&text, 3, "Status", "unknown Status `Paused`", false);
}

#[test]
fn volvo_up_then_back_down_is_one_escalation_and_one_ping_pong() {
    let text = volvo(&[
        "1-1,2010-03-31T15:59:42+01:00,Accepted,In Progress,V30,L1,Medium,P1",
        "1-1,2010-03-31T16:30:00+01:00,Queued,Awaiting Assignment,V5 2nd,L2,Medium,P1",
        "1-1,2010-03-31T17:00:00+01:00,Accepted,Wait - User,V30,L1,Medium,P1",
        "1-1,2010-03-31T18:00:00+01:00,Completed,Resolved,V30,L1,Medium,P1",
    ]);
    let log = read(&text).expect("reads");
    let summary = &log.summary;
    assert_eq!(
        (
            summary.moves_up,
            summary.ping_pong_moves,
            summary.tickets_with_ping_pong
        ),
        (1, 1, 1)
    );
    let metrics = log.metrics();
    assert_eq!(metrics.escalation.tickets_escalated, 1);
    assert_eq!(
        metrics.first_contact_resolution.first_contact, 0,
        "waited on the user and was escalated"
    );
}
