// The one declared requirement-set floor, shared by the manifest check, the API-set test and the pane.
// Members above the floor are used only behind `supports("1.N")` (the API-set test enforces the form).

/** ExcelApi version the manifest declares; everything used unguarded must be at or below it. */
export const EXCEL_API_FLOOR = "1.4";

/** CustomFunctionsRuntime version the functions use (CustomFunctions.Error 1.2, ErrorCode 1.3). */
export const CUSTOM_FUNCTIONS_RUNTIME = "1.3";

/** SharedRuntime version the manifest declares (the pane hosts the functions). */
export const SHARED_RUNTIME = "1.1";

type Requirements = { isSetSupported?: (name: string, version?: string) => boolean };

function requirements(): Requirements | undefined {
  return typeof Office !== "undefined" ? (Office.context?.requirements as Requirements | undefined) : undefined;
}

/** True when the host supports ExcelApi `version` (the guard the API-set test recognises). */
export function supports(version: string): boolean {
  return !!requirements()?.isSetSupported?.("ExcelApi", version);
}

/** True when the host answers requirement checks and says it is below the floor. */
export function belowFloor(): boolean {
  const r = requirements();
  return typeof r?.isSetSupported === "function" && !r.isSetSupported("ExcelApi", EXCEL_API_FLOOR);
}
