//! Native throughput benchmark (`cargo bench --profile bench-native --bench throughput`): routing and
//! simulation, warm-up then the median of repeated wall-clock runs, one JSON line per benchmark.

mod workloads;

use std::time::Instant as WallClock;

use workloads::{Workloads, BENCHMARKS};

const DEFAULT_WARMUP: usize = 3;
const DEFAULT_RUNS: usize = 11;

fn main() -> Result<(), String> {
    let options = options()?;
    let (warmup, runs) = (options.warmup, options.runs);
    let workloads = Workloads::new()?;
    let chosen = BENCHMARKS.iter().filter(|benchmark| {
        options
            .only
            .as_deref()
            .is_none_or(|only| only == benchmark.name)
    });
    for benchmark in chosen {
        for _ in 0..warmup {
            workloads.run(benchmark.name)?;
        }
        let mut seconds = Vec::with_capacity(runs);
        let mut work = workloads::Work::default();
        for _ in 0..runs {
            let started = WallClock::now();
            work = workloads.run(benchmark.name)?;
            seconds.push(started.elapsed().as_secs_f64());
        }
        seconds.sort_by(f64::total_cmp);
        let median = seconds[seconds.len() / 2];
        println!(
            "{{\"platform\":\"native\",\"name\":\"{}\",\"description\":{:?},\"tickets\":{},\"events\":{},\"checksum\":\"{:016x}\",\"runs\":{runs},\"median_seconds\":{median:e},\"min_seconds\":{:e},\"max_seconds\":{:e}}}",
            benchmark.name,
            benchmark.description,
            work.tickets,
            work.events,
            work.checksum,
            seconds[0],
            seconds[seconds.len() - 1],
        );
    }
    Ok(())
}

struct Options {
    warmup: usize,
    runs: usize,
    /// Run just this benchmark (for profiling).
    only: Option<String>,
}

/// `--warmup N`, `--runs N` and `--only NAME` (cargo bench adds `--bench`, which is ignored).
fn options() -> Result<Options, String> {
    let mut options = Options {
        warmup: DEFAULT_WARMUP,
        runs: DEFAULT_RUNS,
        only: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let slot = match arg.as_str() {
            "--warmup" => &mut options.warmup,
            "--runs" => &mut options.runs,
            "--only" => {
                options.only = Some(args.next().ok_or("--only needs a benchmark name")?);
                continue;
            }
            _ => continue,
        };
        *slot = args
            .next()
            .and_then(|value| value.parse().ok())
            .ok_or_else(|| format!("{arg} needs a whole number"))?;
    }
    options.runs = options.runs.max(1);
    Ok(options)
}
