// End-to-end: export and import of policy and scenario JSON, and results as CSV (issue 5, keep and share).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { openPlayground } from "./browser.mjs";

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

test("the policy exports as JSON and an edited copy imports back, with a clear error for a bad file", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();
  const exported = await download(page, () => page.getByTestId("export-policy").click());
  assert.match(exported.name, /\.policy\.json$/);
  const policy = JSON.parse(exported.text);
  assert.equal(policy.schema_version, 1);

  policy.name = "Imported organisation";
  await page.getByTestId("import-file").setInputFiles({
    name: "edited.policy.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(policy)),
  });
  await page.getByTestId("notice").waitFor();
  assert.match(await page.getByTestId("notice").innerText(), /Imported the policy “Imported organisation”/);
  assert.match(await page.locator(".policy-name").innerText(), /Imported organisation/);

  policy.teams[0].agents = "four";
  await page.getByTestId("import-file").setInputFiles({
    name: "broken.policy.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(policy, null, 2)),
  });
  await page.waitForFunction(() => /Could not import broken/.test(document.querySelector('[data-testid="notice"]')?.innerText ?? ""));
  assert.match(await page.getByTestId("notice").innerText(), /teams\[0\]\.agents/);
  assert.match(await page.locator(".policy-name").innerText(), /Imported organisation/, "a bad file changes nothing");

  const scenario = await download(page, () => page.getByTestId("export-scenario").click());
  assert.ok(JSON.parse(scenario.text).workload, "the scenario export has its workload");
  assertClean(assert);
});

test("results export as CSV: a row per ticket and the daily series", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  await page.waitForFunction(() => Number(document.querySelector(".simulate-page")?.dataset.generation ?? 0) > 0, null, { timeout: 120_000 });
  const files = [];
  page.on("download", async (file) => files.push({ name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") }));
  await page.getByTestId("export-csv").click();
  for (let i = 0; i < 50 && files.length < 2; i++) await page.waitForTimeout(100);
  const tickets = files.find((f) => f.name === "escalator-tickets.csv");
  const daily = files.find((f) => f.name === "escalator-daily-metrics.csv");
  assert.ok(tickets && daily, `both files downloaded (${files.map((f) => f.name)})`);
  const rows = tickets.text.trim().split("\n");
  assert.match(rows[0], /^ticket,created,category,priority,channel,first_team,first_reason,last_team,escalations/);
  const shown = Number((await page.getByTestId("ticket-count").innerText()).match(/of (\d+)/)[1]);
  assert.equal(rows.length - 1, shown);
  assert.match(daily.text.split("\n")[0], /^replication,day,tickets,escalated,escalation_rate/);
  assertClean(assert);
});
