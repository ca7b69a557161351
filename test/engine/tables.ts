// Reading and typing into the tables of an ExcelJS workbook, as a user would in the file: by table
// name, column header and row key. Rows and columns are 0-based here, as in src/domain/a1.ts.
import type { Cell, Workbook, Worksheet } from "exceljs";
import { parseAddress } from "../../src/domain/a1";
import { storedForm } from "../../src/domain/insertPlan";
import type { CellValue } from "../../src/domain/layout";
import { toFileFormula } from "../../src/xlsx/formula";

export interface TableView {
  readonly name: string;
  readonly ws: Worksheet;
  /** Header row and first column (0-based). */
  readonly top: number;
  readonly left: number;
  readonly header: readonly string[];
  readonly bodyRows: number;
  readonly totals: boolean;
}

interface ExcelJsTableModel {
  name: string;
  /** The whole table (header, body, totals): set on tables made or read by ExcelJS alike. */
  tableRef: string;
  columns: { name: string }[];
  totalsRow: boolean;
}

export function tables(wb: Workbook): TableView[] {
  return wb.worksheets.flatMap((ws) =>
    (ws.getTables() as unknown as { table: ExcelJsTableModel }[]).map(({ table: t }) => {
      const { rect } = parseAddress(t.tableRef);
      return {
        name: t.name,
        ws,
        top: rect.row,
        left: rect.col,
        header: t.columns.map((c) => c.name),
        bodyRows: rect.rows - 1 - (t.totalsRow ? 1 : 0),
        totals: !!t.totalsRow,
      };
    }),
  );
}

export function table(wb: Workbook, name: string): TableView {
  const t = tables(wb).find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

export const cellAt = (ws: Worksheet, row: number, col: number): Cell => ws.getCell(row + 1, col + 1);

/** A constant cell's value as text ("" for empty), for matching row keys. */
export function text(c: Cell): string {
  const v = c.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return "";
  return String(v);
}

export function column(t: TableView, name: string): number {
  const i = t.header.indexOf(name);
  if (i < 0) throw new Error(`${t.name} has no column ${name}`);
  return i;
}

/** The sheet row of the body row whose key columns hold `key` ("2.10", or "2.10#2027" for two columns). */
export function rowOf(t: TableView, keyColumns: readonly string[], key: string): number {
  const cols = keyColumns.map((c) => column(t, c));
  for (let r = t.top + 1; r <= t.top + t.bodyRows; r++) {
    if (cols.map((c) => text(cellAt(t.ws, r, t.left + c))).join("#") === key) return r;
  }
  throw new Error(`${t.name} has no row ${key}`);
}

/** Types a value into a table cell, as a user would. */
export function type(t: TableView, keyColumns: readonly string[], key: string, columnName: string, value: string | number): void {
  cellAt(t.ws, rowOf(t, keyColumns, key), t.left + column(t, columnName)).value = value;
}

interface TableApi {
  addRow(values: unknown[]): void;
  removeRows(index: number, count?: number): void;
  commit(): void;
  table: { rows: unknown[][] };
}

/**
 * Rows added at the end of a table (ExcelJS's table API: the table grows, its cells are rewritten from
 * its model), after `keep` has chosen which of the model's rows stay (e.g. not an empty first row).
 */
export function appendRows(wb: Workbook, name: string, rows: readonly (readonly CellValue[])[], keep: (model: readonly (readonly unknown[])[]) => readonly (readonly unknown[])[]): void {
  const t = table(wb, name);
  const api = t.ws.getTable(t.name) as unknown as TableApi;
  const kept = keep(api.table.rows);
  api.removeRows(0, api.table.rows.length);
  for (const r of kept) api.addRow([...r]);
  for (const r of rows) api.addRow(r.map((v) => (typeof v === "object" ? { formula: toFileFormula(v.formula, t.name) } : ((x) => (x === "" ? null : x))(storedForm(v)))));
  api.commit();
}
