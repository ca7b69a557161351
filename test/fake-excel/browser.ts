// Browser build of the fake Excel host for the e2e tests (bundled by e2e/global-setup.ts and injected
// with page.addInitScript before the pane loads). Tests configure it through window.__fakeExcelInit and
// inspect window.__fakeModel.
import { fakeExcel } from "./host";
import { WorkbookModel } from "./model";

interface Init {
  sheets?: string[];
  tables?: { name: string; sheet: string }[];
  /** Highest ExcelApi version the fake Excel supports (default "1.12"); "1.3" is below the add-in's floor. */
  excelApi?: string;
  /** Other requirement sets and their highest version (default SharedRuntime 1.1, CustomFunctionsRuntime 1.4). */
  sets?: Record<string, string>;
  /** Office.context.diagnostics (default Excel on the web); null leaves whatever office.js has. */
  diagnostics?: { platform: string; version: string } | null;
  /** Office's theme as the pane opens (default: none, as office.js reports outside Office). */
  officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string } | null;
}

const w = window as unknown as { __fakeExcelInit?: Init; __fakeModel: WorkbookModel; Excel: unknown };
const init = w.__fakeExcelInit ?? {};

// Outside Office, office.js leaves Office.context without `requirements` and `diagnostics`; Excel itself
// answers isSetSupported and says which platform and build it is. Stand in for Excel (by default Excel on
// the web with ExcelApi up to 1.12): the same version for the requirement checks and for what the fake
// host accepts (model.apiVersion), patched into Office.context once office.js has loaded.
const supported: Record<string, string> = { SharedRuntime: "1.1", CustomFunctionsRuntime: "1.4", ...init.sets, ExcelApi: init.excelApi ?? "1.12" };
const minor = (v: string): number => Number(v.split(".")[1] ?? 0);
const requirements = {
  isSetSupported: (name: string, v?: string) => {
    const max = supported[name];
    return max !== undefined && minor(v ?? "1.1") <= minor(max);
  },
};
const diagnostics = init.diagnostics === undefined ? { host: "Excel", platform: "OfficeOnline", version: "16.0.18000.10000" } : init.diagnostics && { host: "Excel", ...init.diagnostics };

const model = new WorkbookModel(init.sheets ?? ["Budsjett 2026"]);
model.apiVersion = minor(supported.ExcelApi as string);
for (const t of init.tables ?? []) {
  const sheet = model.sheet(t.sheet) ?? model.addSheet(t.sheet);
  model.tables.push({ id: `{user-${t.name}}`, name: t.name, sheet, rect: { row: 0, col: 0, rows: 2, cols: 1 }, showTotals: false, style: "" });
}
w.__fakeModel = model;
w.Excel = fakeExcel(model);

// Excel's theme: Office.context.officeTheme answers window.__officeTheme, and
// Office.context.document.addHandlerAsync(OfficeThemeChanged) registers handlers that
// window.__setOfficeTheme(theme) calls, as Office does when the user changes the theme.
type ThemeHandler = (e: unknown) => void;
const themeWindow = window as unknown as { __officeTheme?: unknown; __setOfficeTheme: (t: unknown) => void };
themeWindow.__officeTheme = init.officeTheme ?? undefined;
const themeHandlers: ThemeHandler[] = [];
themeWindow.__setOfficeTheme = (t) => {
  themeWindow.__officeTheme = t;
  for (const h of themeHandlers) h({ type: "officeThemeChanged", officeTheme: t });
};

interface OfficeLike {
  EventType?: Record<string, string>;
  context?: Record<string, unknown> & { document?: { __themePatched?: boolean; addHandlerAsync?: unknown } };
  onReady?: (cb: () => void) => unknown;
}

/** Outside Office, office.js leaves these out of Office.context: put in what Excel would answer. */
function patchContext(): void {
  const office = (window as unknown as { Office?: OfficeLike }).Office;
  if (!office) return;
  office.EventType = office.EventType ?? {};
  office.EventType.OfficeThemeChanged ??= "officeThemeChanged";
  const context = office.context;
  if (!context) return;
  for (const [key, value] of [["requirements", requirements], ["diagnostics", diagnostics]] as const) {
    if (!value || context[key] === value) continue;
    try {
      Object.defineProperty(context, key, { value, configurable: true, writable: true });
    } catch {
      context[key] = value; // a non-configurable property office.js made: plain assignment
    }
  }
  try {
    Object.defineProperty(context, "officeTheme", { get: () => themeWindow.__officeTheme, configurable: true });
  } catch {
    // office.js made it non-configurable: leave it.
  }
  context.document ??= {};
  const doc = context.document;
  if (doc.__themePatched) return;
  doc.__themePatched = true;
  doc.addHandlerAsync = (type: string, handler: ThemeHandler, callback?: (r: unknown) => void) => {
    if (type === "officeThemeChanged") themeHandlers.push(handler);
    callback?.({ status: "succeeded" });
  };
}
// Excel has Office.context ready before Office.onReady resolves. Patch as soon as office.js has run (before
// the pane's own scripts), and queue the patch first in Office.onReady, so the pane never sees the bare context.
const officeScripts = new MutationObserver(() => {
  for (const s of document.querySelectorAll<HTMLScriptElement & { __fakeHostWatched?: boolean }>("script[src*='office.js']")) {
    if (s.__fakeHostWatched) continue;
    s.__fakeHostWatched = true;
    s.addEventListener("load", () => {
      patchContext();
      (window as unknown as { Office?: OfficeLike }).Office?.onReady?.(patchContext);
    });
  }
});
officeScripts.observe(document, { childList: true, subtree: true });
document.addEventListener("DOMContentLoaded", () => {
  officeScripts.disconnect();
  patchContext();
  // office.js may set up Office.context again while it initialises: patch again once it is ready.
  (window as unknown as { Office?: OfficeLike }).Office?.onReady?.(patchContext);
  let tries = 0;
  const timer = setInterval(() => {
    patchContext();
    if (++tries > 50) clearInterval(timer);
  }, 50);
});

// Excel's shared runtime gives the page CustomFunctions; the functions entry registers TILTAK.* with
// associate. office.js defines it outside Office too, extending an existing object and assigning its own
// associate (custom-functions-runtime.js: `(CustomFunctions||(CustomFunctions={}))`, then `a.associate=`).
// Keep every registration in window.__customFunctions as well, so a test can call a function as Excel would.
type Fn = (...args: unknown[]) => unknown;
const registered: Record<string, Fn> = {};
const cfWindow = window as unknown as { CustomFunctions?: Record<string, unknown>; __customFunctions: Record<string, Fn> };
cfWindow.__customFunctions = registered;
class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
const customFunctions: Record<string, unknown> = cfWindow.CustomFunctions ?? {
  Error: CustomFunctionError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};
let officeAssociate = customFunctions.associate as ((id: string, fn: Fn) => void) | undefined;
Object.defineProperty(customFunctions, "associate", {
  configurable: true,
  get: () => (id: string, fn: Fn) => {
    registered[id.toUpperCase()] = fn;
    officeAssociate?.(id, fn);
  },
  set: (f: (id: string, fn: Fn) => void) => void (officeAssociate = f),
});
cfWindow.CustomFunctions = customFunctions;
