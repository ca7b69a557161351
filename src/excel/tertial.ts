// The pane's tertial view: reads Oppfølging (what Excel computed: lights, plan, expected), the status
// list and the frozen versions in one read, and shows a row of Oppfølging. The figures are summarised
// by domain/tertial.ts; nothing is computed here.
import { parseAddress, rectAddress } from "../domain/a1";
import type { ExistingTable } from "../domain/insertPlan";
import { DEFAULT_STATUSES, followUpRows, statusesFrom, type FollowUpRow, type StatusDef } from "../domain/tertial";
import { versionMeasures, versionsIn, type VersionInfo } from "../domain/versions";
import { readState } from "./read";
import { AddinError } from "./errors";

export interface TertialData {
  readonly rows: readonly FollowUpRow[];
  readonly statuses: readonly StatusDef[];
  readonly versions: readonly VersionInfo[];
  /** Nr → title of the adopted version (the first frozen one) per year, for the added/dropped marks. */
  readonly adopted: { readonly name: string; readonly measures: (year: number) => ReadonlyMap<string, string> } | null;
  /** Whether Oppfølging has the tertial columns (an older workbook must be upgraded first). */
  readonly upgraded: boolean;
}

const shown = (t: ExistingTable) => t.values ?? t.body;

/** One read of Oppfølging, Statusliste and Versjoner. */
export async function readTertial(): Promise<TertialData> {
  return Excel.run(async (context) => {
    const state = await readState(context);
    const follow = state.tables.followUp;
    if (!follow) throw new AddinError("TiltakNotInserted");
    const list = state.tables.statusList;
    const statuses = list ? statusesFrom(list.header, shown(list)) : DEFAULT_STATUSES;
    const v = state.tables.versions;
    const versions = v ? versionsIn(v.header, shown(v)) : [];
    const first = versions[0];
    const adopted = v && first ? { name: first.name, measures: (year: number) => versionMeasures(v.header, shown(v), first.name, year) } : null;
    return { rows: followUpRows(follow.header, shown(follow)), statuses, versions, adopted, upgraded: follow.header.some((h) => String(h).trim() === "Signal") };
  });
}

/** Activates Oppfølging and selects a body row of it (the pane's «vis» beside a red row). */
export async function showFollowUpRow(index: number): Promise<string> {
  return Excel.run(async (context) => {
    const state = await readState(context);
    const t = state.tables.followUp;
    if (!t) throw new AddinError("TiltakNotInserted");
    if (index < 0 || index >= t.body.length) throw new AddinError("ItemNotFound");
    const { rect } = parseAddress(t.address);
    const address = rectAddress({ row: rect.row + 1 + index, col: rect.col, rows: 1, cols: t.header.length });
    const sheet = context.workbook.worksheets.getItem(t.sheet);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
    return `${t.sheet}!${address}`;
  });
}
