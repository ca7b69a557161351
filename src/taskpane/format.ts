// nb-NO display of numbers, years and counts, the same in every view. Amounts come from domain/numberText.ts,
// which the findings' messages use too.
import { formatMnok } from "../domain/numberText";

export { formatFigure, formatMnok } from "../domain/numberText";

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
