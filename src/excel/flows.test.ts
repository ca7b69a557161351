// Issue 12, on the strict fake host: one correction in Tiltak flows to Oppfølging and HØP (native
// formulas, also after an upgrade from the constants older versions wrote), totals rows read like the
// figures above them, the insert message counts what it did, and what a user writes beside an Avvik
// finding stays with that finding when the table is rewritten.
import catalogueJson from "../data/catalogue.json";
import { bundledCatalogue as cat } from "../data/bundled";
import { loadCatalogue } from "../domain/catalogue";
import { effect } from "../domain/effects";
import { MEMORY_KEY } from "../domain/insertPlan";
import { catalogueLayout, FORMATS } from "../domain/layout";
import { reconcile } from "../domain/reconcile";
import type { CatalogueData } from "../domain/types";
import { installFakeHost } from "../../test/fake-excel/host";
import { WorkbookModel, type SheetModel } from "../../test/fake-excel/model";
import type { DeepMutable } from "../../test/fixtures";
import { insertCatalogue, InsertFailed } from "./insert";
import { recheckWorkbook } from "./recheck";

const setup = () => installFakeHost(new WorkbookModel(["Budsjett 2026"]));
const copy = (): DeepMutable<CatalogueData> => JSON.parse(JSON.stringify(catalogueJson));
const [FROM, TO] = cat.planPeriod;
const PLAN_YEARS = Array.from({ length: TO - FROM + 1 }, (_, i) => FROM + i);
const summaryIds = cat.measures.filter((m) => m.inSummary).map((m) => m.id);

// The formulas, written out by hand for the bundled catalogue (years 2025–2030).
const ROW_OF = "MATCH(TRUE,INDEX(EXACT(Tiltak[Nr],[@Nr]),0),0)";
const PLAN = `=INDEX(Tiltak[[2025]:[2030]],${ROW_OF},[@År]-2024)`;
const hopTiltak = (y: number) => `=INDEX(Tiltak[${y}],${ROW_OF})`;
const COUNT = '=SUMPRODUCT((Avvik[Nr]=[@Nr])*((Avvik[Alvorlighet]="feil")+(Avvik[Alvorlighet]="advarsel")))';
const OLD_COUNT = '=SUMPRODUCT((Avvik[Nr]=[@Nr])*(Avvik[Alvorlighet]<>"info"))';

/** Sheet position of a table's body cell: the row whose columns match `where`, and a column by header. */
function at(model: WorkbookModel, table: string, where: Record<string, string | number>, column: string): { sheet: SheetModel; row: number; col: number } {
  const t = model.requireTable(table);
  const [header, ...body] = model.tableFormulas(table);
  const c = header!.indexOf(column);
  const r = body.findIndex((row) => Object.entries(where).every(([k, v]) => row[header!.indexOf(k)] === v));
  if (c < 0 || r < 0) throw new Error(`no cell ${table} ${JSON.stringify(where)} ${column}`);
  return { sheet: t.sheet, row: t.rect.row + 1 + r, col: t.rect.col + c };
}

const put = (model: WorkbookModel, table: string, where: Record<string, string | number>, column: string, v: unknown) => {
  const p = at(model, table, where, column);
  model.setInput(p.sheet, p.row, p.col, v);
};
const get = (model: WorkbookModel, table: string, where: Record<string, string | number>, column: string) => {
  const p = at(model, table, where, column);
  return model.formulaOf(p.sheet, p.row, p.col);
};

describe("one correction in Tiltak flows to Oppfølging «Plan» and HØP «Tiltak <år>»", () => {
  test("a first insert writes them as lookups into the Tiltak table, and the strict host accepts them", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const follow = model.tableObjects("Oppfolging");
    expect(follow).toHaveLength(summaryIds.length * PLAN_YEARS.length);
    expect(follow.filter((r) => r.Plan !== PLAN)).toEqual([]);
    for (const r of model.tableObjects("HOP")) for (const y of PLAN_YEARS) expect([r.Nr, y, r[`Tiltak ${y}`]]).toEqual([r.Nr, y, hopTiltak(y)]);
    expect(model.tableObjects("Tiltak").filter((r) => r.Avvik !== COUNT)).toEqual([]);
  });

  test("an older workbook (catalogue constants) upgrades to the formulas; a figure the user changed is kept", async () => {
    const model = setup();
    await insertCatalogue(cat);
    // What an older version wrote: the catalogue's constants, remembered as written.
    const memory = JSON.parse(String(model.settings.get(MEMORY_KEY)));
    for (const id of summaryIds) {
      for (const y of PLAN_YEARS) {
        const o = effect(cat, id, y);
        const old = o.ok ? o.value : "=NA()";
        put(model, "Oppfolging", { Nr: id, År: y }, "Plan", old);
        memory.written.followUp[`${id}#${y}`].Plan = old;
        put(model, "HOP", { Nr: id }, `Tiltak ${y}`, old);
        memory.written.hop[id][`Tiltak ${y}`] = old;
      }
    }
    for (const m of cat.measures) {
      put(model, "Tiltak", { Nr: m.id }, "Avvik", OLD_COUNT);
      memory.written.measures[m.id].Avvik = OLD_COUNT;
    }
    // Older versions had no «Merknad» in ValgtMotMal: the upgrade adds it in place.
    model.deleteTableColumn(model.requireTable("ValgtMotMal"), "Merknad");
    for (const rec of Object.values(memory.written.choice) as Record<string, unknown>[]) delete rec.Merknad;
    model.settings.set(MEMORY_KEY, JSON.stringify(memory));
    // A controller pasted over the validation (pasting is not validated): theirs wins.
    put(model, "HOP", { Nr: "2.2" }, "Tiltak 2027", -5);

    const r = await insertCatalogue(cat);
    expect(model.tableObjects("Oppfolging").filter((x) => x.Plan !== PLAN)).toEqual([]);
    for (const x of model.tableObjects("HOP")) {
      for (const y of PLAN_YEARS) {
        const want = x.Nr === "2.2" && y === 2027 ? -5 : hopTiltak(y);
        expect([x.Nr, y, x[`Tiltak ${y}`]]).toEqual([x.Nr, y, want]);
      }
    }
    expect(model.tableObjects("Tiltak").filter((x) => x.Avvik !== COUNT)).toEqual([]);
    expect(r.plan.report.keptEdits).toEqual([{ table: "HOP", key: "2.2", column: "Tiltak 2027" }]);
    expect(model.tableObjects("ValgtMotMal").map((x) => typeof x.Merknad === "string" && x.Merknad.startsWith("=IF("))).toEqual([false, false, false, true]);
    // Every Plan cell, every HØP figure but the kept one, every findings count, the target year's note.
    const cells = summaryIds.length * PLAN_YEARS.length * 2 - 1 + cat.measures.length + 1;
    expect(r.messages).toContain(`Oppdaterte ${cells.toLocaleString("nb-NO")} celler i Tiltak, ValgtMotMal, Oppfolging, HOP.`);
    // And it stays put.
    expect((await insertCatalogue(cat)).plan.unchanged).toBe(true);
  });
});

describe("totals rows read like the figures above them", () => {
  test("every totals cell has its column's number format; a note formula in a text column stays a formula", async () => {
    const model = setup();
    await insertCatalogue(cat);
    let checked = 0;
    for (const spec of catalogueLayout(cat)) {
      const t = model.requireTable(spec.table);
      if (!spec.columns.some((c) => c.total)) {
        expect([spec.table, t.showTotals]).toEqual([spec.table, false]);
        continue;
      }
      expect([spec.table, t.showTotals]).toEqual([spec.table, true]);
      const row = t.rect.row + t.rect.rows - 1;
      spec.columns.forEach((c, i) => {
        if (!c.total) return;
        const cell = model.cell(t.sheet, row, t.rect.col + i);
        // A number column keeps its format; a text column's total is a formula, so General.
        const want = c.format === FORMATS.text ? "General" : c.format;
        expect([spec.table, c.name, cell?.numberFormat, cell?.formula !== null]).toEqual([spec.table, c.name, want, true]);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(40);
    // The example: Tiltak's 2025 total, one decimal like the figures above it.
    const t = model.requireTable("Tiltak");
    expect(model.cell(t.sheet, t.rect.row + t.rect.rows - 1, 5)?.numberFormat).toBe(FORMATS.mnok1);
  });
});

describe("the insert message counts what it did", () => {
  const avvikRows = (c: typeof cat) => reconcile(c).reduce((n, f) => n + Math.max(1, f.years.length), 0);

  test("a rewritten Avvik is counted in rows, and one cell is «1 celle»", async () => {
    setup();
    await insertCatalogue(cat);
    const next = copy();
    next.catalogue.version = "2025.2.0";
    // A new disagreement: 2.2's summary for 2027 no longer matches its effect table.
    next.measures.find((m) => m.id === "2.2")!.summary!.values["2027"] = -9.2;
    const nextCat = loadCatalogue(next);
    expect(avvikRows(nextCat)).not.toBe(avvikRows(cat));
    const r = await insertCatalogue(nextCat);
    const text = r.messages.join(" ");
    expect(text).not.toMatch(/\b0 celler\b/);
    expect(text).toContain("Oppdaterte 1 celle i Tiltak.");
    expect(text).toContain(`Skrev tabellen Avvik på nytt: ${avvikRows(nextCat)} rader (før: ${avvikRows(cat)}).`);
  });
});

describe("what a user writes beside an Avvik finding stays with that finding", () => {
  async function withComments(): Promise<WorkbookModel> {
    const model = setup();
    await insertCatalogue(cat);
    model.addUserColumn("Avvik", "Kommentar", () => "");
    put(model, "Avvik", { Nr: "4.12", Regel: "detail-vs-summary", År: 2028 }, "Kommentar", "Sjekket mot PDF: -0,4 er riktig");
    put(model, "Avvik", { Nr: "5.1", Regel: "unreadable" }, "Kommentar", "Spør gruppe 5");
    return model;
  }
  const comments = (model: WorkbookModel) =>
    model
      .tableObjects("Avvik")
      .filter((r) => r.Kommentar !== "")
      .map((r) => ({ Nr: r.Nr, Regel: r.Regel, År: r.År, Alvorlighet: r.Alvorlighet, Kommentar: r.Kommentar }));

  test("a re-insert of the same catalogue leaves a user's column alone and writes nothing", async () => {
    const model = await withComments();
    const before = model.dump();
    const r = await insertCatalogue(cat);
    expect(r.plan.unchanged).toBe(true);
    expect(model.dump()).toBe(before);
  });

  test("an upgrade that adds and removes findings moves each comment with its finding; a settled one is kept as «løst»", async () => {
    const model = await withComments();
    const unreadable51 = comments(model).find((c) => c.Nr === "5.1")!;
    const next = copy();
    next.catalogue.version = "2025.2.0";
    // 1.1 gets a new disagreement (rows above every comment), and 4.12's 2028 figure is settled.
    next.measures.find((m) => m.id === "1.1")!.summary!.values["2027"] = -9.9;
    next.measures.find((m) => m.id === "4.12")!.summary!.values["2028"] = -0.4;
    const nextCat = loadCatalogue(next);
    expect(reconcile(nextCat).some((f) => f.measure === "4.12" && f.rule === "detail-vs-summary" && f.years.includes(2028))).toBe(false);
    const r = await insertCatalogue(nextCat);

    expect(comments(model)).toEqual([
      unreadable51,
      { Nr: "4.12", Regel: "detail-vs-summary", År: 2028, Alvorlighet: "løst", Kommentar: "Sjekket mot PDF: -0,4 er riktig" },
    ]);
    // The rewritten table holds every current finding, then the settled one the user wrote in.
    expect(model.tableObjects("Avvik")).toHaveLength(reconcile(nextCat).reduce((n, f) => n + Math.max(1, f.years.length), 0) + 1);
    const text = r.messages.join(" ");
    expect(text).toContain("Det du har skrevet i kolonnen «Kommentar», står ved funnet det hører til.");
    expect(text).toContain("1 funn som ikke lenger gjelder, er beholdt og merket «løst» fordi du har skrevet i det.");
    // Idempotent with the settled row in place.
    const again = await insertCatalogue(nextCat);
    expect(again.plan.unchanged).toBe(true);
  });

  test("a formula column the user added (one formula for the column) is given to new findings too", async () => {
    const model = setup();
    await insertCatalogue(cat);
    model.addUserColumn("Avvik", "Differanse", () => "");
    const t = model.requireTable("Avvik");
    const body = model.bodyRect(t);
    for (let r = body.row; r < body.row + body.rows; r++) model.setInput(t.sheet, r, t.rect.col + t.rect.cols - 1, "=[@Faktisk]-[@Forventet]");
    const next = copy();
    next.catalogue.version = "2025.2.0";
    next.measures.find((m) => m.id === "2.2")!.summary!.values["2027"] = -9.2;
    await insertCatalogue(loadCatalogue(next));
    const rows = model.tableObjects("Avvik");
    expect(rows.filter((r) => r.Differanse !== "=[@Faktisk]-[@Forventet]")).toEqual([]);
    // Formulas are not the user's words about a finding: no row is kept as «løst» for them.
    expect(rows.filter((r) => r.Alvorlighet === "løst")).toEqual([]);
  });
});

describe("a rewrite of Avvik with a user's column, failing at any operation, leaves the workbook as it was", () => {
  async function prepare(comment: string): Promise<WorkbookModel> {
    const model = setup();
    await insertCatalogue(cat);
    model.addUserColumn("Avvik", "Kommentar", () => "");
    put(model, "Avvik", { Nr: "4.12", Regel: "detail-vs-summary", År: 2028 }, "Kommentar", "Settes til løst");
    put(model, "Avvik", { Nr: "5.9", Regel: "copied-row" }, "Kommentar", comment);
    // Settles 4.12 (two rows fewer, one kept as «løst») and adds a finding for 1.1 above everything.
    model.typeInTable("Tiltak", "4.12", "2028", -0.4);
    model.typeInTable("Tiltak", "1.1", "2027", -9.9);
    return model;
  }

  async function everyFailure(comment: string, shown: string): Promise<void> {
    const probe = await prepare(comment);
    const start = probe.ops.length;
    await recheckWorkbook(cat);
    const count = probe.ops.length - start;
    expect(count).toBeGreaterThan(3);
    expect(get(probe, "Avvik", { Nr: "5.9", Regel: "copied-row" }, "Kommentar")).toBe(shown);
    for (let i = 0; i < count; i++) {
      const model = await prepare(comment);
      const before = model.dump();
      model.failAt = { index: model.ops.length + i, code: "GeneralException" };
      const err = await recheckWorkbook(cat).catch((e: unknown) => e);
      expect(err).toBeDefined();
      if (err instanceof InsertFailed) expect([i, err.outcome.restored]).toEqual([i, true]);
      expect([i, model.dump() === before]).toEqual([i, true]);
    }
  }

  test("re-check", () => everyFailure("Meldt til gruppe 5", "Meldt til gruppe 5"));

  // Text that looks like a formula or a number ("- flyttes ikke", typed with a text prefix) is restored
  // as text, not as a formula.
  test("re-check, with a comment that looks like a formula", () => everyFailure("'- flyttes ikke", "- flyttes ikke"));
});
