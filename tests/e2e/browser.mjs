// Shared Playwright harness: launches Debian's Chromium headless and fails a test on console errors or failed requests.
import { chromium } from "playwright-core";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const BASE_URL = process.env.ESCALATOR_URL ?? "http://127.0.0.1:8080/";
export const DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs");

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** A fresh browser profile with a page that records every console error and failed request. */
export async function openPlayground(t, { path = "", viewport = { width: 1280, height: 800 }, beforeLoad } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "escalator-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
  });
  const problems = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  t.after(async () => {
    await context.close();
  });
  await beforeLoad?.(context);
  await page.goto(new URL(path, BASE_URL).href);
  return {
    page,
    context,
    /** Asserts that nothing went wrong in the page so far, except problems matching `expected`. */
    assertClean(assert, expected = null) {
      const unexpected = expected ? problems.filter((problem) => !expected.test(problem)) : problems;
      assert.deepEqual(unexpected, [], "the page reported errors");
    },
  };
}

/** Saves a screenshot under docs/ (committed evidence of what a person sees). */
export async function screenshot(page, name) {
  mkdirSync(DOCS_DIR, { recursive: true });
  await page.screenshot({ path: join(DOCS_DIR, name), fullPage: false });
}

/** Rewrites the `<!-- NAME:start -->…<!-- NAME:end -->` section of docs/benchmarks.md (appending it if missing). */
export function recordBenchmarkSection(name, markdown) {
  const path = join(DOCS_DIR, "benchmarks.md");
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const document = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  const updated = from >= 0 && to > from
    ? document.slice(0, from) + `${start}\n${markdown}` + document.slice(to)
    : `${document.trimEnd()}\n\n${start}\n${markdown}${end}\n`;
  writeFileSync(path, updated);
}

/** How long a simulation in the served page may take in the tests. */
export const RUN_TIMEOUT = 120_000;

/** How many runs the Simulate view has shown so far. */
export async function generation(page) {
  return Number((await page.locator(".simulate-page").getAttribute("data-generation")) ?? 0);
}

/** Waits until the Simulate view shows a run after the `above`-th, and returns its number. */
export async function waitForGeneration(page, above) {
  await page.waitForFunction(
    (n) => Number(document.querySelector(".simulate-page")?.dataset.generation ?? 0) > n,
    above,
    { timeout: RUN_TIMEOUT },
  );
  return generation(page);
}
