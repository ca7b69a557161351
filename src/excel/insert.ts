// Renders an insert plan into the workbook: one read round trip (two when the add-in's tables were
// renamed), one write round trip, whatever the size of the catalogue. On failure, undoes what it did.
import type { Catalogue } from "../domain/catalogue";
import {
  describeInsert,
  MEMORY_KEY,
  parseMemory,
  planInsert,
  type ExistingTable,
  type InsertPlan,
  type StoredCell,
  type TableOp,
  type WorkbookState,
} from "../domain/insertPlan";
import { DEFAULT_TABLE_NAMES, FORMATS, INPUT_FILL, TABLE_KEYS, type CellValue, type TableKey, type TableSpec } from "../domain/layout";
import { columnLetters, parseAddress, quoteSheet, rectAddress, type Rect } from "../domain/a1";
import { catalogueFromTables } from "../domain/edited";
import { inputFindings } from "../domain/inputCheck";
import { reconcile } from "../domain/reconcile";
import { supports } from "./requirements";

export interface InsertResult {
  readonly plan: InsertPlan;
  readonly messages: readonly string[];
}

type Progress = (step: string) => void;

const TABLE_STYLE = "TableStyleMedium2";

interface TableProbe {
  readonly table: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly range: Excel.Range;
}

function probeTable(context: Excel.RequestContext, name: string): TableProbe {
  const table = context.workbook.tables.getItemOrNullObject(name);
  table.load("name,showTotals");
  const sheet = table.worksheet;
  sheet.load("name");
  const range = table.getRange();
  range.load("address,formulas,values");
  return { table, sheet, range };
}

/** A table as the re-check reads it: what we wrote (formulas) and what the user sees (values). */
export const tableValues = (t: ExistingTable | null | undefined) => (t ? { header: t.header, formulas: t.body, values: t.values ?? t.body } : null);

function existingFrom(p: TableProbe): ExistingTable | null {
  if (p.table.isNullObject) return null;
  const rows = p.range.formulas as StoredCell[][];
  const header = (rows[0] ?? []).map((h) => String(h ?? ""));
  const end = p.table.showTotals ? rows.length - 1 : rows.length;
  const body = rows.slice(1, end);
  const values = (p.range.values as StoredCell[][]).slice(1, end);
  return { name: p.table.name, sheet: p.sheet.name, address: p.range.address, header, body, values, showTotals: p.table.showTotals };
}

/** Reads everything the planner needs: one round trip, two when our tables carry non-default names. */
export async function readState(context: Excel.RequestContext): Promise<WorkbookState> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/name");
  const names = wb.names.load("items/name");
  const setting = wb.settings.getItemOrNullObject(MEMORY_KEY);
  setting.load("value");
  // Speculatively read the tables under their default names: in the usual case this is the only read.
  const probes: Partial<Record<TableKey, TableProbe>> = {};
  for (const k of TABLE_KEYS) probes[k] = probeTable(context, DEFAULT_TABLE_NAMES[k]);
  await context.sync();

  const rawMemory = setting.isNullObject ? null : (setting.value as unknown);
  const memory = parseMemory(rawMemory);
  const found: Partial<Record<TableKey, ExistingTable | null>> = {};
  const again: Partial<Record<TableKey, TableProbe>> = {};
  for (const k of TABLE_KEYS) {
    const remembered = memory?.tables[k]?.name;
    if (!remembered) continue;
    if (remembered.toLowerCase() === DEFAULT_TABLE_NAMES[k].toLowerCase()) found[k] = existingFrom(probes[k] as TableProbe);
    else again[k] = probeTable(context, remembered);
  }
  if (Object.keys(again).length > 0) {
    // Our tables carry other names (a user's table had ours): one more read for them.
    await context.sync();
    for (const [k, p] of Object.entries(again)) found[k as TableKey] = existingFrom(p as TableProbe);
  }
  return {
    sheets: sheets.items.map((s) => s.name),
    tableNames: tables.items.map((t) => t.name),
    definedNames: names.items.map((n) => n.name),
    memory: rawMemory,
    tables: found,
  };
}

function formulaCell(v: CellValue): string | number {
  return typeof v === "object" ? v.formula : v;
}

function addr(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(r)}`;
}

function fill<T>(rows: number, cols: number, f: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
}

/** Validation and input fill for one column's cells (validation is ExcelApi 1.8; older hosts skip it). */
function styleColumn(range: Excel.Range, column: TableSpec["columns"][number]): void {
  if (column.input) range.format.fill.color = INPUT_FILL;
  const v = column.validation;
  if (!v || !supports("1.8")) return;
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

function renderCreate(context: Excel.RequestContext, op: Extract<TableOp, { kind: "create" }>): void {
  const { spec } = op;
  const wb = context.workbook;
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
  if (rows > 0) {
    const body = sheet.getRange(rectAddress({ row: top + 1, col: 0, rows, cols: n }));
    // Formats first: a text column must be text before "2.10" lands in it, or Excel makes it 2.1.
    body.numberFormat = fill(rows, n, (_, c) => (spec.columns[c] as TableSpec["columns"][number]).format);
    body.formulas = spec.rows.map((r) => r.cells.map(formulaCell));
  }
  const table = wb.tables.add(addr(op.sheet, { row: top, col: 0, rows: rows + 1, cols: n }), true);
  table.name = spec.table;
  table.style = TABLE_STYLE;
  if (spec.columns.some((c) => c.total)) {
    table.showTotals = true;
    const totals = sheet.getRange(rectAddress({ row: top + 1 + rows, col: 0, rows: 1, cols: n }));
    totals.formulas = [spec.columns.map((c, i) => c.total ?? (i === 0 ? "Sum" : ""))];
  }
  spec.columns.forEach((c, i) => {
    const letter = columnLetters(i);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = c.width;
    if (rows > 0 && (c.input || c.validation)) styleColumn(sheet.getRange(rectAddress({ row: top + 1, col: i, rows, cols: 1 })), c);
  });
  if (top === 0 && supports("1.7")) sheet.freezePanes.freezeRows(1);
  if (spec.chart && rows > 0) {
    const a = spec.columns.findIndex((c) => c.name === spec.chart!.firstColumn);
    const b = spec.columns.findIndex((c) => c.name === spec.chart!.lastColumn);
    const chart = sheet.charts.add("Line" as Excel.ChartType, sheet.getRange(rectAddress({ row: top, col: a, rows: rows + 1, cols: b - a + 1 })), "Columns" as Excel.ChartSeriesBy);
    chart.title.text = spec.chart.title;
    // Beside the tables, not over them.
    chart.setPosition(`${columnLetters(spec.columns.length + 1)}${top + 1}`);
  }
  // Conditional formats are ExcelApi 1.6; scoped to the table's body columns, never whole sheets.
  if (rows > 0 && supports("1.6")) {
    for (const cf of spec.conditionalFormats ?? []) {
      const a = spec.columns.findIndex((c) => c.name === cf.firstColumn);
      const b = spec.columns.findIndex((c) => c.name === cf.lastColumn);
      const format = sheet.getRange(rectAddress({ row: top + 1, col: a, rows, cols: b - a + 1 })).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      format.custom.rule.formula = cf.formula;
      format.custom.format.fill.color = cf.fill;
    }
  }
}

/** Rewrites a table nobody edits: fit the row count (the table object, and formulas naming it, survive). */
export function renderReplace(context: Excel.RequestContext, op: Extract<TableOp, { kind: "replace" }>): void {
  const { existing, spec } = op;
  const sheet = context.workbook.worksheets.getItem(existing.sheet);
  const { rect } = parseAddress(existing.address);
  const width = spec.columns.length;
  const before = existing.body.length;
  const after = op.rows.length;
  if (after > before) context.workbook.tables.getItem(existing.name).rows.add(undefined, fill(after - before, width, () => ""));
  if (after < before) sheet.getRange(rectAddress({ row: rect.row + 1 + after, col: rect.col, rows: before - after, cols: width })).delete("Up");
  const body = sheet.getRange(rectAddress({ row: rect.row + 1, col: rect.col, rows: after, cols: width }));
  body.numberFormat = fill(after, width, (_, c) => (spec.columns[c] as TableSpec["columns"][number]).format);
  body.formulas = op.rows.map((r) => r.map(formulaCell));
}

/** Consecutive rows of one column, so an update is a handful of range writes, not one per cell. */
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

function renderUpdate(context: Excel.RequestContext, op: Extract<TableOp, { kind: "update" }>): void {
  const { existing, spec } = op;
  const sheet = context.workbook.worksheets.getItem(existing.sheet);
  const { rect } = parseAddress(existing.address);
  const bodyTop = rect.row + 1;
  for (const run of runs(op.writes)) {
    sheet.getRange(rectAddress({ row: bodyTop + run.row, col: rect.col + run.col, rows: run.values.length, cols: 1 })).formulas = run.values.map((v) => [formulaCell(v)]);
  }
  if (op.append.length > 0) {
    const table = context.workbook.tables.getItem(existing.name);
    const width = existing.header.length;
    table.rows.add(undefined, fill(op.append.length, width, () => ""));
    const formatOf = (ci: number) => spec.columns.find((c) => op.columnIndex[c.name] === ci)?.format ?? "General";
    const target = sheet.getRange(rectAddress({ row: bodyTop + existing.body.length, col: rect.col, rows: op.append.length, cols: width }));
    target.numberFormat = fill(op.append.length, width, (_, c) => formatOf(c));
    target.formulas = op.append.map((r) => r.map(formulaCell));
    spec.columns.forEach((c) => {
      if (c.input || c.validation) {
        styleColumn(sheet.getRange(rectAddress({ row: bodyTop + existing.body.length, col: rect.col + (op.columnIndex[c.name] as number), rows: op.append.length, cols: 1 })), c);
      }
    });
  }
}

function renderOps(context: Excel.RequestContext, plan: InsertPlan): void {
  for (const op of plan.ops) {
    if (op.kind === "create") renderCreate(context, op);
    else if (op.kind === "update") renderUpdate(context, op);
    else renderReplace(context, op);
  }
  for (const p of plan.sheetPositions) context.workbook.worksheets.getItem(p.sheet).position = p.position;
}

/** Best-effort undo after a failed write: remove what was created, restore what was overwritten. */
export async function rollback(context: Excel.RequestContext, plan: Pick<InsertPlan, "ops">): Promise<void> {
  const wb = context.workbook;
  const newSheets = new Set(plan.ops.filter((o) => o.kind === "create" && o.newSheet).map((o) => (o as { sheet: string }).sheet));
  const sheetProbes = [...newSheets].map((n) => wb.worksheets.getItemOrNullObject(n).load("name"));
  const tableProbes = plan.ops
    .filter((o): o is Extract<TableOp, { kind: "create" }> => o.kind === "create" && !o.newSheet)
    .map((o) => ({ op: o, table: wb.tables.getItemOrNullObject(o.spec.table).load("name") }));
  // Row counts now, to remove rows a failed write may have added to existing tables.
  const rowCounts = new Map(
    plan.ops
      .filter((o) => o.kind !== "create")
      .map((o) => {
        const range = wb.tables.getItem((o as { existing: ExistingTable }).existing.name).getDataBodyRange();
        range.load("rowCount");
        return [o, range] as const;
      }),
  );
  const updateProbes = plan.ops.filter((o): o is Extract<TableOp, { kind: "update" }> => o.kind === "update").map((op) => ({ op, range: rowCounts.get(op)! }));
  const replaceProbes = plan.ops.filter((o): o is Extract<TableOp, { kind: "replace" }> => o.kind === "replace").map((op) => ({ op, range: rowCounts.get(op)! }));
  await context.sync();
  for (const s of sheetProbes) if (!s.isNullObject) s.delete();
  for (const { op, table } of tableProbes) {
    const rect = { row: op.spec.startRow, col: 0, rows: op.spec.rows.length + 2, cols: op.spec.columns.length };
    if (!table.isNullObject) table.delete();
    wb.worksheets.getItem(op.sheet).getRange(rectAddress({ ...rect, row: Math.max(0, rect.row - 1), rows: rect.rows + 1 })).clear();
  }
  for (const { op, range } of updateProbes) {
    const sheet = wb.worksheets.getItem(op.existing.sheet);
    const { rect } = parseAddress(op.existing.address);
    for (const w of op.writes) {
      sheet.getRange(rectAddress({ row: rect.row + 1 + w.row, col: rect.col + w.col, rows: 1, cols: 1 })).formulas = [[w.previous ?? ""]];
    }
    const extra = range.rowCount - op.existing.body.length;
    if (extra > 0) {
      sheet.getRange(rectAddress({ row: rect.row + 1 + op.existing.body.length, col: rect.col, rows: extra, cols: op.existing.header.length })).delete("Up");
    }
  }
  for (const { op, range } of replaceProbes) {
    const sheet = wb.worksheets.getItem(op.existing.sheet);
    const { rect } = parseAddress(op.existing.address);
    const width = op.existing.header.length;
    const now = range.rowCount;
    const was = op.existing.body.length;
    if (now > was) sheet.getRange(rectAddress({ row: rect.row + 1 + was, col: rect.col, rows: now - was, cols: width })).delete("Up");
    if (now < was) wb.tables.getItem(op.existing.name).rows.add(undefined, fill(was - now, width, () => ""));
    sheet.getRange(rectAddress({ row: rect.row + 1, col: rect.col, rows: was, cols: width })).formulas = op.existing.body.map((r) => r.map((c) => c ?? ""));
  }
  await context.sync();
}

/**
 * Inserts or updates the catalogue tables. Throws the Excel error (map it with excelErrorMessage);
 * on a failed write the workbook is restored to how it was before.
 */
export async function insertCatalogue(cat: Catalogue, progress: Progress = () => undefined): Promise<InsertResult> {
  return Excel.run(async (context) => {
    progress("Leser arbeidsboken …");
    const state = await readState(context);
    // What users typed wrongly in the input columns is part of the findings too.
    const typed = inputFindings(cat, state.tables);
    let plan = typed.length > 0 ? planInsert(cat, state, [...reconcile(cat), ...typed]) : planInsert(cat, state);
    if (plan.report.keptEdits.length > 0) {
      // Corrections the user made stay in the workbook, so the findings must be about them too.
      const kept = new Set(plan.report.keptEdits.map((e) => `${e.table}\u0000${e.key}\u0000${e.column}`));
      const nameOf = (k: "measures" | "lines") => state.tables[k]?.name ?? "";
      const edited = catalogueFromTables(cat, tableValues(state.tables.measures), tableValues(state.tables.lines), (t, key, column) =>
        kept.has(`${nameOf(t)}\u0000${key}\u0000${column}`),
      );
      plan = planInsert(cat, state, [...reconcile(edited), ...typed]);
    }
    if (plan.unchanged) return { plan, messages: describeInsert(plan.report, true) };

    progress("Skriver tabellene …");
    if (supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
    renderOps(context, plan);
    // Written last: if anything above fails, the old memory still describes the workbook.
    context.workbook.settings.add(MEMORY_KEY, JSON.stringify(plan.memory));
    try {
      await context.sync();
    } catch (error) {
      try {
        await rollback(context, plan);
      } catch {
        // The original error is what the user must see; a failed clean-up is reported by it too.
      }
      throw error;
    }
    return { plan, messages: describeInsert(plan.report, false) };
  });
}

