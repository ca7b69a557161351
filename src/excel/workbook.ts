// Reads what the workbook holds, in one round trip.
import { TABLE_NAMES } from "../domain/layout";

export interface WorkbookStatus {
  readonly sheetCount: number;
  /** Tables with the names Tiltaksmeny uses, present in this workbook. */
  readonly addinTables: readonly string[];
}

export async function readWorkbookStatus(): Promise<WorkbookStatus> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    const ours = new Set<string>(Object.values(TABLE_NAMES));
    return {
      sheetCount: sheets.items.length,
      addinTables: tables.items.map((t) => t.name).filter((n) => ours.has(n)),
    };
  });
}
