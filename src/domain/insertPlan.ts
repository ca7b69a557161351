// Decides what an insert does to a workbook, from what the workbook holds now (read in one round trip):
// which tables to create and under which free names, which cells of existing tables to update, which
// user edits to keep, which rows to add or mark. Pure, so every rule is unit-tested without Excel.
import type { Catalogue } from "./catalogue";
import type { Finding } from "./reconcile";
import {
  catalogueLayout,
  DEFAULT_TABLE_NAMES,
  removedStatus,
  SHEET_NAMES,
  SHEET_ORDER,
  TABLE_KEYS,
  type CellValue,
  type TableKey,
  type TableNames,
  type TableSpec,
} from "./layout";
import { sameFormula } from "./formula";
import { excelNameProblem } from "./names";

/** A cell as read back from Excel's `formulas`: constants as themselves, formulas as "=…" text. */
export type StoredCell = string | number | boolean | null;

export const MEMORY_KEY = "tiltaksmeny";

export interface Memory {
  readonly schema: 1;
  readonly catalogueId: string;
  readonly catalogueVersion: string;
  readonly tables: Partial<Record<TableKey, { readonly name: string; readonly sheet: string }>>;
  /** Per table, per row key, per column: the value the add-in last wrote (to tell user edits apart). */
  readonly written: Partial<Record<TableKey, Record<string, Record<string, StoredCell>>>>;
}

export interface ExistingTable {
  readonly name: string;
  readonly sheet: string;
  /** Address of the whole table range including header (and totals row when shown). */
  readonly address: string;
  readonly header: readonly string[];
  readonly body: readonly (readonly StoredCell[])[];
  /** Computed values of the body (what the user sees), for reading the catalogue back. */
  readonly values?: readonly (readonly StoredCell[])[];
  readonly showTotals: boolean;
}

export interface WorkbookState {
  readonly sheets: readonly string[];
  readonly tableNames: readonly string[];
  readonly definedNames: readonly string[];
  /** The raw setting value, unvalidated. */
  readonly memory: unknown;
  /** Content of the tables the memory points to (null: not found). */
  readonly tables: Partial<Record<TableKey, ExistingTable | null>>;
}

export interface CellWrite {
  readonly row: number; // 0-based body row
  readonly col: number; // 0-based table column
  readonly value: CellValue;
  readonly previous: StoredCell;
}

export type TableOp =
  | { readonly kind: "create"; readonly spec: TableSpec; readonly sheet: string; readonly newSheet: boolean }
  | {
      readonly kind: "update";
      readonly spec: TableSpec;
      readonly existing: ExistingTable;
      /** Our column name → its index in the existing table. */
      readonly columnIndex: Readonly<Record<string, number>>;
      readonly writes: readonly CellWrite[];
      /** Full rows (existing column order) appended at the end of the table. */
      readonly append: readonly (readonly CellValue[])[];
    }
  | {
      /** A table nobody edits (Avvik), rewritten whole: rows added or removed to fit, then written. */
      readonly kind: "replace";
      readonly spec: TableSpec;
      readonly existing: ExistingTable;
      readonly rows: readonly (readonly CellValue[])[];
    };

export interface InsertReport {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly renamed: readonly { readonly wanted: string; readonly got: string; readonly what: "ark" | "tabell" }[];
  readonly addedRows: number;
  readonly markedRemoved: number;
  readonly changedCells: number;
  readonly keptEdits: readonly { readonly table: string; readonly key: string; readonly column: string }[];
  readonly memoryReset: boolean;
}

export interface InsertPlan {
  readonly ops: readonly TableOp[];
  /** New sheets and the position each gets (after the user's sheets, in design order). */
  readonly sheetPositions: readonly { readonly sheet: string; readonly position: number }[];
  readonly memory: Memory;
  readonly report: InsertReport;
  /** True when the workbook already holds exactly this catalogue: nothing to write. */
  readonly unchanged: boolean;
}

// ---------------------------------------------------------------------------------------------
// Memory

/** Validates the remembered state; anything malformed is treated as no memory (never trusted). */
export function parseMemory(raw: unknown): Memory | null {
  let v = raw;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (typeof v !== "object" || v === null) return null;
  const m = v as Record<string, unknown>;
  if (m.schema !== 1 || typeof m.catalogueVersion !== "string" || typeof m.catalogueId !== "string") return null;
  if (typeof m.tables !== "object" || m.tables === null || typeof m.written !== "object" || m.written === null) return null;
  for (const [k, t] of Object.entries(m.tables as Record<string, unknown>)) {
    if (!TABLE_KEYS.includes(k as TableKey)) return null;
    const r = t as Record<string, unknown> | null;
    if (!r || typeof r.name !== "string" || typeof r.sheet !== "string") return null;
  }
  return m as unknown as Memory;
}

// ---------------------------------------------------------------------------------------------
// Cells

export function storedForm(v: CellValue): StoredCell {
  if (typeof v === "object") return v.formula;
  // A text prefix (') only tells Excel to keep the text as text; it is not part of the value.
  if (typeof v === "string" && v.startsWith("'")) return v.slice(1);
  return v;
}

export function sameCell(a: StoredCell | undefined, b: StoredCell | undefined): boolean {
  const norm = (x: StoredCell | undefined) => (x === null || x === undefined ? "" : typeof x === "string" && x.startsWith("'") ? x.slice(1) : x);
  const x = norm(a);
  const y = norm(b);
  if (typeof x === "number" && typeof y === "number") return x === y;
  if (typeof x === "string" && typeof y === "string" && x.startsWith("=") && y.startsWith("=")) {
    // Excel returns formulas in its canonical form ("Avvik[[Nr]]" comes back as "Avvik[Nr]").
    return sameFormula(x, y);
  }
  return x === y;
}

// ---------------------------------------------------------------------------------------------
// Names

/**
 * The wanted name, or the first free variant. Table variants get "_2", "_3"…: a bare digit suffix can
 * make a cell reference ("HOP2" is a cell, and Excel refuses it as a table name).
 */
export function freeName(wanted: string, taken: ReadonlySet<string>, style: "sheet" | "table"): string {
  const usable = (n: string) => !taken.has(n.toLowerCase()) && (style === "sheet" || excelNameProblem(n) === null);
  if (usable(wanted)) return wanted;
  for (let i = 2; ; i++) {
    const suffix = style === "sheet" ? ` (${i})` : `_${i}`;
    const base = style === "sheet" ? wanted.slice(0, 31 - suffix.length) : wanted;
    const candidate = base + suffix;
    if (usable(candidate)) return candidate;
  }
}

/** The key of a row in a table of this spec: the values of its key columns. */
export function rowKey(spec: TableSpec, get: (column: string) => StoredCell | undefined): string {
  return spec.keyColumns
    .map((c) => {
      const v = get(c);
      return v === null || v === undefined ? "" : String(v).trim();
    })
    .join("#");
}

// ---------------------------------------------------------------------------------------------
// Planning

export function planInsert(cat: Catalogue, state: WorkbookState, findings?: readonly Finding[]): InsertPlan {
  const rawMemory = state.memory;
  const memory = parseMemory(rawMemory);
  const memoryReset = rawMemory !== null && rawMemory !== undefined && memory === null;
  const renamed: { wanted: string; got: string; what: "ark" | "tabell" }[] = [];

  // Which of our tables still exist where we left them.
  const ours: Partial<Record<TableKey, ExistingTable>> = {};
  if (memory) {
    for (const k of TABLE_KEYS) {
      const t = state.tables[k];
      const rec = memory.tables[k];
      if (t && rec && t.name.toLowerCase() === rec.name.toLowerCase()) ours[k] = t;
    }
  }

  const takenTables = new Set([...state.tableNames, ...state.definedNames].map((n) => n.toLowerCase()));
  const takenSheets = new Set(state.sheets.map((n) => n.toLowerCase()));

  const names: Record<TableKey, string> = { ...DEFAULT_TABLE_NAMES };
  for (const k of TABLE_KEYS) {
    const existing = ours[k];
    if (existing) {
      names[k] = existing.name;
      continue;
    }
    const got = freeName(DEFAULT_TABLE_NAMES[k], takenTables, "table");
    if (got !== DEFAULT_TABLE_NAMES[k]) renamed.push({ wanted: DEFAULT_TABLE_NAMES[k], got, what: "tabell" });
    takenTables.add(got.toLowerCase());
    names[k] = got;
  }

  const layout = catalogueLayout(cat, names as TableNames, findings);
  const sheetFor = new Map<string, { name: string; isNew: boolean }>();
  const resolveSheet = (spec: TableSpec): { name: string; isNew: boolean } => {
    const known = sheetFor.get(spec.sheetKey);
    if (known) return { name: known.name, isNew: false };
    // A sheet of ours that still holds one of our tables is reused (the two summary tables share one).
    const sibling = layout.find((s) => s.sheetKey === spec.sheetKey && ours[s.key]);
    let result: { name: string; isNew: boolean };
    if (sibling) result = { name: (ours[sibling.key] as ExistingTable).sheet, isNew: false };
    else {
      const wanted = SHEET_NAMES[spec.sheetKey];
      const got = freeName(wanted, takenSheets, "sheet");
      if (got !== wanted) renamed.push({ wanted, got, what: "ark" });
      takenSheets.add(got.toLowerCase());
      result = { name: got, isNew: true };
    }
    sheetFor.set(spec.sheetKey, result);
    return result;
  };

  const ops: TableOp[] = [];
  const written: Record<string, Record<string, Record<string, StoredCell>>> = {};
  const tablesMemory: Record<string, { name: string; sheet: string }> = {};
  const created: string[] = [];
  const updated: string[] = [];
  const keptEdits: { table: string; key: string; column: string }[] = [];
  let addedRows = 0;
  let markedRemoved = 0;
  let changedCells = 0;

  for (const spec of layout) {
    const existing = ours[spec.key];
    const snapshot: Record<string, Record<string, StoredCell>> = {};
    written[spec.key] = snapshot;
    const remember = (key: string, cells: readonly CellValue[]) => {
      if (spec.mode === "replace") return; // rewritten whole each time: nothing to tell apart
      const rec: Record<string, StoredCell> = {};
      spec.columns.forEach((c, i) => {
        if (!c.input) rec[c.name] = storedForm(cells[i] as CellValue);
      });
      snapshot[key] = rec;
    };

    if (!existing) {
      const sheet = resolveSheet(spec);
      ops.push({ kind: "create", spec, sheet: sheet.name, newSheet: sheet.isNew });
      tablesMemory[spec.key] = { name: spec.table, sheet: sheet.name };
      created.push(spec.table);
      for (const r of spec.rows) remember(r.key, r.cells);
      addedRows += spec.rows.length;
      continue;
    }

    tablesMemory[spec.key] = { name: existing.name, sheet: existing.sheet };
    sheetFor.set(spec.sheetKey, { name: existing.sheet, isNew: false });
    if (spec.mode === "replace") {
      const op = replaceOp(spec, existing);
      if (op) {
        ops.push(op);
        updated.push(existing.name);
      }
      continue;
    }
    const previous = memory?.written[spec.key] ?? {};
    const columnIndex: Record<string, number> = {};
    existing.header.forEach((h, i) => (columnIndex[String(h).trim()] = i));
    const missing = spec.columns.filter((c) => columnIndex[c.name] === undefined);
    if (missing.length > 0) {
      // A column of ours was renamed or deleted: leave that table alone and make a fresh one on a new sheet.
      const sheetName = freeName(SHEET_NAMES[spec.sheetKey], takenSheets, "sheet");
      takenSheets.add(sheetName.toLowerCase());
      const sheet = { name: sheetName, isNew: true };
      const table = freeName(DEFAULT_TABLE_NAMES[spec.key], takenTables, "table");
      takenTables.add(table.toLowerCase());
      renamed.push({ wanted: existing.name, got: table, what: "tabell" });
      const fresh = catalogueLayout(cat, { ...names, [spec.key]: table } as TableNames).find((s) => s.key === spec.key) as TableSpec;
      ops.push({ kind: "create", spec: fresh, sheet: sheet.name, newSheet: sheet.isNew });
      tablesMemory[spec.key] = { name: table, sheet: sheet.name };
      created.push(table);
      for (const r of fresh.rows) remember(r.key, r.cells);
      addedRows += fresh.rows.length;
      continue;
    }

    const specRows = new Map(spec.rows.map((r) => [r.key, r] as const));
    const seen = new Set<string>();
    const writes: CellWrite[] = [];
    existing.body.forEach((row, ri) => {
      const key = rowKey(spec, (c) => row[columnIndex[c] as number]);
      const target = specRows.get(key);
      if (!target || seen.has(key)) {
        // A measure that left the catalogue (or a duplicate row a user made): kept, and marked.
        if (spec.statusColumn && key !== "") {
          const ci = columnIndex[spec.statusColumn] as number;
          const status = removedStatus(cat.version);
          const cur = row[ci] ?? null;
          const prev = previous[key]?.[spec.statusColumn];
          const userEdited = prev !== undefined && !sameCell(cur, prev);
          if (!seen.has(key) && !userEdited && !sameCell(cur, status)) {
            writes.push({ row: ri, col: ci, value: status, previous: cur });
            markedRemoved++;
          }
          if (!seen.has(key)) snapshot[key] = { ...(previous[key] ?? {}), [spec.statusColumn]: userEdited ? (prev as StoredCell) : status };
        }
        return;
      }
      seen.add(key);
      const rec: Record<string, StoredCell> = {};
      spec.columns.forEach((c, i) => {
        if (c.input) return; // typed by users: never written to an existing row
        const ci = columnIndex[c.name] as number;
        const cur = row[ci] ?? null;
        const want = target.cells[i] as CellValue;
        const prev = previous[key]?.[c.name];
        if (prev !== undefined && !sameCell(cur, prev)) {
          // The user changed what we wrote (e.g. a controller corrected a value): theirs wins.
          keptEdits.push({ table: existing.name, key, column: c.name });
          rec[c.name] = prev;
          return;
        }
        rec[c.name] = storedForm(want);
        if (!sameCell(cur, storedForm(want))) writes.push({ row: ri, col: ci, value: want, previous: cur });
      });
      snapshot[key] = rec;
    });

    const width = existing.header.length;
    const append: CellValue[][] = [];
    for (const [key, r] of specRows) {
      if (seen.has(key)) continue;
      const full: CellValue[] = new Array(width).fill("");
      spec.columns.forEach((c, i) => (full[columnIndex[c.name] as number] = r.cells[i] as CellValue));
      append.push(full);
      remember(key, r.cells);
    }
    changedCells += writes.length;
    addedRows += append.length;
    if (writes.length > 0 || append.length > 0) updated.push(existing.name);
    ops.push({ kind: "update", spec, existing, columnIndex, writes, append });
  }

  const newMemory: Memory = {
    schema: 1,
    catalogueId: cat.id,
    catalogueVersion: cat.version,
    tables: tablesMemory,
    written,
  };
  const unchanged =
    ops.every((o) => o.kind === "update" && o.writes.length === 0 && o.append.length === 0) &&
    memory !== null &&
    memory.catalogueVersion === cat.version &&
    JSON.stringify(memory) === JSON.stringify(newMemory);
  const newSheets = SHEET_ORDER.map((k) => sheetFor.get(k)).filter((x): x is { name: string; isNew: boolean } => !!x && x.isNew);
  return {
    ops,
    sheetPositions: newSheets.map((x, i) => ({ sheet: x.name, position: state.sheets.length + i })),
    memory: newMemory,
    unchanged,
    report: { created, updated, renamed, addedRows, markedRemoved, changedCells, keptEdits, memoryReset },
  };
}

/** The rewrite of a replace-mode table, or null when it already holds exactly these rows. */
export function replaceOp(spec: TableSpec, existing: ExistingTable): Extract<TableOp, { kind: "replace" }> | null {
  const rows = spec.rows.map((r) => r.cells);
  const same =
    existing.body.length === rows.length &&
    existing.header.length === spec.columns.length &&
    rows.every((r, i) => r.every((c, j) => sameCell(existing.body[i]?.[j] ?? null, storedForm(c))));
  return same ? null : { kind: "replace", spec, existing, rows };
}

/** One-paragraph Norwegian summary of an insert for the pane. */
export function describeInsert(r: InsertReport, unchanged: boolean): string[] {
  if (unchanged) return ["Arbeidsboken har allerede denne katalogen. Ingenting ble endret."];
  const out: string[] = [];
  if (r.created.length) out.push(`Opprettet tabellene ${r.created.join(", ")}.`);
  if (r.updated.length) out.push(`Oppdaterte ${r.changedCells} celler og la til ${r.addedRows} rader i ${r.updated.join(", ")}.`);
  for (const n of r.renamed) {
    out.push(`Navnet «${n.wanted}» var tatt, så ${n.what === "ark" ? "arket" : "tabellen"} heter «${n.got}».`);
  }
  if (r.keptEdits.length) out.push(`Beholdt ${r.keptEdits.length} verdier du har endret selv (de ble ikke overskrevet).`);
  if (r.markedRemoved) out.push(`${r.markedRemoved} tiltak finnes ikke i den nye katalogen; radene er beholdt og merket.`);
  if (r.memoryReset) out.push("Tilleggets lagrede oppsett i arbeidsboken var skadet og ble laget på nytt.");
  return out;
}
