// The pane at the widths Excel opens it at (270 px Mac, 320 px Windows, 350 px the web, and widened to 450 px),
// in Office's light and dark themes: nothing scrolls sideways or is cut off in any view, before and after an
// insert. Also: empty states before the catalogue is inserted, the grouped findings, Office's theme followed
// without a reload, and what the page loads at start.
import type { Browser, Page } from "playwright-core";
import { bundledCatalogue } from "../src/data/bundled";
import { reconcile } from "../src/domain/reconcile";
import { DARK_THEME, LIGHT_THEME, launch, openPane, type OfficeTheme } from "./browser";
import { overflowProblems, PANE_WIDTHS } from "./layout";

// Each case walks every view twice on a shared 2-core machine: a guard against hangs, not a time limit.
jest.setTimeout(120_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWS = ["Start", "Tiltak", "Avvik", "Oppfølging"] as const;

/** Shows a view and waits until its content (or its empty state) is there; opens every findings section. */
async function show(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  await page.getByRole("tab", { name: view }).click();
  const panel = page.locator("[role=tabpanel]:not([hidden])");
  // Before an insert Oppfølging is its empty state; after, its two sections.
  const marker = { Start: /^Sett inn tiltakskatalog$/, Tiltak: /^Søk i tiltak$/, Avvik: /^Alvorlighet$/, Oppfølging: /^(Sett inn tiltakskatalog|Importer HØP-tall fra merket område)$/ }[view];
  await panel.getByText(marker).first().waitFor();
  await openAllSections(page);
}

/** Opens every collapsed section (<details>) of the view shown. */
export async function openAllSections(page: Page): Promise<void> {
  const closed = page.locator("[role=tabpanel]:not([hidden]) details:not([open]) > summary");
  while ((await closed.count()) > 0) await closed.first().click();
}

async function expectFits(page: Page, where: string): Promise<void> {
  expect({ where, problems: await overflowProblems(page) }).toEqual({ where, problems: [] });
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

describe.each(PANE_WIDTHS.flatMap((w) => [[w, "lys", LIGHT_THEME] as const, [w, "mørk", DARK_THEME] as const]))(
  "%i px, %s",
  (width: number, _name: string, theme: OfficeTheme) => {
    test("every view fits before and after an insert, on Office's own background", async () => {
      const { page, errors } = await openPane(browser, { withExcel: true, width, officeTheme: theme });
      await page.getByText("ikke satt inn ennå").waitFor();
      // Office's background behind the whole pane: no seam at its edges.
      expect(await page.evaluate("getComputedStyle(document.documentElement).backgroundColor")).toBe(rgb(theme.bodyBackgroundColor));
      expect(await page.locator(".tm-provider").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(theme.bodyBackgroundColor));
      for (const view of VIEWS) {
        await show(page, view);
        await expectFits(page, `${view} før innsetting`);
      }
      await page.getByRole("tab", { name: "Start" }).click();
      await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).first().click();
      await page.getByTestId("insert-result").waitFor();
      for (const view of VIEWS) {
        await show(page, view);
        await expectFits(page, `${view} etter innsetting`);
      }
      // The navigation is one row of four tabs at every width.
      const tops = await page.getByRole("tab").evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);
      expect(errors).toEqual([]);
    });
  },
);

test("the title and status line leave the tabs near the top (320 px)", async () => {
  const { page } = await openPane(browser, { withExcel: true, width: 320 });
  await page.getByText("ikke satt inn ennå").waitFor();
  const top = await page.getByRole("tablist").evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeLessThan(64); // it was 152 px before issue 14
});

test("the pane follows Office's theme when it changes, without a reload", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true, width: 320, officeTheme: LIGHT_THEME });
  await page.getByText("ikke satt inn ennå").waitFor();
  const background = () => page.locator(".tm-provider").evaluate((el) => getComputedStyle(el).backgroundColor);
  const text = () => page.getByRole("heading", { name: "Tiltaksmeny" }).evaluate((el) => getComputedStyle(el).color);
  expect(await background()).toBe("rgb(255, 255, 255)");
  const lightText = await text();
  await page.evaluate((t) => (window as unknown as { __setOfficeTheme: (t: unknown) => void }).__setOfficeTheme(t), DARK_THEME);
  await page.waitForFunction(() => getComputedStyle(document.querySelector(".tm-provider")!).backgroundColor === "rgb(38, 38, 38)");
  expect(await text()).not.toBe(lightText);
  expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
  expect(errors).toEqual([]);
});

test("before the catalogue is inserted every view offers the insert, never an error; inserting from a view fills it", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true, width: 320 });
  await page.getByText("ikke satt inn ennå").waitFor();
  for (const view of ["Tiltak", "Avvik", "Oppfølging"] as const) {
    await show(page, view);
    const panel = page.locator("[role=tabpanel]:not([hidden])");
    await panel.getByTestId("empty-state").waitFor();
    expect(await panel.getByRole("button", { name: "Sett inn tiltakskatalog" }).count()).toBe(1);
    expect(await panel.locator("[role=alert]").count()).toBe(0);
    expect(await panel.getByText("Kunne ikke", { exact: false }).count()).toBe(0);
  }
  // «Vis i arbeidsboken» needs the sheets: not offered yet; the report's findings are readable anyway.
  await show(page, "Avvik");
  expect(await page.getByRole("button", { name: "Vis i arbeidsboken" }).count()).toBe(0);
  expect(await page.locator("[data-testid^='finding-']").count()).toBeGreaterThan(0);
  await page.locator("[role=tabpanel]:not([hidden])").getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByRole("button", { name: "Kontroller på nytt" }).waitFor();
  expect(await page.getByTestId("empty-state").count()).toBe(0);
  expect(await page.getByRole("button", { name: "Vis i arbeidsboken" }).count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test("findings: counts with Norwegian plurals, one entry per measure and rule with its years as a range, the pane's number format; the Avvik sheet keeps a row per year", async () => {
  const findings = reconcile(bundledCatalogue);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const { page, errors } = await openPane(browser, { withExcel: true, width: 320 });
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await show(page, "Avvik");
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  await page
    .getByText(`${plural(count("error"), "feil", "feil")}, ${plural(count("warning"), "advarsel", "advarsler")}, ${plural(count("info"), "merknad", "merknader")}`, { exact: false })
    .first()
    .waitFor();
  // A count line per section, errors first inside.
  const summaries = await page.locator("[role=tabpanel]:not([hidden]) details.tm-section > summary").allTextContents();
  expect(summaries.length).toBe(bundledCatalogue.groups.length + 1);
  const badges = await page.getByTestId("findings-section-5").locator(".tm-badge").allTextContents();
  expect(badges).toEqual([...badges].sort((a, b) => ["Feil", "Advarsel", "Merknad"].indexOf(a) - ["Feil", "Advarsel", "Merknad"].indexOf(b)));
  expect(badges).not.toContain("Info");
  // 1.2's effect table disagrees in 2028, 2029 and 2030: one entry, the years as a range.
  const e12 = page.getByTestId("finding-1.2-detail-vs-summary");
  expect(await e12.count()).toBe(1);
  expect(await e12.textContent()).toContain("2028–2030");
  expect(await e12.textContent()).toContain("\u22128,55");
  const entries = await page.locator("[data-testid^='finding-']").count();
  expect(entries).toBeLessThan(findings.length);
  const text = (await page.locator("[role=tabpanel]:not([hidden])").textContent()) ?? "";
  expect(text).not.toMatch(/(^|[\s(])-\d/);
  // Filter by severity.
  await page.getByRole("combobox", { name: "Alvorlighet" }).selectOption({ label: "Bare feil" });
  await openAllSections(page);
  expect(new Set(await page.locator("[role=tabpanel]:not([hidden]) .tm-badge").allTextContents())).toEqual(new Set(["Feil"]));
  // The workbook's Avvik table is unchanged: one row per finding and year.
  const rows = await page.evaluate(() => (window as unknown as { __fakeModel: { tableObjects(n: string): unknown[] } }).__fakeModel.tableObjects("Avvik").length);
  expect(rows).toBe(findings.reduce((n, f) => n + Math.max(1, f.years.length), 0));
  expect(errors).toEqual([]);
});

test("at start the page loads only content-hashed scripts and no view but Start; a view's code comes on its first visit", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true, width: 320 });
  const scripts: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith(".js") && !path.startsWith("/office-js/")) scripts.push(path.slice(1));
  });
  await page.reload();
  await page.getByText("ikke satt inn ennå").waitFor();
  await page.waitForTimeout(500);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => !/^[\w-]+\.[0-9a-f]{8}\.js$/.test(s))).toEqual([]);
  expect(scripts.filter((s) => /^(tiltak|avvik|oppfolging|innsetting|arbeidsbok)\./.test(s))).toEqual([]);
  await page.getByRole("tab", { name: "Avvik" }).click();
  await page.getByText("Alvorlighet", { exact: true }).waitFor();
  expect(scripts.some((s) => s.startsWith("avvik."))).toBe(true);
  expect(errors).toEqual([]);
});
