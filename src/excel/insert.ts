// Inserts or updates the catalogue: one or two reads (read.ts), one write request (more only past
// Excel on the web's payload limit, writer.ts), one recalculation. On failure, undoes what it did.
import type { Catalogue } from "../domain/catalogue";
import { describeInsert, MEMORY_KEY, planInsert, type InsertPlan } from "../domain/insertPlan";
import { catalogueFromTables } from "../domain/edited";
import { inputFindings } from "../domain/inputCheck";
import { reconcile } from "../domain/reconcile";
import { activeCatalogueState } from "../domain/activeCatalogue";
import { catalogueClash } from "../domain/catalogueSwitch";
import { IDENTITY_NAME, identityFormula } from "../domain/identity";
import { readOptions, readState, tableValues } from "./read";
import { renderOps } from "./render";
import { InsertFailed, InsertRefused, rollbackAfterFailure } from "./rollback";
export { InsertFailed, InsertRefused } from "./rollback";
import { AddinError } from "./errors";
import { Writer, WRITE_BUDGET } from "./writer";

export interface InsertResult {
  readonly plan: InsertPlan;
  readonly messages: readonly string[];
}

type Progress = (step: string) => void;

/** The insert's own words on identity and placement, beside describeInsert's counts. */
export function describePlacement(plan: InsertPlan): string[] {
  const r = plan.report;
  const out: string[] = [];
  for (const x of r.recognised ?? []) out.push(`Tabellen du har kalt «${x.now}» er gjenkjent som Tiltaksmenys «${x.was}» og er oppdatert der den står.`);
  for (const x of r.addedColumns ?? []) out.push(`La til ${x.columns.length === 1 ? "kolonnen" : "kolonnene"} ${x.columns.map((c) => `«${c}»`).join(", ")} i tabellen «${x.table}»; dine kolonner og verdier står som før.`);
  for (const x of r.moved ?? []) out.push(`Tabellen «${x.table}» ble laget på nytt i celle ${x.cell} på arket «${x.sheet}», fordi den gamle plassen har innhold du har skrevet.`);
  return out;
}
/**
 * Inserts or updates the catalogue tables. Throws the Excel error (map it with excelErrorMessage);
 * on a failed write the workbook is restored to how it was before.
 */
export async function insertCatalogue(cat: Catalogue, progress: Progress = () => undefined): Promise<InsertResult> {
  return Excel.run(async (context) => {
    progress("Leser arbeidsboken …");
    const state = await readState(context, readOptions(cat));
    // Another catalogue's tables are explained, not overwritten, unless the user agreed to switch.
    const clash = catalogueClash(cat, state, activeCatalogueState().acceptedOver);
    if (clash) throw new InsertRefused([clash.message]);
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
    if (plan.refused.length > 0) throw new InsertRefused(plan.refused);
    if (plan.unchanged) return { plan, messages: describeInsert(plan.report, true) };

    // The memory is one setting, sent in one request: refuse before writing anything if it cannot fit.
    const memory = JSON.stringify(plan.memory);
    if (memory.length > WRITE_BUDGET) throw new AddinError("CatalogueTooLarge");
    progress("Skriver tabellene …");
    const w = new Writer(context);
    try {
      const created = await renderOps(w, plan.ops, plan.sheetPositions);
      await w.flush(true);
      // Written last, with the new tables' ids, in the request that recalculates: if anything above
      // fails, the old memory still describes the workbook.
      const tables = { ...plan.memory.tables };
      for (const [k, t] of created) tables[k as keyof typeof tables] = { ...(tables[k as keyof typeof tables] as { name: string; sheet: string }), id: t.id };
      context.workbook.settings.add(MEMORY_KEY, JSON.stringify({ ...plan.memory, tables }));
      // The name a file copy of this workbook is recognised by, should the memory (a setting) be lost.
      if (!state.definedNames.some((n) => n.toLowerCase() === IDENTITY_NAME.toLowerCase())) context.workbook.names.add(IDENTITY_NAME, identityFormula(cat));
      // Below ExcelApi 1.6 nothing is suspended, so the memory goes in a request of its own.
      if (!(await w.recalculate())) await context.sync();
    } catch (error) {
      // The original error is what the user must see, with what the rollback could verify.
      const outcome = await rollbackAfterFailure(context, plan, state);
      await w.recalculate().catch(() => undefined);
      throw new InsertFailed(error, outcome);
    }
    return { plan, messages: [...describeInsert(plan.report, false), ...describePlacement(plan)] };
  });
}

