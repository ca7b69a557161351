// The catalogue as stored in src/data/catalogue.json: every source of the report kept as printed.
// Decisions (which value counts, whether sources disagree) are made by domain code, never in the data.

export type Year = number;

/** Printed, but not a readable number (lost digits, an unclear dash…). Never treated as 0. */
export interface Unreadable {
  readonly unreadable: string;
  readonly note?: string;
}

/**
 * Printed as something other than a number (typically a lone "-") whose meaning the report's other
 * tables settle. `value` is used for sums; the cell stays visibly ambiguous (rule "unreadable", info).
 */
export interface Interpreted {
  readonly printed: string;
  readonly value: number;
  readonly note: string;
}

/** A table cell: a number as printed (printed unit and sign), null for a blank cell, unreadable or interpreted. */
export type Cell = number | null | Unreadable | Interpreted;

export function isUnreadable(c: Cell | undefined): c is Unreadable {
  return typeof c === "object" && c !== null && "unreadable" in c;
}

export function isInterpreted(c: Cell | undefined): c is Interpreted {
  return typeof c === "object" && c !== null && "value" in c;
}

export type YearValues = Readonly<Record<string, Cell>>;

/** Where a row is printed in the report text (1-based line) and exactly what it says. */
export interface PrintedRow {
  readonly line: number;
  readonly printed: string;
  readonly alignment?: string | null;
}

export interface ValueRow extends PrintedRow {
  readonly values: YearValues;
}

export interface LabelledRow extends ValueRow {
  readonly label: string;
}

export const CATEGORIES = ["Høyere produktivitet", "Bedre strategi", "Lavere volum", "Økte inntekter"] as const;
export type Category = (typeof CATEGORIES)[number];

export const HOP_STATUSES = ["in-plan", "partly", "not-in-plan", "not-stated"] as const;
export type HopStatus = (typeof HOP_STATUSES)[number];

export const DETAIL_UNITS = ["MNOK", "TNOK", "NOK"] as const;
export type DetailUnit = (typeof DETAIL_UNITS)[number];

export const SIGN_CONVENTIONS = ["negative-is-saving", "positive-is-saving"] as const;
export type SignConvention = (typeof SIGN_CONVENTIONS)[number];

export type SummaryRow = ValueRow;

export interface SummaryRepeat extends PrintedRow {
  readonly identical: boolean;
  readonly note?: string | null;
}

export interface GroupTableRow extends ValueRow {
  readonly table: string;
  readonly unit: "MNOK";
  readonly signNote?: string | null;
}

export interface DetailTable {
  readonly heading: string;
  readonly unitPrinted: string;
  readonly unit: DetailUnit;
  readonly sign: SignConvention;
  readonly years: readonly Year[];
  readonly line: number;
  readonly lines: readonly LabelledRow[];
  readonly net: LabelledRow | null;
  readonly note?: string | null;
}

/** The report's own words a HØP status rests on: 1-based line in the report text and the exact quote. */
export interface HopBasis {
  readonly line: number;
  readonly quote: string;
}

export interface Measure {
  readonly id: string;
  readonly headingId: string | null;
  readonly group: number;
  readonly service: string;
  readonly title: string;
  readonly headingTitle: string | null;
  readonly category: Category | null;
  readonly categorySource: string | null;
  readonly inSummary: boolean;
  readonly summary: SummaryRow | null;
  readonly summaryRepeat: SummaryRepeat | null;
  readonly groupTable: GroupTableRow | null;
  readonly detail: DetailTable | null;
  readonly hop: { readonly status: HopStatus; readonly note: string; readonly basis?: readonly HopBasis[] };
  readonly consequences: { readonly users: string; readonly employees: string; readonly investment: string | null };
  readonly source: string | null;
  readonly notes: readonly string[];
}

export interface Group {
  readonly id: number;
  readonly name: string;
  readonly section: string;
  readonly sectionTitle: string;
}

export interface GroupTarget extends PrintedRow {
  readonly sparekrav: number;
  readonly menu: number;
  readonly printedTotal2029: number;
}

export interface CatalogueInfo {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  readonly reference: string;
  readonly unit: "MNOK";
  readonly years: readonly Year[];
  readonly planPeriod: readonly [Year, Year];
}

export interface BaselineException extends PrintedRow {
  readonly section: string | null;
  readonly measure: string | null;
  readonly note: string;
}

export interface ProseClaim extends PrintedRow {
  readonly claim: string;
  readonly value: number | null;
  readonly year: Year | null;
}

export interface CatalogueData {
  readonly schemaVersion: 1;
  readonly catalogue: CatalogueInfo;
  readonly baseline: { readonly basis: string; readonly line: number; readonly printed: string; readonly exceptions: readonly BaselineException[] };
  readonly groups: readonly Group[];
  readonly measures: readonly Measure[];
  readonly totals: {
    readonly byGroup: Readonly<Record<string, ValueRow>>;
    readonly byCategory: Readonly<Record<string, ValueRow>>;
    readonly overall: {
      readonly groupTable: ValueRow;
      readonly categoryTable: ValueRow;
      readonly measureTable: ValueRow;
    };
  };
  readonly targets: {
    readonly byGroup: Readonly<Record<string, GroupTarget>>;
    readonly overall: GroupTarget;
    readonly mandate: readonly (PrintedRow & { readonly note: string })[];
  };
  readonly prose: readonly ProseClaim[];
  readonly notes: readonly string[];
}
