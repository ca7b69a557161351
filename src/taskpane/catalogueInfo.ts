// The catalogue, for the pane: the few facts the first screen shows (fixed at build time, so the pane starts
// without the catalogue data), and the catalogue itself, loaded once when a view first needs it. The same
// chunk serves the custom functions in the shared runtime, so it is never downloaded or parsed twice.
import { useSyncExternalStore } from "react";
import { activeCatalogueState, onActiveCatalogueChange, type ActiveCatalogueState } from "../domain/activeCatalogue";
import type { Catalogue } from "../domain/catalogue";
import { loadBundled, loadCurrent } from "../data/lazy";

export interface CatalogueInfo {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly publisher: string;
  readonly measures: number;
}

/** The facts as JSON text (webpack DefinePlugin): a string literal, which webpack can evaluate at build time. */
declare const __CATALOGUE_INFO__: string | undefined;

type CatalogueJson = { catalogue: Omit<CatalogueInfo, "measures">; measures: readonly unknown[] };

function infoOf({ catalogue: c, measures }: CatalogueJson): CatalogueInfo {
  return { id: c.id, version: c.version, title: c.title, publisher: c.publisher, measures: measures.length };
}

function buildTimeInfo(): CatalogueInfo {
  // jest and tsx have no DefinePlugin and read the data. In the build the test is constant, so webpack drops
  // the else branch without following its require: the data stays out of the pane's first chunk.
  if (typeof __CATALOGUE_INFO__ === "string") {
    return JSON.parse(__CATALOGUE_INFO__) as CatalogueInfo;
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
    return infoOf(require("../data/catalogue.json") as CatalogueJson);
  }
}

export const CATALOGUE_INFO: CatalogueInfo = buildTimeInfo();

/**
 * The catalogue in use (the workbook's own, else the built-in one), once loaded: the first call starts the
 * download; a workbook catalogue still being read at start-up is waited for.
 */
export function loadCatalogue(): Promise<Catalogue> {
  return loadCurrent();
}

/** The loaded catalogue module's current catalogue, for views rendered after loadCatalogue() resolved. */
export async function catalogueModule(): Promise<typeof import("../data/bundled")> {
  await loadCatalogue();
  return loadBundled();
}

/** The active catalogue's state (which one, where from), re-rendering on every switch. */
export function useActiveCatalogue(): ActiveCatalogueState {
  return useSyncExternalStore(onActiveCatalogueChange, activeCatalogueState);
}
