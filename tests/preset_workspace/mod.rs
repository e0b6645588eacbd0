//! The default preset policy and the normal week scenario as a workspace, shared by the workspace and
//! playground tests.

use escalator::engine::policy::Policy;
use escalator::sim::Scenario;
use escalator::workspace::draft::TicketDraft;
use escalator::workspace::Workspace;

/// The preset workspace: default policy, normal week, a billing ticket being tried, no drafts.
pub fn workspace() -> Workspace {
    Workspace {
        preset: "normal-week".to_owned(),
        policy: Policy::from_json(include_str!("../../www/presets/default.json")).expect("policy"),
        scenario: Scenario::from_json(include_str!("../../www/presets/normal-week.json"))
            .expect("scenario"),
        draft: TicketDraft::new("billing", "2026-03-06T16:55".to_owned()),
        condition_drafts: Default::default(),
        policy_json_draft: None,
        log_mapping: None,
        time_zone: None,
    }
}
