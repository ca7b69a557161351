// Upgrading a workbook made before the tertial follow-up (issue 15), on the strict fake host: today's
// Oppfølging (Nr, Tiltak, Gruppe, År, Plan, Realisert, Avvik, Kommentar) with what sector accountants
// typed, made by the real insert with the layout of that time (the layout module narrowed to it), then
// upgraded by the insert of now. Every typed value stays on its row; the new columns are added in place.
import catalogueJson from "../data/catalogue.json";
import { bundledCatalogue as cat } from "../data/bundled";
import { loadCatalogue } from "../domain/catalogue";
import { rectAddress } from "../domain/a1";
import type { CatalogueData } from "../domain/types";
import { installFakeHost } from "../../test/fake-excel/host";
import { WorkbookModel } from "../../test/fake-excel/model";
import type { DeepMutable } from "../../test/fixtures";
import { insertCatalogue } from "./insert";

/** The tables and Oppfølging columns of the layout before issue 15. */
const OLD_FOLLOW_UP = ["Nr", "Tiltak", "Gruppe", "År", "Plan", "Realisert", "Avvik", "Kommentar"];

const mockLegacy = { on: false };
jest.mock("../domain/layout", () => {
  const actual = jest.requireActual("../domain/layout");
  const old = ["findings", "measures", "lines", "groupSummary", "categorySummary", "choice", "followUp", "hop"];
  const columns = ["Nr", "Tiltak", "Gruppe", "År", "Plan", "Realisert", "Avvik", "Kommentar"];
  type Spec = { key: string; columns: { name: string }[]; rows: { key: string; cells: unknown[] }[]; statusColumn?: string; iconSets?: unknown };
  const narrowed = (s: Spec): Spec => {
    if (s.key !== "followUp") return s;
    const keep = s.columns.map((c, i) => (columns.includes(c.name) ? i : -1)).filter((i) => i >= 0);
    // No «Katalog» status column and no icon set then.
    const rest: Spec = { ...s };
    delete rest.statusColumn;
    delete rest.iconSets;
    return { ...rest, columns: keep.map((i) => s.columns[i]!), rows: s.rows.map((r) => ({ key: r.key, cells: keep.map((i) => r.cells[i]) })) };
  };
  return {
    ...actual,
    catalogueLayout: (...args: unknown[]) => {
      const specs = (actual.catalogueLayout as (...a: unknown[]) => Spec[])(...args);
      return mockLegacy.on ? specs.filter((s) => old.includes(s.key)).map(narrowed) : specs;
    },
  };
});

const setup = () => installFakeHost(new WorkbookModel(["Budsjett 2026"]));

/** Types into Oppfølging at the row of a measure and year, as a user would. */
function typeAt(model: WorkbookModel, nr: string, year: number, column: string, value: unknown): void {
  const t = model.requireTable("Oppfolging");
  const grid = model.tableFormulas("Oppfolging");
  const head = grid[0]!;
  const r = grid.findIndex((row) => row[head.indexOf("Nr")] === nr && row[head.indexOf("År")] === year);
  if (r < 1) throw new Error(`no row ${nr} ${year}`);
  model.setInput(t.sheet, t.rect.row + r, t.rect.col + head.indexOf(column), value);
}

const byKey = (model: WorkbookModel) => new Map(model.tableObjects("Oppfolging").map((r) => [`${r.Nr}#${r.År}`, r]));

/** Today's workbook with a sector accountant's and a controller's work in it. */
async function todaysWorkbook(): Promise<WorkbookModel> {
  const model = setup();
  mockLegacy.on = true;
  try {
    await insertCatalogue(cat);
  } finally {
    mockLegacy.on = false;
  }
  typeAt(model, "1.1", 2026, "Realisert", -0.3);
  typeAt(model, "1.1", 2027, "Realisert", 0); // 0 is a figure, not a blank
  typeAt(model, "2.10", 2028, "Realisert", -0.05);
  typeAt(model, "2.1", 2026, "Kommentar", "Forsinket vedtak i HOK");
  typeAt(model, "5.9", 2029, "Kommentar", "'- bare -0,2 i 2029?");
  model.addUserColumn("Oppfolging", "Notat", (nr) => (nr === "3.1" ? "Se sak 12/26" : ""));
  return model;
}

describe("upgrading today's Oppfølging to the tertial follow-up", () => {
  test("today's layout is what the test starts from", async () => {
    const model = await todaysWorkbook();
    expect(model.tableFormulas("Oppfolging")[0]).toEqual([...OLD_FOLLOW_UP, "Notat"]);
    expect(model.tables.map((t) => t.name)).not.toContain("Versjoner");
  });

  test("adds the new columns in place, keeps every typed value on its row, and the user's column", async () => {
    const model = await todaysWorkbook();
    const before = byKey(model);
    const typed = [...before].filter(([, r]) => r.Realisert !== "" || r.Kommentar !== "" || r.Notat !== "");
    // Five typed cells, and the user's note on the four rows of 3.1.
    expect(typed.length).toBe(9);
    const t = model.requireTable("Oppfolging");
    const where = { ...t.rect };

    const r = await insertCatalogue(cat);

    const header = model.tableFormulas("Oppfolging")[0]!;
    const added = ["Status", "Signal", "Risiko", "Ansvarlig", "Realisert 30.04", "Realisert 31.08", "Prognose helår", "Forventet", "Katalog"];
    expect(header).toEqual([...OLD_FOLLOW_UP, "Notat", ...added]);
    // In place: same table, same top-left cell, same rows.
    expect(model.requireTable("Oppfolging")).toBe(t);
    expect({ row: t.rect.row, col: t.rect.col, rows: t.rect.rows }).toEqual({ row: where.row, col: where.col, rows: where.rows });
    const after = byKey(model);
    expect(after.size).toBe(before.size);
    for (const [key, row] of before) {
      const now = after.get(key)!;
      for (const c of [...OLD_FOLLOW_UP, "Notat"]) expect([key, c, now[c]]).toEqual([key, c, row[c]]);
      expect([key, now.Status, now.Risiko, now.Ansvarlig, now["Prognose helår"]]).toEqual([key, "", "", "", ""]);
      expect(String(now.Signal)).toMatch(/^=IF\(AND\(\[@Status\]="",/);
      expect(String(now.Forventet)).toMatch(/^=IF\(ISNUMBER\(\[@Realisert\]\),\[@Realisert\],/);
      expect(now.Katalog).toBe("I katalogen");
    }
    expect(after.get("1.1#2027")!.Realisert).toBe(0);
    expect(after.get("5.9#2029")!.Kommentar).toBe("- bare -0,2 i 2029?");
    expect(r.messages.join(" ")).toContain("La til kolonnene «Status», «Signal»");
    expect(r.plan.report.created).toEqual(["Statusliste", "Risikoliste", "Rapportvalg", "StatusPerStatus", "StatusPerGruppe", "Versjoner", "Versjonssammenligning"]);
  });

  test("the added columns get their validation, input fill and the traffic-light icon set over every row", async () => {
    const model = await todaysWorkbook();
    await insertCatalogue(cat);
    const t = model.requireTable("Oppfolging");
    const header = model.tableFormulas("Oppfolging")[0]!;
    const col = (n: string) => t.rect.col + header.indexOf(n);
    const lastBody = t.rect.row + t.rect.rows - 1;
    const status = model.cell(t.sheet, lastBody, col("Status"))!;
    expect(status.validation).toEqual({ list: { inCellDropDown: true, source: '=INDIRECT("Statusliste[Status]")' } });
    expect(status.fill).toBe("#FFF2CC");
    expect(model.cell(t.sheet, lastBody, col("Risiko"))!.validation).toEqual({ list: { inCellDropDown: true, source: '=INDIRECT("Risikoliste[Risiko]")' } });
    expect(model.cell(t.sheet, lastBody, col("Signal"))!.numberFormat).toBe('[=3]"grønn";[=2]"gul";"rød"');
    const body = rectAddress({ row: t.rect.row + 1, col: col("Signal"), rows: t.rect.rows - 1, cols: 1 });
    expect(t.sheet.conditionalFormats).toContainEqual({
      address: `'Oppfølging'!${body}`,
      type: "IconSet",
      iconSet: {
        style: "ThreeTrafficLights1",
        criteria: [
          { type: "Number", operator: "GreaterThanOrEqual", formula: "=2" },
          { type: "Number", operator: "GreaterThanOrEqual", formula: "=3" },
        ],
      },
    });
    // The old columns keep their validation (Realisert stays the year's figure).
    expect(model.cell(t.sheet, lastBody, col("Realisert"))!.validation).toEqual({ decimal: { formula1: -1000, formula2: 1000, operator: "Between" } });
  });

  test("upgraded once, inserting again writes nothing; a later catalogue still keeps the typed values", async () => {
    const model = await todaysWorkbook();
    await insertCatalogue(cat);
    typeAt(model, "1.2", 2026, "Status", "Forsinket");
    typeAt(model, "1.2", 2026, "Prognose helår", -2);
    const again = await insertCatalogue(cat);
    expect(again.plan.unchanged).toBe(true);

    const next = JSON.parse(JSON.stringify(catalogueJson)) as DeepMutable<CatalogueData>;
    next.catalogue.version = "2026.1.0";
    next.measures = next.measures.filter((m) => m.id !== "2.1");
    const r = await insertCatalogue(loadCatalogue(next));
    const rows = byKey(model);
    expect(rows.get("1.2#2026")).toMatchObject({ Status: "Forsinket", "Prognose helår": -2 });
    expect(rows.get("1.1#2026")).toMatchObject({ Realisert: -0.3 });
    // A measure that left the catalogue keeps its rows (and what was typed), marked in «Katalog».
    expect(rows.get("2.1#2026")).toMatchObject({ Kommentar: "Forsinket vedtak i HOK", Katalog: "Ikke i katalog 2026.1.0" });
    expect(r.plan.report.markedRemoved).toBe(1);
  });
});
