// Renders the table operations of an insert plan. Formulas with structured references are written
// only once the table they stand in exists under its final name: Excel refuses "[@Nr]" outside a
// table and "Tiltak[…]" before a table called Tiltak exists ("Using structured references with
// Excel tables"), so a table is created over its header and constants, named, and then given its formulas.
import type { TableOp } from "../domain/insertPlan";
import { usesTableReference } from "../domain/formula";
import { FORMATS, INPUT_FILL, totalsRow, type CellValue, type TableSpec } from "../domain/layout";
import { columnLetters, parseAddress, quoteSheet, rectAddress, type Rect } from "../domain/a1";
import { supports } from "./requirements";
import type { Writer } from "./writer";

const TABLE_STYLE = "TableStyleMedium2";

export function formulaCell(v: CellValue): string | number {
  return typeof v === "object" ? v.formula : v;
}

/** Formula cells that must wait until their table exists (those with structured references). */
const deferred = (v: CellValue): boolean => typeof v === "object" && usesTableReference(v.formula);

export function fill<T>(rows: number, cols: number, f: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
}

function addr(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(r)}`;
}

type Column = TableSpec["columns"][number];

/** Consecutive rows of one column, so a set of cell writes is a handful of range writes. */
function runs(writes: readonly { row: number; col: number; value: CellValue }[]): { col: number; row: number; values: CellValue[] }[] {
  const sorted = [...writes].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: { col: number; row: number; values: CellValue[] }[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && last.col === w.col && last.row + last.values.length === w.row) last.values.push(w.value);
    else out.push({ col: w.col, row: w.row, values: [w.value] });
  }
  return out;
}

async function writeRuns(w: Writer, sheet: Excel.Worksheet, top: number, left: number, cells: readonly { row: number; col: number; value: CellValue }[]): Promise<void> {
  for (const run of runs(cells)) {
    await w.rows((r, n) => sheet.getRange(rectAddress({ row: top + run.row + r, col: left + run.col, rows: n, cols: 1 })), "formulas", run.values.map((v) => [formulaCell(v)]));
  }
}

/** Validation and input fill for one column's cells (validation is ExcelApi 1.8; older hosts skip it). */
function styleColumn(range: Excel.Range, column: Column): void {
  if (column.input) range.format.fill.color = INPUT_FILL;
  const v = column.validation;
  if (!v) return;
  if (!supports("1.8")) return;
  if (v.kind === "list") {
    range.dataValidation.rule = { list: { inCellDropDown: true, source: v.source } };
    return;
  }
  if (v.kind === "decimal") {
    range.dataValidation.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" as Excel.DataValidationOperator } };
  } else {
    range.dataValidation.rule = { custom: { formula: "=FALSE" } };
  }
  range.dataValidation.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: "Tiltaksmeny", message: v.message };
}

/** Category axis set explicitly: Excel would plot a numeric year column as one more series (ExcelApi 1.7). */
function addChart(sheet: Excel.Worksheet, spec: TableSpec): void {
  const chartSpec = spec.chart;
  if (!chartSpec || spec.rows.length === 0) return;
  if (!supports("1.7")) return;
  const index = (name: string) => spec.columns.findIndex((c) => c.name === name);
  const first = index(chartSpec.series[0] as string);
  const rows = spec.rows.length;
  const type = chartSpec.type === "column" ? "ColumnClustered" : "Line";
  const chart = sheet.charts.add(type as Excel.ChartType, sheet.getRange(rectAddress({ row: spec.startRow, col: first, rows: rows + 1, cols: chartSpec.series.length })), "Columns" as Excel.ChartSeriesBy);
  chart.axes.categoryAxis.setCategoryNames(sheet.getRange(rectAddress({ row: spec.startRow + 1, col: index(chartSpec.categories), rows, cols: 1 })));
  chart.title.text = chartSpec.title;
  // Beside the table, or below it (one blank row between) when the cells to its right hold text.
  chart.setPosition(chartSpec.below ? `A${spec.startRow + 1 + rows + 2}` : `${columnLetters(spec.columns.length + 1)}${spec.startRow + 1}`);
}

/** Conditional formats (ExcelApi 1.6), scoped to the table's body columns, never whole sheets. */
function addConditionalFormats(sheet: Excel.Worksheet, spec: TableSpec): void {
  if (spec.rows.length === 0) return;
  if (!supports("1.6")) return;
  for (const cf of spec.conditionalFormats ?? []) {
    const a = spec.columns.findIndex((c) => c.name === cf.firstColumn);
    const b = spec.columns.findIndex((c) => c.name === cf.lastColumn);
    const format = sheet.getRange(rectAddress({ row: spec.startRow + 1, col: a, rows: spec.rows.length, cols: b - a + 1 })).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    format.custom.rule.formula = cf.formula;
    format.custom.format.fill.color = cf.fill;
  }
}

/**
 * Native icon sets over `rows` body rows from sheet row `top` (ExcelApi 1.6): the criteria replaced
 * whole, the first (the lowest icon) left empty, as Microsoft's sample does ("Apply conditional
 * formatting to Excel ranges", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting#icon-set).
 * `only` limits them to some columns (an upgrade adds the icon sets of the columns it adds).
 */
function addIconSets(sheet: Excel.Worksheet, spec: TableSpec, at: { top: number; left: number; rows: number }, colOf: (name: string) => number, only?: ReadonlySet<string>): void {
  if (at.rows === 0) return;
  if (!supports("1.6")) return;
  for (const s of spec.iconSets ?? []) {
    if (only && !only.has(s.column)) continue;
    const range = sheet.getRange(rectAddress({ row: at.top, col: at.left + colOf(s.column), rows: at.rows, cols: 1 }));
    const format = range.conditionalFormats.add("IconSet" as Excel.ConditionalFormatType);
    const from = (value: number): Excel.ConditionalIconCriterion => ({ type: "Number" as Excel.ConditionalFormatIconRuleType, operator: "GreaterThanOrEqual" as Excel.ConditionalIconCriterionOperator, formula: `=${value}` });
    format.iconSet.style = s.style as Excel.IconSet;
    format.iconSet.criteria = [{} as Excel.ConditionalIconCriterion, from(s.thresholds[0]), from(s.thresholds[1])];
  }
}

/** Creates the table of `op`; returns it with its id loaded (known after the next sync). */
export async function renderCreate(w: Writer, op: Extract<TableOp, { kind: "create" }>): Promise<Excel.Table> {
  const { spec } = op;
  const wb = w.context.workbook;
  const sheet = op.newSheet ? wb.worksheets.add(op.sheet) : wb.worksheets.getItem(op.sheet);
  const n = spec.columns.length;
  const rows = spec.rows.length;
  const top = spec.startRow;
  if (spec.caption && top > 0) {
    const cap = sheet.getRange(rectAddress({ row: top - 1, col: 0, rows: 1, cols: 1 }));
    cap.values = [[spec.caption]];
    cap.format.font.bold = true;
  }
  const header = sheet.getRange(rectAddress({ row: top, col: 0, rows: 1, cols: n }));
  header.numberFormat = [spec.columns.map(() => FORMATS.text)];
  header.values = [spec.columns.map((c) => c.name)];
  w.small();
  const bodyAt = (r: number, count: number) => sheet.getRange(rectAddress({ row: top + 1 + r, col: 0, rows: count, cols: n }));
  // Constants now; formulas naming a table once the table exists (blank until then).
  const later: { row: number; col: number; value: CellValue }[] = [];
  const now = spec.rows.map((r, row) =>
    r.cells.map((value, col) => {
      if (!deferred(value)) return formulaCell(value);
      later.push({ row, col, value });
      return "";
    }),
  );
  // Formats first: a text column must be text before "2.10" lands in it, or Excel makes it 2.1.
  await w.rows(bodyAt, "numberFormat", spec.rows.map(() => spec.columns.map((c) => c.format)));
  await w.rows(bodyAt, "formulas", now);

  const table = wb.tables.add(addr(op.sheet, { row: top, col: 0, rows: rows + 1, cols: n }), true);
  table.name = spec.table;
  table.style = TABLE_STYLE;
  // The id survives renames (Table.id reference): the memory records it once this request is sent.
  table.load("id");
  const totals = totalsRow(spec);
  if (totals) {
    table.showTotals = true;
    // Formats first (numberFormat, ExcelApi 1.1): totals read like the figures above them, and a
    // formula in a text column's totals cell is not kept as text.
    const row = sheet.getRange(rectAddress({ row: top + 1 + rows, col: 0, rows: 1, cols: n }));
    row.numberFormat = [[...totals.formats]];
    row.formulas = [[...totals.formulas]];
  }
  await writeRuns(w, sheet, top + 1, 0, later);

  spec.columns.forEach((c, i) => {
    const letter = columnLetters(i);
    // Widths are the sheet's, not the table's: set on our new sheets only, never on a sheet already in use.
    if (op.newSheet) sheet.getRange(`${letter}:${letter}`).format.columnWidth = c.width;
    if (rows > 0 && (c.input || c.validation)) styleColumn(sheet.getRange(rectAddress({ row: top + 1, col: i, rows, cols: 1 })), c);
    w.small();
  });
  if (top === 0 && op.newSheet && supports("1.7")) sheet.freezePanes.freezeRows(1);
  addChart(sheet, spec);
  addConditionalFormats(sheet, spec);
  addIconSets(sheet, spec, { top: top + 1, left: 0, rows }, (name) => spec.columns.findIndex((c) => c.name === name));
  return table;
}

/**
 * Rewrites a table the add-in recomputes (Avvik): fit the row count (the table object, and formulas
 * naming it, survive), then write every row across the table's whole width — the user's own columns
 * too, whose cells replaceOp has moved with their finding. Rows are added and deleted whole: Excel
 * will not shift part of a table's row. Our columns get their number formats (text before "2.10"
 * lands); the user's columns keep theirs.
 */
export async function renderReplace(w: Writer, op: Extract<TableOp, { kind: "replace" }>): Promise<void> {
  const { existing, spec } = op;
  const sheet = w.context.workbook.worksheets.getItem(existing.sheet);
  const { rect } = parseAddress(existing.address);
  const width = existing.header.length;
  const before = existing.body.length;
  const after = op.rows.length;
  if (after > before) {
    const blank = fill(after - before, width, () => "");
    await w.room(JSON.stringify(blank).length);
    w.context.workbook.tables.getItem(existing.name).rows.add(undefined, blank);
  }
  if (after < before) sheet.getRange(rectAddress({ row: rect.row + 1 + after, col: rect.col, rows: before - after, cols: width })).delete("Up");
  // Our columns, as runs of adjacent columns (a user's column may stand between them).
  const formatOf = existing.header.map((h) => spec.columns.find((c) => c.name === String(h ?? "").trim())?.format ?? null);
  for (let c = 0; c < width; c++) {
    if (formatOf[c] === null || (c > 0 && formatOf[c - 1] !== null)) continue;
    let end = c;
    while (end + 1 < width && formatOf[end + 1] !== null) end++;
    const formats = formatOf.slice(c, end + 1) as string[];
    const block = (r: number, count: number) => sheet.getRange(rectAddress({ row: rect.row + 1 + r, col: rect.col + c, rows: count, cols: end - c + 1 }));
    await w.rows(block, "numberFormat", op.rows.map(() => formats));
  }
  const at = (r: number, count: number) => sheet.getRange(rectAddress({ row: rect.row + 1 + r, col: rect.col, rows: count, cols: width }));
  await w.rows(at, "formulas", op.rows.map((r) => r.map(formulaCell)));
}

export async function renderUpdate(w: Writer, op: Extract<TableOp, { kind: "update" }>): Promise<void> {
  const { existing, spec } = op;
  const sheet = w.context.workbook.worksheets.getItem(existing.sheet);
  const { rect } = parseAddress(existing.address);
  const bodyTop = rect.row + 1;
  if (op.addColumns && op.addColumns.length > 0) {
    // Upgrade in place: append our missing columns (index null and a name need ExcelApi 1.4, the floor),
    // formatted like their kind before any value lands, then the writes fill them.
    const table = w.context.workbook.tables.getItem(existing.name);
    for (const name of op.addColumns) {
      const column = table.columns.add(-1, undefined, name);
      const ours = spec.columns.find((c) => c.name === name);
      if (ours && existing.body.length > 0) {
        const body = column.getDataBodyRange();
        body.numberFormat = fill(existing.body.length, 1, () => ours.format);
        if (ours.input || ours.validation) styleColumn(body, ours);
      }
    }
    w.small();
  }
  await writeRuns(w, sheet, bodyTop, rect.col, op.writes);
  if (op.totals && op.totals.length > 0) {
    // The totals row is the range's last row; appended rows (below) go in above it, so write it first.
    const totalsRow = rect.row + rect.rows - 1;
    for (const t of op.totals) {
      const cell = sheet.getRange(rectAddress({ row: totalsRow, col: rect.col + t.col, rows: 1, cols: 1 }));
      cell.numberFormat = [[t.format]];
      if (t.formula !== null) cell.formulas = [[t.formula]];
    }
    w.small();
  }
  if (op.append.length === 0) return;
  const width = existing.header.length + (op.addColumns?.length ?? 0);
  const blank = fill(op.append.length, width, () => "");
  await w.room(JSON.stringify(blank).length);
  w.context.workbook.tables.getItem(existing.name).rows.add(undefined, blank);
  const formatOf = (ci: number) => spec.columns.find((c) => op.columnIndex[c.name] === ci)?.format ?? "General";
  const first = bodyTop + existing.body.length;
  const at = (r: number, count: number) => sheet.getRange(rectAddress({ row: first + r, col: rect.col, rows: count, cols: width }));
  await w.rows(at, "numberFormat", op.append.map(() => Array.from({ length: width }, (_, c) => formatOf(c))));
  // The new rows are inside the table now, so their structured references are valid.
  await w.rows(at, "formulas", op.append.map((r) => r.map(formulaCell)));
  for (const c of spec.columns) {
    if (c.input || c.validation) styleColumn(sheet.getRange(rectAddress({ row: first, col: rect.col + (op.columnIndex[c.name] as number), rows: op.append.length, cols: 1 })), c);
  }
}

/** The icon sets of columns an upgrade added, over every body row (those it appended too). */
function iconSetsOfAddedColumns(w: Writer, op: Extract<TableOp, { kind: "update" }>): void {
  const added = new Set(op.addColumns ?? []);
  if (!op.spec.iconSets?.some((s) => added.has(s.column))) return;
  const { rect } = parseAddress(op.existing.address);
  const sheet = w.context.workbook.worksheets.getItem(op.existing.sheet);
  addIconSets(sheet, op.spec, { top: rect.row + 1, left: rect.col, rows: op.existing.body.length + op.append.length }, (name) => op.columnIndex[name] as number, added);
  w.small();
}

/** Every operation of the plan, then the new sheets' positions. Returns the created tables by layout key. */
/** The op with its table's address moved by the row shifts of tables above it on its sheet. */
function shifted<T extends Exclude<TableOp, { kind: "create" }>>(op: T, shifts: readonly { sheet: string; below: number; col: number; cols: number; by: number }[]): T {
  const { sheet, rect } = parseAddress(op.existing.address);
  const by = shifts
    .filter((s) => s.sheet === op.existing.sheet.toLowerCase() && rect.row > s.below && rect.col < s.col + s.cols && s.col < rect.col + rect.cols)
    .reduce((n, s) => n + s.by, 0);
  if (by === 0) return op;
  const address = `${sheet ? `${quoteSheet(sheet)}!` : ""}${rectAddress({ ...rect, row: rect.row + by })}`;
  return { ...op, existing: { ...op.existing, address } };
}

export async function renderOps(
  w: Writer,
  ops: readonly TableOp[],
  sheetPositions: readonly { readonly sheet: string; readonly position: number }[],
): Promise<Map<string, Excel.Table>> {
  const created = new Map<string, Excel.Table>();
  // Rows added to (or taken from) a table move the tables below it on the same sheet (Gruppesum above
  // Kategorisum and ValgtMotMal): later ops must write where those tables stand now, not where they were read.
  const shifts: { sheet: string; below: number; col: number; cols: number; by: number }[] = [];
  for (const original of ops) {
    if (original.kind === "create") {
      created.set(original.spec.key, await renderCreate(w, original));
      continue;
    }
    const op = shifted(original, shifts);
    const { rect } = parseAddress(op.existing.address);
    const by = op.kind === "update" ? op.append.length : op.rows.length - op.existing.body.length;
    if (by !== 0) shifts.push({ sheet: op.existing.sheet.toLowerCase(), below: rect.row, col: rect.col, cols: rect.cols, by });
    if (op.kind === "update") {
      await renderUpdate(w, op);
      iconSetsOfAddedColumns(w, op);
    } else await renderReplace(w, op);
  }
  for (const p of sheetPositions) w.context.workbook.worksheets.getItem(p.sheet).position = p.position;
  return created;
}
