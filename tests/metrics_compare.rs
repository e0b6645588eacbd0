//! Baseline against variant: hand-computed Welch intervals, within-noise verdicts, too few replications.

use escalator::engine::time::Instant;
use escalator::metrics::compare::welch_interval;
use escalator::metrics::{
    compare, headline_values, summarize, Better, ChangeStatus, Metrics, RunContext, Unit,
};

fn empty_run() -> Metrics {
    let context = RunContext::new(Instant(0), Instant(86_400));
    summarize(&[], &context)
}

fn runs_with_escalation_rates(rates: &[f64]) -> Vec<Metrics> {
    rates
        .iter()
        .map(|&rate| {
            let mut run = empty_run();
            run.escalation.rate = Some(rate);
            run
        })
        .collect()
}

fn change<'a>(
    comparison: &'a escalator::metrics::Comparison,
    id: &str,
) -> &'a escalator::metrics::MetricChange {
    comparison
        .changes
        .iter()
        .find(|change| change.id == id)
        .unwrap_or_else(|| panic!("no metric {id}"))
}

#[test]
fn welch_interval_of_known_samples() {
    // Baseline mean 0.22, variance 0.0004 (n 3); variant mean 0.13, variance 0.002/3 (n 4).
    // Squared standard error 0.0003; Welch df 4.959 → rounded down to 4 → t = 2.776445105.
    let interval = welch_interval(-0.09, &[0.20, 0.22, 0.24], &[0.10, 0.12, 0.14, 0.16]).unwrap();
    let df = interval.degrees_of_freedom.unwrap();
    assert!((df - 4.959_183_673).abs() < 1e-6, "{df}");
    assert!(
        (interval.low - -0.138_089_440).abs() < 1e-8,
        "{}",
        interval.low
    );
    assert!(
        (interval.high - -0.041_910_560).abs() < 1e-8,
        "{}",
        interval.high
    );
}

#[test]
fn a_clear_drop_is_a_change() {
    let baseline = runs_with_escalation_rates(&[0.20, 0.22, 0.24]);
    let variant = runs_with_escalation_rates(&[0.10, 0.12, 0.14, 0.16]);
    let comparison = compare(&baseline, &variant);
    assert_eq!(comparison.baseline_replications, 3);
    assert_eq!(comparison.variant_replications, 4);
    let rate = change(&comparison, "escalation_rate");
    assert_eq!(rate.unit, Unit::Ratio);
    assert_eq!(rate.better, Better::Lower);
    assert!((rate.change.unwrap() - -0.09).abs() < 1e-12);
    assert_eq!(rate.within_noise, Some(false));
    assert_eq!(rate.status, ChangeStatus::Changed);
}

#[test]
fn an_overlapping_change_is_within_noise() {
    // Means 2 and 3, variances 1 and 1, n 3 each: se² = 2/3, df = 4, half width 2.7764 × 0.8165 = 2.2670.
    let baseline = runs_with_escalation_rates(&[1.0, 2.0, 3.0]);
    let variant = runs_with_escalation_rates(&[2.0, 3.0, 4.0]);
    let rate_change = compare(&baseline, &variant);
    let rate = change(&rate_change, "escalation_rate");
    let interval = rate.interval.unwrap();
    assert!((interval.degrees_of_freedom.unwrap() - 4.0).abs() < 1e-9);
    assert!(
        (interval.low - (1.0 - 2.266_957_9)).abs() < 1e-6,
        "{}",
        interval.low
    );
    assert!(
        (interval.high - (1.0 + 2.266_957_9)).abs() < 1e-6,
        "{}",
        interval.high
    );
    assert_eq!(rate.within_noise, Some(true));
    assert_eq!(rate.status, ChangeStatus::WithinNoise);
}

#[test]
fn one_replication_per_side_gives_no_interval() {
    let comparison = compare(
        &runs_with_escalation_rates(&[0.2]),
        &runs_with_escalation_rates(&[0.1]),
    );
    let rate = change(&comparison, "escalation_rate");
    assert!((rate.change.unwrap() - -0.1).abs() < 1e-12);
    assert_eq!(rate.interval, None);
    assert_eq!(rate.within_noise, None);
    assert_eq!(rate.status, ChangeStatus::NotEnoughReplications);
    assert_eq!(rate.status.describe(), "not enough replications");
}

#[test]
fn identical_replications_give_a_point_interval() {
    let baseline = runs_with_escalation_rates(&[0.2, 0.2]);
    let same = compare(&baseline, &runs_with_escalation_rates(&[0.2, 0.2]));
    let rate = change(&same, "escalation_rate");
    assert_eq!(rate.within_noise, Some(true));
    assert_eq!(rate.interval.unwrap().degrees_of_freedom, None);
    let moved = compare(&baseline, &runs_with_escalation_rates(&[0.3, 0.3]));
    assert_eq!(
        change(&moved, "escalation_rate").status,
        ChangeStatus::Changed
    );
}

#[test]
fn undefined_metrics_have_no_data() {
    let comparison = compare(&[empty_run(), empty_run()], &[empty_run(), empty_run()]);
    let fcr = change(&comparison, "fcr");
    assert_eq!(fcr.baseline_mean, None);
    assert_eq!(fcr.status, ChangeStatus::NoData);
    let breaches = change(&comparison, "sla.first_response.breaches");
    assert_eq!(breaches.change, Some(0.0));
    assert_eq!(breaches.status, ChangeStatus::WithinNoise);
}

#[test]
fn headline_ids_are_stable() {
    let ids: Vec<String> = headline_values(&empty_run())
        .into_iter()
        .map(|value| value.id)
        .collect();
    assert_eq!(
        ids,
        [
            "escalation_rate",
            "escalation_rate.functional",
            "escalation_rate.hierarchical",
            "escalation_rate.automatic",
            "fcr",
            "first_response.mean",
            "first_response.median",
            "first_response.p90",
            "resolution.mean",
            "resolution.median",
            "resolution.p90",
            "sla.first_response.compliance",
            "sla.first_response.breaches",
            "sla.next_update.compliance",
            "sla.next_update.breaches",
            "sla.resolution.compliance",
            "sla.resolution.breaches",
            "sla.first_assign.compliance",
            "sla.first_assign.breaches",
            "abandonment_rate",
            "backlog.mean",
            "cost_per_ticket",
        ]
    );
}

#[test]
fn utilisation_has_one_headline_per_team_and_no_preferred_direction() {
    let teams = vec![escalator::metrics::TeamContext {
        team: "billing".into(),
        tier: None,
        agents: 2,
        staffed_seconds: 3600,
        hourly_cost: None,
        agent_names: Vec::new(),
    }];
    let context = RunContext::new(Instant(0), Instant(3600)).with_teams(teams);
    let values = headline_values(&summarize(&[], &context));
    let utilisation = values
        .iter()
        .find(|value| value.id == "utilisation.billing")
        .unwrap();
    assert_eq!(utilisation.better, Better::Neither);
    assert_eq!(utilisation.value, Some(0.0));
    assert_eq!(utilisation.label, "Utilisation, billing");
}

#[test]
fn against_an_observation_the_interval_is_the_one_sample_t_interval() {
    // Observed 0.30; runs 0.10, 0.12, 0.14, 0.16: mean 0.13, variance 0.002/3, n 4, so the standard error is
    // sqrt(0.002/12) = 0.012909944 and t(0.975, 3) = 3.182446305: half width 0.041084.
    let observed = runs_with_escalation_rates(&[0.30]).remove(0);
    let runs = runs_with_escalation_rates(&[0.10, 0.12, 0.14, 0.16]);
    let comparison = escalator::metrics::compare_with_observed(&observed, &runs);
    assert_eq!(comparison.baseline_replications, 1);
    let rate = change(&comparison, "escalation_rate");
    assert!((rate.change.unwrap() - -0.17).abs() < 1e-12);
    let interval = rate.interval.expect("an interval from the runs alone");
    assert!((interval.degrees_of_freedom.unwrap() - 3.0).abs() < 1e-9);
    assert!(
        (interval.low - (-0.17 - 0.041_084_635)).abs() < 1e-6,
        "{}",
        interval.low
    );
    assert!(
        (interval.high - (-0.17 + 0.041_084_635)).abs() < 1e-6,
        "{}",
        interval.high
    );
    assert_eq!(rate.status, ChangeStatus::Changed);
    let plain = compare(std::slice::from_ref(&observed), &runs);
    assert_eq!(
        change(&plain, "escalation_rate").status,
        ChangeStatus::NotEnoughReplications,
        "two sets of replications need two of each"
    );
}
