//! Wasm tests run in headless Chromium by wasm-bindgen-test (`cargo xtask test`): the playground's reducer
//! recompiling the policy it shows (edits, undo and the workspace document are tested natively in
//! `tests/workspace_edit.rs` and `tests/workspace.rs`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod preset_workspace;

mod workspace {
    use std::rc::Rc;

    use escalator::web::state::{Action, PlaygroundState};
    use escalator::workspace::edit::Edit;
    use escalator::workspace::Workspace;
    use wasm_bindgen_test::*;
    use yew::Reducible;

    fn workspace() -> Workspace {
        super::preset_workspace::workspace()
    }

    #[wasm_bindgen_test]
    fn undo_leaves_the_ticket_being_tried_alone_and_recompiles_the_policy() {
        let state = Rc::new(PlaygroundState::new(workspace()));
        let state = state.reduce(Action::Edit(Edit::SetDefaultTeam(
            "no_such_team".to_owned(),
        )));
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
}
