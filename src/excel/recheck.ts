// "Kontroller på nytt": read the add-in's tables back (one read), re-run the rules over the values the
// user sees, rewrite the Avvik table (one write, only when the findings changed).
import type { Catalogue } from "../domain/catalogue";
import { catalogueFromTables } from "../domain/edited";
import { inputFindings } from "../domain/inputCheck";
import { parseMemory, replaceOp } from "../domain/insertPlan";
import { DEFAULT_TABLE_NAMES, findingsTable, type TableNames } from "../domain/layout";
import { reconcile, type Finding } from "../domain/reconcile";
import { readState, tableValues } from "./read";
import { renderReplace } from "./render";
import { rollback } from "./rollback";
import { AddinError } from "./errors";
import { Writer } from "./writer";

export interface RecheckResult {
  readonly findings: readonly Finding[];
  readonly changed: boolean;
}


export async function recheckWorkbook(cat: Catalogue): Promise<RecheckResult> {
  return Excel.run(async (context) => {
    const state = await readState(context);
    const memory = parseMemory(state.memory);
    const existing = state.tables.findings;
    if (!memory || !existing) throw new AddinError("TiltakNotInserted");
    const edited = catalogueFromTables(cat, tableValues(state.tables.measures), tableValues(state.tables.lines));
    const findings = [...reconcile(edited), ...inputFindings(cat, state.tables)];
    const names = { ...DEFAULT_TABLE_NAMES, ...Object.fromEntries(Object.entries(memory.tables).map(([k, v]) => [k, v.name])) } as TableNames;
    const op = replaceOp(findingsTable(names, findings), existing);
    if (!op) return { findings, changed: false };
    try {
      const w = new Writer(context, false);
      await renderReplace(w, op);
      await w.finish();
    } catch (error) {
      await rollback(context, { ops: [op] }).catch(() => undefined);
      throw error;
    }
    return { findings, changed: true };
  });
}
