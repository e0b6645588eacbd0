// End-to-end: an authorisation built in the Policy editor's Authorisations form ("a refund above 100 needs
// Billing's approval") shows in Try a ticket as the sign-off the ticket needs, and in Simulate as approval
// requests that raise the hierarchical escalation rate; removing it undoes both.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPlayground, screenshot, waitForGeneration } from "./browser.mjs";

async function hierarchicalRate(page) {
  const card = page.locator('[data-testid="metric-cards"] [data-metric="escalation_rate.hierarchical"]').first();
  return Number(await card.getAttribute("data-value"));
}

async function tryRefund(page, amount) {
  await page.selectOption("#ticket-category", "refund");
  await page.selectOption("#ticket-priority", "medium");
  await page.fill("#ticket-amount", amount);
  await page.getByTestId("receiving-team").waitFor();
}

test("an authorisation made in the form asks the approver in Try a ticket and in the simulation", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-simulate").click();
  let seen = await waitForGeneration(page, 0);
  const before = await hierarchicalRate(page);

  await page.getByTestId("tab-policy").click();
  await page.getByTestId("add-authorisation").click();
  const form = page.getByTestId("authorisation-0");
  await form.waitFor();
  assert.equal(await page.getByTestId("authorisation-0-category-refund").isChecked(), true, "a new authorisation covers refunds");
  await page.getByTestId("authorisation-0-above-0").fill("100");
  await page.getByTestId("authorisation-0-approver-0").selectOption("billing");
  await page.getByTestId("authorisation-0-description").fill("Refunds need Billing's sign-off");
  await form.scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-authorisations.png");

  await page.getByTestId("tab-try-a-ticket").click();
  await tryRefund(page, "120");
  const approval = page.getByTestId("approval-needed");
  await approval.waitFor();
  assert.equal(await approval.getAttribute("data-approver"), "billing");
  assert.match(await approval.innerText(), /An amount of 120 is above 100 \(approval: Refunds need Billing's sign-off\): Billing and finance approve it before First-line general support may finish it/);
  assert.equal(await page.getByTestId("receiving-team").getAttribute("data-team"), "general_support", "routing is unchanged");
  await page.getByTestId("decision").scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-approval.png");
  await tryRefund(page, "80");
  await page.waitForFunction(() => !document.querySelector('[data-testid="approval-needed"]'));

  await page.getByTestId("tab-simulate").click();
  seen = await waitForGeneration(page, seen);
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.dataset.state === "idle");
  const asked = await hierarchicalRate(page);
  assert.ok(asked > before, `approval requests are hierarchical escalations: ${before} → ${asked}`);

  await page.getByTestId("tab-policy").click();
  await page.getByTestId("authorisation-0-remove").click();
  await page.getByTestId("tab-simulate").click();
  await waitForGeneration(page, seen);
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.dataset.state === "idle");
  assert.equal(await hierarchicalRate(page), before, "without the authorisation the run is as before");
  assertClean(assert);
});
