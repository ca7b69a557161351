// The built-in catalogue as a chunk loaded on first need. The pane page (taskpane.html) also hosts the custom
// functions in the shared runtime: both load the catalogue only through here, so webpack makes one chunk, the
// page downloads and parses it once, and neither pays for it at start (it is 44 KB gzip of the 160 KB the
// page loaded at start before).
import { activeCatalogue, isPending, whenReady } from "../domain/activeCatalogue";
import type { Catalogue } from "../domain/catalogue";

type Bundled = typeof import("./bundled");

let loading: Promise<Bundled> | null = null;
let loaded: Bundled | null = null;

/** The catalogue module; the first call starts the download. A failed download is tried again on the next call. */
export function loadBundled(): Promise<Bundled> {
  loading ??= import(/* webpackChunkName: "katalog" */ "./bundled").then(
    (m) => (loaded = m),
    (e: unknown) => {
      // The chunk is fetched later than the page (when first needed): the network may have gone meanwhile.
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The catalogue module if it has loaded, else null (callers then wait for loadBundled()). */
export function bundledIfLoaded(): Bundled | null {
  return loaded;
}

/**
 * The catalogue in use now without waiting: the workbook's own, else the built-in one if its chunk is in;
 * null while a start-up read is pending or the chunk is still needed.
 */
export function currentIfReady(): Catalogue | null {
  if (isPending()) return null;
  return loaded ? loaded.currentCatalogue() : activeCatalogue();
}

/** The catalogue in use (the workbook's own, else the built-in one) once the chunk and any start-up read are in. */
export async function loadCurrent(): Promise<Catalogue> {
  const [m] = await Promise.all([loadBundled(), whenReady()]);
  return m.currentCatalogue();
}
