import { bundledCatalogue as cat } from "../data/bundled";
import { reconcile } from "../domain/reconcile";
import { installFakeHost } from "../../test/fake-excel/host";
import { WorkbookModel } from "../../test/fake-excel/model";
import { excelErrorMessage } from "./errors";
import { insertCatalogue } from "./insert";
import { recheckWorkbook } from "./recheck";

async function inserted(): Promise<WorkbookModel> {
  const model = installFakeHost(new WorkbookModel(["Budsjett 2026"]));
  await insertCatalogue(cat);
  model.syncs = 0;
  return model;
}

const rowsFor = (model: WorkbookModel, id: string) => model.tableObjects("Avvik").filter((r) => r.Nr === id);

describe("Kontroller på nytt", () => {
  test("without edits it finds what the insert found and writes nothing (reads only)", async () => {
    const model = await inserted();
    const before = model.dump();
    const r = await recheckWorkbook(cat);
    expect(r.changed).toBe(false);
    expect(r.findings).toEqual(reconcile(cat));
    // Which tables exist, then their content: nothing is navigated from a possibly null object.
    expect(model.syncs).toBe(2);
    expect(model.dump()).toBe(before);
  });

  test("a controller's correction in the Tiltak table clears the flag it answers; other flags stay", async () => {
    const model = await inserted();
    expect(rowsFor(model, "4.12").length).toBeGreaterThan(0);
    // After checking the PDF: the 2028 value should be -0.4, like the group and effect tables say.
    model.typeInTable("Tiltak", "4.12", "2028", -0.4);
    const r = await recheckWorkbook(cat);
    expect(r.changed).toBe(true);
    expect(r.findings.filter((f) => f.measure === "4.12")).toEqual([]);
    expect(rowsFor(model, "4.12")).toEqual([]);
    expect(rowsFor(model, "1.7").length).toBeGreaterThan(0);
    expect(model.syncs).toBe(3);
    // The Avvik table is the same table (formulas naming it keep working), just shorter.
    expect(model.tables.filter((t) => t.name === "Avvik")).toHaveLength(1);
    expect(model.tableObjects("Tiltak").find((x) => x.Nr === "4.12")!.Avvik).toMatch(/^=SUMPRODUCT\(\(Avvik\[Nr\]=/);
  });

  test("a correction in the printed columns of Tiltakslinjer is checked too, and a new disagreement appears", async () => {
    const model = await inserted();
    const lines = model.tableObjects("Tiltakslinjer");
    const i = lines.findIndex((r) => r.Nr === "1.1" && r.Netto === "Ja");
    expect(i).toBeGreaterThanOrEqual(0);
    const t = model.table("Tiltakslinjer")!;
    const header = model.tableFormulas("Tiltakslinjer")[0]!;
    model.setInput(t.sheet, t.rect.row + 1 + i, header.indexOf("Trykt 2027"), -0.9);
    const r = await recheckWorkbook(cat);
    expect(r.findings).toContainEqual(expect.objectContaining({ measure: "1.1", rule: "detail-vs-summary", years: [2027], expected: -0.6, actual: -0.9 }));
    expect(rowsFor(model, "1.1")).toContainEqual(expect.objectContaining({ År: 2027, Alvorlighet: "feil" }));
  });

  test("text typed where a number belongs is reported as unreadable, never read as 0", async () => {
    const model = await inserted();
    model.typeInTable("Tiltak", "2.2", "2028", "ca. ni");
    const r = await recheckWorkbook(cat);
    expect(r.findings).toContainEqual(expect.objectContaining({ measure: "2.2", rule: "unreadable", years: [2028] }));
  });

  test("before the catalogue is inserted it says so in Norwegian", async () => {
    installFakeHost(new WorkbookModel(["Ark1"]));
    const err = await recheckWorkbook(cat).catch((e: unknown) => e);
    expect(excelErrorMessage(err)).toMatch(/Sett inn tiltakskatalog/);
  });
});

test("a correction stays corrected, and unflagged, through a re-insert", async () => {
  const model = await inserted();
  model.typeInTable("Tiltak", "4.12", "2028", -0.4);
  await recheckWorkbook(cat);
  const r = await insertCatalogue(cat);
  expect(r.plan.report.keptEdits).toEqual([{ table: "Tiltak", key: "4.12", column: "2028" }]);
  expect(model.tableObjects("Tiltak").find((x) => x.Nr === "4.12")!["2028"]).toBe(-0.4);
  expect(rowsFor(model, "4.12")).toEqual([]);
});

describe("Kontroller på nytt keeps what a user writes beside a finding with that finding", () => {
  /** Puts text in the user's column on the Avvik row of this finding. */
  function note(model: WorkbookModel, nr: string, rule: string, year: number | "", text: string): void {
    const t = model.requireTable("Avvik");
    const [header, ...body] = model.tableFormulas("Avvik");
    const r = body.findIndex((row) => row[header!.indexOf("Nr")] === nr && row[header!.indexOf("Regel")] === rule && row[header!.indexOf("År")] === year);
    expect(r).toBeGreaterThanOrEqual(0);
    model.setInput(t.sheet, t.rect.row + 1 + r, t.rect.col + header!.indexOf("Kommentar"), text);
  }
  const notes = (model: WorkbookModel) =>
    model
      .tableObjects("Avvik")
      .filter((r) => r.Kommentar !== "")
      .map((r) => [r.Nr, r.Regel, r.År, r.Alvorlighet, r.Kommentar]);

  test("a settled finding the user wrote beside is kept as «løst»; the others keep their words; clearing the words removes it", async () => {
    const model = await inserted();
    model.addUserColumn("Avvik", "Kommentar", () => "");
    note(model, "4.12", "detail-vs-summary", 2028, "PDF-en sier -0,4");
    note(model, "5.9", "copied-row", "", "Meldt til gruppe 5");
    model.typeInTable("Tiltak", "4.12", "2028", -0.4);
    const r = await recheckWorkbook(cat);
    expect(r.changed).toBe(true);
    expect(notes(model)).toEqual([
      ["5.9", "copied-row", "", "feil", "Meldt til gruppe 5"],
      ["4.12", "detail-vs-summary", 2028, "løst", "PDF-en sier -0,4"],
    ]);
    // The other 4.12 finding of 2028 is gone without a trace (nobody wrote beside it).
    expect(rowsFor(model, "4.12").map((x) => x.Regel)).toEqual(["detail-vs-summary"]);
    // Nothing more to do: the same check again writes nothing.
    const before = model.dump();
    expect((await recheckWorkbook(cat)).changed).toBe(false);
    expect(model.dump()).toBe(before);
    // The user clears their words: the settled row goes.
    model.typeInTable("Avvik", "4.12", "Kommentar", "");
    expect((await recheckWorkbook(cat)).changed).toBe(true);
    expect(rowsFor(model, "4.12")).toEqual([]);
    expect(notes(model)).toEqual([["5.9", "copied-row", "", "feil", "Meldt til gruppe 5"]]);
  });

  test("a finding that comes back picks up the words written beside it", async () => {
    const model = await inserted();
    model.addUserColumn("Avvik", "Kommentar", () => "");
    note(model, "4.12", "detail-vs-summary", 2028, "Se e-post 3.11");
    model.typeInTable("Tiltak", "4.12", "2028", -0.4);
    await recheckWorkbook(cat);
    model.typeInTable("Tiltak", "4.12", "2028", -0.5);
    await recheckWorkbook(cat);
    expect(notes(model)).toEqual([["4.12", "detail-vs-summary", 2028, "feil", "Se e-post 3.11"]]);
  });
});
