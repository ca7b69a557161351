import { bundledCatalogue as cat } from "../data/bundled";
import { effect } from "../domain/effects";
import { loadCatalogue } from "../domain/catalogue";
import { FORMATS } from "../domain/layout";
import { WorkbookModel } from "../../test/fake-excel/model";
import { fakeExcel, fakeOffice } from "../../test/fake-excel/host";
import { insertCatalogue } from "./insert";
import { excelErrorMessage } from "./errors";
import catalogueJson from "../data/catalogue.json";

function setup(sheets = ["Budsjett 2026"]): WorkbookModel {
  const model = new WorkbookModel(sheets);
  (globalThis as Record<string, unknown>).Excel = fakeExcel(model);
  (globalThis as Record<string, unknown>).Office = fakeOffice();
  return model;
}

describe("insertCatalogue into an empty budget workbook", () => {
  test("creates the tables in two round trips and keeps the user's sheet", async () => {
    const model = setup();
    const r = await insertCatalogue(cat);
    expect(model.syncs).toBe(2);
    expect(model.sheets.map((s) => s.name)).toEqual(["Budsjett 2026", "Tiltak", "Detaljer", "Oppsummering"]);
    expect(model.tables.map((t) => t.name)).toEqual(["Tiltak", "Tiltakslinjer", "Gruppesum", "Kategorisum"]);
    expect(r.plan.report.created).toHaveLength(4);
  });

  test("writes every measure with its summary values as numbers, Nr as text", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const rows = model.tableObjects("Tiltak");
    expect(rows.map((r) => r.Nr)).toEqual(cat.measures.map((m) => m.id));
    expect(rows.find((r) => r.Nr === "2.10")?.Nr).toBe("2.10");
    for (const m of cat.measures) {
      const row = rows.find((r) => r.Nr === m.id)!;
      for (const y of cat.years) {
        const o = effect(cat, m.id, y);
        const expected = !m.inSummary ? "" : o.ok ? o.value : "=NA()";
        expect([m.id, y, row[String(y)]]).toEqual([m.id, y, expected]);
      }
    }
    const t = model.table("Tiltak")!;
    expect(model.cell(t.sheet, 1, 0)?.numberFormat).toBe(FORMATS.text);
    expect(model.cell(t.sheet, 1, 5)?.numberFormat).toBe(FORMATS.mnok1);
    expect(t.sheet.frozenRows).toBe(1);
  });
});

describe("insert again", () => {
  test("a second insert changes nothing and writes nothing", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const before = model.dump();
    const written = model.cellsWritten;
    const r = await insertCatalogue(cat);
    expect(r.plan.unchanged).toBe(true);
    expect(model.dump()).toBe(before);
    expect(model.cellsWritten).toBe(written);
  });

  test("user choices survive an upgrade to a new catalogue version, and removed measures are kept", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const t = model.table("Tiltak")!;
    // The user marks 2.2 as chosen.
    const rows = model.tableObjects("Tiltak");
    const i = rows.findIndex((r) => r.Nr === "2.2");
    const valgt = Object.keys(rows[0]!).indexOf("Valgt");
    model.setInput(t.sheet, t.rect.row + 1 + i, valgt, "Ja");
    // New version: 1.1 gone, 2.2 changed.
    const next = JSON.parse(JSON.stringify(catalogueJson));
    next.catalogue.version = "2025.2.0";
    next.measures = next.measures.filter((m: { id: string }) => m.id !== "1.1");
    next.measures.find((m: { id: string }) => m.id === "2.2").summary.values["2029"] = -9.9;
    const r = await insertCatalogue(loadCatalogue(next));
    const after = model.tableObjects("Tiltak");
    expect(after.find((x) => x.Nr === "2.2")).toMatchObject({ Valgt: "Ja", "2029": -9.9 });
    expect(after.find((x) => x.Nr === "1.1")).toMatchObject({ Katalog: "Ikke i katalog 2025.2.0" });
    expect(r.plan.report.markedRemoved).toBe(1);
  });
});

describe("failures", () => {
  test("an Excel error mid-insert leaves no half-made table or sheet", async () => {
    const model = setup();
    const before = model.dump();
    model.failOn = { op: /tables\.add\(Oppsummering/, code: "InvalidArgument" };
    await expect(insertCatalogue(cat)).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(model.dump()).toBe(before);
    expect(excelErrorMessage({ code: "InvalidArgument" })).toMatch(/Excel avviste/);
  });
});
