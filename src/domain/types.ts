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

/**
 * Where a row is printed in the report text (1-based line) and exactly what it says. Both are optional:
 * a catalogue for another municipality may have no text dump to point into (see `provenance` in
 * catalogue.ts for what the pane shows then). `printed` also gives the comparison precision of each cell
 * ("-1,0" is compared at one decimal even though the JSON number is -1).
 */
export interface PrintedRow {
  readonly line?: number;
  readonly printed?: string;
  readonly alignment?: string | null;
}

export interface ValueRow extends PrintedRow {
  readonly values: YearValues;
}

export interface LabelledRow extends ValueRow {
  readonly label: string;
}

/** Elverum's four categories: the default list when a catalogue declares none (`catalogue.categories`). */
export const CATEGORIES = ["Høyere produktivitet", "Bedre strategi", "Lavere volum", "Økte inntekter"] as const;
/** A category from the list the catalogue declares (`catalogue.categories`). */
export type Category = string;

export const HOP_STATUSES = ["in-plan", "partly", "not-in-plan", "not-stated"] as const;
export type HopStatus = (typeof HOP_STATUSES)[number];

export const DETAIL_UNITS = ["MNOK", "TNOK", "NOK"] as const;
export type DetailUnit = (typeof DETAIL_UNITS)[number];

/** Units of the summary table, totals, targets and group tables: printed in mill. kr or in 1000 kr. */
export const CATALOGUE_UNITS = ["MNOK", "TNOK"] as const;
export type CatalogueUnit = (typeof CATALOGUE_UNITS)[number];

export const SIGN_CONVENTIONS = ["negative-is-saving", "positive-is-saving"] as const;
export type SignConvention = (typeof SIGN_CONVENTIONS)[number];

export type SummaryRow = ValueRow;

export interface SummaryRepeat extends PrintedRow {
  readonly identical: boolean;
  readonly note?: string | null;
}

export interface GroupTableRow extends ValueRow {
  readonly table: string;
  /** As printed; domain code normalises to MNOK (effects.ts). */
  readonly unit: CatalogueUnit;
  readonly signNote?: string | null;
}

export interface DetailTable {
  readonly heading: string;
  readonly unitPrinted: string;
  readonly unit: DetailUnit;
  readonly sign: SignConvention;
  readonly years: readonly Year[];
  /** Report line of the table's header row (optional provenance, like PrintedRow.line). */
  readonly line?: number;
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
  /** The measure's number as the catalogue prints it: "2.10", but any short code ("BHG-3") is allowed. */
  readonly id: string;
  /** The number printed in the measure's own section heading, when it has one (numbering findings need it). */
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

/** A target row, in the catalogue's unit. */
export interface GroupTarget extends PrintedRow {
  readonly sparekrav: number;
  /** The menu asked for (Elverum: sparekrav × 2); null when the report states none. */
  readonly menu: number | null;
  /**
   * The measures' printed total in the last year of the plan period (catalogue.planPeriod[1]); null when
   * not printed. Older catalogues call it `printedTotal2029`: the loader reads that key too.
   */
  readonly printedTotal: number | null;
}

export interface CatalogueInfo {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly reference?: string;
  /** Whose measures these are, as users name it ("Elverum kommune"); the Valg view's overall line. */
  readonly municipality?: string;
  /** The unit the summary table, totals, targets and prose are printed in (domain code normalises to MNOK). */
  readonly unit: CatalogueUnit;
  readonly years: readonly Year[];
  readonly planPeriod: readonly [Year, Year];
  /**
   * The categories measures may have, in the report's order. The loader always fills it (default: Elverum's
   * four, CATEGORIES); optional here only so hand-built test data need not (read it as Catalogue.categories).
   */
  readonly categories?: readonly Category[];
  readonly titleLine?: number;
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

/** The report's overall total rows; each only when the report prints that table (a missing one gives no findings). */
export interface OverallTotals {
  /** "Sum" of the table of group totals. */
  readonly groupTable?: ValueRow | null;
  /** "Sum" of the table of category totals. */
  readonly categoryTable?: ValueRow | null;
  /** "SUM" under the summary table's measures. */
  readonly measureTable?: ValueRow | null;
}

export interface CatalogueData {
  readonly schemaVersion: 1;
  readonly catalogue: CatalogueInfo;
  readonly baseline?: { readonly basis: string; readonly line?: number; readonly printed?: string; readonly exceptions: readonly BaselineException[] } | null;
  readonly groups: readonly Group[];
  readonly measures: readonly Measure[];
  /** Printed totals, in the catalogue's unit; absent tables are absent (never zeros). */
  readonly totals: {
    readonly byGroup: Readonly<Record<string, ValueRow>>;
    readonly byCategory: Readonly<Record<string, ValueRow>>;
    readonly overall: OverallTotals;
    /** The same totals printed a second time in the report, as printed (not compared). */
    readonly byGroupRepeat?: Readonly<Record<string, ValueRow>> | null;
    readonly overallRepeat?: {
      readonly groupTable?: ValueRow | null;
      readonly categoryTable?: ValueRow | null;
      readonly measureTable?: ValueRow | null;
    } | null;
  };
  /** Savings targets, in the catalogue's unit. */
  readonly targets: {
    readonly byGroup: Readonly<Record<string, GroupTarget>>;
    readonly overall: GroupTarget;
    readonly mandate: readonly (PrintedRow & { readonly note: string })[];
  };
  readonly prose: readonly ProseClaim[];
  readonly notes: readonly string[];
}
