//! The generated part of docs/benchmarks.md: routing and simulation tables, native vs Wasm, next to the budgets of docs/architecture.md.

use std::fmt::Write as _;

use crate::bench::Measurement;
use crate::bench_report::Machine;

/// docs/architecture.md, "Budgets".
const ROUTING_BUDGET: &str = "millions of tickets/s natively; Wasm within 2×";
const SIMULATION_BUDGET: &str = "≥ 1 M tickets/s natively on the full model";
const MILLION: f64 = 1e6;
const WASM_RATIO_BUDGET: f64 = 2.0;

pub fn markdown(
    date: &str,
    machine: &Machine,
    native: &[Measurement],
    wasm: &[Measurement],
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Measured {date} by `cargo xtask bench`.\n");
    let _ = writeln!(
        out,
        "Machine: {} ({} cores, load average {} before the run), {}, Node {}. Every figure is the median \
         of {} timed runs after warm-up runs, wall clock (Rust `std::time::Instant` natively, \
         `performance.now()` in Node); the machine is shared, so figures vary between runs by up to ~2×.\n",
        machine.cpu,
        machine.cores,
        machine.load_average_before,
        machine.rustc,
        machine.node,
        native.first().map_or(0, |m| m.runs),
    );
    let pairs: Vec<Pair> = native
        .iter()
        .map(|n| (n, wasm.iter().find(|w| w.name == n.name)))
        .collect();
    out.push_str(NOTES);
    routing_table(&mut out, &pairs);
    simulation_table(&mut out, &pairs);
    policy_size_table(&mut out, &pairs);
    import_table(&mut out, &pairs);
    details_table(&mut out, &pairs);
    out.push_str(REPRODUCE);
    out
}

/// A native measurement and the Wasm one of the same benchmark, if it ran in Node.
type Pair<'a> = (&'a Measurement, Option<&'a Measurement>);

/// The pairs whose benchmark name starts with `prefix`.
fn named<'p, 'a>(pairs: &'p [Pair<'a>], prefix: &str) -> Vec<&'p Pair<'a>> {
    pairs
        .iter()
        .filter(|(native, _)| native.name.starts_with(prefix))
        .collect()
}

/// Milliseconds of a Wasm run with `decimals` decimals, or a dash where Wasm did not run.
fn wasm_ms(wasm: Option<&Measurement>, decimals: usize) -> String {
    wasm.map_or("—".to_owned(), |w| {
        format!("{:.decimals$}", w.median_seconds * 1e3)
    })
}

fn routing_table(out: &mut String, pairs: &[Pair]) {
    let _ = writeln!(
        out,
        "### Routing (default preset)\n\nBudget: {ROUTING_BUDGET}.\n"
    );
    out.push_str("| benchmark | what | native tickets/s | Wasm tickets/s | Wasm time / native | native ≥ 1 M/s | Wasm within 2× |\n");
    out.push_str("| --- | --- | ---: | ---: | ---: | :---: | :---: |\n");
    for (n, w) in named(pairs, "route") {
        let native_rate = per_second(n.tickets, n);
        let ratio = w.map(|w| w.median_seconds / n.median_seconds);
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} |",
            n.name,
            n.description,
            rate(native_rate),
            w.map_or("—".to_owned(), |w| rate(per_second(w.tickets, w))),
            ratio.map_or("—".to_owned(), |r| format!("{r:.2}×")),
            verdict(native_rate >= MILLION),
            ratio.map_or("—", |r| verdict(r <= WASM_RATIO_BUDGET)),
        );
    }
    out.push('\n');
}

fn simulation_table(out: &mut String, pairs: &[Pair]) {
    let _ = writeln!(out, "### Simulation\n\nBudget: {SIMULATION_BUDGET}.\n");
    out.push_str("| benchmark | what | tickets | events | native tickets/s | native events/s | Wasm tickets/s | Wasm events/s | Wasm time / native | native ≥ 1 M tickets/s |\n");
    out.push_str("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |\n");
    for (n, w) in named(pairs, "sim") {
        let native_rate = per_second(n.tickets, n);
        let budgeted = n.name.starts_with("sim_full");
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            n.name,
            n.description,
            n.tickets,
            n.events,
            rate(native_rate),
            rate(per_second(n.events, n)),
            w.map_or("—".to_owned(), |w| rate(per_second(w.tickets, w))),
            w.map_or("—".to_owned(), |w| rate(per_second(w.events, w))),
            w.map_or("—".to_owned(), |w| format!(
                "{:.2}×",
                w.median_seconds / n.median_seconds
            )),
            if budgeted {
                verdict(native_rate >= MILLION)
            } else {
                "no budget"
            },
        );
    }
    out.push('\n');
}

/// Compile + lint against the number of rules: linear growth keeps the time per rule flat.
fn policy_size_table(out: &mut String, pairs: &[Pair]) {
    let sizes = named(pairs, "policy_");
    if sizes.is_empty() {
        return;
    }
    out.push_str(
        "### Compile and lint against policy size\n\nBudget: near-linear in rules (4× the rules, about 4× \
         the time). `tickets` below counts routing rules; the policy also has half as many triggers and \
         twice as many matrix rows.\n\n",
    );
    out.push_str(
        "| benchmark | what | rules | findings | native ms | Wasm ms | native µs per rule |
",
    );
    out.push_str(
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |
",
    );
    for (n, w) in &sizes {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {:.2} | {} | {:.1} |",
            n.name,
            n.description,
            n.tickets,
            n.events,
            n.median_seconds * 1e3,
            wasm_ms(*w, 2),
            n.median_seconds * 1e6 / n.tickets.max(1) as f64,
        );
    }
    if let [(small, _), (large, _)] = sizes.as_slice() {
        let _ = writeln!(
            out,
            "
{}× the rules took {:.1}× the time natively.",
            large.tickets / small.tickets.max(1),
            large.median_seconds / small.median_seconds
        );
    }
    out.push('\n');
}

/// Reading a ticket log: rows per second, against the budgets.
fn import_table(out: &mut String, pairs: &[Pair]) {
    let imports = named(pairs, "import_");
    if imports.is_empty() {
        return;
    }
    out.push_str(
        "### Importing a ticket log\n\nBudget: 100,000 event rows into journeys and metrics within 250 ms \
         natively and 1 s in the browser (Wasm here runs in Node). `tickets` below counts rows.\n\n",
    );
    out.push_str("| benchmark | what | rows | journey events | native ms | Wasm ms | native ≤ 250 ms | Wasm ≤ 1 s |\n");
    out.push_str("| --- | --- | ---: | ---: | ---: | ---: | :---: | :---: |\n");
    for (n, w) in &imports {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {:.0} | {} | {} | {} |",
            n.name,
            n.description,
            n.tickets,
            n.events,
            n.median_seconds * 1e3,
            wasm_ms(*w, 0),
            verdict(n.median_seconds <= 0.25),
            w.map_or("—", |w| verdict(w.median_seconds <= 1.0)),
        );
    }
    out.push('\n');
}

fn details_table(out: &mut String, pairs: &[Pair]) {
    out.push_str(
        "### Run times (seconds per run: median, fastest, slowest) and same-work check\n\n",
    );
    out.push_str("| benchmark | tickets per run | native | Wasm | checksums equal |\n| --- | ---: | --- | --- | :---: |\n");
    let spread = |m: &Measurement| {
        format!(
            "{:.4} ({:.4} – {:.4})",
            m.median_seconds, m.min_seconds, m.max_seconds
        )
    };
    for (n, w) in pairs {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            n.name,
            n.tickets,
            spread(n),
            w.map_or("—".to_owned(), spread),
            w.map_or("—", |w| verdict(
                w.checksum == n.checksum && w.tickets == n.tickets
            )),
        );
    }
    out.push('\n');
}

const NOTES: &str = "Routing runs a fixed, seeded mix of 4,096 tickets (every category of the default preset plus an \
unknown one; all priorities, given or derived from impact × urgency; all channels; three segments; each signal with \
probability 1/25; amounts on money categories; instants spread over a week) through the default preset. \
The full model is the real default policy driving the simulator (`EnginePolicyModel`: routing, functional and \
hierarchical escalation, SLA and matrix-ladder timers on business calendars) on the `normal-week` preset. \
Events are the simulator's processed queue events (arrivals, service completions, SLA checkpoints, abandonments, \
team opening and closing).\n\n";

const REPRODUCE: &str = "### Reproduce

`cargo xtask bench [--warmup N] [--runs N]` (defaults 3 and 11). Natively it runs
`cargo bench --profile bench-native --bench throughput` (`benches/throughput.rs`; release, opt-level 3, LTO).
For Wasm it builds the `bench_wasm` example (`benches/wasm_exports/lib.rs`, a cdylib) with the `bench-wasm`
profile (release, opt-level 3) for wasm32-unknown-unknown, runs the pinned `wasm-bindgen --target nodejs` into
`target/bench-wasm/` and `wasm-opt -O3`, then times it in Node with `xtask/bench/run-wasm.mjs`. Both run the
same workloads (`benches/workloads/`) and print one JSON line per benchmark; the raw lines are in
`docs/benchmarks.json`. The benchmark code never enters the app's Wasm in `www/pkg`.
";

fn per_second(count: u64, measurement: &Measurement) -> f64 {
    count as f64 / measurement.median_seconds
}

fn rate(per_second: f64) -> String {
    if per_second >= MILLION {
        format!("{:.2} M", per_second / MILLION)
    } else {
        format!("{:.0} k", per_second / 1e3)
    }
}

fn verdict(met: bool) -> &'static str {
    if met {
        "yes"
    } else {
        "**no**"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_shown_in_thousands_or_millions() {
        assert_eq!(rate(5_812_345.0), "5.81 M");
        assert_eq!(rate(126_400.0), "126 k");
    }
}
