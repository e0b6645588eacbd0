//! The `escalator` binary as CI runs it: exit codes, lint's text and JSON output with file:line:column, route
//! for a golden ticket, simulate and compare on a preset, and clear errors for files nobody prepared.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_escalator");
const DEFAULT_POLICY: &str = "www/presets/default.json";
const SCENARIO: &str = "www/presets/normal-week.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn escalator(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(root())
        .output()
        .expect("the escalator binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes `text` to a file of its own in the temp folder.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("escalator-cli-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    fs::write(&path, text).expect("temp file");
    path
}

const BAD_POLICY: &str = r#"{
  "schema_version": 1,
  "name": "Broken desk",
  "tiers": [{ "id": "l1", "name": "L1", "level": 1 }],
  "teams": [{ "id": "desk", "name": "Desk", "tier": "l9", "agents": 1 }],
  "routing": { "default": "nobody" }
}
"#;

#[test]
fn lint_of_a_clean_policy_exits_zero() {
    let output = escalator(&["lint", DEFAULT_POLICY]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("0 errors"), "{}", stdout(&output));
}

#[test]
fn lint_errors_exit_one_with_file_line_and_column() {
    let path = temp_file("bad-policy.json", BAD_POLICY);
    let file = path.display().to_string();
    let output = escalator(&["lint", &file]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(&format!(
            "{file}:5:53: error[unknown-tier]: unknown tier \"l9\""
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("{file}:6:27: error[unknown-team]")),
        "{text}"
    );
    assert!(text.contains("2 errors"), "{text}");
}

#[test]
fn lint_json_lists_every_finding_with_its_position() {
    let path = temp_file("bad-policy-json.json", BAD_POLICY);
    let output = escalator(&["lint", &path.display().to_string(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON output");
    assert_eq!(report["errors"], 2);
    let first = &report["diagnostics"][0];
    assert_eq!(first["code"], "unknown-tier");
    assert_eq!(first["path"], "teams[0].tier");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(5), Some(53))
    );
}

#[test]
fn unreadable_policies_exit_two_with_a_located_error_and_help() {
    let path = temp_file(
        "truncated.json",
        "{\n  \"schema_version\": 1,\n  \"teams\": [\n",
    );
    let output = escalator(&["lint", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("error[policy-syntax]"), "{message}");
    assert!(message.contains(":4:"), "{message}");
    assert!(message.contains("help:"), "{message}");

    let wrong_type = temp_file(
        "wrong-type.json",
        &BAD_POLICY.replace("\"agents\": 1", "\"agents\": \"one\""),
    );
    let output = escalator(&[
        "lint",
        &wrong_type.display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON output");
    assert_eq!(report["error"]["path"], "teams[0].agents");

    let output = escalator(&["lint", "no/such/policy.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot read"),
        "{}",
        stderr(&output)
    );

    let binary = temp_file("binary.json", "\u{0}\u{1}");
    let output = escalator(&["lint", &binary.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn route_prints_the_decision_and_trace_for_a_golden_ticket() {
    let ticket = r#"{"category": "payment_failure", "priority": "high", "channel": "email"}"#;
    let output = escalator(&[
        "route",
        DEFAULT_POLICY,
        "--ticket",
        ticket,
        "--at",
        "2026-03-06T16:55:00Z",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("team: Billing and finance (billing)"),
        "{text}"
    );
    assert!(
        text.contains("decided by: matrix payment_failure×*"),
        "{text}"
    );
    assert!(
        text.contains("first response due 2026-03-06 17:55 (Europe/London)"),
        "{text}"
    );
    assert!(
        text.contains("matrix payment_failure×*: matched → billing"),
        "{text}"
    );

    let ticket_file = temp_file("ticket.json", ticket);
    let output = escalator(&[
        "route",
        DEFAULT_POLICY,
        "--ticket",
        &ticket_file.display().to_string(),
        "--at",
        "2026-03-06T16:55:00Z",
        "--format",
        "json",
    ]);
    let decision: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(decision["team"], "billing");
    assert_eq!(decision["zone"], "Europe/London");
    assert_eq!(decision["sla"]["targets"][0]["due"], "2026-03-06T17:55:00Z");
}

#[test]
fn route_rejects_a_bad_ticket_or_instant_clearly() {
    let output = escalator(&[
        "route",
        DEFAULT_POLICY,
        "--ticket",
        r#"{"category": "billing", "channel": "fax"}"#,
    ]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("<ticket>:1:"), "{message}");
    assert!(message.contains("at: channel"), "{message}");

    let output = escalator(&[
        "route",
        DEFAULT_POLICY,
        "--ticket",
        r#"{"category": "billing", "channel": "email"}"#,
        "--at",
        "next tuesday",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("RFC 3339"), "{}", stderr(&output));
}

/// A preset document as JSON, to change before writing it out.
fn preset(path: &str) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(root().join(path)).expect("preset")).expect("JSON")
}

/// The normal-week scenario shortened to two days, so the test stays quick.
fn short_scenario() -> PathBuf {
    let mut scenario = preset(SCENARIO);
    scenario["workload"]["horizon"] = 2.into();
    scenario["policy"] = "default".into();
    temp_file("short-week.json", &scenario.to_string())
}

#[test]
fn simulate_prints_headline_metrics_with_intervals() {
    let scenario = short_scenario();
    let output = escalator(&[
        "simulate",
        DEFAULT_POLICY,
        &scenario.display().to_string(),
        "--replications",
        "3",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("3 replication(s)"), "{text}");
    assert!(text.contains("Escalation rate"), "{text}");
    assert!(text.contains("± 95%"), "{text}");

    let output = escalator(&[
        "simulate",
        DEFAULT_POLICY,
        &scenario.display().to_string(),
        "--replications",
        "2",
        "--json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(report["replications"], 2);
    assert_eq!(report["metrics"].as_array().map(Vec::len), Some(2));
    assert_eq!(report["estimates"][0]["id"], "escalation_rate");
}

#[test]
fn compare_sets_baseline_against_variant_with_intervals() {
    let scenario = short_scenario();
    let mut policy = preset(DEFAULT_POLICY);
    policy["teams"][0]["agents"] = 1.into();
    let variant = temp_file("one-agent.json", &policy.to_string());
    let output = escalator(&[
        "compare",
        DEFAULT_POLICY,
        &variant.display().to_string(),
        "--scenario",
        &scenario.display().to_string(),
        "--replications",
        "3",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let comparison: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(comparison["baseline_replications"], 3);
    assert!(comparison["changes"]
        .as_array()
        .is_some_and(|changes| changes
            .iter()
            .any(|change| change["id"] == "escalation_rate")));
}

#[test]
fn absurd_scenarios_are_refused_before_work_starts() {
    let mut scenario = preset(SCENARIO);
    scenario["workload"]["horizon"] = 36_500.into();
    let path = temp_file("century.json", &scenario.to_string());
    let output = escalator(&["simulate", DEFAULT_POLICY, &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("too-large"), "{}", stderr(&output));
}

const SMALL_SERVICENOW_LOG: &str =
    "number,incident_state,sys_mod_count,made_sla,opened_at,sys_updated_at,assignment_group\n\
INC1,New,0,TRUE,29-02-2016 01:16,29-02-2016 01:20,Group 1\n\
INC1,Active,1,TRUE,29-02-2016 01:16,29-02-2016 02:00,Group 2\n\
INC1,Resolved,2,FALSE,29-02-2016 01:16,29-02-2016 09:00,Group 2\n\
INC2,New,0,TRUE,29-02-2016 03:00,31/02/2016 03:05,Group 1\n\
INC2,Resolved,1,TRUE,29-02-2016 03:00,29-02-2016 04:00,Group 1\n";

#[test]
fn import_reads_a_ticket_log_and_names_the_rows_it_could_not_use() {
    let log = temp_file("incidents.csv", SMALL_SERVICENOW_LOG);
    let output = escalator(&["import", log.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("ServiceNow incident audit log (5 rows; 4 used, 1 skipped)"),
        "{text}"
    );
    assert!(text.contains("2 tickets"), "{text}");
    assert!(text.contains("1 reassignments over 1 tickets"), "{text}");
    assert!(
        text.contains(":5: column sys_updated_at: unknown date `31/02/2016 03:05` (skipped)"),
        "{text}"
    );
    assert!(text.contains("Escalation rate"), "{text}");

    let output = escalator(&["import", log.to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(report["summary"]["tickets"], 2);
    assert_eq!(report["summary"]["sla_missed"], 1);
    assert_eq!(report["problems"][0]["row"], 5);
    assert_eq!(report["metrics"]["escalation"]["rate"], 0.5);
}

#[test]
fn import_reads_times_in_the_zone_it_is_given() {
    let log = temp_file("incidents-zoned.csv", SMALL_SERVICENOW_LOG);
    let path = log.to_str().unwrap();
    let output = escalator(&["import", path, "--zone", "+02:00", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(report["summary"]["zone"], "+02:00");
    assert_eq!(report["summary"]["first_created"], "2016-02-28T23:16:00Z");
    let output = escalator(&["import", path, "--zone", "Mars/Olympus"]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("--zone \"Mars/Olympus\" is not a time zone"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn import_refuses_a_file_that_is_no_ticket_log() {
    let other = temp_file("prices.csv", "name,price\nwidget,3\n");
    let output = escalator(&["import", other.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("error[unknown-format]"),
        "{}",
        stderr(&output)
    );
    let output = escalator(&["import", other.to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(report["error"]["code"], "unknown-format");
    let log = temp_file("incidents2.csv", SMALL_SERVICENOW_LOG);
    let output = escalator(&["import", log.to_str().unwrap(), "--log-format", "kayako"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("use one of: servicenow, volvo, zendesk, freshdesk, jira"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn import_reads_any_event_log_through_a_mapping() {
    let log = temp_file("cases.csv", "Case,When,Queue,Level,State\nC1,2024-03-04 09:00,Desk,L1,Open\nC1,2024-03-04 10:00,Experts,L2,Solved\n");
    let mapping = temp_file(
        "mapping.json",
        r#"{"id": "Case", "timestamp": "When", "team": "Queue", "tier": "Level", "status": "State"}"#,
    );
    let output = escalator(&[
        "import",
        log.to_str().unwrap(),
        "--mapping",
        mapping.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("1 moves up a level"),
        "{}",
        stdout(&output)
    );
    let output = escalator(&[
        "import",
        log.to_str().unwrap(),
        "--mapping",
        r#"{"id": "Case", "when": "When"}"#,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown field `when`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn import_draws_a_scenario_that_simulate_runs() {
    let log = temp_file("drawn.csv", SMALL_SERVICENOW_LOG);
    let out = log.with_file_name("drawn.scenario.json");
    let output = escalator(&[
        "import",
        log.to_str().unwrap(),
        "--scenario",
        out.to_str().unwrap(),
        "--growth",
        "1.5",
        "--policy",
        DEFAULT_POLICY,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let scenario: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&out).expect("written")).expect("JSON");
    assert_eq!(
        scenario["workload"]["start"], "2016-03-07T00:00:00Z",
        "the Monday after the last ticket"
    );
    assert_eq!(
        scenario["workload"]["arrivals"]["hour_of_week"]
            .as_array()
            .map(Vec::len),
        Some(168)
    );
    let output = escalator(&[
        "simulate",
        DEFAULT_POLICY,
        out.to_str().unwrap(),
        "--replications",
        "1",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = escalator(&[
        "import",
        log.to_str().unwrap(),
        "--scenario",
        out.to_str().unwrap(),
        "--growth=-1",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--growth -1: give a factor above 0"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn replay_sets_the_log_as_observed_against_the_policy_as_simulated() {
    let log = temp_file("replayed.csv", SMALL_SERVICENOW_LOG);
    let output = escalator(&["replay", log.to_str().unwrap(), DEFAULT_POLICY]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("2 tickets as observed, and through"),
        "{text}"
    );
    assert!(text.contains("observed  replayed"), "{text}");
    assert!(text.contains("Escalation rate"), "{text}");
    assert!(
        text.contains("general_support: the log's stays with all its teams"),
        "{text}"
    );

    let output = escalator(&[
        "replay",
        log.to_str().unwrap(),
        DEFAULT_POLICY,
        "--scenario",
        short_scenario().to_str().unwrap(),
        "--replications",
        "3",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(report["observed"]["tickets"], 2);
    assert_eq!(report["replications"].as_array().map(Vec::len), Some(3));
    assert_eq!(report["comparison"]["baseline_replications"], 1);
    let rate = report["comparison"]["changes"]
        .as_array()
        .and_then(|changes| changes.iter().find(|c| c["id"] == "escalation_rate"))
        .expect("the escalation rate");
    assert_eq!(
        rate["baseline_mean"], 0.5,
        "one of the two tickets was reassigned"
    );

    let output = escalator(&["replay", log.to_str().unwrap(), "README.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("README.md:1:1"),
        "{}",
        stderr(&output)
    );
}
