// Pane actions on the follow-up tables: read and set choices, filter Oppfølging to a group, import HØP.
import type { Catalogue } from "../domain/catalogue";
import { summariseChoice, type ChoiceRow, type ChoiceSummary } from "../domain/choice";
import { parseHopImport } from "../domain/hopImport";
import type { ExistingTable, StoredCell } from "../domain/insertPlan";
import { parseAddress, rectAddress } from "../domain/a1";
import { readState } from "./read";
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
    const state = await readState(context);
    const rows = choiceRows(cat, need(state.tables.measures));
    return { summary: summariseChoice(cat, rows), chosen: new Set(rows.filter((r) => r.chosen).map((r) => r.id)) };
  });
}

/** Sets Valgt for one measure (what a user would type), then returns the new summary. */
export async function setChoice(cat: Catalogue, id: string, chosen: boolean): Promise<ChoiceState> {
  await Excel.run(async (context) => {
    const state = await readState(context);
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
function inSelection(used: readonly (readonly Raw[])[], top: number, left: number): Raw[][] {
  const width = left + (used[0]?.length ?? 0);
  const blankRow = (): Raw[] => new Array<Raw>(width).fill("");
  const out = Array.from({ length: top }, blankRow);
  for (const row of used) out.push([...blankRow().slice(0, left), ...row]);
  return out;
}

export interface HopImportResult {
  readonly imported: number;
  readonly replaced: number;
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
    used.load("values,rowIndex,columnIndex");
    const state = await readState(context);
    const t = need(state.tables.hop);
    const values = used.isNullObject ? [] : inSelection(used.values as Raw[][], used.rowIndex - selected.rowIndex, used.columnIndex - selected.columnIndex);
    const parsed = parseHopImport(cat, values);
    const problems = [...parsed.problems];
    const { rect } = parseAddress(t.address);
    const sheet = context.workbook.worksheets.getItem(t.sheet);
    let imported = 0;
    let replaced = 0;
    for (const r of parsed.rows) {
      const i = rowOf(t, r.id);
      if (i < 0) {
        problems.push(`Tiltak ${r.id} har ingen rad i HØP-tabellen (tiltaket står ikke i sammendraget).`);
        continue;
      }
      for (const [y, v] of Object.entries(r.values)) {
        const c = t.header.indexOf(`HØP ${y}`);
        if (c < 0) continue;
        const before: StoredCell = t.body[i]?.[c] ?? "";
        if (before !== "" && before !== null && before !== v) replaced++;
        sheet.getRange(rectAddress({ row: rect.row + 1 + i, col: rect.col + c, rows: 1, cols: 1 })).values = [[v]];
      }
      imported++;
    }
    if (imported > 0) await context.sync();
    return { imported, replaced, problems };
  });
}
