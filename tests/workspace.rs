//! The workspace document natively: version-1 autosaves, exports and share links (frozen fixtures made
//! before versions existed) open unchanged in meaning; newer versions are refused in words; drafts and
//! share links round-trip.

use escalator::engine::ticket::Priority;
use escalator::workspace::draft::{DraftError, TicketDraft};
use escalator::workspace::{share, Workspace, WorkspaceError, WORKSPACE_VERSION};

mod preset_workspace;

/// What the version-1 fixtures in `tests/fixtures` hold.
fn fixture_workspace() -> Workspace {
    let mut workspace = preset_workspace::workspace();
    workspace.draft.category = "refund".to_owned();
    workspace.policy_json_draft =
        Some("{ \"schema_version\": 1, \"name\": \"half-typed".to_owned());
    workspace.policy.teams[1].agents = 42;
    workspace.draft.amount = "750".to_owned();
    workspace
        .condition_drafts
        .insert("rules/0".to_owned(), "category ==".to_owned());
    workspace
}

#[test]
fn a_version_1_autosave_opens_unchanged() {
    let opened = Workspace::from_json(include_str!("fixtures/workspace-v1-autosave.json"))
        .expect("a version-1 autosave opens");
    assert_eq!(opened, fixture_workspace());
}

#[test]
fn a_version_1_export_opens_unchanged() {
    let opened = Workspace::from_json(include_str!("fixtures/workspace-v1-export.json"))
        .expect("a version-1 export opens");
    assert_eq!(opened, fixture_workspace());
}

#[test]
fn a_version_1_share_link_opens_unchanged() {
    let link = include_str!("fixtures/workspace-v1-share-link.txt");
    let opened = share::decode(link.trim())
        .expect("a share link")
        .expect("a version-1 share link opens");
    assert_eq!(opened, fixture_workspace());
}

#[test]
fn the_current_version_is_written_and_read_back() {
    let workspace = fixture_workspace();
    let json = workspace.to_json();
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["schema_version"], WORKSPACE_VERSION);
    assert_eq!(Workspace::from_json(&json).expect("reads"), workspace);
    let link = share::encode(&workspace);
    assert_eq!(
        share::decode(&link).expect("a share link").expect("opens"),
        workspace
    );
}

#[test]
fn a_workspace_from_a_newer_escalator_is_refused_in_words() {
    let mut value: serde_json::Value =
        serde_json::from_str(&fixture_workspace().to_json()).expect("JSON");
    value["schema_version"] = serde_json::json!(WORKSPACE_VERSION + 1);
    value["exercise"] = serde_json::json!({"title": "a field this version does not know"});
    let error = Workspace::from_json(&value.to_string()).expect_err("newer");
    assert_eq!(
        error,
        WorkspaceError::Newer {
            found: u64::from(WORKSPACE_VERSION + 1)
        }
    );
    assert!(error.to_string().contains("made with a newer Escalator"));
}

#[test]
fn broken_workspaces_say_where() {
    let error = Workspace::from_json(r#"{"schema_version": "two"}"#).expect_err("bad version");
    assert!(matches!(&error, WorkspaceError::Shape { path, .. } if path == "schema_version"));
    let mut value: serde_json::Value =
        serde_json::from_str(&fixture_workspace().to_json()).expect("JSON");
    value["policy"]["teams"][0]["agents"] = serde_json::json!("many");
    let error = Workspace::from_json(&value.to_string()).expect_err("bad field");
    assert!(
        matches!(&error, WorkspaceError::Shape { path, .. } if path == "policy.teams[0].agents"),
        "{error:?}"
    );
    assert!(matches!(
        Workspace::from_json("{"),
        Err(WorkspaceError::NotJson { .. })
    ));
    assert!(matches!(
        Workspace::from_json("[]"),
        Err(WorkspaceError::Shape { .. })
    ));
}

#[test]
fn bad_share_links_say_why() {
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

#[test]
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

#[test]
fn a_draft_with_a_bad_amount_says_so_and_keeps_the_text() {
    let mut draft = TicketDraft::new("refund", "2026-03-06T16:55".to_owned());
    draft.amount = "seven hundred".to_owned();
    assert_eq!(
        draft.to_ticket().unwrap_err(),
        DraftError::Amount("seven hundred".to_owned())
    );
    assert_eq!(draft.amount, "seven hundred");
}

#[test]
fn links_longer_than_browsers_keep_are_refused() {
    assert!(share::fits_in_a_link(&"a".repeat(share::MAX_LINK_LENGTH)));
    assert!(!share::fits_in_a_link(
        &"a".repeat(share::MAX_LINK_LENGTH + 1)
    ));
    let ordinary = format!(
        "http://127.0.0.1:8080/#{}",
        share::encode(&fixture_workspace())
    );
    assert!(share::fits_in_a_link(&ordinary));
}

#[test]
fn a_log_mapping_is_saved_and_shared_with_the_workspace() {
    let mut workspace = fixture_workspace();
    workspace.log_mapping = Some(escalator::import::Mapping::suggest(&[
        "Case".to_owned(),
        "When".to_owned(),
        "Queue".to_owned(),
    ]));
    let json = workspace.to_json();
    assert!(
        json.contains(r#""log_mapping":{"id":"Case","timestamp":"When","team":"Queue"}"#),
        "{json}"
    );
    assert_eq!(Workspace::from_json(&json).expect("reads"), workspace);
    let link = share::encode(&workspace);
    assert_eq!(
        share::decode(&link).expect("a share link").expect("opens"),
        workspace
    );
    let mut version_2: serde_json::Value =
        serde_json::from_str(&fixture_workspace().to_json()).expect("JSON");
    version_2["schema_version"] = serde_json::json!(2);
    let opened = Workspace::from_json(&version_2.to_string()).expect("a version-2 document opens");
    assert_eq!(opened.log_mapping, None);
    assert_eq!(opened, fixture_workspace());
}

#[test]
fn impact_and_urgency_in_the_draft_give_the_matrix_priority() {
    use escalator::engine::decision::PrioritySource;
    use escalator::engine::route::route;
    use escalator::engine::ticket::Level;
    use escalator::workspace::edit::Edit;

    let mut workspace = preset_workspace::workspace();
    workspace.draft.category = "outage".to_owned();
    workspace.draft.priority = Priority::Low;
    workspace.draft.impact = Some(Level::High);
    workspace.draft.urgency = Some(Level::High);
    let decide = |workspace: &Workspace| {
        let (ticket, at) = workspace.draft.to_ticket().expect("a ticket");
        assert_eq!(
            ticket.priority, None,
            "impact and urgency replace the given priority"
        );
        let compiled = workspace.policy.compile().expect("compiles");
        let decision = route(&compiled, &ticket, at);
        (
            decision.priority,
            decision.priority_source,
            decision.team.to_string(),
        )
    };
    assert_eq!(
        decide(&workspace),
        (
            Priority::Critical,
            PrioritySource::Matrix,
            "engineering".to_owned()
        ),
        "high × high is critical: the outage × critical row sends it to engineering"
    );
    Edit::SetPriorityCell {
        impact: Level::High,
        urgency: Level::High,
        priority: Priority::High,
    }
    .apply(&mut workspace);
    assert_eq!(
        decide(&workspace),
        (
            Priority::High,
            PrioritySource::Matrix,
            "technical_support".to_owned()
        ),
        "an edited cell gives the edited priority"
    );
    workspace.draft.urgency = None;
    let (ticket, _) = workspace.draft.to_ticket().expect("a ticket");
    assert_eq!(
        ticket.priority,
        Some(Priority::Low),
        "without both, the given priority"
    );
}

#[test]
fn three_business_hours_waiting_move_a_paused_target_by_exactly_that_and_nothing_else() {
    use escalator::engine::journey::SlaTarget;
    use escalator::engine::route::route;
    use escalator::engine::sla::{clocks_after_history, WaitSpan, WaitState};
    use escalator::workspace::draft::{HistoryKind, HistoryStep};

    let step = |kind, at: &str| HistoryStep {
        kind,
        at: at.to_owned(),
        priority: None,
    };
    let after = |category: &str| {
        let mut draft = TicketDraft::new(category, "2026-03-03T10:00".to_owned());
        draft.history = vec![
            step(HistoryKind::CustomerReply, "2026-03-03T13:30"),
            step(HistoryKind::WaitingOnCustomer, "2026-03-03T10:30"),
        ];
        let policy = preset_workspace::workspace()
            .policy
            .compile()
            .expect("compiles");
        let (ticket, at) = draft.to_ticket().expect("a ticket");
        let decision = route(&policy, &ticket, at);
        let plan = decision.sla.clone().expect("an SLA policy applies");
        let events = draft.clock_events().expect("a history");
        let clocks = clocks_after_history(&policy, &plan, at, &events, &[]);
        assert_eq!(
            draft.history_clocks(&policy, &decision, at),
            Ok(Some(clocks.clone())),
            "the draft's own reading agrees"
        );
        clocks
    };
    // Billing falls to the Standard SLA: business time on UK support hours (08:00–20:00, London = UTC in
    // early March), paused while waiting. Ten-thirty to one-thirty on a Tuesday is three business hours.
    let standard = after("billing");
    assert!(standard.pauses.any());
    assert_eq!(
        standard.waiting,
        vec![WaitSpan {
            state: WaitState::WaitingOnCustomer,
            from: escalator::engine::time::Instant::parse_rfc3339("2026-03-03T10:30:00Z").unwrap(),
            to: escalator::engine::time::Instant::parse_rfc3339("2026-03-03T13:30:00Z").unwrap()
        }],
        "steps are put in time order"
    );
    for target in [SlaTarget::FirstResponse, SlaTarget::Resolution] {
        let clock = standard
            .targets
            .iter()
            .find(|t| t.target == target)
            .expect("the target");
        let (planned, due) = (clock.planned_due.expect("planned"), clock.due.expect("due"));
        assert_eq!(
            due.seconds_since(planned),
            3 * 3600,
            "{target:?} moves by the three hours"
        );
        assert_eq!(clock.paused_seconds, 3 * 3600, "{target:?}");
    }
    // An outage falls to the outage SLA, which does not pause: nothing moves.
    let outage = after("outage");
    assert!(!outage.pauses.any());
    for clock in &outage.targets {
        assert_eq!(
            clock.due, clock.planned_due,
            "{:?} does not move",
            clock.target
        );
        assert_eq!(clock.paused_seconds, 0);
    }
}
