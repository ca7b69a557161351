// Reads what the planner needs from the workbook. Two round trips at most: the first learns which
// tables exist (names, sheets, the add-in's memory), the second reads the content of ours. Nothing is
// navigated from a *OrNullObject result before a sync has shown it exists: Microsoft documents only
// isNullObject on a null object (application-specific-api-model#ornullobject-methods-and-properties).
import { MEMORY_KEY, parseMemory, type ExistingTable, type StoredCell, type WorkbookState } from "../domain/insertPlan";
import { TABLE_KEYS, type TableKey } from "../domain/layout";

/** A table as the re-check reads it: what we wrote (formulas) and what the user sees (values). */
export const tableValues = (t: ExistingTable | null | undefined) => (t ? { header: t.header, formulas: t.body, values: t.values ?? t.body } : null);

interface TableInfo {
  readonly name: string;
  readonly sheet: string;
  readonly showTotals: boolean;
}

function existingFrom(info: TableInfo, range: Excel.Range): ExistingTable {
  const rows = range.formulas as StoredCell[][];
  const header = (rows[0] ?? []).map((h) => String(h ?? ""));
  const end = info.showTotals ? rows.length - 1 : rows.length;
  const body = rows.slice(1, end);
  const values = (range.values as StoredCell[][]).slice(1, end);
  return { name: info.name, sheet: info.sheet, address: range.address, header, body, values, showTotals: info.showTotals };
}

export async function readState(context: Excel.RequestContext): Promise<WorkbookState> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/name,items/showTotals,items/worksheet/name");
  const names = wb.names.load("items/name");
  const setting = wb.settings.getItemOrNullObject(MEMORY_KEY);
  setting.load("value");
  await context.sync();

  const rawMemory = setting.isNullObject ? null : (setting.value as unknown);
  const memory = parseMemory(rawMemory);
  const byName = new Map<string, TableInfo>(tables.items.map((t) => [t.name.toLowerCase(), { name: t.name, sheet: t.worksheet.name, showTotals: t.showTotals }]));
  const found: Partial<Record<TableKey, ExistingTable | null>> = {};
  const reads: [TableKey, TableInfo, Excel.Range][] = [];
  for (const k of TABLE_KEYS) {
    const remembered = memory?.tables[k]?.name;
    if (!remembered) continue;
    const info = byName.get(remembered.toLowerCase());
    if (!info) {
      found[k] = null;
      continue;
    }
    const range = wb.tables.getItem(info.name).getRange();
    range.load("address,formulas,values");
    reads.push([k, info, range]);
  }
  if (reads.length > 0) {
    await context.sync();
    for (const [k, info, range] of reads) found[k] = existingFrom(info, range);
  }
  return {
    sheets: sheets.items.map((s) => s.name),
    tableNames: tables.items.map((t) => t.name),
    definedNames: names.items.map((n) => n.name),
    memory: rawMemory,
    tables: found,
  };
}
