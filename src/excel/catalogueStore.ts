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
import { supports } from "./requirements";

export { CATALOGUE_SETTING } from "../domain/catalogueSetting";

// The parser and validator (8 KB gzip) load only for a workbook that stores a catalogue, or for a switch.
const stored = () => import(/* webpackChunkName: "lagret-katalog" */ "../domain/storedCatalogue");

/** The setting's text this page last applied or wrote ("" for none): a change event for it is no change. */
let known: string | null = null;
const asText = (raw: unknown): string => (raw === null || raw === undefined ? "" : typeof raw === "string" ? raw : JSON.stringify(raw));

/** The setting's raw value; with `follow`, the settings-changed handler is registered in the same request. */
async function readSetting(follow = false): Promise<unknown> {
  return Excel.run(async (context) => {
    if (follow) register(context);
    const setting = context.workbook.settings.getItemOrNullObject(CATALOGUE_SETTING);
    setting.load("value");
    await context.sync();
    return setting.isNullObject ? null : (setting.value as unknown);
  });
}

/** The setting's value (raw, as read) made the page's active catalogue; the built-in one when there is none. */
async function apply(raw: unknown): Promise<void> {
  known = asText(raw);
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
 * The workbook's stored catalogue into the page's store (one read, one sync); the built-in one when there is
 * none. With `follow`, changes made elsewhere are followed from then on (registered in the same sync).
 */
export async function loadWorkbookCatalogue(options: { readonly follow?: boolean } = {}): Promise<void> {
  await apply(await readSetting(options.follow === true));
}

// Per Excel host object: one page has one, and each test's fake host is a new one.
const following = new WeakSet<object>();
let queue: Promise<void> = Promise.resolve();

/**
 * Co-authoring: "Excel doesn't synchronize your add-in's JavaScript variables … use events to detect
 * coauthor changes" (office-js-docs-pr docs/excel/co-authoring-in-excel-add-ins.md). When another user
 * switches the catalogue, the setting changes under this page: SettingCollection.onSettingsChanged ("Occurs
 * when the settings in the document are changed", ExcelApi 1.4) re-reads it, and a changed catalogue is made
 * active here and every formula recalculated, so this user's TILTAK cells answer from it too. Our own writes
 * raise the event as well (the insert's memory, a switch): one read of the setting each, nothing more when the
 * text is the one `known` holds. Whether Excel raises the event for a co-author's change is a self-test
 * question (docs/excel-selvtest.md). Below ExcelApi 1.4 there is no event; a reopened workbook reads the setting.
 */
function register(context: Excel.RequestContext): void {
  const host = Excel as unknown as object;
  if (following.has(host) || !supports("1.4")) return;
  following.add(host);
  context.workbook.settings.onSettingsChanged.add(() => {
    queue = queue.then(refreshFromSetting).catch(() => undefined);
    return Promise.resolve();
  });
}

/** Resolves when the re-reads the settings-changed events have queued so far are done. */
export function settingRefreshes(): Promise<void> {
  return queue;
}

/** Every formula in the open workbooks, so each TILTAK cell asks the active catalogue again (see the top). */
function recalculateAll(): Promise<void> {
  return Excel.run(async (context) => {
    context.workbook.application.calculate("Full" as Excel.CalculationType);
    await context.sync();
  });
}

async function refreshFromSetting(): Promise<void> {
  const raw = await readSetting();
  if (asText(raw) === known) return;
  await apply(raw);
  await recalculateAll();
}

/**
 * Starts reading the workbook's catalogue, once per page, as soon as Office is ready: marked pending at
 * once, so custom functions called before then wait for it instead of answering from the built-in one.
 * Then follows the setting for changes made elsewhere.
 */
export function startActiveCatalogue(): Promise<void> {
  return startOnce(async () => {
    if (typeof Office !== "undefined" && typeof Office.onReady === "function") await Office.onReady();
    // Outside Excel (a browser, a test page) there is no workbook: the built-in catalogue stays.
    if (typeof Excel === "undefined") return;
    await loadWorkbookCatalogue({ follow: true });
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
  const knownBefore = known;
  // Active here first: functions that Excel calls during the recalculation below must see the new one.
  setActiveCatalogue(cat, origin, { acceptedOver });
  try {
    await Excel.run(async (context) => {
      const settings = context.workbook.settings;
      // The built-in catalogue is the default: restoring it removes the workbook's own (an empty value
      // means the same, so no read is needed to learn whether there is one to delete).
      settings.add(CATALOGUE_SETTING, text ?? "");
      context.workbook.application.calculate("Full" as Excel.CalculationType);
      // Before the write: the settings-changed event it raises must find the text already known.
      known = text ?? "";
      await context.sync();
    });
  } catch (error) {
    known = knownBefore;
    setActiveCatalogue(before.catalogue, before.origin, { acceptedOver: before.acceptedOver, problem: before.problem });
    await recalculateAll().catch(() => undefined);
    throw error;
  }
}
