// "Kontroller på nytt": read the add-in's tables back (one read), re-run the rules over the values the
// user sees, rewrite the Avvik table (one write, only when the findings changed).
import type { Catalogue } from "../domain/catalogue";
import { catalogueFromTables } from "../domain/edited";
import { inputFindings } from "../domain/inputCheck";
import { parseMemory, replaceOp, type RewriteSummary } from "../domain/insertPlan";
import { DEFAULT_TABLE_NAMES, findingsTable, type TableNames } from "../domain/layout";
import { reconcile, type Finding } from "../domain/reconcile";
import { catalogueMismatch } from "../domain/catalogueSwitch";
import { readOptions, readState, tableValues } from "./read";
import { renderReplace } from "./render";
import { InsertFailed, InsertRefused, rollbackAfterFailure } from "./rollback";
import { AddinError } from "./errors";
import { Writer } from "./writer";

export interface RecheckResult {
  readonly findings: readonly Finding[];
  readonly changed: boolean;
  /** What the rewrite of Avvik did (when changed): rows, the user's columns kept with their findings, rows kept as «løst». Words: describeRewrite. */
  readonly rewritten?: { readonly table: string } & RewriteSummary;
}


export async function recheckWorkbook(cat: Catalogue): Promise<RecheckResult> {
  return Excel.run(async (context) => {
    const state = await readState(context, readOptions(cat));
    const mismatch = catalogueMismatch(cat, state);
    if (mismatch) throw new InsertRefused([mismatch]);
    const memory = parseMemory(state.memory);
    const existing = state.tables.findings;
    if (!memory || !existing) throw new AddinError("TiltakNotInserted");
    const edited = catalogueFromTables(cat, tableValues(state.tables.measures), tableValues(state.tables.lines));
    const findings = [...reconcile(edited), ...inputFindings(cat, state.tables)];
    // Names as found now (a renamed table is found by its id), else as remembered.
    const found = Object.entries(state.tables).flatMap(([k, t]) => (t ? [[k, t.name]] : []));
    const names = { ...DEFAULT_TABLE_NAMES, ...Object.fromEntries(Object.entries(memory.tables).map(([k, v]) => [k, v.name])), ...Object.fromEntries(found) } as TableNames;
    const op = replaceOp(findingsTable(names, findings), existing);
    if (!op) return { findings, changed: false };
    try {
      const w = new Writer(context, false);
      await renderReplace(w, op);
      await w.finish();
    } catch (error) {
      const outcome = await rollbackAfterFailure(context, { ops: [op] }, state);
      throw new InsertFailed(error, outcome);
    }
    return { findings, changed: true, rewritten: { table: existing.name, ...op.summary } };
  });
}
