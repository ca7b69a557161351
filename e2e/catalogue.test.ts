// Bring your own catalogue in the built pane, against the fake Excel host: a catalogue file and a table in
// the workbook become the active catalogue (after the clash with the inserted tables is explained), the
// built-in one can be restored, and what the user typed survives every switch.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launch, openPane } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const EKSEMPEL = join(__dirname, "../test/fixtures/eksempel-kommune.json");

type Model = {
  typeInTable: (t: string, k: string, c: string, v: unknown) => void;
  tableObjects: (t: string) => Record<string, unknown>[];
  requireTable: (t: string) => { sheet: unknown; rect: unknown };
  address: (s: unknown, r: unknown) => string;
  selection: string | null;
  settings: Map<string, unknown>;
};

const model = <T,>(page: Page, f: (m: Model) => T): Promise<T> =>
  page.evaluate(`(${f.toString()})(window.__fakeModel)`) as Promise<T>;

async function activeText(page: Page): Promise<string> {
  return (await page.getByTestId("active-catalogue").textContent()) ?? "";
}

/** Switches after the clash message, when the workbook's tables are from another catalogue. */
async function acceptClash(page: Page): Promise<void> {
  await page.getByTestId("catalogue-clash").waitFor();
  await page.getByRole("button", { name: "Bytt likevel" }).click();
}

test("a catalogue file and a workbook table become the active catalogue; back to Elverum; nothing typed is lost", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await model(page, (m) => m.typeInTable("Tiltak", "2.2", "Valgt", "Ja"));

  await page.getByTestId("section-catalogue").locator("summary").click();
  await page.getByTestId("active-catalogue").waitFor();
  expect(await activeText(page)).toContain("Elverum");

  // (a) A file: Eksempel kommune, explained first because Elverum's tables are in the workbook.
  await page.getByLabel("Velg katalogfil (JSON)").setInputFiles(EKSEMPEL);
  await acceptClash(page);
  await page.getByTestId("active-catalogue").filter({ hasText: "Eksempel kommune" }).waitFor();
  expect(await model(page, (m) => typeof m.settings.get("tiltaksmeny.katalog"))).toBe("string");

  // Back to the built-in catalogue.
  await page.getByRole("button", { name: "Bruk den innebygde katalogen" }).click();
  await page.getByTestId("active-catalogue").filter({ hasText: "Elverum" }).waitFor();

  // (b) A table in the workbook: the Tiltak table itself, selected, read as a catalogue of its own.
  await model(page, (m) => {
    const t = m.requireTable("Tiltak");
    m.selection = m.address(t.sheet, t.rect);
  });
  await page.getByLabel("Navn på katalogen").fill("Vår egen liste");
  await page.getByLabel("Samlet sparekrav i mill. kr (negativt = innsparing)").fill("-40");
  await page.getByRole("button", { name: "Les tabellen" }).click();
  await acceptClash(page);
  await page.getByTestId("active-catalogue").filter({ hasText: "Vår egen liste" }).waitFor();

  // And back again; the choice typed at the start is still there.
  await page.getByRole("button", { name: "Bruk den innebygde katalogen" }).click();
  await page.getByTestId("active-catalogue").filter({ hasText: "Elverum" }).waitFor();
  const valgt = await model(page, (m) => m.tableObjects("Tiltak").filter((r) => r.Valgt === "Ja").map((r) => r.Nr));
  expect(valgt).toEqual(["2.2"]);
  expect(errors).toEqual([]);
});

test("the Tiltak view filters by the active catalogue's own categories", async () => {
  const own = (JSON.parse(readFileSync(EKSEMPEL, "utf8")) as { catalogue: { categories: string[] }; measures: { category: string | null }[] });
  const { page, errors } = await openPane(browser, { withExcel: true });
  await page.getByTestId("section-catalogue").locator("summary").click();
  await page.getByLabel("Velg katalogfil (JSON)").setInputFiles(EKSEMPEL);
  await page.getByTestId("active-catalogue").filter({ hasText: "Eksempel kommune" }).waitFor();
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByRole("tab", { name: "Tiltak" }).click();
  const select = page.getByRole("combobox", { name: "Kategori" });
  await select.waitFor();
  const options = await select.locator("option").allTextContents();
  expect(options).toEqual(["Alle kategorier", ...own.catalogue.categories, "Uten kategori i rapporten"]);
  const first = own.catalogue.categories[0]!;
  await select.selectOption(first);
  const count = own.measures.filter((m) => m.category === first).length;
  expect(count).toBeGreaterThan(0);
  await page.getByText(new RegExp(`^${count} tiltak ·`)).waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
});
