// Accessibility of the built pane in headless Chromium: axe-core (WCAG 2 A/AA) on each view and the help pages, and
// the main action and the view switch reachable by keyboard alone.
import { readFileSync } from "node:fs";
import type { AxeResults, Result } from "axe-core";
import type { Browser, Locator, Page } from "playwright-core";
import { baseUrl, launch, openPane } from "./browser";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** axe-core's WCAG 2 A/AA rules on the page as it is now. */
async function axe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(() => (window as unknown as { axe: typeof import("axe-core") }).axe.run(document, { runOnly: ["wcag2a", "wcag2aa"] }));
}

function describeViolations(vs: readonly Result[]): string {
  return vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}`).join("\n")}`).join("\n");
}

/**
 * Fluent UI's focus manager (tabster) puts focusable, aria-hidden `<i data-tabster-dummy>` guards around
 * arrow-key groups such as the TabList: they only pass focus on, and must stay hidden from screen
 * readers. A documented false positive of aria-hidden-focus (microsoft/fluentui#25133, tabster#288);
 * only those nodes are dropped, everything else axe reports counts.
 */
function withoutTabsterGuards(vs: readonly Result[]): Result[] {
  return vs
    .map((v) => (v.id === "aria-hidden-focus" ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) } : v))
    .filter((v) => v.nodes.length > 0);
}

/** Fails with the ids and targets of every serious or critical violation. */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  const violations = withoutTabsterGuards((await axe(page)).violations);
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (serious.length > 0) throw new Error(`axe fant ${serious.length} alvorlige brudd:\n${describeViolations(serious)}`);
  if (violations.length > 0) console.warn(`axe (mindre alvorlige):\n${describeViolations(violations)}`);
}

async function openInExcel(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPane(browser, { withExcel: true });
  await opened.page.getByRole("heading", { name: "Tiltaksmeny" }).waitFor();
  await opened.page.getByText("ikke satt inn ennå").waitFor();
  return opened;
}

test("outside Excel: the message has no serious accessibility problems", async () => {
  const { page, errors } = await openPane(browser, { withExcel: false });
  await page.getByText("Åpne Tiltaksmeny i Excel").waitFor();
  await expectNoSeriousViolations(page);
  expect(errors).toEqual([]);
});

test.each(["index.html", "funksjoner.html"])("help page %s has no serious accessibility problems", async (file) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: "nb-NO" });
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(baseUrl() + "help/" + file);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await expectNoSeriousViolations(page);
  await context.close();
});

test.each([
  ["Start", "Sett inn tiltakskatalog"],
  ["Tiltak", "Søk i tiltak"],
  ["Avvik", "Alvorlighet"],
  ["Oppfølging", "Katalogen er ikke satt inn i denne arbeidsboken ennå."],
])("view %s (before an insert: empty states) has no serious accessibility problems", async (tab, marker) => {
  const { page, errors } = await openInExcel();
  await page.getByRole("tab", { name: tab }).click();
  await page.getByText(marker, { exact: true }).first().waitFor();
  await expectNoSeriousViolations(page);
  expect(errors).toEqual([]);
});

test("view Start after an insert (result message) has no serious accessibility problems", async () => {
  const { page, errors } = await openInExcel();
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByText("satt inn i arbeidsboken", { exact: true }).waitFor();
  await expectNoSeriousViolations(page);
  expect(errors).toEqual([]);
});

test.each([
  ["Tiltak", "Gjenstår"],
  ["Avvik", "Kontroller på nytt"],
  ["Oppfølging", "Importer HØP-tall fra merket område"],
])("view %s (after an insert) has no serious accessibility problems", async (tab, marker) => {
  const { page, errors } = await openInExcel();
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByRole("tab", { name: tab }).click();
  await page.getByText(marker).first().waitFor();
  // Findings: every section open, so every entry (badges, links) is checked too.
  const closed = page.locator("[role=tabpanel]:not([hidden]) details:not([open]) > summary");
  while ((await closed.count()) > 0) await closed.first().click();
  await expectNoSeriousViolations(page);
  expect(errors).toEqual([]);
});

function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

/** What has focus, for failure messages. */
function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? "(ingenting)");
}

/** Presses `key` until `target` has focus (at most `max` times); returns how many presses it took. */
async function pressUntilFocused(page: Page, key: string, target: Locator, max = 10): Promise<number> {
  let presses = 0;
  while (!(await hasFocus(target))) {
    if (++presses > max) throw new Error(`${key} nådde ikke målet; fokus på ${await focusedElement(page)}`);
    await page.keyboard.press(key);
  }
  return presses;
}

test("keyboard only: Tab reaches «Sett inn tiltakskatalog», Enter inserts, arrow keys switch views", async () => {
  const { page, errors } = await openInExcel();
  const tab = (name: string) => page.getByRole("tab", { name });
  const insert = page.getByRole("button", { name: "Sett inn tiltakskatalog" });

  // From page load: the tab list is one Tab stop (arrows move inside it), the insert button follows.
  expect(await pressUntilFocused(page, "Tab", insert)).toBeLessThanOrEqual(3);
  await page.keyboard.press("Enter");
  await page.getByTestId("insert-result").waitFor();
  const tables = await page.evaluate(() => (window as unknown as { __fakeModel: { tables: { name: string }[] } }).__fakeModel.tables.map((t) => t.name));
  expect(tables).toEqual(expect.arrayContaining(["Tiltak", "Tiltakslinjer", "Gruppesum", "Kategorisum", "Avvik"]));

  // Back to the tab list, onto the selected tab; arrows move between tabs, Enter/Space selects one.
  await pressUntilFocused(page, "Shift+Tab", tab("Start"));
  await page.keyboard.press("ArrowRight");
  expect(await hasFocus(tab("Tiltak"))).toBe(true);
  await page.keyboard.press("Enter");
  expect(await tab("Tiltak").getAttribute("aria-selected")).toBe("true");
  await page.getByPlaceholder("Nummer eller navn").waitFor({ state: "visible" });
  expect(await insert.isVisible()).toBe(false);

  await page.keyboard.press("ArrowRight");
  expect(await hasFocus(tab("Avvik"))).toBe(true);
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Kontroller på nytt" }).waitFor({ state: "visible" });
  expect(await tab("Avvik").getAttribute("aria-selected")).toBe("true");

  // The tab list wraps around: left from the first tab is the last, right from the last is the first.
  await pressUntilFocused(page, "ArrowLeft", tab("Start"));
  await page.keyboard.press("ArrowLeft");
  expect(await hasFocus(page.getByRole("tab").last())).toBe(true);
  await page.keyboard.press("ArrowRight");
  expect(await hasFocus(tab("Start"))).toBe(true);
  await page.keyboard.press("ArrowRight");
  expect(await hasFocus(tab("Tiltak"))).toBe(true);
  await page.keyboard.press("Enter");
  await page.getByPlaceholder("Nummer eller navn").waitFor({ state: "visible" });

  // Tab from the tab list goes into the selected view, never into a hidden one.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).not.toBe("tab");
  expect(await page.evaluate(() => document.activeElement?.closest("[hidden]") ?? null)).toBeNull();
  expect(errors).toEqual([]);
});
