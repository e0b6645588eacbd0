// End-to-end: editing the policy and scenario, baselines, persistence, share links and inline errors (issue 5).
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openPlayground, recordBenchmarkSection, screenshot, DOCS_DIR, RUN_TIMEOUT, generation, waitForGeneration } from "./browser.mjs";




async function liveValue(page, id) {
  return Number(await page.locator(`[data-testid="live-strip"] [data-metric="${id}"]`).getAttribute("data-value"));
}

/** The matrix row whose category is `category` and priority any. */
async function matrixRow(page, category) {
  const selects = await page.locator('[data-testid^="matrix-category-"]').all();
  for (let i = 0; i < selects.length; i++) {
    const priority = await page.getByTestId(`matrix-priority-${i}`).inputValue();
    if ((await selects[i].inputValue()) === category && priority === "*") return i;
  }
  throw new Error(`no ${category} × * row`);
}

async function tryBilling(page) {
  await page.getByTestId("tab-try-a-ticket").click();
  await page.selectOption("#ticket-category", "billing");
  await page.selectOption("#ticket-segment", "standard");
  return page.getByTestId("receiving-team").getAttribute("data-team");
}

test("changing a matrix cell changes who receives a ticket, and the live metrics move", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  assert.equal(await tryBilling(page), "general_support");

  await page.getByTestId("tab-policy").click();
  await page.locator('[data-testid="live-strip"] [data-metric="escalation_rate"]').waitFor({ timeout: RUN_TIMEOUT });
  const before = await liveValue(page, "escalation_rate");
  const row = await matrixRow(page, "billing");
  await page.selectOption(`[data-testid="matrix-first-${row}"]`, "billing");
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="live-strip"] [data-metric="escalation_rate"]')?.dataset.value !== String(b),
    before,
    { timeout: RUN_TIMEOUT },
  );
  const after = await liveValue(page, "escalation_rate");
  assert.notEqual(after, before, "the escalation rate moved");
  assert.match(await page.getByTestId("live-strip").innerText(), /vs previous run/);
  await screenshot(page, "screenshot-policy.png");

  assert.equal(await tryBilling(page), "billing");
  assert.equal(await page.getByTestId("decided-by").getAttribute("data-rule"), "billing×*");

  await page.keyboard.press("Control+z");
  assert.equal(await page.getByTestId("receiving-team").getAttribute("data-team"), "general_support", "undo restores the matrix");
  await page.keyboard.press("Control+Shift+z");
  assert.equal(await page.getByTestId("receiving-team").getAttribute("data-team"), "billing", "redo applies it again");
  assertClean(assert);
});

test("changing staffing moves the metrics, and a pinned baseline shows the deltas", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  await waitForGeneration(page, 0);
  const backlogBefore = Number(await page.locator('[data-testid="metric-cards"] [data-metric="backlog.mean"]').getAttribute("data-value"));
  await page.getByTestId("pin-baseline").click();
  assert.equal(await page.getByTestId("baseline-note").getAttribute("data-reference"), "baseline");

  const seen = await generation(page);
  const shown = Number(await page.locator(".simulate-page").getAttribute("data-shown"));
  const started = await page.evaluate(() => performance.now());
  await page.fill('[data-testid="staffing-general_support"]', "6");
  await page.waitForFunction((before) => Number(document.querySelector(".simulate-page")?.dataset.shown ?? 0) > before, shown, { timeout: RUN_TIMEOUT });
  const firstOnScreen = await page.evaluate(() => performance.now());
  await waitForGeneration(page, seen);
  const finished = await page.evaluate(() => performance.now());
  const backlogAfter = Number(await page.locator('[data-testid="metric-cards"] [data-metric="backlog.mean"]').getAttribute("data-value"));
  assert.ok(backlogAfter > backlogBefore, `fewer first-line agents grow the backlog (${backlogBefore} → ${backlogAfter})`);

  const delta = page.locator('[data-metric="backlog.mean"] [data-testid="delta"]');
  assert.match(await delta.innerText(), /^\+[\d.]+ vs baseline/);
  assert.equal(await delta.getAttribute("data-status"), "changed");

  const timing = {
    measured: new Date().toISOString(),
    scenario: "normal-week preset (default policy), 5 replications",
    edit_to_first_replication_on_screen_ms: Math.round(firstOnScreen - started),
    edit_to_results_on_screen_ms: Math.round(finished - started),
    run_start_to_results_on_screen_ms: Number(await page.locator(".simulate-page").getAttribute("data-run-to-screen-ms")),
    worker_compute_and_transfer_ms: Number(await page.locator(".simulate-page").getAttribute("data-compute-ms")),
    browser: "Debian Chromium, headless, via Playwright",
  };
  writeFileSync(join(DOCS_DIR, "browser-timing.json"), JSON.stringify(timing, null, 2) + "\n");
  recordBenchmarkSection("browser", [
    "### Browser: edit → render",
    "",
    `Measured ${timing.measured} by the end-to-end test \`playground.test.mjs\` (${timing.browser}): change first line's`,
    `staffing in the Simulate view of the ${timing.scenario}, then wait until the re-simulated results are on screen.`,
    "The run starts at the edit (no debounce; a run still going stops at its next replication), and the first",
    "replication's results are shown while the other four refine them.",
    "",
    "| step | ms |",
    "| --- | ---: |",
    `| edit → first replication's results on screen | ${timing.edit_to_first_replication_on_screen_ms} |`,
    `| edit → all replications' results on screen (total) | ${timing.edit_to_results_on_screen_ms} |`,
    `| run start → report back from the worker (simulate, summarise, serialise, parse) | ${timing.worker_compute_and_transfer_ms} |`,
    `| run start → results rendered | ${timing.run_start_to_results_on_screen_ms} |`,
    "",
    `Budget (architecture.md): ≤ 50 ms — first results ${timing.edit_to_first_replication_on_screen_ms <= 50 ? "within budget" : "**over budget**"}, all ${timing.edit_to_results_on_screen_ms <= 50 ? "within budget" : "**over budget**"}. The figure comes from the test run that last wrote it, on a shared 2-core machine.`,
    "",
  ].join("\n"));
  await screenshot(page, "screenshot-baseline.png");
  assertClean(assert);
});

test("a reload keeps the edited workspace", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  await page.fill('[data-testid="staffing-billing"]', "9");
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByTestId("tab-simulate").click();
  assert.equal(await page.inputValue('[data-testid="staffing-billing"]'), "9");
  assertClean(assert);
});

test("a share link opened in a fresh browser profile restores the same state", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-policy").click();
  const row = await matrixRow(page, "refund");
  await page.selectOption(`[data-testid="matrix-first-${row}"]`, "billing");
  await page.getByTestId("share").click();
  const link = await page.getByTestId("share-link").inputValue();
  assert.match(link, /#w=[A-Za-z0-9_-]+$/);

  const fresh = await openPlayground(t, { path: link });
  await fresh.page.getByTestId("notice").waitFor();
  assert.match(await fresh.page.getByTestId("notice").innerText(), /shared link/);
  await fresh.page.getByTestId("tab-try-a-ticket").click();
  await fresh.page.selectOption("#ticket-category", "refund");
  await fresh.page.fill("#ticket-amount", "");
  assert.equal(await fresh.page.getByTestId("receiving-team").getAttribute("data-team"), "billing");
  fresh.assertClean(assert);
  assertClean(assert);
});

test("invalid condition text shows an inline error, is kept, and breaks nothing", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-policy").click();
  const box = page.getByTestId("condition-rules-enterprise_billing-text");
  const original = await box.inputValue();
  await box.fill('segment == "enterprise" and category in ["billing", "refund"');
  const error = page.getByTestId("condition-rules-enterprise_billing-error");
  await error.waitFor();
  assert.match(await error.innerText(), /\]/);
  assert.equal(await box.getAttribute("aria-invalid"), "true");

  await page.getByTestId("tab-try-a-ticket").click();
  await page.selectOption("#ticket-category", "billing");
  await page.selectOption("#ticket-segment", "enterprise");
  assert.equal(await page.getByTestId("receiving-team").getAttribute("data-team"), "billing", "the last valid condition still routes");

  await page.reload();
  await page.getByTestId("tab-policy").click();
  assert.equal(await page.getByTestId("condition-rules-enterprise_billing-text").inputValue(),
    'segment == "enterprise" and category in ["billing", "refund"', "what was typed survives a reload");
  await page.getByTestId("condition-rules-enterprise_billing-text").fill(original);
  assert.equal(await page.getByTestId("condition-rules-enterprise_billing-error").count(), 0);
  assertClean(assert);
});

test("the editor is readable at 1024 px wide", async (t) => {
  const { page, assertClean } = await openPlayground(t, { viewport: { width: 1024, height: 768 } });
  await page.getByTestId("tab-policy").click();
  await page.getByTestId("matrix-grid").waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal page scroll at 1024 px (${overflow} px too wide)`);
  assertClean(assert);
});

test("invalid policy JSON shows the error with its location and survives a reload", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-policy").click();
  const editor = page.getByTestId("policy-json");
  const valid = await editor.inputValue();
  const broken = valid.replace('"agents": 12', '"agents": "twelve"');
  assert.notEqual(broken, valid, "the preset has a team of 12 agents");
  await editor.fill(broken);
  const error = page.getByTestId("json-error");
  await error.waitFor();
  assert.match(await error.innerText(), /teams\[0\]\.agents/);
  assert.match(await error.innerText(), /line \d+/);
  await page.reload();
  await page.getByTestId("tab-policy").click();
  assert.equal(await page.getByTestId("policy-json").inputValue(), broken);
  await page.getByTestId("policy-json").fill(valid);
  assert.equal(await page.getByTestId("json-error").count(), 0);
  assertClean(assert);
});

test("the SLA and calendar editors show the preset's targets and hours (screenshots for the docs)", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-policy").click();
  assert.equal(await page.getByTestId("sla-target-0-critical-first_response").inputValue(), "15m");
  await page.evaluate(() => document.querySelector("#section-sla").scrollIntoView());
  await screenshot(page, "screenshot-sla-editor.png");
  const cell = page.getByTestId("calendar-cell-0-sat-10");
  assert.equal(await cell.getAttribute("aria-pressed"), "false");
  await cell.click();
  assert.equal(await cell.getAttribute("aria-pressed"), "true", "a click opens Saturday 10:00–11:00");
  await page.evaluate(() => document.querySelector("#section-calendars").scrollIntoView());
  await screenshot(page, "screenshot-calendar-editor.png");
  assertClean(assert);
});

test("a half-typed SLA condition moves with its policy, and a painted stroke is one undo step", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-policy").click();
  await page.getByTestId("sla-condition-0").fill('category ==');
  assert.match(await page.getByTestId("sla-condition-error-0").innerText(), /Column/);
  await page.getByTestId("sla-down-0").click();
  assert.equal(await page.getByTestId("sla-id-1").inputValue(), "outage", "the outage policy moved down");
  assert.equal(await page.getByTestId("sla-condition-1").inputValue(), "category ==", "its draft moved with it");
  assert.equal(await page.getByTestId("sla-condition-error-0").count(), 0, "the policy now first has no draft");
  await page.getByTestId("undo").click();
  assert.equal(await page.getByTestId("sla-id-0").inputValue(), "outage", "undo moves it back");
  assert.equal(await page.getByTestId("sla-condition-0").inputValue(), "category ==");

  const cells = ["10", "11", "12"].map((hour) => page.getByTestId(`calendar-cell-0-sat-${hour}`));
  await cells[0].scrollIntoViewIfNeeded();
  const first = await cells[0].boundingBox();
  const last = await cells[2].boundingBox();
  await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2, { steps: 6 });
  await page.mouse.up();
  for (const cell of cells) assert.equal(await cell.getAttribute("aria-pressed"), "true", "the stroke opened it");
  await page.getByTestId("undo").click();
  for (const cell of cells) assert.equal(await cell.getAttribute("aria-pressed"), "false", "one undo closes the whole stroke");
  assertClean(assert);
});
