// What every view of the pane needs to know about the workbook and the insert action, shared through
// context: whether the catalogue is inserted (read on open and after every insert) and one insert action,
// whichever view starts it (Start, or a view's empty state).
import { createContext, useContext } from "react";
import type { InsertResult } from "../excel/insert";
import type { InsertSummary } from "./insertText";
import type { ActionState } from "./useAction";

/** What an insert returns to the pane: the adapter's result and its summary in the user's words. */
export interface InsertOutcome extends InsertResult {
  readonly summary: InsertSummary;
}

/** reading: not known yet; absent: not inserted; present: the add-in's tables are there; unreadable: Excel did not answer. */
export type WorkbookState = "reading" | "absent" | "present" | "unreadable";

export const WORKBOOK_STATUS_TEXT: Readonly<Record<WorkbookState, string>> = {
  reading: "leser arbeidsboken …",
  absent: "ikke satt inn ennå",
  present: "satt inn i arbeidsboken",
  unreadable: "kunne ikke lese arbeidsboken",
};

export interface PaneState {
  readonly workbook: WorkbookState;
  readonly insert: ActionState<InsertOutcome>;
  readonly startInsert: () => Promise<void>;
  /** Set when inserting is off (Excel below the floor): the reason, shown beside the button. */
  readonly blockedReason: string | undefined;
}

export const PaneContext = createContext<PaneState | null>(null);

export function usePane(): PaneState {
  const p = useContext(PaneContext);
  if (!p) throw new Error("usePane outside PaneContext");
  return p;
}
