// Shows a finding's cells: activates their sheet and selects them (one read, one write).
import { findingTarget } from "../domain/findingTarget";
import type { Finding } from "../domain/reconcile";
import { readState } from "./read";
import { AddinError } from "./errors";

export async function selectFinding(f: Finding): Promise<string> {
  return Excel.run(async (context) => {
    const state = await readState(context);
    const target = findingTarget(f, state.tables);
    if (!target) throw new AddinError("TiltakNotInserted");
    const sheet = context.workbook.worksheets.getItem(target.sheet);
    sheet.activate();
    sheet.getRange(target.address).select();
    await context.sync();
    return `${target.sheet}!${target.address}`;
  });
}
