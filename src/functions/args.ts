// Argument rules for the TILTAK.* functions, independent of Excel so every rule is unit-tested.
// A rule failure is a FnError; the Excel edge (functions.ts) turns it into CustomFunctions.Error.
import type { Catalogue } from "../domain/catalogue";
import type { EffectSource, Outcome } from "../domain/effects";
import { problemMessage } from "../domain/messages";
import { CATEGORIES, type Category } from "../domain/types";

/** Measure numbers shaped "group.number" (Elverum's); a catalogue may use any other short code. */
const GROUP_NUMBER = /^\d+\.\d+$/;

export type ErrorKind = "#VALUE!" | "#N/A";

export class FnError {
  constructor(
    readonly kind: ErrorKind,
    readonly message: string,
  ) {}
}

export type Scalar = string | number | boolean | null | undefined;
export type CellResult = string | number | FnError;

export const isBlank = (v: Scalar): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Serial numbers from about 1903 onwards: what Excel stores when "2.10" is typed into a date-aware cell. */
const DATE_SERIAL_MIN = 1000;

export function parseMeasureId(v: Scalar): string | FnError {
  if (v === null || v === undefined || isBlank(v)) return new FnError("#VALUE!", "Tiltaksnummer mangler. Skriv f.eks. \"2.1\".");
  if (typeof v === "boolean") return new FnError("#VALUE!", "Tiltaksnummer kan ikke være SANN/USANN. Skriv f.eks. \"2.1\".");
  if (typeof v === "number") {
    if (Math.abs(v) >= DATE_SERIAL_MIN) {
      return new FnError(
        "#VALUE!",
        "Tallet ser ut som en dato: Excel har trolig gjort et tiltaksnummer som «2.10» om til en dato. Skriv nummeret som tekst: '2.10 eller \"2.10\".",
      );
    }
    // A number argument can only mean what it shows: 2.1 → "2.1" (never "2.10", which Excel cannot keep
    // as a number). It then obeys the same rules as text, so 2 and "2" get the same answer.
  }
  const s = String(v).trim();
  if (!GROUP_NUMBER.test(s)) return new FnError("#VALUE!", `«${s}» er ikke et tiltaksnummer. Skriv gruppe og nummer, f.eks. "2.10".`);
  return s;
}

export function parseYear(v: Scalar, label = "år"): number | FnError {
  if (v === null || v === undefined || isBlank(v)) return new FnError("#VALUE!", `${capitalise(label)} mangler.`);
  if (typeof v === "boolean") return new FnError("#VALUE!", `${capitalise(label)} må være et årstall, ikke SANN/USANN.`);
  const n = typeof v === "number" ? v : /^\s*\d{4}\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) return new FnError("#VALUE!", `${capitalise(label)} må være et helt årstall, f.eks. 2027.`);
  return n;
}

export function checkYearInCatalogue(cat: Catalogue, year: number): FnError | null {
  if (cat.yearIndex(year) >= 0) return null;
  const ys = cat.years;
  return new FnError("#N/A", `Året ${year} er utenfor katalogen (${ys[0]}–${ys[ys.length - 1]}).`);
}

// A Map, not an object literal: the argument is whatever the user typed, and "constructor" or
// "__proto__" would find Object's own members in a literal (and EFFEKT threw a TypeError).
const SOURCE_NAMES: ReadonlyMap<string, EffectSource> = new Map([
  ["sammendrag", "summary"],
  ["gruppe", "group"],
  ["detalj", "detail"],
]);

export function parseSource(v: Scalar): EffectSource | FnError {
  if (isBlank(v)) return "summary";
  const s = typeof v === "string" ? SOURCE_NAMES.get(v.trim().toLowerCase()) : undefined;
  return s ?? new FnError("#VALUE!", "Kilde må være \"sammendrag\", \"gruppe\" eller \"detalj\".");
}

/** The catalogue's group numbers as a user reads them: "1–5" when consecutive from the first, else listed. */
function groupNumbers(cat: Catalogue): string {
  const ids = cat.groups.map((g) => g.id).sort((a, b) => a - b);
  const consecutive = ids.every((id, i) => i === 0 || id === (ids[i - 1] as number) + 1);
  return consecutive && ids.length > 2 ? `${ids[0]}–${ids[ids.length - 1]}` : ids.join(", ");
}

export function parseGroup(cat: Catalogue, v: Scalar): number | null | FnError {
  if (isBlank(v)) return null;
  const text = typeof v === "string" ? v.trim() : v;
  const asNumber = typeof text === "number" ? text : /^\d+$/.test(String(text)) ? Number(text) : NaN;
  const byNumber = cat.groups.find((g) => g.id === asNumber);
  if (byNumber) return byNumber.id;
  const byName = typeof text === "string" ? cat.groups.find((g) => g.name.toLowerCase() === text.toLowerCase()) : undefined;
  if (byName) return byName.id;
  return new FnError("#VALUE!", `Ukjent arbeidsgruppe «${String(v)}». Bruk ${groupNumbers(cat)} eller gruppens navn.`);
}

/** A category of the catalogue (`categories`: its declared list; Elverum's four by default). */
export function parseCategory(v: Scalar, categories: readonly Category[] = CATEGORIES): Category | null | FnError {
  if (isBlank(v)) return null;
  const s = typeof v === "string" ? v.trim().toLowerCase() : "";
  const hit = categories.find((c) => c.toLowerCase() === s);
  if (hit) return hit;
  return new FnError("#VALUE!", categories.length > 0 ? `Ukjent kategori «${String(v)}». Bruk ${categories.join(", ")}.` : `Katalogen har ingen kategorier, så «${String(v)}» kan ikke brukes.`);
}

export function outcomeToCell(o: Outcome): CellResult {
  return o.ok ? o.value : new FnError("#N/A", problemMessage(o.problem));
}

const groupNumbered = new WeakMap<Catalogue, boolean>();

/** True when every measure number of the catalogue is "group.number" (then other text is malformed, #VALUE!). */
function usesGroupNumbers(cat: Catalogue): boolean {
  let known = groupNumbered.get(cat);
  if (known === undefined) {
    known = cat.measures.every((m) => GROUP_NUMBER.test(m.id));
    groupNumbered.set(cat, known);
  }
  return known;
}

/**
 * Resolves a measure id argument against the catalogue: #N/A for an unknown measure. Any id the catalogue
 * has is found as typed ("BHG-3", or a number showing it); other text is #VALUE! where the catalogue
 * numbers its measures "group.number" (a typo), and an unknown measure (#N/A) where it does not.
 */
export function resolveMeasure(cat: Catalogue, v: Scalar): string | FnError {
  const typed = typeof v === "string" ? v.trim() : typeof v === "number" && Math.abs(v) < DATE_SERIAL_MIN ? String(v) : null;
  if (typed !== null && typed !== "" && cat.measure(typed)) return typed;
  const id = parseMeasureId(v);
  if (id instanceof FnError) {
    if (typed !== null && typed !== "" && !usesGroupNumbers(cat)) return new FnError("#N/A", `Tiltak «${typed}» finnes ikke i katalogen.`);
    return id;
  }
  return cat.measure(id) ? id : new FnError("#N/A", `Tiltak «${id}» finnes ikke i katalogen.`);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type Matrix = readonly (readonly Scalar[])[];

/** Normalises a scalar-or-range argument to a non-empty 2-D array. */
export function asMatrix(v: Scalar | Matrix): Matrix {
  if (Array.isArray(v)) return v.length > 0 && (v[0] as Scalar[]).length > 0 ? (v as Matrix) : [[null]];
  return [[v as Scalar]];
}

/**
 * Excel-style broadcasting of two ranges: a column of measures against a row of years gives a table;
 * a single value is repeated. Shapes that cannot be combined give one #VALUE! cell.
 */
export function broadcast(a: Matrix, b: Matrix, f: (x: Scalar, y: Scalar) => CellResult): CellResult[][] {
  const rows = combine(a.length, b.length);
  const cols = combine((a[0] as Scalar[]).length, (b[0] as Scalar[]).length);
  if (rows === null || cols === null) {
    return [[new FnError("#VALUE!", "Områdene har former som ikke passer sammen: bruk en kolonne med tiltak og en rad med år.")]];
  }
  const at = (m: Matrix, r: number, c: number): Scalar => {
    const row = m[m.length === 1 ? 0 : r] as Scalar[];
    return row[row.length === 1 ? 0 : c];
  };
  const out: CellResult[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellResult[] = [];
    for (let c = 0; c < cols; c++) line.push(f(at(a, r, c), at(b, r, c)));
    out.push(line);
  }
  return out;
}

function combine(x: number, y: number): number | null {
  if (x === y || y === 1) return x;
  if (x === 1) return y;
  return null;
}

export function mapMatrix(a: Matrix, f: (x: Scalar) => CellResult): CellResult[][] {
  return a.map((row) => row.map(f));
}
