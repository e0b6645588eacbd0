//! `escalator compare BASE VARIANT --scenario S`: one scenario through two policies, each headline metric's
//! change with its 95% Welch interval and whether it stands out of the replication noise.

use std::path::Path;

use escalator::metrics::compare::compare;

use crate::input::read;
use crate::simulate::run_metrics;
use crate::table;
use crate::Failure;

pub fn run(
    baseline: &Path,
    variant: &Path,
    scenario: &Path,
    replications: Option<u32>,
    as_json: bool,
) -> Result<(), Failure> {
    let baseline = read(baseline)?;
    let variant = read(variant)?;
    let scenario = read(scenario)?;
    let before = run_metrics(&baseline, &scenario, replications, "baseline")?;
    let after = run_metrics(&variant, &scenario, replications, "variant ")?;
    let comparison = compare(&before, &after);
    if as_json {
        println!(
            "{}",
            serde_json::to_string_pretty(&comparison).unwrap_or_default()
        );
        return Ok(());
    }
    println!(
        "baseline {} against variant {}: {} and {} replications\n",
        baseline.name,
        variant.name,
        comparison.baseline_replications,
        comparison.variant_replications
    );
    table::print_comparison(&comparison, ["baseline", "variant"], false);
    Ok(())
}
