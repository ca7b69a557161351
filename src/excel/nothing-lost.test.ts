// The workbook is the record: renamed tables are found, missing columns are added in place, a
// re-created table never lands on the user's cells, and a failure at any operation is rolled back
// exactly (or the user is told what is left). All on the strict fake host.
import catalogueJson from "../data/catalogue.json";
import { bundledCatalogue as cat } from "../data/bundled";
import { loadCatalogue, type Catalogue } from "../domain/catalogue";
import { IDENTITY_NAME, identityFormula } from "../domain/identity";
import { catalogueLayout } from "../domain/layout";
import { MEMORY_KEY, parseMemory } from "../domain/insertPlan";
import type { CatalogueData } from "../domain/types";
import { installFakeHost } from "../../test/fake-excel/host";
import { WorkbookModel } from "../../test/fake-excel/model";
import type { DeepMutable } from "../../test/fixtures";
import { errorDetails } from "./errors";
import { insertCatalogue, InsertFailed, InsertRefused } from "./insert";
import { checkCatalogueSwitch } from "./catalogueSwitch";
import { recheckWorkbook } from "./recheck";
import { readTertial } from "./tertial";
import { freezeVersion } from "./versions";

const setup = () => installFakeHost(new WorkbookModel(["Budsjett 2026"]));
const copy = (): DeepMutable<CatalogueData> => JSON.parse(JSON.stringify(catalogueJson));
const valgt = (model: WorkbookModel, table: string) => model.tableObjects(table).filter((r) => r.Valgt === "Ja").map((r) => r.Nr);
const firstIds = cat.measures.filter((m) => m.inSummary).slice(0, 3).map((m) => m.id);

/** A budget officer's own work on the sheet beside ours, and choices in Tiltak. */
function withUserWork(model: WorkbookModel, table = "Tiltak"): void {
  const own = model.requireSheet("Budsjett 2026");
  model.setInput(own, 0, 0, "Notat: tallene er foreløpige");
  model.setInput(own, 3, 2, 12.5);
  for (const id of firstIds) model.typeInTable(table, id, "Valgt", "Ja");
}

describe("tables the user renamed", () => {
  test("are found by their id: updated in place, choices kept, no second table", async () => {
    const model = setup();
    await insertCatalogue(cat);
    withUserWork(model);
    model.renameTable(model.requireTable("Tiltak"), "MineTiltak");
    const tables = model.tables.length;
    const r = await insertCatalogue(cat);
    expect(model.tables.length).toBe(tables);
    expect(model.table("Tiltak")).toBeUndefined();
    expect(valgt(model, "MineTiltak")).toEqual(firstIds);
    expect(r.messages.join(" ")).toMatch(/«MineTiltak».*gjenkjent/);
    const memory = parseMemory(model.settings.get(MEMORY_KEY));
    expect(memory?.tables.measures?.name).toBe("MineTiltak");
  });

  test("are found by their header when the memory predates table ids", async () => {
    const model = setup();
    await insertCatalogue(cat);
    withUserWork(model);
    const memory = JSON.parse(String(model.settings.get(MEMORY_KEY)));
    for (const t of Object.values(memory.tables) as { id?: string }[]) delete t.id;
    model.settings.set(MEMORY_KEY, JSON.stringify(memory));
    model.renameTable(model.requireTable("Tiltak"), "Budsjettiltak");
    const tables = model.tables.length;
    await insertCatalogue(cat);
    expect(model.tables.length).toBe(tables);
    expect(valgt(model, "Budsjettiltak")).toEqual(firstIds);
  });
});

describe("a table of ours missing one of our columns", () => {
  test("gets the column back in place, with the user's columns, values and choices kept", async () => {
    const model = setup();
    await insertCatalogue(cat);
    withUserWork(model);
    model.addUserColumn("Tiltak", "Min merknad", (id) => `merknad ${id}`);
    const t = model.requireTable("Tiltak");
    model.deleteTableColumn(t, "Kilde");
    const tables = model.tables.map((x) => x.name);
    const r = await insertCatalogue(cat);
    expect(model.tables.map((x) => x.name)).toEqual(tables);
    const rows = model.tableObjects("Tiltak");
    for (const m of cat.measures) {
      const row = rows.find((x) => x.Nr === m.id);
      expect(row?.["Min merknad"]).toBe(`merknad ${m.id}`);
      expect(row?.Kilde).not.toBe("");
    }
    expect(valgt(model, "Tiltak")).toEqual(firstIds);
    expect(r.messages.join(" ")).toMatch(/kolonnen «Kilde»/);
    expect(r.messages.join(" ")).not.toMatch(/var tatt/);
  });

  test("without its key column is refused with the reason, and nothing changes", async () => {
    const model = setup();
    await insertCatalogue(cat);
    withUserWork(model);
    model.deleteTableColumn(model.requireTable("Tiltak"), "Nr");
    const before = model.dump();
    const err = await insertCatalogue(cat).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InsertRefused);
    expect((err as InsertRefused).reasons.join(" ")).toMatch(/«Tiltak» mangler kolonnen «Nr»/);
    expect(errorDetails(err)).toEqual({ asBefore: true, lines: (err as InsertRefused).reasons });
    expect(model.dump()).toBe(before);
  });
});

describe("re-creating a deleted table", () => {
  test("never writes over what the user typed where it stood; it goes below and the message says where", async () => {
    const model = setup();
    await insertCatalogue(cat);
    const t = model.requireTable("Kategorisum");
    const sheet = t.sheet;
    const spot = { row: t.rect.row + 1, col: 1 };
    model.tables = model.tables.filter((x) => x !== t);
    model.clear(sheet, { ...t.rect, row: t.rect.row - 1, rows: t.rect.rows + 1 });
    model.setInput(sheet, spot.row, spot.col, "Mine egne tall");
    const r = await insertCatalogue(cat);
    expect(model.formulaOf(sheet, spot.row, spot.col)).toBe("Mine egne tall");
    const again = model.requireTable("Kategorisum");
    expect(again.rect.row).toBeGreaterThan(spot.row);
    expect(r.messages.join(" ")).toContain(`celle A${again.rect.row + 1} på arket «${sheet.name}»`);
  });
});

describe("a file from the .xlsx renderer (no memory, the identity name)", () => {
  test("its tables are the add-in's own: updated in place, not duplicated", async () => {
    const model = setup();
    await insertCatalogue(cat);
    withUserWork(model);
    model.settings.delete(MEMORY_KEY);
    model.names.push(IDENTITY_NAME);
    model.nameValues.set(IDENTITY_NAME, identityFormula(cat).replace(/^="|"$/g, ""));
    const tables = model.tables.map((x) => x.name);
    await insertCatalogue(cat);
    expect(model.tables.map((x) => x.name)).toEqual(tables);
    expect(valgt(model, "Tiltak")).toEqual(firstIds);
  });

  /** The add-in's tables as a file makes them: no memory, the identity name naming `c`. */
  async function fileMade(c: Pick<Catalogue, "id" | "version"> = cat): Promise<WorkbookModel> {
    const model = setup();
    await insertCatalogue(cat);
    model.settings.delete(MEMORY_KEY);
    model.nameValues.set(IDENTITY_NAME, identityFormula(c).replace(/^="|"$/g, ""));
    return model;
  }

  test("before any insert, the follow-up actions work on its tables (a colleague's file opened with the add-in)", async () => {
    const model = await fileMade();
    const frozen = await freezeVersion("Vedtatt budsjett");
    expect(frozen.versions.map((v) => v.name)).toEqual(["Vedtatt budsjett"]);
    expect(model.tableObjects("Versjoner").some((r) => r.Versjon === "Vedtatt budsjett")).toBe(true);
    expect((await readTertial()).rows.length).toBe(model.tableObjects("Oppfolging").length);
  });

  test("a switch to another catalogue over a file's tables is explained, naming the file's catalogue", async () => {
    await fileMade();
    const other = loadCatalogue({ ...copy(), catalogue: { ...copy().catalogue, id: "annen-kommune", title: "Annen kommune" } } as unknown as CatalogueData);
    const clash = await checkCatalogueSwitch(other);
    expect(clash?.from).toEqual({ id: cat.id, version: cat.version });
    expect(await checkCatalogueSwitch(cat)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// A failure at every operation of an action: byte-identical afterwards, or the user is told what is left.

interface Scenario {
  readonly name: string;
  /** Makes the workbook as the user has it just before the action. */
  readonly prepare: () => Promise<WorkbookModel>;
  readonly act: () => Promise<unknown>;
}

const revised = (() => {
  const next = copy();
  next.catalogue.version = `${next.catalogue.version}-rev`;
  const m = next.measures.find((x) => x.id === "2.2");
  if (m?.summary) m.summary.values["2028"] = -9.5;
  return loadCatalogue(next as unknown as CatalogueData);
})();

const scenarios: Scenario[] = [
  {
    name: "first insert",
    prepare: async () => {
      const model = setup();
      const own = model.requireSheet("Budsjett 2026");
      model.setInput(own, 0, 0, "Notat");
      return model;
    },
    act: () => insertCatalogue(cat),
  },
  {
    name: "upgrade with user data",
    prepare: async () => {
      const model = setup();
      await insertCatalogue(cat);
      withUserWork(model);
      model.typeInTable("Oppfolging", model.tableObjects("Oppfolging")[0]?.Nr as string, "Kommentar", "Sjekket");
      model.deleteTableColumn(model.requireTable("Tiltak"), "Kilde");
      return model;
    },
    act: () => insertCatalogue(revised),
  },
  {
    name: "re-create of a deleted table",
    prepare: async () => {
      const model = setup();
      await insertCatalogue(cat);
      const t = model.requireTable("Kategorisum");
      model.tables = model.tables.filter((x) => x !== t);
      model.clear(t.sheet, t.rect);
      model.setInput(t.sheet, t.rect.row + 1, 1, "Mine egne tall");
      return model;
    },
    act: () => insertCatalogue(cat),
  },
  {
    name: "re-check",
    prepare: async () => {
      const model = setup();
      await insertCatalogue(cat);
      const id = cat.measures.find((m) => m.inSummary)?.id as string;
      model.typeInTable("Tiltak", id, "2028", -99);
      return model;
    },
    act: () => recheckWorkbook(cat),
  },
];

describe("a failure injected at every operation", () => {
  test.each(scenarios)("$name: as before, or the user is told what is left", async (s) => {
    const probe = await s.prepare();
    const start = probe.ops.length;
    await s.act();
    const count = probe.ops.length - start;
    expect(count).toBeGreaterThan(5);
    const tally = { identical: 0, told: 0 };
    for (let i = 0; i < count; i++) {
      const model = await s.prepare();
      const before = model.dump();
      model.failAt = { index: model.ops.length + i, code: "GeneralException" };
      const err = await s.act().catch((e: unknown) => e);
      expect(err).toBeDefined();
      const same = model.dump() === before;
      if (err instanceof InsertFailed) {
        // «Arbeidsboken er som før» only when true; otherwise a list of what is left.
        expect(err.outcome.restored).toBe(same);
        // The pane says «Arbeidsboken er som før» from this, and only then.
        expect(errorDetails(err).asBefore).toBe(same);
        if (!same) expect(err.outcome.left.length).toBeGreaterThan(0);
      } else {
        // Failed while reading: nothing was written.
        expect(same).toBe(true);
      }
      if (same) tally.identical++;
      else tally.told++;
    }
    expect(tally.identical + tally.told).toBe(count);
    // Every injected failure must leave the workbook as it was.
    expect(tally).toEqual({ identical: count, told: 0 });
  });
});

test("a catalogue with one more year adds that year's column to every existing table in place", async () => {
  const model = setup();
  await insertCatalogue(cat);
  withUserWork(model);
  const next = copy();
  const year = Math.max(...next.catalogue.years) + 1;
  next.catalogue.version = `${next.catalogue.version}-${year}`;
  next.catalogue.years.push(year);
  // Every year row of the catalogue gets the new year: blank, except the summary, which repeats the last year.
  const widen = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    const values = o.values as Record<string, unknown> | undefined;
    if (values && typeof values === "object" && String(year - 1) in values) values[String(year)] = null;
    Object.values(o).forEach(widen);
  };
  widen(next);
  for (const m of next.measures) if (m.summary) m.summary.values[String(year)] = m.summary.values[String(year - 1)] ?? null;
  const wider = loadCatalogue(next as unknown as CatalogueData);
  const tables = model.tables.map((t) => t.name);
  const r = await insertCatalogue(wider);
  expect(model.tables.map((t) => t.name)).toEqual(tables);
  const rows = model.tableObjects("Tiltak");
  const numeric = wider.measures.filter((x) => typeof x.summary?.values[String(year)] === "number");
  expect(numeric.length).toBeGreaterThan(20);
  for (const m of numeric) expect([m.id, rows.find((x) => x.Nr === m.id)?.[String(year)]]).toEqual([m.id, m.summary?.values[String(year)]]);
  expect(valgt(model, "Tiltak")).toEqual(firstIds);
  expect(r.messages.join(" ")).toContain(`«${year}»`);
});

test("a user column or row named like an object property («constructor», «__proto__») is just a column or a row", async () => {
  const model = setup();
  await insertCatalogue(cat);
  model.addUserColumn("Tiltak", "constructor", (id) => `c ${id}`);
  const t = model.requireTable("Tiltak");
  model.addTableRows(t, [Array.from({ length: t.rect.cols }, (_, i) => (i === 0 ? "'__proto__" : ""))], 1);
  const r = await insertCatalogue(cat);
  expect(r.plan.refused).toEqual([]);
  const rows = model.tableObjects("Tiltak");
  expect(rows.filter((x) => x.Nr !== "__proto__").every((x) => (x as Record<string, unknown>)["constructor"] === `c ${x.Nr}`)).toBe(true);
  expect(rows.some((x) => x.Nr === "__proto__")).toBe(true);
});

test("an older workbook's totals rows get their columns' number formats on upgrade; then nothing more is written", async () => {
  const model = setup();
  await insertCatalogue(cat);
  const t = model.requireTable("Tiltak");
  const last = t.rect.row + t.rect.rows - 1;
  for (let c = 0; c < t.rect.cols; c++) model.setFormat(t.sheet, last, t.rect.col + c, "General");
  const spec = catalogueLayout(cat).find((s) => s.key === "measures")!;
  const year = spec.columns.findIndex((c) => c.name === String(cat.years[1]));
  await insertCatalogue(cat);
  expect(model.cell(t.sheet, last, t.rect.col + year)?.numberFormat).toBe(spec.columns[year]?.format);
  expect((await insertCatalogue(cat)).plan.unchanged).toBe(true);
});
