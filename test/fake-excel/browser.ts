// Browser build of the fake Excel host for the e2e tests (bundled by e2e/global-setup.ts and injected
// with page.addInitScript before the pane loads). Tests configure it through window.__fakeExcelInit and
// inspect window.__fakeModel.
import { fakeExcel } from "./host";
import { WorkbookModel } from "./model";

interface Init {
  sheets?: string[];
  tables?: { name: string; sheet: string }[];
}

const w = window as unknown as { __fakeExcelInit?: Init; __fakeModel: WorkbookModel; Excel: unknown };
const init = w.__fakeExcelInit ?? {};
const model = new WorkbookModel(init.sheets ?? ["Budsjett 2026"]);
for (const t of init.tables ?? []) {
  const sheet = model.sheet(t.sheet) ?? model.addSheet(t.sheet);
  model.tables.push({ name: t.name, sheet, rect: { row: 0, col: 0, rows: 2, cols: 1 }, showTotals: false, style: "" });
}
w.__fakeModel = model;
w.Excel = fakeExcel(model);

// Outside Office, office.js leaves Office.context without `requirements`; Excel itself answers
// isSetSupported. Stand in for Excel with ExcelApi up to 1.12, once office.js has loaded.
function patchRequirements(): void {
  const office = (window as unknown as { Office?: { context?: { requirements?: unknown } } }).Office;
  if (office?.context && !office.context.requirements) {
    office.context.requirements = { isSetSupported: (name: string, v?: string) => name === "ExcelApi" && Number((v ?? "1.1").split(".")[1]) <= 12 };
  }
}
document.addEventListener("DOMContentLoaded", () => {
  patchRequirements();
  // office.js may set up Office.context again while it initialises: patch again once it is ready.
  const office = (window as unknown as { Office?: { onReady?: (cb: () => void) => unknown } }).Office;
  office?.onReady?.(patchRequirements);
  let tries = 0;
  const timer = setInterval(() => {
    patchRequirements();
    if (++tries > 50) clearInterval(timer);
  }, 50);
});
