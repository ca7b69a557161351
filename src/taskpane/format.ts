// nb-NO display of numbers, years and counts, the same in every view. Values are rounded decimally first:
// Intl rounds the binary double, which would show -0.15 as "-0,1". Intl's nb-NO output carries the minus
// sign U+2212 and a (narrow) no-break space as thousands separator; nothing here hard-codes either.
import { decimalsOf, roundHalfUp } from "../domain/decimal";

const formatters = new Map<number, Intl.NumberFormat>();

function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, f);
  }
  return f;
}

/** A value in mill. kr with a fixed number of decimals (one, like the report's summary table). */
export function formatMnok(value: number, decimals = 1): string {
  return formatter(decimals).format(roundHalfUp(value, decimals));
}

/**
 * A figure as the report prints it: one decimal, or two where the value has them (the report prints some
 * sums as −3,33; one decimal would hide the very difference a finding is about). Never more than two.
 */
export function formatFigure(value: number): string {
  return formatMnok(value, Math.min(2, Math.max(1, decimalsOf(roundHalfUp(value, 2)))));
}

/** "−4,3 mill. kr": the unit on every amount a view states on its own. */
export function mnok(value: number): string {
  return `${formatMnok(value)} mill. kr`;
}

const integer = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 });

/** "1 advarsel", "49 advarsler": a count with the noun in the right number. */
export function plural(n: number, one: string, many: string): string {
  return `${integer.format(n)} ${n === 1 ? one : many}`;
}

/** Years as ranges: [2028, 2029, 2030] → "2028–2030"; [2025, 2027, 2028] → "2025, 2027–2028". */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const y of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === y) last[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(", ");
}

/** "a, b og c" (Norwegian lists have no comma before «og»). */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}
