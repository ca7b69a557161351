// Small synthetic catalogues for rule-by-rule tests. Only what a test sets differs from a neutral measure.
import { Catalogue } from "../src/domain/catalogue";
import { CATEGORIES, type CatalogueData, type Cell, type DetailTable, type Measure, type ValueRow } from "../src/domain/types";
import { validateCatalogue } from "../src/domain/validate";

export const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];

export function row(values: Record<string, Cell>, line = 1): ValueRow {
  return { line, printed: "", values };
}

/** Values for 2026–2030 in order, 2025 blank (the common shape of the report). */
export function plan(...v: Cell[]): Record<string, Cell> {
  // Every catalogue year has a key (the loader refuses a missing one): years after the given values are blank.
  return Object.fromEntries(YEARS.map((y, i) => [String(y), i === 0 ? null : (v[i - 1] ?? null)]));
}

export function detail(net: Record<string, Cell> | null, extra: Partial<DetailTable> = {}): DetailTable {
  return {
    heading: "Innsparing mill. kr.",
    unitPrinted: "mill. kr.",
    unit: "MNOK",
    sign: "negative-is-saving",
    years: [2026, 2027, 2028, 2029, 2030],
    line: 1,
    lines: [],
    net: net ? { label: "Netto innsparing", ...row(net) } : null,
    note: null,
    ...extra,
  };
}

export function measure(id: string, over: Partial<Measure> = {}): Measure {
  const group = Number(id.split(".")[0]);
  return {
    id,
    headingId: id,
    group,
    service: "Tjeneste",
    title: `Tiltak ${id}`,
    headingTitle: `Tiltak ${id}`,
    category: null,
    categorySource: null,
    inSummary: true,
    summary: row(plan(0, 0, 0, 0, 0)),
    summaryRepeat: null,
    groupTable: null,
    detail: null,
    hop: { status: "not-stated", note: "" },
    consequences: { users: "", employees: "", investment: null },
    source: `4.${group + 2}.1`,
    notes: [],
    ...over,
  };
}

export function makeCatalogue(measures: Measure[], over: Partial<CatalogueData> = {}): Catalogue {
  const zero = row(Object.fromEntries(YEARS.map((y) => [String(y), 0])));
  const target = { line: 1, printed: "", sparekrav: -1, menu: -2, printedTotal: 0 };
  const data: CatalogueData = {
    schemaVersion: 1,
    catalogue: {
      id: "test",
      version: "0.0.1",
      title: "Test",
      publisher: "Test",
      date: "2025-10-31",
      reference: "T-1",
      unit: "MNOK",
      years: YEARS,
      planPeriod: [2026, 2029],
      categories: [...CATEGORIES],
    },
    baseline: { basis: "regnskap 2024", line: 1, printed: "", exceptions: [] },
    groups: [1, 2, 3, 4, 5].map((id) => ({ id, name: `Gruppe ${id}`, section: `4.${id + 2}`, sectionTitle: `Gruppe ${id}` })),
    measures,
    totals: {
      byGroup: { "1": zero },
      byCategory: { "Høyere produktivitet": zero },
      overall: { groupTable: zero, categoryTable: zero, measureTable: zero },
    },
    targets: { byGroup: { "1": target }, overall: target, mandate: [] },
    prose: [],
    notes: [],
    ...over,
  };
  // Synthetic data goes through the same validation as real data.
  return new Catalogue(validateCatalogue(JSON.parse(JSON.stringify(data))));
}

/** The catalogue types are deeply readonly; tests that build variants of the data need them writable. */
export type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;
