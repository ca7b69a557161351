// The follow-up tables (issue 7): choosing against the target, realised savings, HØP — and that
// nothing typed into them is lost when the catalogue is inserted again or upgraded.
import catalogueJson from "../data/catalogue.json";
import { bundledCatalogue as cat } from "../data/bundled";
import { loadCatalogue } from "../domain/catalogue";
import { effect } from "../domain/effects";
import { INPUT_FILL } from "../domain/layout";
import type { CatalogueData } from "../domain/types";
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
  test("one row per summary measure and plan year, plan from the catalogue, realised as input", async () => {
    const model = await inserted();
    const rows = model.tableObjects("Oppfolging");
    expect(rows).toHaveLength(summaryIds.length * 4);
    for (const r of rows) {
      const o = effect(cat, String(r.Nr), Number(r.År));
      expect(r.Plan).toBe(o.ok ? o.value : "=NA()");
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
    expect(model.tableObjects("Oppfolging").find((r) => r.Nr === "2.2" && r.År === 2028)!.Plan).toBe(-9.5);
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
