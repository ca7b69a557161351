// «Frys versjon»: saves a values-only copy of Oppfølging under a name in Versjoner and gives it a row in
// Versjonssammenligning; lists and removes versions. One read (readState: two round trips), one write;
// on a failed write both tables are put back as they were and checked (like the insert's rollback).
// What to write is decided in domain/versions.ts.
import { parseAddress, rectAddress } from "../domain/a1";
import { rewritable, type ExistingTable, type StoredCell } from "../domain/insertPlan";
import { DEFAULT_TABLE_NAMES, type CellValue, type TableKey, type TableNames } from "../domain/layout";
import { comparisonColumns, NOW_LABEL, versionColumns } from "../domain/layout/versions";
import { comparisonRow, frozenAt, frozenRows, missingForFreeze, removal, versionNameProblem, versionsIn, type VersionInfo } from "../domain/versions";
import { readState, type ReadState } from "./read";
import { fill } from "./render";
import { AddinError } from "./errors";

/** A refusal or failure of a version action, with its Norwegian message (shown as it is). */
export class VersionError extends Error {
  readonly code = "VersionError";
  constructor(
    message: string,
    /** After a failed write: whether the rollback verified both tables as before. */
    readonly restored: boolean | null = null,
  ) {
    super(message);
  }
}

const UPGRADE = "Sett inn tiltakskatalogen på nytt (den oppgraderer arbeidsboken uten å røre det dere har skrevet), og prøv igjen.";

interface Tables {
  readonly state: ReadState;
  readonly followUp: ExistingTable;
  readonly versions: ExistingTable;
  readonly comparison: ExistingTable;
  readonly names: TableNames;
}

const shown = (t: ExistingTable) => t.values ?? t.body;
const header = (t: ExistingTable) => t.header.map((h) => String(h ?? "").trim());

async function tables(context: Excel.RequestContext): Promise<Tables> {
  const state = await readState(context);
  const followUp = state.tables.followUp;
  if (!followUp) throw new AddinError("TiltakNotInserted");
  const versions = state.tables.versions;
  const comparison = state.tables.comparison;
  // Rapportvalg too: the comparison's formulas name it (an insert re-creates any of them that is gone).
  if (!versions || !comparison || !state.tables.reportChoice) throw new VersionError(`Arbeidsboken mangler tabellene for versjoner (Versjoner, Versjonssammenligning eller Rapportvalg). ${UPGRADE}`);
  const names = { ...DEFAULT_TABLE_NAMES } as Record<TableKey, string>;
  for (const [k, t] of Object.entries(state.tables)) if (t) names[k as TableKey] = t.name;
  return { state, followUp, versions, comparison, names };
}

const formulaCell = (v: CellValue): string | number => (typeof v === "object" ? v.formula : v);
const isBlankRow = (row: readonly StoredCell[]) => row.every((c) => c === null || c === "");

/** Queues the writing of `rows` (in the table's column order) at body row `at`, formats first, adding rows past the end. */
function writeRows(context: Excel.RequestContext, t: ExistingTable, at: number, rows: readonly (readonly CellValue[])[], formats: readonly string[]): void {
  if (rows.length === 0) return;
  const { rect } = parseAddress(t.address);
  const past = at + rows.length - t.body.length;
  if (past > 0) context.workbook.tables.getItem(t.id ?? t.name).rows.add(undefined, fill(past, t.header.length, () => ""));
  const range = context.workbook.worksheets.getItem(t.sheet).getRange(rectAddress({ row: rect.row + 1 + at, col: rect.col, rows: rows.length, cols: t.header.length }));
  range.numberFormat = rows.map(() => [...formats]);
  range.formulas = rows.map((r) => r.map(formulaCell));
}

/** Our columns' formats in the table's own column order (a user's column: General). */
function formatsOf(t: ExistingTable, columns: readonly { name: string; format: string }[]): string[] {
  return header(t).map((h) => columns.find((c) => c.name === h)?.format ?? "General");
}

/** Puts the tables back as they were read (row count, then every cell) and checks it. */
async function restore(context: Excel.RequestContext, before: readonly ExistingTable[]): Promise<boolean> {
  const wb = context.workbook;
  const counts = before.map((t) => wb.tables.getItem(t.id ?? t.name).getDataBodyRange().load("rowCount"));
  await context.sync();
  before.forEach((t, i) => {
    const { rect } = parseAddress(t.address);
    const sheet = wb.worksheets.getItem(t.sheet);
    const now = (counts[i] as Excel.Range).rowCount;
    const was = t.body.length;
    if (now > was) sheet.getRange(rectAddress({ row: rect.row + 1 + was, col: rect.col, rows: now - was, cols: t.header.length })).delete("Up" as Excel.DeleteShiftDirection);
    if (now < was) wb.tables.getItem(t.id ?? t.name).rows.add(undefined, fill(was - now, t.header.length, () => ""));
    const cell = (r: number, c: number) => {
      const v = rewritable(t.body[r]?.[c], t.values?.[r]?.[c]);
      return typeof v === "object" ? v.formula : v;
    };
    if (was > 0) sheet.getRange(rectAddress({ row: rect.row + 1, col: rect.col, rows: was, cols: t.header.length })).formulas = t.body.map((row, r) => row.map((_, c) => cell(r, c)));
  });
  await context.sync();
  const check = before.map((t) => wb.tables.getItem(t.id ?? t.name).getRange().load("formulas"));
  await context.sync();
  return before.every((t, i) => {
    const now = (check[i] as Excel.Range).formulas as StoredCell[][];
    const was = [t.header, ...t.body];
    return now.length === was.length && was.every((row, r) => row.every((c, j) => String(c ?? "") === String(now[r]?.[j] ?? "")));
  });
}

/** Runs the queued writes; on failure restores `touched` and throws a VersionError saying whether that worked. */
async function commit(context: Excel.RequestContext, touched: readonly ExistingTable[], what: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    const restored = await restore(context, touched).catch(() => false);
    const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
    const { excelErrorMessage } = await import("./errors");
    const why = excelErrorMessage(error);
    throw Object.assign(
      new VersionError(`${what} ${why} ${restored ? "Arbeidsboken er som før." : "Kontroller tabellene Versjoner og Versjonssammenligning (Angre i Excel kan hjelpe)."}`, restored),
      { cause: code },
    );
  }
}

export interface FreezeResult {
  readonly version: VersionInfo;
  readonly versions: readonly VersionInfo[];
  readonly message: string;
}

/** «Frys versjon»: the plan and follow-up figures as they are now, values only, under `name`. */
export async function freezeVersion(name: string, now: Date = new Date()): Promise<FreezeResult> {
  return Excel.run(async (context) => {
    const t = await tables(context);
    const before = versionsIn(header(t.versions), shown(t.versions));
    const problem = versionNameProblem(name, before.map((v) => v.name));
    if (problem) throw new VersionError(problem);
    const missing = missingForFreeze(header(t.followUp));
    if (missing.length > 0) throw new VersionError(`Oppfølging mangler ${missing.length === 1 ? "kolonnen" : "kolonnene"} ${missing.map((c) => `«${c}»`).join(", ")}. ${UPGRADE}`);
    const frozen = frozenAt(now);
    const rows = frozenRows(name, frozen, { header: t.followUp.header, values: shown(t.followUp) }, header(t.versions));
    if (rows.length === 0) throw new VersionError("Oppfølging har ingen rader å fryse.");

    // Empty rows at the end of Versjoner (the one it starts with) are filled first.
    let at = t.versions.body.length;
    while (at > 0 && isBlankRow(t.versions.body[at - 1] as StoredCell[])) at--;
    writeRows(context, t.versions, at, rows, formatsOf(t.versions, versionColumns()));

    // The new version takes the «Nå» row's place; a new «Nå» row, compared with it, goes last.
    const compHeader = header(t.comparison);
    const v = compHeader.indexOf("Versjon");
    const nowRow = shown(t.comparison).findIndex((r) => String(r[v] ?? "").trim().toLowerCase() === NOW_LABEL.toLowerCase());
    const previous = before[before.length - 1]?.name ?? "";
    const versionRow = comparisonRow(t.names, compHeader, { name, frozen }, previous);
    const nowCells = comparisonRow(t.names, compHeader, null, name.trim());
    const formats = formatsOf(t.comparison, comparisonColumns());
    if (nowRow >= 0) {
      writeRows(context, t.comparison, nowRow, [versionRow], formats);
      writeRows(context, t.comparison, t.comparison.body.length, [nowCells], formats);
    } else writeRows(context, t.comparison, t.comparison.body.length, [versionRow, nowCells], formats);
    await commit(context, [t.versions, t.comparison], "Versjonen ble ikke frosset.");

    const version: VersionInfo = { name: name.trim(), frozen, rows: rows.length };
    return { version, versions: [...before, version], message: `Frøs «${version.name}» (${rows.length} rader) ${frozen}.` };
  });
}

/** The versions the workbook holds, in the order they were frozen (empty when it has no Versjoner table yet). */
export async function listVersions(): Promise<readonly VersionInfo[]> {
  return Excel.run(async (context) => {
    const state = await readState(context);
    const t = state.tables.versions;
    return t ? versionsIn(header(t), shown(t)) : [];
  });
}

/** Removes a version: its rows in Versjoner and its row in Versjonssammenligning; the row compared with it is compared with the one before. */
export async function removeVersion(name: string): Promise<readonly VersionInfo[]> {
  return Excel.run(async (context) => {
    const t = await tables(context);
    const all = versionsIn(header(t.versions), shown(t.versions));
    const key = name.trim().toLowerCase();
    const i = all.findIndex((x) => x.name.toLowerCase() === key);
    if (i < 0) throw new VersionError(`Fant ingen versjon som heter «${name.trim()}».`);
    const replacement = all[i - 1]?.name ?? "";
    const same = (c: StoredCell | undefined) => String(c ?? "").trim().toLowerCase() === key;

    const vh = header(t.versions);
    const gone = shown(t.versions).flatMap((r, ri) => (same(r[vh.indexOf("Versjon")]) ? [ri] : []));
    const ch = header(t.comparison);
    const compRows = shown(t.comparison);
    const sheetOf = (x: ExistingTable) => context.workbook.worksheets.getItem(x.sheet);
    // First the «Forrige» of rows compared with it (positions before any row is deleted), then the deletions.
    const forrige = ch.indexOf("Forrige");
    compRows.forEach((r, ri) => {
      if (forrige < 0 || !same(r[forrige])) return;
      const { rect } = parseAddress(t.comparison.address);
      sheetOf(t.comparison).getRange(rectAddress({ row: rect.row + 1 + ri, col: rect.col + forrige, rows: 1, cols: 1 })).values = [[replacement]];
    });
    const compGone = compRows.flatMap((r, ri) => (same(r[ch.indexOf("Versjon")]) ? [ri] : []));
    for (const [table, rows] of [[t.versions, gone], [t.comparison, compGone]] as const) {
      const plan = removal(table.body.length, rows);
      const { rect } = parseAddress(table.address);
      const body = (from: number, count: number) => sheetOf(table).getRange(rectAddress({ row: rect.row + 1 + from, col: rect.col, rows: count, cols: table.header.length }));
      for (const r of plan.clear) body(r, 1).formulas = [table.header.map(() => "")];
      for (const run of plan.deleteRuns) body(run.from, run.count).delete("Up" as Excel.DeleteShiftDirection);
    }
    await commit(context, [t.versions, t.comparison], `Versjonen «${name.trim()}» ble ikke fjernet.`);
    return all.filter((_, j) => j !== i);
  });
}
