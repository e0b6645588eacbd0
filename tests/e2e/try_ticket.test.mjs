// End-to-end: Try a ticket routes real tickets through the engine in the served page (issue 2 and 3 slice).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPlayground, recordBenchmarkSection, screenshot } from "./browser.mjs";

async function receivingTeam(page) {
  const team = page.getByTestId("receiving-team");
  await team.waitFor();
  return team.getAttribute("data-team");
}

async function tryTicket(page, { category, priority = "medium", channel = "email", segment = "standard", amount = "", signals = [] }) {
  await page.selectOption("#ticket-category", category);
  await page.selectOption("#ticket-priority", priority);
  await page.selectOption("#ticket-channel", channel);
  await page.selectOption("#ticket-segment", segment);
  await page.fill("#ticket-amount", amount);
  for (const name of ["demands_manager", "abusive", "threatens_to_leave", "threatens_review"]) {
    await page.setChecked(`input[name="${name}"]`, signals.includes(name));
  }
}

test("the receiving team follows the policy's rules", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();

  await tryTicket(page, { category: "how_to", priority: "low" });
  assert.equal(await receivingTeam(page), "general_support");
  assert.equal(await page.getByTestId("escalation-kind").getAttribute("data-kind"), "none");
  assert.equal(await page.getByTestId("decided-by").getAttribute("data-rule"), "default");

  await tryTicket(page, { category: "payment_failure", priority: "high" });
  assert.equal(await receivingTeam(page), "billing");
  assert.equal(await page.getByTestId("decided-by").getAttribute("data-rule"), "payment_failure×*");
  assert.equal(await page.getByTestId("escalation-kind").getAttribute("data-kind"), "functional");

  await tryTicket(page, { category: "payment_failure", priority: "high", signals: ["demands_manager"] });
  assert.equal(await receivingTeam(page), "supervisors");
  assert.equal(await page.getByTestId("escalation-kind").getAttribute("data-kind"), "hierarchical");
  assert.equal(await page.getByTestId("decided-by").getAttribute("data-rule"), "manager_or_abuse");

  await tryTicket(page, { category: "outage", priority: "critical", channel: "phone" });
  assert.equal(await receivingTeam(page), "engineering");
  assert.equal(await page.getByTestId("decided-by").getAttribute("data-rule"), "outage×critical");

  await tryTicket(page, { category: "refund", priority: "medium", amount: "750" });
  assert.equal(await receivingTeam(page), "supervisors");
  assert.equal(await page.getByTestId("decided-by").getAttribute("data-rule"), "large_refund");

  await tryTicket(page, { category: "refund", priority: "medium", amount: "120" });
  assert.equal(await receivingTeam(page), "general_support");

  assertClean(assert);
});

test("the trace highlights the matched rule and says why earlier rules missed", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();
  await tryTicket(page, { category: "payment_failure", priority: "high" });

  const trace = page.getByTestId("trace");
  assert.equal(await trace.locator('tr[data-step="payment_failure×*"]').getAttribute("data-outcome"), "matched");
  const outage = trace.locator('tr[data-step="outage×critical"]');
  assert.equal(await outage.getAttribute("data-outcome"), "missed");
  assert.match(await outage.innerText(), /category == "outage"/);
  assert.match(await outage.innerText(), /payment_failure/);
  assert.equal(await trace.locator('tr[data-step="default"]').getAttribute("data-outcome"), "skipped");

  const dueList = page.getByTestId("due-list");
  assert.match(await dueList.innerText(), /First response within/);
  assert.ok(await page.getByTestId("sla-timeline").isVisible());
  assertClean(assert);
});

test("a bad amount shows an error and keeps what was typed", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();
  await page.selectOption("#ticket-category", "refund");
  await page.fill("#ticket-amount", "lots");
  await page.getByTestId("draft-error").waitFor();
  assert.match(await page.getByTestId("draft-error").innerText(), /amount "lots" is not a number/);
  assert.equal(await page.inputValue("#ticket-amount"), "lots");
  await page.fill("#ticket-amount", "900");
  assert.equal(await receivingTeam(page), "supervisors");
  assertClean(assert);
});

test("screenshot of Try a ticket for the README", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();
  await page.fill("#ticket-created", "2026-03-06T16:55");
  await tryTicket(page, { category: "payment_failure", priority: "high", channel: "chat", segment: "premium" });
  assert.equal(await receivingTeam(page), "billing");
  await screenshot(page, "screenshot-try-ticket.png");
  assertClean(assert);
});

test("impact × urgency gives the matrix's priority, and editing the matrix grid changes it", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();
  await page.selectOption("#ticket-category", "outage");
  await page.selectOption("#ticket-priority", "matrix");
  await page.selectOption("#ticket-impact", "high");
  await page.selectOption("#ticket-urgency", "high");
  const decision = page.getByTestId("decision");
  await page.waitForFunction(() => document.querySelector('[data-testid="decision"]')?.innerText.includes("from impact × urgency"));
  assert.match(await decision.innerText(), /Priority critical \(from impact × urgency\)/);
  assert.equal(await receivingTeam(page), "engineering", "outage × critical goes to engineering");
  await screenshot(page, "screenshot-impact-urgency.png");

  await page.getByTestId("tab-policy").click();
  await page.getByTestId("priority-high-high").selectOption("high");
  await page.getByTestId("tab-try-a-ticket").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="decision"]')?.innerText.includes("Priority high (from impact × urgency)"));
  assert.equal(await receivingTeam(page), "technical_support", "outage × high goes to second line");

  await page.getByTestId("tab-policy").click();
  await page.getByTestId("remove-priority-matrix").click();
  await page.getByTestId("tab-try-a-ticket").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="decision"]')?.innerText.includes("Priority medium (policy default)"));
  assert.match(await page.locator("#ticket-priority").innerText(), /the policy has no matrix/);
  assertClean(assert);
});

test("the decision shows the chain a ticket climbs when no team resolves it", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();
  await tryTicket(page, { category: "billing", priority: "medium" });
  const chain = page.getByTestId("unresolved-chain");
  await page.waitForFunction(() => document.querySelector('[data-testid="unresolved-chain"]')?.innerText.includes("Billing and finance"));
  assert.match(await chain.innerText(), /If no team resolves it: First-line general support → Billing and finance \(functional\) → Support supervisors \(hierarchical\)/);
  assertClean(assert);
});

/** A medium billing ticket created Tuesday 3 March 10:00 that waited on the customer 10:30–13:30. */
async function billingTicketThatWaited(page) {
  await page.getByTestId("receiving-team").waitFor();
  await tryTicket(page, { category: "billing", priority: "medium" });
  await page.fill("#ticket-created", "2026-03-03T10:00");
  await page.getByTestId("history-add").click();
  await page.selectOption('[data-testid="history-kind-0"]', "waiting_on_customer");
  await page.fill('[data-testid="history-at-0"]', "2026-03-03T10:30");
  await page.getByTestId("history-add").click();
  assert.equal(await page.getByTestId("history-kind-1").inputValue(), "customer_reply", "after a wait, the customer replies");
  await page.fill('[data-testid="history-at-1"]', "2026-03-03T13:30");
}

test("a ticket's waiting span is drawn on the timeline and moves its paused due instants", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await billingTicketThatWaited(page);
  const clocks = page.getByTestId("history-clocks");
  await clocks.waitFor();
  const row = clocks.locator('tr[data-target="first_response"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="due-after-history-first_response"]')?.innerText.includes("17:00"));
  assert.match(await row.innerText(), /14:00[\s\S]*17:00[\s\S]*3h/, "planned 14:00, three business hours later after the wait");
  assert.equal(await page.getByTestId("waiting-span").count(), 1, "the wait is drawn on the timeline");
  await screenshot(page, "screenshot-history.png");

  await tryTicket(page, { category: "outage", priority: "medium" });
  await page.waitForFunction(() => document.querySelector('[data-testid="history-clocks"]')?.innerText.includes("does not pause"));
  const outage = await page.getByTestId("history-clocks").locator('tr[data-target="first_response"] td').allInnerTexts();
  assert.equal(outage[1], outage[2], "a policy that does not pause moves nothing");
  assertClean(assert);
});

test("a first-assign target set in the SLA editor is planned in Try a ticket and met by the pick-up in the history", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("tab-policy").click();
  await page.getByTestId("sla-target-2-medium-first_assign").fill("30m");
  await page.getByTestId("sla-target-2-medium-first_assign").press("Tab");
  await page.getByTestId("tab-try-a-ticket").click();
  await page.getByTestId("receiving-team").waitFor();
  await tryTicket(page, { category: "billing", priority: "medium" });
  await page.fill("#ticket-created", "2026-03-03T10:00");
  const planned = page.locator('li[data-target="first_assign"]');
  await planned.waitFor();
  assert.match(await planned.innerText(), /First assign[\s\S]*10:30/, "due 30 minutes after 10:00");
  await page.getByTestId("history-add").click();
  await page.selectOption('[data-testid="history-kind-0"]', "picked_up");
  await page.fill('[data-testid="history-at-0"]', "2026-03-03T10:20");
  const row = page.getByTestId("history-clocks").locator('tr[data-target="first_assign"]');
  await row.waitFor();
  await page.waitForFunction(() => /met/i.test(document.querySelector('[data-testid="history-clocks"] tr[data-target="first_assign"]')?.innerText ?? ""));
  assert.match(await row.innerText(), /Met/i);
  assertClean(assert);
});

test("a priority change in the history gives the new priority's targets and keeps the held time", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await billingTicketThatWaited(page);
  await page.getByTestId("history-add").click();
  await page.selectOption('[data-testid="history-kind-2"]', "priority_changed");
  await page.fill('[data-testid="history-at-2"]', "2026-03-03T14:00");
  assert.equal(await page.getByTestId("history-priority-2").inputValue(), "medium", "a new step keeps the priority");
  await page.selectOption('[data-testid="history-priority-2"]', "high");
  const resolution = page.getByTestId("history-clocks").locator('tr[data-target="resolution"]');
  // High: 8 business hours, one counted by 14:00 → Wednesday 09:00; the three hours waited stay held.
  await page.waitForFunction(() => document.querySelector('[data-testid="due-after-history-resolution"]')?.innerText.includes("09:00"));
  assert.match(await resolution.innerText(), /09:00[\s\S]*3h/);
  const firstResponse = page.getByTestId("history-clocks").locator('tr[data-target="first_response"]');
  assert.match(await firstResponse.innerText(), /breached at .*14:00/, "high's one business hour was already counted");
  assertClean(assert);
});

test("a lunch break added to a calendar closes it and moves the due instants counted on it", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();
  await tryTicket(page, { category: "billing", priority: "medium" });
  await page.fill("#ticket-created", "2026-03-03T10:00");
  const firstResponse = page.locator('[data-testid="due-list"] li[data-target="first_response"] .due');
  await page.waitForFunction(() => document.querySelector('[data-testid="due-list"] li[data-target="first_response"] .due')?.innerText.includes("14:00"));

  await page.getByTestId("tab-policy").click();
  const total = page.getByTestId("calendar-total-0");
  assert.match(await total.innerText(), /Open 60 h per week/);
  await page.getByTestId("calendar-break-add-0").click();
  await page.fill('[data-testid="calendar-break-0-0-from"]', "12:30");
  await page.fill('[data-testid="calendar-break-0-0-to"]', "13:30");
  await page.waitForFunction(() => document.querySelector('[data-testid="calendar-total-0"]')?.innerText.includes("55 h"));
  await page.getByTestId("calendar-breaks-0").scrollIntoViewIfNeeded();
  await screenshot(page, "screenshot-calendar-break.png");

  await page.getByTestId("tab-try-a-ticket").click();
  // Four business hours from Tuesday 10:00 on 08:00–20:00 with 12:30–13:30 off: 15:00.
  await page.waitForFunction(() => document.querySelector('[data-testid="due-list"] li[data-target="first_response"] .due')?.innerText.includes("15:00"));
  assert.match(await firstResponse.innerText(), /15:00/);
  assertClean(assert);
});

test("a ticket put on hold holds only the targets the SLA policy's pauses grid lists for on hold", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();
  await tryTicket(page, { category: "billing", priority: "medium" });
  await page.fill("#ticket-created", "2026-03-03T10:00");
  await page.getByTestId("history-add").click();
  await page.selectOption('[data-testid="history-kind-0"]', "on_hold");
  await page.fill('[data-testid="history-at-0"]', "2026-03-03T10:30");
  await page.getByTestId("history-add").click();
  assert.equal(await page.getByTestId("history-kind-1").inputValue(), "resumed", "after a hold, work resumes");
  await page.fill('[data-testid="history-at-1"]', "2026-03-03T12:30");
  const resolution = page.getByTestId("history-clocks").locator('tr[data-target="resolution"] td');
  await page.getByTestId("history-clocks").waitFor();
  assert.match(await page.getByTestId("history-pauses").innerText(), /holds first response, next update and resolution while waiting on the customer\.$/);
  let cells = await resolution.allInnerTexts();
  assert.equal(cells[1], cells[2], "the Standard SLA holds nothing on hold: resolution does not move");
  assert.equal(await page.locator('[data-testid="waiting-span"][data-state="on_hold"]').count(), 1, "the hold is drawn");

  await page.getByTestId("tab-policy").click();
  const onHoldResolution = page.getByTestId("sla-pause-2-on_hold-resolution");
  await onHoldResolution.scrollIntoViewIfNeeded();
  await onHoldResolution.check();
  await page.getByTestId("sla-pauses-2").screenshot({ path: new URL("../../docs/screenshot-sla-pauses.png", import.meta.url).pathname });
  await page.getByTestId("tab-try-a-ticket").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="history-pauses"]')?.innerText.includes("resolution while on hold"));
  cells = await resolution.allInnerTexts();
  assert.notEqual(cells[1], cells[2], "now the two hours on hold move resolution");
  assert.match(cells[3], /^2h$/, "held for the two hours on hold");
  const firstResponse = await page.getByTestId("history-clocks").locator('tr[data-target="first_response"] td').allInnerTexts();
  assert.equal(firstResponse[1], firstResponse[2], "first response is not held on hold");
  assertClean(assert);
});

test("a chat target set per channel in the SLA editor gives chat tickets a one-minute first response", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();
  await tryTicket(page, { category: "billing", priority: "medium", channel: "chat" });
  await page.fill("#ticket-created", "2026-03-03T10:00");
  const firstResponse = page.locator('[data-testid="due-list"] li[data-target="first_response"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="due-list"] li[data-target="first_response"] .due')?.innerText.includes("14:00"));

  await page.getByTestId("tab-policy").click();
  await page.selectOption('[data-testid="sla-channel-add-2"]', "chat");
  const chat = page.getByTestId("sla-channel-target-2-chat-first_response");
  await chat.fill("1m");
  await page.getByTestId("sla-channels-2").scrollIntoViewIfNeeded();
  await page.getByTestId("sla-channels-2").screenshot({ path: new URL("../../docs/screenshot-sla-channels.png", import.meta.url).pathname });

  await page.getByTestId("tab-try-a-ticket").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="due-list"] li[data-target="first_response"] .due')?.innerText.includes("10:01"));
  assert.match(await firstResponse.innerText(), /First response within 1m — due Tue 3 Mar 10:01 GMT/);
  await page.selectOption("#ticket-channel", "email");
  await page.waitForFunction(() => document.querySelector('[data-testid="due-list"] li[data-target="first_response"] .due')?.innerText.includes("14:00"));
  assert.match(await firstResponse.innerText(), /within 4h/, "an email keeps its priority's target");
  assertClean(assert);
});

test("Try a ticket answers a form change within a frame or two (timed for docs/benchmarks.md)", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();
  await tryTicket(page, { category: "how_to", priority: "high" });
  // Each change flips the category between a first-line question and a payment failure, which billing gets;
  // the time runs from the change event to the new receiving team in the DOM.
  const samples = await page.evaluate(async () => {
    const select = document.querySelector("#ticket-category");
    const teamNow = () => document.querySelector('[data-testid="receiving-team"]')?.dataset.team;
    const changeTo = (category, team) => new Promise((resolve) => {
      const started = performance.now();
      const observer = new MutationObserver(() => {
        if (teamNow() === team) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      select.value = category;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      select.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const times = [];
    for (let index = 0; index < 20; index += 1) {
      const [category, team] = index % 2 === 0 ? ["payment_failure", "billing"] : ["how_to", "general_support"];
      times.push(await changeTo(category, team));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
    }
    return times;
  });
  assert.equal(samples.length, 20);
  assert.equal(await receivingTeam(page), "general_support", "the last change's answer is on screen");
  const sorted = [...samples].sort((left, right) => left - right);
  const percentile = (share) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
  const p50 = percentile(0.5);
  const p95 = percentile(0.95);
  recordBenchmarkSection("try", [
    "### Browser: Try a ticket, form change → answer",
    "",
    `Measured ${new Date().toISOString()} by the end-to-end test \`try_ticket.test.mjs\` (Debian Chromium, headless, via`,
    "Playwright): 20 changes of the ticket's category on the default policy, alternating between a first-line",
    "question and a payment failure, each timed from the change event to the new receiving team in the page.",
    "",
    "| changes | p50 ms | p95 ms | slowest ms |",
    "| ---: | ---: | ---: | ---: |",
    `| ${samples.length} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${sorted.at(-1).toFixed(1)} |`,
    "",
    `Budget (issue 12): ≤ 16 ms, one frame — p95 ${p95 <= 16 ? "within budget" : "**over budget**"}. From the test run that last wrote it, on a shared 2-core machine.`,
    "",
  ].join("\n"));
  assertClean(assert);
});
