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

test("with an Excel host the pane renders the catalogue and its check reaches the host", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true, sheets: ["Budsjett 2026", "Tiltak"], tables: [{ name: "Tiltak", sheet: "Tiltak" }] });
  await page.getByRole("heading", { name: "Tiltaksmeny" }).waitFor();
  expect(await page.getByText("46 tiltak", { exact: false }).first().isVisible()).toBe(true);
  await page.getByRole("button", { name: "Kontroller arbeidsboken" }).click();
  await page.getByTestId("workbook-status").waitFor();
  expect(await page.getByTestId("workbook-status").textContent()).toContain("Tiltak");
  const host = await fakeHost(page);
  expect(host.runs).toBe(1);
  expect(host.syncs).toBe(1);
  expect(errors).toEqual([]);
});

test("clicking insert puts the catalogue tables into the workbook in one read and one write", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  expect(await page.getByTestId("insert-result").textContent()).toContain("Opprettet tabellene Avvik, Tiltak, Tiltakslinjer, Gruppesum, Kategorisum");
  const host = await fakeHost(page);
  expect(host.tables).toEqual([
    { name: "Avvik", sheet: "Avvik" },
    { name: "Tiltak", sheet: "Tiltak" },
    { name: "Tiltakslinjer", sheet: "Detaljer" },
    { name: "Gruppesum", sheet: "Oppsummering" },
    { name: "Kategorisum", sheet: "Oppsummering" },
  ]);
  // Insert: read + write; then the status check after it: one read.
  expect(host.syncs).toBe(3);
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
