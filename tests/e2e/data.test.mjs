// End-to-end: a ticket log imported through Import… is read in a worker and shown in the Data view with the
// same figures the native importer computes (tests/import_real_logs.rs); its tickets open their journeys; a
// replay through the draft policy shows deltas against what was observed, and follows a policy edit; its
// traffic becomes the workspace's scenario; a large file shows progress and can be cancelled; a file that
// is no ticket log shows its error and leaves the workspace as it was. Times without an offset are read in the
// policy's zone, which the report names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPlayground, screenshot, RUN_TIMEOUT } from "./browser.mjs";

const DATA_DIRS = [process.env.ESCALATOR_SHARED_DATA, join(process.cwd(), "..", "shared", "data"), "/work/shared/data"];

/** The real log `name`, wherever this machine keeps the shared data; undefined when it has none. */
function realLog(name) {
  return DATA_DIRS.filter(Boolean).map((dir) => join(dir, name)).find((path) => existsSync(path));
}

async function importFile(page, file) {
  await page.getByTestId("import-file").setInputFiles(file);
  await page.getByTestId("data-view").waitFor();
}

async function card(page, id, cards = "observed-cards") {
  return Number(await page.locator(`[data-testid="${cards}"] [data-metric="${id}"]`).getAttribute("data-value"));
}

/** Clicks Replay and waits for its cards. */
async function replay(page) {
  const before = await page.getByTestId("replay-cards").count();
  await page.getByTestId("replay-run").click();
  if (before > 0) await page.getByTestId("replay-status").waitFor({ state: "attached", timeout: RUN_TIMEOUT }).catch(() => {});
  await page.getByTestId("replay-cards").waitFor({ timeout: RUN_TIMEOUT });
  await page.waitForFunction(() => !document.querySelector('[data-testid="replay-status"]'), null, { timeout: RUN_TIMEOUT });
}

for (const [name, tickets, rate, extra] of [
  ["servicenow_incident_event_log.csv", 890, 0.42809, /834 reassignments over 381 tickets/],
  ["volvo_it_bpi2013_incidents.csv", 7554, 0.500662, /1,755 ping-pong moves back down \(1,172 tickets, a ping-pong rate of 15.5%\)/],
]) {
  test(`importing ${name} shows its report and observed metrics`, async (t) => {
    const path = realLog(name);
    if (!path) {
      t.skip("the shared ticket logs are not on this machine");
      return;
    }
    const { page, assertClean } = await openPlayground(t);
    await importFile(page, path);
    const report = page.getByTestId("import-report");
    await report.waitFor({ timeout: RUN_TIMEOUT });
    assert.equal(Number(await report.getAttribute("data-tickets")), tickets);
    assert.match(await page.getByTestId("import-summary").innerText(), extra);
    assert.ok(Math.abs((await card(page, "escalation_rate")) - rate) < 1e-5, "the escalation rate matches the native import");
    if (name.startsWith("servicenow")) {
      assert.match(await page.getByTestId("import-problems").innerText(), /sys_updated_at before opened_at/);
      await screenshot(page, "screenshot-data.png");
    }
    assertClean(assert);
  });
}

test("a CSV no format knows is read through a column mapping, which the workspace keeps", async (t) => {
  const cases = "Case;When;Queue;Level;State;Kind\n" +
    "C1;2024-03-04 09:10;Desk;L1;Open;Billing\n" +
    "C1;2024-03-04 10:10;Experts;L2;In progress;Billing\n" +
    "C1;2024-03-04 12:10;Experts;L2;Solved;Billing\n" +
    "C2;2024-03-11 09:40;Desk;L1;Open;Access\n" +
    "C2;2024-03-11 10:40;Desk;L1;Closed;Access\n";
  const file = { name: "cases.csv", mimeType: "text/csv", buffer: Buffer.from(cases) };
  const { page, assertClean } = await openPlayground(t);
  await importFile(page, file);
  const form = page.getByTestId("mapping-form");
  await form.waitFor({ timeout: RUN_TIMEOUT });
  assert.match(await page.getByTestId("mapping-reason").innerText(), /the header \(Case, When, Queue, Level, State, Kind\) is not one of a known ticket export/);
  assert.equal(await page.getByTestId("mapping-id").inputValue(), "Case", "the suggestion names the id column");
  assert.equal(await page.getByTestId("mapping-timestamp").inputValue(), "When");
  assert.equal(await page.getByTestId("mapping-category").inputValue(), "Kind");
  await page.getByTestId("mapping-team").selectOption("Queue");
  await page.getByTestId("mapping-read").click();
  const report = page.getByTestId("import-report");
  await report.waitFor({ timeout: RUN_TIMEOUT });
  assert.equal(Number(await report.getAttribute("data-tickets")), 2);
  assert.match(await page.getByTestId("import-summary").innerText(), /1 moves up a level/);
  assert.match(await page.getByTestId("import-zone").innerText(), /read as Europe\/London time \(the policy's zone\)/);
  await page.waitForFunction(() => (localStorage.getItem("escalator.workspace.v1") ?? "").includes("log_mapping"));

  // After a reload, the saved mapping reads the next export of the same help desk by itself.
  await page.reload();
  await importFile(page, file);
  await page.getByTestId("import-report").waitFor({ timeout: RUN_TIMEOUT });
  assert.equal(await page.getByTestId("mapping-form").count(), 0, "no form: the workspace's mapping fits");
  assertClean(assert);
});

test("a log whose rows all fail says where, and keeps the workspace", async (t) => {
  const log = "number,incident_state,sys_mod_count,made_sla,opened_at,sys_updated_at,assignment_group\n" +
    "INC1,New,0,TRUE,31/02/2016 01:16,29-02-2016 01:20,Group 1\n" +
    "INC2,New,0,TRUE,yesterday,29-02-2016 03:05,Group 1\n";
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-policy").click();
  const before = await page.getByTestId("policy-json").inputValue();
  await importFile(page, { name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from(log) });
  const error = page.getByTestId("import-error");
  await error.waitFor({ timeout: RUN_TIMEOUT });
  assert.match(await error.innerText(), /no row gave a ticket \(2 rows could not be used; the first: row 2, column opened_at: unknown date `31\/02\/2016 01:16`/);
  await page.getByTestId("tab-policy").click();
  assert.equal(await page.getByTestId("policy-json").inputValue(), before, "the workspace is unchanged");
  assertClean(assert);
});

test("a file that is no ticket log shows where it went wrong and keeps the workspace", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-policy").click();
  const before = await page.getByTestId("policy-json").inputValue();
  // A CSV of something else: no format knows its header, so it is offered for mapping, with the reason.
  await importFile(page, { name: "prices.csv", mimeType: "text/csv", buffer: Buffer.from("name,price\nwidget,3\n") });
  const reason = page.getByTestId("mapping-reason");
  await reason.waitFor({ timeout: RUN_TIMEOUT });
  assert.match(await reason.innerText(), /the header \(name, price\) is not one of a known ticket export/);
  // A spreadsheet saved as .csv: not text at all.
  await importFile(page, { name: "book.csv", mimeType: "text/csv", buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x01]) });
  const error = page.getByTestId("import-error");
  await error.waitFor({ timeout: RUN_TIMEOUT });
  assert.match(await error.innerText(), /book\.csv could not be read as a ticket log: the file is not text \(byte 4 is not UTF-8\)/);
  await page.getByTestId("tab-policy").click();
  assert.equal(await page.getByTestId("policy-json").inputValue(), before, "the workspace is unchanged");
  assertClean(assert);
});

test("a log's tickets open their journeys, and a replay shows deltas that follow the policy", async (t) => {
  const path = realLog("servicenow_incident_event_log.csv");
  if (!path) {
    t.skip("the shared ticket logs are not on this machine");
    return;
  }
  const { page, assertClean } = await openPlayground(t);
  await importFile(page, path);
  await page.getByTestId("import-report").waitFor({ timeout: RUN_TIMEOUT });

  const row = page.getByTestId("ticket-row").first();
  const id = (await row.locator("td").first().innerText()).trim();
  await row.click();
  const journey = page.getByTestId("journey");
  await journey.waitFor({ timeout: RUN_TIMEOUT });
  assert.match(await journey.innerText(), new RegExp(`Journey of ${id}`));
  assert.match(await journey.innerText(), /Queued for Group/);

  await replay(page);
  const observed = await card(page, "escalation_rate", "replay-cards");
  assert.ok(observed >= 0 && observed <= 1, "a simulated escalation rate");
  const deltas = page.locator('[data-testid="replay-cards"] [data-testid="delta"]');
  assert.ok((await deltas.count()) >= 5, "the replay's cards show changes against the observed figures");
  assert.match(await deltas.first().innerText(), /vs observed/);
  assert.match(await page.getByTestId("replay-note").innerText(), /Simulated: the log's 890 tickets/);
  assert.match(await page.getByTestId("replay-handling").innerText(), /from the scenario/);
  assert.match(await page.getByTestId("replay-observed-sla").innerText(), /Observed against this policy's targets: first response \d/);
  await page.getByTestId("replay-panel").evaluate((panel) => panel.scrollIntoView());
  await screenshot(page, "screenshot-replay.png");

  // First line now takes every ticket and no matrix level moves it on: fewer escalations in the replay.
  await page.getByTestId("tab-policy").click();
  const policy = JSON.parse(await page.getByTestId("policy-json").inputValue());
  policy.escalation_matrix = [];
  policy.triggers = [];
  policy.routing.rules = [];
  await page.getByTestId("policy-json").fill(JSON.stringify(policy, null, 2));
  await page.waitForFunction(() => document.querySelector('[data-testid="policy-json"]').value.includes('"escalation_matrix": []'));
  await page.getByTestId("tab-data").click();
  await replay(page);
  const changed = await card(page, "escalation_rate", "replay-cards");
  assert.notEqual(changed, observed, "the replay follows the edited policy");
  assertClean(assert);
});

test("a ticket log dropped on the Data view is read like one picked with Import…", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-data").click();
  const text = readFileSync(join(process.cwd(), "tests", "fixtures", "logs", "jira-sample.csv"), "utf8");
  const dataTransfer = await page.evaluateHandle((csv) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([csv], "jira-sample.csv", { type: "text/csv" }));
    return transfer;
  }, text);
  await page.getByTestId("data-view").dispatchEvent("drop", { dataTransfer });
  const report = page.getByTestId("import-report");
  await report.waitFor({ timeout: RUN_TIMEOUT });
  assert.match(await report.innerText(), /Observed: jira-sample\.csv/);
  assert.match(await report.innerText(), /Jira Service Management export/);
  assert.ok(await page.getByTestId("chart-by-category").isVisible(), "the breakdown by category is shown");
  assertClean(assert);
});

test("a log's traffic becomes the workspace's scenario, and undo brings the old one back", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  const sample = join(process.cwd(), "tests", "fixtures", "logs", "zendesk-sample.csv");
  await importFile(page, sample);
  await page.getByTestId("import-report").waitFor({ timeout: RUN_TIMEOUT });
  await page.getByTestId("draw-growth").fill("20");
  await page.getByTestId("draw-days").fill("14");
  await page.getByTestId("draw-use").click();
  await page.getByTestId("results").waitFor({ timeout: RUN_TIMEOUT });
  assert.match(await page.locator("body").innerText(), /The scenario is now the imported log's traffic/);
  // The autosave holds the workspace's JSON text as a JSON string.
  const saved = async () => JSON.parse(JSON.parse(await page.evaluate(() => localStorage.getItem("escalator.workspace.v1"))));
  await page.waitForFunction(() => (localStorage.getItem("escalator.workspace.v1") ?? "").includes("Traffic of the imported zendesk log"));
  const drawn = (await saved()).scenario;
  assert.equal(drawn.workload.horizon, "2w", "14 days");
  assert.ok(drawn.description.includes("×1.2"), drawn.description);
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => !(localStorage.getItem("escalator.workspace.v1") ?? "").includes("Traffic of the imported"));
  assert.equal((await saved()).scenario.name, "Normal week", "undo brings back the preset's scenario");
  assertClean(assert);
});

test("a large log shows its progress and can be cancelled without touching the workspace", async (t) => {
  const path = realLog("volvo_it_bpi2013_incidents.csv");
  if (!path) {
    t.skip("the shared ticket logs are not on this machine");
    return;
  }
  const text = readFileSync(path, "utf8");
  const [header, ...rows] = text.trimEnd().split("\n");
  const copies = [header];
  for (let copy = 0; copy < 5; copy += 1) {
    for (const line of rows) copies.push(line.replace(/^([^;,]+)/, `$1-${copy}`));
  }
  const big = join(mkdtempSync(join(tmpdir(), "escalator-big-log-")), "volvo-x5.csv");
  writeFileSync(big, copies.join("\n"));
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-policy").click();
  const before = await page.getByTestId("policy-json").inputValue();

  await page.evaluate(() => {
    window.importProgress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="import-status"] progress');
      if (bar) window.importProgress.push(Number(bar.getAttribute("value")));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await importFile(page, big);
  await page.getByTestId("cancel-import").click({ timeout: RUN_TIMEOUT });
  const status = page.getByTestId("import-status");
  await page.waitForFunction(() => document.querySelector('[data-testid="import-status"]')?.dataset.state === "cancelled");
  assert.match(await status.innerText(), /Reading volvo-x5\.csv was cancelled\. Your workspace is unchanged\./);
  await page.getByTestId("tab-policy").click();
  assert.equal(await page.getByTestId("policy-json").inputValue(), before, "the workspace is unchanged");

  await importFile(page, big);
  const report = page.getByTestId("import-report");
  await report.waitFor({ timeout: RUN_TIMEOUT });
  assert.equal(Number(await report.getAttribute("data-tickets")), 5 * 7554);
  const progress = await page.evaluate(() => window.importProgress);
  assert.ok(progress.some((fraction) => fraction > 0 && fraction < 1), `progress between 0 and 1 was shown: ${progress.slice(0, 20)}`);
  assertClean(assert);
});
