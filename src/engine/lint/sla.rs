//! Lint checks on SLA policies: fallback, targets, warnings and breach ladders.

use super::{Findings, Index, Severity};
use crate::engine::journey::SlaTarget;
use crate::engine::policy::bridge;
use crate::engine::ticket::Priority;

pub(super) fn check(index: &Index, findings: &mut Findings) {
    let policies = &index.policy.sla_policies;
    match policies.iter().position(|sla| sla.when.is_none()) {
        None if !policies.is_empty() => findings.add(
            Severity::Warning,
            "no-sla-fallback",
            "sla_policies".to_owned(),
            "no SLA policy without `when`: tickets no condition matches get no SLA".to_owned(),
        ),
        None => findings.add(
            Severity::Info,
            "no-sla-policies",
            "sla_policies".to_owned(),
            "the policy promises no SLA".to_owned(),
        ),
        Some(fallback) => {
            for (position, unused) in policies.iter().enumerate().skip(fallback + 1) {
                findings.add(
                    Severity::Warning,
                    "sla-after-fallback",
                    format!("sla_policies[{position}]"),
                    format!(
                        "SLA policy {:?} is never used: the fallback sla_policies[{fallback}] comes before it",
                        unused.id
                    ),
                );
            }
        }
    }
    for (position, sla) in policies.iter().enumerate() {
        let path = format!("sla_policies[{position}]");
        targets(sla, &path, findings);
        warnings(&sla.warnings, &path, findings);
        breach_ladder(sla, &path, findings);
    }
}

fn targets(sla: &crate::engine::policy::SlaPolicy, path: &str, findings: &mut Findings) {
    let mut previous: Option<(Priority, i64)> = None;
    for priority in Priority::ALL {
        let written = sla.targets.for_priority(priority);
        let target_path = format!("{path}.targets.{priority}");
        let first_response = bridge::duration_seconds(&written.first_response);
        let resolution = bridge::duration_seconds(&written.resolution);
        if resolution < first_response {
            findings.add(
                Severity::Warning,
                "resolution-before-first-response",
                format!("{target_path}.resolution"),
                format!(
                    "resolution target {} is shorter than the first-response target {}",
                    bridge::duration_text(&written.resolution),
                    bridge::duration_text(&written.first_response)
                ),
            );
        }
        for (name, duration) in [
            ("first_response", Some(&written.first_response)),
            ("next_update", written.next_update.as_ref()),
            ("resolution", Some(&written.resolution)),
            ("first_assign", written.first_assign.as_ref()),
        ] {
            if duration.is_some_and(|duration| bridge::duration_seconds(duration) == 0) {
                findings.add(
                    Severity::Warning,
                    "zero-target",
                    format!("{target_path}.{name}"),
                    "a zero target is breached the moment the ticket arrives".to_owned(),
                );
            }
        }
        if let Some(first_assign) = &written.first_assign {
            if bridge::duration_seconds(first_assign) > first_response {
                findings.add(
                    Severity::Warning,
                    "first-assign-after-first-response",
                    format!("{target_path}.first_assign"),
                    format!(
                        "first-assign target {} is longer than the first-response target {}: an agent must pick the ticket up before answering it",
                        bridge::duration_text(first_assign),
                        bridge::duration_text(&written.first_response)
                    ),
                );
            }
        }
        if let Some((more_urgent, urgent_resolution)) = previous {
            if resolution < urgent_resolution {
                findings.add(
                    Severity::Warning,
                    "targets-out-of-order",
                    format!("{target_path}.resolution"),
                    format!(
                        "{priority} tickets must be resolved sooner than {more_urgent} tickets: priorities look swapped"
                    ),
                );
            }
        }
        previous = Some((priority, resolution));
    }
}

fn warnings(percentages: &[u32], path: &str, findings: &mut Findings) {
    for (position, &percent) in percentages.iter().enumerate() {
        let warning_path = format!("{path}.warnings[{position}]");
        if percent == 0 || percent >= 100 {
            findings.add(
                Severity::Error,
                "warning-out-of-range",
                warning_path,
                format!(
                    "a warning at {percent}% makes no sense: warnings come before the breach (1–99%); the breach ladder handles 100%"
                ),
            );
        } else if position > 0 && percent <= percentages[position - 1] {
            findings.add(
                Severity::Warning,
                "warnings-not-increasing",
                warning_path,
                format!(
                    "warning percentages should increase: {percent}% follows {}%",
                    percentages[position - 1]
                ),
            );
        }
    }
}

fn breach_ladder(sla: &crate::engine::policy::SlaPolicy, path: &str, findings: &mut Findings) {
    for target in SlaTarget::ALL {
        let mut previous: Option<i64> = None;
        for (position, level) in sla.breach_ladder.iter().enumerate() {
            if level.target != target {
                continue;
            }
            let level_path = format!("{path}.breach_ladder[{position}]");
            let delay = level
                .after_breach
                .as_ref()
                .map_or(0, bridge::duration_seconds);
            if previous.is_some_and(|previous| delay <= previous) {
                findings.add(
                    Severity::Warning,
                    "breach-ladder-not-increasing",
                    format!("{level_path}.after_breach"),
                    format!(
                        "levels for {} should come later and later after the breach",
                        target.as_str()
                    ),
                );
            }
            previous = Some(delay);
            if level
                .repeat_every
                .as_ref()
                .is_some_and(|every| bridge::duration_seconds(every) <= 0)
            {
                findings.add(
                    Severity::Error,
                    "zero-repeat",
                    format!("{level_path}.repeat_every"),
                    "a repeat interval must be longer than zero".to_owned(),
                );
            }
            if target == SlaTarget::NextUpdate
                && Priority::ALL
                    .iter()
                    .all(|&priority| sla.targets.for_priority(priority).next_update.is_none())
            {
                findings.add(
                    Severity::Warning,
                    "breach-of-missing-target",
                    format!("{level_path}.target"),
                    "no priority sets a next_update target, so this level never fires".to_owned(),
                );
            }
        }
    }
}
