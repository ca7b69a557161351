// What Tiltaksmeny writes into a workbook (design.md, "Workbook layout"), as plain data: sheets, tables,
// columns, rows, formats and formulas. The Excel adapter only renders this; tests read it directly.
import { columnLetters } from "./a1";
import { columnSpecifier } from "./formula";
import type { Catalogue } from "./catalogue";
import { effect, normaliseDetailValue } from "./effects";
import { HOP_LABEL } from "./labels";
import { reconcile, type Finding, type Severity } from "./reconcile";
import { isInterpreted, isUnreadable, CATEGORIES, type Cell, type DetailTable, type LabelledRow, type Measure } from "./types";

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
} as const;

export const SHEET_NAMES = {
  measures: "Tiltak",
  lines: "Detaljer",
  summary: "Oppsummering",
  findings: "Avvik",
  followUp: "Oppfølging",
  hop: "HØP",
} as const;

export type TableKey = "findings" | "measures" | "lines" | "groupSummary" | "categorySummary" | "choice" | "followUp" | "hop";
export const TABLE_KEYS: readonly TableKey[] = ["findings", "measures", "lines", "groupSummary", "categorySummary", "choice", "followUp", "hop"];

/** The order our sheets get when the add-in creates them (after the user's own sheets). */
export const SHEET_ORDER: readonly (keyof typeof SHEET_NAMES)[] = ["measures", "lines", "summary", "followUp", "hop", "findings"];

/** Excel number formats (invariant syntax; Excel shows them in the user's locale, e.g. "−1,5"). */
export const FORMATS = {
  text: "@",
  mnok1: "#,##0.0;-#,##0.0;0.0",
  mnokDetail: "#,##0.0##;-#,##0.0##;0.0",
  printed: "General",
  integer: "0",
} as const;

export type CellValue = string | number | { readonly formula: string };

export type ValidationSpec =
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

export interface ChartSpec {
  readonly title: string;
  /** Column whose values label the category axis (set explicitly: Excel would plot a numeric one as a series). */
  readonly categories: string;
  /** Adjacent columns plotted as the series, named by their headers. */
  readonly series: readonly string[];
}

export interface TableSpec {
  readonly key: TableKey;
  /** Columns whose values identify a row across catalogue versions (keyed mode). */
  readonly keyColumns: readonly string[];
  readonly chart?: ChartSpec;
  /** keyed: rows matched by key, user edits kept; replace: rewritten whole each time (nobody edits). */
  readonly mode: "keyed" | "replace";
  readonly conditionalFormats?: readonly ConditionalFormatSpec[];
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
  choice: TABLE_NAMES.choice,
  followUp: TABLE_NAMES.followUp,
  hop: TABLE_NAMES.hop,
  findings: TABLE_NAMES.findings,
  measures: TABLE_NAMES.measures,
  lines: TABLE_NAMES.lines,
  groupSummary: TABLE_NAMES.groupSummary,
  categorySummary: TABLE_NAMES.categorySummary,
};

/** The status a row gets when its measure is no longer in the catalogue being inserted. */
export function removedStatus(version: string): string {
  return `Ikke i katalog ${version}`;
}

// Text that Excel would read as a formula (or a DDE/command injection) is stored with a text prefix.
const FORMULA_START = /^[=+\-@\t\r]/;
export function safeText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** Structured reference to a column, in the form Excel itself shows it (inner brackets only when needed). */
export function colRef(table: string, column: string): string {
  return `${table}[${columnSpecifier(column)}]`;
}

function unknownCell(): CellValue {
  // #N/A, not 0: an unreadable report value must stay unknown in every sum that uses it.
  return { formula: "=NA()" };
}

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "feil", warning: "advarsel", info: "info" };
const ERROR_FILL = "#F4CCCC";
const WARNING_FILL = "#FFE599";

/**
 * Conditional-format formula: true when the Avvik table has an error for this row's measure in this
 * column's year. Conditional formats cannot use structured references directly, hence INDIRECT.
 * SUMPRODUCT with "=" compares measure numbers exactly: COUNTIFS criteria coerce number-like text,
 * so "2.1" would also count the findings of "2.10". `yearExpr` must be a number (headers are text).
 */
function findingCellFormula(findingsTable: string, nrCell: string, yearExpr: string): string {
  const ref = (c: string) => `INDIRECT("${findingsTable}[${c}]")`;
  return `=SUMPRODUCT((${ref("Nr")}=${nrCell})*(${ref("År")}=${yearExpr})*(${ref("Alvorlighet")}="${SEVERITY_LABEL.error}"))>0`;
}

function measureStatus(m: Measure): string {
  return m.inSummary ? "Sammendrag" : "Kun kapittel 4";
}

export function planColumnName(cat: Catalogue): string {
  const [from, to] = cat.planPeriod;
  return `Sum ${from}–${to}`;
}

function measuresTable(cat: Catalogue, names: TableNames): TableSpec {
  const years = cat.years;
  const [from, to] = cat.planPeriod;
  const t = names.measures;
  const yearCols: ColumnSpec[] = years.map((y) => ({ name: String(y), format: FORMATS.mnok1, width: 44, total: `=SUBTOTAL(109,${colRef(t, String(y))})` }));
  const planCol = planColumnName(cat);
  const columns: ColumnSpec[] = [
    { name: "Nr", format: FORMATS.text, width: 36 },
    { name: "Gruppe", format: FORMATS.integer, width: 44 },
    { name: "Tjeneste", format: FORMATS.text, width: 100 },
    { name: "Tiltak", format: FORMATS.text, width: 300 },
    { name: "Kategori", format: FORMATS.text, width: 110 },
    ...yearCols,
    { name: planCol, format: FORMATS.mnok1, width: 70, total: `=SUBTOTAL(109,${colRef(t, planCol)})` },
    { name: "HØP-status", format: FORMATS.text, width: 90 },
    { name: "Kilde", format: FORMATS.text, width: 50 },
    { name: "Katalog", format: FORMATS.text, width: 90 },
    { name: "Avvik", format: FORMATS.integer, width: 44 },
    { name: "Valgt", format: FORMATS.text, width: 44, input: true, validation: { kind: "list", source: "Ja,Nei" } },
  ];
  const rows = cat.measures.map((m): RowSpec => {
    const yearCells = years.map((y): CellValue => {
      if (!m.inSummary) return "";
      const o = effect(cat, m.id, y);
      return o.ok ? o.value : unknownCell();
    });
    return {
      key: m.id,
      cells: [
        m.id,
        m.group,
        safeText(m.service.trim()),
        safeText(m.title),
        m.category ?? "",
        ...yearCells,
        // Native formula so the workbook stays right when users correct a year by hand.
        m.inSummary ? { formula: `=SUM(${t}[@[${from}]:[${to}]])` } : "",
        HOP_LABEL[m.hop.status],
        m.source ?? "",
        measureStatus(m),
        // Native formula over the Avvik table: recounts itself whenever the findings are rewritten.
        // Exact comparison (not COUNTIFS, whose criteria would make "2.1" match "2.10").
        { formula: `=SUMPRODUCT((${colRef(names.findings, "Nr")}=[@Nr])*(${colRef(names.findings, "Alvorlighet")}<>"${SEVERITY_LABEL.info}"))` },
        "Nei",
      ],
    };
  });
  const col = (name: string) => columnLetters(columns.findIndex((c) => c.name === name));
  const first = String(years[0]);
  const last = String(years[years.length - 1]);
  return {
    key: "measures",
    keyColumns: ["Nr"],
    mode: "keyed",
    sheetKey: "measures",
    table: t,
    startRow: 0,
    columns,
    rows,
    statusColumn: "Katalog",
    conditionalFormats: [
      {
        firstColumn: first,
        lastColumn: last,
        formula: findingCellFormula(names.findings, `$A2`, `${col(first)}$1+0`),
        fill: ERROR_FILL,
      },
      { firstColumn: "Avvik", lastColumn: "Avvik", formula: `=${col("Avvik")}2>0`, fill: WARNING_FILL },
    ],
  };
}

function printedCell(c: Cell | undefined): CellValue {
  if (c === null || c === undefined) return "";
  if (isUnreadable(c)) return safeText(`ulesbar: ${c.unreadable}`);
  if (isInterpreted(c)) return c.value;
  return c;
}

function mnokCell(c: Cell | undefined, d: DetailTable): CellValue {
  if (c === null || c === undefined) return "";
  if (isUnreadable(c)) return unknownCell();
  return normaliseDetailValue(isInterpreted(c) ? c.value : c, d);
}

const UNIT_LABEL: Readonly<Record<DetailTable["unit"], string>> = { MNOK: "mill. kr", TNOK: "1000 kr", NOK: "kr" };

function linesTable(cat: Catalogue, names: TableNames): TableSpec {
  const years = cat.years;
  const columns: ColumnSpec[] = [
    { name: "Nr", format: FORMATS.text, width: 36 },
    { name: "Linje", format: FORMATS.integer, width: 36 },
    { name: "Tekst", format: FORMATS.text, width: 240 },
    { name: "Netto", format: FORMATS.text, width: 44 },
    { name: "Enhet (trykt)", format: FORMATS.text, width: 60 },
    { name: "Fortegn (trykt)", format: FORMATS.text, width: 110 },
    ...years.map((y) => ({ name: `Trykt ${y}`, format: FORMATS.printed, width: 70 })),
    ...years.map((y) => ({ name: `MNOK ${y}`, format: FORMATS.mnokDetail, width: 60 })),
    { name: "Rapportlinje", format: FORMATS.integer, width: 60 },
  ];
  const rows: RowSpec[] = [];
  for (const m of cat.measures) {
    const d = m.detail;
    if (!d) continue;
    const all: [LabelledRow, boolean][] = [...d.lines.map((l): [LabelledRow, boolean] => [l, false]), ...(d.net ? [[d.net, true] as [LabelledRow, boolean]] : [])];
    all.forEach(([line, isNet], i) => {
      rows.push({
        key: `${m.id}#${i + 1}`,
        cells: [
          m.id,
          i + 1,
          safeText(line.label || "(uten tekst)"),
          isNet ? "Ja" : "Nei",
          UNIT_LABEL[d.unit],
          d.sign === "negative-is-saving" ? "negativ = innsparing" : "positiv = innsparing",
          ...years.map((y) => (d.years.includes(y) ? printedCell(line.values[String(y)]) : "")),
          ...years.map((y) => (d.years.includes(y) ? mnokCell(line.values[String(y)], d) : "")),
          line.line,
        ],
      });
    });
  }
  const col = (name: string) => columnLetters(columns.findIndex((c) => c.name === name));
  const cf = (prefix: string): ConditionalFormatSpec => ({
    firstColumn: `${prefix} ${years[0]}`,
    lastColumn: `${prefix} ${years[years.length - 1]}`,
    // The year is the last four characters of the column header ("MNOK 2027").
    formula: findingCellFormula(names.findings, "$A2", `RIGHT(${col(`${prefix} ${years[0]}`)}$1,4)+0`),
    fill: ERROR_FILL,
  });
  return { key: "lines", keyColumns: ["Nr", "Linje"], mode: "keyed", sheetKey: "lines", table: names.lines, startRow: 0, columns, rows, conditionalFormats: [cf("Trykt"), cf("MNOK")] };
}

function printedTotal(c: Cell | undefined): CellValue {
  if (c === null || c === undefined) return "";
  if (isUnreadable(c)) return unknownCell();
  return isInterpreted(c) ? c.value : c;
}

/** Per group: target, menu per year (SUMIFS over the Tiltak table), the report's printed total, the difference. */
function groupSummaryTable(cat: Catalogue, names: TableNames): TableSpec {
  const years = cat.years;
  const t = names.groupSummary;
  const m = names.measures;
  const columns: ColumnSpec[] = [
    { name: "Gruppe", format: FORMATS.integer, width: 44 },
    { name: "Arbeidsgruppe", format: FORMATS.text, width: 160 },
    { name: "Sparekrav", format: FORMATS.mnok1, width: 60, total: `=SUBTOTAL(109,${colRef(t, "Sparekrav")})` },
    { name: "Meny (sparekrav×2)", format: FORMATS.mnok1, width: 70, total: `=SUBTOTAL(109,${colRef(t, "Meny (sparekrav×2)")})` },
    ...years.map((y) => ({ name: `Tiltak ${y}`, format: FORMATS.mnok1, width: 60, total: `=SUBTOTAL(109,${colRef(t, `Tiltak ${y}`)})` })),
    ...years.map((y) => ({ name: `Rapport ${y}`, format: FORMATS.mnok1, width: 60, total: `=SUBTOTAL(109,${colRef(t, `Rapport ${y}`)})` })),
    ...years.map((y) => ({ name: `Differanse ${y}`, format: FORMATS.mnok1, width: 66, total: `=SUBTOTAL(109,${colRef(t, `Differanse ${y}`)})` })),
    ...years.map((y) => ({ name: `Valgt ${y}`, format: FORMATS.mnok1, width: 60, total: `=SUBTOTAL(109,${colRef(t, `Valgt ${y}`)})` })),
    { name: `Gjenstår ${targetYear(cat)}`, format: FORMATS.mnok1, width: 70, total: `=SUBTOTAL(109,${colRef(t, `Gjenstår ${targetYear(cat)}`)})` },
  ];
  const rows = cat.groups.map((g): RowSpec => {
    const target = cat.data.targets.byGroup[String(g.id)];
    const printed = cat.data.totals.byGroup[String(g.id)];
    return {
      key: String(g.id),
      cells: [
        g.id,
        safeText(g.name),
        target ? target.sparekrav : "",
        target ? target.menu : "",
        ...years.map((y): CellValue => ({ formula: `=SUMIFS(${colRef(m, String(y))},${colRef(m, "Gruppe")},[@Gruppe])` })),
        ...years.map((y) => printedTotal(printed?.values[String(y)])),
        ...years.map((y): CellValue => ({ formula: `=[@[Tiltak ${y}]]-[@[Rapport ${y}]]` })),
        ...years.map((y): CellValue => ({ formula: `=SUMIFS(${colRef(m, String(y))},${colRef(m, "Gruppe")},[@Gruppe],${colRef(m, "Valgt")},"Ja")` })),
        // Positive: still missing to reach the target; negative: the choice saves more than required.
        { formula: `=[@[Valgt ${targetYear(cat)}]]-[@Sparekrav]` },
      ],
    };
  });
  return { key: "groupSummary", keyColumns: ["Gruppe"], mode: "keyed", sheetKey: "summary", table: t, startRow: 2, columns, rows, caption: "Per arbeidsgruppe (mill. kr, negativ = innsparing)" };
}

export const NO_CATEGORY = "Uten kategori i rapporten";

/** Per category, plus the measures the report gives no category, so the rows add up to the whole menu. */
function categorySummaryTable(cat: Catalogue, names: TableNames, startRow: number): TableSpec {
  const years = cat.years;
  const t = names.categorySummary;
  const m = names.measures;
  const columns: ColumnSpec[] = [
    { name: "Kategori", format: FORMATS.text, width: 160 },
    { name: "Antall tiltak", format: FORMATS.integer, width: 50 },
    ...years.map((y) => ({ name: `Tiltak ${y}`, format: FORMATS.mnok1, width: 60, total: `=SUBTOTAL(109,${colRef(t, `Tiltak ${y}`)})` })),
    ...years.map((y) => ({ name: `Rapport ${y}`, format: FORMATS.mnok1, width: 60, total: `=SUBTOTAL(109,${colRef(t, `Rapport ${y}`)})` })),
    ...years.map((y) => ({ name: `Differanse ${y}`, format: FORMATS.mnok1, width: 66, total: `=SUBTOTAL(109,${colRef(t, `Differanse ${y}`)})` })),
  ];
  const criterion = (c: string) => (c === NO_CATEGORY ? '""' : "[@Kategori]");
  const rows = [...CATEGORIES, NO_CATEGORY].map((c): RowSpec => {
    const printed = cat.data.totals.byCategory[c];
    const countFormula = `=COUNTIFS(${colRef(m, "Kategori")},${criterion(c)},${colRef(m, "Katalog")},"Sammendrag")`;
    return {
      key: c,
      cells: [
        c,
        { formula: countFormula },
        ...years.map((y): CellValue => ({ formula: `=SUMIFS(${colRef(m, String(y))},${colRef(m, "Kategori")},${criterion(c)})` })),
        ...years.map((y) => (printed ? printedTotal(printed.values[String(y)]) : "")),
        ...years.map((y): CellValue =>
          printed ? { formula: `=[@[Tiltak ${y}]]-[@[Rapport ${y}]]` } : "",
        ),
      ],
    };
  });
  return {
    key: "categorySummary",
    keyColumns: ["Kategori"],
    mode: "keyed",
    sheetKey: "summary",
    table: t,
    startRow,
    columns,
    rows,
    caption: "Per kategori (rapporten oppgir kategori bare for noen tiltak)",
  };
}

/** The year the 40 MNOK must be reached (the end of the plan period). */
export function targetYear(cat: Catalogue): number {
  return cat.planPeriod[1];
}

/** Chosen savings per year of the plan period against the overall target, for the chart. */
function choiceTable(cat: Catalogue, names: TableNames, startRow: number): TableSpec {
  const [from, to] = cat.planPeriod;
  const m = names.measures;
  const target = cat.data.targets.overall.sparekrav;
  const columns: ColumnSpec[] = [
    { name: "År", format: FORMATS.integer, width: 44 },
    { name: "Valgte tiltak", format: FORMATS.mnok1, width: 70 },
    { name: "Sparekrav", format: FORMATS.mnok1, width: 60 },
    { name: "Gjenstår", format: FORMATS.mnok1, width: 60 },
  ];
  const rows: RowSpec[] = [];
  for (let y = from; y <= to; y++) {
    rows.push({
      key: String(y),
      cells: [y, { formula: `=SUMIFS(${colRef(m, String(y))},${colRef(m, "Valgt")},"Ja")` }, target, { formula: "=[@[Valgte tiltak]]-[@Sparekrav]" }],
    });
  }
  return {
    key: "choice",
    keyColumns: ["År"],
    mode: "keyed",
    sheetKey: "summary",
    table: names.choice,
    startRow,
    columns,
    rows,
    caption: `Valgte tiltak mot sparekravet på ${-target} mill. kr`,
    chart: { title: "Valgte tiltak mot sparekravet (mill. kr)", categories: "År", series: ["Valgte tiltak", "Sparekrav"] },
  };
}

/** Oppfølging: one row per measure and plan year; sector accountants type what was realised. */
function followUpTable(cat: Catalogue, names: TableNames): TableSpec {
  const [from, to] = cat.planPeriod;
  const columns: ColumnSpec[] = [
    { name: "Nr", format: FORMATS.text, width: 36 },
    { name: "Tiltak", format: FORMATS.text, width: 260 },
    { name: "Gruppe", format: FORMATS.integer, width: 44 },
    { name: "År", format: FORMATS.integer, width: 40 },
    { name: "Plan", format: FORMATS.mnok1, width: 50, validation: { kind: "reject", message: "Plan kommer fra tiltakskatalogen. Skriv realisert innsparing i kolonnen Realisert." } },
    { name: "Realisert", format: FORMATS.mnokDetail, width: 60, input: true, validation: { kind: "decimal", min: -1000, max: 1000, message: "Skriv et tall i mill. kr (negativt = innsparing), f.eks. -0,4." } },
    { name: "Avvik", format: FORMATS.mnokDetail, width: 50 },
    { name: "Kommentar", format: FORMATS.text, width: 200, input: true },
  ];
  const rows: RowSpec[] = [];
  for (const m of cat.measures) {
    if (!m.inSummary) continue;
    for (let y = from; y <= to; y++) {
      const o = effect(cat, m.id, y);
      rows.push({
        key: `${m.id}#${y}`,
        cells: [m.id, safeText(m.title), m.group, y, o.ok ? o.value : unknownCell(), "", { formula: '=IF([@Realisert]="","",[@Realisert]-[@Plan])' }, ""],
      });
    }
  }
  return { key: "followUp", keyColumns: ["Nr", "År"], mode: "keyed", sheetKey: "followUp", table: names.followUp, startRow: 0, columns, rows };
}

/** HØP: the plan's figures per measure and year (typed or imported by controllers) against the measure. */
function hopTable(cat: Catalogue, names: TableNames): TableSpec {
  const [from, to] = cat.planPeriod;
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  const columns: ColumnSpec[] = [
    { name: "Nr", format: FORMATS.text, width: 36 },
    { name: "Tiltak", format: FORMATS.text, width: 260 },
    { name: "Gruppe", format: FORMATS.integer, width: 44 },
    { name: "HØP-status", format: FORMATS.text, width: 90 },
    { name: "Telles i menyen", format: FORMATS.text, width: 150 },
    ...years.map((y): ColumnSpec => ({ name: `HØP ${y}`, format: FORMATS.mnokDetail, width: 56, input: true, validation: { kind: "decimal", min: -1000, max: 1000, message: "Skriv HØP-beløpet i mill. kr (negativt = innsparing)." } })),
    ...years.map((y): ColumnSpec => ({ name: `Tiltak ${y}`, format: FORMATS.mnok1, width: 56, validation: { kind: "reject", message: "Tiltakets effekt kommer fra katalogen. Skriv HØP-tallene i HØP-kolonnene." } })),
    ...years.map((y): ColumnSpec => ({ name: `Differanse ${y}`, format: FORMATS.mnokDetail, width: 66 })),
  ];
  const rows = cat.measures
    .filter((m) => m.inSummary)
    .map((m): RowSpec => ({
      key: m.id,
      cells: [
        m.id,
        safeText(m.title),
        m.group,
        HOP_LABEL[m.hop.status],
        m.hop.status === "in-plan" ? "Nei – allerede i HØP" : m.hop.status === "partly" ? "Delvis – sjekk HØP" : "Ja",
        ...years.map(() => ""),
        ...years.map((y): CellValue => {
          const o = effect(cat, m.id, y);
          return o.ok ? o.value : unknownCell();
        }),
        ...years.map((y): CellValue => ({ formula: `=IF([@[HØP ${y}]]="","",[@[HØP ${y}]]-[@[Tiltak ${y}]])` })),
      ],
    }));
  return { key: "hop", keyColumns: ["Nr"], mode: "keyed", sheetKey: "hop", table: names.hop, startRow: 0, columns, rows };
}

export const NO_FINDINGS = "Ingen avvik funnet.";

/** The Avvik table: one row per finding, rewritten whole by every insert and re-check. */
export function findingsTable(names: TableNames, findings: readonly Finding[]): TableSpec {
  const columns: ColumnSpec[] = [
    { name: "Nr", format: FORMATS.text, width: 36 },
    { name: "Gruppe", format: FORMATS.integer, width: 44 },
    { name: "Regel", format: FORMATS.text, width: 110 },
    { name: "Alvorlighet", format: FORMATS.text, width: 60 },
    { name: "År", format: FORMATS.integer, width: 40 },
    { name: "Forventet", format: FORMATS.mnokDetail, width: 60 },
    { name: "Faktisk", format: FORMATS.mnokDetail, width: 60 },
    { name: "Forklaring", format: FORMATS.text, width: 420 },
  ];
  // A finding spanning several years gets one row per year, so each row can mark its own cell.
  const rows: RowSpec[] = findings.flatMap((f, i) =>
    (f.years.length > 0 ? f.years : [null]).map((y, j) => ({
      key: `${i}#${j}`,
      cells: [f.measure ?? "", f.group ?? "", f.rule, SEVERITY_LABEL[f.severity], y ?? "", f.expected ?? "", f.actual ?? "", safeText(f.message)],
    })),
  );
  const empty: RowSpec = { key: "0#0", cells: ["", "", "", "", "", "", "", NO_FINDINGS] };
  return { key: "findings", keyColumns: [], mode: "replace", sheetKey: "findings", table: names.findings, startRow: 0, columns, rows: rows.length > 0 ? rows : [empty] };
}

/**
 * Every table Tiltaksmeny inserts, given the table names resolved for this workbook. The Avvik table
 * comes first: the others' formulas refer to it, and Excel rejects a formula naming a missing table.
 */
export function catalogueLayout(cat: Catalogue, names: TableNames = DEFAULT_TABLE_NAMES, findings: readonly Finding[] = reconcile(cat)): readonly TableSpec[] {
  const group = groupSummaryTable(cat, names);
  // Group table: caption row, header, rows, totals row; then a blank row, a caption and the category table.
  const categoryStart = group.startRow + 1 + group.rows.length + 1 + 2;
  const category = categorySummaryTable(cat, names, categoryStart);
  const choiceStart = category.startRow + 1 + category.rows.length + 1 + 2;
  return [
    findingsTable(names, findings),
    measuresTable(cat, names),
    linesTable(cat, names),
    group,
    category,
    choiceTable(cat, names, choiceStart),
    followUpTable(cat, names),
    hopTable(cat, names),
  ];
}
