import { readFileSync } from "node:fs";
import type { AxeResults } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { version as packageVersion } from "../package.json";
import catalogueJson from "../src/data/catalogue.json";
import { baseUrl, fakeExcelScript, launch, networkProblems, openPane, watchNetwork, type NetworkWatch } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface ModelView {
  syncs: number;
  runs: number;
  ops: string[];
  tables: { name: string; sheet: string }[];
  sheets: string[];
}

/** What reached the fake Excel host, read from inside the page. */
function fakeHost(page: Page): Promise<ModelView> {
  return page.evaluate(() => {
    const m = (window as unknown as { __fakeModel: { syncs: number; runs: number; ops: string[]; tables: { name: string; sheet: { name: string } }[]; sheets: { name: string }[] } }).__fakeModel;
    return { syncs: m.syncs, runs: m.runs, ops: m.ops, tables: m.tables.map((t) => ({ name: t.name, sheet: t.sheet.name })), sheets: m.sheets.map((s) => s.name) };
  });
}

test("outside Office the pane explains that it must be opened in Excel, without crashing", async () => {
  const { page, errors } = await openPane(browser, { withExcel: false });
  await page.getByText("Åpne Tiltaksmeny i Excel").waitFor();
  expect(await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).count()).toBe(0);
  expect(errors).toEqual([]);
});

test("with an Excel host the pane renders, reads the workbook's status from the host, and lists the catalogue", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true, sheets: ["Budsjett 2026", "Tiltak"], tables: [{ name: "Tiltak", sheet: "Tiltak" }] });
  await page.getByRole("heading", { name: "Tiltaksmeny" }).waitFor();
  expect(await page.getByText("46 tiltak", { exact: false }).first().isVisible()).toBe(true);
  await page.getByText("satt inn i arbeidsboken", { exact: true }).waitFor();
  // The pane's status line reads the workbook once (the custom functions read their catalogue setting too).
  const host = await fakeHost(page);
  expect(host.ops.filter((op) => op === "collection.load(items/name)")).toHaveLength(2);
  expect(host.syncs).toBeLessThanOrEqual(2);
  await page.getByRole("tab", { name: "Tiltak" }).click();
  await page.getByPlaceholder("Nummer eller navn").fill("kino");
  await page.getByText("Endre drift kinoen", { exact: true }).waitFor();
  expect(errors).toEqual([]);
});

test("clicking insert puts the catalogue tables into the workbook in one read, one write and one recalculation", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  const host = await fakeHost(page);
  // In the user's words: the sheets they see, in order, and how many (never the ASCII table names).
  const created = host.sheets.filter((s) => s !== "Budsjett 2026");
  const list = `${created.slice(0, -1).join(", ")} og ${created[created.length - 1]}`;
  expect(await page.getByTestId("insert-result").textContent()).toContain(`Opprettet ${created.length} ark: ${list}.`);
  expect(created.slice(0, 3)).toEqual(["Tiltak", "Detaljer", "Oppsummering"]);
  expect(host.tables).toEqual(
    expect.arrayContaining([
      { name: "Avvik", sheet: "Avvik" },
      { name: "Tiltak", sheet: "Tiltak" },
      { name: "Tiltakslinjer", sheet: "Detaljer" },
      { name: "Gruppesum", sheet: "Oppsummering" },
      { name: "Kategorisum", sheet: "Oppsummering" },
      { name: "ValgtMotMal", sheet: "Oppsummering" },
      { name: "Oppfolging", sheet: "Oppfølging" },
      { name: "HOP", sheet: "HØP" },
    ]),
  );
  // The pane adds one status read on open and one after the insert to the insert's own round trips
  // (read, write, recalculate: counted exactly in src/excel/insert.test.ts); the functions read their setting.
  expect(host.syncs).toBeLessThanOrEqual(7);
  const nr = await page.evaluate(() => {
    const m = (window as unknown as { __fakeModel: { tableObjects(n: string): Record<string, unknown>[] } }).__fakeModel;
    return m.tableObjects("Tiltak").map((r) => r.Nr);
  });
  expect(nr).toHaveLength(46);
  expect(nr).toContain("2.10");

  // A second click changes nothing.
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByText("Allerede oppdatert").waitFor();
  expect(errors).toEqual([]);
});

test("an Excel error shows a Norwegian message, never the raw error text, and the workbook is as before", async () => {
  const { page } = await openPane(browser, { withExcel: true });
  await page.evaluate(() => {
    (window as unknown as { __fakeModel: { failOn: unknown } }).__fakeModel.failOn = { op: /tables\.add\(Detaljer/, code: "AccessDenied" };
  });
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-error").waitFor();
  const body = (await page.textContent("body")) ?? "";
  expect(body).toContain("Excel nektet tilgang");
  expect(body).toContain("Arbeidsboken er som før");
  expect(body).not.toContain("Internal error text");
  const host = await fakeHost(page);
  expect(host.sheets).toEqual(["Budsjett 2026"]);
  expect(host.tables).toEqual([]);
});

test("re-check after an edit clears the flag, in the pane and in the Avvik table; a finding jumps to its cells", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByRole("tab", { name: "Avvik" }).click();
  // The list is long: sections start collapsed to their count line; open group 4.
  await page.getByTestId("findings-section-4").locator("summary").click();
  await page.getByTestId("finding-4.12-detail-vs-summary").waitFor();

  // The controller checks the PDF and corrects 4.12's 2028 value in the Tiltak table.
  await page.evaluate(() => {
    (window as unknown as { __fakeModel: { typeInTable(t: string, k: string, c: string, v: unknown): void } }).__fakeModel.typeInTable("Tiltak", "4.12", "2028", -0.4);
  });
  await page.getByRole("button", { name: "Kontroller på nytt" }).click();
  await page.getByTestId("recheck-result").waitFor();
  expect(await page.getByTestId("recheck-result").textContent()).toContain("oppdatert");
  expect(await page.locator("[data-testid^='finding-4.12-']").count()).toBe(0);
  const avvikFor412 = await page.evaluate(() => {
    const m = (window as unknown as { __fakeModel: { tableObjects(n: string): Record<string, unknown>[] } }).__fakeModel;
    return m.tableObjects("Avvik").filter((r) => r.Nr === "4.12").length;
  });
  expect(avvikFor412).toBe(0);

  // "Vis i arbeidsboken" selects the disagreeing cell of 1.7 (2030) in the Tiltak table.
  await page.getByTestId("findings-section-1").locator("summary").click();
  await page.getByTestId("finding-1.7-detail-vs-summary").getByRole("button", { name: "Vis i arbeidsboken" }).click();
  await page.waitForFunction(() => (window as unknown as { __fakeModel: { selection: string | null } }).__fakeModel.selection !== null);
  const selection = await page.evaluate(() => (window as unknown as { __fakeModel: { selection: string; activeSheet: string } }).__fakeModel);
  expect(selection.activeSheet).toBe("Tiltak");
  expect(selection.selection).toMatch(/^Tiltak![A-Z]+\d+$/);
  expect(errors).toEqual([]);
});

test("choosing measures in the pane changes the gap to the 40 MNOK target, and reaches the workbook", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByRole("tab", { name: "Tiltak" }).click();
  // Every figure in mill. kr with the report's sign: target, chosen and what remains are all savings (negative).
  const overall = page.getByTestId("choice-alle");
  await overall.filter({ hasText: /Gjenstår\s*−40,0 mill\. kr/ }).waitFor();
  expect(await overall.textContent()).toMatch(/Sparekrav\s*−40,0 mill\. kr/);
  await page.getByRole("checkbox", { name: /^2\.2 / }).check();
  await overall.filter({ hasText: /Gjenstår\s*−30,7 mill\. kr/ }).waitFor();
  await page.getByText("Per arbeidsgruppe").click();
  await page.getByTestId("choice-2").filter({ hasText: "gjenstår −8,2 mill. kr" }).waitFor();
  // No refresh button: the view follows the table.
  expect(await page.getByRole("button", { name: "Oppdater" }).count()).toBe(0);
  const valgt = await page.evaluate(() => {
    const m = (window as unknown as { __fakeModel: { tableObjects(n: string): Record<string, unknown>[] } }).__fakeModel;
    return m.tableObjects("Tiltak").find((r) => r.Nr === "2.2")!.Valgt;
  });
  expect(valgt).toBe("Ja");
  expect(errors).toEqual([]);
});

test("follow-up: a sector accountant filters Oppfølging to a group; a controller imports HØP figures", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByRole("tab", { name: "Oppfølging" }).click();
  // Two jobs, each under its own heading; the button says what it does.
  await page.getByRole("heading", { name: "Realisert innsparing (sektorregnskapsfører)" }).waitFor();
  await page.getByRole("heading", { name: "HØP-tall (controller)" }).waitFor();
  await page.getByRole("combobox", { name: "Arbeidsgruppe" }).selectOption({ label: "3 Sosial" });
  await page.getByRole("button", { name: "Vis bare denne gruppen i Oppfølging-arket" }).click();
  await page.getByText("Oppfølging-arket viser bare gruppe 3 Sosial.").waitFor();
  // The controller's own plan sheet, with a selection to import.
  await page.evaluate(() => {
    const m = (window as unknown as { __fakeModel: { sheet(n: string): unknown; setInput(s: unknown, r: number, c: number, v: unknown): void; selection: string; table(n: string): { filters: unknown } } }).__fakeModel;
    const s = m.sheet("Budsjett 2026");
    [["Nr", 2026, 2027, 2028, 2029], ["3.1", -3, -5, -5, -5], ["3.1", -3, -5, -5, -5]].forEach((row, r) => row.forEach((v, c) => m.setInput(s, r, c, v)));
    m.selection = "'Budsjett 2026'!A1:E3";
  });
  await page.getByRole("button", { name: "Importer HØP-tall fra merket område" }).click();
  await page.getByTestId("hop-result").waitFor();
  expect(await page.getByTestId("hop-result").textContent()).toContain("Tiltak 3.1 står flere ganger");
  const filters = await page.evaluate(() => (window as unknown as { __fakeModel: { table(n: string): { filters: unknown } } }).__fakeModel.table("Oppfolging").filters);
  expect(filters).toEqual({ Gruppe: ["3"] });
  expect(errors).toEqual([]);
});

test("a sector accountant's realised figures stay put when the catalogue is inserted again", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  const insert = page.getByRole("button", { name: "Sett inn tiltakskatalog" });
  await insert.click();
  await page.getByTestId("insert-result").waitFor();
  await page.evaluate(() => {
    const m = (window as unknown as { __fakeModel: { table(n: string): { sheet: unknown; rect: { row: number; col: number } }; tableFormulas(n: string): unknown[][]; tableObjects(n: string): Record<string, unknown>[]; setInput(s: unknown, r: number, c: number, v: unknown): void } }).__fakeModel;
    const t = m.table("Oppfolging");
    const header = m.tableFormulas("Oppfolging")[0]!;
    const i = m.tableObjects("Oppfolging").findIndex((r) => r.Nr === "3.1" && r.År === 2027);
    m.setInput(t.sheet, t.rect.row + 1 + i, header.indexOf("Realisert"), -4.9);
    m.setInput(t.sheet, t.rect.row + 1 + i, header.indexOf("Kommentar"), "Færre mottakere enn ventet");
  });
  await insert.click();
  await page.getByText("Allerede oppdatert").waitFor();
  const row = await page.evaluate(() => {
    const m = (window as unknown as { __fakeModel: { tableObjects(n: string): Record<string, unknown>[] } }).__fakeModel;
    return m.tableObjects("Oppfolging").find((r) => r.Nr === "3.1" && r.År === 2027);
  });
  expect(row).toMatchObject({ Realisert: -4.9, Kommentar: "Færre mottakere enn ventet" });
  expect(errors).toEqual([]);
});

test("the catalogue can be filtered by category", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByRole("tab", { name: "Tiltak" }).click();
  await page.getByRole("combobox", { name: "Kategori" }).selectOption("Økte inntekter");
  // Only 4.10 (parking fees) is stated as higher income in the report's group table.
  await page.getByText("1 tiltak", { exact: false }).waitFor();
  expect(await page.getByText("Parkeringsavgift fra første time", { exact: true }).count()).toBe(1);
  expect(errors).toEqual([]);
});

test("the Tiltak view follows a choice typed directly in the workbook (table change event)", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByRole("tab", { name: "Tiltak" }).click();
  await page.getByTestId("choice-alle").filter({ hasText: /Gjenstår\s*−40,0 mill\. kr/ }).waitFor();
  await page.waitForFunction(() => (window as unknown as { __fakeModel: { listeners: Map<string, unknown[]> } }).__fakeModel.listeners.size > 0);
  // A budget officer types Ja in the Valgt column in Excel, not in the pane.
  await page.evaluate(() => (window as unknown as { __fakeModel: { typeInTable(t: string, k: string, c: string, v: unknown): void } }).__fakeModel.typeInTable("Tiltak", "4.3", "Valgt", "Ja"));
  await page.getByTestId("choice-alle").filter({ hasText: /Gjenstår\s*−35,6 mill\. kr/ }).waitFor();
  expect(errors).toEqual([]);
});

interface HostInit {
  excelApi?: string;
  diagnostics?: { platform: string; version: string } | null;
}

/** Like openPane with Excel, but the test chooses the fake Excel's ExcelApi version and diagnostics. */
async function openPaneOnHost(host: HostInit, opts: { clipboard?: boolean } = {}): Promise<{ page: Page; errors: string[]; network: NetworkWatch }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: "nb-NO" });
  const network = await watchNetwork(context);
  if (opts.clipboard) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl()).origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript((init) => ((window as unknown as { __fakeExcelInit: unknown }).__fakeExcelInit = init), { ...host });
  await page.addInitScript(fakeExcelScript());
  await page.goto(baseUrl() + "taskpane.html");
  return { page, errors, network };
}

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Serious or critical axe-core (WCAG 2 A/AA) findings on the page as it is now, as "rule: targets". Fluent's
 * aria-hidden focus guards (data-tabster-dummy) are left out, as in e2e/a11y.test.ts.
 */
async function seriousAxeFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof import("axe-core") }).axe.run(document, { runOnly: ["wcag2a", "wcag2aa"] }));
  return (results as AxeResults).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The «Om tillegget» rows as "label: value" lines, in order. */
function aboutRows(page: Page): Promise<string[]> {
  return page.getByTestId("about").evaluate((dl) => Array.from(dl.querySelectorAll("dt")).map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent ?? ""}`));
}

test("an Excel below ExcelApi 1.4 gets one warning at start, and insert is off (also from the keyboard)", async () => {
  const { page, errors, network } = await openPaneOnHost({ excelApi: "1.3" });
  await page.getByText("ikke satt inn ennå").waitFor();
  const warning = page.getByTestId("below-floor");
  expect(await warning.count()).toBe(1);
  expect(await warning.textContent()).toBe("Denne Excel-versjonen er for gammel for Tiltaksmeny (trenger ExcelApi 1.4). Oppdater Excel eller bruk Excel på nettet.");
  const insert = page.getByRole("button", { name: "Sett inn tiltakskatalog" });
  expect(await insert.getAttribute("aria-disabled")).toBe("true");
  expect(await page.getByTestId("insert-blocked").textContent()).toContain("trenger ExcelApi 1.4");
  // Still reachable by keyboard (so the reason is read out), but Enter does nothing.
  await insert.focus();
  expect(await insert.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press("Enter");
  await insert.click({ force: true });
  await page.waitForTimeout(300);
  expect(await page.getByTestId("insert-result").count()).toBe(0);
  expect(await page.getByTestId("insert-error").count()).toBe(0);
  const host = await fakeHost(page);
  // Reads only (the status line; the functions' catalogue setting): nothing was written.
  expect(host.syncs).toBeLessThanOrEqual(2);
  expect(host.tables).toEqual([]);
  expect(host.sheets).toEqual(["Budsjett 2026"]);
  // The About section says why: ExcelApi only up to 1.3.
  await page.getByRole("button", { name: "Om tillegget" }).click();
  expect(await aboutRows(page)).toContain("Støttede kravsett: ExcelApi 1.1–1.3, SharedRuntime 1.1, CustomFunctionsRuntime 1.1–1.4");
  expect(await seriousAxeFindings(page)).toEqual([]); // warning, disabled button with its reason, open section
  expect(errors).toEqual([]);
  expect(networkProblems(network)).toEqual([]);
});

test("«Om tillegget» shows the add-in, catalogue, Excel platform and version, sets and office.js source; «Kopier» copies them", async () => {
  const { page, errors, network } = await openPaneOnHost({}, { clipboard: true });
  await page.getByRole("heading", { name: "Tiltaksmeny" }).waitFor();
  expect(await page.getByTestId("below-floor").count()).toBe(0);
  expect(await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).getAttribute("aria-disabled")).toBeNull();
  const header = page.getByRole("button", { name: "Om tillegget" });
  expect(await header.getAttribute("aria-expanded")).toBe("false");
  expect(await page.getByTestId("about").count()).toBe(0);
  // Keyboard: the header is a button; Enter opens it.
  await header.focus();
  await page.keyboard.press("Enter");
  expect(await header.getAttribute("aria-expanded")).toBe("true");
  const rows = await aboutRows(page);
  expect(rows).toEqual([
    `Tillegg: Tiltaksmeny ${packageVersion}`,
    `Katalog: ${catalogueJson.catalogue.id} versjon ${catalogueJson.catalogue.version}`,
    "Excel: Excel på nettet (OfficeOnline), versjon 16.0.18000.10000",
    "Støttede kravsett: ExcelApi 1.1–1.12, SharedRuntime 1.1, CustomFunctionsRuntime 1.1–1.4",
    "Minstekrav: ExcelApi 1.4, SharedRuntime 1.1, CustomFunctionsRuntime 1.3",
    "office.js: lokal kopi", // the e2e build self-hosts office.js (global-setup checks)
  ]);
  // The section fits the narrow pane: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

  await page.getByRole("button", { name: "Kopier" }).click();
  await page.getByRole("status").filter({ hasText: "Kopiert" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(["Tiltaksmeny – om tillegget", ...rows].join("\n"));
  expect(await page.getByTestId("about-text").count()).toBe(0);
  expect(errors).toEqual([]);
  expect(networkProblems(network)).toEqual([]);
});

test("when the clipboard is refused, «Kopier» shows the text selected for Ctrl+C", async () => {
  const { page, errors, network } = await openPaneOnHost({ excelApi: "1.17", diagnostics: { platform: "PC", version: "16.0.17928.20114" } });
  await page.getByRole("heading", { name: "Tiltaksmeny" }).waitFor();
  await page.getByRole("button", { name: "Om tillegget" }).click();
  expect(await aboutRows(page)).toContain("Excel: Excel for Windows (PC), versjon 16.0.17928.20114");
  expect(await aboutRows(page)).toContain("Støttede kravsett: ExcelApi 1.1–1.17, SharedRuntime 1.1, CustomFunctionsRuntime 1.1–1.4");
  // An Office webview that refuses clipboard writes and has no working copy command.
  await page.evaluate(() => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) }, configurable: true });
    document.execCommand = () => false;
  });
  await page.getByRole("button", { name: "Kopier" }).click();
  const text = page.getByTestId("about-text");
  await text.waitFor();
  await page.getByText("Teksten er merket. Trykk Ctrl+C (⌘C på Mac) for å kopiere.").waitFor();
  const state = await text.evaluate((el) => {
    const ta = el as HTMLTextAreaElement;
    return { focused: ta === document.activeElement, start: ta.selectionStart, end: ta.selectionEnd, length: ta.value.length, value: ta.value };
  });
  expect(state).toMatchObject({ focused: true, start: 0, end: state.length });
  expect(state.value.split("\n")[0]).toBe("Tiltaksmeny – om tillegget");
  expect(state.value).toContain("Excel: Excel for Windows (PC), versjon 16.0.17928.20114");
  expect(await page.getByText("Kopiert", { exact: true }).count()).toBe(0);
  expect(await seriousAxeFindings(page)).toEqual([]); // the labelled, selected text field
  expect(errors).toEqual([]);
  expect(networkProblems(network)).toEqual([]);
});
