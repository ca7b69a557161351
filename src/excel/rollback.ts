// Undo after a failed write, by identity: remove the tables and sheets this action made (any table id
// or sheet name that was not there before), take back added rows and columns, restore the cells it
// overwrote, then read the workbook again and say whether it is as before. Office.js has no undo
// group and a failed batch keeps the operations before the failing one, so what was done is probed,
// not assumed.
import { parseAddress, rectAddress, type Rect } from "../domain/a1";
import { IDENTITY_NAME } from "../domain/identity";
import { footprint, MEMORY_KEY, rewritable, type ExistingTable, type InsertPlan, type StoredCell, type TableOp } from "../domain/insertPlan";
import { supports } from "./requirements";
import type { ReadState } from "./read";
import { fill, formulaCell } from "./render";

export interface RollbackOutcome {
  /** True only when a fresh read showed the tables, sheets and cells as before. */
  readonly restored: boolean;
  /** What the read found different, in the user's words. */
  readonly left: readonly string[];
}

/** A failed insert or re-check: the Excel error's code (for its message) and what the rollback verified. */
export class InsertFailed extends Error {
  readonly code: unknown;
  constructor(
    readonly cause: unknown,
    readonly outcome: RollbackOutcome,
  ) {
    super("insert failed");
    this.code = typeof cause === "object" && cause !== null ? (cause as { code?: unknown }).code : undefined;
  }
}

/** A cell as read (formula text and value) written back so it is what it was: text stays text. */
function asWritten(formula: StoredCell | undefined, value: StoredCell | undefined): string | number {
  return formulaCell(rewritable(formula, value));
}

/** An action refused before writing: writing would overwrite or misplace something of the user's. Nothing was written. */
export class InsertRefused extends Error {
  readonly code = "InsertRefused";
  constructor(readonly reasons: readonly string[]) {
    super("insert refused");
  }
}

type Existing = Exclude<TableOp, { kind: "create" }>;
type Create = Extract<TableOp, { kind: "create" }>;

const byKey = (wb: Excel.Workbook, t: ExistingTable) => wb.tables.getItem(t.id ?? t.name);
/** Body rows from..from+rows of an existing table, across its columns as they were. */
const bodyOf = (t: ExistingTable, from: number, rows: number): Rect => {
  const { rect } = parseAddress(t.address);
  return { row: rect.row + 1 + from, col: rect.col, rows, cols: t.header.length };
};

/** The rollback for a failed action: its outcome, or, when the clean-up itself fails, that nothing could be verified. */
export function rollbackAfterFailure(context: Excel.RequestContext, plan: Pick<InsertPlan, "ops">, before: ReadState): Promise<RollbackOutcome> {
  return rollback(context, plan, before).catch((): RollbackOutcome => ({ restored: false, left: ["Tiltaksmeny kunne ikke kontrollere arbeidsboken etter feilen."] }));
}

export async function rollback(context: Excel.RequestContext, plan: Pick<InsertPlan, "ops">, before: ReadState): Promise<RollbackOutcome> {
  const wb = context.workbook;
  const hadSheet = new Set(before.sheets.map((s) => s.toLowerCase()));
  const hadTable = new Set(before.tableIds);
  const creates = plan.ops.filter((o): o is Create => o.kind === "create");
  const existing = plan.ops.filter((o): o is Existing => o.kind !== "create");
  const onOldSheets = creates.filter((o) => hadSheet.has(o.sheet.toLowerCase()));

  // 1. What is there now.
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/id,items/name,items/worksheet/name");
  const rowCounts = existing.map((o) => byKey(wb, o.existing).getDataBodyRange().load("rowCount"));
  const hadIdentity = before.definedNames.some((n) => n.toLowerCase() === IDENTITY_NAME.toLowerCase());
  const identity = hadIdentity ? null : wb.names.getItemOrNullObject(IDENTITY_NAME).load("name");
  const added = existing.map((o) => (o.kind === "update" ? (o.addColumns ?? []) : []).map((c) => byKey(wb, o.existing).columns.getItemOrNullObject(c).load("name")));
  await context.sync();

  // 2. Put it back.
  const newSheets = new Set(sheets.items.filter((s) => !hadSheet.has(s.name.toLowerCase())).map((s) => s.name.toLowerCase()));
  for (const s of sheets.items) if (newSheets.has(s.name.toLowerCase())) wb.worksheets.getItem(s.name).delete();
  // Tables on a deleted sheet went with it.
  for (const t of tables.items) if (!hadTable.has(t.id) && !newSheets.has(t.worksheet.name.toLowerCase())) wb.tables.getItem(t.id).delete();
  for (const op of onOldSheets) {
    if (newSheets.has(op.sheet.toLowerCase())) continue;
    // Only cells the planner found empty (insertPlan placeClear), so clearing them restores them.
    const range = wb.worksheets.getItem(op.sheet).getRange(rectAddress(footprint(op.spec)));
    range.clear();
    if (supports("1.6")) range.conditionalFormats.clearAll();
  }
  existing.forEach((op, i) => {
    const t = op.existing;
    const sheet = wb.worksheets.getItem(t.sheet);
    for (const column of added[i] ?? []) if (!column.isNullObject) column.delete();
    const now = (rowCounts[i] as Excel.Range).rowCount;
    const was = t.body.length;
    if (now > was) sheet.getRange(rectAddress(bodyOf(t, was, now - was))).delete("Up" as Excel.DeleteShiftDirection);
    if (op.kind === "update") {
      const { rect } = parseAddress(t.address);
      for (const x of op.totals ?? []) {
        if (x.col >= t.header.length) continue;
        // Rows taken back above have moved the totals row back to where it was read.
        const cell = sheet.getRange(rectAddress({ row: rect.row + rect.rows - 1, col: rect.col + x.col, rows: 1, cols: 1 }));
        if (x.previous.format !== null) cell.numberFormat = [[x.previous.format]];
        if (x.formula !== null) cell.formulas = [[asWritten(x.previous.formula, null)]];
      }
      for (const w of op.writes) {
        if (w.col >= t.header.length) continue; // in a column that was added, and is gone again
        sheet.getRange(rectAddress({ row: rect.row + 1 + w.row, col: rect.col + w.col, rows: 1, cols: 1 })).formulas = [[asWritten(w.previous, t.values?.[w.row]?.[w.col])]];
      }
      return;
    }
    if (now < was) byKey(wb, t).rows.add(undefined, fill(was - now, t.header.length, () => ""));
    if (was > 0) sheet.getRange(rectAddress(bodyOf(t, 0, was))).formulas = t.body.map((r, i) => r.map((c, j) => asWritten(c, t.values?.[i]?.[j])));
  });
  if (identity && !identity.isNullObject) identity.delete();
  if (typeof before.memory === "string") wb.settings.add(MEMORY_KEY, before.memory);
  else if (before.memory === null || before.memory === undefined) wb.settings.getItemOrNullObject(MEMORY_KEY).delete();
  await context.sync();

  return verify(context, plan, before);
}

/** Reads the workbook again and lists what differs from `before` (empty: as before). */
async function verify(context: Excel.RequestContext, plan: Pick<InsertPlan, "ops">, before: ReadState): Promise<RollbackOutcome> {
  const wb = context.workbook;
  const hadSheet = new Set(before.sheets.map((s) => s.toLowerCase()));
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/id,items/name");
  const ours = plan.ops.filter((o): o is Existing => o.kind !== "create").map((o) => ({ t: o.existing, range: byKey(wb, o.existing).getRange().load("formulas") }));
  const spots = plan.ops
    .filter((o): o is Create => o.kind === "create" && hadSheet.has(o.sheet.toLowerCase()))
    .map((o) => ({ op: o, used: wb.worksheets.getItem(o.sheet).getRange(rectAddress(footprint(o.spec))).getUsedRangeOrNullObject(true).load("address") }));
  await context.sync();

  const left: string[] = [];
  for (const s of sheets.items) if (!hadSheet.has(s.name.toLowerCase())) left.push(`Arket «${s.name}» ble laget og står igjen.`);
  const ids = new Set(before.tableIds);
  for (const t of tables.items) if (!ids.has(t.id)) left.push(`Tabellen «${t.name}» ble laget og står igjen.`);
  if (tables.items.length < before.tableIds.length) left.push("En tabell som fantes før, mangler nå.");
  for (const { t, range } of ours) {
    const now = range.formulas as StoredCell[][];
    const was = [t.header, ...t.body];
    const same = now.length >= was.length && was.every((row, r) => row.length === (now[r] ?? []).length && row.every((c, j) => String(c ?? "") === String((now[r] ?? [])[j] ?? "")));
    if (!same) left.push(`Tabellen «${t.name}» er ikke helt som før; kontroller den (Angre i Excel kan hjelpe).`);
  }
  for (const { op, used } of spots) if (!used.isNullObject) left.push(`Det står igjen celler i ${used.address.replace(/^.*!/, `«${op.sheet}» `)}.`);
  return { restored: left.length === 0, left };
}
