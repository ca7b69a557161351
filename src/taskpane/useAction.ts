import { useCallback, useRef, useState } from "react";

export type ActionState<T> =
  | { readonly state: "idle" }
  | { readonly state: "busy"; readonly step: string }
  | { readonly state: "done"; readonly result: T }
  | { readonly state: "error"; readonly message: string; readonly asBefore: boolean | null; readonly details: readonly string[] };

/**
 * A long workbook action: shows its current step, cannot be started twice, and turns any failure into
 * a Norwegian message (never an unhandled rejection, never Excel's raw error text). The message table (and
 * the catalogue validator it knows about) is loaded when a failure needs it, not with the pane's first chunk.
 */
export function useAction<T>(run: (progress: (step: string) => void) => Promise<T>): [ActionState<T>, () => Promise<void>] {
  const [state, setState] = useState<ActionState<T>>({ state: "idle" });
  const running = useRef(false);
  const start = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setState({ state: "busy", step: "" });
    try {
      const result = await run((step) => setState({ state: "busy", step }));
      setState({ state: "done", result });
    } catch (e) {
      const { errorDetails, excelErrorMessage } = await import(/* webpackChunkName: "feil" */ "../excel/errors");
      const { asBefore, lines } = errorDetails(e);
      setState({ state: "error", message: excelErrorMessage(e), asBefore, details: lines });
    } finally {
      running.current = false;
    }
  }, [run]);
  return [state, start];
}
