// Reads what the planner needs from the workbook. Two round trips as a rule: the first learns which
// tables exist (ids, names, sheets, the add-in's memory), the second reads the content of ours and what
// stands on their sheets. A third only when a table of ours is known by neither id nor name and its
// header shows it is ours. Nothing is navigated from a *OrNullObject result before a sync has shown it
// exists: Microsoft documents only isNullObject on a null object
// (application-specific-api-model#ornullobject-methods-and-properties).
import { parseAddress, type Rect } from "../domain/a1";
import { IDENTITY_NAME, matchesSignature, parseIdentity, type Signature } from "../domain/identity";
import { MEMORY_KEY, parseMemory, type ExistingTable, type StoredCell, type WorkbookState } from "../domain/insertPlan";
import type { Catalogue } from "../domain/catalogue";
import { catalogueLayout, DEFAULT_TABLE_NAMES, TABLE_KEYS, type TableKey } from "../domain/layout";

/** A table as the re-check reads it: what we wrote (formulas) and what the user sees (values). */
export const tableValues = (t: ExistingTable | null | undefined) => (t ? { header: t.header, formulas: t.body, values: t.values ?? t.body } : null);

interface TableInfo {
  readonly id: string;
  readonly name: string;
  readonly sheet: string;
  readonly showTotals: boolean;
}

export interface ReadOptions {
  /** Our tables' headers, to recognise a table the user renamed when its id is not remembered. */
  readonly signatures?: Partial<Record<TableKey, Signature>>;
  /** The catalogue whose file-made tables (identity name, no memory) count as ours; absent: whichever it names. */
  readonly catalogueId?: string;
}

const optionsByCatalogue = new WeakMap<Catalogue, ReadOptions>();

/**
 * What lets readState find this catalogue's tables however the user renamed them. Built once per catalogue:
 * the layout (and the reconciliation it runs) is not redone on every read of every view.
 */
export function readOptions(cat: Catalogue): ReadOptions {
  const known = optionsByCatalogue.get(cat);
  if (known) return known;
  const signatures: Partial<Record<TableKey, Signature>> = {};
  for (const spec of catalogueLayout(cat)) signatures[spec.key] = { keyColumns: spec.keyColumns, columns: spec.columns.map((c) => c.name) };
  const options = { signatures, catalogueId: cat.id };
  optionsByCatalogue.set(cat, options);
  return options;
}

/** Everything readState learned, plus what a rollback needs to put the workbook back. */
export interface ReadState extends WorkbookState {
  /** Table.id of every table before the action: any other table afterwards was made by it. */
  readonly tableIds: readonly string[];
}

interface TableRead {
  readonly range: Excel.Range;
  /** The totals row's number formats (only when the table shows one). */
  readonly totals: Excel.Range | null;
}

function existingFrom(info: TableInfo, read: TableRead): ExistingTable {
  const { range } = read;
  const rows = range.formulas as StoredCell[][];
  const header = (rows[0] ?? []).map((h) => String(h ?? ""));
  const end = info.showTotals ? rows.length - 1 : rows.length;
  const body = rows.slice(1, end);
  const values = (range.values as StoredCell[][]).slice(1, end);
  const totals = read.totals ? { formulas: rows[rows.length - 1] ?? [], formats: ((read.totals.numberFormat as (string | null)[][])[0] ?? []).map((f) => f ?? null) } : undefined;
  return { id: info.id, name: info.name, sheet: info.sheet, address: range.address, header, body, values, showTotals: info.showTotals, ...(totals ? { totals } : {}) };
}

function loadTable(wb: Excel.Workbook, info: TableInfo): TableRead {
  const table = wb.tables.getItem(info.name);
  const range = table.getRange().load("address,formulas,values");
  return { range, totals: info.showTotals ? table.getTotalRowRange().load("numberFormat") : null };
}

export async function readState(context: Excel.RequestContext, options: ReadOptions = {}): Promise<ReadState> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/id,items/name,items/showTotals,items/worksheet/name");
  const names = wb.names.load("items/name,items/value");
  const setting = wb.settings.getItemOrNullObject(MEMORY_KEY);
  setting.load("value");
  await context.sync();

  const rawMemory = setting.isNullObject ? null : (setting.value as unknown);
  const memory = parseMemory(rawMemory);
  const identity = names.items.find((n) => n.name.toLowerCase() === IDENTITY_NAME.toLowerCase());
  // A workbook without memory whose identity name names a catalogue (the .xlsx file, a lost setting): its
  // tables are ours. An insert adopts them only for the same catalogue; every other action reads them whatever
  // catalogue made them (the switch check compares catalogues itself).
  const named = parseIdentity(identity?.value);
  const adopted = !memory && !!named && (options.catalogueId === undefined || named.id === options.catalogueId);
  const infos: TableInfo[] = tables.items.map((t) => ({ id: t.id, name: t.name, sheet: t.worksheet.name, showTotals: t.showTotals }));
  const claimed = new Set<TableInfo>();
  const found: Partial<Record<TableKey, ExistingTable | null>> = {};
  const reads: [TableKey, TableInfo, TableRead][] = [];
  const missing: TableKey[] = [];
  const sheetsToSee = new Set<string>();
  for (const k of TABLE_KEYS) {
    const rec = memory?.tables[k] ?? (adopted ? { name: DEFAULT_TABLE_NAMES[k], sheet: "" } : undefined);
    if (!rec) continue;
    const free = (i: TableInfo) => !claimed.has(i);
    // The id survives a rename (Table.id reference); the name is what older memories have.
    const info = (rec.id && infos.find((i) => i.id === rec.id && free(i))) || infos.find((i) => i.name.toLowerCase() === rec.name.toLowerCase() && free(i));
    if (rec.sheet) sheetsToSee.add(rec.sheet.toLowerCase());
    if (!info) {
      found[k] = null;
      missing.push(k);
      continue;
    }
    claimed.add(info);
    sheetsToSee.add(info.sheet.toLowerCase());
    reads.push([k, info, loadTable(wb, info)]);
  }
  const signatures = options.signatures ?? {};
  const candidates = missing.some((k) => signatures[k])
    ? infos.filter((i) => !claimed.has(i)).map((info) => ({ info, header: wb.tables.getItem(info.name).getHeaderRowRange().load("values") }))
    : [];
  const sheetNames = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name]));
  const used = [...sheetsToSee]
    .filter((s) => sheetNames.has(s))
    .map((s) => ({ sheet: s, range: wb.worksheets.getItem(sheetNames.get(s) as string).getUsedRangeOrNullObject(true).load("address") }));
  if (reads.length > 0 || candidates.length > 0 || used.length > 0) {
    await context.sync();
    for (const [k, info, range] of reads) found[k] = existingFrom(info, range);
  }

  // Known by neither id nor name (renamed before the add-in learned its id): recognised by its header.
  const late: [TableKey, TableInfo, TableRead][] = [];
  for (const k of missing) {
    const sig = signatures[k];
    if (!sig) continue;
    const hits = candidates.filter((c) => !claimed.has(c.info) && matchesSignature((c.header.values as unknown[][])[0] ?? [], sig));
    if (hits.length !== 1) continue; // two look-alikes: guessing could update the user's copy
    const info = (hits[0] as (typeof hits)[number]).info;
    claimed.add(info);
    late.push([k, info, loadTable(wb, info)]);
  }
  if (late.length > 0) {
    await context.sync();
    for (const [k, info, range] of late) found[k] = existingFrom(info, range);
  }

  const usedRects: Record<string, Rect | null> = {};
  for (const u of used) usedRects[u.sheet] = u.range.isNullObject ? null : parseAddress(u.range.address).rect;
  return {
    sheets: sheets.items.map((s) => s.name),
    tableNames: tables.items.map((t) => t.name),
    definedNames: names.items.map((n) => n.name),
    memory: rawMemory,
    tables: found,
    adopted,
    identity: named,
    used: usedRects,
    tableIds: infos.map((i) => i.id),
  };
}
