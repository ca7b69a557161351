// «Frys versjon» on the strict fake host (issue 15): values-only copies under a name, a comparison row per
// version, frozen rows that no insert or upgrade ever writes, name rules, removal, and a failed write
// put back exactly. (The fake host computes no formulas: a formula cell's value reads "#FORMEL", and a
// freeze copies that marker like any value — what matters here is that values, never formulas, are copied.)
import catalogueJson from "../data/catalogue.json";
import { bundledCatalogue as cat } from "../data/bundled";
import { loadCatalogue } from "../domain/catalogue";
import { NOW_LABEL } from "../domain/layout/versions";
import type { CatalogueData } from "../domain/types";
import { installFakeHost } from "../../test/fake-excel/host";
import { WorkbookModel, type SheetModel } from "../../test/fake-excel/model";
import type { DeepMutable } from "../../test/fixtures";
import { insertCatalogue } from "./insert";
import { freezeVersion, listVersions, removeVersion, VersionError } from "./versions";

const ROWS = cat.measures.filter((m) => m.inSummary).length * 4;
const JAN = new Date(2026, 0, 15, 9, 0);
const MAY = new Date(2026, 4, 10, 14, 30);

async function inserted(): Promise<WorkbookModel> {
  const model = installFakeHost(new WorkbookModel(["Budsjett 2026"]));
  await insertCatalogue(cat);
  return model;
}

function typeAt(model: WorkbookModel, nr: string, year: number, column: string, value: unknown): void {
  const t = model.requireTable("Oppfolging");
  const grid = model.tableFormulas("Oppfolging");
  const head = grid[0]!;
  const r = grid.findIndex((row) => row[head.indexOf("Nr")] === nr && row[head.indexOf("År")] === year);
  model.setInput(t.sheet, t.rect.row + r, t.rect.col + head.indexOf(column), value);
}

/** Everything a table holds, cell by cell (value, formula, format, validation, fill), and the formats over it. */
function snapshot(model: WorkbookModel, table: string): string {
  const t = model.requireTable(table);
  const cells: unknown[] = [];
  for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) cells.push(model.cell(t.sheet, r, c) ?? null);
  const sheet = t.sheet as SheetModel;
  return JSON.stringify({ rect: t.rect, name: t.name, cells, cf: sheet.conditionalFormats.filter((cf) => cf.address.startsWith(`'${sheet.name}'`)) });
}

async function twoVersions(): Promise<WorkbookModel> {
  const model = await inserted();
  await freezeVersion("Vedtatt budsjett 2026", JAN);
  typeAt(model, "1.2", 2026, "Status", "Forsinket");
  typeAt(model, "1.2", 2026, "Prognose helår", -2);
  typeAt(model, "1.2", 2026, "Realisert 30.04", -0.5);
  typeAt(model, "2.10", 2026, "Status", "I rute");
  await freezeVersion("Status 1. tertial 2026", MAY);
  return model;
}

describe("freezing versions", () => {
  test("each version is a values-only copy of every Oppfølging row, in one read and one write", async () => {
    const model = await inserted();
    typeAt(model, "1.2", 2026, "Status", "Forsinket");
    model.syncs = 0;
    const r = await freezeVersion("  Vedtatt budsjett 2026 ", JAN);
    expect(model.syncs).toBe(3); // readState's two round trips, one write
    expect(r.version).toEqual({ name: "Vedtatt budsjett 2026", frozen: "2026-01-15 09:00", rows: ROWS });
    const rows = model.tableObjects("Versjoner");
    expect(rows).toHaveLength(ROWS);
    // Values only: no formula anywhere (Excel computes the live ones; the fake's marker is a value here).
    expect(rows.flatMap((x) => Object.values(x)).filter((v) => typeof v === "string" && v.startsWith("="))).toEqual([]);
    const row = rows.find((x) => x.Nr === "1.2" && x.År === 2026)!;
    expect(row).toMatchObject({ Versjon: "Vedtatt budsjett 2026", Frosset: "2026-01-15 09:00", Status: "Forsinket", Gruppe: 1, Plan: "#FORMEL" });
    // Measure numbers stay text: "2.10" is not 2.1.
    expect(rows.filter((x) => x.Nr === "2.10")).toHaveLength(4);
  });

  test("twice: the comparison has a row per version, compared with the one before, and «Nå» last", async () => {
    const model = await twoVersions();
    const rows = model.tableObjects("Versjoner");
    expect(rows).toHaveLength(2 * ROWS);
    expect(rows.find((x) => x.Versjon === "Vedtatt budsjett 2026" && x.Nr === "1.2" && x.År === 2026)).toMatchObject({ Status: "", "Prognose helår": "", "Realisert 30.04": "" });
    expect(rows.find((x) => x.Versjon === "Status 1. tertial 2026" && x.Nr === "1.2" && x.År === 2026)).toMatchObject({ Status: "Forsinket", "Prognose helår": -2, "Realisert 30.04": -0.5 });
    const comparison = model.tableObjects("Versjonssammenligning");
    expect(comparison.map((x) => [x.Versjon, x.Frosset, x.Forrige])).toEqual([
      ["Vedtatt budsjett 2026", "2026-01-15 09:00", ""],
      ["Status 1. tertial 2026", "2026-05-10 14:30", "Vedtatt budsjett 2026"],
      [NOW_LABEL, "", "Status 1. tertial 2026"],
    ]);
    const [v1, , now] = comparison;
    expect(v1!.Plan).toBe('=SUMIFS(Versjoner[Plan],Versjoner[År],INDEX(Rapportvalg[År],1),Versjoner[Versjon],"="&[@Versjon])');
    expect(now!.Plan).toBe("=SUMIFS(Oppfolging[Plan],Oppfolging[År],INDEX(Rapportvalg[År],1))");
    expect(now!["Endring forventet"]).toBe('=IF([@Forrige]="","",[@Forventet]-SUMIFS(Versjoner[Forventet],Versjoner[År],INDEX(Rapportvalg[År],1),Versjoner[Versjon],"="&[@Forrige]))');
    expect((await listVersions()).map((v) => v.name)).toEqual(["Vedtatt budsjett 2026", "Status 1. tertial 2026"]);
  });

  test("frozen rows are never rewritten: inserting again and upgrading leave both tables byte-identical", async () => {
    const model = await twoVersions();
    const versions = snapshot(model, "Versjoner");
    const comparison = snapshot(model, "Versjonssammenligning");
    const lists = snapshot(model, "Statusliste");
    const again = await insertCatalogue(cat);
    expect(again.plan.unchanged).toBe(true);
    expect(snapshot(model, "Versjoner")).toBe(versions);

    const next = JSON.parse(JSON.stringify(catalogueJson)) as DeepMutable<CatalogueData>;
    next.catalogue.version = "2026.1.0";
    next.measures.find((m) => m.id === "1.2")!.summary!.values["2026"] = -3;
    next.measures.push({ ...next.measures.find((m) => m.id === "5.9")!, id: "5.10", title: "Nytt tiltak" });
    const r = await insertCatalogue(loadCatalogue(next));
    expect(r.plan.report.addedRows).toBeGreaterThan(0); // Oppfølging got the new measure's rows
    expect(model.tableObjects("Oppfolging").filter((x) => x.Nr === "5.10")).toHaveLength(4);
    expect(snapshot(model, "Versjoner")).toBe(versions);
    expect(snapshot(model, "Versjonssammenligning")).toBe(comparison);
    expect(snapshot(model, "Statusliste")).toBe(lists);
    // No operation of the upgrade touched them.
    expect(r.plan.ops.filter((o) => ["versions", "comparison", "statusList", "riskList", "reportChoice"].includes(o.spec.key))).toEqual([]);
  });

  test("a status list the municipality edited is kept through an upgrade, and Oppfølging's validation still reads it", async () => {
    const model = await inserted();
    const t = model.requireTable("Statusliste");
    model.setInput(t.sheet, t.rect.row + 2, t.rect.col, "På plan");
    await insertCatalogue(cat);
    expect(model.tableObjects("Statusliste").map((x) => x.Status)).toEqual(["Ikke startet", "På plan", "Forsinket", "Gjennomført", "Avbrutt/erstattet"]);
  });
});

describe("version names", () => {
  test("empty, too long, taken (any case), wildcards and the «Nå» row's name are refused, nothing written", async () => {
    const model = await twoVersions();
    const before = model.dump();
    const refused = async (name: string) => {
      const e = await freezeVersion(name, MAY).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(VersionError);
      return (e as VersionError).message;
    };
    expect(await refused("   ")).toContain("Gi versjonen et navn");
    expect(await refused("x".repeat(61))).toContain("høyst 60 tegn");
    expect(await refused("status 1. TERTIAL 2026")).toContain("finnes allerede");
    expect(await refused("Status *")).toContain("jokertegn");
    expect(await refused(NOW_LABEL)).toContain("dagens tall");
    expect(model.dump()).toBe(before);
    expect((await freezeVersion("x".repeat(60), MAY)).version.rows).toBe(ROWS);
  });

  test("a workbook not upgraded yet is told to insert again", async () => {
    const model = await inserted();
    model.tables = model.tables.filter((t) => t.name !== "Versjoner");
    const e = await freezeVersion("A", MAY).catch((x: unknown) => x);
    expect((e as VersionError).message).toContain("Sett inn tiltakskatalogen på nytt");
  });
});

describe("removing a version", () => {
  test("its rows and its comparison row go; the version after it is compared with the one before", async () => {
    const model = await twoVersions();
    await freezeVersion("Status 2. tertial 2026", new Date(2026, 8, 12, 8, 0));
    const left = await removeVersion("status 1. tertial 2026");
    expect(left.map((v) => v.name)).toEqual(["Vedtatt budsjett 2026", "Status 2. tertial 2026"]);
    expect(model.tableObjects("Versjoner")).toHaveLength(2 * ROWS);
    expect(model.tableObjects("Versjonssammenligning").map((x) => [x.Versjon, x.Forrige])).toEqual([
      ["Vedtatt budsjett 2026", ""],
      ["Status 2. tertial 2026", "Vedtatt budsjett 2026"],
      [NOW_LABEL, "Status 2. tertial 2026"],
    ]);
  });

  test("the last one: Versjoner keeps one empty row; an unknown name is refused", async () => {
    const model = await inserted();
    await freezeVersion("Vedtatt budsjett 2026", JAN);
    await removeVersion("Vedtatt budsjett 2026");
    const rows = model.tableObjects("Versjoner");
    expect(rows).toHaveLength(1);
    expect(Object.values(rows[0]!).every((v) => v === "")).toBe(true);
    expect(model.tableObjects("Versjonssammenligning").map((x) => [x.Versjon, x.Forrige])).toEqual([[NOW_LABEL, ""]]);
    await expect(removeVersion("Finnes ikke")).rejects.toThrow("Fant ingen versjon");
  });
});

describe("a failed write is put back", () => {
  test.each([["range.formulas"], ["table.rows.add"], ["range.delete"]])("failure at %s: both tables as before, and the message says so", async (op) => {
    const model = await twoVersions();
    // As Excel reads them back (formulas in canonical form), values and formulas of every cell.
    const read = () => [model.tableFormulas("Versjoner"), model.tableFormulas("Versjonssammenligning")];
    const before = read();
    model.failOn = { op: new RegExp(op.replace(".", "\\.")), code: "GeneralException" };
    const action = op === "range.delete" ? removeVersion("Vedtatt budsjett 2026") : freezeVersion("Status 2. tertial 2026", MAY);
    const e = (await action.catch((x: unknown) => x)) as VersionError;
    expect(e).toBeInstanceOf(VersionError);
    expect(e.restored).toBe(true);
    expect(e.message).toContain("Arbeidsboken er som før.");
    expect(read()).toEqual(before);
  });
});

describe("a failure injected at every operation of a freeze and of a removal", () => {
  test.each([["freeze"], ["remove"]])("%s: the rollback verifies both tables as before, every time", async (kind) => {
    const act = () => (kind === "freeze" ? freezeVersion("Status 2. tertial 2026", MAY) : removeVersion("Vedtatt budsjett 2026"));
    // How many operations the action sends, after its reads (counted on a copy).
    const probe = await twoVersions();
    const start = probe.ops.length;
    await act();
    const count = probe.ops.length - start;
    expect(count).toBeGreaterThan(5);
    let failed = 0;
    for (let i = 0; i < count; i++) {
      const model = await twoVersions();
      const before = [model.tableFormulas("Versjoner"), model.tableFormulas("Versjonssammenligning")];
      model.failAt = { index: model.ops.length + i, code: "GeneralException" };
      const e = await act().catch((x: unknown) => x);
      if (!(e instanceof VersionError) || e.restored === null) continue; // failed in a read: nothing written
      failed++;
      expect([i, e.restored]).toEqual([i, true]);
      expect([model.tableFormulas("Versjoner"), model.tableFormulas("Versjonssammenligning")]).toEqual(before);
    }
    expect(failed).toBeGreaterThanOrEqual(3);
  });
});

describe("a fresh insert of the tertial follow-up", () => {
  test("Oppfølging's light as a native icon set, the lists on Lister, the report with its column chart", async () => {
    const model = await inserted();
    const t = model.requireTable("Oppfolging");
    const header = model.tableFormulas("Oppfolging")[0]!;
    const signal = t.rect.col + header.indexOf("Signal");
    const icons = t.sheet.conditionalFormats.filter((cf) => cf.type === "IconSet");
    expect(icons.map((cf) => cf.address)).toEqual([`'Oppfølging'!${String.fromCharCode(65 + signal)}2:${String.fromCharCode(65 + signal)}${t.rect.rows}`]);
    expect(model.requireTable("Statusliste").sheet.name).toBe("Lister");
    expect(model.tableObjects("Rapportvalg")).toEqual([{ År: 2026, Tertial: "1. tertial" }]);
    const report = model.requireTable("StatusPerGruppe");
    const [chart] = report.sheet.charts;
    expect(chart).toMatchObject({ type: "ColumnClustered", title: "Plan, realisert og forventet per arbeidsgruppe (mill. kr)" });
    expect(chart!.series.map((s) => s.name)).toEqual(["Plan", "Realisert hittil", "Forventet"]);
    expect(chart!.categories).toEqual(cat.groups.map((g) => g.name));
    expect(model.sheets.map((s) => s.name)).toEqual(["Budsjett 2026", "Tiltak", "Detaljer", "Oppsummering", "Oppfølging", "Statusrapport", "Versjoner", "HØP", "Avvik", "Lister"]);
  });

  test("below ExcelApi 1.6 the table is there without the icon set (the light's words still show)", async () => {
    const model = installFakeHost(new WorkbookModel(["Budsjett 2026"]), 4);
    await insertCatalogue(cat);
    expect(model.requireTable("Oppfolging").sheet.conditionalFormats).toEqual([]);
    expect(model.tableFormulas("Oppfolging")[0]).toContain("Signal");
  });
});
