// The strict host refuses what Excel refuses, and the adapter keeps to Excel's rules on it: one test
// per rule of the host, and one per finding of the review against Microsoft's documentation.
import { bundledCatalogue as cat } from "../data/bundled";
import { EXCEL_API_FLOOR } from "./requirements";
import { installFakeHost } from "../../test/fake-excel/host";
import { WorkbookModel, NEWEST_EXCEL_API } from "../../test/fake-excel/model";
import { excelErrorMessage } from "./errors";
import { importHop, filterFollowUp, readChoice, setChoice } from "./followup";
import { insertCatalogue } from "./insert";
import { recheckWorkbook } from "./recheck";
import { readState } from "./read";

const FLOOR = Number(EXCEL_API_FLOOR.split(".")[1]);

function host(minor = NEWEST_EXCEL_API, sheets = ["Budsjett 2026"]): WorkbookModel {
  return installFakeHost(new WorkbookModel(sheets), minor);
}

/** Runs one batch on the host and returns the Excel error code it fails with (or "ok"). */
async function outcome(batch: (ctx: Excel.RequestContext) => Promise<void>): Promise<string> {
  return Excel.run(batch).then(
    () => "ok",
    (e: { code?: string }) => e.code ?? String(e),
  );
}

describe("the strict host refuses what Excel refuses", () => {
  test("a structured reference outside a table, to a missing table, or to a missing column", async () => {
    const model = host();
    const write = (address: string, formula: string) =>
      outcome(async (ctx) => {
        ctx.workbook.worksheets.getItem("Budsjett 2026").getRange(address).formulas = [[formula]];
        await ctx.sync();
      });
    expect(await write("A1", "=[@Nr]")).toBe("InvalidArgument");
    expect(await write("A1", "=SUM(Tiltak[2025])")).toBe("InvalidArgument");
    const sheet = model.sheet("Budsjett 2026")!;
    model.setInput(sheet, 0, 0, "Nr");
    model.setInput(sheet, 0, 1, "Plan");
    model.addTable("'Budsjett 2026'!A1:B3");
    model.renameTable(model.tables[0]!, "T");
    expect(await write("D1", "=SUM(T[Plan])")).toBe("ok");
    expect(await write("D2", "=SUM(T[Realisert])")).toBe("InvalidArgument");
    expect(await write("D2", "=T[@Plan]")).toBe("InvalidArgument"); // this row, but outside the table
    expect(await write("B2", "=[@Nr]")).toBe("ok");
    // Conditional formats take no structured references (INDIRECT reaches tables).
    const cf = (formula: string) =>
      outcome(async (ctx) => {
        ctx.workbook.worksheets.getItem("Budsjett 2026").getRange("A2:A3").conditionalFormats.add("Custom" as Excel.ConditionalFormatType).custom.rule.formula = formula;
        await ctx.sync();
      });
    expect(await cf("=T[Nr]=1")).toBe("InvalidArgument");
    expect(await cf('=INDIRECT("T[Nr]")=1')).toBe("ok");
  });

  test("names that are cell references, and taken names, are refused; references follow a rename", async () => {
    const model = host();
    const sheet = model.sheet("Budsjett 2026")!;
    model.setInput(sheet, 0, 0, "Nr");
    const t = model.addTable("'Budsjett 2026'!A1:A2");
    model.setInput(sheet, 5, 5, `=COUNTA(${t.name}[Nr])`);
    for (const bad of ["HOP2", "R1C1", "R", "C", "A1", "2025", "Med mellomrom"]) expect(() => model.renameTable(t, bad)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    model.names.push("Brukt");
    expect(() => model.renameTable(t, "brukt")).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    model.renameTable(t, "HOP_2");
    expect(model.formulaOf(sheet, 5, 5)).toBe("=COUNTA(HOP_2[Nr])");
  });

  test("navigation from a null object fails the batch; isNullObject alone is fine", async () => {
    host();
    expect(
      await outcome(async (ctx) => {
        ctx.workbook.tables.getItemOrNullObject("Finnes_ikke").worksheet.load("name");
        await ctx.sync();
      }),
    ).not.toBe("ok");
    expect(
      await outcome(async (ctx) => {
        const t = ctx.workbook.tables.getItemOrNullObject("Finnes_ikke").load("name");
        await ctx.sync();
        expect(t.isNullObject).toBe(true);
      }),
    ).toBe("ok");
  });

  test("a collection's items carry only what was loaded", async () => {
    const model = host();
    model.setInput(model.sheet("Budsjett 2026")!, 0, 0, "Nr");
    model.addTable("'Budsjett 2026'!A1:A2");
    await Excel.run(async (ctx) => {
      const tables = ctx.workbook.tables.load("items/name");
      await ctx.sync();
      expect(tables.items[0]!.name).toBe("Tabell1");
      expect(() => tables.items[0]!.showTotals).toThrow(/PropertyNotLoaded/);
      expect(() => tables.items[0]!.worksheet.name).toThrow(/PropertyNotLoaded/);
    });
  });

  test("a member above the host's requirement set fails with ApiNotFound", async () => {
    host(FLOOR);
    expect(
      await outcome(async (ctx) => {
        ctx.workbook.worksheets.getItem("Budsjett 2026").freezePanes.freezeRows(1);
        await ctx.sync();
      }),
    ).toBe("ApiNotFound");
  });

  test("2-D shapes must match the range; reads past 5 million cells are refused", async () => {
    host();
    const shape = await outcome(async (ctx) => {
      ctx.workbook.worksheets.getItem("Budsjett 2026").getRange("A1:B2").values = [[1, 2]];
      await ctx.sync();
    });
    expect(shape).toBe("InvalidArgument");
    const big = await outcome(async (ctx) => {
      ctx.workbook.worksheets.getItem("Budsjett 2026").getRange("A:F").load("values");
      await ctx.sync();
    });
    expect(big).toBe("RangeExceedsLimit");
  });

  test("work queued at the end of Excel.run is synced (as documented); calculation left suspended fails", async () => {
    const model = host();
    expect(
      await outcome(async (ctx) => {
        ctx.workbook.worksheets.getItem("Budsjett 2026").getRange("A1").values = [[1]];
      }),
    ).toBe("ok");
    expect(model.valueOf(model.sheet("Budsjett 2026")!, 0, 0)).toBe(1);
    expect(
      await outcome(async (ctx) => {
        ctx.application.suspendApiCalculationUntilNextSync();
        ctx.workbook.worksheets.getItem("Budsjett 2026").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    ).toBe("StrictHost");
  });

  test("a table that grows moves the tables below it, and refuses to tear one apart", () => {
    const model = host();
    const sheet = model.sheet("Budsjett 2026")!;
    ["A", "B"].forEach((h, c) => model.setInput(sheet, 0, c, h));
    const top = model.addTable("'Budsjett 2026'!A1:B2");
    model.setInput(sheet, 4, 0, "C");
    const below = model.addTable("'Budsjett 2026'!A5:A6");
    model.addTableRows(top, [["x", "y"]], 1);
    expect(below.rect.row).toBe(5);
    model.setInput(sheet, 9, 1, "D");
    model.setInput(sheet, 9, 2, "E");
    model.addTable("'Budsjett 2026'!B10:C11");
    expect(() => model.addTableRows(top, [["x", "y"]], 1)).toThrow(expect.objectContaining({ code: "InsertDeleteConflict" }));
  });
});

describe("the review's findings, on the strict host", () => {
  test("1: every table with structured-reference formulas is inserted (formulas written after their table exists)", async () => {
    const model = host();
    await insertCatalogue(cat);
    expect(model.tableObjects("Tiltak")[0]!["Sum 2026–2029"]).toBe("=SUM(Tiltak[@[2026]:[2029]])");
    expect(model.tableObjects("Oppfolging")[0]!.Avvik).toBe('=IF([@Realisert]="","",[@Realisert]-[@Plan])');
    // The table is named before any formula naming it is written.
    const named = model.ops.indexOf("table.name=Tiltak");
    expect(named).toBeGreaterThan(model.ops.indexOf("tables.add(Tiltak!A1:Q47)"));
  });

  test("2: a remembered table the user deleted is read without navigating from a null object", async () => {
    const model = host();
    await insertCatalogue(cat);
    model.tables = model.tables.filter((t) => t.name !== "HOP");
    const r = await insertCatalogue(cat);
    expect(r.plan.report.created).toEqual(["HOP"]);
    expect(model.table("HOP")).toBeDefined();
  });

  test("3: a user's table called HOP makes ours HOP_2 (HOP2 is a cell), and Excel accepts it", async () => {
    const model = host();
    const sheet = model.sheet("Budsjett 2026")!;
    model.setInput(sheet, 0, 0, "HØP-linje");
    model.renameTable(model.addTable("'Budsjett 2026'!A1:A2"), "HOP");
    const r = await insertCatalogue(cat);
    expect(model.table("HOP_2")?.sheet.name).toBe("HØP");
    expect(r.messages.join(" ")).toContain("«HOP_2»");
  });

  test("5: a second insert sees Excel's canonical formulas as our own (nothing kept, nothing written)", async () => {
    const model = host();
    await insertCatalogue(cat);
    const written = model.cellsWritten;
    const r = await insertCatalogue(cat);
    expect(r.plan.report.keptEdits).toEqual([]);
    expect(r.plan.unchanged).toBe(true);
    expect(model.cellsWritten).toBe(written);
  });

  test("7: after a failed, suspended write the workbook is recalculated too", async () => {
    const model = host();
    model.failOn = { op: /settings\.add/, code: "GeneralException" };
    const err = await insertCatalogue(cat).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "GeneralException" });
    expect(model.calculationOwed).toBe(false);
    expect(model.tables).toEqual([]);
  });

  test("HØP import of whole selected columns reads only the used cells", async () => {
    const model = host();
    await insertCatalogue(cat);
    const sheet = model.sheet("Budsjett 2026")!;
    [["Tiltak", 2026, 2027, 2028, 2029], ["2.2", 0, -9, -9, -9]].forEach((row, r) => row.forEach((v, c) => model.setInput(sheet, r, c, v)));
    model.selection = "'Budsjett 2026'!A:F";
    const r = await importHop(cat);
    expect(r).toMatchObject({ imported: 1, problems: [] });
    expect(model.tableObjects("HOP").find((x) => x.Nr === "2.2")!["HØP 2027"]).toBe(-9);
  });

  test("an empty selection imports nothing and says why", async () => {
    const model = host();
    await insertCatalogue(cat);
    model.selection = "'Budsjett 2026'!A:F";
    const r = await importHop(cat);
    expect(r.imported).toBe(0);
    expect(r.problems).toEqual(["Merk et område med tiltaksnummer i første kolonne og ett år per kolonne."]);
  });

  test("rows and columns keep their place in the selection when its edges are blank", async () => {
    const model = host();
    await insertCatalogue(cat);
    const sheet = model.sheet("Budsjett 2026")!;
    // Row 1 of the selection is blank; figures in plan-year order, an unknown measure in row 3.
    [["Nr", 2026, 2027, 2028, 2029], ["2.2", -1, -2, -3, -4], ["9.9", -1, -1, -1, -1]].forEach((row, r) => row.forEach((v, c) => model.setInput(sheet, r + 1, c, v)));
    model.selection = "'Budsjett 2026'!A1:F4";
    const r = await importHop(cat);
    expect(r.problems).toEqual(["Rad 4: tiltak 9.9 finnes ikke i katalogen."]);
    expect(model.tableObjects("HOP").find((x) => x.Nr === "2.2")!["HØP 2029"]).toBe(-4);
  });
});

describe(`at the declared floor (ExcelApi ${EXCEL_API_FLOOR}) every action works; newer features are left out`, () => {
  test("insert, re-insert, choice, filter, re-check and HØP import", async () => {
    const model = host(FLOOR);
    await insertCatalogue(cat);
    expect((await insertCatalogue(cat)).plan.unchanged).toBe(true);
    expect((await setChoice(cat, "2.2", true)).chosen.has("2.2")).toBe(true);
    expect((await readChoice(cat)).chosen.size).toBe(1);
    await filterFollowUp(2);
    expect(model.table("Oppfolging")!.filters).toEqual({ Gruppe: ["2"] });
    model.typeInTable("Tiltak", "4.12", "2028", -0.4);
    expect((await recheckWorkbook(cat)).changed).toBe(true);
    const sheet = model.sheet("Budsjett 2026")!;
    [["Nr", 2026], ["2.2", -1]].forEach((row, r) => row.forEach((v, c) => model.setInput(sheet, r, c, v)));
    model.selection = "'Budsjett 2026'!A1:B2";
    expect((await importHop(cat)).imported).toBe(1);
    // Conditional formats (1.6), freeze panes and chart categories (1.7), validation (1.8): not at 1.4.
    expect(model.sheets.flatMap((s) => s.conditionalFormats)).toEqual([]);
    expect(model.sheets.flatMap((s) => s.charts)).toEqual([]);
    expect(model.sheets.every((s) => s.frozenRows === 0)).toBe(true);
    expect([...model.sheet("Tiltak")!.cells.values()].some((c) => c.validation)).toBe(false);
    expect(model.ops.some((o) => o.startsWith("api:"))).toBe(false);
  });

  test("the state read is the same at the floor and at the newest set", async () => {
    const a = host(FLOOR);
    await insertCatalogue(cat);
    const atFloor = await Excel.run((ctx) => readState(ctx));
    host(NEWEST_EXCEL_API);
    await insertCatalogue(cat);
    const atNewest = await Excel.run((ctx) => readState(ctx));
    expect(atFloor.tables.measures?.body).toEqual(atNewest.tables.measures?.body);
    // At the floor nothing suspends calculation, so no recalculation round trip: read, write, then the
    // memory with the new tables' ids (known once they exist); then two reads.
    expect(a.syncs).toBe(3 + 2);
  });

  test("an error from a host below the floor maps to Norwegian", () => {
    expect(excelErrorMessage({ code: "ApiNotFound" })).toMatch(/versjonen av Excel/);
  });
});

describe("structured references the layout's lookups use, on the strict host", () => {
  // "Using structured references with Excel tables" (support.microsoft.com): a range of adjacent columns
  // is written Table[[First]:[Last]], and a special item combines with a column as Table[[#Headers],[Col]].
  test("a column range and a header cell are accepted when the columns exist, and refused when one does not", async () => {
    const model = host();
    const sheet = model.sheet("Budsjett 2026")!;
    ["Nr", "2025", "2026"].forEach((h, c) => model.setInput(sheet, 0, c, h));
    model.renameTable(model.addTable("'Budsjett 2026'!A1:C3"), "T");
    const write = (formula: string) =>
      outcome(async (ctx) => {
        ctx.workbook.worksheets.getItem("Budsjett 2026").getRange("F1").formulas = [[formula]];
        await ctx.sync();
      });
    expect(await write("=INDEX(T[[2025]:[2026]],1,2)")).toBe("ok");
    expect(model.formulaOf(sheet, 0, 5)).toBe("=INDEX(T[[2025]:[2026]],1,2)");
    expect(await write("=ROW(T[[#Headers],[Nr]])")).toBe("ok");
    expect(model.formulaOf(sheet, 0, 5)).toBe("=ROW(T[[#Headers],[Nr]])");
    expect(await write("=INDEX(T[[2025]:[2027]],1,2)")).toBe("InvalidArgument");
    expect(await write("=ROW(T[[#Headers],[Navn]])")).toBe("InvalidArgument");
  });
});
