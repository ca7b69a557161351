// Pane actions on the follow-up tables: read and set choices, filter Oppfølging to a group, import HØP.
import type { Catalogue } from "../domain/catalogue";
import { summariseChoice, type ChoiceRow, type ChoiceSummary } from "../domain/choice";
import { hopTableYears, parseHopImport, planHopWrites } from "../domain/hopImport";
import type { ExistingTable } from "../domain/insertPlan";
import { parseAddress, rectAddress } from "../domain/a1";
import { catalogueMismatch } from "../domain/catalogueSwitch";
import { InsertRefused } from "./rollback";
import { readOptions, readState } from "./read";
import { AddinError } from "./errors";

function need(t: ExistingTable | null | undefined): ExistingTable {
  if (!t) throw new AddinError("TiltakNotInserted");
  return t;
}

/** Body row of the measure in one of our tables keyed by Nr, or -1. */
function rowOf(t: ExistingTable, id: string): number {
  const nr = t.header.indexOf("Nr");
  return t.body.findIndex((r) => String(r[nr] ?? "") === id);
}

function choiceRows(cat: Catalogue, t: ExistingTable): ChoiceRow[] {
  const col = (n: string) => t.header.indexOf(n);
  const values = t.values ?? t.body;
  return values.map((row) => ({
    id: String(row[col("Nr")] ?? ""),
    group: Number(row[col("Gruppe")]),
    chosen: String(row[col("Valgt")] ?? "").trim().toLowerCase() === "ja",
    values: Object.fromEntries(cat.years.map((y) => [String(y), typeof row[col(String(y))] === "number" ? (row[col(String(y))] as number) : null])),
  }));
}

export interface ChoiceState {
  readonly summary: ChoiceSummary;
  readonly chosen: ReadonlySet<string>;
}

/** One read: the Tiltak table's Valgt column and values, summarised like the Oppsummering formulas. */
export async function readChoice(cat: Catalogue): Promise<ChoiceState> {
  return Excel.run(async (context) => {
    const state = await readState(context, readOptions(cat));
    const mismatch = catalogueMismatch(cat, state);
    if (mismatch) throw new InsertRefused([mismatch]);
    const rows = choiceRows(cat, need(state.tables.measures));
    return { summary: summariseChoice(cat, rows), chosen: new Set(rows.filter((r) => r.chosen).map((r) => r.id)) };
  });
}

/** Sets Valgt for one measure (what a user would type), then returns the new summary. */
export async function setChoice(cat: Catalogue, id: string, chosen: boolean): Promise<ChoiceState> {
  await Excel.run(async (context) => {
    const state = await readState(context, readOptions(cat));
    const mismatch = catalogueMismatch(cat, state);
    if (mismatch) throw new InsertRefused([mismatch]);
    const t = need(state.tables.measures);
    const i = rowOf(t, id);
    if (i < 0) throw new AddinError("TiltakNotInserted");
    const { rect } = parseAddress(t.address);
    const cell = rectAddress({ row: rect.row + 1 + i, col: rect.col + t.header.indexOf("Valgt"), rows: 1, cols: 1 });
    context.workbook.worksheets.getItem(t.sheet).getRange(cell).values = [[chosen ? "Ja" : "Nei"]];
    await context.sync();
  });
  return readChoice(cat);
}

/** Shows only one working group's rows in Oppfølging (a table filter; null shows all). */
export async function filterFollowUp(group: number | null): Promise<void> {
  await Excel.run(async (context) => {
    const state = await readState(context);
    const t = context.workbook.tables.getItem(need(state.tables.followUp).name);
    if (group === null) t.clearFilters();
    else t.columns.getItem("Gruppe").filter.applyValuesFilter([String(group)]);
    await context.sync();
  });
}

type Raw = string | number | boolean | null;

/**
 * The used cells placed back where they stand in the selection (the blank rows and columns before
 * them restored), so columns and row numbers mean what the user selected; blank rows and columns
 * after the last used cell are left out.
 */
function inSelection<T extends Raw>(used: readonly (readonly T[])[], top: number, left: number): T[][] {
  const width = left + (used[0]?.length ?? 0);
  const blankRow = (): T[] => new Array<T>(width).fill("" as T);
  const out = Array.from({ length: top }, blankRow);
  for (const row of used) out.push([...blankRow().slice(0, left), ...row]);
  return out;
}

export interface HopImportResult {
  /** Measures whose HØP figures changed. */
  readonly imported: number;
  /** Figures that overwrote a different figure already in the HØP table. */
  readonly replaced: number;
  /** Measures whose figures were in the HØP table already. */
  readonly unchanged: number;
  readonly problems: readonly string[];
}

/** Reads the selected range and writes its HØP figures into the HØP table (one read, one write). */
export async function importHop(cat: Catalogue): Promise<HopImportResult> {
  return Excel.run(async (context) => {
    // Only the used part of the selection: a selection of whole columns is millions of cells, past
    // Excel's 5 million cells per read (resource-limits-and-performance-optimization).
    const selected = context.workbook.getSelectedRange();
    selected.load("rowIndex,columnIndex");
    const used = selected.getUsedRangeOrNullObject(true);
    // `text` (what the cell shows) beside the values: a number 2.1 formatted "0.00" is measure 2.10.
    used.load("values,text,rowIndex,columnIndex");
    const state = await readState(context, readOptions(cat));
    const mismatch = catalogueMismatch(cat, state);
    if (mismatch) throw new InsertRefused([mismatch]);
    const t = need(state.tables.hop);
    const top = used.isNullObject ? 0 : used.rowIndex - selected.rowIndex;
    const left = used.isNullObject ? 0 : used.columnIndex - selected.columnIndex;
    const values = used.isNullObject ? [] : inSelection(used.values as Raw[][], top, left);
    const text = used.isNullObject ? [] : inSelection(used.text as string[][], top, left);
    const parsed = parseHopImport(cat, values, { text, origin: { row: selected.rowIndex, col: selected.columnIndex }, tableYears: hopTableYears(t) });
    const plan = planHopWrites(parsed, t);
    const { rect } = parseAddress(t.address);
    const sheet = context.workbook.worksheets.getItem(t.sheet);
    for (const w of plan.writes) {
      sheet.getRange(rectAddress({ row: rect.row + 1 + w.row, col: rect.col + w.col, rows: 1, cols: 1 })).values = [[w.value]];
    }
    if (plan.writes.length > 0) await context.sync();
    return { imported: plan.imported, replaced: plan.replaced, unchanged: plan.unchanged, problems: plan.problems };
  });
}
