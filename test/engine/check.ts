// What the engine test looks at in a workbook: every formula cell and every cell under a conditional
// format, each located by table, column and row key. Before recalculation every formula gets a wrong
// cached value (proof that the engine recalculated); the conditional formats get a probe copy of the
// file in which LibreOffice evaluates each rule's formula for each cell it covers.
import type ExcelJS from "exceljs";
import { rectAddress, parseAddress, type Rect } from "../../src/domain/a1";
import type { TableKey, TableNames } from "../../src/domain/layout";
import { IDENTITY_NAME } from "../../src/domain/identity";
import { KEY_COLUMNS } from "./build";
import { NA, type Oracle, type Value } from "./expected";
import { cellAt, tables, text, type TableView } from "./tables";

/** A cached value no formula of ours computes: still there after loading means "not recalculated". */
export const STALE = -987654.321;

export interface Located {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly table: TableKey;
  readonly column: string;
  /** Row key, or null for the totals row. */
  readonly key: string | null;
}

interface Place {
  readonly view: TableView;
  readonly key: TableKey;
}

function ours(wb: ExcelJS.Workbook, names: TableNames): Place[] {
  const byName = new Map(Object.entries(names).map(([k, n]) => [n.toLowerCase(), k as TableKey]));
  return tables(wb).flatMap((view) => {
    const key = byName.get(view.name.toLowerCase());
    return key ? [{ view, key }] : [];
  });
}

function locate(places: readonly Place[], sheet: string, row: number, col: number): Located | null {
  for (const { view: t, key } of places) {
    if (t.ws.name !== sheet || col < t.left || col >= t.left + t.header.length) continue;
    const last = t.top + t.bodyRows + (t.totals ? 1 : 0);
    if (row <= t.top || row > last) continue;
    const column = t.header[col - t.left] as string;
    if (row === t.top + t.bodyRows + 1) return { sheet, row, col, table: key, column, key: null };
    const k = KEY_COLUMNS[key].map((c) => text(cellAt(t.ws, row, t.left + t.header.indexOf(c)))).join("#");
    return { sheet, row, col, table: key, column, key: k };
  }
  return null;
}

const isFormula = (v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue => typeof v === "object" && v !== null && "formula" in v;

/** Every formula cell of the workbook; `stray` lists those outside the add-in's tables (none expected). */
export function formulaCells(wb: ExcelJS.Workbook, names: TableNames): { cells: Located[]; stray: string[] } {
  const places = ours(wb, names);
  const cells: Located[] = [];
  const stray: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((r) =>
      r.eachCell((c) => {
        if (!isFormula(c.value)) return;
        const at = locate(places, ws.name, Number(c.row) - 1, Number(c.col) - 1);
        if (at) cells.push(at);
        else stray.push(`${ws.name}!${c.address}`);
      }),
    );
  }
  return { cells, stray };
}

/** Gives every formula a wrong cached value, so only a recalculation can make the cell right. */
export function plantStaleValues(wb: ExcelJS.Workbook): number {
  let n = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow((r) =>
      r.eachCell((c) => {
        if (!isFormula(c.value)) return;
        c.value = { formula: c.value.formula, result: STALE } as ExcelJS.CellFormulaValue;
        n++;
      }),
    );
  }
  return n;
}

export interface Rule {
  readonly sheet: string;
  readonly rect: Rect;
  /** As stored in the file (no "="), relative to the rectangle's top-left cell; "" for an icon set. */
  readonly formula: string;
  /** An icon set's thresholds (the values from which the middle and the top icon show), else null. */
  readonly icons: readonly [number, number] | null;
  readonly cells: readonly (Located | { readonly sheet: string; readonly row: number; readonly col: number; readonly table: null })[];
}

export function conditionalFormats(wb: ExcelJS.Workbook, names: TableNames): Rule[] {
  const places = ours(wb, names);
  const out: Rule[] = [];
  for (const ws of wb.worksheets) {
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[]; cfvo?: { type: string; value: number }[] }[] }[] }).conditionalFormattings;
    for (const cf of cfs) {
      for (const rule of cf.rules) {
        const rect = parseAddress(cf.ref).rect;
        const cells = [];
        for (let r = rect.row; r < rect.row + rect.rows; r++) {
          for (let c = rect.col; c < rect.col + rect.cols; c++) cells.push(locate(places, ws.name, r, c) ?? { sheet: ws.name, row: r, col: c, table: null });
        }
        if (rule.type === "iconSet") {
          // Three icons: the lowest from 0 %, the others from a number each (value ≥ threshold: ECMA-376 cfvo gte).
          const [low, mid, top] = rule.cfvo ?? [];
          if (low?.type !== "percent" || mid?.type !== "num" || top?.type !== "num") throw new Error(`unexpected icon set on ${ws.name}!${cf.ref}`);
          out.push({ sheet: ws.name, rect, formula: "", icons: [mid.value, top.value], cells });
          continue;
        }
        if (rule.type !== "expression" || rule.formulae?.length !== 1) throw new Error(`unexpected conditional format on ${ws.name}!${cf.ref}`);
        out.push({ sheet: ws.name, rect, formula: rule.formulae[0] as string, icons: null, cells });
      }
    }
  }
  return out;
}

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/**
 * The formula with each unqualified A1 reference bound to `sheet`, so it means the same on another
 * sheet. References only move; nothing is evaluated (string literals are left alone).
 */
export function qualify(formula: string, sheet: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<![A-Za-z0-9_.!$'\]])(\$?[A-Z]{1,3}\$?[0-9]+)(?![A-Za-z0-9_(!])/g, `${quote(sheet)}!$1`)))
    .join("");
}

export const IDENTITY_PROBE = "Identitet";

/**
 * Adds one sheet per conditional format: at the addresses the format covers, the format's formula as a
 * shared formula (LibreOffice shifts its relative references per cell, as Excel does for the format).
 * With `identity`, a sheet whose A1 reads the workbook's identity name.
 */
export function addProbes(wb: ExcelJS.Workbook, rules: readonly Rule[], identity: boolean): string[] {
  const sheets = rules.map((rule, i) => {
    // An icon set has no formula: its cells' own recalculated values decide the icon.
    if (rule.icons) return "";
    const ws = wb.addWorksheet(`CF${i + 1}`);
    const first = rectAddress({ row: rule.rect.row, col: rule.rect.col, rows: 1, cols: 1 });
    for (let r = 0; r < rule.rect.rows; r++) {
      for (let c = 0; c < rule.rect.cols; c++) {
        const cell = cellAt(ws, rule.rect.row + r, rule.rect.col + c);
        cell.value = (r === 0 && c === 0
          ? { formula: qualify(rule.formula, rule.sheet), shareType: "shared", ref: rectAddress(rule.rect), result: STALE }
          : { sharedFormula: first, result: STALE }) as unknown as ExcelJS.CellValue;
      }
    }
    return ws.name;
  });
  if (identity) wb.addWorksheet(IDENTITY_PROBE).getCell("A1").value = { formula: IDENTITY_NAME, result: STALE } as ExcelJS.CellFormulaValue;
  return sheets;
}

/** A recalculated cell's value as ExcelJS reads it (an empty text result comes back as undefined). */
export function computed(c: ExcelJS.Cell): Value {
  const r = (c as unknown as { result?: unknown }).result;
  if (r === undefined || r === null) return "";
  if (typeof r === "object" && r !== null && "error" in r) return { error: String((r as { error: unknown }).error) };
  return r as number | string | boolean;
}

export function same(actual: Value, expected: Value): boolean {
  if (typeof actual === "number" && typeof expected === "number") return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (typeof actual === "object" && typeof expected === "object") return actual.error === expected.error;
  return actual === expected;
}

/** Excel's rule: a conditional format applies when its formula gives TRUE or a non-zero number. */
export function fires(v: Value): boolean {
  return v === true || (typeof v === "number" && v !== 0);
}

const show = (v: Value | undefined) => (v === undefined ? "(ingen forventning)" : typeof v === "object" ? v.error : JSON.stringify(v));

export interface Outcome {
  readonly formulaCells: number;
  readonly cfCells: number;
  /** Format cells LibreOffice colours (the verdict is true). */
  readonly colored: number;
  readonly mismatches: string[];
}

/** Compares the recalculated plain file and probe file with what the oracle says. */
export function compare(
  recalculated: ExcelJS.Workbook,
  probes: ExcelJS.Workbook,
  cells: readonly Located[],
  rules: readonly Rule[],
  probeSheets: readonly string[],
  oracle: Oracle,
  identity: string | null,
): Outcome {
  const mismatches: string[] = [];
  for (const at of cells) {
    const ws = recalculated.getWorksheet(at.sheet);
    const cell = ws ? cellAt(ws, at.row, at.col) : null;
    const where = `${at.sheet}!${rectAddress({ row: at.row, col: at.col, rows: 1, cols: 1 })} (${at.table} «${at.column}» ${at.key ?? "summeringsrad"})`;
    if (!cell || !isFormula(cell.value)) {
      mismatches.push(`${where}: formelen er borte etter omregning`);
      continue;
    }
    const got = computed(cell);
    const want = oracle.value(at.table, at.column, at.key);
    if (got === STALE) mismatches.push(`${where}: ikke regnet om (fortsatt den plantede verdien)`);
    else if (want === undefined || !same(got, want)) mismatches.push(`${where}: LibreOffice ${show(got)}, domenet ${show(want)}`);
  }
  let cfCells = 0;
  let colored = 0;
  rules.forEach((rule, i) => {
    if (rule.icons) {
      const icons = rule.icons;
      for (const at of rule.cells) {
        cfCells++;
        const where = `${at.sheet}!${rectAddress({ row: at.row, col: at.col, rows: 1, cols: 1 })} ikonsett`;
        const sheet = recalculated.getWorksheet(at.sheet);
        const got = sheet ? computed(cellAt(sheet, at.row, at.col)) : NA;
        const icon = typeof got === "number" ? (got >= icons[1] ? 3 : got >= icons[0] ? 2 : 1) : null;
        if (icon !== null) colored++;
        const want = at.table === null || at.key === null ? undefined : oracle.icon(at.table, at.column, at.key);
        if (got === STALE) mismatches.push(`${where}: ikke regnet om`);
        else if (want === undefined || icon !== want) mismatches.push(`${where}: LibreOffice ${show(got)} (ikon ${icon ?? "ingen"}), domenet ikon ${want === undefined ? "ingen forventning" : (want ?? "ingen")}`);
      }
      return;
    }
    const ws = probes.getWorksheet(probeSheets[i] as string);
    for (const at of rule.cells) {
      cfCells++;
      const where = `${at.sheet}!${rectAddress({ row: at.row, col: at.col, rows: 1, cols: 1 })} betinget formatering`;
      const got = ws ? computed(cellAt(ws, at.row, at.col)) : NA;
      if (fires(got)) colored++;
      const want = at.table === null || at.key === null ? undefined : oracle.verdict(at.table, at.column, at.key);
      if (got === STALE) mismatches.push(`${where}: ikke regnet om`);
      else if (want === undefined || fires(got) !== want) mismatches.push(`${where}: LibreOffice ${show(got)} (${fires(got) ? "farget" : "ikke farget"}), domenet ${want === undefined ? "ingen forventning" : want ? "farget" : "ikke farget"}`);
    }
  });
  if (identity !== null) {
    const got = probes.getWorksheet(IDENTITY_PROBE) ? computed(probes.getWorksheet(IDENTITY_PROBE)!.getCell("A1")) : NA;
    if (got !== identity) mismatches.push(`navnet ${IDENTITY_NAME}: LibreOffice ${show(got)}, ventet ${JSON.stringify(identity)}`);
  }
  return { formulaCells: cells.length, cfCells, colored, mismatches };
}
