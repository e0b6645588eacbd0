// End-to-end: every instant the playground shows is wall-clock time in a named zone: the policy's
// (Europe/London, first line's calendar) unless the user picks another, with the clock change right (issue 11).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPlayground, screenshot, waitForGeneration } from "./browser.mjs";

/** An abbreviation the tz database uses, `UTC`, or an offset such as `+02:00`, ending the text. */
const NAMED = /(?:\b[A-Z]{3,5}|[+-]\d\d(?::\d\d)?)$/;

/**
 * The texts of every element showing an instant: agenda times, due instants, clock states, the ticket
 * table's creation times, and the timeline's labels that hold a time of day.
 */
async function instantTexts(page) {
  return page.evaluate(() => {
    const html = [...document.querySelectorAll(".when, span.due, [data-testid^='due-after-history-'], [data-testid='ticket-row'] td:nth-child(2)")]
      .map((element) => element.innerText.trim());
    const svg = [...document.querySelectorAll("svg.timeline .marker text")]
      .map((element) => element.textContent.trim())
      .filter((text) => /\d\d:\d\d/.test(text));
    return [...html, ...svg].filter((text) => text && text !== "—");
  });
}

/** Every time of day written anywhere on the page (text nodes), with what follows it, when no zone follows. */
async function unnamedTimes(page) {
  return page.evaluate(() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest("script, style, option, [hidden]")) continue;
      const text = node.textContent;
      for (const match of text.matchAll(/\b\d\d:\d\d\b/g)) {
        const after = text.slice(match.index + 5, match.index + 12);
        if (!/^\s(?:[A-Z]{3,5}\b|[+-]\d\d)/.test(after)) found.push(text.trim());
      }
    }
    return found;
  });
}

function assertAllNamed(texts, where) {
  assert.ok(texts.length > 0, `${where} shows instants`);
  for (const text of texts) assert.match(text, NAMED, `${where}: "${text}" names its zone`);
}

test("every instant names its zone: London summer time by default, UTC when picked, and the form follows", async (t) => {
  const { page, assertClean } = await openPlayground(t);
  await page.getByTestId("receiving-team").waitFor();
  await page.selectOption("#ticket-category", "billing");
  await page.selectOption("#ticket-priority", "medium");
  assert.match(await page.locator('label[for="ticket-created"]').innerText(), /Created at \(Europe\/London\)/);
  // Tuesday 7 July 10:00 in London is 09:00 UTC; four business hours later is 14:00 BST.
  await page.fill("#ticket-created", "2026-07-07T10:00");
  const due = page.locator('[data-testid="due-list"] li[data-target="first_response"] .due');
  await page.waitForFunction(() => document.querySelector('[data-testid="due-list"] li[data-target="first_response"] .due')?.innerText.includes("14:00"));
  assert.equal(await due.innerText(), "Tue 7 Jul 14:00 BST");
  assert.match(await page.getByTestId("sla-timeline").locator("xpath=../..").innerText(), /times in Europe\/London/);
  await page.getByTestId("history-add").click();
  await page.selectOption('[data-testid="history-kind-0"]', "waiting_on_customer");
  await page.fill('[data-testid="history-at-0"]', "2026-07-07T11:00");
  await page.getByTestId("history-clocks").waitFor();
  assertAllNamed(await instantTexts(page), "Try a ticket in London");
  assert.deepEqual(await unnamedTimes(page), [], "no time of day on the page without its zone");
  await screenshot(page, "screenshot-zones.png");

  await page.selectOption('[data-testid="zone-picker"]', "UTC");
  await page.waitForFunction(() => document.querySelector('[data-testid="due-list"] li[data-target="first_response"] .due')?.innerText.includes("UTC"));
  assert.equal(await due.innerText(), "Tue 7 Jul 13:00 UTC", "the same instant, in UTC");
  assert.equal(await page.inputValue("#ticket-created"), "2026-07-07T09:00", "the form shows the same instant in UTC");
  assert.equal(await page.inputValue('[data-testid="history-at-0"]'), "2026-07-07T10:00");
  assert.match(await page.locator('label[for="ticket-created"]').innerText(), /Created at \(UTC\)/);
  assertAllNamed(await instantTexts(page), "Try a ticket in UTC");
  assert.deepEqual(await unnamedTimes(page), []);

  await page.reload();
  await page.getByTestId("receiving-team").waitFor();
  assert.equal(await page.getByTestId("zone-picker").inputValue(), "UTC", "the picked zone is kept with the workspace");
  await page.selectOption('[data-testid="zone-picker"]', "");
  assert.equal(await page.inputValue("#ticket-created"), "2026-07-07T10:00", "back in London time");

  await page.getByTestId("tab-simulate").click();
  await waitForGeneration(page, 0);
  await page.getByTestId("ticket-row").first().click();
  await page.getByTestId("journey").waitFor();
  const simulated = await instantTexts(page);
  assertAllNamed(simulated, "Simulate");
  assert.deepEqual(await unnamedTimes(page), []);
  assert.ok(simulated.some((text) => /GMT$/.test(text)), "the preset's March week is on Greenwich time");
  assertClean(assert);
});
