// Issue 16 on the strict fake host: the active catalogue is stored in the workbook (and survives closing and
// reopening), a switch recalculates the functions and is explained before anything is written, a catalogue
// comes in from a file or from a table in the workbook through the same validation, and switching back and
// forth between Elverum's catalogue and another municipality's loses nothing a user typed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundledCatalogue, currentCatalogue } from "../data/bundled";
import { activeCatalogue, activeCatalogueState, beginLoading, resetActiveCatalogue, setActiveCatalogue } from "../domain/activeCatalogue";
import { loadCatalogue, type Catalogue } from "../domain/catalogue";
import { catalogueFromFile, CatalogueError, CATALOGUE_SETTING, MAX_STORED_BYTES, tableToCatalogue } from "../domain/catalogueImport";
import { effect, type Outcome } from "../domain/effects";
import { MEMORY_KEY, parseMemory } from "../domain/insertPlan";
import { storedCatalogueText } from "../domain/storedCatalogue";
import { reconcile } from "../domain/reconcile";
import { loadBundled } from "../data/lazy";
import * as F from "../functions/functions";
import { installFakeHost } from "../../test/fake-excel/host";
import { WorkbookModel } from "../../test/fake-excel/model";
import { activateCatalogue, loadWorkbookCatalogue, settingRefreshes } from "./catalogueStore";
import { checkCatalogueSwitch } from "./catalogueSwitch";
import { listTables, readTableImport } from "./catalogueTable";
import { readChoice } from "./followup";
import { insertCatalogue } from "./insert";
import { recheckWorkbook } from "./recheck";

const EKSEMPEL_TEXT = readFileSync(join(__dirname, "../../test/fixtures/eksempel-kommune.json"), "utf8");
const eksempel = catalogueFromFile(new TextEncoder().encode(EKSEMPEL_TEXT));
const elverum = bundledCatalogue;

const setup = () => installFakeHost(new WorkbookModel(["Budsjett 2026"]));

/**
 * Known gaps in files this issue does not own, each with its one-line fix in the report: the test
 * says what must hold and is expected to fail until the fix lands; then `.failing` comes off.
 */
const untilFixed = test;
afterEach(() => resetActiveCatalogue());

/** Types into the body cell of `table` whose row matches `where`, as a user would. */
function put(model: WorkbookModel, table: string, where: Record<string, string | number>, column: string, input: unknown): void {
  const t = model.requireTable(table);
  const [header, ...body] = model.tableFormulas(table);
  const c = header!.indexOf(column);
  const r = body.findIndex((row) => Object.entries(where).every(([k, v]) => row[header!.indexOf(k)] === v));
  if (c < 0 || r < 0) throw new Error(`no cell ${table} ${JSON.stringify(where)} ${column}`);
  model.setInput(t.sheet, t.rect.row + 1 + r, t.rect.col + c, input);
}

function cell(model: WorkbookModel, table: string, where: Record<string, string | number>, column: string): unknown {
  return model.tableObjects(table).find((row) => Object.entries(where).every(([k, v]) => row[k] === v))?.[column];
}

const only = (m: unknown[][]) => m[0]?.[0];
/** An effect as compared across a round trip: the value, or the kind of problem (an unreadable cell reads back as «#N/A»). */
const same = (o: Outcome) => (o.ok ? o.value : o.problem.kind);

describe("the active catalogue lives in the workbook", () => {
  test("a workbook without one uses the built-in catalogue; switching stores it and recalculates every formula in one request", async () => {
    const model = setup();
    await loadWorkbookCatalogue();
    expect(activeCatalogue()).toBeNull();
    expect(currentCatalogue()).toBe(elverum);

    const before = { runs: model.runs, syncs: model.syncs };
    await activateCatalogue(eksempel, { kind: "file", name: "eksempel-kommune.json" });
    expect(model.runs - before.runs).toBe(1);
    expect(model.syncs - before.syncs).toBe(1);
    expect(model.ops.slice(-2)).toEqual([`settings.add(${CATALOGUE_SETTING})`, "application.calculate(Full)"]);
    expect(currentCatalogue().id).toBe("eksempel-kommune-2026");
    expect(activeCatalogueState().origin).toEqual({ kind: "file", name: "eksempel-kommune.json" });
  });

  test("survives closing and reopening: a new page reads the same catalogue from the file's setting", async () => {
    const model = setup();
    await activateCatalogue(eksempel, { kind: "table", name: "Tiltak" });
    resetActiveCatalogue(); // the page is gone; the workbook (model) is what was saved
    await loadWorkbookCatalogue();
    expect(activeCatalogue()?.data).toEqual(eksempel.data);
    expect(activeCatalogueState().origin).toEqual({ kind: "table", name: "Tiltak" });
    expect(model.settings.has(CATALOGUE_SETTING)).toBe(true);
  });

  test("restoring the built-in catalogue clears the workbook's own", async () => {
    const model = setup();
    await activateCatalogue(eksempel, { kind: "workbook" });
    await activateCatalogue(null, { kind: "builtin" });
    expect(currentCatalogue()).toBe(elverum);
    resetActiveCatalogue();
    await loadWorkbookCatalogue();
    expect(activeCatalogue()).toBeNull();
    expect(model.settings.get(CATALOGUE_SETTING)).toBe("");
  });

  test("a damaged stored catalogue falls back to the built-in one and says why", async () => {
    const model = setup();
    model.settings.set(CATALOGUE_SETTING, JSON.stringify({ format: 1, origin: { kind: "workbook" }, acceptedOver: null, catalogue: { schemaVersion: 1 } }));
    await loadWorkbookCatalogue();
    expect(activeCatalogue()).toBeNull();
    expect(activeCatalogueState().problem).toMatch(/^Katalogen som er lagret i arbeidsboken, kan ikke brukes \(Ugyldig tiltakskatalog: catalogue: forventet/);
  });

  test("a catalogue too large for one setting is refused in Norwegian before anything is written or switched", async () => {
    const model = setup();
    const big = JSON.parse(EKSEMPEL_TEXT);
    big.notes = Array.from({ length: 90 }, () => "æ".repeat(15_000)); // 2,7 MB as UTF-8
    const cat = loadCatalogue(big);
    const runs = model.runs;
    await expect(activateCatalogue(cat, { kind: "file", name: "stor.json" })).rejects.toThrow(/for stor til å lagres i arbeidsboken/);
    expect(model.runs).toBe(runs);
    expect(activeCatalogue()).toBeNull();
    expect(MAX_STORED_BYTES).toBe(2 * 1024 * 1024);
  });

  test("a failed write leaves the previous catalogue active (and recalculated)", async () => {
    const model = setup();
    await activateCatalogue(eksempel, { kind: "workbook" });
    model.failOn = { op: /^settings\.add/, code: "GeneralException" };
    await expect(activateCatalogue(null, { kind: "builtin" })).rejects.toThrow();
    expect(currentCatalogue().id).toBe("eksempel-kommune-2026");
    expect(model.calculationOwed).toBe(false);
  });
});

describe("TILTAK.* functions answer from the active catalogue", () => {
  // The built-in catalogue's chunk loads on the first call (functions.test.ts covers that call).
  beforeAll(() => loadBundled());

  test("after a switch, and back", async () => {
    setup();
    expect(only(F.effekt([["2.2"]], [[2028]]))).toBe(-9.3);
    await activateCatalogue(eksempel, { kind: "workbook" });
    // Printed -900 in 1000 kr: -0,9 mill. kr. Elverum's 2.2 is unknown here.
    expect(only(F.effekt([["OPP-1"]], [[2028]]))).toBe(-0.9);
    expect(only(F.total([[2029]], "Helse og velferd"))).toBe(-3.1);
    expect(only(F.total([[2029]], null, "Struktur"))).toBe(-5.9);
    expect(only(F.liste(30))).toBe("SD-1");
    expect(only(F.avvik([["HV-3"]]))).toBe(2); // numbering and unreadable (missing-detail is info)
    expect((only(F.effekt([["2.2"]], [[2028]])) as { code: string }).code).toBe("#N/A");
    expect((only(F.effekt([["OPP-1"]], [[2025]])) as { message: string }).message).toMatch(/2025 er utenfor katalogen \(2026–2031\)/);
    await activateCatalogue(null, { kind: "builtin" });
    expect(only(F.effekt([["2.2"]], [[2028]]))).toBe(-9.3);
  });

  test("while the workbook's catalogue is still being read, a function waits for it instead of answering from the built-in one", async () => {
    let done: () => void = () => undefined;
    beginLoading(new Promise<void>((r) => (done = r)));
    const pending = F.effekt([["OPP-1"]], [[2028]]) as unknown as Promise<unknown[][]>;
    expect(pending).toBeInstanceOf(Promise);
    setActiveCatalogue(eksempel, { kind: "workbook" });
    done();
    expect(only(await pending)).toBe(-0.9);
  });
});

describe("a switch over the user's tables is explained before anything is written", () => {
  test("another catalogue over Elverum's tables: the message, and no write while checking", async () => {
    const model = setup();
    await insertCatalogue(elverum);
    const ops = model.ops.length;
    const clash = await checkCatalogueSwitch(eksempel);
    expect(model.ops.slice(ops).filter((o) => !/load/.test(o))).toEqual([]);
    expect(clash?.from.id).toBe("elverum-omstilling-2025");
    expect(clash?.shared).toEqual([]);
    expect(clash?.message).toMatch(/Arbeidsboken har tabeller fra katalogen «elverum-omstilling-2025».*Ingen tiltaksnumre finnes i begge/);
    // Once the user said yes, the same switch needs no second question.
    await activateCatalogue(eksempel, { kind: "file", name: "eksempel-kommune.json" }, { acceptedOver: clash!.from.id });
    expect(await checkCatalogueSwitch(eksempel)).toBeNull();
  });

  // insert.ts: ask catalogueClash before writing (one line, see the report).
  untilFixed("an insert of another catalogue over the tables, not agreed to, is refused with the explanation and writes nothing", async () => {
    const model = setup();
    await insertCatalogue(elverum);
    const before = model.dump();
    const other = eksempelInElverumsShape(); // (the real fixture meets the renderer's known failure below)
    setActiveCatalogue(other, { kind: "workbook" }); // e.g. a workbook whose stored catalogue differs from its tables
    await expect(insertCatalogue(currentCatalogue())).rejects.toMatchObject({ reasons: [expect.stringMatching(/^Arbeidsboken har tabeller fra katalogen «elverum-omstilling-2025»/)] });
    expect(model.dump()).toBe(before);
    setActiveCatalogue(other, { kind: "workbook" }, { acceptedOver: "elverum-omstilling-2025" });
    await expect(insertCatalogue(currentCatalogue())).resolves.toBeDefined();
  });

  test("a catalogue numbering its measures like Elverum's: the shared numbers are named", async () => {
    setup();
    await insertCatalogue(elverum);
    const data = JSON.parse(EKSEMPEL_TEXT);
    data.measures[0].id = "1.1";
    data.measures[1].id = "2.2";
    const clash = await checkCatalogueSwitch(catalogueFromFile(JSON.stringify(data)));
    expect(clash?.shared).toEqual(["1.1", "2.2"]);
    expect(clash?.message).toMatch(/2 av tiltaksnumrene 1\.1, 2\.2 finnes i begge/);
  });
});

/**
 * Eksempel kommune with Elverum's group numbers and categories and a plan period inside Elverum's: the
 * summary tables (stacked on one sheet) keep their rows, so only the planner's and the store's work is
 * tested here. The real fixture's other groups, categories and years make those tables grow: see below.
 */
function eksempelInElverumsShape(): Catalogue {
  const d = JSON.parse(EKSEMPEL_TEXT);
  const group: Record<number, number> = { 10: 1, 20: 2, 30: 3 };
  const category: Record<string, string> = { Digitalisering: "Høyere produktivitet", Struktur: "Lavere volum", Inntekter: "Økte inntekter" };
  d.groups = [...d.groups.map((g: { id: number; name: string }) => ({ ...g, id: group[g.id] })), { id: 4, name: "Fire" }, { id: 5, name: "Fem" }];
  for (const m of d.measures) {
    m.group = group[m.group];
    m.category = category[m.category];
  }
  const regroup = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [String(group[Number(k)]), v]));
  d.totals.byGroup = regroup(d.totals.byGroup);
  d.targets.byGroup = regroup(d.targets.byGroup);
  d.totals.byCategory = Object.fromEntries(Object.entries(d.totals.byCategory).map(([k, v]) => [category[k], v]));
  delete d.catalogue.categories;
  d.catalogue.planPeriod = [2027, 2029];
  return loadCatalogue(d);
}


async function switchBackAndForth(model: WorkbookModel, other: Catalogue): Promise<void> {
  await insertCatalogue(elverum);
  // A budget officer and a sector accountant at work in Elverum's tables.
  model.typeInTable("Tiltak", "2.2", "Valgt", "Ja");
  model.typeInTable("Tiltak", "1.2", "Valgt", "Ja");
  put(model, "Oppfolging", { Nr: "2.2", År: 2027 }, "Realisert", -8.8);
  put(model, "Oppfolging", { Nr: "2.2", År: 2027 }, "Kommentar", "Forsinket oppstart");
  model.typeInTable("HOP", "2.2", "HØP 2027", -9);
  const elverumInput = () => ({
    valgt: [cell(model, "Tiltak", { Nr: "2.2" }, "Valgt"), cell(model, "Tiltak", { Nr: "1.2" }, "Valgt")],
    realisert: cell(model, "Oppfolging", { Nr: "2.2", År: 2027 }, "Realisert"),
    kommentar: cell(model, "Oppfolging", { Nr: "2.2", År: 2027 }, "Kommentar"),
    hop: cell(model, "HOP", { Nr: "2.2" }, "HØP 2027"),
  });
  const typed = elverumInput();
  expect(typed).toEqual({ valgt: ["Ja", "Ja"], realisert: -8.8, kommentar: "Forsinket oppstart", hop: -9 });

  // To the other catalogue (explained, agreed), and insert it.
  const clash = await checkCatalogueSwitch(other);
  expect(clash?.from.id).toBe("elverum-omstilling-2025");
  await activateCatalogue(other, { kind: "file", name: "eksempel-kommune.json" }, { acceptedOver: clash?.from.id ?? null });
  await insertCatalogue(currentCatalogue());
  expect(parseMemory(model.settings.get(MEMORY_KEY))?.catalogueId).toBe("eksempel-kommune-2026");
  expect(elverumInput()).toEqual(typed);
  expect(cell(model, "Tiltak", { Nr: "2.2" }, "Katalog")).toBe("Ikke i katalog 2026.1");
  expect(cell(model, "Tiltak", { Nr: "OPP-1" }, "2028")).toBe(-0.9);
  model.typeInTable("Tiltak", "HV-2", "Valgt", "Ja");
  put(model, "Oppfolging", { Nr: "HV-2", År: 2028 }, "Realisert", -1.8);
  model.typeInTable("HOP", "HV-2", "HØP 2028", -2);
  const otherInput = () => [cell(model, "Tiltak", { Nr: "HV-2" }, "Valgt"), cell(model, "Oppfolging", { Nr: "HV-2", År: 2028 }, "Realisert"), cell(model, "HOP", { Nr: "HV-2" }, "HØP 2028")];
  expect(otherInput()).toEqual(["Ja", -1.8, -2]);

  // Back to Elverum.
  const back = await checkCatalogueSwitch(elverum);
  expect(back?.from.id).toBe("eksempel-kommune-2026");
  await activateCatalogue(null, { kind: "builtin" }, { acceptedOver: back?.from.id ?? null });
  await insertCatalogue(currentCatalogue());
  expect(elverumInput()).toEqual(typed);
  expect(cell(model, "Tiltak", { Nr: "2.2" }, "Katalog")).toBe("Sammendrag");
  expect(cell(model, "Tiltak", { Nr: "HV-2" }, "Katalog")).toBe(`Ikke i katalog ${elverum.version}`);
  expect(otherInput()).toEqual(["Ja", -1.8, -2]);

  // And to the other catalogue once more.
  await activateCatalogue(other, { kind: "workbook" }, { acceptedOver: "elverum-omstilling-2025" });
  await insertCatalogue(currentCatalogue());
  expect(otherInput()).toEqual(["Ja", -1.8, -2]);
  expect(elverumInput()).toEqual(typed);
  expect(model.calculationOwed).toBe(false);
}

describe("switching back and forth loses no user input", () => {
  test("Elverum → Eksempel kommune (Elverum's groups) → Elverum → Eksempel kommune: choices, realised figures, comments and HØP figures stay where they were typed", async () => {
    await switchBackAndForth(setup(), eksempelInElverumsShape());
  });

  // Known to fail (render.ts, not this files): Eksempel kommune's three new groups, categories and
  // plan year make Gruppesum, Kategorisum and ValgtMotMal grow; they are stacked on one sheet, and the
  // renderer writes the tables below a grown one at the addresses read before it grew («a bare reference
  // outside a table»). Remove `.failing` when that is fixed.
  untilFixed("the same with Eksempel kommune's own groups, categories and years", async () => {
    await switchBackAndForth(setup(), eksempel);
  });
});

describe("a catalogue from a table in the workbook", () => {
  test("the inserted Tiltak and Tiltakslinjer tables read back (two requests) give Elverum's summary and effect tables", async () => {
    const model = setup();
    await insertCatalogue(elverum);
    const t = model.requireTable("Tiltak");
    model.selection = model.address(t.sheet, t.rect);
    expect(await listTables()).toEqual(expect.arrayContaining(["Tiltak", "Tiltakslinjer"]));
    const syncs = model.syncs;
    const read = await readTableImport({ lines: "Tiltakslinjer" });
    expect(model.syncs - syncs).toBe(2);
    const cat = tableToCatalogue(read.measures, { title: "Fra arbeidsboken", target: -40, lines: read.lines });
    expect(cat.planPeriod).toEqual(elverum.planPeriod);
    for (const m of elverum.measures) {
      for (const y of elverum.years) expect([m.id, y, same(effect(cat, m.id, y))]).toEqual([m.id, y, same(effect(elverum, m.id, y))]);
      // Tiltakslinjer leaves a year blank both where the effect table printed a blank and where it had no
      // column: read back, such a year is «no column» (not compared), never a 0 the report did not print.
      if (m.detail) {
        for (const y of m.detail.years) {
          const got = effect(cat, m.id, y, "detail");
          if (!got.ok && got.problem.kind === "not-printed") expect([m.id, y, effect(elverum, m.id, y, "detail")]).toEqual([m.id, y, { ok: true, value: 0 }]);
          else expect([m.id, y, same(got)]).toEqual([m.id, y, same(effect(elverum, m.id, y, "detail"))]);
        }
      }
    }
    // Fewer sources (no group tables, totals or headings in the tables), so fewer findings, never false ones.
    const key = (f: { measure: string | null; rule: string; years: readonly number[] }) => `${f.measure}|${f.rule}|${f.years.join(",")}`;
    const original = new Set(reconcile(elverum).map(key));
    const extra = reconcile(cat).filter((f) => !original.has(key(f)) && f.rule !== "missing-detail");
    expect(extra).toEqual([]);
  });

  test("Eksempel kommune inserted, read back from its own tables by name, and made active: the same numbers", async () => {
    const model = setup();
    await activateCatalogue(eksempel, { kind: "workbook" });
    await insertCatalogue(currentCatalogue());
    const read = await readTableImport({ table: "Tiltak", lines: "Tiltakslinjer" });
    const cat = tableToCatalogue(read.measures, { title: "Eksempel fra tabellen", target: -6, lines: read.lines });
    expect(cat.measures.map((m) => m.id)).toEqual(eksempel.measures.map((m) => m.id));
    for (const m of eksempel.measures) for (const y of eksempel.years) expect([m.id, y, same(effect(cat, m.id, y))]).toEqual([m.id, y, same(effect(eksempel, m.id, y))]);
    const key = (f: { measure: string | null; rule: string; years: readonly number[] }) => `${f.measure}|${f.rule}|${f.years.join(",")}`;
    const original = new Set(reconcile(eksempel).map(key));
    expect(reconcile(cat).filter((f) => !original.has(key(f)) && f.rule !== "missing-detail")).toEqual([]);
    expect(reconcile(cat).some((f) => f.measure === "HV-1" && f.rule === "lines-vs-net")).toBe(true);
    await activateCatalogue(cat, { kind: "table", name: "Tiltak" }, { acceptedOver: "eksempel-kommune-2026" });
    expect(only(F.effekt([["OPP-1"]], [[2028]]))).toBe(-0.9);
    expect(model.settings.has(CATALOGUE_SETTING)).toBe(true);
  });

  // edited.ts: a corrected Tiltak cell (MNOK) goes into a 1000 kr catalogue × 1000 (three lines, see the report).
  untilFixed("re-check and the Valg view on a catalogue printed in 1000 kr: the workbook's MNOK, the catalogue's own findings", async () => {
    const model = setup();
    await activateCatalogue(eksempel, { kind: "workbook" });
    await insertCatalogue(currentCatalogue());
    const key = (f: { measure: string | null; rule: string; years: readonly number[] }) => `${f.measure}|${f.rule}|${f.years.join(",")}`;
    expect((await recheckWorkbook(currentCatalogue())).findings.map(key)).toEqual(reconcile(eksempel).map(key));
    // A controller corrects OPP-1's 2028 figure in Tiltak to -1,0 mill. kr: against its effect table's -900 (1000 kr).
    put(model, "Tiltak", { Nr: "OPP-1" }, "2028", -1);
    const after = (await recheckWorkbook(currentCatalogue())).findings.filter((f) => f.measure === "OPP-1" && f.rule === "detail-vs-summary");
    expect(after).toEqual([expect.objectContaining({ years: [2028], expected: -1, actual: -0.9 })]);
    model.typeInTable("Tiltak", "HV-2", "Valgt", "Ja");
    const choice = await readChoice(currentCatalogue());
    expect(choice.summary.overall).toMatchObject({ name: "Eksempel kommune", target: -6, chosen: -2, count: 1 });
  });

  // layout.ts: targets and printed totals from cat.targets / cat.totals (MNOK), categories from cat.categories.
  untilFixed("Oppsummering shows a catalogue printed in 1000 kr in mill. kr, with its own categories", async () => {
    const model = setup();
    await insertCatalogue(eksempel);
    expect(model.tableObjects("Gruppesum").map((r) => [r.Gruppe, r.Sparekrav, r["Rapport 2029"]])).toEqual([
      [10, -2, -4.15],
      [20, -2.5, -3.3],
      [30, -1.5, -0.3],
    ]);
    expect(model.tableObjects("Kategorisum").map((r) => r.Kategori)).toEqual(["Digitalisering", "Struktur", "Inntekter", "Uten kategori i rapporten"]);
    expect(model.tableObjects("ValgtMotMal").map((r) => r.Sparekrav)).toEqual([-6, -6, -6, -6]);
  });

  test("an empty selection, a missing table, or a selection of whole columns: a Norwegian error, nothing read beyond the size", async () => {
    const model = setup();
    model.selection = "'Budsjett 2026'!A1:C3";
    await expect(readTableImport()).rejects.toThrow(/merk tabellen med tiltakene/);
    await expect(readTableImport({ table: "Finnes" })).rejects.toThrow(/fant ingen tabell som heter «Finnes»/);
    const sheet = model.requireSheet("Budsjett 2026");
    for (let r = 0; r < 12_000; r += 1000) model.setInput(sheet, r, 0, "x");
    model.selection = "'Budsjett 2026'!A:C";
    await expect(readTableImport()).rejects.toThrow(CatalogueError);
  });
});

describe("co-authoring: a catalogue switched by another user", () => {
  /** Lets the settings-changed events (raised asynchronously) and the re-reads they queue finish. */
  const settled = async () => {
    await new Promise((ok) => setTimeout(ok, 0));
    await settingRefreshes();
  };
  const recalcs = (model: WorkbookModel) => model.ops.filter((o) => o === "application.calculate(Full)").length;

  test("the setting changing elsewhere makes the new catalogue active here and recalculates this page's formulas", async () => {
    const model = setup();
    await loadWorkbookCatalogue({ follow: true });
    // Followed from the start-up read's own request: no round trip of its own.
    expect(model.syncs).toBe(1);
    expect(activeCatalogue()).toBeNull();
    model.settingChangedElsewhere(CATALOGUE_SETTING, storedCatalogueText(eksempel, { kind: "file", name: "eksempel-kommune.json" }, null));
    await settled();
    expect(activeCatalogue()?.id).toBe(eksempel.id);
    expect(recalcs(model)).toBe(1);
    // And back to the built-in one when the other user restores it.
    model.settingChangedElsewhere(CATALOGUE_SETTING, "");
    await settled();
    expect(activeCatalogue()).toBeNull();
    expect(recalcs(model)).toBe(2);
  });

  test("this page's own switch raises the event too, and costs one read, not a second recalculation", async () => {
    const model = setup();
    await loadWorkbookCatalogue({ follow: true });
    await activateCatalogue(eksempel, { kind: "workbook" });
    await settled();
    expect(activeCatalogue()?.id).toBe(eksempel.id);
    expect(recalcs(model)).toBe(1);
  });

  test("another setting changing (the insert's memory) changes nothing", async () => {
    const model = setup();
    await loadWorkbookCatalogue({ follow: true });
    await insertCatalogue(elverum);
    await settled();
    expect(activeCatalogue()).toBeNull();
    expect(recalcs(model)).toBe(0);
  });
});
