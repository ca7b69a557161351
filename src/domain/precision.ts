// The precision a printed number carries: "-1,0" says one decimal even though JSON keeps it as -1. Every
// comparison of the reconciliation rounds at the precision the compared cell is printed with (decimal
// half-up), read from the row's `printed` text where the catalogue has it, cell by cell.
import { decimalsOf } from "./decimal";
import { isInterpreted, isUnreadable, type Cell, type DetailUnit, type YearValues } from "./types";

const GROUP_SEPARATOR = "[ \\u00a0\\u202f]?";

/**
 * A pattern matching |x| as a report prints it: thousands optionally grouped with a space, decimal comma
 * or point, and any number of trailing zeros after x's own decimals (captured). Not inside a longer
 * number on either side.
 */
function printedPattern(x: number): RegExp | null {
  const text = Math.abs(x).toString();
  if (text.includes("e")) return null;
  const [int = "", frac = ""] = text.split(".");
  const groups: string[] = [];
  for (let end = int.length; end > 0; end -= 3) groups.unshift(int.slice(Math.max(0, end - 3), end));
  const digits = groups.join(GROUP_SEPARATOR);
  const fraction = frac === "" ? "(?:[,.](0+))?" : `[,.](${frac}0*)`;
  return new RegExp(`(?<![0-9,.])${digits}${fraction}(?![0-9]|[,.][0-9])`, "g");
}

const cellNumber = (c: Cell | undefined): number | null => {
  if (c === null || c === undefined || isUnreadable(c)) return null;
  return isInterpreted(c) ? c.value : c;
};

/**
 * Decimals of each value as printed in `printed`, values in printing order (null: a blank or unreadable
 * cell, which takes no token). A value is looked for after the previous one's match, so equal values in
 * different cells are told apart by their order. A value not found (no printed text, a dash for 0, a
 * printed form the pattern does not know) gets the most decimals of its row: a table prints one precision
 * per row and JSON drops the trailing zeros, so the row is the nearest evidence there is. A zero is often
 * printed bare ("0 -2,0 -2,6"): it gets at least its row's precision, so "0" against another table's -0,3
 * is still a difference.
 */
export function decimalsInOrder(printed: string | undefined, values: readonly (number | null)[]): (number | null)[] {
  const found: (number | null)[] = [];
  let from = 0;
  for (const x of values) {
    const re = x === null || printed === undefined ? null : printedPattern(x);
    if (!re) {
      found.push(null);
      continue;
    }
    re.lastIndex = from;
    const m = re.exec(printed as string);
    if (!m) {
      found.push(null);
      continue;
    }
    from = m.index + m[0].length;
    // The captured fraction, x's own decimals and any trailing zeros: "-1,0" for -1 → 1, "-0,30" for -0.3 → 2.
    found.push((m[1] ?? "").length);
  }
  const own = values.map((x) => (x === null ? 0 : decimalsOf(x)));
  // Zeros say little about precision (tables print "0" or "-" beside "-2,0"): they count only upwards.
  const rowMax = Math.max(0, ...own, ...found.filter((d, i): d is number => d !== null && values[i] !== 0));
  return values.map((x, i) => {
    if (x === null) return null;
    const d = found[i];
    if (d === null || d === undefined) return Math.max(own[i] as number, rowMax);
    return x === 0 ? Math.max(d, rowMax) : d;
  });
}

const cache = new WeakMap<object, ReadonlyMap<string, number>>();

/**
 * Per year key of a row: the decimals its cell is printed with, in the row's own unit (blank and
 * unreadable cells: the row's precision, for comparing a blank against another table's figure).
 */
export function rowDecimals(row: { readonly printed?: string; readonly values: YearValues }): ReadonlyMap<string, number> {
  const hit = cache.get(row);
  if (hit) return hit;
  const keys = Object.keys(row.values).sort();
  const values = keys.map((k) => cellNumber(row.values[k]));
  const decimals = decimalsInOrder(row.printed, values);
  const known = decimals.filter((d): d is number => d !== null);
  const rowMax = Math.max(0, ...known);
  const out = new Map(keys.map((k, i) => [k, decimals[i] ?? rowMax] as const));
  cache.set(row, out);
  return out;
}

/** The decimals of one cell of a row (the row's precision for a year it has no cell for). */
export function cellDecimals(row: { readonly printed?: string; readonly values: YearValues }, year: number | string): number {
  const d = rowDecimals(row);
  return d.get(String(year)) ?? Math.max(0, ...d.values());
}

const UNIT_SHIFT: Readonly<Record<DetailUnit, number>> = { MNOK: 0, TNOK: 3, NOK: 6 };

/** Decimals in `unit` as decimals of the same figure in MNOK ("1 250" TNOK, 0 decimals → 1,250 MNOK, 3). */
export function inMnokDecimals(decimals: number, unit: DetailUnit): number {
  return decimals + UNIT_SHIFT[unit];
}
