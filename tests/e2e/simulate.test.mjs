// End-to-end: the Simulate view runs the selected preset in a worker and shows metrics, charts and tickets (issue 4).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPlayground, screenshot, generation, waitForGeneration } from "./browser.mjs";



async function metric(page, id) {
  return Number(await page.locator(`[data-testid="metric-cards"] [data-metric="${id}"]`).first().getAttribute("data-value"));
}

test("the Simulate view runs the preset and shows metrics, charts and who received each ticket", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  await waitForGeneration(page, 0);

  const rate = await metric(page, "escalation_rate");
  assert.ok(rate > 0.05 && rate < 0.6, `escalation rate ${rate} is plausible`);
  const fcr = await metric(page, "fcr");
  assert.ok(fcr > 0.3 && fcr <= 1, `FCR ${fcr} is plausible`);
  const business = await metric(page, "first_response.business.median");
  const calendar = await metric(page, "first_response.median");
  assert.ok(business >= 0 && business <= calendar, `business hours ${business} s are at most calendar time ${calendar} s`);
  assert.ok(await metric(page, "first_response.p90") >= calendar, "the 90th percentile is at least the median");

  const backlog = page.locator('[data-testid="line-series-0"]').first();
  assert.ok(Number(await backlog.getAttribute("data-points")) >= 24 * 7, "hourly backlog over the week");
  assert.ok((await page.locator('[data-testid="bar"]').count()) >= 7, "an escalation-rate bar per day");
  assert.ok((await page.locator('[data-testid="flow-link"]').count()) >= 3, "a flow view of who received what");

  const count = await page.getByTestId("ticket-count").innerText();
  assert.match(count, /^(\d+) of \1 tickets/);
  const first = page.getByTestId("ticket-row").first();
  assert.ok((await first.getAttribute("data-first-team")).length > 0);
  assert.match(await first.innerText(), /\(default|\(.+×|\(manager_or_abuse|\(enterprise|\(large_refund/);

  await page.selectOption('[data-testid="filter-kind"]', "hierarchical");
  const filtered = page.getByTestId("ticket-row").first();
  assert.match(await filtered.innerText(), /hierarchical/);
  await filtered.click();
  const journey = page.getByTestId("journey");
  await journey.waitFor({ timeout: 10_000 });
  assert.match(await journey.innerText(), /Created/);
  assert.match(await journey.innerText(), /Hierarchical escalation/);

  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "screenshot-simulate.png");
  await journey.scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-journey.png");
  assertClean(assert);
});

test("choosing another preset re-runs and moves the metrics the way the scenario says", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  const generation = await waitForGeneration(page, 0);
  const billingBefore = await page.locator('[data-testid="hbar"]').filter({ hasText: "Billing" }).first().getAttribute("data-value");
  await page.selectOption('[data-testid="preset-picker"]', "billing-outage");
  await waitForGeneration(page, generation);
  const billingAfter = await page.locator('[data-testid="hbar"]').filter({ hasText: "Billing" }).first().getAttribute("data-value");
  assert.ok(Number(billingAfter) > Number(billingBefore), `billing receives more in an outage (${billingBefore} → ${billingAfter})`);
  assertClean(assert);
});

test("a run of about a million tickets waits for Run instead of starting at every edit", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  await waitForGeneration(page, 0);
  const before = await generation(page);
  await page.fill('[data-testid="horizon-days"]', "91");
  await page.fill('[data-testid="replications"]', "30");
  const status = page.getByTestId("run-status");
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.dataset.state === "awaiting-confirmation");
  assert.match(await status.innerText(), /about 920,400 tickets/, "400 a day × weekday factors × 91 days × 30");
  await page.waitForTimeout(1500);
  assert.equal(await generation(page), before, "nothing ran by itself");
  assert.equal(await page.getByTestId("ticket-count").count(), 1, "the last run's results stay on screen");
  await screenshot(page, "screenshot-confirm-run.png");
  await page.getByTestId("confirm-run").click();
  assert.equal(await status.getAttribute("data-state"), "running", "Run starts it");
  await page.getByTestId("cancel-run").click();
  assert.equal(await status.getAttribute("data-state"), "idle");
  assertClean(assert);
});

test("SLA compliance is shown by receiving team, channel, priority and category", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  await waitForGeneration(page, 0);
  const table = page.getByTestId("sla-table");
  await table.waitFor();
  assert.match(await table.innerText(), /First-line general support/);
  assert.ok((await table.locator("tbody tr").count()) >= 3, "a row per receiving team");
  await page.selectOption('[data-testid="sla-cohort"]', "channel");
  await page.waitForFunction(() => document.querySelector('[data-testid="sla-table"] tr[data-key="email"]'));
  const keys = await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.dataset.key));
  assert.ok(keys.includes("chat") && keys.includes("email"), keys.join(", "));
  const cells = await table.locator('tr[data-key="email"] td').allInnerTexts();
  assert.match(cells[2], /^\d+\.\d%$|^—$/, "a compliance share");
  assertClean(assert);
});

test("editing a team's handling time in the scenario moves its utilisation", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  const first = await waitForGeneration(page, 0);
  const utilisation = async () => Number(await page
    .locator('svg[aria-label="Utilisation per team"] [data-testid="hbar"][data-label="First-line general support"]')
    .first().getAttribute("data-value"));
  const before = await utilisation();
  const minutes = page.getByTestId("handling-minutes-general_support");
  const mean = Number(await minutes.inputValue());
  assert.ok(mean > 0, "the preset's mean handling time is shown");
  await minutes.fill(String(mean * 2));
  await waitForGeneration(page, first);
  const after = await utilisation();
  assert.ok(after > before * 1.3, `doubling the handling time raises utilisation: ${before} → ${after}`);
  assertClean(assert);
});

test("with customers asked questions, unticking \"pause while waiting\" lowers resolution and next-update compliance", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  const quiet = await metric(page, "sla.resolution.compliance");
  await page.getByTestId("waiting-ask").fill("40");
  seen = await waitForGeneration(page, seen);
  await page.getByTestId("waiting-reply-hours").fill("12");
  seen = await waitForGeneration(page, seen);
  const pausedResolution = await metric(page, "sla.resolution.compliance");
  const pausedUpdates = await metric(page, "sla.next_update.compliance");
  const waits = page.getByTestId("waiting-controls");
  await waits.scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-waiting.png");

  await page.getByTestId("tab-policy").click();
  for (const index of [1, 2]) {
    const pause = page.getByTestId(`sla-pause-${index}`);
    assert.equal(await pause.isChecked(), true, `SLA policy ${index} pauses while waiting in the preset`);
    await pause.uncheck();
  }
  await page.getByTestId("tab-simulate").click();
  await waitForGeneration(page, seen);
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.dataset.state === "idle");
  const runningResolution = await metric(page, "sla.resolution.compliance");
  const runningUpdates = await metric(page, "sla.next_update.compliance");
  assert.ok(runningResolution < pausedResolution,
    `resolution compliance: ${pausedResolution} paused, ${runningResolution} not paused (${quiet} without waits)`);
  assert.ok(runningUpdates < pausedUpdates,
    `next-update compliance: ${pausedUpdates} paused, ${runningUpdates} not paused`);
  assertClean(assert);
});

test("with tickets held as they arrive, ticking \"on hold pauses first response\" raises first-response compliance", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  const quiet = await metric(page, "sla.first_response.compliance");
  await page.getByTestId("held-share").fill("50");
  seen = await waitForGeneration(page, seen);
  await page.getByTestId("held-hours").fill("8");
  seen = await waitForGeneration(page, seen);
  assert.equal(await page.getByTestId("held-state").inputValue(), "on_hold");
  const counted = await metric(page, "sla.first_response.compliance");
  assert.ok(counted < quiet, `holds before anyone answers lower first-response compliance: ${quiet} → ${counted}`);
  await page.getByTestId("arrival-hold-controls").scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-held-on-arrival.png");

  await page.getByTestId("tab-policy").click();
  for (const index of [1, 2]) {
    const cell = page.getByTestId(`sla-pause-${index}-on_hold-first_response`);
    assert.equal(await cell.isChecked(), false, `SLA policy ${index} counts holds in the preset`);
    await cell.check();
  }
  await page.getByTestId("tab-simulate").click();
  await waitForGeneration(page, seen);
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.dataset.state === "idle");
  const paused = await metric(page, "sla.first_response.compliance");
  assert.ok(paused > counted, `first-response compliance: ${counted} counting the holds, ${paused} pausing them (${quiet} without holds)`);
  assertClean(assert);
});

test("customers who never answer stay in the backlog until the SLA policies auto-close their tickets", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  await page.getByTestId("waiting-ask").fill("30");
  seen = await waitForGeneration(page, seen);
  await page.getByTestId("waiting-never").fill("100");
  seen = await waitForGeneration(page, seen);
  const waitingForever = await metric(page, "backlog.mean");

  await page.getByTestId("tab-policy").click();
  for (const index of [0, 1, 2]) {
    await page.fill(`[data-testid="sla-auto-close-${index}"]`, "1d");
  }
  await page.getByTestId("tab-simulate").click();
  await waitForGeneration(page, seen);
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.dataset.state === "idle");
  const autoClosed = await metric(page, "backlog.mean");
  assert.ok(autoClosed < waitingForever / 2,
    `mean backlog: ${waitingForever} while silent customers wait forever, ${autoClosed} with a one-day auto-close`);
  assertClean(assert);
});

test("impatient chat customers make the abandonment card move, and a mix with more demands for a manager escalates up more", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  assert.equal(await metric(page, "abandonment_rate"), 0, "nobody gives up in the preset");
  const hierarchicalBefore = await metric(page, "escalation_rate.hierarchical");

  await page.getByTestId("staffing-general_support").fill("2");
  seen = await waitForGeneration(page, seen);
  await page.getByTestId("patience-chat").fill("5");
  seen = await waitForGeneration(page, seen);
  const abandoned = await metric(page, "abandonment_rate");
  assert.ok(abandoned > 0, `chat customers who wait five minutes on average give up: ${abandoned}`);

  await page.getByTestId("signal-demands_manager").fill("40");
  seen = await waitForGeneration(page, seen);
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.dataset.state === "idle");
  const hierarchicalAfter = await metric(page, "escalation_rate.hierarchical");
  assert.ok(hierarchicalAfter > hierarchicalBefore + 0.2,
    `hierarchical escalation rate: ${hierarchicalBefore} in the preset, ${hierarchicalAfter} with 40% demanding a manager`);

  const channelWeight = page.getByTestId("mix-channel-social");
  assert.equal(Number(await channelWeight.inputValue()), 0, "a channel outside the preset's mix shows weight 0");
  await page.getByTestId("mix-controls").scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-mix.png");
  await page.getByTestId("customer-controls").scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-customers.png");
  assertClean(assert);
});

test("a team's handling-time shape is chosen in the page, with its preview, and re-runs the scenario", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  const preview = page.getByTestId("handling-preview-general_support");
  const shapeBefore = await preview.getAttribute("data-shape");
  const pathBefore = await preview.locator("path").getAttribute("d");
  await page.selectOption('[data-testid="handling-shape-general_support"]', "fixed");
  seen = await waitForGeneration(page, seen);
  assert.equal(await preview.getAttribute("data-shape"), "fixed", `was ${shapeBefore}`);
  assert.match(await preview.locator("path").getAttribute("d"), /^M[\d.]+,[\d.]+ L[\d.]+,0$/, "a fixed time is one spike");
  assert.notEqual(await preview.locator("path").getAttribute("d"), pathBefore);

  await page.selectOption('[data-testid="handling-shape-general_support"]', "lognormal");
  seen = await waitForGeneration(page, seen);
  const cv = page.getByTestId("handling-cv-general_support");
  assert.equal(Number(await cv.inputValue()), 0.8, "a new lognormal starts with a spread of 0.8");
  const narrow = await preview.locator("path").getAttribute("d");
  await cv.fill("2");
  await waitForGeneration(page, seen);
  assert.notEqual(await preview.locator("path").getAttribute("d"), narrow, "the preview follows the spread");
  await page.getByTestId("handling-controls").scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-handling-shape.png");
  assertClean(assert);
});

test("a traffic spike of billing tickets added in the page sends billing more work, and removing it undoes that", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  const billing = async () => Number(await page.locator('[data-testid="hbar"]').filter({ hasText: "Billing" }).first().getAttribute("data-value"));
  const before = await billing();
  await page.getByTestId("spike-add").click();
  seen = await waitForGeneration(page, seen);
  await page.selectOption('[data-testid="spike-category-0"]', "billing");
  seen = await waitForGeneration(page, seen);
  await page.getByTestId("spike-multiplier-0").fill("6");
  seen = await waitForGeneration(page, seen);
  await page.getByTestId("spike-hours-0").fill("8");
  seen = await waitForGeneration(page, seen);
  const during = await billing();
  assert.ok(during > before * 1.3, `billing receives more with the spike: ${before} → ${during}`);
  await page.getByTestId("spike-controls").scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-spike.png");
  await page.getByTestId("spike-remove-0").click();
  await waitForGeneration(page, seen);
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.dataset.state === "idle");
  assert.equal(await billing(), before, "without the spike the run is the preset's again");
  assertClean(assert);
});

test("handing first line's tickets to named agents shows each agent's utilisation, and a shared queue again hides it", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  const chart = page.getByTestId("chart-agents-general_support");
  assert.equal(await chart.count(), 0, "a shared queue has no per-agent load");

  await page.selectOption('[data-testid="assignment-strategy-general_support"]', "round_robin");
  seen = await waitForGeneration(page, seen);
  const labels = async () => chart.locator('[data-testid="hbar"]').evaluateAll((bars) => bars.map((bar) => bar.dataset.label));
  assert.equal((await labels()).length, 10, "one bar per agent of first line");
  await page.getByTestId("assignment-agents-general_support").pressSequentially("Ana, Ben");
  seen = await waitForGeneration(page, seen);
  assert.equal(await page.getByTestId("assignment-agents-general_support").inputValue(), "Ana, Ben", "the box keeps what was typed");
  assert.deepEqual((await labels()).slice(0, 3), ["Ana", "Ben", "Agent 3"]);
  const busy = await chart.locator('[data-testid="hbar"]').evaluateAll((bars) => bars.map((bar) => Number(bar.dataset.value)));
  assert.ok(busy.every((value) => value > 0 && value <= 1), `every agent works: ${busy}`);
  assert.match(await chart.textContent(), /Load spread: 0\.\d\d/);

  await page.selectOption('[data-testid="assignment-strategy-general_support"]', "skills_first");
  const status = page.getByTestId("run-status");
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.dataset.state === "failed");
  assert.match(await status.textContent(), /assignment\.general_support\.skills: skills_first needs skills/, "until somebody has a skill");
  await page.getByTestId("assignment-skill-general_support-Ana-billing").check();
  seen = await waitForGeneration(page, seen);
  await page.getByTestId("assignment-return-after-general_support").fill("20m");
  seen = await waitForGeneration(page, seen);
  await page.selectOption('[data-testid="assignment-return-to-general_support"]', "supervisors");
  seen = await waitForGeneration(page, seen);
  assert.equal(await status.getAttribute("data-state"), "idle", "the rules run");
  await page.getByTestId("assignment-controls").scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-assignment.png");

  await page.selectOption('[data-testid="assignment-strategy-general_support"]', "pool");
  await waitForGeneration(page, seen);
  assert.equal(await chart.count(), 0, "back to a shared queue");
  assertClean(assert);
});

test("tickets drawn with impact × urgency get the policy matrix's priority, and a new customer segment joins the mix", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  await page.selectOption('[data-testid="sla-cohort"]', "priority");
  await page.waitForFunction(() => document.querySelector('[data-testid="sla-table"] tr[data-key="critical"]'));
  const critical = async () => Number((await page.locator('[data-testid="sla-table"] tr[data-key="critical"] td').nth(1).innerText()).replace(/[^\d.]/g, ""));
  const before = await critical();

  await page.getByTestId("mix-impact-urgency").check();
  seen = await waitForGeneration(page, seen);
  assert.equal(await page.getByTestId("mix-priority-critical").count(), 0, "priorities give way to the pairs");
  const cell = page.getByTestId("mix-impact-urgency-high/high");
  assert.match(await cell.locator("..").innerText(), /critical/, "the cell names the priority the matrix gives");
  await cell.fill("50");
  seen = await waitForGeneration(page, seen);
  const after = await critical();
  assert.ok(after > 3 * before, `high impact × high urgency is critical: ${before} → ${after} tickets`);

  await page.getByTestId("mix-segment-new").fill("vip");
  await page.getByTestId("mix-segment-add").click();
  seen = await waitForGeneration(page, seen);
  assert.equal(Number(await page.getByTestId("mix-segment-vip").inputValue()), 1);
  await page.getByTestId("mix-controls").scrollIntoViewIfNeeded();
  await page.getByTestId("impact-urgency-mix").scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-impact-urgency-mix.png");

  await page.getByTestId("mix-impact-urgency").uncheck();
  await waitForGeneration(page, seen);
  assert.equal(await page.getByTestId("impact-urgency-mix").count(), 0);
  assertClean(assert);
});

test("a category's own handling in a team is edited, added and removed in the page, and moves where its tickets go", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  const billing = async () => Number(await page.locator('[data-testid="hbar"]').filter({ hasText: "Billing" }).first().getAttribute("data-value"));
  const before = await billing();
  const resolve = page.getByTestId("category-handling-resolve-general_support-billing");
  assert.equal(Number(await resolve.inputValue()), 75, "the preset's own share for billing at first line");
  await resolve.fill("100");
  seen = await waitForGeneration(page, seen);
  const kept = await billing();
  assert.ok(kept < before, `first line keeps its billing tickets: billing received ${before} → ${kept}`);

  await page.getByTestId("category-handling-remove-general_support-billing").click();
  seen = await waitForGeneration(page, seen);
  assert.equal(await page.getByTestId("category-handling-general_support-billing").count(), 0);
  const fallback = await billing();
  assert.ok(fallback < before && fallback > kept, `billing follows first line's 90%: ${kept} < ${fallback} < ${before}`);

  await page.selectOption('[data-testid="category-handling-add-technical_support"]', "refund");
  seen = await waitForGeneration(page, seen);
  assert.equal(Number(await page.getByTestId("category-handling-minutes-technical_support-refund").inputValue()), 35, "starts from the team's mean");
  await page.getByTestId("category-handling-minutes-technical_support-refund").fill("5");
  await waitForGeneration(page, seen);
  await page.getByTestId("category-handling-technical_support-refund").scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-category-handling.png");
  assertClean(assert);
});

test("the first-line resolve rate is drawn per day, with learning against a pinned baseline without", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  await page.getByTestId("horizon-days").fill("14");
  seen = await waitForGeneration(page, seen);
  const chart = page.getByTestId("chart-first-line-resolve");
  const series = chart.locator('[data-testid^="line-series-"]');
  assert.ok(Number(await series.first().getAttribute("data-points")) >= 14, "a point per day");
  await page.getByTestId("knowledge-base").uncheck();
  seen = await waitForGeneration(page, seen);
  await page.getByTestId("pin-baseline").click();
  await page.getByTestId("knowledge-base").check();
  seen = await waitForGeneration(page, seen);
  await page.getByTestId("kb-gain").fill("0.4");
  await waitForGeneration(page, seen);
  assert.equal(await series.count(), 2, "this run and the baseline");
  assert.deepEqual(await series.evaluateAll((lines) => lines.map((line) => line.dataset.label)), ["This run", "Baseline"]);
  await chart.scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-first-line-resolve.png");
  assertClean(assert);
});

test("a category given its own priorities in the page draws only those", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  assert.equal(await page.getByTestId("mix-category-priorities-outage").count(), 1, "the preset's outages have their own");
  await page.selectOption('[data-testid="sla-cohort"]', "priority");
  await page.waitForFunction(() => document.querySelector('[data-testid="sla-table"] tr[data-key="critical"]'));
  const critical = async () => Number((await page.locator('[data-testid="sla-table"] tr[data-key="critical"] td').nth(1).innerText()).replace(/[^\d.]/g, ""));
  const before = await critical();
  await page.selectOption('[data-testid="mix-category-priorities-add"]', "billing");
  seen = await waitForGeneration(page, seen);
  await page.getByTestId("mix-category-priority-billing-critical").fill("5");
  seen = await waitForGeneration(page, seen);
  for (const priority of ["high", "medium", "low"]) {
    await page.getByTestId(`mix-category-priority-billing-${priority}`).fill("0");
    seen = await waitForGeneration(page, seen);
  }
  const after = await critical();
  assert.ok(after > before + 100, `every billing ticket is critical: ${before} → ${after}`);
  await page.getByTestId("category-priorities").scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-category-priorities.png");
  await page.getByTestId("mix-category-priorities-remove-billing").click();
  await waitForGeneration(page, seen);
  assert.equal(await page.getByTestId("mix-category-priorities-billing").count(), 0);
  assertClean(assert);
});

test("a category given its own signal rates in the page makes its customers demand a manager, and removing it undoes that", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  assert.equal(await page.getByTestId("mix-category-signals-refund").count(), 1, "the preset's refunds have their own");
  const before = await metric(page, "escalation_rate.hierarchical");
  await page.selectOption('[data-testid="mix-category-signals-add"]', "billing");
  seen = await waitForGeneration(page, seen);
  const billing = page.getByTestId("mix-category-signal-billing-demands_manager");
  assert.equal(Number(await billing.inputValue()), Number(await page.getByTestId("signal-demands_manager").inputValue()), "they start as the mix's");
  await billing.fill("100");
  seen = await waitForGeneration(page, seen);
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.dataset.state === "idle");
  const after = await metric(page, "escalation_rate.hierarchical");
  assert.ok(after > before + 0.05, `every billing customer demands a manager: hierarchical ${before} → ${after}`);
  await page.getByTestId("category-signals").screenshot({ path: new URL("../../docs/screenshot-category-signals.png", import.meta.url).pathname });
  await page.getByTestId("mix-category-signals-remove-billing").click();
  await waitForGeneration(page, seen);
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.dataset.state === "idle");
  assert.equal(await page.getByTestId("mix-category-signals-billing").count(), 0);
  assert.equal(await metric(page, "escalation_rate.hierarchical"), before, "the same seed gives the preset's run again");
  assertClean(assert);
});
