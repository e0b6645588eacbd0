//! The daily first-line resolve rate: tickets resolved where they were first received, never escalated ÷
//! tickets created that day. Knowledge-base learning raises it week by week against the same traffic without.

use escalator::engine::policy::Policy;
use escalator::sim::scenario::KnowledgeBase;
use escalator::sim::{run_scenario, Scenario};

/// The daily rates of two weeks of the preset's normal traffic, with or without learning.
fn daily_rates(knowledge_base: Option<KnowledgeBase>) -> Vec<f64> {
    let policy = Policy::from_json(include_str!("../www/presets/default.json")).expect("policy");
    let mut scenario: Scenario =
        Scenario::from_json(include_str!("../www/presets/normal-week.json")).expect("scenario");
    scenario.replications = 1;
    scenario.workload.horizon = escalator::sim::duration::Horizon(
        escalator::engine::duration::Duration::from_seconds(14 * escalator::engine::time::DAY),
    );
    scenario.knowledge_base = knowledge_base;
    let result = run_scenario(&scenario, &policy).expect("runs");
    let metrics = &result.metrics[0];
    // The run goes on past the horizon while the queues drain: those days have no new tickets, so no rate.
    for day in metrics.daily.iter().filter(|day| day.tickets > 0) {
        let rate = day
            .first_line_resolve_rate
            .expect("a rate where tickets were created");
        let escalation = day
            .escalation_rate
            .expect("a rate where tickets were created");
        assert!(
            rate <= 1.0 - escalation + 1e-12,
            "{}: {rate} resolved where received, {escalation} escalated",
            day.label
        );
    }
    metrics
        .daily
        .iter()
        .filter_map(|day| day.first_line_resolve_rate)
        .collect()
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

#[test]
fn learning_raises_the_first_line_resolve_rate_more_in_the_second_week_than_in_the_first() {
    let learning = daily_rates(Some(KnowledgeBase {
        document_probability: 0.6,
        gain: 0.004,
        cap: 0.99,
    }));
    let flat = daily_rates(None);
    assert_eq!(learning.len(), flat.len());
    assert!(learning.len() >= 14, "{learning:?}");
    // Weekends dip alike in both runs (the same seed draws the same arrivals), so compare the gap each week.
    let weeks = |rates: &[f64]| (mean(&rates[..7]), mean(&rates[7..14]));
    let ((learning_1, learning_2), (flat_1, flat_2)) = (weeks(&learning), weeks(&flat));
    let (gap_1, gap_2) = (learning_1 - flat_1, learning_2 - flat_2);
    assert!(
        gap_2 > gap_1 + 0.03 && gap_2 > 0.05,
        "learning gains {gap_1:.3} in week 1 and {gap_2:.3} in week 2:\n{learning:?}\n{flat:?}"
    );
}
