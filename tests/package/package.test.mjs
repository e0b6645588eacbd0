// The npm package as a user gets it: `npm pack`, install the tarball into an empty project, import it by name
// in Node, and check the golden decisions, lint, conditions, simulation, summaries and errors.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PACKAGE_DIR = process.env.ESCALATOR_PACKAGE ?? join(ROOT, "target", "npm", "escalator");
const POLICY = JSON.parse(readFileSync(join(ROOT, "www", "presets", "default.json"), "utf8"));
const SCENARIO = JSON.parse(readFileSync(join(ROOT, "www", "presets", "normal-week.json"), "utf8"));

let escalator;
let project;

before(() => {
  project = mkdtempSync(join(tmpdir(), "escalator-package-"));
  const tarball = execFileSync("npm", ["pack", PACKAGE_DIR, "--pack-destination", project, "--silent"], { encoding: "utf8" })
    .trim().split("\n").pop();
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(project, tarball)], { cwd: project, stdio: "pipe" });
});

/** Imports the installed package by its name, from inside the consumer project. */
async function importByName(specifier = "escalator") {
  const probe = join(project, `probe-${specifier.replace(/\W/g, "_")}.mjs`);
  writeFileSync(probe, `export * from ${JSON.stringify(specifier)};\n`);
  return import(pathToFileURL(probe).href);
}

const AT = "2026-03-06T16:55:00Z";
const GOLDEN = [
  [{ category: "how_to", priority: "low", channel: "email" }, "general_support", "default", "none"],
  [{ category: "payment_failure", priority: "high", channel: "email" }, "billing", "payment_failure×*", "functional"],
  [{ category: "payment_failure", priority: "high", channel: "email", signals: { demands_manager: true } }, "supervisors", "manager_or_abuse", "hierarchical"],
  [{ category: "outage", impact: "high", urgency: "high", channel: "phone" }, "engineering", "outage×critical", "functional"],
  [{ category: "refund", priority: "medium", channel: "web", segment: "enterprise" }, "billing", "enterprise_billing", "functional"],
];

test("the installed package is imported by its name and routes the golden tickets", async () => {
  escalator = await importByName();
  const compiled = escalator.compile(POLICY);
  for (const [ticket, team, rule, kind] of GOLDEN) {
    const decision = compiled.route(ticket, AT);
    assert.equal(decision.team, team, JSON.stringify(ticket));
    assert.equal(decision.decided_by.id, rule, JSON.stringify(ticket));
    assert.equal(decision.kind, kind, JSON.stringify(ticket));
    assert.ok(decision.trace.steps.length > 0);
    const receiver = compiled.receiver(ticket);
    assert.deepEqual([receiver.team, receiver.rule, receiver.kind], [team, rule, kind]);
    assert.deepEqual(escalator.route(POLICY, ticket, AT), decision, "route(policy, …) equals the compiled path");
  }
  // Friday 16:55 in London + 1 business hour of a Mon–Fri 08:00–20:00 desk: Friday 17:55.
  const plan = compiled.slaPlan({ category: "payment_failure", priority: "high", channel: "email" }, AT);
  assert.equal(plan.targets.find((target) => target.target === "first_response").due, "2026-03-06T17:55:00Z");
  compiled.free();
});

test("a policy's authorisations give a refund above a limit the approver it needs", async () => {
  escalator ??= await importByName();
  const policy = { ...POLICY, authorisations: [{ id: "refunds", categories: ["refund"],
    limits: [{ above: 100, approver: "billing" }, { above: 1000, approver: "supervisors" }] }] };
  const ticket = { category: "refund", priority: "medium", channel: "email" };
  assert.equal(escalator.route(policy, { ...ticket, amount: 150 }, AT).approval.approver, "billing");
  assert.equal(escalator.route(policy, { ...ticket, amount: 1500 }, AT).approval.approver_name, "Support supervisors");
  assert.equal(escalator.route(policy, { ...ticket, amount: 50 }, AT).approval, undefined);
  assert.throws(() => escalator.compile({ ...policy, authorisations: [{ id: "x", limits: [] }] }), (error) =>
    error instanceof escalator.EscalatorError && error.path === "authorisations[0].limits");
});

test("an invalid policy throws EscalatorError with its JSON path, line and help", async () => {
  escalator ??= await importByName();
  const bad = JSON.stringify({ ...POLICY, teams: [{ ...POLICY.teams[0], agents: "four" }] }, null, 2);
  assert.throws(() => escalator.compile(bad), (error) => {
    assert.ok(error instanceof escalator.EscalatorError);
    assert.equal(error.name, "EscalatorError");
    assert.equal(error.code, "policy-shape");
    assert.equal(error.path, "teams[0].agents");
    assert.ok(error.line > 1 && error.column > 1, `line ${error.line} column ${error.column}`);
    assert.match(error.help, /policy-format/);
    return true;
  });
  assert.throws(() => escalator.compile({ ...POLICY, routing: { default: "nobody" } }), (error) =>
    error instanceof escalator.EscalatorError && error.code === "policy-compile" && error.path === "routing.default");
  assert.throws(() => escalator.compile(POLICY).route({ category: "billing" }, AT), (error) =>
    error instanceof escalator.EscalatorError && error.input === "ticket" && /channel/.test(error.message));
  assert.throws(() => escalator.compile(POLICY).route({ category: "billing", channel: "fax" }, AT), (error) =>
    error.path === "channel");
  assert.throws(() => escalator.compile(POLICY).route({ category: "billing", channel: "email" }, "tomorrow"), (error) =>
    error.code === "instant");
  assert.throws(() => escalator.compile(null), (error) => error instanceof escalator.EscalatorError && error.code === "argument");
});

test("lint, parseCondition, simulate and summarize work from the package", async () => {
  escalator ??= await importByName("escalator/node");
  const findings = escalator.lint({ ...POLICY, routing: { ...POLICY.routing, default: "nobody" } });
  assert.ok(findings.some((finding) => finding.severity === "error" && finding.path === "routing.default"));

  const parsed = escalator.parseCondition('category in ["billing", "refund"] and amount > 500');
  assert.deepEqual(parsed.fields.sort(), ["amount", "category"]);
  assert.throws(() => escalator.parseCondition("amount >"), (error) =>
    error instanceof escalator.EscalatorError && error.line === 1 && error.column === 9);

  const progress = [];
  const scenario = { ...SCENARIO, replications: 2, workload: { ...SCENARIO.workload, horizon: 2 } };
  const run = await escalator.simulate(POLICY, scenario, { onProgress: (fraction) => progress.push(fraction) });
  assert.equal(run.report.replications, 2);
  assert.equal(JSON.parse(run.reportJson).replications, 2, "the report's own JSON text is there to pass on");
  assert.equal(run.report.metrics.length, 2);
  assert.ok(run.report.metrics[0].tickets > 0);
  assert.equal(progress.at(-1), 1);
  assert.ok(progress.every((value, index) => index === 0 || value >= progress[index - 1]), "progress only grows");
  const journey = run.journey(0);
  assert.ok(journey.events.length > 0);

  const summary = escalator.summarize([journey]);
  assert.equal(summary.tickets, 1);
  assert.equal(summary.zone, "UTC");
  assert.equal(escalator.summarize([journey], { zone: "Europe/London" }).zone, "Europe/London");
  assert.throws(() => escalator.summarize([journey], { zone: "Mars/Olympus" }), (error) =>
    error instanceof escalator.EscalatorError && error.path === "zone");
  run.free();

  const log = "number,incident_state,sys_mod_count,made_sla,opened_at,sys_updated_at,assignment_group\n" +
    "INC1,New,0,TRUE,29-02-2016 01:16,29-02-2016 01:20,Group 1\n" +
    "INC1,Resolved,1,FALSE,29-02-2016 01:16,29-02-2016 09:00,Group 2\n" +
    "INC2,New,0,TRUE,29-02-2016 03:00,31/02/2016 03:05,Group 1\n";
  const imported = escalator.importLog(new TextEncoder().encode(log));
  assert.equal(imported.summary.tickets, 1);
  const inAthens = escalator.importLog(new TextEncoder().encode(log), { zone: "+02:00" });
  assert.equal(inAthens.summary.zone, "+02:00");
  assert.equal(inAthens.metrics.daily[0].start, "2016-02-28T23:16:00Z", "01:16 at +02:00");
  assert.equal(imported.metrics.escalation.rate, 1);
  assert.deepEqual(imported.problems.map((p) => [p.row, p.column]), [[4, "sys_updated_at"]]);
  assert.throws(() => escalator.importLog("name,price\nwidget,3\n"), (error) => error.code === "unknown-format");

  const opened = escalator.openLog(log, {}, { onProgress: (fraction) => progress.push(fraction) });
  assert.equal(opened.report.report.tickets.length, 1);
  assert.equal(opened.journey(0).ticket.id, "INC1");
  assert.throws(() => opened.journey(5), (error) => error.code === "journey");
  const replay = opened.replay(POLICY, { ...scenario, replications: 2 });
  assert.equal(replay.replay.metrics.length, 2);
  assert.equal(replay.replay.tickets[0].id, "INC1", "the replay runs the log's own ticket");
  assert.equal(replay.observed.tickets, 1);
  assert.ok(replay.handling.every((source) => !source.time_from_log), "the log's groups are not the policy's teams");
  const drawn = opened.scenario({ days: 14, growth: 1.2 });
  assert.equal(drawn.workload.horizon, "2w", "14 days");
  assert.throws(() => opened.scenario({ growth: -1 }), (error) => error.path === "growth");
  opened.free();
  const columns = escalator.logColumns("Case;When;Queue\nC1;2024-03-04 09:00;Desk\n");
  assert.deepEqual(columns.columns, ["Case", "When", "Queue"]);
  assert.deepEqual(columns.suggestion, { id: "Case", timestamp: "When", team: "Queue" });

  const controller = new AbortController();
  controller.abort();
  await assert.rejects(escalator.simulate(POLICY, scenario, { signal: controller.signal }), (error) => error.name === "AbortError");
  const stopping = new AbortController();
  const stopped = escalator.simulate(POLICY, { ...scenario, replications: 5 }, { signal: stopping.signal });
  stopping.abort();
  await assert.rejects(stopped, (error) => error.name === "AbortError");

  const partials = [];
  const refined = await escalator.simulate(POLICY, { ...scenario, replications: 3 }, {
    onPartial: (partial, progress) => partials.push({ progress, replications: partial.report.metrics.length, journey: partial.journey(0) }),
  });
  assert.deepEqual(partials[0].progress, { done: 1, of: 3 }, "the first replication is handed out before the rest");
  assert.equal(partials[0].replications, 1);
  assert.ok(partials.every(({ progress }) => progress.done < 3), "the final run is the promise's, not a partial");
  assert.deepEqual(partials[0].journey, refined.journey(0), "a partial run opens the same first replication");
  assert.deepEqual(refined.report.metrics[0], run.report.metrics[0], "the same replication as without onPartial");
  refined.free();
  refined.free();
  const cancelling = new AbortController();
  let kept = null;
  const cancelled = escalator.simulate(POLICY, { ...scenario, replications: 3 }, {
    signal: cancelling.signal,
    onPartial: (partial) => { kept = partial; cancelling.abort(); },
  });
  await assert.rejects(cancelled, (error) => error.name === "AbortError");
  assert.ok(kept.journey(0).events.length > 0, "a partial run handed out stays open after its run is cancelled");
  kept.free();

  await assert.rejects(escalator.simulate(POLICY, { ...scenario, replications: 100000, workload: { ...scenario.workload, horizon: 3650 } }),
    (error) => error.code === "too-large" && error.path === "replications");
});

test("the package declares its entry points and types", () => {
  const manifest = JSON.parse(readFileSync(join(project, "node_modules", "escalator", "package.json"), "utf8"));
  assert.equal(manifest.type, "module");
  assert.deepEqual(Object.keys(manifest.exports).sort(), [".", "./node", "./package.json", "./widget"]);
  const types = readFileSync(join(project, "node_modules", "escalator", "index.d.ts"), "utf8");
  for (const name of ["compile", "route", "lint", "slaPlan", "parseCondition", "simulate", "summarize", "importLog", "openLog", "logColumns"]) {
    assert.match(types, new RegExp(`export function ${name}\\(`), name);
  }
  for (const shape of ["Policy", "Ticket", "Decision", "Diagnostic", "Scenario", "SimulationReport", "EscalatorError"]) {
    assert.match(types, new RegExp(`export (interface|class) ${shape}\\b`), shape);
  }
});

test("the TypeScript declarations type-check a consumer under --strict", () => {
  const tsc = join(ROOT, "node_modules", ".bin", "tsc");
  assert.ok(existsSync(tsc), "typescript is installed (npm ci)");
  writeFileSync(join(project, "consumer.ts"), `
import { compile, lint, simulate, summarize, parseCondition, EscalatorError, type Decision, type Policy, type Ticket } from "escalator";
import type { EscalationCalculator } from "escalator/widget";

declare const policy: Policy;
const ticket: Ticket = { category: "refund", priority: "high", channel: "email", amount: 750 };
const decision: Decision = compile(policy).route(ticket, new Date());
const team: string = decision.team;
const due: string | null | undefined = decision.sla?.targets[0]?.due;
const errors: number = lint(policy).filter((finding) => finding.severity === "error").length;
const fields: string[] = parseCondition("amount > 5").fields;
async function run(): Promise<number> {
  const result = await simulate(policy, { workload: { start: "2026-03-02T00:00:00Z", horizon: 7, arrivals: {} }, mix: { categories: { refund: 1 } }, handling: { default: {} } }, { onProgress: (share: number) => share });
  return summarize([result.journey(0)]).tickets + result.report.metrics.length;
}
try { compile("{}"); } catch (error) { if (error instanceof EscalatorError) { const where: string | undefined = error.path; void where; } }
declare const element: EscalationCalculator;
element.addEventListener("decision", (event) => { const chosen: string = event.detail.team; void chosen; });
void [team, due, errors, fields, run];
`);
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "dom"], types: [], skipLibCheck: false },
    files: ["consumer.ts"],
  }));
  execFileSync(tsc, ["-p", project], { cwd: project, encoding: "utf8" });
});

test("simulate applies the scenario's policy_overrides to the policy it is given", async () => {
  escalator ??= await importByName();
  const scenario = { ...SCENARIO, replications: 1, workload: { ...SCENARIO.workload, horizon: 2 } };
  const plain = await escalator.simulate(POLICY, scenario);
  const rerouted = await escalator.simulate(POLICY, {
    ...scenario,
    policy_overrides: [{ pointer: "/routing/default", value: "technical_support" }],
  });
  const firstLine = (run, team) => run.report.flows
    .filter((flow) => flow.from === null && flow.to === team)
    .reduce((sum, flow) => sum + flow.count, 0);
  assert.ok(firstLine(plain, "general_support") > 0);
  assert.ok(firstLine(rerouted, "general_support") < firstLine(plain, "general_support"), "the override moved the default route");
  assert.ok(firstLine(rerouted, "technical_support") > firstLine(plain, "technical_support"));
  await assert.rejects(escalator.simulate(POLICY, { ...scenario, policy_overrides: [{ pointer: "/no/such/place", value: 1 }] }),
    (error) => error instanceof escalator.EscalatorError && error.path === "policy_overrides[0].pointer");
});
