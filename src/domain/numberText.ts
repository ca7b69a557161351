// nb-NO text of amounts, the same in the pane and in the findings' messages (which the Avvik sheet shows
// too). Values are rounded decimally first: Intl rounds the binary double, which would show -0.15 as "-0,1".
// Intl's nb-NO output carries the minus sign U+2212 and a (narrow) no-break space as thousands separator;
// nothing here hard-codes either.
import { decimalsOf, roundHalfUp } from "./decimal";

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
 * A figure as the report prints it: one decimal (`min`), or more where the value has them, up to `max` (the
 * report prints some sums as −3,33; one decimal would hide the very difference a finding is about).
 */
export function formatFigure(value: number, max = 2, min = 1): string {
  return formatMnok(value, Math.min(max, Math.max(min, decimalsOf(roundHalfUp(value, max)))));
}
