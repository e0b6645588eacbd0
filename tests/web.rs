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

mod workspace {
    use std::rc::Rc;

    use escalator::engine::policy::Policy;
    use escalator::sim::Scenario;
    use escalator::web::draft::TicketDraft;
    use escalator::web::share;
    use escalator::web::state::{Action, PlaygroundState, Workspace};
    use wasm_bindgen_test::*;
    use yew::Reducible;

    fn workspace() -> Workspace {
        Workspace {
            preset: "normal-week".to_owned(),
            policy: Policy::from_json(include_str!("../www/presets/default.json")).expect("policy"),
            scenario: Scenario::from_json(include_str!("../www/presets/normal-week.json"))
                .expect("scenario"),
            draft: TicketDraft::new("billing", "2026-03-06T16:55".to_owned()),
            condition_drafts: Default::default(),
            policy_json_draft: None,
        }
    }

    fn set_agents(agents: u32) -> Action {
        Action::edit("teams/0/agents", move |w: &mut Workspace| {
            w.policy.teams[0].agents = agents
        })
    }

    #[wasm_bindgen_test]
    fn typing_into_one_field_is_one_undo_step_and_redo_reapplies_it() {
        let state = Rc::new(PlaygroundState::new(workspace()));
        let original = state.workspace.policy.teams[0].agents;
        let state = state.reduce(set_agents(7)).reduce(set_agents(70));
        assert_eq!(state.workspace.policy.teams[0].agents, 70);
        let undone = state.reduce(Action::Undo);
        assert_eq!(
            undone.workspace.policy.teams[0].agents, original,
            "both keystrokes undo together"
        );
        assert!(!undone.can_undo());
        let redone = undone.reduce(Action::Redo);
        assert_eq!(redone.workspace.policy.teams[0].agents, 70);
    }

    #[wasm_bindgen_test]
    fn undo_leaves_the_ticket_being_tried_alone_and_recompiles_the_policy() {
        let state = Rc::new(PlaygroundState::new(workspace()));
        let state = state.reduce(Action::edit("routing/default", |w: &mut Workspace| {
            w.policy.routing.default = "no_such_team".to_owned();
        }));
        assert!(
            state.policy().is_none(),
            "an unknown default team does not compile"
        );
        let mut draft = state.workspace.draft.clone();
        draft.category = "refund".to_owned();
        let state = state.reduce(Action::SetDraft(draft));
        let undone = state.reduce(Action::Undo);
        assert!(
            undone.policy().is_some(),
            "undo brings back the compiling policy"
        );
        assert_eq!(undone.workspace.draft.category, "refund");
    }

    #[wasm_bindgen_test]
    fn a_share_fragment_round_trips_the_workspace_and_bad_ones_say_why() {
        let mut original = workspace();
        original.policy.teams[1].agents = 42;
        original
            .condition_drafts
            .insert("rules/0".to_owned(), "category ==".to_owned());
        let fragment = share::encode(&original);
        assert!(fragment.starts_with("w="));
        assert_eq!(
            share::decode(&fragment)
                .expect("a share link")
                .expect("valid"),
            original
        );
        assert!(
            share::decode("section-matrix").is_none(),
            "an ordinary anchor is not a share link"
        );
        assert_eq!(
            share::decode("w=%%%").expect("a share link"),
            Err(share::ShareError::NotBase64)
        );
        assert_eq!(
            share::decode("w=AAAA").expect("a share link"),
            Err(share::ShareError::NotDeflate)
        );
    }
}
