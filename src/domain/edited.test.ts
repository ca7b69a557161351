import { bundledCatalogue as cat } from "../data/bundled";
import { catalogueFromTables, cellFromWorkbook } from "./edited";
import { storedForm } from "./insertPlan";
import { catalogueLayout } from "./layout";
import { reconcile } from "./reconcile";

/** The Tiltak table as the add-in writes it, with some cells as a user typed them. */
function measuresTable(typed: Record<string, Record<string, number>>) {
  const spec = catalogueLayout(cat, undefined, []).find((t) => t.key === "measures")!;
  const header = spec.columns.map((c) => c.name);
  const formulas = spec.rows.map((r) => r.cells.map(storedForm));
  const values = spec.rows.map((r, i) => (formulas[i] ?? []).map((v, j) => typed[r.key]?.[header[j] as string] ?? v));
  const edited = spec.rows.map((r, i) => (values[i] ?? []).map((v, j) => (typed[r.key]?.[header[j] as string] !== undefined ? v : formulas[i]?.[j] ?? null)));
  return { header, formulas: edited, values };
}

describe("figures typed into the workbook are held to what a catalogue may hold", () => {
  const [a, b] = cat.measures.filter((m) => m.summary).map((m) => m.id) as [string, string];
  const year = String(cat.years[2]);

  test("a computed third (=1/3) is read as -0.333, half-up at the catalogue's three decimals; the re-check runs", () => {
    const edited = catalogueFromTables(cat, measuresTable({ [a]: { [year]: -1 / 3 } }), null);
    expect(edited.measure(a)?.summary?.values[year]).toBe(-0.333);
    expect(() => reconcile(edited)).not.toThrow();
  });

  test("a figure past the catalogue's bound becomes an unreadable cell (a finding), not a loader error", () => {
    const edited = catalogueFromTables(cat, measuresTable({ [b]: { [year]: 1e300 } }), null);
    expect(edited.measure(b)?.summary?.values[year]).toMatchObject({ unreadable: "1e+300" });
    expect(reconcile(edited).some((f) => f.measure === b && f.rule === "unreadable")).toBe(true);
  });

  test("half-up, not binary rounding: -0.0005 → -0.001 and 1.0005 → 1.001", () => {
    expect(cellFromWorkbook(-0.0005)).toBe(-0.001);
    expect(cellFromWorkbook(1.0005)).toBe(1.001);
  });
});
