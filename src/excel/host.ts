// The pane's seam to Office.js: is there an Excel to talk to?

/**
 * True inside Excel. Outside Office, office.js resolves onReady with host null and defines no
 * Excel.run; a test host that injects window.Excel before load is treated as Excel.
 */
export function excelAvailable(info: { host: unknown } | null | undefined): boolean {
  if (info?.host === "Excel") return true;
  const excel = (globalThis as { Excel?: { run?: unknown } }).Excel;
  return typeof excel?.run === "function";
}
