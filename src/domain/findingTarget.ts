// Where in the workbook a finding points: the cells a controller should look at.
import { parseAddress, quoteSheet, rectAddress, type Rect } from "./a1";
import type { ExistingTable } from "./insertPlan";
import type { TableKey } from "./layout";
import type { Finding } from "./reconcile";

export interface CellTarget {
  readonly sheet: string;
  /** Address without the sheet, e.g. "H12:I12". */
  readonly address: string;
}

/** Rules about a measure's own effect table are shown there; the others at its summary row. */
const IN_LINES = new Set(["lines-vs-net", "copied-row", "unit", "sign"]);

function bodyRows(t: ExistingTable, keyColumn: string, key: string): number[] {
  const c = t.header.indexOf(keyColumn);
  const out: number[] = [];
  t.body.forEach((row, i) => {
    if (String(row[c] ?? "").trim() === key) out.push(i);
  });
  return out;
}

function span(t: ExistingTable, rows: number[], cols: number[]): CellTarget | null {
  if (rows.length === 0) return null;
  const { sheet, rect } = parseAddress(t.address);
  const c = cols.filter((x) => x >= 0);
  const colFrom = c.length > 0 ? Math.min(...c) : 0;
  const colTo = c.length > 0 ? Math.max(...c) : t.header.length - 1;
  const r: Rect = { row: rect.row + 1 + Math.min(...rows), col: rect.col + colFrom, rows: Math.max(...rows) - Math.min(...rows) + 1, cols: colTo - colFrom + 1 };
  return { sheet: sheet ?? t.sheet, address: rectAddress(r) };
}

export function findingTarget(f: Finding, tables: Partial<Record<TableKey, ExistingTable | null>>): CellTarget | null {
  if (f.measure) {
    const lines = tables.lines;
    if (IN_LINES.has(f.rule) && lines) {
      const cols = f.years.map((y) => lines.header.indexOf(`Trykt ${y}`));
      return span(lines, bodyRows(lines, "Nr", f.measure), cols);
    }
    const measures = tables.measures;
    if (!measures) return null;
    return span(measures, bodyRows(measures, "Nr", f.measure), f.years.map((y) => measures.header.indexOf(String(y))));
  }
  const groups = tables.groupSummary;
  if (f.group !== null && groups) {
    return span(groups, bodyRows(groups, "Gruppe", String(f.group)), f.years.map((y) => groups.header.indexOf(`Rapport ${y}`)));
  }
  const t = f.rule === "total-category" ? tables.categorySummary : tables.groupSummary;
  if (!t) return null;
  return span(t, t.body.map((_, i) => i), f.years.map((y) => t.header.indexOf(`Rapport ${y}`)));
}

export function qualified(t: CellTarget): string {
  return `${quoteSheet(t.sheet)}!${t.address}`;
}
