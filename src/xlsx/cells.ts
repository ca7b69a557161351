// The file renderer's primitives over ExcelJS: cells, tables, formats, validation, conditional formats,
// widths and the frozen header, each as Excel itself would store what the Office.js adapter writes.
// Shared by the layout renderer (render.ts) and the test export of the strict fake host's workbook, so
// both renderers are saved the same way. Formulas come in the formula bar's grammar ("=…[@Nr]…").
import type { DataValidation, Fill, Worksheet } from "exceljs";
import { columnLetters, rectAddress, type Rect } from "../domain/a1";
import type { ValidationSpec } from "../domain/layout";
import { toFileFormula } from "./formula";

/** A cell as the adapter writes it: a constant, or a formula in the formula bar's grammar. */
export type FileCell = string | number | boolean | null | { readonly formula: string };

/** ExcelJS's value for a cell: "" is an empty cell (as Office.js makes of ""), formulas in file form. */
function exceljsValue(v: FileCell, ownTable: string | null): string | number | boolean | null | { formula: string } {
  if (v === null || v === "") return null;
  if (typeof v === "object") return { formula: toFileFormula(v.formula, ownTable) };
  return v;
}

/** ExcelJS rows and columns are 1-based; ours are 0-based. */
export function setCell(ws: Worksheet, row: number, col: number, v: FileCell, ownTable: string | null = null): void {
  ws.getCell(row + 1, col + 1).value = exceljsValue(v, ownTable);
}

export function setFormat(ws: Worksheet, row: number, col: number, format: string): void {
  if (format !== "General") ws.getCell(row + 1, col + 1).numFmt = format;
}

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

export function setFill(ws: Worksheet, row: number, col: number, hex: string): void {
  ws.getCell(row + 1, col + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

export function setBold(ws: Worksheet, row: number, col: number): void {
  ws.getCell(row + 1, col + 1).font = { bold: true };
}

export function setItalic(ws: Worksheet, row: number, col: number): void {
  ws.getCell(row + 1, col + 1).font = { italic: true };
}

/**
 * A column width given in points (as Office.js's columnWidth) in the file's unit: characters of the
 * default font's widest digit. ECMA-376 Part 1, 18.3.1.13 (col): width = trunc((pixels − 5) / 7 × 100
 * + 0.5) / 100 for Calibri 11's 7-pixel digit; 96 pixels per 72 points.
 */
export function widthInCharacters(points: number): number {
  const pixels = (points * 96) / 72;
  return Math.max(0, Math.trunc(((pixels - 5) / 7) * 100 + 0.5) / 100);
}

export function setColumnWidth(ws: Worksheet, col: number, points: number): void {
  ws.getColumn(col + 1).width = widthInCharacters(points);
}

export function freezeRows(ws: Worksheet, rows: number): void {
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: rows, topLeftCell: `A${rows + 1}`, activeCell: `A${rows + 1}` }];
}

export interface FileTable {
  readonly name: string;
  /** Header row and first column, 0-based. */
  readonly top: number;
  readonly left: number;
  readonly header: readonly string[];
  readonly body: readonly (readonly FileCell[])[];
  /** The totals row (labels and formulas), or null for none. */
  readonly totals: readonly FileCell[] | null;
  readonly style: string;
}

// The table part names a totals function per column (ECMA-376 Part 1, 18.5.1.3 tableColumn:
// totalsRowFunction), and the totals cell holds the matching formula. A SUBTOTAL over the column itself
// is Excel's own function; any other formula stands in the cell with the function "none": ExcelJS
// cannot write the <totalsRowFormula> element a "custom" function needs, and a "custom" without it
// would be malformed.
const SUBTOTAL_FUNCTIONS: Readonly<Record<string, "average" | "countNums" | "count" | "max" | "min" | "stdDev" | "var" | "sum">> = {
  "101": "average",
  "102": "countNums",
  "103": "count",
  "104": "max",
  "105": "min",
  "106": "stdDev",
  "107": "var",
  "109": "sum",
};

function totalsFunction(table: string, column: string, formula: string): string {
  const m = /^=?SUBTOTAL\((\d+),\s*([^[\s]+)\[\[?([^\]]*)\]\]?\)$/i.exec(formula.trim());
  const own = m && m[2]?.toLowerCase() === table.toLowerCase() && m[3]?.replace(/'(.)/g, "$1").toLowerCase() === column.toLowerCase();
  return (own && SUBTOTAL_FUNCTIONS[m[1] as string]) || "none";
}

/** A real Excel table: header, body, optional totals row, the style, and the table part naming it all. */
export function addTable(ws: Worksheet, t: FileTable): void {
  const n = t.header.length;
  const columns = t.header.map((name, i) => {
    const total = t.totals?.[i] ?? null;
    // Filter buttons shown, as on a table Excel makes.
    if (total !== null && typeof total === "object") return { name, filterButton: true, totalsRowFunction: totalsFunction(t.name, name, total.formula) };
    if (typeof total === "string" && total !== "") return { name, filterButton: true, totalsRowLabel: total };
    return { name, filterButton: true };
  });
  ws.addTable({
    name: t.name,
    ref: `${columnLetters(t.left)}${t.top + 1}`,
    headerRow: true,
    totalsRow: t.totals !== null,
    // Office.js's tables.add shows banded rows; so does the file.
    style: { theme: t.style as never, showRowStripes: true },
    columns: columns as never,
    rows: t.body.map((row) => Array.from({ length: n }, (_, c) => exceljsValue(row[c] ?? null, t.name))),
  });
  // ExcelJS wrote its own spelling of the totals formulas ("T[Col]" without the brackets some
  // names need); the cells get the adapter's formulas, in file form.
  if (t.totals) {
    const row = t.top + 1 + t.body.length;
    t.totals.forEach((v, c) => setCell(ws, row, t.left + c, v, t.name));
  }
}

/** A data-validation rule as Excel applies it to cells typed into (API and file writes are not checked). */
function dataValidation(v: ValidationSpec): DataValidation {
  // errorStyle left at its default, "stop" (ECMA-376 Part 1, 18.18.18 ST_DataValidationErrorStyle).
  const alert = { showErrorMessage: true, errorTitle: "Tiltaksmeny" };
  switch (v.kind) {
    case "list":
      // A literal list in quotes, or a formula (INDIRECT over a table column) without its "="
      // (ECMA-376 Part 1, 18.3.1.32 dataValidation: formula1).
      return { type: "list", allowBlank: true, formulae: [v.source.startsWith("=") ? toFileFormula(v.source, null) : `"${v.source}"`], ...alert };
    case "decimal":
      return { type: "decimal", operator: "between", allowBlank: true, formulae: [v.min, v.max], ...alert, error: v.message };
    case "reject":
      return { type: "custom", allowBlank: true, formulae: ["FALSE"], ...alert, error: v.message };
  }
}

export function addValidation(ws: Worksheet, rect: Rect, v: ValidationSpec): void {
  // Not in ExcelJS's type declarations, but its documented worksheet API ("Data Validations").
  (ws as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(rectAddress(rect), dataValidation(v));
}

/** A formula rule; `formula` is relative to the rectangle's top-left cell, as in Excel. */
export function addConditionalFormat(ws: Worksheet, rect: Rect, formula: string, fill: string): void {
  const style: { fill: Fill } = { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill) } } };
  // Unique priorities per sheet, in the order the rules were added (as Office.js adds them).
  const priority = ((ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings?.length ?? 0) + 1;
  ws.addConditionalFormatting({ ref: rectAddress(rect), rules: [{ type: "expression", priority, formulae: [toFileFormula(formula, null)], style }] });
}

/**
 * An icon set (ECMA-376 Part 1, 18.3.1.49 iconSet): `style` the file's name ("3TrafficLights1"); the
 * lowest icon from 0 %, the next from `thresholds[0]`, the top one from `thresholds[1]` (cfvo type num;
 * gte, the default, so a value equal to a threshold gets that icon). Values shown beside the icons.
 */
export function addIconSet(ws: Worksheet, rect: Rect, style: string, thresholds: readonly [number, number]): void {
  const priority = ((ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings?.length ?? 0) + 1;
  const cfvo = [
    { type: "percent", value: 0 },
    { type: "num", value: thresholds[0] },
    { type: "num", value: thresholds[1] },
  ];
  ws.addConditionalFormatting({ ref: rectAddress(rect), rules: [{ type: "iconSet", priority, iconSet: style, showValue: true, reverse: false, cfvo } as never] });
}
