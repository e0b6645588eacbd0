//! Wasm tests run in headless Chromium by wasm-bindgen-test (`cargo xtask test`): the web layer's logic in a real browser.
#![cfg(target_arch = "wasm32")]

use escalator::engine::ticket::Priority;
use escalator::web::draft::{DraftError, TicketDraft};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_draft_becomes_a_ticket_created_at_the_given_utc_minute() {
    let mut draft = TicketDraft::new("refund", "2026-03-06T16:55".to_owned());
    draft.priority = Priority::High;
    draft.amount = " 750.5 ".to_owned();
    let (ticket, at) = draft.to_ticket().expect("valid draft");
    assert_eq!(ticket.category, "refund");
    assert_eq!(ticket.priority, Some(Priority::High));
    assert_eq!(ticket.amount, Some(750.5));
    assert_eq!(at.to_string(), "2026-03-06T16:55:00Z");
}

#[wasm_bindgen_test]
fn a_draft_with_a_bad_amount_says_so_and_keeps_the_text() {
    let mut draft = TicketDraft::new("refund", "2026-03-06T16:55".to_owned());
    draft.amount = "seven hundred".to_owned();
    assert_eq!(
        draft.to_ticket().unwrap_err(),
        DraftError::Amount("seven hundred".to_owned())
    );
    assert_eq!(draft.amount, "seven hundred");
}
