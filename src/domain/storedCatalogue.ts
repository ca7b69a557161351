// The workbook's active catalogue as stored in the workbook: one setting (CATALOGUE_SETTING) holding JSON
// text, bounded so it fits in one request. Kept apart from the imports (catalogueImport.ts) so the custom
// functions' bundle, which reads the setting at start-up, does not carry the table import.
import type { CatalogueOrigin } from "./activeCatalogue";
import { loadCatalogue, type Catalogue } from "./catalogue";
import { LIMITS } from "./catalogueSchema";
import { CatalogueError } from "./validate";

/**
 * The active catalogue is one workbook setting. Settings travel in one request, and Excel on the web takes
 * at most 5 MB per request (resource-limits-and-performance-optimization); the add-in's memory is another
 * setting and may be written in the same session. 2 MiB of UTF-8 leaves room for both and is ten times
 * Elverum's catalogue (≈ 210 kB as compact JSON, 46 measures): ~400 measures of the Elverum kind.
 */
export const MAX_STORED_BYTES = 2 * 1024 * 1024;

/** Bytes of `text` as UTF-8, without building them (a catalogue is mostly ASCII; æøå are 2 bytes). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("nb-NO", { maximumFractionDigits: 1 })} MB`;

// ---------------------------------------------------------------------------------------------
// The stored active catalogue

export { CATALOGUE_SETTING } from "./catalogueSetting";

interface Stored {
  readonly format: 1;
  readonly origin: CatalogueOrigin;
  readonly acceptedOver: string | null;
  readonly catalogue: unknown;
}

/** The setting's value for `cat`: JSON text. Throws CatalogueError (Norwegian) above MAX_STORED_BYTES. */
export function storedCatalogueText(cat: Catalogue, origin: CatalogueOrigin, acceptedOver: string | null = null): string {
  const stored: Stored = { format: 1, origin, acceptedOver, catalogue: cat.data };
  const text = JSON.stringify(stored);
  const bytes = utf8Length(text);
  if (bytes > MAX_STORED_BYTES) {
    throw new CatalogueError([
      `$: katalogen er for stor til å lagres i arbeidsboken (${megabytes(bytes)}; høyst ${megabytes(MAX_STORED_BYTES)}). Fjern merknader og lange tekster, eller del den opp.`,
    ]);
  }
  return text;
}

export interface StoredCatalogue {
  readonly catalogue: Catalogue;
  readonly origin: CatalogueOrigin;
  readonly acceptedOver: string | null;
}

function originOf(x: unknown): CatalogueOrigin {
  const o = x as { kind?: unknown; name?: unknown } | null;
  if (o && (o.kind === "file" || o.kind === "table") && typeof o.name === "string") return { kind: o.kind, name: o.name.slice(0, LIMITS.name) };
  return { kind: "workbook" };
}

/**
 * Reads the setting back, validating the catalogue like any other input. Throws CatalogueError (Norwegian)
 * when it is not a stored catalogue or the catalogue is invalid: the caller then uses the built-in one and
 * says why.
 */
export function parseStoredCatalogue(raw: unknown): StoredCatalogue {
  let value = raw;
  if (typeof raw === "string") {
    if (utf8Length(raw) > MAX_STORED_BYTES) throw new CatalogueError([`$: katalogen i arbeidsboken er større enn ${megabytes(MAX_STORED_BYTES)}`]);
    try {
      value = JSON.parse(raw);
    } catch {
      throw new CatalogueError(["$: katalogen i arbeidsboken er ikke gyldig JSON"]);
    }
  }
  const s = value as Partial<Stored> | null;
  if (typeof s !== "object" || s === null || s.format !== 1 || !("catalogue" in s)) throw new CatalogueError(["$: innstillingen er ikke en lagret tiltakskatalog"]);
  return { catalogue: loadCatalogue(s.catalogue), origin: originOf(s.origin), acceptedOver: typeof s.acceptedOver === "string" ? s.acceptedOver : null };
}

