// The vocabulary of the workbook layout (layout.ts and the table specs under layout/): names, formats,
// the spec types and the reference helpers every table spec uses. Imports nothing of the layout, so the
// specs can share it without importing each other.
import { columnSpecifier } from "../formula";

// Table names are ASCII: Excel table names with Ø/æ/å are unsafe across locales.
export const TABLE_NAMES = {
  measures: "Tiltak",
  lines: "Tiltakslinjer",
  groupSummary: "Gruppesum",
  categorySummary: "Kategorisum",
  findings: "Avvik",
  followUp: "Oppfolging",
  hop: "HOP",
  choice: "ValgtMotMal",
  statusList: "Statusliste",
  riskList: "Risikoliste",
  reportChoice: "Rapportvalg",
  statusReport: "StatusPerStatus",
  groupReport: "StatusPerGruppe",
  versions: "Versjoner",
  comparison: "Versjonssammenligning",
} as const;

export const SHEET_NAMES = {
  measures: "Tiltak",
  lines: "Detaljer",
  summary: "Oppsummering",
  findings: "Avvik",
  followUp: "Oppfølging",
  hop: "HØP",
  report: "Statusrapport",
  versions: "Versjoner",
  lists: "Lister",
} as const;

export type TableKey =
  | "findings"
  | "measures"
  | "lines"
  | "groupSummary"
  | "categorySummary"
  | "choice"
  | "followUp"
  | "hop"
  | "statusList"
  | "riskList"
  | "reportChoice"
  | "statusReport"
  | "groupReport"
  | "versions"
  | "comparison";
export const TABLE_KEYS: readonly TableKey[] = [
  "findings",
  "measures",
  "lines",
  "groupSummary",
  "categorySummary",
  "choice",
  "followUp",
  "hop",
  "statusList",
  "riskList",
  "reportChoice",
  "statusReport",
  "groupReport",
  "versions",
  "comparison",
];

/** The order our sheets get when the add-in creates them (after the user's own sheets). */
export const SHEET_ORDER: readonly (keyof typeof SHEET_NAMES)[] = ["measures", "lines", "summary", "followUp", "report", "versions", "hop", "findings", "lists"];

/** Excel number formats (invariant syntax; Excel shows them in the user's locale, e.g. "−1,5"). */
export const FORMATS = {
  text: "@",
  mnok1: "#,##0.0;-#,##0.0;0.0",
  mnokDetail: "#,##0.0##;-#,##0.0##;0.0",
  printed: "General",
  integer: "0",
  /** The traffic light (3/2/1) in words beside its icon: what a council document shows when the cell is copied. */
  signal: '[=3]"grønn";[=2]"gul";"rød"',
} as const;

export type CellValue = string | number | { readonly formula: string };

export type ValidationSpec =
  /** `source`: comma-separated words, or a formula ("=INDIRECT(\"Statusliste[Status]\")": a list kept in a table). */
  | { readonly kind: "list"; readonly source: string }
  | { readonly kind: "decimal"; readonly min: number; readonly max: number; readonly message: string }
  /** Rejects anything typed (API writes are not validated): guards cells the add-in fills, without sheet protection. */
  | { readonly kind: "reject"; readonly message: string };

/** Fill for cells users type into, so input is told apart from catalogue data at a glance. */
export const INPUT_FILL = "#FFF2CC";

export interface ColumnSpec {
  readonly name: string;
  readonly validation?: ValidationSpec;
  readonly format: string;
  /** Column width in points. */
  readonly width: number;
  /** Typed by users; the add-in writes it only when the row is new. */
  readonly input?: boolean;
  /** Formula for the totals row (structured reference), when the column has a total. */
  readonly total?: string;
}

export interface RowSpec {
  /** Identifies the row across catalogue versions (measure number, measure + line, group id…). */
  readonly key: string;
  readonly cells: readonly CellValue[];
}

/** Conditional format over some body columns; `formula` is relative to the first body cell. */
export interface ConditionalFormatSpec {
  readonly firstColumn: string;
  readonly lastColumn: string;
  readonly formula: string;
  readonly fill: string;
}

/**
 * A native icon set over one body column (ExcelApi 1.6): the top icon where the value is at least
 * `thresholds[1]`, the middle one at least `thresholds[0]`, the bottom one below; text shows none.
 */
export interface IconSetSpec {
  readonly column: string;
  /** Excel.IconSet value (Office.js); the file's name for it is ICON_SET_FILE_NAME[style]. */
  readonly style: "ThreeTrafficLights1";
  readonly thresholds: readonly [number, number];
}

export const ICON_SET_FILE_NAME: Readonly<Record<IconSetSpec["style"], string>> = { ThreeTrafficLights1: "3TrafficLights1" };

export interface ChartSpec {
  readonly title: string;
  /** Line (the default) or clustered columns. */
  readonly type?: "line" | "column";
  /** Below the table (left-aligned, one blank row between) instead of beside it: the cells right of the table hold text. */
  readonly below?: boolean;
  /** Column whose values label the category axis (set explicitly: Excel would plot a numeric one as a series). */
  readonly categories: string;
  /** Adjacent columns plotted as the series, named by their headers. */
  readonly series: readonly string[];
}

export interface TableSpec {
  readonly key: TableKey;
  /** Columns whose values identify a row across catalogue versions (keyed mode) or rewrites (replace mode). */
  readonly keyColumns: readonly string[];
  readonly chart?: ChartSpec;
  /**
   * keyed: rows matched by key, user edits kept; replace: our columns rewritten whole each time (the
   * add-in recomputes them), while columns a user adds keep their cells with the row of the same key;
   * owned: the user's (lists they edit, frozen versions): created once with these rows, then never
   * written by an insert or upgrade (re-created only when the table is gone).
   */
  readonly mode: "keyed" | "replace" | "owned";
  readonly conditionalFormats?: readonly ConditionalFormatSpec[];
  readonly iconSets?: readonly IconSetSpec[];
  readonly sheetKey: keyof typeof SHEET_NAMES;
  readonly table: string;
  /** Rows above the table on its sheet (0 = header in row 1); tables sharing a sheet stack. */
  readonly startRow: number;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly RowSpec[];
  /** Column holding the row status, so rows of measures that left the catalogue can be marked. */
  readonly statusColumn?: string;
  /** Title written above the table (for stacked tables on a summary sheet). */
  readonly caption?: string;
}

export type TableNames = Readonly<Record<TableKey, string>>;

export const DEFAULT_TABLE_NAMES: TableNames = {
  statusList: TABLE_NAMES.statusList,
  riskList: TABLE_NAMES.riskList,
  reportChoice: TABLE_NAMES.reportChoice,
  statusReport: TABLE_NAMES.statusReport,
  groupReport: TABLE_NAMES.groupReport,
  versions: TABLE_NAMES.versions,
  comparison: TABLE_NAMES.comparison,
  choice: TABLE_NAMES.choice,
  followUp: TABLE_NAMES.followUp,
  hop: TABLE_NAMES.hop,
  findings: TABLE_NAMES.findings,
  measures: TABLE_NAMES.measures,
  lines: TABLE_NAMES.lines,
  groupSummary: TABLE_NAMES.groupSummary,
  categorySummary: TABLE_NAMES.categorySummary,
};

// Text that Excel would read as a formula (or a DDE/command injection) is stored with a text prefix.
const FORMULA_START = /^[=+\-@\t\r]/;
export function safeText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/**
 * Text compared as written by criteria (COUNTIFS, SUMIFS) and by MATCH(…, 0), which read * ? ~ as wildcards:
 * "Forsinke?" would match «Forsinket». Each is escaped with ~, as Excel's COUNTIFS help describes ("type a
 * tilde (~) in front of the character"); the engine test has a pasted «Forsinke?» that must count as another status.
 */
export function literalText(expr: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${expr},"~","~~"),"*","~*"),"?","~?")`;
}

/** Structured reference to a column, in the form Excel itself shows it (inner brackets only when needed). */
export function colRef(table: string, column: string): string {
  return `${table}[${columnSpecifier(column)}]`;
}

/** A column specifier inside a range ("[[2025]:[2030]]"): always bracketed, with ' escaping [ ] # '. */
const bracketed = (column: string) => `[${column.replace(/(['#[\]])/g, "'$1")}]`;

/**
 * The value of this row's measure in the Tiltak table (`measures`): in `column`, or in the
 * `yearIndex`-th column of `columns` (a column range "[[2025]:[2030]]"). The measure's row is the first
 * whose Nr is exactly this one: EXACT compares the text ("2.1" ≠ "2.10"; criteria functions and a MATCH
 * on Nr itself read both as 2.1), and MATCH only finds the first TRUE among those comparisons — the
 * same row the planner treats as ours when a user has duplicated one. INDEX(…,0) has Excel evaluate
 * EXACT over the column without array entry (LibreOffice does so for MATCH's lookup array anyway).
 * INDEX then takes the value from that one row: a blank cell shows 0 (blank is no effect, as in
 * domain/effects), #N/A stays #N/A, text shows as text, and an error or text in another measure's row
 * cannot reach this one (SUMPRODUCT(EXACT(…)*column) would: one #N/A in a column makes every row's
 * figure #N/A). No row with this Nr: #N/A, never a silent 0.
 */
export function measureLookup(measures: string, target: { readonly column: string } | { readonly columns: readonly [string, string]; readonly yearIndex: string }): string {
  const row = `MATCH(TRUE,INDEX(EXACT(${colRef(measures, "Nr")},[@Nr]),0),0)`;
  return "column" in target
    ? `=INDEX(${colRef(measures, target.column)},${row})`
    : `=INDEX(${measures}[${bracketed(target.columns[0])}:${bracketed(target.columns[1])}],${row},${target.yearIndex})`;
}
