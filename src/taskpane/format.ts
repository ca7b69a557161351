// nb-NO number display. Values are rounded decimally first: Intl rounds the binary double, which
// would show -0.15 as "-0,1".
import { roundHalfUp } from "../domain/decimal";

const formatters = new Map<number, Intl.NumberFormat>();

export function formatMnok(value: number, decimals = 1): string {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("nb-NO", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, f);
  }
  return f.format(roundHalfUp(value, decimals));
}
