// Live updates: when a user edits one of the add-in's tables, the pane re-reads what it shows.
// Table change events are ExcelApi 1.7; on older hosts the views refresh when shown or by button.
import type { TableKey } from "../domain/layout";
import { readState } from "./read";
import { supports } from "./requirements";

const watching = new Set<string>();

/** Calls `handler` (debounced) whenever the table changes; registers once per table per pane session. */
export async function onTableChanged(key: TableKey, handler: () => void, debounceMs = 300): Promise<boolean> {
  if (!supports("1.7") || watching.has(key)) return watching.has(key);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = async () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(handler, debounceMs);
  };
  return Excel.run(async (context) => {
    const state = await readState(context);
    const t = state.tables[key];
    if (!t) return false;
    context.workbook.tables.getItem(t.name).onChanged.add(debounced);
    await context.sync();
    watching.add(key);
    return true;
  });
}
