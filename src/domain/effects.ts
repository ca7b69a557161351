// The one place where measure effects, spans and totals are computed. Custom functions, the
// inserted tables and the pane all ask here, so the same question always gets the same number.
import type { Catalogue } from "./catalogue";
import { decimalSum, fromNanos, scaleByPowerOfTen, toNanos } from "./decimal";
import { isInterpreted, isUnreadable, type Category, type CatalogueUnit, type DetailTable, type LabelledRow, type Measure, type YearValues } from "./types";

export const EFFECT_SOURCES = ["summary", "group", "detail"] as const;
export type EffectSource = (typeof EFFECT_SOURCES)[number];

export type Problem =
  | { readonly kind: "unknown-measure"; readonly id: string }
  | { readonly kind: "unknown-year"; readonly year: number }
  | { readonly kind: "no-table"; readonly source: EffectSource; readonly id: string }
  | { readonly kind: "no-net-row"; readonly id: string }
  | { readonly kind: "unreadable"; readonly id: string; readonly year: number; readonly printed: string; readonly source: EffectSource }
  | { readonly kind: "not-printed"; readonly id: string; readonly year: number; readonly source: EffectSource }
  | { readonly kind: "uncategorised"; readonly missing: number; readonly of: number };

export type Outcome = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly problem: Problem };

const ok = (value: number): Outcome => ({ ok: true, value });
const fail = (problem: Problem): Outcome => ({ ok: false, problem });

const UNIT_EXPONENT: Readonly<Record<DetailTable["unit"], number>> = { MNOK: 0, TNOK: -3, NOK: -6 };

/** A value printed in `unit` (detail, group or catalogue unit) converted to MNOK, sign untouched. */
export function toMnok(value: number, unit: DetailTable["unit"] | CatalogueUnit): number {
  return scaleByPowerOfTen(value, UNIT_EXPONENT[unit]);
}

/** A detail-table value in MNOK with the report's sign convention (negative = saving). */
export function normaliseDetailValue(value: number, detail: Pick<DetailTable, "unit" | "sign">): number {
  const mnok = toMnok(value, detail.unit);
  const signed = detail.sign === "positive-is-saving" ? -mnok : mnok;
  return signed === 0 ? 0 : signed;
}

/**
 * The row that states a detail table's net effect: its net row, or its only row when the table has a
 * single line (such tables print the effect directly). Several lines without a net row: none.
 */
export function detailNetRow(detail: DetailTable): LabelledRow | null {
  return detail.net ?? (detail.lines.length === 1 ? (detail.lines[0] as LabelledRow) : null);
}

/** The printed row a source gives for a measure, with a converter to MNOK; null when the measure has none. */
interface SourceRow {
  readonly values: YearValues;
  /** Years the table has a column for (null: every catalogue year). */
  readonly printedYears: readonly number[] | null;
  readonly toMnok: (v: number) => number;
}

const asIs = (v: number) => v;
const inUnit = (unit: CatalogueUnit) => (unit === "MNOK" ? asIs : (v: number) => toMnok(v, unit));

/** The measure's row from `source`, converted to MNOK: the summary in the catalogue's unit, the group table in its own. */
function sourceRow(m: Measure, source: EffectSource, unit: CatalogueUnit): SourceRow | Problem {
  switch (source) {
    case "summary":
      return m.summary ? { values: m.summary.values, printedYears: null, toMnok: inUnit(unit) } : { kind: "no-table", source, id: m.id };
    case "group":
      return m.groupTable
        ? { values: m.groupTable.values, printedYears: Object.keys(m.groupTable.values).map(Number), toMnok: inUnit(m.groupTable.unit) }
        : { kind: "no-table", source, id: m.id };
    case "detail": {
      const d = m.detail;
      if (!d) return { kind: "no-table", source, id: m.id };
      const net = detailNetRow(d);
      if (!net) return { kind: "no-net-row", id: m.id };
      return { values: net.values, printedYears: d.years, toMnok: (v) => normaliseDetailValue(v, d) };
    }
  }
}

/**
 * Per measure and source: the annual effects (MNOK, as integer nanos) and their prefix sums, so that
 * an effect, a change and a span are all O(1). A blank cell is no effect that year: 0. A year the table
 * has no column for is unknown, not 0 (a detail table ending in 2029 says nothing about 2030), and an
 * unreadable cell is unknown too: either poisons every span that includes it.
 */
interface SeriesTable {
  readonly outcomes: readonly Outcome[]; // per year index
  readonly prefix: readonly number[]; // prefix[i] = sum of nanos of years [0, i)
  readonly problemsBefore: readonly number[]; // count of unknown years in [0, i)
}

type Series = SeriesTable | Problem;

function buildSeries(m: Measure, source: EffectSource, years: readonly number[], unit: CatalogueUnit): Series {
  const row = sourceRow(m, source, unit);
  if ("kind" in row) return row;
  const outcomes: Outcome[] = [];
  const prefix = [0];
  const problemsBefore = [0];
  const printed = row.printedYears ? new Set(row.printedYears) : null;
  for (const year of years) {
    const cell = row.values[String(year)];
    let outcome: Outcome;
    if (printed && !printed.has(year)) outcome = fail({ kind: "not-printed", id: m.id, year, source });
    else if (isUnreadable(cell)) outcome = fail({ kind: "unreadable", id: m.id, year, printed: cell.unreadable, source });
    else if (isInterpreted(cell)) outcome = ok(row.toMnok(cell.value));
    else outcome = ok(cell === null || cell === undefined ? 0 : row.toMnok(cell));
    outcomes.push(outcome);
    prefix.push((prefix[prefix.length - 1] as number) + (outcome.ok ? toNanos(outcome.value) : 0));
    problemsBefore.push((problemsBefore[problemsBefore.length - 1] as number) + (outcome.ok ? 0 : 1));
  }
  return { outcomes, prefix, problemsBefore };
}

const cache = new WeakMap<Catalogue, Map<string, Series>>();

function series(cat: Catalogue, id: string, source: EffectSource): Series {
  let perCatalogue = cache.get(cat);
  if (!perCatalogue) {
    perCatalogue = new Map();
    cache.set(cat, perCatalogue);
  }
  const key = `${source}\u0000${id}`;
  let s = perCatalogue.get(key);
  if (!s) {
    const m = cat.measure(id);
    s = m ? buildSeries(m, source, cat.years, cat.unit) : { kind: "unknown-measure", id };
    perCatalogue.set(key, s);
  }
  return s;
}

/** The measure's annual effect in MNOK in `year` (level relative to the baseline, e.g. the 2024 accounts). */
export function effect(cat: Catalogue, id: string, year: number, source: EffectSource = "summary"): Outcome {
  const s = series(cat, id, source);
  if ("kind" in s) return fail(s);
  const i = cat.yearIndex(year);
  if (i < 0) return fail({ kind: "unknown-year", year });
  return s.outcomes[i] as Outcome;
}

/** Sum of annual effects over the inclusive span [from, to]. Caller guarantees from <= to. */
export function cumulative(cat: Catalogue, id: string, from: number, to: number, source: EffectSource = "summary"): Outcome {
  const s = series(cat, id, source);
  if ("kind" in s) return fail(s);
  const i = cat.yearIndex(from);
  const j = cat.yearIndex(to);
  if (i < 0) return fail({ kind: "unknown-year", year: from });
  if (j < 0) return fail({ kind: "unknown-year", year: to });
  if ((s.problemsBefore[j + 1] as number) - (s.problemsBefore[i] as number) > 0) {
    return s.outcomes.slice(i, j + 1).find((o) => !o.ok) as Outcome;
  }
  return ok(fromNanos((s.prefix[j + 1] as number) - (s.prefix[i] as number)));
}

/** Change from the previous year; the year before the first catalogue year is the baseline (0). */
export function change(cat: Catalogue, id: string, year: number, source: EffectSource = "summary"): Outcome {
  const now = effect(cat, id, year, source);
  if (!now.ok) return now;
  if (cat.yearIndex(year) === 0) return now;
  const before = effect(cat, id, year - 1, source);
  if (!before.ok) return before;
  return ok(fromNanos(toNanos(now.value) - toNanos(before.value)));
}

export interface TotalFilter {
  readonly group?: number | null;
  readonly category?: Category | null;
}

/** Measures counted in the menu totals: those in the summary table, optionally filtered. */
export function menuMeasures(cat: Catalogue, filter: TotalFilter = {}): readonly Measure[] {
  const base = filter.group != null ? cat.byGroup(filter.group) : cat.measures;
  return base.filter((m) => m.inSummary && (filter.category == null || m.category === filter.category));
}

/** Sum over the menu's measures of their summary effect, in one year or over a span. */
export function total(cat: Catalogue, from: number, to: number = from, filter: TotalFilter = {}): Outcome {
  if (filter.category != null) {
    // Most measures have no category in the report: a category sum over them would silently undercount.
    const scope = menuMeasures(cat, { group: filter.group ?? null });
    const missing = scope.filter((m) => m.category === null).length;
    if (missing > 0) return fail({ kind: "uncategorised", missing, of: scope.length });
  }
  const parts: number[] = [];
  for (const m of menuMeasures(cat, filter)) {
    const o = cumulative(cat, m.id, from, to, "summary");
    if (!o.ok) return o;
    parts.push(o.value);
  }
  if (cat.yearIndex(from) < 0) return fail({ kind: "unknown-year", year: from });
  if (cat.yearIndex(to) < 0) return fail({ kind: "unknown-year", year: to });
  return ok(decimalSum(parts));
}
