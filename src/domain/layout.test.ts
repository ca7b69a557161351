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
