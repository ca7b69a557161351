import catalogueJson from "../data/catalogue.json";
import { loadCatalogue } from "./catalogue";
import { rowKey, storedForm } from "./insertPlan";
import { catalogueLayout, safeText } from "./layout";

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
