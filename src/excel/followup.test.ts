// The follow-up tables (issue 7): choosing against the target, realised savings, HØP — and that
// nothing typed into them is lost when the catalogue is inserted again or upgraded.
import catalogueJson from "../data/catalogue.json";
import { bundledCatalogue as cat } from "../data/bundled";
import { loadCatalogue } from "../domain/catalogue";
import { effect } from "../domain/effects";
import { INPUT_FILL } from "../domain/layout";
import type { CatalogueData } from "../domain/types";
import { rectAddress } from "../domain/a1";
import { installFakeHost } from "../../test/fake-excel/host";
import type { DeepMutable } from "../../test/fixtures";
import { WorkbookModel } from "../../test/fake-excel/model";
import { insertCatalogue } from "./insert";

async function inserted(): Promise<WorkbookModel> {
  const model = installFakeHost(new WorkbookModel(["Budsjett 2026"]));
  await insertCatalogue(cat);
  return model;
}

const summaryIds = cat.measures.filter((m) => m.inSummary).map((m) => m.id);

describe("choosing measures against the target", () => {
  test("Oppsummering sums the chosen measures per group with native formulas, and the gap in 2029", async () => {
    const model = await inserted();
    const g = model.tableObjects("Gruppesum")[0]!;
    expect(g["Valgt 2029"]).toBe('=SUMIFS(Tiltak[2029],Tiltak[Gruppe],[@Gruppe],Tiltak[Valgt],"Ja")');
    expect(g["Gjenstår 2029"]).toBe("=[@[Valgt 2029]]-[@Sparekrav]");
  });

  test("a year-by-year table and a line chart show chosen savings against the 40 MNOK target", async () => {
    const model = await inserted();
    const rows = model.tableObjects("ValgtMotMal");
    expect(rows.map((r) => r.År)).toEqual([2026, 2027, 2028, 2029]);
    expect(rows.every((r) => r.Sparekrav === -40)).toBe(true);
    expect(rows[3]!["Valgte tiltak"]).toBe('=SUMIFS(Tiltak[2029],Tiltak[Valgt],"Ja")');
    const t = model.table("ValgtMotMal")!;
    const [chart] = t.sheet.charts;
    expect(chart).toMatchObject({ type: "Line", title: "Valgte tiltak mot sparekravet (mill. kr)" });
    // Exactly the two lines, with the years as categories (not a third "År" series).
    expect(chart!.series.map((s) => s.name)).toEqual(["Valgte tiltak", "Sparekrav"]);
    expect(chart!.categories).toEqual([2026, 2027, 2028, 2029]);
    expect(chart!.series[1]!.values).toEqual([-40, -40, -40, -40]);
  });
});

describe("realised savings (Oppfølging)", () => {
  test("one row per summary measure and plan year, plan from the Tiltak table, realised as input", async () => {
    const model = await inserted();
    const rows = model.tableObjects("Oppfolging");
    expect(rows).toHaveLength(summaryIds.length * 4);
    for (const r of rows) {
      // The measure's row in Tiltak, found by exact Nr; the column of the row's year (issue 12).
      expect(r.Plan).toBe("=INDEX(Tiltak[[2025]:[2030]],MATCH(TRUE,INDEX(EXACT(Tiltak[Nr],[@Nr]),0),0),[@År]-2024)");
      expect(r.Realisert).toBe("");
      expect(r.Avvik).toBe('=IF([@Realisert]="","",[@Realisert]-[@Plan])');
    }
    const t = model.table("Oppfolging")!;
    const header = model.tableFormulas("Oppfolging")[0]!;
    const realised = model.cell(t.sheet, 1, header.indexOf("Realisert"))!;
    expect(realised.fill).toBe(INPUT_FILL);
    expect(realised.validation).toEqual({ decimal: { formula1: -1000, formula2: 1000, operator: "Between" } });
    const plan = model.cell(t.sheet, 1, header.indexOf("Plan"))!;
    // Plan cells refuse typing without sheet protection (which clears undo).
    expect(plan.validation).toEqual({ custom: { formula: "=FALSE" } });
    expect(plan.fill).toBeUndefined();
  });
});

describe("HØP", () => {
  test("one row per measure: HØP status, input per year, the measure's plan and the difference", async () => {
    const model = await inserted();
    const rows = model.tableObjects("HOP");
    expect(rows.map((r) => r.Nr)).toEqual(summaryIds);
    const inPlan = rows.find((r) => r.Nr === "1.4")!;
    expect(inPlan["HØP-status"]).toBe("I HØP");
    expect(inPlan["Telles i menyen"]).toBe("Nei – allerede i HØP");
    expect(inPlan["Differanse 2027"]).toBe('=IF([@[HØP 2027]]="","",[@[HØP 2027]]-[@[Tiltak 2027]])');
    expect(rows.find((r) => r.Nr === "2.2")!["Telles i menyen"]).toBe("Ja");
  });
});

describe("nothing typed is lost", () => {
  const copy = (): DeepMutable<CatalogueData> => JSON.parse(JSON.stringify(catalogueJson));

  test("every input cell filled, catalogue re-inserted and then upgraded: all typed values are still there", async () => {
    const model = await inserted();
    const typed = new Map<string, unknown>();
    const fill = (table: string, keyOf: (r: Record<string, unknown>) => string, columns: string[], value: (key: string, col: string) => unknown) => {
      const t = model.table(table)!;
      const header = model.tableFormulas(table)[0]!;
      model.tableObjects(table).forEach((r, i) => {
        for (const col of columns) {
          const v = value(keyOf(r), col);
          model.setInput(t.sheet, t.rect.row + 1 + i, t.rect.col + header.indexOf(col), v);
          typed.set(`${table}|${keyOf(r)}|${col}`, v);
        }
      });
    };
    fill("Tiltak", (r) => String(r.Nr), ["Valgt"], (k) => (k.endsWith("1") ? "Ja" : "Nei"));
    fill("Oppfolging", (r) => `${r.Nr}#${r.År}`, ["Realisert", "Kommentar"], (k, c) => (c === "Realisert" ? -Number(k.length) / 10 : `Notat ${k}`));
    fill("HOP", (r) => String(r.Nr), ["HØP 2026", "HØP 2027", "HØP 2028", "HØP 2029"], (k, c) => -Number(c.slice(-1)) - k.length / 100);

    const check = () => {
      const keys = { Tiltak: (r: Record<string, unknown>) => String(r.Nr), Oppfolging: (r: Record<string, unknown>) => `${r.Nr}#${r.År}`, HOP: (r: Record<string, unknown>) => String(r.Nr) };
      let seen = 0;
      for (const [table, keyOf] of Object.entries(keys)) {
        for (const r of model.tableObjects(table)) {
          for (const [col, v] of Object.entries(r)) {
            const k = `${table}|${keyOf(r)}|${col}`;
            if (typed.has(k)) {
              expect([k, v]).toEqual([k, typed.get(k)]);
              seen++;
            }
          }
        }
      }
      expect(seen).toBe(typed.size);
    };

    const again = await insertCatalogue(cat);
    expect(again.plan.unchanged).toBe(true);
    check();

    const next = copy();
    next.catalogue.version = "2025.2.0";
    next.measures.find((m) => m.id === "2.2")!.summary!.values["2028"] = -9.5;
    next.measures.push({ ...next.measures.find((m) => m.id === "5.9")!, id: "5.10", title: "Nytt tiltak" });
    await insertCatalogue(loadCatalogue(next));
    check();
    // The new measure got rows of its own, with empty input cells.
    expect(model.tableObjects("Oppfolging").filter((r) => r.Nr === "5.10").map((r) => r.Realisert)).toEqual(["", "", "", ""]);
    // Plan follows the Tiltak table, which has the new figure.
    expect(model.tableObjects("Tiltak").find((r) => r.Nr === "2.2")!["2028"]).toBe(-9.5);
    expect(model.tableObjects("Oppfolging").find((r) => r.Nr === "2.2" && r.År === 2028)!.Plan).toMatch(/^=INDEX\(Tiltak\[\[2025\]:\[2030\]\],/);
    expect(typed.size).toBeGreaterThan(summaryIds.length * 8);
  });
});

describe("pane actions on the follow-up tables", () => {
  test("choosing in the pane writes Valgt and the summary follows, like the workbook formulas", async () => {
    const { readChoice, setChoice } = await import("./followup");
    const model = await inserted();
    const before = await readChoice(cat);
    expect(before.summary.overall).toMatchObject({ chosen: 0, gap: 40 });
    const after = await setChoice(cat, "2.2", true);
    expect(model.tableObjects("Tiltak").find((r) => r.Nr === "2.2")!.Valgt).toBe("Ja");
    // 2.2 saves 9.3 in 2029 (summary table): 40 − 9.3 = 30.7 still missing.
    expect(after.summary.overall).toMatchObject({ chosen: -9.3, gap: 30.7, count: 1 });
    expect(after.summary.lines.find((l) => l.group === 2)).toMatchObject({ chosen: -9.3, target: -17.5, gap: 8.2 });
    expect(after.chosen.has("2.2")).toBe(true);
  });

  test("Oppfølging can be filtered to one working group and back", async () => {
    const { filterFollowUp } = await import("./followup");
    const model = await inserted();
    await filterFollowUp(3);
    expect(model.table("Oppfolging")!.filters).toEqual({ Gruppe: ["3"] });
    await filterFollowUp(null);
    expect(model.table("Oppfolging")!.filters).toEqual({});
  });

  test("HØP import writes the selected figures and reports what it could not match", async () => {
    const { importHop } = await import("./followup");
    const model = await inserted();
    const plan = model.sheet("Budsjett 2026")!;
    const grid = [
      ["Tiltak", 2026, 2027, 2028, 2029],
      ["2.2", 0, -9, -9, -9],
      ["9.9", -1, -1, -1, -1],
      ["4.3", "mye", -4, -4, -4],
    ];
    grid.forEach((row, r) => row.forEach((v, c) => model.setInput(plan, r, c, v)));
    model.selection = "'Budsjett 2026'!A1:E4";
    const r = await importHop(cat);
    expect(r.imported).toBe(1);
    expect(r.problems).toEqual(["Rad 3: tiltak 9.9 finnes ikke i katalogen.", "Rad 4, 2026: «mye» er ikke et tall. Raden er ikke importert."]);
    const row = model.tableObjects("HOP").find((x) => x.Nr === "2.2")!;
    expect([row["HØP 2026"], row["HØP 2027"], row["HØP 2029"]]).toEqual([0, -9, -9]);
    expect(model.tableObjects("HOP").find((x) => x.Nr === "4.3")!["HØP 2027"]).toBe("");
  });
});

describe("typed input that is not a number", () => {
  test("text in Realisert or a HØP column is listed in Avvik after a re-check, and survives a re-insert", async () => {
    const { recheckWorkbook } = await import("./recheck");
    const model = await inserted();
    const t = model.table("Oppfolging")!;
    const header = model.tableFormulas("Oppfolging")[0]!;
    const i = model.tableObjects("Oppfolging").findIndex((r) => r.Nr === "3.2" && r.År === 2027);
    model.setInput(t.sheet, t.rect.row + 1 + i, header.indexOf("Realisert"), "ca. en million");
    model.typeInTable("HOP", "4.3", "HØP 2028", "se vedlegg");
    const r = await recheckWorkbook(cat);
    expect(r.findings).toContainEqual(expect.objectContaining({ measure: "3.2", rule: "unreadable", years: [2027], message: expect.stringContaining("«ca. en million»") }));
    expect(r.findings).toContainEqual(expect.objectContaining({ measure: "4.3", rule: "unreadable", years: [2028], message: expect.stringContaining("HØP") }));
    expect(model.tableObjects("Avvik").filter((x) => String(x.Forklaring).includes("ca. en million"))).toHaveLength(1);
    // A re-insert keeps the typed text (it is the user's) and keeps reporting it.
    await insertCatalogue(cat);
    expect(model.tableObjects("Oppfolging")[i]!.Realisert).toBe("ca. en million");
    expect(model.tableObjects("Avvik").filter((x) => String(x.Forklaring).includes("ca. en million"))).toHaveLength(1);
  });
});

// Issue 12: a controller selects someone else's sheet; a figure must never land in the wrong year,
// unit or measure. Expected figures are written by hand from each scenario or taken from the catalogue.
describe("HØP import from someone else's sheet", () => {
  type Grid = unknown[][];
  const PLAN = "Budsjett 2026";
  /** Puts `grid` on the plan sheet with its top-left cell at (row, col) and selects exactly it. */
  function place(model: WorkbookModel, grid: Grid, at: { row: number; col: number } = { row: 0, col: 0 }, formats: Record<string, string> = {}): void {
    const s = model.sheet(PLAN)!;
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = formats[`${r},${c}`];
        if (f) model.setFormat(s, at.row + r, at.col + c, f);
        if (v !== undefined) model.setInput(s, at.row + r, at.col + c, v);
      }),
    );
    const width = Math.max(...grid.map((r) => r.length));
    model.selection = `'${PLAN}'!${rectAddress({ row: at.row, col: at.col, rows: grid.length, cols: width })}`;
  }
  const hopRow = (model: WorkbookModel, id: string) => model.tableObjects("HOP").find((x) => x.Nr === id)!;
  const hopYears = (model: WorkbookModel, id: string) => [2026, 2027, 2028, 2029].map((y) => hopRow(model, id)[`HØP ${y}`]);
  const allHop = (model: WorkbookModel) => JSON.stringify(model.tableObjects("HOP"));

  test("the header is found by its years (text or number, prefixed, any order) below title rows, the id column by its ids", async () => {
    const { importHop } = await import("./followup");
    const model = await inserted();
    // Title rows; service first, ids in B under "Nr"; 2025 (outside the plan), "ØP" years out of order,
    // a Sum column between them and a note column.
    place(model, [
      ["Handlings- og økonomiplan 2026–2029"],
      [],
      ["Tjeneste", "Nr", "Regnskap 2025", "ØP 2028", "Budsjett 2026", "Sum", "HØP 2027", "2029 (mill. kr)", "Merknad"],
      ["Skole", "1.1", 0, -0.6, -0.3, -2.1, -0.6, -0.6, "som i rapporten"],
      ["Helse", "2.2", 0, -9.3, 0, -27.7, -9.1, -9.3, ""],
    ]);
    const r = await importHop(cat);
    expect(hopYears(model, "1.1")).toEqual([-0.3, -0.6, -0.6, -0.6]);
    expect(hopYears(model, "2.2")).toEqual([0, -9.1, -9.3, -9.3]);
    expect(r.imported).toBe(2);
    // The columns left out, named as the user sees them (letter and header).
    expect(r.problems).toHaveLength(1);
    for (const part of ["A «Tjeneste»", "C «Regnskap 2025»", "F «Sum»", "I «Merknad»"]) expect(r.problems[0]).toContain(part);
    expect(r.problems[0]).not.toContain("«Nr»");
  });

  test("a selection without a header row of plan years is refused with the reason, and nothing is written", async () => {
    const { importHop } = await import("./followup");
    const model = await inserted();
    const before = allHop(model);
    place(model, [
      ["2.2", -1, -2, -3, -4],
      ["1.1", -0.3, -0.6, -0.6, -0.6],
    ]);
    const r = await importHop(cat);
    expect(r.imported).toBe(0);
    expect(r.problems).toEqual([expect.stringMatching(/årstall.*2026–2029/)]);
    expect(allHop(model)).toBe(before);
  });

  test("the id column is the one holding measure numbers, even when a header elsewhere says «Tiltak»", async () => {
    const { importHop } = await import("./followup");
    const model = await inserted();
    place(model, [
      ["Tiltak", "Nr.", 2026, 2027],
      ["Bemanningsnorm", "3.1", -3.1, -5.2],
    ]);
    const r = await importHop(cat);
    expect(r).toMatchObject({ imported: 1, problems: [expect.stringContaining("A «Tiltak»")] });
    expect(hopYears(model, "3.1")).toEqual([-3.1, -5.2, "", ""]);
  });

  describe("units: figures that are not in mill. kr are refused as a whole, with the likely unit", () => {
    const measures = ["1.2", "2.2", "4.3", "4.14"];
    const planned = (id: string) => [2026, 2027, 2028, 2029].map((y) => {
      const o = effect(cat, id, y);
      if (!o.ok) throw new Error(`no plan figure for ${id} ${y}`);
      return o.value;
    });
    const sheetIn = (scale: number): Grid => [["Nr", 2026, 2027, 2028, 2029], ...measures.map((id) => [id, ...planned(id).map((v) => Math.round(v * scale * 1000) / 1000)])];

    test.each([
      [1000, /Tallene ser ut til å være i 1000 kr; HØP-kolonnene er i mill\. kr\. Del på 1000 og importer på nytt\./],
      [1_000_000, /Tallene ser ut til å være i kroner; HØP-kolonnene er i mill\. kr\./],
    ])("the catalogue's plan figures × %d", async (scale, message) => {
      const { importHop } = await import("./followup");
      const model = await inserted();
      const before = allHop(model);
      place(model, sheetIn(scale));
      const r = await importHop(cat);
      expect(r).toMatchObject({ imported: 0, problems: [expect.stringMatching(message)] });
      expect(allHop(model)).toBe(before);
    });

    test("percentages (cells formatted as %) are not amounts", async () => {
      const { importHop } = await import("./followup");
      const model = await inserted();
      const before = allHop(model);
      const formats: Record<string, string> = {};
      for (let r = 1; r <= 2; r++) for (let c = 1; c <= 4; c++) formats[`${r},${c}`] = "0%";
      place(model, [["Nr", 2026, 2027, 2028, 2029], ["1.2", -0.05, -0.1, -0.12, -0.12], ["2.2", 0, -0.08, -0.08, -0.08]], undefined, formats);
      const r = await importHop(cat);
      expect(r).toMatchObject({ imported: 0, problems: [expect.stringMatching(/prosent/)] });
      expect(allHop(model)).toBe(before);
    });

    test("a figure outside what the HØP column's own validation allows is refused with its row", async () => {
      const { importHop } = await import("./followup");
      const model = await inserted();
      const hopColumn = model.cell(model.table("HOP")!.sheet, 1, model.tableFormulas("HOP")[0]!.indexOf("HØP 2027"))!;
      const { formula2: max } = (hopColumn.validation as { decimal: { formula2: number } }).decimal;
      place(model, [["Nr", 2026, 2027], ["1.2", -2.5, -7.1], ["2.2", 0, max + 500]]);
      const r = await importHop(cat);
      expect(r.imported).toBe(1);
      expect(r.problems).toEqual([expect.stringMatching(/^Rad 3, 2027: .*utenfor/)]);
      expect(hopYears(model, "2.2")).toEqual(["", "", "", ""]);
      expect(hopYears(model, "1.2")).toEqual([-2.5, -7.1, "", ""]);
    });
  });

  describe("measure numbers: what the cell shows, and numbers that could be two measures", () => {
    test("a number 2.1 shown as «2.10» (two decimals) imports into 2.10", async () => {
      const { importHop } = await import("./followup");
      const model = await inserted();
      place(model, [["Nr", 2027], [2.1, -0.4]], undefined, { "1,0": "0.00" });
      const r = await importHop(cat);
      expect(r).toMatchObject({ imported: 1, problems: [] });
      expect(hopRow(model, "2.10")["HØP 2027"]).toBe(-0.4);
      expect(hopRow(model, "2.1")["HØP 2027"]).toBe("");
    });

    test("a number shown as «4.1» while both 4.1 and 4.10 exist is reported, not guessed", async () => {
      const { importHop } = await import("./followup");
      const model = await inserted();
      place(model, [["Nr", 2027], ["'4.10", -1.5], [4.1, -0.1]]);
      const r = await importHop(cat);
      expect(r.imported).toBe(1);
      expect(r.problems).toEqual([expect.stringMatching(/^Rad 3: .*4\.1 .*4\.10/)]);
      expect(hopRow(model, "4.10")["HØP 2027"]).toBe(-1.5);
      expect(hopRow(model, "4.1")["HØP 2027"]).toBe("");
    });

    test("ids written with a decimal comma are read", async () => {
      const { importHop } = await import("./followup");
      const model = await inserted();
      place(model, [["Nr", 2027], ["2,10", -0.4], ["Tiltak 4,3", -4.4]]);
      const r = await importHop(cat);
      expect(r).toMatchObject({ imported: 2, problems: [] });
      expect(hopRow(model, "2.10")["HØP 2027"]).toBe(-0.4);
      expect(hopRow(model, "4.3")["HØP 2027"]).toBe(-4.4);
    });
  });

  test("a year in two columns is reported and not imported; the other years are", async () => {
    const { importHop } = await import("./followup");
    const model = await inserted();
    place(model, [["Nr", 2026, 2027, 2027], ["2.2", 0, -9.1, -8]]);
    const r = await importHop(cat);
    expect(r.problems).toEqual([expect.stringMatching(/2027.*C «2027».*D «2027»/)]);
    expect(hopYears(model, "2.2")).toEqual([0, "", "", ""]);
    expect(r.imported).toBe(1);
  });

  test("a figure for a year the HØP table no longer has is reported, and a row left with nothing is not counted", async () => {
    const { importHop } = await import("./followup");
    const model = await inserted();
    // A user renamed the column: the table has no «HØP 2029» any more.
    const hop = model.table("HOP")!;
    model.setInput(hop.sheet, hop.rect.row, hop.rect.col + model.tableFormulas("HOP")[0]!.indexOf("HØP 2029"), "HØP 2029 gammel");
    place(model, [["Nr", 2028, 2029], ["2.2", -9.3, -9.3], ["1.1", "", -0.6]]);
    const r = await importHop(cat);
    expect(r.imported).toBe(1);
    expect(r.problems).toContainEqual(expect.stringMatching(/HØP 2029/));
    expect(r.problems).toContainEqual(expect.stringMatching(/^Rad 3: /));
    expect(hopRow(model, "2.2")["HØP 2028"]).toBe(-9.3);
  });

  test("a row with a measure number and no figures is reported and not counted as imported", async () => {
    const { importHop } = await import("./followup");
    const model = await inserted();
    place(model, [["Nr", 2026, 2027], ["2.2", 0, -9.1], ["3.1", "", ""]]);
    const r = await importHop(cat);
    expect(r.imported).toBe(1);
    expect(r.problems).toEqual([expect.stringMatching(/^Rad 3: tiltak 3\.1 har ingen tall/)]);
  });

  test("counts are honest: importing the same figures again imports and replaces nothing; no extra round trip", async () => {
    const { importHop } = await import("./followup");
    const model = await inserted();
    place(model, [["Nr", 2026, 2027], ["2.2", 0, -9.1], ["1.1", -0.3, -0.6]]);
    expect(await importHop(cat)).toMatchObject({ imported: 2, replaced: 0, problems: [] });
    // The selection (values and text) is read in readState's round trips, not in one of its own.
    const { readState } = await import("./read");
    let syncs = model.syncs;
    await Excel.run(async (context) => void (await readState(context)));
    const reads = model.syncs - syncs;
    syncs = model.syncs;
    expect(await importHop(cat)).toMatchObject({ imported: 0, unchanged: 2, replaced: 0, problems: [] });
    expect(model.syncs - syncs).toBe(reads); // nothing to write, no write sync
    model.setInput(model.sheet(PLAN)!, 1, 2, -9.3);
    syncs = model.syncs;
    expect(await importHop(cat)).toMatchObject({ imported: 1, unchanged: 1, replaced: 1, problems: [] });
    expect(model.syncs - syncs).toBe(reads + 1);
    expect(hopYears(model, "2.2")).toEqual([0, -9.3, "", ""]);
  });
});

// A seeded sweep of hostile selections (headers, units, ids, extra rows and columns), judged against
// the figures each sheet was generated from: nothing may land in a wrong year, unit or measure, and
// every figure that could be read unambiguously must arrive.
describe("HØP import: a hostile sweep", () => {
  const PLAN_YEARS = [2026, 2027, 2028, 2029];
  const AMBIGUOUS = new Set(["2.1", "2.10", "4.1", "4.10"]);
  type Unit = "mnok" | "thousand" | "kroner" | "percent" | "fraction";

  function mulberry32(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  interface Variant {
    grid: unknown[][];
    formats: Record<string, string>;
    at: { row: number; col: number };
    truth: Map<string, Map<number, number>>;
    /** Cells a correct import must write (unit right, id unambiguous, year in one column only). */
    importable: number;
    unit: Unit;
    dup: Set<number>;
  }

  function variant(rand: () => number): Variant {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const shuffle = <T>(xs: T[]): T[] => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [xs[i], xs[j]] = [xs[j]!, xs[i]!];
      }
      return xs;
    };
    const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
    const pool = shuffle([...summaryIds]);
    const ids = pool.slice(0, 1 + Math.floor(rand() * 6));
    if (rand() < 0.35) {
      const a = pick([...AMBIGUOUS]);
      if (!ids.includes(a)) ids.push(a);
    }
    const u = rand();
    const unit: Unit = u < 0.6 ? "mnok" : u < 0.75 ? "thousand" : u < 0.85 ? "kroner" : u < 0.95 ? "percent" : "fraction";
    const hasHeader = rand() < 0.9;
    const years = shuffle(PLAN_YEARS.filter(() => rand() < 0.8));
    if (years.length === 0) years.push(pick(PLAN_YEARS));
    if (rand() < 0.5) years.sort();
    const dupYear = rand() < 0.12 ? pick(years) : null;

    type Col = { head: unknown; kind: "id" | "year" | "dup" | "text" | "sum" | "other-year"; year?: number };
    const cols: Col[] = years.map((y) => {
      const styles: unknown[] = [y, `'${y}`, `ØP ${y}`, `HØP ${y}`, `${y} (mill. kr)`, `Budsjett ${y}`];
      if (unit === "thousand") styles.push(`${y} (1000 kr)`);
      return { head: pick(styles), kind: "year", year: y };
    });
    if (dupYear !== null) cols.splice(Math.floor(rand() * cols.length), 0, { head: pick([dupYear, `Revidert ${dupYear}`]), kind: "dup", year: dupYear });
    if (rand() < 0.4) cols.splice(Math.floor(rand() * cols.length), 0, { head: "Sum", kind: "sum" });
    if (rand() < 0.3) cols.splice(Math.floor(rand() * cols.length), 0, { head: pick([2025, "Regnskap 2025", 2030, "ØP 2030"]), kind: "other-year" });
    if (rand() < 0.3) cols.push({ head: "Merknad", kind: "text" });
    if (rand() < 0.4) cols.unshift({ head: "Tjeneste", kind: "text" });
    cols.splice(Math.floor(rand() * (cols.length + 1)), 0, { head: pick(["Nr", "Tiltak", "Tiltaksnr.", "Nr.", ""]), kind: "id" });

    const truth = new Map<string, Map<number, number>>();
    const rows: unknown[][] = [];
    const formats: Record<string, string> = {};
    const top = hasHeader ? [[], [["Handlings- og økonomiplan 2026–2029"]], [["Handlings- og økonomiplan 2026–2029"], [], ["Beløp i mill. kr"]]][Math.floor(rand() * 3)]! : [];
    rows.push(...top.map((r) => [...r]));
    if (hasHeader) rows.push(cols.map((c) => c.head));
    if (rand() < 0.2) rows.push(cols.map((c) => (c.kind === "text" ? "Oppvekst" : "")));
    let importable = 0;
    for (const id of ids) {
      const r = rows.length;
      const t = new Map<number, number>();
      const idCol = cols.findIndex((c) => c.kind === "id");
      // How the id is written: text, text with a comma or a prefix, or a number (shown with two decimals when it has two).
      const style = rand();
      let unambiguous = true;
      let idCell: unknown;
      if (style < 0.4) idCell = `'${id}`;
      else if (style < 0.5) idCell = id.replace(".", ",");
      else if (style < 0.6) idCell = `Tiltak ${id}`;
      else {
        idCell = Number(id);
        const twoDecimals = id.split(".")[1]!.length === 2;
        if (twoDecimals && rand() < 0.6) formats[`${r},${idCol}`] = "0.00";
        else if (AMBIGUOUS.has(id)) unambiguous = false;
      }
      const row = cols.map((c): unknown => {
        if (c.kind === "id") return idCell;
        if (c.kind === "text") return "tekst";
        if (c.kind === "other-year") return round(-rand() * 5, 1);
        if (c.kind === "sum") return round(-rand() * 20, 1);
        const y = c.year!;
        if (c.kind === "dup") return round((t.get(y) ?? 0) - 1.3, 1);
        if (rand() < 0.1) return "";
        const o = effect(cat, id, y);
        const v = round((o.ok ? o.value : 0) + (Math.floor(rand() * 11) - 5) / 10, 1);
        t.set(y, v);
        if (unit === "mnok" && unambiguous && hasHeader && y !== dupYear) importable++;
        if (unit === "thousand") return round(v * 1000, 3);
        if (unit === "kroner") return round(v * 1_000_000, 0);
        if (unit === "percent") {
          formats[`${r},${cols.indexOf(c)}`] = "0%";
          return round(-rand() * 0.12, 3);
        }
        if (unit === "fraction") return round(-rand() * 0.09, 3);
        return v;
      });
      rows.push(row);
      truth.set(id, t);
    }
    if (rand() < 0.3) rows.push(cols.map((c) => (c.kind === "text" ? "Sum" : c.kind === "id" ? "" : -12.3)));
    return { grid: rows, formats, at: { row: Math.floor(rand() * 3), col: Math.floor(rand() * 3) }, truth, importable, unit, dup: new Set(dupYear === null ? [] : [dupYear]) };
  }

  test("300 generated selections: no figure in a wrong year, unit or measure; every readable figure arrives; counts match", async () => {
    const { importHop } = await import("./followup");
    const model = await inserted();
    const plan = model.sheet("Budsjett 2026")!;
    const hop = model.table("HOP")!;
    const header = model.tableFormulas("HOP")[0]!;
    const ids = model.tableObjects("HOP").map((r) => String(r.Nr));
    const rand = mulberry32(12);
    const wrong = { year: 0, unit: 0, measure: 0, count: 0, missed: 0, variants: 0 };
    // Fractions typed without a % format (0.05 for 5 %) next to only small measures cannot be told from
    // small amounts in mill. kr; counted apart and reported, not asserted.
    const fractions = { cells: 0, variants: 0, of: 0 };
    for (let n = 0; n < 300; n++) {
      const v = variant(rand);
      model.clear(plan, { row: 0, col: 0, rows: 40, cols: 30 });
      ids.forEach((_, i) => PLAN_YEARS.forEach((y) => model.setInput(hop.sheet, hop.rect.row + 1 + i, hop.rect.col + header.indexOf(`HØP ${y}`), "")));
      v.grid.forEach((row, r) =>
        row.forEach((x, c) => {
          const f = v.formats[`${r},${c}`];
          if (f) model.setFormat(plan, v.at.row + r, v.at.col + c, f);
          if (x !== undefined && x !== "") model.setInput(plan, v.at.row + r, v.at.col + c, x);
        }),
      );
      const width = Math.max(...v.grid.map((r) => r.length));
      model.selection = `'Budsjett 2026'!${rectAddress({ row: v.at.row, col: v.at.col, rows: v.grid.length, cols: width })}`;
      const result = await importHop(cat);
      let bad = false;
      let changedRows = 0;
      let arrived = 0;
      for (const row of model.tableObjects("HOP")) {
        const id = String(row.Nr);
        let changed = false;
        for (const y of PLAN_YEARS) {
          const a = row[`HØP ${y}`];
          if (a === "") continue;
          changed = true;
          const expected = v.truth.get(id)?.get(y);
          // Zero is zero in every unit.
          if (v.unit !== "mnok" && a === 0 && expected === 0 && !v.dup.has(y)) continue;
          if (v.unit === "fraction") {
            fractions.cells++;
            continue;
          }
          if (v.unit !== "mnok") wrong.unit++;
          else if (expected === undefined) wrong.measure++;
          else if (a !== expected || v.dup.has(y)) wrong.year++;
          else {
            arrived++;
            continue;
          }
          bad = true;
        }
        if (changed) changedRows++;
      }
      if (result.imported !== changedRows) wrong.count++;
      if (arrived < v.importable) wrong.missed += v.importable - arrived;
      if (bad) wrong.variants++;
      if (v.unit === "fraction") fractions.of++;
      if (v.unit === "fraction" && changedRows > 0) fractions.variants++;
    }
    console.log(`HØP sweep: ${JSON.stringify({ wrong, fractions })}`);
    expect(wrong).toEqual({ year: 0, unit: 0, measure: 0, count: 0, missed: 0, variants: 0 });
  });
});
