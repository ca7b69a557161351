// The tertial follow-up (issue 15): the words of the Oppfølging table, the default lists, and the rule
// that turns a row's figures and status into a traffic light. The workbook computes the same with
// native formulas (layout/followUp.ts); this is the domain's own reckoning, used by the engine test as
// the independent answer and by the pane to summarise what it read (the pane never computes figures).
import { decimalSum, toNanos } from "./decimal";

/** Oppfølging's column names (the four first and Plan/Realisert/Avvik/Kommentar are the table's older columns). */
export const FOLLOW_UP = {
  nr: "Nr",
  title: "Tiltak",
  group: "Gruppe",
  year: "År",
  status: "Status",
  signal: "Signal",
  risk: "Risiko",
  owner: "Ansvarlig",
  plan: "Plan",
  realised1: "Realisert 30.04",
  realised2: "Realisert 31.08",
  /** The year's realised saving (per 31.12): the table's original «Realisert», kept so typed figures keep their place. */
  realised: "Realisert",
  forecast: "Prognose helår",
  expected: "Forventet",
  deviation: "Avvik",
  comment: "Kommentar",
  catalogue: "Katalog",
} as const;

export interface Tertial {
  /** As chosen in Rapportvalg «Tertial» and in the pane. */
  readonly label: string;
  /** The Oppfølging column with the saving realised so far at the tertial's end. */
  readonly column: string;
  readonly date: string;
}

export const TERTIALS: readonly Tertial[] = [
  { label: "1. tertial", column: FOLLOW_UP.realised1, date: "30. april" },
  { label: "2. tertial", column: FOLLOW_UP.realised2, date: "31. august" },
  { label: "Årsslutt", column: FOLLOW_UP.realised, date: "31. desember" },
];

/** A status of the list in the workbook (Statusliste): its word, the best light it allows, and whether a row counts its plan. */
export interface StatusDef {
  readonly status: string;
  /** 3 grønn, 2 gul, 1 rød: the best light a row with this status can get. */
  readonly signal: number;
  /** «Regn med plan»: false for a stopped measure, which is expected to give nothing unless a forecast says otherwise. */
  readonly countsPlan: boolean;
}

export const DEFAULT_STATUSES: readonly StatusDef[] = [
  { status: "Ikke startet", signal: 2, countsPlan: true },
  { status: "I rute", signal: 3, countsPlan: true },
  { status: "Forsinket", signal: 2, countsPlan: true },
  { status: "Gjennomført", signal: 3, countsPlan: true },
  { status: "Avbrutt/erstattet", signal: 1, countsPlan: false },
];

export const DEFAULT_RISKS: readonly string[] = ["Lav", "Middels", "Høy"];

export type Light = 1 | 2 | 3;
export const LIGHT_WORD: Readonly<Record<Light, string>> = { 3: "grønn", 2: "gul", 1: "rød" };

/** A figure as the workbook has it: a number, or #N/A (an unreadable report value stays unknown). */
export type Figure = number | "NA";

/** What one Oppfølging row holds that the light depends on. */
export interface RowFigures {
  readonly plan: Figure;
  readonly status: string;
  /** «Prognose helår», null when blank. */
  readonly forecast: number | null;
  /** «Realisert» (the whole year), null when blank; 0 is a figure. */
  readonly realised: number | null;
}

/** The list entry for a status, as MATCH finds it (case-insensitive, whole text); none for a blank status. */
export function statusDef(statuses: readonly StatusDef[], status: string): StatusDef | undefined {
  if (status === "") return undefined;
  const s = status.toLowerCase();
  return statuses.find((d) => d.status.toLowerCase() === s);
}

/**
 * «Forventet»: what the year is expected to end at. The realised figure once the year is closed, else
 * the forecast, else nothing for a stopped measure («Regn med plan» = Nei), else the plan.
 */
export function expectedFigure(row: RowFigures, statuses: readonly StatusDef[]): Figure {
  if (row.realised !== null) return row.realised;
  if (row.forecast !== null) return row.forecast;
  const def = statusDef(statuses, row.status);
  if (def && !def.countsPlan) return 0;
  return row.plan;
}

/**
 * «Signal», the traffic light (documented for users in docs/oppfolging-regel.md). No light until the
 * row is followed (a status, a forecast or a realised figure). The figures give green when the expected
 * saving reaches the plan, yellow when it falls short by at most a quarter of the plan, red beyond
 * (savings are negative: the shortfall is expected − plan). The status caps it: the light is never
 * better than the status's own (Forsinket at best yellow, Avbrutt/erstattet red).
 */
export function signal(row: RowFigures, statuses: readonly StatusDef[]): Light | 0 | "" | "NA" {
  if (row.status === "" && row.forecast === null && row.realised === null) return "";
  const expected = expectedFigure(row, statuses);
  if (expected === "NA" || row.plan === "NA") return "NA";
  const def = statusDef(statuses, row.status);
  const cap = def ? def.signal : 3;
  const shortfall = toNanos(expected) - toNanos(row.plan);
  const byFigures: Light = shortfall <= 0 ? 3 : 4 * shortfall <= Math.abs(toNanos(row.plan)) ? 2 : 1;
  return Math.min(cap, byFigures) as Light | 0;
}

// ---------------------------------------------------------------------------------------------
// Reading the follow-up back (the pane's tertial view): from the table's computed values.

type Raw = string | number | boolean | null;

export interface FollowUpRow {
  /** Body row index in the table (0-based), to select it. */
  readonly index: number;
  readonly nr: string;
  readonly title: string;
  readonly group: number;
  readonly year: number;
  readonly status: string;
  /** The light Excel computed; null when the row has none (or an error). */
  readonly light: Light | null;
  readonly plan: Figure;
  readonly expected: Figure;
  /** Realised at 30.04, 31.08 and 31.12 (TERTIALS order); null when blank. */
  readonly realised: readonly (number | null)[];
  readonly catalogue: string;
}

const num = (v: Raw | undefined): number | null => (typeof v === "number" ? v : null);
const figure = (v: Raw | undefined): Figure => (typeof v === "number" ? v : "NA");
const text = (v: Raw | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/** Oppfølging's rows as read (`values`), by column name; columns the table lacks read as blank. */
export function followUpRows(header: readonly Raw[], values: readonly (readonly Raw[])[]): FollowUpRow[] {
  const at = new Map(header.map((h, i) => [text(h), i] as const));
  const get = (row: readonly Raw[], c: string) => (at.has(c) ? row[at.get(c) as number] : null);
  return values.map((row, index) => {
    const light = get(row, FOLLOW_UP.signal);
    return {
      index,
      nr: text(get(row, FOLLOW_UP.nr)),
      title: text(get(row, FOLLOW_UP.title)),
      group: Number(get(row, FOLLOW_UP.group)),
      year: Number(get(row, FOLLOW_UP.year)),
      status: text(get(row, FOLLOW_UP.status)),
      light: light === 1 || light === 2 || light === 3 ? light : null,
      plan: figure(get(row, FOLLOW_UP.plan)),
      expected: figure(get(row, FOLLOW_UP.expected)),
      realised: TERTIALS.map((t) => num(get(row, t.column))),
      catalogue: text(get(row, FOLLOW_UP.catalogue)),
    };
  });
}

/** Sum of figures; an unknown one makes the sum unknown (as SUMIFS over #N/A). */
export function sumFigures(xs: readonly Figure[]): Figure {
  return xs.some((x) => x === "NA") ? "NA" : decimalSum(xs as number[]);
}

export interface GroupStatus {
  readonly group: number;
  readonly rows: number;
  readonly green: number;
  readonly yellow: number;
  readonly red: number;
  /** Rows not followed yet (no light). */
  readonly none: number;
  readonly plan: Figure;
  /** Realised at the chosen tertial. */
  readonly realised: Figure;
  readonly expected: Figure;
}

/** Per working group, for one year and tertial: the lights counted and the figures summed, as the Statusrapport does. */
export function groupStatus(rows: readonly FollowUpRow[], year: number, tertial: number, groups: readonly number[]): GroupStatus[] {
  return groups.map((group) => {
    const mine = rows.filter((r) => r.year === year && r.group === group);
    const lights = (l: Light) => mine.filter((r) => r.light === l).length;
    return {
      group,
      rows: mine.length,
      green: lights(3),
      yellow: lights(2),
      red: lights(1),
      none: mine.filter((r) => r.light === null).length,
      plan: sumFigures(mine.map((r) => r.plan)),
      realised: decimalSum(mine.map((r) => r.realised[tertial] ?? 0)),
      expected: sumFigures(mine.map((r) => r.expected)),
    };
  });
}

/** The red rows of a year, in table order (the pane's «jump to» list). */
export function redRows(rows: readonly FollowUpRow[], year: number): FollowUpRow[] {
  return rows.filter((r) => r.year === year && r.light === 1);
}

export interface Change {
  readonly nr: string;
  readonly title: string;
  readonly kind: "added" | "dropped";
  /** Why, in the user's words. */
  readonly reason: string;
  /** The row to show, when the measure still has one this year. */
  readonly row: FollowUpRow | null;
}

/**
 * Measures added or dropped during the year, against the adopted version (the first frozen one, when
 * any): a row the adopted version does not have is added; a row whose status stops it (a status that
 * does not count its plan), whose measure left the catalogue, or that the adopted version has and the
 * table no longer has, is dropped. Rows are marked, never deleted.
 */
export function midYearChanges(
  rows: readonly FollowUpRow[],
  year: number,
  statuses: readonly StatusDef[],
  adopted: { readonly name: string; readonly measures: ReadonlyMap<string, string> } | null,
): Change[] {
  const now = rows.filter((r) => r.year === year);
  const out: Change[] = [];
  for (const r of now) {
    const def = statusDef(statuses, r.status);
    if (r.catalogue.toLowerCase().startsWith("ikke i katalog")) out.push({ nr: r.nr, title: r.title, kind: "dropped", reason: r.catalogue, row: r });
    else if (def && !def.countsPlan) out.push({ nr: r.nr, title: r.title, kind: "dropped", reason: `Status «${r.status}»`, row: r });
    else if (adopted && !adopted.measures.has(r.nr)) out.push({ nr: r.nr, title: r.title, kind: "added", reason: `Ikke med i «${adopted.name}»`, row: r });
  }
  if (adopted) {
    const present = new Set(now.map((r) => r.nr));
    for (const [nr, title] of adopted.measures) {
      if (!present.has(nr)) out.push({ nr, title, kind: "dropped", reason: `Med i «${adopted.name}», mangler nå i Oppfølging`, row: null });
    }
  }
  return out;
}

/** The workbook's status list (Statusliste, as read), for the rules above; blank words are skipped. */
export function statusesFrom(header: readonly Raw[], values: readonly (readonly Raw[])[]): StatusDef[] {
  const at = (c: string) => header.findIndex((h) => text(h) === c);
  const [s, l, p] = [at("Status"), at("Signal"), at("Regn med plan")];
  return values
    .map((row) => ({ status: text(row[s]), signal: typeof row[l] === "number" ? (row[l] as number) : 0, countsPlan: text(row[p]).toLowerCase() !== "nei" }))
    .filter((d) => d.status !== "");
}
