import type { Browser, Page } from "playwright-core";
import { launch, openPane } from "./browser";

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
  await page.getByText("arbeidsboken har tiltakstabellene").waitFor();
  const host = await fakeHost(page);
  expect(host.runs).toBe(1);
  expect(host.syncs).toBe(1);
  await page.getByRole("tab", { name: "Katalog" }).click();
  await page.getByPlaceholder("Nummer eller navn").fill("kino");
  await page.getByText("Endre drift kinoen", { exact: true }).waitFor();
  expect(errors).toEqual([]);
});

test("clicking insert puts the catalogue tables into the workbook in one read and one write", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  expect(await page.getByTestId("insert-result").textContent()).toContain("Opprettet tabellene Avvik, Tiltak, Tiltakslinjer, Gruppesum, Kategorisum, ValgtMotMal, Oppfolging, HOP");
  const host = await fakeHost(page);
  expect(host.tables).toEqual([
    { name: "Avvik", sheet: "Avvik" },
    { name: "Tiltak", sheet: "Tiltak" },
    { name: "Tiltakslinjer", sheet: "Detaljer" },
    { name: "Gruppesum", sheet: "Oppsummering" },
    { name: "Kategorisum", sheet: "Oppsummering" },
    { name: "ValgtMotMal", sheet: "Oppsummering" },
    { name: "Oppfolging", sheet: "Oppfølging" },
    { name: "HOP", sheet: "HØP" },
  ]);
  // Status on open: one read; insert: one read + one write; status after it: one read.
  expect(host.syncs).toBe(4);
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
  await page.getByTestId("findings-4.12").waitFor();

  // The controller checks the PDF and corrects 4.12's 2028 value in the Tiltak table.
  await page.evaluate(() => {
    (window as unknown as { __fakeModel: { typeInTable(t: string, k: string, c: string, v: unknown): void } }).__fakeModel.typeInTable("Tiltak", "4.12", "2028", -0.4);
  });
  await page.getByRole("button", { name: "Kontroller på nytt" }).click();
  await page.getByTestId("recheck-result").waitFor();
  expect(await page.getByTestId("recheck-result").textContent()).toContain("oppdatert");
  expect(await page.getByTestId("findings-4.12").count()).toBe(0);
  const avvikFor412 = await page.evaluate(() => {
    const m = (window as unknown as { __fakeModel: { tableObjects(n: string): Record<string, unknown>[] } }).__fakeModel;
    return m.tableObjects("Avvik").filter((r) => r.Nr === "4.12").length;
  });
  expect(avvikFor412).toBe(0);

  // "Vis i arbeidsboken" selects the disagreeing cell of 1.7 (2030) in the Tiltak table.
  await page.getByTestId("findings-1.7").getByRole("button", { name: "Vis i arbeidsboken" }).first().click();
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
  await page.getByRole("tab", { name: "Valg" }).click();
  await page.getByTestId("choice-alle").getByText("mangler 40,0").waitFor();
  await page.getByRole("checkbox", { name: /^2\.2 / }).check();
  await page.getByTestId("choice-alle").getByText("mangler 30,7").waitFor();
  await page.getByTestId("choice-2").getByText("mangler 8,2").waitFor();
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
  await page.getByRole("combobox", { name: "Vis rader for" }).click();
  await page.getByRole("option", { name: "3 Sosial" }).click();
  await page.getByRole("button", { name: "Bruk filteret i Oppfølging" }).click();
  await page.getByText("Oppfølging viser 3 sosial.").waitFor();
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
  expect(row).toMatchObject({ Realisert: -4.9, Kommentar: "Færre mottakere enn ventet", Plan: -5.2 });
  expect(errors).toEqual([]);
});

test("the catalogue can be filtered by category", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByRole("tab", { name: "Katalog" }).click();
  await page.getByRole("combobox", { name: "Kategori" }).click();
  await page.getByRole("option", { name: "Økte inntekter" }).click();
  // Only 4.10 (parking fees) is stated as higher income in the report's group table.
  await page.getByText("1 tiltak", { exact: false }).waitFor();
  expect(await page.getByText("Parkeringsavgift fra første time", { exact: true }).count()).toBe(1);
  expect(errors).toEqual([]);
});

test("the Valg view follows a choice typed directly in the workbook (table change event)", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByRole("tab", { name: "Valg" }).click();
  await page.getByTestId("choice-alle").getByText("mangler 40,0").waitFor();
  await page.waitForFunction(() => (window as unknown as { __fakeModel: { listeners: Map<string, unknown[]> } }).__fakeModel.listeners.size > 0);
  // A budget officer types Ja in the Valgt column in Excel, not in the pane.
  await page.evaluate(() => (window as unknown as { __fakeModel: { typeInTable(t: string, k: string, c: string, v: unknown): void } }).__fakeModel.typeInTable("Tiltak", "4.3", "Valgt", "Ja"));
  await page.getByTestId("choice-alle").getByText("mangler 35,6").waitFor();
  expect(errors).toEqual([]);
});
