// How a workbook says which catalogue its tables came from when the add-in's memory (a workbook
// setting only Office.js writes) is absent, e.g. in a file written by the .xlsx renderer: a
// workbook-scoped defined name holding "<catalogue id> <version>" as a text constant.
import type { Catalogue } from "./catalogue";

export const IDENTITY_NAME = "Tiltaksmeny_katalog";

/** The name's formula, as written by both renderers. */
export const identityFormula = (cat: Pick<Catalogue, "id" | "version">): string => `="${cat.id} ${cat.version}"`;

/** Reads the name's value back ("elverum-2025 1.2.0" → id and version); null when it is not ours. */
export function parseIdentity(value: unknown): { id: string; version: string } | null {
  if (typeof value !== "string") return null;
  const m = /^\s*=?"?([^\s"]+) ([^\s"]+)"?\s*$/.exec(value);
  return m ? { id: m[1] as string, version: m[2] as string } : null;
}

/** How a table of ours is recognised by its header when neither its id nor its name is known. */
export interface Signature {
  readonly keyColumns: readonly string[];
  readonly columns: readonly string[];
}

/**
 * True when a header is one of our tables': every key column, and most of the other columns (a user
 * may have deleted one, a new catalogue may add a year). Names compare trimmed, ignoring case, as Excel does.
 */
export function matchesSignature(header: readonly unknown[], sig: Signature): boolean {
  const have = new Set(header.map((h) => String(h ?? "").trim().toLowerCase()));
  if (!sig.keyColumns.every((c) => have.has(c.toLowerCase()))) return false;
  const hits = sig.columns.filter((c) => have.has(c.toLowerCase())).length;
  return hits >= Math.ceil(sig.columns.length * 0.75);
}
