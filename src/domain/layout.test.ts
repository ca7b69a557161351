import catalogueJson from "../data/catalogue.json";
import { loadCatalogue } from "./catalogue";
import { rowKey, storedForm } from "./insertPlan";
import { catalogueLayout, DEFAULT_TABLE_NAMES, findingsTable, safeText } from "./layout";
import { makeCatalogue, measure, row } from "../../test/fixtures";

const cat = loadCatalogue(catalogueJson);

test("every row's key is what its key columns say, and keys are unique per table", () => {
  for (const spec of catalogueLayout(cat).filter((t) => t.mode === "keyed")) {
    const keys = spec.rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of spec.rows) {
      const derived = rowKey(spec, (c) => storedForm(r.cells[spec.columns.findIndex((x) => x.name === c)]!));
      expect([spec.key, derived]).toEqual([spec.key, r.key]);
    }
    for (const c of spec.keyColumns) expect(spec.columns.map((x) => x.name)).toContain(c);
  }
});

test("text that Excel would run as a formula is stored as text", () => {
  expect(safeText("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
  expect(safeText("+47 1234")).toBe("'+47 1234");
  expect(safeText("@SUM(A1)")).toBe("'@SUM(A1)");
  expect(safeText("- tiltak")).toBe("'- tiltak");
  expect(safeText("Vanlig tekst")).toBe("Vanlig tekst");
});

describe("measure numbers are compared exactly in every formula", () => {
  // COUNTIF/COUNTIFS/SUMIFS criteria read number-like text as numbers, so "2.1" also matches "2.10"
  // (support.microsoft.com, COUNTIFS function: criteria such as "32" match the number 32). Formulas
  // that look measures up by Nr must compare with "=" instead.
  const CRITERIA_FUNCTIONS = /\b(COUNTIFS?|SUMIFS?|AVERAGEIFS?|MAXIFS|MINIFS|MATCH|VLOOKUP|HLOOKUP|XLOOKUP)\(([^()]|\([^()]*\))*\[Nr\]/i;
  const layout = catalogueLayout(cat);
  const formulas = layout.flatMap((t) => [
    ...t.rows.flatMap((r) => r.cells.flatMap((c) => (typeof c === "object" ? [c.formula] : []))),
    ...t.columns.flatMap((c) => (c.total ? [c.total] : [])),
    ...(t.conditionalFormats ?? []).map((cf) => cf.formula),
  ]);

  test("no criteria function looks up a measure number (cells, totals and conditional formats)", () => {
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.filter((f) => CRITERIA_FUNCTIONS.test(f.replace(/INDIRECT\("([^"]*)"\)/g, "$1")))).toEqual([]);
  });

  test("the findings count and the error marks compare Nr with =", () => {
    const tiltak = layout.find((t) => t.key === "measures")!;
    const avvik = tiltak.columns.findIndex((c) => c.name === "Avvik");
    const cell = tiltak.rows[0]!.cells[avvik] as { formula: string };
    expect(cell.formula).toMatch(/Avvik\[Nr\]=\[@Nr\]/);
    for (const cf of layout.flatMap((t) => t.conditionalFormats ?? []).filter((c) => c.formula.includes("Avvik[Nr]"))) {
      expect(cf.formula).toMatch(/INDIRECT\("Avvik\[Nr\]"\)=\$A2/);
    }
  });
});

describe("Oppfølging «Plan» and HØP «Tiltak <år>» follow the Tiltak table (one correction flows everywhere)", () => {
  // Written out by hand for the bundled catalogue (years 2025–2030, so År 2025 is the first column of
  // Tiltak[[2025]:[2030]]). The row is the first whose Nr is EXACTly this one (MATCH only finds the
  // first TRUE; criteria on Nr would take "2.10" for 2.1). INDEX on that one row, not
  // SUMPRODUCT(EXACT(…)*column): one #N/A or text elsewhere in the column would make every row's figure
  // an error. No row with this Nr: #N/A.
  const ROW_OF = "MATCH(TRUE,INDEX(EXACT(Tiltak[Nr],[@Nr]),0),0)";
  const layout = catalogueLayout(cat);
  const cellOf = (key: string, column: string, row: string) => {
    const spec = layout.find((t) => t.key === key)!;
    const i = spec.columns.findIndex((c) => c.name === column);
    expect(i).toBeGreaterThanOrEqual(0);
    return spec.rows.find((r) => r.key === row)!.cells[i];
  };

  test("Oppfølging «Plan» is a native lookup into Tiltak's year columns, for every row", () => {
    const spec = layout.find((t) => t.key === "followUp")!;
    expect(spec.rows.length).toBe(cat.measures.filter((m) => m.inSummary).length * 4);
    const expected = { formula: `=INDEX(Tiltak[[2025]:[2030]],${ROW_OF},[@År]-2024)` };
    for (const r of spec.rows) expect([r.key, cellOf("followUp", "Plan", r.key)]).toEqual([r.key, expected]);
  });

  test("HØP «Tiltak <år>» is a native lookup into that year's Tiltak column", () => {
    for (const y of [2026, 2027, 2028, 2029]) {
      expect(cellOf("hop", `Tiltak ${y}`, "2.10")).toEqual({ formula: `=INDEX(Tiltak[${y}],${ROW_OF})` });
    }
  });

  test("they still refuse typing (the figure comes from Tiltak)", () => {
    const follow = layout.find((t) => t.key === "followUp")!.columns.find((c) => c.name === "Plan")!;
    const hop = layout.find((t) => t.key === "hop")!.columns.find((c) => c.name === "Tiltak 2027")!;
    expect(follow.validation?.kind).toBe("reject");
    expect(hop.validation?.kind).toBe("reject");
  });

  test("the table names are the ones resolved for this workbook, and the year offset comes from the catalogue", () => {
    const names = { ...DEFAULT_TABLE_NAMES, measures: "Tiltak_2" };
    const renamed = catalogueLayout(cat, names).find((t) => t.key === "hop")!;
    const col = renamed.columns.findIndex((c) => c.name === "Tiltak 2026");
    expect((renamed.rows[0]!.cells[col] as { formula: string }).formula).toBe(
      "=INDEX(Tiltak_2[2026],MATCH(TRUE,INDEX(EXACT(Tiltak_2[Nr],[@Nr]),0),0))",
    );
    // A catalogue whose first year is 2023: År 2023 is column 1, so the offset is 2022.
    const years = [2023, 2024, 2025, 2026];
    const values = { "2023": 0, "2024": -1, "2025": -2, "2026": -3 };
    const zero = row(Object.fromEntries(years.map((y) => [String(y), 0])));
    const small = makeCatalogue([measure("1.1", { summary: row(values) })], {
      catalogue: { id: "t", version: "1", title: "T", publisher: "T", date: "2025-01-01", reference: "T", unit: "MNOK", years, planPeriod: [2024, 2026] },
      totals: { byGroup: { "1": zero }, byCategory: { "Høyere produktivitet": zero }, overall: { groupTable: zero, categoryTable: zero, measureTable: zero } },
    });
    const plan = catalogueLayout(small).find((t) => t.key === "followUp")!;
    const p = plan.columns.findIndex((c) => c.name === "Plan");
    expect((plan.rows[0]!.cells[p] as { formula: string }).formula).toContain("INDEX(Tiltak[[2023]:[2026]],");
    expect((plan.rows[0]!.cells[p] as { formula: string }).formula).toMatch(/,\[@År\]-2022\)$/);
  });
});

describe("the findings count and marks count real findings only", () => {
  test("Tiltak «Avvik» counts errors and warnings by name (a kept «løst» row, or info, is not counted)", () => {
    const tiltak = catalogueLayout(cat).find((t) => t.key === "measures")!;
    const i = tiltak.columns.findIndex((c) => c.name === "Avvik");
    expect(tiltak.rows[0]!.cells[i]).toEqual({ formula: '=SUMPRODUCT((Avvik[Nr]=[@Nr])*((Avvik[Alvorlighet]="feil")+(Avvik[Alvorlighet]="advarsel")))' });
  });

  test("Avvik rows are keyed by measure, group, rule and year", () => {
    const spec = findingsTable(DEFAULT_TABLE_NAMES, [
      { measure: "2.1", group: 2, rule: "sign", severity: "warning", years: [2026, 2027], expected: null, actual: null, message: "a" },
      { measure: "2.1", group: 2, rule: "sign", severity: "warning", years: [2026], expected: null, actual: null, message: "b" },
      { measure: null, group: 3, rule: "total-group", severity: "error", years: [], expected: null, actual: null, message: "c" },
    ]);
    expect(spec.keyColumns).toEqual(["Nr", "Gruppe", "Regel", "År"]);
    // The same finding twice gets its own key: the second of its kind.
    expect(spec.rows.map((r) => r.key)).toEqual(["2.1#2#sign#2026", "2.1#2#sign#2027", "2.1#2#sign#2026|2", "#3#total-group#"]);
  });
});

describe("the two «Gjenstår» figures on Oppsummering explain each other when the targets disagree", () => {
  // The report's group targets add up to -41 while its overall target is -40 (a difference of 1.0).
  const layout = catalogueLayout(cat);
  const groupTargets = cat.groups.map((g) => cat.data.targets.byGroup[String(g.id)]?.sparekrav ?? 0);
  expect(groupTargets.reduce((a, b) => a + b, 0)).toBeCloseTo(-41, 9);
  expect(cat.data.targets.overall.sparekrav).toBe(-40);

  test("ValgtMotMal «Merknad» beside «Gjenstår» of the target year: a formula over both tables' targets", () => {
    const spec = layout.find((t) => t.key === "choice")!;
    const names = spec.columns.map((c) => c.name);
    expect(names.slice(0, 4)).toEqual(["År", "Valgte tiltak", "Sparekrav", "Gjenstår"]);
    expect(names[4]).toBe("Merknad");
    const note = (y: number) => spec.rows.find((r) => r.key === String(y))!.cells[4];
    expect(note(2026)).toBe("");
    const f = (note(2029) as { formula: string }).formula;
    // Shown only when the sum of the group targets differs from this row's target (at 0.1 MNOK).
    expect(f).toMatch(/^=IF\(ROUND\(SUM\(Gruppesum\[Sparekrav\]\)-\[@Sparekrav\],1\)=0,"",/);
    expect(f).toContain("FIXED(SUM(Gruppesum[Sparekrav]),1)");
    expect(f).toContain("Gjenstår 2029");
    expect(f).not.toMatch(/-?4[01]\b/); // the figures come from the tables, not from this report
  });

  test("Gruppesum's totals row says so beside its own «Sparekrav» total", () => {
    const spec = layout.find((t) => t.key === "groupSummary")!;
    const total = spec.columns.find((c) => c.name === "Arbeidsgruppe")!.total!;
    expect(total).toMatch(/^=IF\(ROUND\(SUM\(Gruppesum\[Sparekrav\]\)-\(-40\),1\)=0,"",/);
    expect(total).toContain("FIXED(-40,1)");
  });
});
