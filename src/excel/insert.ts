// Inserts or updates the catalogue: one or two reads (read.ts), one write request (more only past
// Excel on the web's payload limit, writer.ts), one recalculation. On failure, undoes what it did.
import type { Catalogue } from "../domain/catalogue";
import { describeInsert, MEMORY_KEY, planInsert, type InsertPlan } from "../domain/insertPlan";
import { catalogueFromTables } from "../domain/edited";
import { inputFindings } from "../domain/inputCheck";
import { reconcile } from "../domain/reconcile";
import { readState, tableValues } from "./read";
import { renderOps } from "./render";
import { rollback } from "./rollback";
import { AddinError } from "./errors";
import { Writer, WRITE_BUDGET } from "./writer";

export interface InsertResult {
  readonly plan: InsertPlan;
  readonly messages: readonly string[];
}

type Progress = (step: string) => void;

/**
 * Inserts or updates the catalogue tables. Throws the Excel error (map it with excelErrorMessage);
 * on a failed write the workbook is restored to how it was before.
 */
export async function insertCatalogue(cat: Catalogue, progress: Progress = () => undefined): Promise<InsertResult> {
  return Excel.run(async (context) => {
    progress("Leser arbeidsboken …");
    const state = await readState(context);
    // What users typed wrongly in the input columns is part of the findings too.
    const typed = inputFindings(cat, state.tables);
    let plan = typed.length > 0 ? planInsert(cat, state, [...reconcile(cat), ...typed]) : planInsert(cat, state);
    if (plan.report.keptEdits.length > 0) {
      // Corrections the user made stay in the workbook, so the findings must be about them too.
      const kept = new Set(plan.report.keptEdits.map((e) => `${e.table}\u0000${e.key}\u0000${e.column}`));
      const nameOf = (k: "measures" | "lines") => state.tables[k]?.name ?? "";
      const edited = catalogueFromTables(cat, tableValues(state.tables.measures), tableValues(state.tables.lines), (t, key, column) =>
        kept.has(`${nameOf(t)}\u0000${key}\u0000${column}`),
      );
      plan = planInsert(cat, state, [...reconcile(edited), ...typed]);
    }
    if (plan.unchanged) return { plan, messages: describeInsert(plan.report, true) };

    // The memory is one setting, sent in one request: refuse before writing anything if it cannot fit.
    const memory = JSON.stringify(plan.memory);
    if (memory.length > WRITE_BUDGET) throw new AddinError("CatalogueTooLarge");
    progress("Skriver tabellene …");
    const w = new Writer(context);
    try {
      await renderOps(w, plan.ops, plan.sheetPositions);
      // Written last: if anything above fails, the old memory still describes the workbook.
      await w.room(memory.length);
      context.workbook.settings.add(MEMORY_KEY, memory);
      await w.finish();
    } catch (error) {
      // The original error is what the user must see; a failed clean-up is reported by it too.
      await rollback(context, plan).catch(() => undefined);
      await w.recalculate().catch(() => undefined);
      throw error;
    }
    return { plan, messages: describeInsert(plan.report, false) };
  });
}

