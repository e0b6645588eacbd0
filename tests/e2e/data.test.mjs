// End-to-end: a ticket log imported through Import… is read in a worker and shown in the Data view with the
// same figures the native importer computes (tests/import_real_logs.rs); its tickets open their journeys; a
// replay through the draft policy shows deltas against what was observed, and follows a policy edit; its
// traffic becomes the workspace's scenario; a large file shows progress and can be cancelled; a file that
// is no ticket log shows its error and leaves the workspace as it was.
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
  ["volvo_it_bpi2013_incidents.csv", 7554, 0.500662, /1,755 ping-pong moves back down \(1,172 tickets\)/],
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

test("a file that is no ticket log shows where it went wrong and keeps the workspace", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-policy").click();
  const before = await page.getByTestId("policy-json").inputValue();
  await importFile(page, { name: "prices.csv", mimeType: "text/csv", buffer: Buffer.from("name,price\nwidget,3\n") });
  const error = page.getByTestId("import-error");
  await error.waitFor({ timeout: RUN_TIMEOUT });
  assert.match(await error.innerText(), /prices\.csv could not be read as a ticket log: the header \(name, price\)/);
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
