// End-to-end: a ticket log imported through Import… is read in a worker and shown in the Data view with the
// same figures the native importer computes (tests/import_real_logs.rs); a file that is no ticket log shows
// its error and leaves the workspace as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
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

async function card(page, id) {
  return Number(await page.locator(`[data-testid="metric-cards"] [data-metric="${id}"]`).getAttribute("data-value"));
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
