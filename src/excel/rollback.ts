// Best-effort undo after a failed write: remove what was created, restore what was overwritten.
// Office.js has no undo group, so the adapter keeps what it needs to restore in the plan itself.
import type { ExistingTable, InsertPlan, TableOp } from "../domain/insertPlan";
import { parseAddress, rectAddress } from "../domain/a1";
import { fill } from "./render";

export async function rollback(context: Excel.RequestContext, plan: Pick<InsertPlan, "ops">): Promise<void> {
  const wb = context.workbook;
  const newSheets = new Set(plan.ops.filter((o) => o.kind === "create" && o.newSheet).map((o) => (o as { sheet: string }).sheet));
  const sheetProbes = [...newSheets].map((n) => wb.worksheets.getItemOrNullObject(n).load("name"));
  const tableProbes = plan.ops
    // Tables on sheets this insert created go with their sheet.
    .filter((o): o is Extract<TableOp, { kind: "create" }> => o.kind === "create" && !newSheets.has(o.sheet))
    .map((o) => ({ op: o, table: wb.tables.getItemOrNullObject(o.spec.table).load("name") }));
  // Row counts now, to remove rows a failed write may have added to existing tables.
  const rowCounts = new Map(
    plan.ops
      .filter((o) => o.kind !== "create")
      .map((o) => {
        const range = wb.tables.getItem((o as { existing: ExistingTable }).existing.name).getDataBodyRange();
        range.load("rowCount");
        return [o, range] as const;
      }),
  );
  await context.sync();
  for (const s of sheetProbes) if (!s.isNullObject) s.delete();
  for (const { op, table } of tableProbes) {
    const rect = { row: op.spec.startRow, col: 0, rows: op.spec.rows.length + 2, cols: op.spec.columns.length };
    if (!table.isNullObject) table.delete();
    wb.worksheets.getItem(op.sheet).getRange(rectAddress({ ...rect, row: Math.max(0, rect.row - 1), rows: rect.rows + 1 })).clear();
  }
  for (const op of plan.ops) {
    if (op.kind === "create") continue;
    const range = rowCounts.get(op) as Excel.Range;
    const sheet = wb.worksheets.getItem(op.existing.sheet);
    const { rect } = parseAddress(op.existing.address);
    const width = op.existing.header.length;
    const now = range.rowCount;
    const was = op.existing.body.length;
    if (now > was) sheet.getRange(rectAddress({ row: rect.row + 1 + was, col: rect.col, rows: now - was, cols: width })).delete("Up");
    if (op.kind === "update") {
      for (const w of op.writes) {
        sheet.getRange(rectAddress({ row: rect.row + 1 + w.row, col: rect.col + w.col, rows: 1, cols: 1 })).formulas = [[w.previous ?? ""]];
      }
      continue;
    }
    if (now < was) wb.tables.getItem(op.existing.name).rows.add(undefined, fill(was - now, width, () => ""));
    sheet.getRange(rectAddress({ row: rect.row + 1, col: rect.col, rows: was, cols: width })).formulas = op.existing.body.map((r) => r.map((c) => c ?? ""));
  }
  await context.sync();
}
