// End-to-end: the page survives what goes wrong — an engine panic shows a panel and a reload keeps the work,
// a worker that cannot start says so and recovers on Retry, and Cancel keeps the last run's journeys.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPlayground, screenshot, RUN_TIMEOUT, generation, waitForGeneration } from "./browser.mjs";




test("a panic shows the error panel, and reloading keeps the edits", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.locator("#ticket-category").waitFor();
  await page.selectOption("#ticket-category", "refund");
  await page.fill("#ticket-amount", "1234");
  await page.locator("#ticket-amount").dispatchEvent("change");
  await page.waitForFunction(() => (localStorage.getItem("escalator.workspace.v1") ?? "").includes("1234"));

  const thrown = await page.evaluate(async () => {
    const playground = await import("./pkg/playground.js");
    try {
      playground.debugPanic();
      return "no panic";
    } catch (error) {
      return error.constructor.name;
    }
  });
  assert.equal(thrown, "RuntimeError", "the panic aborts the Wasm call");
  const panel = page.getByTestId("panic-panel");
  await panel.waitFor();
  const text = await panel.innerText();
  assert.match(text, /Escalator stopped/);
  assert.match(text, /debug panic requested/);
  assert.match(text, /src\/web\/panic_panel\.rs:\d+/, "the panel says where");
  await screenshot(page, "screenshot-panic-panel.png");

  await page.getByTestId("panic-reload").click();
  await page.waitForLoadState("load");
  await page.locator("#ticket-category").waitFor();
  assert.equal(await page.inputValue("#ticket-category"), "refund");
  assert.equal(await page.inputValue("#ticket-amount"), "1234");
  assert.equal(await page.getByTestId("panic-panel").count(), 0);
  // The reload may cut short the worker's download of its Wasm.
  assertClean(assert, /panicked|debug panic requested|unreachable|ERR_ABORTED/);
});

test("a worker that fails to start shows a message and recovers on Retry", async (t) => {
  let refuse = true;
  const { page, assertClean } = await openPlayground(t, {
    beforeLoad: (context) => context.route("**/worker.js", (route) =>
      refuse ? route.fulfill({ status: 503, contentType: "text/plain", body: "unavailable" }) : route.continue()),
  });
  await page.getByTestId("tab-simulate").click();
  const status = page.locator('[data-testid="run-status"][data-state="failed"]');
  await status.waitFor({ timeout: RUN_TIMEOUT });
  assert.match(await status.innerText(), /simulation worker could not start/);

  refuse = false;
  await page.getByTestId("retry-run").click();
  await waitForGeneration(page, 0);
  assert.equal(await page.locator('[data-testid="run-status"]').getAttribute("data-state"), "idle");
  assertClean(assert, /worker\.js|503|status of 503|could not start/);
});

test("after Cancel, a ticket of the previous run still opens its journey", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  const first = await waitForGeneration(page, 0);

  // A run long enough to be cancelled while it is going: 90 days × 30 replications, big enough that it
  // waits for Run.
  await page.fill('[data-testid="horizon-days"]', "90");
  await page.locator('[data-testid="horizon-days"]').dispatchEvent("change");
  await page.fill('[data-testid="replications"]', "30");
  await page.locator('[data-testid="replications"]').dispatchEvent("change");
  await page.getByTestId("confirm-run").click();
  const cancel = page.getByTestId("cancel-run");
  await cancel.waitFor({ timeout: RUN_TIMEOUT });
  await cancel.click();
  await page.locator('[data-testid="run-status"][data-state="idle"]').waitFor();
  assert.equal(await generation(page), first, "the cancelled run produced no report");

  await page.getByTestId("ticket-row").first().click();
  const journey = page.getByTestId("journey");
  await journey.waitFor({ timeout: RUN_TIMEOUT });
  assert.match(await journey.innerText(), /Created/);
  assertClean(assert);
});

test("Chromium keeps addresses up to 2 MiB; a workspace too big for a link is offered as a file", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.locator("#ticket-category").waitFor();
  // Measure the limit share links must respect: the longest address Chromium navigates to.
  const base = new URL("nothing-here.html", page.url()).href;
  const navigates = async (length) => {
    try {
      await page.goto(`${base}#x=${"a".repeat(length - base.length - 3)}`, { timeout: 30_000 });
      return (await page.evaluate(() => location.href.length)) === length;
    } catch {
      return false;
    }
  };
  assert.equal(await navigates(2_097_152), true, "2 MiB is kept");
  assert.equal(await navigates(2_097_153), false, "one more character is refused");

  await page.goto(new URL("./", base).href);
  await page.locator("#ticket-category").waitFor();
  const policy = JSON.parse(await (await fetch(new URL("presets/default.json", base))).text());
  let noise = "";
  while (noise.length < 2_400_000) noise += Math.random().toString(36).slice(2);
  policy.description = noise;
  await page.getByTestId("import-file").setInputFiles({
    name: "huge.policy.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(policy)),
  });
  await page.getByTestId("notice").filter({ hasText: "Imported the policy" }).waitFor();
  await page.getByTestId("share").click();
  const notice = page.getByTestId("notice").filter({ hasText: "too big for a link" });
  await notice.waitFor();
  assert.match(await notice.innerText(), /Export workspace/);
  assert.equal(await page.getByTestId("share-link").count(), 0, "no link that would not open");
  const download = page.waitForEvent("download");
  await page.getByTestId("export-workspace").click();
  assert.match((await download).suggestedFilename(), /\.workspace\.json$/);
  assertClean(assert, /nothing-here\.html|ERR_ABORTED|404/);
});
