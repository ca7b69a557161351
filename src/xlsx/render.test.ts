import ExcelJS from "exceljs";
import { bundledCatalogue as cat } from "../data/bundled";
import { rectAddress } from "../domain/a1";
import { IDENTITY_NAME, identityFormula } from "../domain/identity";
import { planInsert } from "../domain/insertPlan";
import { catalogueLayout, FORMATS, INPUT_FILL, SHEET_NAMES, totalsRow, type TableSpec } from "../domain/layout";
import { widthInCharacters } from "./cells";
import { catalogueFile, catalogueWorkbook, workbookFileName } from "./file";
import { addConstantName, chartNote, renderPlan, TABLE_STYLE, workbookState } from "./render";

/** The file as Excel would open it: written by the renderer, read back by ExcelJS. */
async function readBack(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await catalogueFile(cat)).buffer as ArrayBuffer);
  return wb;
}

type TableModel = { name: string; tableRef: string; totalsRow: boolean; style: { theme: string; showRowStripes: boolean }; columns: { name: string; totalsRowFunction?: string; totalsRowLabel?: string; filterButton?: boolean }[] };
const tableOf = (wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; t: TableModel } => {
  for (const ws of wb.worksheets) {
    const t = ws.getTable(name) as unknown as { table: TableModel } | undefined;
    if (t) return { ws, t: t.table };
  }
  throw new Error(`no table ${name}`);
};

const layout = catalogueLayout(cat);
const spec = (key: TableSpec["key"]) => layout.find((s) => s.key === key) as TableSpec;
const cell = (ws: ExcelJS.Worksheet, row: number, col: number) => ws.getCell(row + 1, col + 1);

let wb: ExcelJS.Workbook;
beforeAll(async () => {
  wb = await readBack();
});

describe("the workbook as a file: the same layout the add-in inserts", () => {
  test("our sheets in the add-in's order, one named table per layout table, where the layout puts it", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tiltak", "Detaljer", "Oppsummering", "Oppfølging", "Statusrapport", "Versjoner", "HØP", "Avvik", "Lister"]);
    for (const s of layout) {
      const { ws, t } = tableOf(wb, s.table);
      expect([s.table, ws.name]).toEqual([s.table, SHEET_NAMES[s.sheetKey]]);
      const totals = totalsRow(s) ? 1 : 0;
      expect([s.table, t.tableRef]).toEqual([s.table, rectAddress({ row: s.startRow, col: 0, rows: 1 + s.rows.length + totals, cols: s.columns.length })]);
      expect(t.columns.map((c) => c.name)).toEqual(s.columns.map((c) => c.name));
      expect(t.columns.every((c) => c.filterButton)).toBe(true);
      expect(t.style).toMatchObject({ theme: TABLE_STYLE, showRowStripes: true });
      expect(t.totalsRow).toBe(totals === 1);
    }
  });

  test("values, text measure numbers and formulas in the file's grammar", () => {
    const { ws } = tableOf(wb, "Tiltak");
    const s = spec("measures");
    s.rows.forEach((r, i) => {
      expect(cell(ws, i + 1, 0).value).toBe(r.key);
      expect(cell(ws, i + 1, 0).numFmt).toBe(FORMATS.text);
    });
    const row210 = s.rows.findIndex((r) => r.key === "2.10") + 1;
    expect(cell(ws, row210, 0).value).toBe("2.10");
    const plan = s.columns.findIndex((c) => c.name === "Sum 2026–2029");
    expect(cell(ws, 1, plan).value).toEqual({ formula: "SUM(Tiltak[[#This Row],[2026]:[2029]])" });
    // Chapter-4-only measures: blank years, as the adapter leaves them.
    const row18 = s.rows.findIndex((r) => r.key === "1.8") + 1;
    expect(cell(ws, row18, 5).value).toBeNull();
    // No cached values: Excel recalculates on open (fullCalcOnLoad).
    expect((cell(ws, 1, plan) as unknown as { result?: unknown }).result).toBeUndefined();
    expect(catalogueWorkbook(cat).calcProperties.fullCalcOnLoad).toBe(true);
  });

  test("totals rows: «Sum», SUBTOTAL formulas, and the table part names the function", () => {
    const s = spec("measures");
    const { ws, t } = tableOf(wb, s.table);
    const row = 1 + s.rows.length;
    expect(cell(ws, row, 0).value).toBe("Sum");
    expect(cell(ws, row, 5).value).toEqual({ formula: "SUBTOTAL(109,Tiltak[2025])" });
    expect(t.columns[5]?.totalsRowFunction).toBe("sum");
    expect(t.columns[0]?.totalsRowLabel).toBe("Sum");
    const g = spec("groupSummary");
    const group = tableOf(wb, g.table);
    const menu = g.columns.findIndex((c) => c.name === "Meny (sparekrav×2)");
    expect(cell(group.ws, g.startRow + 1 + g.rows.length, menu).value).toEqual({ formula: "SUBTOTAL(109,Gruppesum[[Meny (sparekrav×2)]])" });
    expect(group.t.columns[menu]?.totalsRowFunction).toBe("sum");
    // Any other totals formula stands in its cell; the table part says "none" for it.
    totalsRow(g)?.formulas.forEach((f, i) => {
      if (f.startsWith("=") && !/^=SUBTOTAL\(109,/.test(f)) expect(group.t.columns[i]?.totalsRowFunction).toBe("none");
    });
  });

  test("number formats, input fill, validation with the layout's messages", () => {
    const s = spec("followUp");
    const { ws } = tableOf(wb, s.table);
    const col = (n: string) => s.columns.findIndex((c) => c.name === n);
    expect(cell(ws, 1, col("Realisert")).numFmt).toBe(FORMATS.mnokDetail);
    expect(cell(ws, 1, col("Realisert")).fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${INPUT_FILL.slice(1)}` } });
    expect(cell(ws, s.rows.length, col("Realisert")).dataValidation).toMatchObject({ type: "decimal", formulae: [-1000, 1000], showErrorMessage: true, errorTitle: "Tiltaksmeny" });
    const planRule = cell(ws, 1, col("Plan")).dataValidation;
    expect(planRule).toMatchObject({ type: "custom", formulae: ["FALSE"], showErrorMessage: true });
    expect(planRule.error).toContain("Realisert");
    expect((cell(ws, 1, col("Plan")).fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");
    const m = tableOf(wb, "Tiltak").ws;
    const valgt = spec("measures").columns.findIndex((c) => c.name === "Valgt");
    expect(cell(m, 1, valgt).dataValidation).toMatchObject({ type: "list", formulae: ['"Ja,Nei"'] });
    expect(cell(m, 0, 5).numFmt).toBe(FORMATS.text); // headers are text ("2025")
  });

  test("conditional formats over the body columns the layout names, with its formulas and fills", () => {
    for (const s of layout) {
      const ws = tableOf(wb, s.table).ws;
      const ours = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
      const want = (s.conditionalFormats ?? []).map((cf) => ({
        ref: rectAddress({ row: s.startRow + 1, col: s.columns.findIndex((c) => c.name === cf.firstColumn), rows: s.rows.length, cols: s.columns.findIndex((c) => c.name === cf.lastColumn) - s.columns.findIndex((c) => c.name === cf.firstColumn) + 1 }),
        formula: cf.formula.slice(1),
        fill: `FF${cf.fill.slice(1)}`,
      }));
      const got = ours.filter((cf) => want.some((w) => w.ref === cf.ref)).map((cf) => ({ ref: cf.ref, formula: cf.rules[0]?.formulae[0], fill: cf.rules[0]?.style.fill.bgColor.argb }));
      expect(got).toEqual(want);
    }
  });

  test("frozen header and column widths on our sheets; a note where the chart goes", () => {
    const ws = wb.getWorksheet("Tiltak") as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    spec("measures").columns.forEach((c, i) => expect(ws.getColumn(i + 1).width).toBe(widthInCharacters(c.width)));
    const summary = wb.getWorksheet("Oppsummering") as ExcelJS.Worksheet;
    const texts: string[] = [];
    summary.eachRow((r) => r.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))));
    expect(texts).toContain(chartNote("Valgte tiltak mot sparekravet (mill. kr)"));
  });

  test("the catalogue's identity as a workbook name with a text constant", () => {
    const fresh = catalogueWorkbook(cat);
    expect(fresh.definedNames.model).toContainEqual({ name: IDENTITY_NAME, ranges: [identityFormula(cat).slice(1)] });
    expect(identityFormula(cat).slice(1)).toBe(`"${cat.id} ${cat.version}"`);
  });
});

describe("rendering into a workbook that already has things", () => {
  test("names taken by the user's tables and names get _2, and formulas use them", () => {
    const wb2 = new ExcelJS.Workbook();
    const ws = wb2.addWorksheet("Tiltak");
    ws.addTable({ name: "Tiltak", ref: "A1", columns: [{ name: "Nr" }], rows: [["x"]] });
    wb2.definedNames.add("Tiltak!$A$1", "Avvik");
    addConstantName(wb2, "Konstant", '="x"');
    const state = workbookState(wb2);
    expect(state).toMatchObject({ sheets: ["Tiltak"], tableNames: ["Tiltak"] });
    expect(state.definedNames).toEqual(expect.arrayContaining(["Avvik", "Konstant"]));
    const plan = planInsert(cat, state);
    renderPlan(wb2, plan);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(["Tiltak", "Tiltak (2)", "Detaljer", "Oppsummering", "Oppfølging", "Statusrapport", "Versjoner", "HØP", "Avvik", "Lister"]);
    const t = wb2.getWorksheet("Tiltak (2)") as ExcelJS.Worksheet;
    expect(t.getCell("L2").value).toEqual({ formula: "SUM(Tiltak_2[[#This Row],[2026]:[2029]])" });
    expect(String((t.getCell("P2").value as { formula: string }).formula)).toContain("Avvik_2[Nr]=Tiltak_2[[#This Row],[Nr]]");
    // Both kinds of names are kept: the cell name and the constant.
    expect(wb2.definedNames.model.map((n) => n.name)).toEqual(expect.arrayContaining(["Avvik", "Konstant"]));
  });

  test("a plan that would update existing tables is refused: a file is written once", () => {
    const plan = planInsert(cat, workbookState(new ExcelJS.Workbook()));
    const update = { ...plan, ops: [{ ...plan.ops[0], kind: "update" }] } as unknown as typeof plan;
    expect(() => renderPlan(new ExcelJS.Workbook(), update)).toThrow("bare få nye tabeller");
  });

  test("the file name says catalogue and version, in safe characters", () => {
    expect(workbookFileName(cat)).toBe(`tiltaksmeny-${cat.id}-${cat.version}.xlsx`);
  });
});

describe("the tertial follow-up in the file (issue 15)", () => {
  test("Oppfølging's «Signal» has the traffic-light icon set over every row, read back from the file", () => {
    const s = spec("followUp");
    const { ws } = tableOf(wb, s.table);
    const col = s.columns.findIndex((c) => c.name === "Signal");
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; iconSet?: string; cfvo?: { type: string; value?: number }[] }[] }[] }).conditionalFormattings;
    const icons = cfs.filter((cf) => cf.rules.some((r) => r.type === "iconSet"));
    expect(icons.map((cf) => cf.ref)).toEqual([rectAddress({ row: 1, col, rows: s.rows.length, cols: 1 })]);
    expect(icons[0]!.rules[0]).toMatchObject({ type: "iconSet", iconSet: "3TrafficLights1", cfvo: [{ type: "percent", value: 0 }, { type: "num", value: 2 }, { type: "num", value: 3 }] });
    expect(cell(ws, 1, col).numFmt).toBe(FORMATS.signal);
  });

  test("Status and Risiko draw their words from the lists' tables (INDIRECT in the file's grammar)", () => {
    const s = spec("followUp");
    const { ws } = tableOf(wb, s.table);
    const status = cell(ws, 1, s.columns.findIndex((c) => c.name === "Status"));
    expect(status.dataValidation).toMatchObject({ type: "list", formulae: ['INDIRECT("Statusliste[Status]")'] });
    expect(cell(ws, s.rows.length, s.columns.findIndex((c) => c.name === "Risiko")).dataValidation).toMatchObject({ type: "list", formulae: ['INDIRECT("Risikoliste[Risiko]")'] });
    const lists = tableOf(wb, "Statusliste");
    expect(lists.ws.name).toBe("Lister");
    expect(cell(lists.ws, 2, 0).value).toBe("Ikke startet");
  });

  test("Statusrapport: the report's choice, per status, per group (a note where the add-in puts its chart), and the comparison", () => {
    const report = wb.getWorksheet("Statusrapport") as ExcelJS.Worksheet;
    const tables = (report.getTables() as unknown as { table: { name: string } }[]).map((t) => t.table.name);
    expect(tables).toEqual(["Rapportvalg", "StatusPerStatus", "StatusPerGruppe", "Versjonssammenligning"]);
    const texts: string[] = [];
    report.eachRow((r) => r.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))));
    expect(texts).toContain(chartNote("Plan, realisert og forventet per arbeidsgruppe (mill. kr)"));
    const g = spec("groupReport");
    const { ws } = tableOf(wb, g.table);
    const gjenstar = g.columns.findIndex((c) => c.name === "Gjenstår");
    expect(cell(ws, g.startRow + 1 + g.rows.length, gjenstar).value).toEqual({ formula: "SUBTOTAL(109,StatusPerGruppe[Forventet])-(-40)" });
  });
});
