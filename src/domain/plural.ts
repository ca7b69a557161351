// Counts in Norwegian messages: «1 celle», «2 celler», «0 celler». Bokmål uses the plural for every
// number but 1 (and −1), including 0. The number is grouped as Norwegian readers expect ("12 345").

/** A noun's singular and plural form, e.g. ["rad", "rader"]. */
export type Noun = readonly [singular: string, plural: string];

/** The nouns the add-in's messages count. */
export const NOUN = {
  celle: ["celle", "celler"],
  rad: ["rad", "rader"],
  verdi: ["verdi", "verdier"],
  tiltak: ["tiltak", "tiltak"],
  tabell: ["tabell", "tabeller"],
  kolonne: ["kolonne", "kolonner"],
  funn: ["funn", "funn"],
  tall: ["tall", "tall"],
} as const satisfies Record<string, Noun>;

/** The noun form that goes with `n`. */
export function nounFor(n: number, noun: Noun): string {
  return Math.abs(n) === 1 ? noun[0] : noun[1];
}

/** "`n` noun", with the right form and Norwegian digit grouping. */
export function count(n: number, noun: Noun): string {
  return `${n.toLocaleString("nb-NO").replace(/\u2212/g, "-").replace(/\u202f/g, "\u00a0")} ${nounFor(n, noun)}`;
}
