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
import type { Rect } from "./a1";
import { RESOLVED_LABEL, totalsRow } from "./layout";
import { count, NOUN } from "./plural";
import { formulaKey, sameFormula } from "./formula";
import { excelNameProblem } from "./names";

/** A cell as read back from Excel's `formulas`: constants as themselves, formulas as "=…" text. */
export type StoredCell = string | number | boolean | null;

export const MEMORY_KEY = "tiltaksmeny";

export interface Memory {
  readonly schema: 1;
  readonly catalogueId: string;
  readonly catalogueVersion: string;
  /** Where our tables are; `id` (Table.id, stable across renames) when the add-in has seen it. */
  readonly tables: Partial<Record<TableKey, { readonly name: string; readonly sheet: string; readonly id?: string }>>;
  /** Per table, per row key, per column: the value the add-in last wrote (to tell user edits apart). */
  readonly written: Partial<Record<TableKey, Record<string, Record<string, StoredCell>>>>;
}

export interface ExistingTable {
  /** Table.id, when read. */
  readonly id?: string;
  readonly name: string;
  readonly sheet: string;
  /** Address of the whole table range including header (and totals row when shown). */
  readonly address: string;
  readonly header: readonly string[];
  readonly body: readonly (readonly StoredCell[])[];
  /** Computed values of the body (what the user sees), for reading the catalogue back. */
  readonly values?: readonly (readonly StoredCell[])[];
  readonly showTotals: boolean;
  /** The totals row as read (formulas and number formats), when shown and read. */
  readonly totals?: { readonly formulas: readonly StoredCell[]; readonly formats: readonly (string | null)[] };
}

export interface WorkbookState {
  readonly sheets: readonly string[];
  readonly tableNames: readonly string[];
  readonly definedNames: readonly string[];
  /** The raw setting value, unvalidated. */
  readonly memory: unknown;
  /** Content of our tables, found by id, name or header signature (null: not found). */
  readonly tables: Partial<Record<TableKey, ExistingTable | null>>;
  /** No memory, but the workbook names this catalogue (a file from the .xlsx renderer): its tables are ours. */
  readonly adopted?: boolean;
  /** The catalogue the identity name `Tiltaksmeny_katalog` names, memory or not (null: no such name). */
  readonly identity?: { readonly id: string; readonly version: string } | null;
  /** The used range (values only) of sheets a table of ours may be re-created on, by lower-case sheet name. */
  readonly used?: Readonly<Record<string, Rect | null>>;
}

export interface TotalsWrite {
  readonly col: number; // 0-based table column
  readonly format: string;
  /** Written only into a blank totals cell: what the user put there is theirs. */
  readonly formula: string | null;
  readonly previous: { readonly formula: StoredCell; readonly format: string | null };
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
      /** Our columns the table lacks, appended at its right edge (in this order) before the writes. */
      readonly addColumns?: readonly string[];
      /** Totals-row cells brought to our format (and our formula where the cell is blank). */
      readonly totals?: readonly TotalsWrite[];
    }
  | {
      /**
       * A table the add-in recomputes (Avvik), rewritten whole: rows added or removed to fit, then written.
       * Rows are full width, in the existing column order: columns the user added keep their cells with
       * the row of the same key (replaceOp).
       */
      readonly kind: "replace";
      readonly spec: TableSpec;
      readonly existing: ExistingTable;
      readonly rows: readonly (readonly CellValue[])[];
      readonly summary: RewriteSummary;
    };

/** What a rewrite of a replace-mode table did, for the message (describeRewrite). */
export interface RewriteSummary {
  /** Rows before and after. */
  readonly before: number;
  readonly rows: number;
  /** Columns the user added, whose cells moved with their row's key. */
  readonly userColumns: readonly string[];
  /** Rows whose finding no longer holds, kept (marked «løst») because the user wrote in them. */
  readonly resolved: number;
  /** Our columns the table no longer has (deleted by the user): their values are not written. */
  readonly missingColumns: readonly string[];
}

export interface InsertReport {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly renamed: readonly { readonly wanted: string; readonly got: string; readonly what: "ark" | "tabell" }[];
  /** Rows appended to existing tables (a created table's rows are not counted). */
  readonly addedRows: number;
  /** Measures no longer in the catalogue whose rows were marked (counted once, in however many tables). */
  readonly markedRemoved: number;
  readonly changedCells: number;
  readonly keptEdits: readonly { readonly table: string; readonly key: string; readonly column: string }[];
  readonly memoryReset: boolean;
  /** Tables found under a name the user gave them. */
  readonly recognised?: readonly { readonly was: string; readonly now: string }[];
  /** Columns added to existing tables (upgrade in place). */
  readonly addedColumns?: readonly { readonly table: string; readonly columns: readonly string[] }[];
  /** Re-created tables placed away from the user's content, and where (as the user sees it). */
  readonly moved?: readonly { readonly table: string; readonly sheet: string; readonly cell: string }[];
  /** Tables rewritten whole (Avvik), with what the rewrite did. */
  readonly rewritten?: readonly ({ readonly table: string } & RewriteSummary)[];
}

export interface InsertPlan {
  readonly ops: readonly TableOp[];
  /** New sheets and the position each gets (after the user's sheets, in design order). */
  readonly sheetPositions: readonly { readonly sheet: string; readonly position: number }[];
  readonly memory: Memory;
  readonly report: InsertReport;
  /** True when the workbook already holds exactly this catalogue: nothing to write. */
  readonly unchanged: boolean;
  /** Why the insert cannot proceed without overwriting something of the user's (empty: it can). */
  readonly refused: readonly string[];
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
    if (!r || typeof r.name !== "string" || typeof r.sheet !== "string" || (r.id !== undefined && typeof r.id !== "string")) return null;
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

/**
 * What the memory keeps of a cell the add-in wrote: a 16-hex fingerprint of its normal form (formulas as
 * formulaKey, so Excel's canonical read-back matches), not the cell itself. The memory is one workbook
 * setting sent in one request; full formulas made it grow with the catalogue past Excel on the web's limit.
 */
export function fingerprint(v: StoredCell): string {
  const x = v === null || v === undefined ? "" : typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
  const text = typeof x === "number" ? `n${x}` : typeof x === "boolean" ? `b${x}` : x.startsWith("=") ? `f${formulaKey(x)}` : `s${x}`;
  return `#${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Whether a cell still holds what the memory says the add-in wrote (fingerprints, or older memories' values). */
export function sameAsWritten(cur: StoredCell | undefined, remembered: StoredCell): boolean {
  if (typeof remembered === "string" && /^#[0-9a-f]{16}$/.test(remembered)) return fingerprint(cur ?? null) === remembered;
  return sameCell(cur, remembered);
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

  // Which of our tables still exist: the reader found them by id, remembered name or header signature.
  const adopting = !memory && state.adopted === true;
  const ours: Partial<Record<TableKey, ExistingTable>> = {};
  const recognised: { was: string; now: string }[] = [];
  if (memory || adopting) {
    for (const k of TABLE_KEYS) {
      const t = state.tables[k];
      if (!t) continue;
      ours[k] = t;
      const rec = memory?.tables[k];
      if (rec && t.name.toLowerCase() !== rec.name.toLowerCase()) recognised.push({ was: rec.name, now: t.name });
    }
  }
  const refused: string[] = [];
  const moved: { table: string; sheet: string; cell: string }[] = [];
  const addedColumns: { table: string; columns: string[] }[] = [];
  // What stands on sheets we create tables on, so a re-created table never lands on the user's cells.
  const occupied = new Map<string, Rect[]>();
  const occupiedOn = (sheet: string): Rect[] => {
    const k = sheet.toLowerCase();
    if (!occupied.has(k)) {
      const used = state.used?.[k];
      occupied.set(k, used ? [used] : []);
    }
    return occupied.get(k) as Rect[];
  };

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
  const tablesMemory: Record<string, { name: string; sheet: string; id?: string }> = {};
  const created: string[] = [];
  const updated: string[] = [];
  const keptEdits: { table: string; key: string; column: string }[] = [];
  const rewritten: ({ table: string } & RewriteSummary)[] = [];
  let addedRows = 0;
  // Measures, not rows: Oppfølging marks a measure's row of every year too ("5.9#2026" is measure 5.9).
  const removedMeasures = new Set<string>();
  let changedCells = 0;

  for (const spec of layout) {
    const existing = ours[spec.key];
    const snapshot: Record<string, Record<string, StoredCell>> = Object.create(null) as Record<string, Record<string, StoredCell>>;
    written[spec.key] = snapshot;
    const remember = (key: string, cells: readonly CellValue[]) => {
      if (spec.mode !== "keyed") return; // rewritten whole (replace) or never again (owned): nothing to tell apart
      const rec: Record<string, StoredCell> = {};
      spec.columns.forEach((c, i) => {
        if (!c.input) rec[c.name] = fingerprint(storedForm(cells[i] as CellValue));
      });
      snapshot[key] = rec;
    };

    if (!existing) {
      const sheet = resolveSheet(spec);
      const placed = sheet.isNew ? spec : placeClear(spec, occupiedOn(sheet.name));
      if (!sheet.isNew) occupiedOn(sheet.name).push(footprint(placed));
      if (placed.startRow !== spec.startRow) moved.push({ table: spec.table, sheet: sheet.name, cell: `A${placed.startRow + 1}` });
      ops.push({ kind: "create", spec: placed, sheet: sheet.name, newSheet: sheet.isNew });
      tablesMemory[spec.key] = { name: spec.table, sheet: sheet.name };
      created.push(spec.table);
      for (const r of spec.rows) remember(r.key, r.cells);
      continue;
    }

    tablesMemory[spec.key] = existing.id ? { name: existing.name, sheet: existing.sheet, id: existing.id } : { name: existing.name, sheet: existing.sheet };
    sheetFor.set(spec.sheetKey, { name: existing.sheet, isNew: false });
    // The user's table (lists they edit, frozen versions): created once, then never written.
    if (spec.mode === "owned") continue;
    if (spec.mode === "replace") {
      const op = replaceOp(spec, existing);
      if (op) {
        ops.push(op);
        rewritten.push({ table: existing.name, ...op.summary });
      }
      continue;
    }
    // A workbook from the file renderer has no memory: what it holds is what this catalogue writes.
    const remembered = memory?.written[spec.key] ?? (adopting ? writtenBy(spec) : {});
    // Row keys are what users typed in key columns: only the memory's own entries count.
    const previousOf = (key: string) => (Object.prototype.hasOwnProperty.call(remembered, key) ? remembered[key] : undefined);
    // Keyed by the user's header texts: no prototype ("constructor" is a header like any other).
    const columnIndex: Record<string, number> = Object.create(null) as Record<string, number>;
    existing.header.forEach((h, i) => (columnIndex[String(h).trim()] = i));
    const lostKeys = spec.keyColumns.filter((c) => columnIndex[c] === undefined);
    if (lostKeys.length > 0) {
      // Without its key columns no row can be matched to a measure: writing anything could misplace it.
      refused.push(
        `Tabellen «${existing.name}» mangler kolonnen ${lostKeys.map((c) => `«${c}»`).join(" og ")}, som radene kjennes igjen på. Angre slettingen i Excel, eller gi tabellen et annet navn så lages en ny.`,
      );
      continue;
    }
    // A column of ours the table lacks (deleted, or new in this catalogue) is added in place, so the
    // user's rows, columns and choices stay where they are.
    const missing = spec.columns.filter((c) => columnIndex[c.name] === undefined).map((c) => c.name);
    missing.forEach((name, i) => (columnIndex[name] = existing.header.length + i));
    if (missing.length > 0) addedColumns.push({ table: existing.name, columns: missing });
    const fresh = new Set(missing);

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
          const prev = previousOf(key)?.[spec.statusColumn];
          const userEdited = prev !== undefined && !sameAsWritten(cur, prev);
          if (!seen.has(key) && !userEdited && !sameCell(cur, status)) {
            writes.push({ row: ri, col: ci, value: status, previous: cur });
            removedMeasures.add(key.split("#")[0] as string);
          }
          if (!seen.has(key)) snapshot[key] = { ...(previousOf(key) ?? {}), [spec.statusColumn]: userEdited ? (prev as StoredCell) : fingerprint(status) };
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
        const prev = fresh.has(c.name) ? undefined : previousOf(key)?.[c.name];
        if (prev !== undefined && !sameAsWritten(cur, prev)) {
          // The user changed what we wrote (e.g. a controller corrected a value): theirs wins.
          keptEdits.push({ table: existing.name, key, column: c.name });
          rec[c.name] = prev;
          return;
        }
        rec[c.name] = fingerprint(storedForm(want));
        if (!sameCell(cur, storedForm(want))) writes.push({ row: ri, col: ci, value: want, previous: cur });
      });
      snapshot[key] = rec;
    });

    const width = existing.header.length + missing.length;
    const append: CellValue[][] = [];
    for (const [key, r] of specRows) {
      if (seen.has(key)) continue;
      const full: CellValue[] = new Array(width).fill("");
      spec.columns.forEach((c, i) => (full[columnIndex[c.name] as number] = r.cells[i] as CellValue));
      append.push(full);
      remember(key, r.cells);
    }
    const totals = totalsWrites(spec, existing, columnIndex);
    changedCells += writes.length + totals.length;
    addedRows += append.length;
    if (writes.length > 0 || append.length > 0 || missing.length > 0) updated.push(existing.name);
    if (totals.length > 0 && !updated.includes(existing.name)) updated.push(existing.name);
    ops.push({ kind: "update", spec, existing, columnIndex, writes, append, ...(missing.length > 0 ? { addColumns: missing } : {}), ...(totals.length > 0 ? { totals } : {}) });
  }

  const newMemory: Memory = {
    schema: 1,
    catalogueId: cat.id,
    catalogueVersion: cat.version,
    tables: tablesMemory,
    written,
  };
  const unchanged =
    refused.length === 0 &&
    ops.every((o) => o.kind === "update" && o.writes.length === 0 && o.append.length === 0 && !o.addColumns && !o.totals) &&
    memory !== null &&
    memory.catalogueVersion === cat.version &&
    JSON.stringify(memory) === JSON.stringify(newMemory);
  const newSheets = SHEET_ORDER.map((k) => sheetFor.get(k)).filter((x): x is { name: string; isNew: boolean } => !!x && x.isNew);
  return {
    ops,
    sheetPositions: newSheets.map((x, i) => ({ sheet: x.name, position: state.sheets.length + i })),
    memory: newMemory,
    unchanged,
    refused,
    report: { created, updated, renamed, addedRows, markedRemoved: removedMeasures.size, changedCells, keptEdits, memoryReset, recognised, addedColumns, moved, rewritten },
  };
}

/**
 * Totals-row cells of an existing table that lack our number format (older versions wrote none), and
 * blank ones our layout now fills. A totals row the table does not show is left alone: turning it on
 * would move what stands below the table.
 */
function totalsWrites(spec: TableSpec, existing: ExistingTable, columnIndex: Readonly<Record<string, number>>): TotalsWrite[] {
  const want = totalsRow(spec);
  if (!want || !existing.showTotals || !existing.totals) return [];
  const out: TotalsWrite[] = [];
  spec.columns.forEach((c, i) => {
    const col = columnIndex[c.name] as number;
    const curFormula = existing.totals?.formulas[col] ?? null;
    const curFormat = existing.totals?.formats[col] ?? null;
    const blank = curFormula === null || curFormula === "";
    const formula = blank && want.formulas[i] ? (want.formulas[i] as string) : null;
    if (formula === null && curFormat === want.formats[i]) return;
    out.push({ col, format: want.formats[i] as string, formula, previous: { formula: curFormula, format: curFormat } });
  });
  return out;
}

/** What the add-in writes into a table of this spec, as the memory records it. */
function writtenBy(spec: TableSpec): Record<string, Record<string, StoredCell>> {
  const out: Record<string, Record<string, StoredCell>> = {};
  for (const r of spec.rows) {
    const rec: Record<string, StoredCell> = {};
    spec.columns.forEach((c, i) => {
      if (!c.input) rec[c.name] = fingerprint(storedForm(r.cells[i] as CellValue));
    });
    out[r.key] = rec;
  }
  return out;
}

/** The cells a created table covers: caption row, header, body, totals row. */
export function footprint(spec: TableSpec): Rect {
  const caption = spec.caption && spec.startRow > 0 ? 1 : 0;
  const totals = spec.columns.some((c) => c.total) ? 1 : 0;
  return { row: spec.startRow - caption, col: 0, rows: caption + 1 + Math.max(1, spec.rows.length) + totals, cols: spec.columns.length };
}

const intersects = (a: Rect, b: Rect) => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

/** The spec where it was designed to stand if that is clear, else one blank row below everything on the sheet. */
function placeClear(spec: TableSpec, taken: readonly Rect[]): TableSpec {
  if (!taken.some((r) => intersects(r, footprint(spec)))) return spec;
  const below = Math.max(...taken.map((r) => r.row + r.rows));
  const caption = spec.caption ? 1 : 0;
  return { ...spec, startRow: below + 1 + caption };
}

/**
 * A cell read back through `formulas` (and `values`), to be written again as it was: a constant stays a
 * constant — text that looks like a formula, a number or a logical value gets a text prefix — and a
 * formula stays a formula. (Also what a rollback needs to restore a cell exactly.)
 */
export function rewritable(formula: StoredCell | undefined, value: StoredCell | undefined): CellValue {
  if (formula === null || formula === undefined) return "";
  // Written as typed: Excel reads "TRUE" into a cell as the logical value.
  if (typeof formula === "boolean") return formula ? "TRUE" : "FALSE";
  if (typeof formula === "number") return formula;
  // Text that only looks like a formula (its value is the same text) stays text.
  if (formula.startsWith("=") && value !== formula) return { formula };
  // A text prefix keeps text as text: "2.10" stays "2.10", "- sjekk" is not a formula.
  return /^[\s]*([-+=@\d.,]|true$|false$|#)/i.test(formula) || formula.startsWith("'") ? `'${formula}` : formula;
}

/** Words a user wrote (a constant), as opposed to a blank cell or a formula. */
const isWords = (formula: StoredCell | undefined, value: StoredCell | undefined): boolean =>
  formula !== null && formula !== undefined && formula !== "" && !(typeof formula === "string" && formula.startsWith("=") && value !== formula);

/**
 * The rewrite of a replace-mode table (Avvik), or null when it already holds exactly these rows. Rows
 * are matched by key (the spec's key columns, and the order of equal keys), so a column the user added
 * keeps each cell with the row of the same finding, wherever that row now stands. A row whose finding
 * is gone but where the user wrote words is kept after the current ones, marked «løst» (RESOLVED_LABEL,
 * which no formula counts); once the words are cleared, it goes. A user column holding one formula in
 * every row (a calculated column) gives that formula to new rows too.
 */
export function replaceOp(spec: TableSpec, existing: ExistingTable): Extract<TableOp, { kind: "replace" }> | null {
  const header = existing.header.map((h) => String(h ?? "").trim());
  const width = header.length;
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  const ourNames = new Set(spec.columns.map((c) => c.name));
  const userCols = header.map((_, i) => i).filter((i) => !ourNames.has(header[i] as string) || index.get(header[i] as string) !== i);
  const missingColumns = spec.columns.map((c) => c.name).filter((n) => !index.has(n));
  const values = existing.values ?? existing.body;
  const cell = (r: number, c: number) => existing.body[r]?.[c] ?? null;
  const shown = (r: number, c: number) => values[r]?.[c] ?? null;

  // Existing rows by key; equal keys told apart by their order, as findingsTable numbers them.
  const counts = new Map<string, number>();
  const byKey = new Map<string, number>();
  existing.body.forEach((_, r) => {
    const base = rowKey(spec, (c) => (index.has(c) ? cell(r, index.get(c) as number) : null));
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    byKey.set(n === 1 ? base : `${base}|${n}`, r);
  });
  // A user column with the same formula in every row is a calculated column: new rows get it too.
  const calculated = new Map<number, CellValue>();
  for (const c of userCols) {
    const first = cell(0, c);
    if (existing.body.length === 0 || typeof first !== "string" || !first.startsWith("=")) continue;
    if (existing.body.every((_, r) => { const f = cell(r, c); return typeof f === "string" && sameFormula(f, first) && shown(r, c) !== f; })) calculated.set(c, { formula: first });
  }

  const used = new Set<number>();
  const rows: CellValue[][] = spec.rows.map((sr) => {
    const full: CellValue[] = new Array<CellValue>(width).fill("");
    spec.columns.forEach((c, j) => {
      const at = index.get(c.name);
      if (at !== undefined) full[at] = sr.cells[j] as CellValue;
    });
    const old = byKey.get(sr.key);
    if (old !== undefined) used.add(old);
    for (const c of userCols) full[c] = old !== undefined ? rewritable(cell(old, c), shown(old, c)) : (calculated.get(c) ?? "");
    return full;
  });
  let resolved = 0;
  const severity = index.get("Alvorlighet");
  existing.body.forEach((_, r) => {
    if (used.has(r) || !userCols.some((c) => isWords(cell(r, c), shown(r, c)))) return;
    const full = header.map((_, c) => rewritable(cell(r, c), shown(r, c)));
    if (severity !== undefined) full[severity] = RESOLVED_LABEL;
    rows.push(full);
    resolved++;
  });

  const was = (r: number, c: number) => {
    const v = cell(r, c);
    return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v;
  };
  const same = existing.body.length === rows.length && rows.every((row, r) => row.every((v, c) => sameCell(was(r, c), storedForm(v))));
  if (same) return null;
  const summary: RewriteSummary = { before: existing.body.length, rows: rows.length, userColumns: userCols.map((c) => header[c] as string), resolved, missingColumns };
  return { kind: "replace", spec, existing, rows, summary };
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const quotedList = (names: readonly string[]) => names.map((n) => `«${n}»`).join(", ");

/** What rewriting a table did, in the user's words (also for Kontroller på nytt). */
export function describeRewrite(x: { readonly table: string } & RewriteSummary): string[] {
  const out = [`Skrev tabellen ${x.table} på nytt: ${count(x.rows, NOUN.rad)}${x.before !== x.rows ? ` (før: ${x.before})` : ""}.`];
  if (x.userColumns.length > 0) {
    out.push(`Det du har skrevet i ${x.userColumns.length === 1 ? "kolonnen" : "kolonnene"} ${quotedList(x.userColumns)}, står ved funnet det hører til.`);
  }
  if (x.resolved > 0) {
    out.push(`${count(x.resolved, NOUN.funn)} som ikke lenger gjelder, er beholdt og merket «${RESOLVED_LABEL}» fordi du har skrevet i ${x.resolved === 1 ? "det" : "dem"}.`);
  }
  if (x.missingColumns.length > 0) {
    out.push(`Tabellen ${x.table} mangler ${x.missingColumns.length === 1 ? "kolonnen" : "kolonnene"} ${quotedList(x.missingColumns)}; det som hører hjemme der, er ikke skrevet.`);
  }
  return out;
}

/** One-paragraph Norwegian summary of an insert for the pane. */
export function describeInsert(r: InsertReport, unchanged: boolean): string[] {
  if (unchanged) return ["Arbeidsboken har allerede denne katalogen. Ingenting ble endret."];
  const out: string[] = [];
  if (r.created.length) out.push(`Opprettet ${r.created.length === 1 ? "tabellen" : "tabellene"} ${r.created.join(", ")}.`);
  const appended = r.addedRows;
  const did = [...(r.changedCells > 0 ? [`oppdaterte ${count(r.changedCells, NOUN.celle)}`] : []), ...(appended > 0 ? [`la til ${count(appended, NOUN.rad)}`] : [])];
  if (r.updated.length && did.length) out.push(`${capitalised(did.join(" og "))} i ${r.updated.join(", ")}.`);
  for (const x of r.rewritten ?? []) out.push(...describeRewrite(x));
  for (const n of r.renamed) {
    out.push(`Navnet «${n.wanted}» var tatt, så ${n.what === "ark" ? "arket" : "tabellen"} heter «${n.got}».`);
  }
  if (r.keptEdits.length) {
    const one = r.keptEdits.length === 1;
    out.push(`Beholdt ${count(r.keptEdits.length, NOUN.verdi)} du har endret selv (${one ? "den" : "de"} ble ikke overskrevet).`);
  }
  if (r.markedRemoved) out.push(`${count(r.markedRemoved, NOUN.tiltak)} finnes ikke i den nye katalogen; ${r.markedRemoved === 1 ? "raden" : "radene"} er beholdt og merket.`);
  if (r.memoryReset) out.push("Tilleggets lagrede oppsett i arbeidsboken var skadet og ble laget på nytt.");
  return out;
}
