//! Keeps docs/scenario-format.md honest: every JSON example parses, and the full example runs.

mod support;

use escalator::sim::reference_models::MatrixModel;
use escalator::sim::{simulate, Scenario};

fn examples() -> Vec<String> {
    let doc = include_str!("../docs/scenario-format.md");
    doc.split("```json")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_example_in_the_doc_parses() {
    let examples = examples();
    assert_eq!(examples.len(), 2, "the doc has two JSON examples");
    for (index, example) in examples.iter().enumerate() {
        if let Err(err) = Scenario::from_json(example) {
            panic!("example {index} does not parse: {err}");
        }
    }
}

#[test]
fn the_full_example_runs_through_the_matrix_model() {
    let scenario = Scenario::from_json(&examples()[0]).expect("example parses");
    assert_eq!(scenario.replications, 5);
    let model = support::matrix_model(true, 4);
    let run = simulate(&scenario, &model, 0).expect("example fits the matrix");
    // About 7 × 400 × mean weekday factor (0.843) ≈ 2 360 tickets plus the spike's extras.
    assert!(
        (2_200..3_200).contains(&run.journeys.len()),
        "{}",
        run.journeys.len()
    );
    assert_eq!(run.open_tickets, 0);
}

#[test]
fn the_bare_example_runs_through_one_team() {
    let scenario = Scenario::from_json(&examples()[1]).expect("example parses");
    let run = simulate(&scenario, &MatrixModel::single_team("support", 8), 0).expect("valid");
    // 30 days × 24 h × 10/h = 7 200 expected; Poisson SD ≈ 85.
    assert!(
        (6_850..7_550).contains(&run.journeys.len()),
        "{}",
        run.journeys.len()
    );
}
