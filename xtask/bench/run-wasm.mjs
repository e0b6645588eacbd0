// Wasm throughput benchmark driver for Node (run by `cargo xtask bench`): loads the wasm-bindgen
// `--target nodejs` module given on the command line, then for every benchmark does the warm-up runs
// and the timed runs with performance.now() and prints one JSON line with the median, like the native harness.
// Usage: node run-wasm.mjs <bench_wasm.js> [--warmup N] [--runs N]
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";

const [modulePath, ...rest] = process.argv.slice(2);
if (!modulePath) {
  console.error("usage: node run-wasm.mjs <bench_wasm.js> [--warmup N] [--runs N]");
  process.exit(2);
}
const option = (name, fallback) => {
  const at = rest.indexOf(name);
  return at >= 0 ? Number.parseInt(rest[at + 1], 10) : fallback;
};
const warmup = option("--warmup", 3);
const runs = Math.max(1, option("--runs", 11));

const { Bench } = createRequire(import.meta.url)(resolve(modulePath));
const bench = new Bench();
const names = Bench.names();
const descriptions = Bench.descriptions();

names.forEach((name, index) => {
  for (let i = 0; i < warmup; i += 1) bench.run(name);
  const seconds = [];
  let work = null;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    work = bench.run(name);
    seconds.push((performance.now() - started) / 1000);
  }
  seconds.sort((a, b) => a - b);
  const [tickets, events, checksum] = work;
  console.log(JSON.stringify({
    platform: "wasm",
    name,
    description: descriptions[index],
    tickets: Number(tickets),
    events: Number(events),
    checksum,
    runs,
    median_seconds: seconds[Math.floor(seconds.length / 2)],
    min_seconds: seconds[0],
    max_seconds: seconds[seconds.length - 1],
  }));
});
