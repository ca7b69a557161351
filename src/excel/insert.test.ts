import catalogueJson from "../data/catalogue.json";
import { bundledCatalogue as cat } from "../data/bundled";
import { loadCatalogue } from "../domain/catalogue";
import { effect, normaliseDetailValue } from "../domain/effects";
import { columnLetters } from "../domain/a1";
import { catalogueLayout, FORMATS, planColumnName } from "../domain/layout";
import { reconcile } from "../domain/reconcile";
import type { CatalogueData } from "../domain/types";
import * as T from "../functions/tiltak";
import { installFakeHost } from "../../test/fake-excel/host";
import { WorkbookModel } from "../../test/fake-excel/model";
import { PAYLOAD_LIMIT } from "../../test/fake-excel/proxy";
import { scaledCatalogue } from "../../test/synthetic";
import type { DeepMutable } from "../../test/fixtures";
import { excelErrorMessage } from "./errors";
import { insertCatalogue } from "./insert";

function setup(sheets = ["Budsjett 2026"]): WorkbookModel {
  return installFakeHost(new WorkbookModel(sheets));
}

const copy = (): DeepMutable<CatalogueData> => JSON.parse(JSON.stringify(catalogueJson));
const YEARS = cat.years.map(String);

describe("first insert into a budget workbook", () => {
  test("creates the add-in's tables on its own new sheets, after the user's: one read, one write, one recalculation", async () => {
    const model = setup();
    const r = await insertCatalogue(cat);
    expect(model.syncs).toBe(3);
    expect(model.sheets.map((s) => s.name)).toEqual(["Budsjett 2026", "Tiltak", "Detaljer", "Oppsummering", "Oppfølging", "Statusrapport", "Versjoner", "HØP", "Avvik", "Lister"]);
    const tables: [string, string][] = [
      ["Avvik", "Avvik"],
      ["Tiltak", "Tiltak"],
      ["Tiltakslinjer", "Detaljer"],
      ["Gruppesum", "Oppsummering"],
      ["Kategorisum", "Oppsummering"],
      ["ValgtMotMal", "Oppsummering"],
      ["Statusliste", "Lister"],
      ["Risikoliste", "Lister"],
      ["Oppfolging", "Oppfølging"],
      ["HOP", "HØP"],
      ["Rapportvalg", "Statusrapport"],
      ["StatusPerStatus", "Statusrapport"],
      ["StatusPerGruppe", "Statusrapport"],
      ["Versjoner", "Versjoner"],
      ["Versjonssammenligning", "Statusrapport"],
    ];
    expect(model.tables.map((t) => [t.name, t.sheet.name])).toEqual(tables);
    expect(r.plan.report.created).toEqual(tables.map(([t]) => t));
    expect(r.messages.join(" ")).toContain("Opprettet tabellene");
    // Calculation is suspended for the write and the workbook recalculated after it.
    expect(model.ops.indexOf("application.suspendApiCalculationUntilNextSync")).toBeLessThan(model.ops.findIndex((o) => o.startsWith("tables.add(Avvik!")));
    expect(model.ops[model.ops.length - 1]).toBe("application.calculate(Recalculate)");
  });

  test("the Tiltak table has the design's columns, one row per measure and a totals row", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const grid = model.tableFormulas("Tiltak");
    expect(grid[0]).toEqual(["Nr", "Gruppe", "Tjeneste", "Tiltak", "Kategori", ...YEARS, planColumnName(cat), "HØP-status", "Kilde", "Katalog", "Avvik", "Valgt"]);
    expect(grid).toHaveLength(1 + cat.measures.length + 1);
    const totals = grid[grid.length - 1]!;
    expect(totals[0]).toBe("Sum");
    expect(totals[5]).toBe("=SUBTOTAL(109,Tiltak[2025])");
    const t = model.table("Tiltak")!;
    expect(t.showTotals).toBe(true);
    expect(t.sheet.frozenRows).toBe(1);
    expect(t.sheet.columnWidths.get(3)).toBeGreaterThan(t.sheet.columnWidths.get(0)!);
  });

  test("values equal the catalogue: numbers as numbers, Nr as text, unknown as #N/A, chapter-4-only blank", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const rows = model.tableObjects("Tiltak");
    expect(rows.map((r) => r.Nr)).toEqual(cat.measures.map((m) => m.id));
    for (const m of cat.measures) {
      const row = rows.find((r) => r.Nr === m.id)!;
      expect(row.Gruppe).toBe(m.group);
      expect(row.Tiltak).toBe(m.title);
      for (const y of cat.years) {
        const o = effect(cat, m.id, y);
        const expected = !m.inSummary ? "" : o.ok ? o.value : "=NA()";
        expect([m.id, y, row[String(y)]]).toEqual([m.id, y, expected]);
      }
      expect(row[planColumnName(cat)]).toBe(m.inSummary ? "=SUM(Tiltak[@[2026]:[2029]])" : "");
    }
    expect(rows.find((r) => r.Nr === "2.10")!.Nr).toBe("2.10");
    expect(rows.find((r) => r.Nr === "1.8")!.Katalog).toBe("Kun kapittel 4");
  });

  test("formats: text columns are text before the data lands, amounts one decimal, Valgt a Ja/Nei list", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const t = model.table("Tiltak")!;
    const header = model.tableFormulas("Tiltak")[0]!;
    const fmt = (col: string, row = 1) => model.cell(t.sheet, row, header.indexOf(col))?.numberFormat;
    expect(fmt("Nr")).toBe(FORMATS.text);
    expect(fmt("Tiltak")).toBe(FORMATS.text);
    expect(fmt("2027")).toBe(FORMATS.mnok1);
    expect(fmt(planColumnName(cat))).toBe(FORMATS.mnok1);
    expect(FORMATS.mnok1).toMatch(/^#,##0\.0;-#,##0\.0/);
    const valgt = model.cell(t.sheet, 1, header.indexOf("Valgt"))!;
    expect(valgt.value).toBe("Nei");
    expect(valgt.validation).toEqual({ list: { inCellDropDown: true, source: "Ja,Nei" } });
    // Numbers are numbers (not text that looks like one).
    expect(typeof model.cell(t.sheet, 2, header.indexOf("2027"))!.value).toBe("number");
  });

  test("every line of every effect table lands in Tiltakslinjer, printed and in MNOK", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const rows = model.tableObjects("Tiltakslinjer");
    const expectedCount = cat.measures.reduce((n, m) => n + (m.detail ? m.detail.lines.length + (m.detail.net ? 1 : 0) : 0), 0);
    expect(rows).toHaveLength(expectedCount);
    const net16 = rows.find((r) => r.Nr === "1.6" && r.Netto === "Ja")!;
    // Printed 1 060 000 kr with savings positive: -1.06 MNOK in the report's convention.
    expect(net16["Trykt 2026"]).toBe(1060000);
    expect(net16["MNOK 2026"]).toBe(-1.06);
    expect(net16["Enhet (trykt)"]).toBe("kr");
    for (const m of cat.measures) {
      if (!m.detail?.net) continue;
      const row = rows.find((r) => r.Nr === m.id && r.Netto === "Ja")!;
      for (const y of m.detail.years) {
        const c = m.detail.net.values[String(y)];
        if (typeof c === "number") expect(row[`MNOK ${y}`]).toBe(normaliseDetailValue(c, m.detail));
      }
    }
  });

  test("Oppsummering compares the menu (SUMIFS over the Tiltak table) with the report's totals", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const groups = model.tableObjects("Gruppesum");
    expect(groups.map((g) => g.Gruppe)).toEqual([1, 2, 3, 4, 5]);
    expect(groups[1]).toMatchObject({
      Sparekrav: -17.5,
      "Meny (sparekrav×2)": -35,
      "Tiltak 2029": "=SUMIFS(Tiltak[2029],Tiltak[Gruppe],[@Gruppe])",
      "Rapport 2029": -25.74,
      "Differanse 2029": "=[@[Tiltak 2029]]-[@[Rapport 2029]]",
    });
    const cats = model.tableObjects("Kategorisum");
    expect(cats.map((c) => c.Kategori)).toEqual(["Høyere produktivitet", "Bedre strategi", "Lavere volum", "Økte inntekter", "Uten kategori i rapporten"]);
    expect(cats[4]!["Tiltak 2029"]).toBe('=SUMIFS(Tiltak[2029],Tiltak[Kategori],"")');
  });

  test("the workbook works without the add-in: no TILTAK.* calls in any inserted cell", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const formulas = model.sheets.flatMap((s) => [...s.cells.values()].map((c) => c.formula).filter(Boolean)) as string[];
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.filter((f) => /TILTAK\./i.test(f))).toEqual([]);
  });

  test("custom functions return exactly the values in the inserted table, for every measure and year", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const rows = model.tableObjects("Tiltak");
    for (const row of rows) {
      const id = String(row.Nr);
      for (const y of cat.years) {
        const fn = T.effekt(cat, id, y)[0]![0];
        const cell = row[String(y)];
        if (cell === "") expect(cat.measure(id)!.inSummary).toBe(false);
        else if (cell === "=NA()") expect(typeof fn).toBe("object");
        else expect([id, y, fn]).toEqual([id, y, cell]);
      }
    }
  });
});

describe("findings in the workbook", () => {
  test("the Avvik table lists every finding, one row per year, with Norwegian severity", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const findings = reconcile(cat);
    const rows = model.tableObjects("Avvik");
    expect(rows).toHaveLength(findings.reduce((n, f) => n + Math.max(1, f.years.length), 0));
    expect(Object.keys(rows[0]!)).toEqual(["Nr", "Gruppe", "Regel", "Alvorlighet", "År", "Forventet", "Faktisk", "Forklaring"]);
    expect(rows).toContainEqual(expect.objectContaining({ Nr: "4.12", Regel: "detail-vs-summary", Alvorlighet: "feil", År: 2028, Forventet: -0.5, Faktisk: -0.42 }));
    expect(new Set(rows.map((r) => r.Alvorlighet))).toEqual(new Set(["feil", "advarsel", "merknad"]));
  });

  test("the Tiltak table counts each measure's findings with a native formula over the Avvik table", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const row = model.tableObjects("Tiltak").find((r) => r.Nr === "4.12")!;
    // Errors and warnings by name: info rows, and rows kept as «løst», are not counted.
    expect(row.Avvik).toBe('=SUMPRODUCT((Avvik[Nr]=[@Nr])*((Avvik[Alvorlighet]="feil")+(Avvik[Alvorlighet]="advarsel")))');
  });

  test("conditional formats mark disagreeing cells, scoped to the tables' body columns", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const tiltak = model.sheet("Tiltak")!.conditionalFormats;
    const header = model.tableFormulas("Tiltak")[0]!;
    const first = columnLetters(header.indexOf("2025"));
    const last = columnLetters(header.indexOf("2030"));
    expect(tiltak[0]).toMatchObject({ type: "Custom", address: `Tiltak!${first}2:${last}${1 + cat.measures.length}` });
    expect(tiltak[0]!.formula).toContain('INDIRECT("Avvik[Nr]")');
    expect(tiltak[0]!.formula).toContain(`${first}$1`);
    for (const s of model.sheets) for (const cf of s.conditionalFormats) expect(cf.address).toMatch(/![A-Z]+\d+:[A-Z]+\d+$/);
    expect(model.sheet("Detaljer")!.conditionalFormats).toHaveLength(2);
  });
});

describe("living alongside the user's content", () => {
  test("a user's own sheet and table named Tiltak are left untouched; ours get free names", async () => {
    const model = setup(["Tiltak"]);
    model.setInput(model.sheet("Tiltak")!, 0, 0, "Mitt eget");
    model.tables.push({ id: "{user-1}", name: "Tiltak", sheet: model.sheet("Tiltak")!, rect: { row: 0, col: 0, rows: 1, cols: 1 }, showTotals: false, style: "" });
    const mine = JSON.stringify([...model.sheet("Tiltak")!.cells.entries()]);
    const r = await insertCatalogue(cat);
    expect(JSON.stringify([...model.sheet("Tiltak")!.cells.entries()])).toBe(mine);
    expect(model.table("Tiltak_2")?.sheet.name).toBe("Tiltak (2)");
    expect(r.plan.report.renamed).toEqual(
      expect.arrayContaining([
        { wanted: "Tiltak", got: "Tiltak_2", what: "tabell" },
        { wanted: "Tiltak", got: "Tiltak (2)", what: "ark" },
      ]),
    );
    expect(r.messages.join(" ")).toContain("«Tiltak_2»");
    // Formulas follow the name our table actually got.
    expect(model.tableObjects("Gruppesum")[0]!["Tiltak 2029"]).toBe("=SUMIFS(Tiltak_2[2029],Tiltak_2[Gruppe],[@Gruppe])");
    // Re-insert finds our renamed tables from the workbook's memory and changes nothing (two reads).
    const before = model.dump();
    model.syncs = 0;
    const again = await insertCatalogue(cat);
    expect(again.plan.unchanged).toBe(true);
    expect(model.syncs).toBe(2);
    expect(model.dump()).toBe(before);
  });

  test("a defined name that takes a table name is avoided too", async () => {
    const model = setup();
    model.names.push("Tiltakslinjer");
    await insertCatalogue(cat);
    expect(model.table("Tiltakslinjer_2")).toBeDefined();
  });

  test("titles that look like formulas land as text", async () => {
    const model = setup();
    const data = copy();
    data.measures[0]!.title = '=HYPERLINK("http://angriper.example","klikk")';
    data.measures[1]!.service = "+47 22 00 00 00";
    await insertCatalogue(loadCatalogue(data));
    const t = model.table("Tiltak")!;
    const header = model.tableFormulas("Tiltak")[0]!;
    const title = model.cell(t.sheet, 1, header.indexOf("Tiltak"))!;
    expect(title.formula).toBeNull();
    expect(title.value).toBe('=HYPERLINK("http://angriper.example","klikk")');
    expect(model.cell(t.sheet, 2, header.indexOf("Tjeneste"))!.value).toBe("+47 22 00 00 00");
  });
});

describe("insert again and upgrade", () => {
  test("a second insert changes nothing and writes nothing", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const before = model.dump();
    const written = model.cellsWritten;
    const r = await insertCatalogue(cat);
    expect(r.plan.unchanged).toBe(true);
    expect(r.messages).toEqual(["Arbeidsboken har allerede denne katalogen. Ingenting ble endret."]);
    expect(model.dump()).toBe(before);
    expect(model.cellsWritten).toBe(written);
  });

  test("an upgrade keeps choices, user columns and corrections on the right measure, adds and marks rows", async () => {
    const model = setup();
    await insertCatalogue(cat);
    model.typeInTable("Tiltak", "2.2", "Valgt", "Ja");
    model.typeInTable("Tiltak", "2.2", "2027", -9); // a controller's correction after checking the PDF
    model.addUserColumn("Tiltak", "Kommentar", (key) => (key === "4.3" ? "Drøftet i AMU" : ""));

    const next = copy();
    next.catalogue.version = "2025.2.0";
    next.measures = next.measures.filter((m) => m.id !== "1.1");
    const m22 = next.measures.find((m) => m.id === "2.2")!;
    m22.summary!.values["2029"] = -9.9;
    m22.summary!.values["2027"] = -9.2;
    next.measures.push({ ...next.measures.find((m) => m.id === "5.9")!, id: "5.10", title: "Nytt tiltak" });
    const r = await insertCatalogue(loadCatalogue(next));

    const rows = model.tableObjects("Tiltak");
    expect(rows.find((x) => x.Nr === "2.2")).toMatchObject({ Valgt: "Ja", "2029": -9.9, "2027": -9 });
    expect(rows.find((x) => x.Nr === "4.3")).toMatchObject({ Kommentar: "Drøftet i AMU", Valgt: "Nei" });
    expect(rows.find((x) => x.Nr === "1.1")).toMatchObject({ Katalog: "Ikke i katalog 2025.2.0" });
    expect(rows.find((x) => x.Nr === "5.10")).toMatchObject({ Tiltak: "Nytt tiltak", Valgt: "Nei", Kommentar: "" });
    expect(rows).toHaveLength(cat.measures.length + 1);
    expect(r.plan.report).toMatchObject({ markedRemoved: 1, keptEdits: [{ table: "Tiltak", key: "2.2", column: "2027" }] });
    expect(r.messages.join(" ")).toContain("Beholdt 1 verdi du har endret selv");
    // First insert: read, write, recalculate; upgrade: two reads, write, recalculate.
    expect(model.syncs).toBe(7);

    // Inserting the same version again is a no-op, and the correction is still kept.
    const again = await insertCatalogue(loadCatalogue(next));
    expect(again.plan.unchanged).toBe(true);
  });

  test("a failed upgrade restores every cell it had changed", async () => {
    const model = setup();
    await insertCatalogue(cat);
    model.typeInTable("Tiltak", "3.1", "Valgt", "Ja");
    const before = model.dump();
    const next = copy();
    next.catalogue.version = "2025.2.0";
    next.measures.find((m) => m.id === "3.1")!.summary!.values["2028"] = -6;
    next.measures.push({ ...next.measures.find((m) => m.id === "5.9")!, id: "5.10" });
    model.failOn = { op: /settings\.add/, code: "GeneralException" };
    await expect(insertCatalogue(loadCatalogue(next))).rejects.toMatchObject({ code: "GeneralException" });
    expect(model.dump()).toBe(before);
  });

  test("corrupt memory is never trusted: the tables are recognised by the workbook's catalogue name, nothing is overwritten, the user is told", async () => {
    const model = setup();
    await insertCatalogue(cat);
    model.typeInTable("Tiltak", "2.2", "2027", -7.7);
    model.settings.set("tiltaksmeny", "{ikke json");
    const tiltak = JSON.stringify(model.tableFormulas("Tiltak"));
    const tables = model.tables.length;
    const r = await insertCatalogue(cat);
    expect(JSON.stringify(model.tableFormulas("Tiltak"))).toBe(tiltak);
    expect(r.plan.report.memoryReset).toBe(true);
    // Without a trusted memory every difference from the catalogue counts as the user's own.
    expect(r.plan.report.keptEdits).toContainEqual({ table: "Tiltak", key: "2.2", column: "2027" });
    expect(model.tables.length).toBe(tables);
  });

  test("corrupt memory and no catalogue name: existing tables are left alone, ours get free names", async () => {
    const model = setup();
    await insertCatalogue(cat);
    model.settings.set("tiltaksmeny", "{ikke json");
    model.names = model.names.filter((n) => n !== "Tiltaksmeny_katalog");
    const tiltak = JSON.stringify(model.tableFormulas("Tiltak"));
    const r = await insertCatalogue(cat);
    expect(JSON.stringify(model.tableFormulas("Tiltak"))).toBe(tiltak);
    expect(r.plan.report.memoryReset).toBe(true);
    expect(model.table("Tiltak_2")).toBeDefined();
  });
});

describe("failures", () => {
  test("an Excel error mid-insert leaves no half-made table or sheet, and maps to Norwegian", async () => {
    const model = setup();
    const before = model.dump();
    model.failOn = { op: /tables\.add\(Oppsummering/, code: "InvalidArgument" };
    const err = await insertCatalogue(cat).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "InvalidArgument" });
    expect(model.dump()).toBe(before);
    expect(model.tables).toEqual([]);
    expect(excelErrorMessage(err)).toMatch(/^Excel avviste/);
    expect(excelErrorMessage(err)).not.toContain("Internal");
  });
});

describe("round trips do not grow with the catalogue, and no request passes Excel on the web's limit", () => {
  test.each([1, 10, 25])("a %i× catalogue: one read, the writes in as few requests as the 5 MB limit allows, one recalculation", async (factor) => {
    const model = setup();
    const big = loadCatalogue(scaledCatalogue(copy() as unknown as CatalogueData, factor));
    await insertCatalogue(big);
    expect(model.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    // Requests needed at the very least for what was sent, plus the read; the recalculation may ride with the
    // last write, or need one request of its own.
    const minimumWrites = Math.ceil(model.bytesSent / PAYLOAD_LIMIT);
    expect(model.syncs).toBeGreaterThanOrEqual(minimumWrites + 1);
    expect(model.syncs).toBeLessThanOrEqual(minimumWrites + 3);
    if (factor === 1) expect(model.syncs).toBe(3);
    expect(model.tableObjects("Tiltak")).toHaveLength(big.measures.length);
    expect(catalogueLayout(big).find((t) => t.key === "measures")!.rows).toHaveLength(46 * factor);
  });

  test("a catalogue whose memory cannot fit in one request is refused before anything is written", async () => {
    const model = setup();
    const before = model.dump();
    const big = loadCatalogue(scaledCatalogue(copy() as unknown as CatalogueData, 100));
    const err = await insertCatalogue(big).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CatalogueTooLarge" });
    expect(excelErrorMessage(err)).toMatch(/Ingenting ble endret/);
    expect(model.dump()).toBe(before);
    expect(model.syncs).toBe(1);
  });
});
