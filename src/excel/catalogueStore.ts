// The active catalogue in the workbook: one setting (CATALOGUE_SETTING) that travels with the file, read
// into the page's store (domain/activeCatalogue.ts) at start-up and written when the user switches. A switch
// recalculates every formula, so every TILTAK.* cell answers from the new catalogue. The custom functions'
// bundle imports this file to read the setting at start-up: it stays free of the table reader and planner
// (the check before a switch is catalogueSwitch.ts).
//
// Recalculation: a custom function is recalculated when its arguments change; a changed catalogue is no
// argument. Application.calculate(full) "recalculate[s] all formulas in all open workbooks, whether or not
// they changed since the last recalculation" (office-js-docs-pr docs/excel/excel-add-ins-workbooks.md,
// «Application.calculate»; ExcelApi 1.1) — one request, paid once per switch, which users do rarely. The
// alternatives cost on every edit instead: volatile functions recalculate "each time Excel recalculates"
// (docs/excel/custom-functions-json.md, `volatile`; custom-functions-volatile.md: "limit the number of
// volatile functions"), and streaming functions keep one live invocation per cell and change every
// function's metadata (docs/excel/custom-functions-json.md, `stream`). "recalculate" alone would skip the
// TILTAK cells, whose inputs did not change ("formulas that changed, or were marked for recalculation").
import {
  activeCatalogueState,
  setActiveCatalogue,
  startOnce,
  type CatalogueOrigin,
} from "../domain/activeCatalogue";
import type { Catalogue } from "../domain/catalogue";
import { CATALOGUE_SETTING } from "../domain/catalogueSetting";

export { CATALOGUE_SETTING } from "../domain/catalogueSetting";

// The parser and validator (8 KB gzip) load only for a workbook that stores a catalogue, or for a switch.
const stored = () => import(/* webpackChunkName: "lagret-katalog" */ "../domain/storedCatalogue");

/** The workbook's stored catalogue into the page's store (one read, one sync); the built-in one when there is none. */
export async function loadWorkbookCatalogue(): Promise<void> {
  const raw = await Excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(CATALOGUE_SETTING);
    setting.load("value");
    await context.sync();
    return setting.isNullObject ? null : (setting.value as unknown);
  });
  if (raw === null || raw === undefined || raw === "") {
    setActiveCatalogue(null, { kind: "builtin" });
    return;
  }
  const { parseStoredCatalogue } = await stored();
  try {
    const found = parseStoredCatalogue(raw);
    setActiveCatalogue(found.catalogue, found.origin, { acceptedOver: found.acceptedOver });
  } catch (e) {
    const why = e instanceof Error ? e.message : "ukjent feil";
    setActiveCatalogue(null, { kind: "builtin" }, { problem: `Katalogen som er lagret i arbeidsboken, kan ikke brukes (${why}). Tiltaksmeny bruker den innebygde katalogen.` });
  }
}

/**
 * Starts reading the workbook's catalogue, once per page, as soon as Office is ready: marked pending at
 * once, so custom functions called before then wait for it instead of answering from the built-in one.
 */
export function startActiveCatalogue(): Promise<void> {
  return startOnce(async () => {
    if (typeof Office !== "undefined" && typeof Office.onReady === "function") await Office.onReady();
    // Outside Excel (a browser, a test page) there is no workbook: the built-in catalogue stays.
    if (typeof Excel === "undefined") return;
    await loadWorkbookCatalogue();
  });
}

/**
 * Makes `cat` the workbook's active catalogue (null: back to the built-in one): stored in the workbook,
 * active in this page, and every formula recalculated — the setting and the recalculation in one request.
 * A catalogue too large to store is refused (CatalogueError, Norwegian) before anything changes; a failed
 * write leaves the previous catalogue active.
 */
export async function activateCatalogue(cat: Catalogue | null, origin: CatalogueOrigin, options: { readonly acceptedOver?: string | null } = {}): Promise<void> {
  const acceptedOver = options.acceptedOver ?? null;
  const text = cat ? (await stored()).storedCatalogueText(cat, origin, acceptedOver) : null;
  const before = activeCatalogueState();
  // Active here first: functions that Excel calls during the recalculation below must see the new one.
  setActiveCatalogue(cat, origin, { acceptedOver });
  try {
    await Excel.run(async (context) => {
      const settings = context.workbook.settings;
      // The built-in catalogue is the default: restoring it removes the workbook's own (an empty value
      // means the same, so no read is needed to learn whether there is one to delete).
      settings.add(CATALOGUE_SETTING, text ?? "");
      context.workbook.application.calculate("Full" as Excel.CalculationType);
      await context.sync();
    });
  } catch (error) {
    setActiveCatalogue(before.catalogue, before.origin, { acceptedOver: before.acceptedOver, problem: before.problem });
    await Excel.run(async (context) => {
      context.workbook.application.calculate("Full" as Excel.CalculationType);
      await context.sync();
    }).catch(() => undefined);
    throw error;
  }
}
