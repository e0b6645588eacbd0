// End-to-end: the embedding demo under its strict Content-Security-Policy — two independent calculators, the
// `decision` and `error` events, a bad policy shown in place, and no side effects on the host page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, openPlayground, screenshot } from "./browser.mjs";

const decisionOf = (page, id) => page.evaluate((id) => document.getElementById(id).decision, id);

async function waitForDecisions(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("escalation-calculator")].every((element) => element.decision !== null));
}

/** Resolves with the next `decision` event's team of calculator `id`. */
function nextDecision(page, id) {
  return page.evaluate((id) => new Promise((resolve) => {
    document.getElementById(id).addEventListener("decision", (event) => resolve(event.detail.team), { once: true });
  }), id);
}

test("the demo page is served with the strict CSP header", async () => {
  const response = await fetch(new URL("embed/", BASE_URL));
  assert.equal(response.status, 200);
  assert.equal(
    response.headers.get("content-security-policy"),
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  );
});

test("two calculators answer independently and fire decision with the right team", async (t) => {
  const { page, assertClean } = await openPlayground(t, { path: "embed/", viewport: { width: 1280, height: 1500 } });
  await waitForDecisions(page);
  const returnsBefore = await decisionOf(page, "returns-calculator");
  assert.equal(returnsBefore.team, "returns_desk");

  const heard = nextDecision(page, "support");
  await page.selectOption("#support select[name=category]", "payment_failure");
  assert.equal(await heard, "billing");
  assert.equal((await decisionOf(page, "support")).team, "billing");
  assert.deepEqual(await decisionOf(page, "returns-calculator"), returnsBefore, "the other calculator did not change");
  await page.locator("#support-log[data-team=billing]").waitFor();

  const supportBefore = await decisionOf(page, "support");
  const refunds = nextDecision(page, "returns-calculator");
  await page.selectOption("#returns-calculator select[name=category]", "refund");
  await page.fill("#returns-calculator input[name=amount]", "750");
  await page.locator("#returns-calculator input[name=amount]").dispatchEvent("change");
  await refunds;
  await page.waitForFunction(() => document.getElementById("returns-calculator").decision.team === "refunds");
  const returns = await decisionOf(page, "returns-calculator");
  assert.equal(returns.decided_by.id, "large_refunds");
  assert.equal(returns.zone, "Europe/London");
  assert.deepEqual(await decisionOf(page, "support"), supportBefore, "the first calculator did not change");

  // The answer names the team, the rule in plain words and the first reply's local due time.
  const answer = page.locator("#returns-calculator [part=answer]");
  const text = await answer.innerText();
  assert.match(text, /Refund specialists/);
  assert.match(text, /Refunds over £500 go straight to the refund specialists/);
  // Friday 16:55 + 4 business hours of a 09:00–17:00 desk = Monday 12:55, in the desk's zone.
  assert.match(text, /First reply by Mon, Mar 9, 12:55 \(Europe\/London\)/);
  assert.match(text, /If still open/);

  // The lang attribute writes the due times in that language.
  await page.evaluate(() => document.getElementById("returns-calculator").setAttribute("lang", "de"));
  await page.waitForFunction(() => /Erste|Mo\./.test(document.getElementById("returns-calculator").shadowRoot.textContent));
  assert.match(await answer.innerText(), /First reply by Mo\., 9\. März, 12:55 \(Europe\/London\)/);
  await page.evaluate(() => document.getElementById("returns-calculator").removeAttribute("lang"));
  await page.waitForFunction(() => /Mon, Mar 9/.test(document.getElementById("returns-calculator").shadowRoot.textContent));

  // The manager signal is a trigger that goes over the rules' heads.
  await page.check("#returns-calculator input[data-signal=demands_manager]");
  await page.waitForFunction(() => document.getElementById("returns-calculator").decision.team === "care_managers");

  // Setting the ticket from JS fills the form and answers.
  await page.evaluate(() => {
    document.getElementById("support").ticket = { category: "outage", impact: "high", urgency: "high", channel: "phone" };
  });
  await page.waitForFunction(() => document.getElementById("support").decision.team === "engineering");
  assert.equal(await page.inputValue("#support select[name=category]"), "outage");
  assert.equal((await decisionOf(page, "support")).priority_source, "matrix");

  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "screenshot-embed.png");
  assertClean(assert);
});

test("a policy with an authorisation makes the calculator say who must approve a large refund", async (t) => {
  const { page, assertClean } = await openPlayground(t, { path: "embed/" });
  await waitForDecisions(page);
  await page.evaluate(async () => {
    const calculator = document.getElementById("support");
    const policy = await (await fetch("support-policy.json")).json();
    policy.authorisations = [{ id: "refunds", categories: ["refund"], limits: [{ above: 100, approver: "billing" }] }];
    calculator.policy = policy;
    calculator.ticket = { category: "refund", priority: "medium", channel: "email", amount: 150 };
  });
  await page.waitForFunction(() => document.getElementById("support").decision?.approval?.approver === "billing");
  const approval = page.locator("#support [part=approval]");
  assert.match(await approval.innerText(), /Needs approval: the amount 150 is above 100, so Billing and finance approve it before First-line general support may finish it/);
  await page.evaluate(() => { document.getElementById("support").ticket = { category: "refund", priority: "medium", channel: "email", amount: 50 }; });
  await page.waitForFunction(() => document.getElementById("support").decision && !document.getElementById("support").decision.approval);
  assert.equal(await approval.count(), 0);
  assertClean(assert);
});

test("a bad policy shows its located error in the widget, fires error, and the page keeps working", async (t) => {
  const { page, assertClean } = await openPlayground(t, { path: "embed/" });
  await waitForDecisions(page);
  const error = await page.evaluate(() => new Promise((resolve) => {
    const calculator = document.getElementById("returns-calculator");
    calculator.addEventListener("error", (event) => resolve({
      name: event.detail.name, path: event.detail.path, code: event.detail.code, message: event.detail.message,
    }), { once: true });
    calculator.policy = { schema_version: 1, name: "Broken", tiers: [], teams: [{ id: "desk", name: "Desk", tier: "l1", agents: "four" }], routing: { default: "desk" } };
  }));
  assert.equal(error.name, "EscalatorError");
  assert.equal(error.code, "policy-shape");
  assert.equal(error.path, "teams[0].agents");
  const alert = page.locator("#returns-calculator [role=alert]");
  assert.match(await alert.innerText(), /teams\[0\]\.agents/);
  assert.equal(await decisionOf(page, "returns-calculator"), null);

  // A policy that reads but does not compile names every bad reference.
  const unknownTeam = await page.evaluate(() => new Promise((resolve) => {
    const calculator = document.getElementById("returns-calculator");
    calculator.addEventListener("error", (event) => resolve(event.detail.path), { once: true });
    calculator.policy = JSON.stringify({ schema_version: 1, name: "Broken", tiers: [{ id: "l1", name: "L1", level: 1 }], teams: [{ id: "desk", name: "Desk", tier: "l1", agents: 1 }], routing: { default: "nobody" } });
  }));
  assert.equal(unknownTeam, "routing.default");

  // The widget fetches each zone a policy names; a zone that does not exist is an error at its path.
  const unknownZone = await page.evaluate(() => new Promise((resolve) => {
    const calculator = document.getElementById("returns-calculator");
    calculator.addEventListener("error", (event) => resolve(event.detail.path), { once: true });
    calculator.policy = { schema_version: 1, name: "Mars desk", tiers: [{ id: "l1", name: "L1", level: 1 }],
      calendars: [{ id: "mars", name: "Mars", time_zone: "Mars/Olympus_Mons", hours: [{ days: ["mon"], from: "09:00", to: "17:00" }] }],
      teams: [{ id: "desk", name: "Desk", tier: "l1", agents: 1, calendar: "mars" }], routing: { default: "desk" } };
  }));
  assert.equal(unknownZone, "calendars[0].time_zone");

  // A policy URL that does not exist is an error too, not an exception in the host page.
  const missing = await page.evaluate(() => new Promise((resolve) => {
    const calculator = document.createElement("escalation-calculator");
    calculator.addEventListener("error", (event) => resolve(event.detail.code), { once: true });
    calculator.setAttribute("policy", "no-such-policy.json");
    document.querySelector("main").append(calculator);
  }));
  assert.equal(missing, "policy-fetch");

  // The other calculator still answers.
  await page.selectOption("#support select[name=category]", "refund");
  await page.waitForFunction(() => document.getElementById("support").decision.team === "general_support");
  assertClean({ deepEqual: (problems, expected, message) => assert.deepEqual(
    problems.filter((problem) => !/no-such-policy\.json|Olympus_Mons|status of 404/.test(problem)),
    expected, message) });
});

test("the calculator leaves the host's fragment, storage and keyboard shortcuts alone", async (t) => {
  const { page, assertClean } = await openPlayground(t, { path: "embed/#host-fragment" });
  await page.evaluate(() => {
    localStorage.setItem("host-key", "host-value");
    window.hostUndo = [];
    document.addEventListener("keydown", (event) => {
      if (event.key === "z" && event.ctrlKey) window.hostUndo.push(event.defaultPrevented);
    });
  });
  await waitForDecisions(page);
  await page.focus("#support select[name=category]");
  await page.keyboard.press("Control+z");
  await page.focus("body");
  await page.keyboard.press("Control+z");
  await page.selectOption("#support select[name=channel]", "chat");
  await page.waitForFunction(() => document.getElementById("support").decision !== null);

  const host = await page.evaluate(() => ({
    hash: location.hash,
    storage: Object.keys(localStorage),
    value: localStorage.getItem("host-key"),
    undo: window.hostUndo,
  }));
  assert.equal(host.hash, "#host-fragment");
  assert.deepEqual(host.storage, ["host-key"]);
  assert.equal(host.value, "host-value");
  assert.deepEqual(host.undo, [false, false], "Ctrl+Z reached the host's handler, not prevented");
  assertClean(assert);
});

test("the calculator is usable with the keyboard alone", async (t) => {
  const { page, assertClean } = await openPlayground(t, { path: "embed/" });
  await waitForDecisions(page);
  await page.focus("#support select[name=category]");
  const before = (await decisionOf(page, "support")).team;
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction((before) => document.getElementById("support").ticket.category !== "account", before);
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.getElementById("support").shadowRoot.activeElement?.getAttribute("name"));
  assert.equal(focused, "impact");
  const labels = await page.evaluate(() => [...document.getElementById("support").shadowRoot.querySelectorAll("select, input")]
    .map((control) => control.labels?.[0]?.textContent ?? null));
  assert.ok(labels.every((label) => label), `every control has a label: ${JSON.stringify(labels)}`);
  assert.ok(before);
  assertClean(assert);
});
