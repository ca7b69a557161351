// Reads a catalogue from tables in the open workbook: the measures table the user selected (or names), and
// optionally a lines table by name. Two requests: the first learns the selection's used size and which
// tables exist, the second reads the cells (values and what they show) — never more than a catalogue can
// hold, so a selection of whole columns is not millions of cells (Excel reads at most 5 000 000 per
// request: resource-limits-and-performance-optimization). Nothing is navigated from a *OrNullObject before
// a sync has shown it exists (application-specific-api-model#ornullobject-methods-and-properties).
import { CatalogueError, MAX_LINE_ROWS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, type SheetTable } from "../domain/catalogueImport";
import { spaced } from "../domain/catalogueSchema";
import type { Raw } from "../domain/hopImport";
import { parseAddress } from "../domain/a1";

export interface TableImportRead {
  readonly measures: SheetTable;
  readonly lines: SheetTable | null;
}

export interface TableImportSource {
  /** A table to read whole (header and body, not the totals row); default: the selected range. */
  readonly table?: string | null;
  /** A lines table (Tiltakslinjer's shape) to read whole. */
  readonly lines?: string | null;
}

/** The workbook's table names, for the pane's choice of a lines table (one request). */
export async function listTables(): Promise<string[]> {
  return Excel.run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    return tables.items.map((t) => t.name);
  });
}

const sheetOf = (address: string) => parseAddress(address).sheet ?? "";

function tooLarge(what: string, rows: number, cols: number, maxRows: number): CatalogueError {
  return new CatalogueError([`$: ${what} har ${spaced(rows)} rader og ${cols} kolonner; en katalog kan ha høyst ${spaced(maxRows)} rader og ${MAX_TABLE_COLUMNS} kolonner. Merk bare tabellen.`]);
}

/**
 * The cells of the measures table (the selection's used part, or a named table) and of the lines table,
 * as SheetTables for tableToCatalogue. Throws CatalogueError (Norwegian) for a missing table, an empty
 * selection or one too large to be a catalogue.
 */
export async function readTableImport(source: TableImportSource = {}): Promise<TableImportRead> {
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const tables = wb.tables.load("items/name");
    // The measures: a named table's body and header (the totals row is no measure), or the selection's used part.
    const named = source.table ?? null;
    let selection: Excel.Range | null = null;
    if (!named) {
      const used: Excel.Range = wb.getSelectedRange().getUsedRangeOrNullObject(true);
      used.load("address,rowCount,columnCount,rowIndex,columnIndex");
      selection = used;
    }
    await context.sync();

    const names = new Map(tables.items.map((t) => [t.name.toLowerCase(), t.name]));
    const exact = (name: string, what: string) => {
      const n = names.get(name.toLowerCase());
      if (!n) throw new CatalogueError([`$: fant ingen tabell som heter «${name}» (${what})`]);
      return n;
    };
    const tableRange = (name: string) => {
      const t = wb.tables.getItem(name);
      const header = t.getHeaderRowRange().load("values,text,address,rowIndex,columnIndex");
      const body = t.getDataBodyRange().load("values,text,rowCount,columnCount");
      return { name, header, body };
    };
    let measuresRange: Excel.Range | null = null;
    let measuresTable: ReturnType<typeof tableRange> | null = null;
    if (named) measuresTable = tableRange(exact(named, "tiltakene"));
    else {
      if (!selection || selection.isNullObject) throw new CatalogueError(["$: merk tabellen med tiltakene (med overskriftsraden) og prøv igjen"]);
      if (selection.rowCount > MAX_TABLE_ROWS || selection.columnCount > MAX_TABLE_COLUMNS) throw tooLarge("Det merkede området", selection.rowCount, selection.columnCount, MAX_TABLE_ROWS);
      measuresRange = selection.load("values,text");
    }
    const lines = source.lines ? tableRange(exact(source.lines, "linjene")) : null;
    await context.sync();

    const fromTable = (t: NonNullable<typeof lines>, maxRows: number): SheetTable => {
      if (t.body.rowCount + 1 > maxRows || t.body.columnCount > MAX_TABLE_COLUMNS) throw tooLarge(`Tabellen «${t.name}»`, t.body.rowCount + 1, t.body.columnCount, maxRows);
      return {
        values: [...(t.header.values as Raw[][]), ...(t.body.values as Raw[][])],
        text: [...(t.header.text as Raw[][]), ...(t.body.text as Raw[][])],
        origin: { row: t.header.rowIndex, col: t.header.columnIndex },
        name: t.name,
      };
    };
    const measures: SheetTable = measuresTable
      ? fromTable(measuresTable, MAX_TABLE_ROWS)
      : {
          values: (measuresRange as Excel.Range).values as Raw[][],
          text: (measuresRange as Excel.Range).text as Raw[][],
          origin: { row: (selection as Excel.Range).rowIndex, col: (selection as Excel.Range).columnIndex },
          name: sheetOf((selection as Excel.Range).address),
        };
    return { measures, lines: lines ? fromTable(lines, MAX_LINE_ROWS) : null };
  });
}
