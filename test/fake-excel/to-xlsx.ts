// The strict fake host's workbook saved as an .xlsx through the file renderer's own primitives
// (src/xlsx/cells.ts): what the Office.js adapter wrote — sheets, tables with their totals rows, cell
// values and formulas (canonical formula-bar text, turned into the file grammar), number formats,
// fills, validation, conditional formats, widths, frozen rows and names holding constants (the
// catalogue's identity) — so a real engine can recalculate it. Not exported: charts (ExcelJS writes
// none) and the add-in's memory (a workbook setting: in a real file it lives in the Office
// web-extension part, not in cells).
import ExcelJS from "exceljs";
import { parseAddress, type Rect } from "../../src/domain/a1";
import { ICON_SET_FILE_NAME, type ValidationSpec } from "../../src/domain/layout";
import { addConditionalFormat, addIconSet, addTable, addValidation, freezeRows, setBold, setCell, setColumnWidth, setFill, setFormat, type FileCell } from "../../src/xlsx/cells";
import { addConstantName } from "../../src/xlsx/render";
import type { CellModel, SheetModel, TableModel, WorkbookModel } from "./model";

function fileCell(cell: CellModel | undefined): FileCell {
  if (!cell) return null;
  if (cell.formula !== null) return { formula: cell.formula };
  return cell.value === "" ? null : cell.value;
}

/** Office.js's DataValidationRule and errorAlert (as the adapter sets them) in the layout's terms. */
function validationSpec(rule: unknown, alert: unknown): ValidationSpec | null {
  const r = rule as { list?: { source: string }; decimal?: { formula1: number; formula2: number }; custom?: { formula: string } } | undefined;
  const message = (alert as { message?: string } | undefined)?.message ?? "";
  if (r?.list) return { kind: "list", source: r.list.source };
  if (r?.decimal) return { kind: "decimal", min: Number(r.decimal.formula1), max: Number(r.decimal.formula2), message };
  if (r?.custom && /^=?FALSE$/i.test(r.custom.formula)) return { kind: "reject", message };
  if (r) throw new Error(`to-xlsx: unknown validation ${JSON.stringify(rule)}`);
  return null;
}

/** Office.js's icon-set style in the file's spelling (the styles the layout uses). */
function iconSetFileName(style: string): string {
  const name = (ICON_SET_FILE_NAME as Readonly<Record<string, string>>)[style];
  if (!name) throw new Error(`to-xlsx: unknown icon set ${style}`);
  return name;
}

/** The two criteria above the lowest icon, as numbers (the adapter writes "Number", "GreaterThanOrEqual", "=2"). */
function iconThresholds(criteria: readonly { type: string; operator: string; formula: string }[]): [number, number] {
  const values = criteria.map((c) => {
    if (c.type !== "Number" || c.operator !== "GreaterThanOrEqual" || !/^=-?\d+(\.\d+)?$/.test(c.formula)) throw new Error(`to-xlsx: unsupported icon criterion ${JSON.stringify(c)}`);
    return Number(c.formula.slice(1));
  });
  if (values.length !== 2) throw new Error("to-xlsx: a three-icon set needs two criteria");
  return [values[0] as number, values[1] as number];
}

function inside(t: TableModel, r: number, c: number): boolean {
  return r >= t.rect.row && r < t.rect.row + t.rect.rows && c >= t.rect.col && c < t.rect.col + t.rect.cols;
}

function exportTable(model: WorkbookModel, ws: ExcelJS.Worksheet, t: TableModel): void {
  const s = t.sheet;
  const { row, col, rows, cols } = t.rect;
  const body = model.bodyRect(t);
  const line = (r: number) => Array.from({ length: cols }, (_, c) => fileCell(model.cell(s, r, col + c)));
  addTable(ws, {
    name: t.name,
    top: row,
    left: col,
    header: Array.from({ length: cols }, (_, c) => String(model.valueOf(s, row, col + c))),
    body: Array.from({ length: body.rows }, (_, i) => line(body.row + i)),
    totals: t.showTotals ? line(row + rows - 1) : null,
    style: t.style,
  });
}

function exportSheet(model: WorkbookModel, wb: ExcelJS.Workbook, s: SheetModel): void {
  const ws = wb.addWorksheet(s.name);
  const ours = model.tables.filter((t) => t.sheet === s);
  for (const t of ours) exportTable(model, ws, t);
  for (const [k, cell] of s.cells) {
    const [r, c] = k.split(",").map(Number) as [number, number];
    const table = ours.find((t) => inside(t, r, c));
    if (!table) setCell(ws, r, c, fileCell(cell));
    setFormat(ws, r, c, cell.numberFormat);
    if (cell.fill) setFill(ws, r, c, cell.fill);
    if (cell.bold) setBold(ws, r, c);
    const v = validationSpec(cell.validation, cell.errorAlert);
    if (v) addValidation(ws, { row: r, col: c, rows: 1, cols: 1 }, v);
  }
  for (const cf of s.conditionalFormats) {
    const rect: Rect = parseAddress(cf.address).rect;
    if (cf.type === "IconSet" && cf.iconSet) {
      addIconSet(ws, rect, iconSetFileName(cf.iconSet.style), iconThresholds(cf.iconSet.criteria));
      continue;
    }
    if (cf.type !== "Custom" || !cf.formula || !cf.fill) throw new Error(`to-xlsx: unsupported conditional format ${JSON.stringify(cf)}`);
    addConditionalFormat(ws, rect, cf.formula, cf.fill);
  }
  for (const [c, points] of s.columnWidths) setColumnWidth(ws, c, points);
  if (s.frozenRows > 0) freezeRows(ws, s.frozenRows);
}

/** The fake host's workbook as an ExcelJS workbook, set to recalculate fully when opened. */
export function fakeToWorkbook(model: WorkbookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of model.sheets) exportSheet(model, wb, s);
  // Names holding a constant (NamedItem.value): text as a quoted string, numbers as themselves.
  for (const name of model.names) {
    const v = model.nameValues.get(name);
    if (typeof v === "string") addConstantName(wb, name, `="${v.replace(/"/g, '""')}"`);
    else if (typeof v === "number") addConstantName(wb, name, `=${v}`);
  }
  wb.calcProperties.fullCalcOnLoad = true;
  return wb;
}
