// `cargo xtask bench`, package part: the npm package's routing in Node against json-rules-engine (npm) on the
// same rules, in the same process. Prints one JSON line per measurement.
//   node run-package.mjs PACKAGE_DIR POLICY.json [--warmup N] [--runs N]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Engine } from "json-rules-engine";

const [packageDir, policyPath, ...options] = process.argv.slice(2);
const option = (name, fallback) => {
  const at = options.indexOf(name);
  return at >= 0 ? Number(options[at + 1]) : fallback;
};
const WARMUP = option("--warmup", 3);
const RUNS = option("--runs", 11);
const TICKETS = 10_000;
const AT = "2026-03-06T16:55:00Z";

const escalator = await import(pathToFileURL(join(packageDir, "node.js")).href);
const policy = JSON.parse(readFileSync(policyPath, "utf8"));

/** Deterministic tickets over the policy's categories, every priority, channel, segment and signal. */
function tickets() {
  const categories = policy.categories.map((category) => category.id);
  const priorities = ["critical", "high", "medium", "low"];
  const channels = ["email", "chat", "phone", "web", "social"];
  const segments = ["standard", "premium", "enterprise"];
  let seed = 12345;
  const next = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: TICKETS }, (_, index) => ({
    id: `T${index}`,
    category: categories[next(categories.length)],
    priority: priorities[next(4)],
    channel: channels[next(5)],
    segment: segments[next(3)],
    amount: next(1000),
    signals: {
      demands_manager: next(20) === 0,
      abusive: next(50) === 0,
      threatens_to_leave: next(20) === 0,
      threatens_review: next(25) === 0,
    },
  }));
}

const OPERATORS = { "==": "equal", "!=": "notEqual", ">": "greaterThan", ">=": "greaterThanInclusive", "<": "lessThan", "<=": "lessThanInclusive", in: "in", "not in": "notIn", contains: "contains" };

/** An Escalator condition (JSON form) as a json-rules-engine condition. */
function peerCondition(condition) {
  if (condition.all) return { all: condition.all.map(peerCondition) };
  if (condition.any) return { any: condition.any.map(peerCondition) };
  if (condition.not) return { not: peerCondition(condition.not) };
  const operator = OPERATORS[condition.op];
  if (!operator) throw new Error(`no json-rules-engine operator for ${condition.op}`);
  const [fact, ...rest] = condition.field.split(".");
  return { fact, ...(rest.length ? { path: `$.${rest.join(".")}` } : {}), operator, value: condition.value };
}

/** The policy's triggers, routing rules and matrix first receivers as prioritised json-rules-engine rules. */
function peerEngine() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  let priority = 10_000;
  const add = (conditions, team) => engine.addRule({ conditions, priority: priority--, event: { type: "route", params: { team, priority } } });
  const asJson = (when) => (typeof when === "string" ? escalator.parseCondition(when).json : when);
  const topLevel = (condition) => (condition.all || condition.any ? condition : { all: [condition] });
  for (const rule of [...policy.triggers, ...policy.routing.rules]) add(topLevel(peerCondition(asJson(rule.when))), rule.to);
  for (const row of policy.escalation_matrix) {
    if (!row.first) continue;
    const all = [];
    if (row.category !== "*") all.push({ fact: "category", operator: "equal", value: row.category });
    if (row.priority !== "*") all.push({ fact: "priority", operator: "equal", value: row.priority });
    add({ all: all.length ? all : [{ fact: "category", operator: "notEqual", value: null }] }, row.first);
  }
  return engine;
}

/** The first-matching rule's team, as Escalator decides: highest priority among the events that fired. */
async function peerRoute(engine, ticket) {
  const { events } = await engine.run(ticket);
  let best = null;
  for (const event of events) if (!best || event.params.priority > best.params.priority) best = event;
  return best ? best.params.team : policy.routing.default;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(name, description, work) {
  for (let run = 0; run < WARMUP; run++) await work();
  const seconds = [];
  let checksum = "";
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    checksum = await work();
    seconds.push((performance.now() - start) / 1000);
  }
  console.log(JSON.stringify({
    platform: "node", name, description, tickets: TICKETS, events: 0, checksum, runs: RUNS,
    median_seconds: median(seconds), min_seconds: Math.min(...seconds), max_seconds: Math.max(...seconds),
  }));
}

const batch = tickets();
const compiled = escalator.compile(policy);
const peer = peerEngine();
const teams = batch.map((ticket) => compiled.receiver(ticket).team);
let disagreements = 0;
for (const [index, ticket] of batch.entries()) if ((await peerRoute(peer, ticket)) !== teams[index]) disagreements++;
if (disagreements > 0) throw new Error(`json-rules-engine disagrees with Escalator on ${disagreements} of ${TICKETS} tickets`);
const fingerprint = (list) => `${list.length}:${list.filter((team) => team === "billing").length}`;

await time("package_route_trace", "npm package in Node: compile(policy).route(ticket, at) — full decision with trace, SLA plan, local times", () => {
  const seen = batch.map((ticket) => compiled.route(ticket, AT).team);
  return fingerprint(seen);
});
await time("package_receiver", "npm package in Node: compile(policy).receiver(ticket) — receiving team and deciding rule only", () => {
  const seen = batch.map((ticket) => compiled.receiver(ticket).team);
  return fingerprint(seen);
});
await time("json_rules_engine", "json-rules-engine 7.3.1 in Node: the same triggers, rules and matrix rows as prioritised rules; await engine.run(ticket)", async () => {
  const seen = [];
  for (const ticket of batch) seen.push(await peerRoute(peer, ticket));
  return fingerprint(seen);
});
