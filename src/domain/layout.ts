// What Tiltaksmeny writes into a workbook (design.md, "Workbook layout"), as plain data: sheets, tables,
// columns, rows, formats and formulas. The Excel adapter only renders this; tests read it directly.
import { columnLetters } from "./a1";
import type { Catalogue } from "./catalogue";
import { effect, normaliseDetailValue } from "./effects";
import { HOP_LABEL } from "./labels";
import { reconcile, type Finding, type Severity } from "./reconcile";
import { isInterpreted, isUnreadable, type Cell, type DetailTable, type LabelledRow, type Measure } from "./types";
import { followUpTable, riskListTable, statusListTable } from "./layout/followUp";
import { groupReportTable, reportChoiceTable, statusReportTable } from "./layout/report";
import { comparisonTable, versionsTable } from "./layout/versions";

export * from "./layout/base";
import { colRef, literalText, DEFAULT_TABLE_NAMES, FORMATS, measureLookup, safeText, type CellValue, type ColumnSpec, type ConditionalFormatSpec, type RowSpec, type TableNames, type TableSpec } from "./layout/base";

/** The status a row gets when its measure is no longer in the catalogue being inserted. */
export function removedStatus(version: string): string {
  return `Ikke i katalog ${version}`;
}


/**
 * The totals row of a table with totals, as written: each column's total formula ("Sum" in the first
 * column otherwise), and each cell's number format — the column's, so totals read like the figures
 * above them, except General where a formula stands in a text column (Excel keeps text typed into a
 * text-formatted cell as text, formulas included).
 */
export function totalsRow(spec: Pick<TableSpec, "columns">): { readonly formulas: readonly string[]; readonly formats: readonly string[] } | null {
  if (!spec.columns.some((c) => c.total)) return null;
  return {
    formulas: spec.columns.map((c, i) => c.total ?? (i === 0 ? "Sum" : "")),
    formats: spec.columns.map((c) => (c.total && c.format === FORMATS.text ? FORMATS.printed : c.format)),
  };
}

function unknownCell(): CellValue {
  // #N/A, not 0: an unreadable report value must stay unknown in every sum that uses it.
  return { formula: "=NA()" };
}

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "feil", warning: "advarsel", info: "merknad" };
/**
 * «Alvorlighet» of an Avvik row whose finding no longer holds but that the user wrote in (a column they
 * added): kept, with their words, and counted by nothing (formulas count feil and advarsel by name).
 */
export const RESOLVED_LABEL = "løst";
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


/** Counts the real findings (errors and warnings, by name) in the Avvik table for this row's measure. */
function findingsCount(findings: string): string {
  const severity = colRef(findings, "Alvorlighet");
  return `=SUMPRODUCT((${colRef(findings, "Nr")}=[@Nr])*((${severity}="${SEVERITY_LABEL.error}")+(${severity}="${SEVERITY_LABEL.warning}")))`;
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
        // Exact comparison (not COUNTIFS, whose criteria would make "2.1" match "2.10"); errors and
        // warnings by name, so info rows and rows kept as «løst» are not counted.
        { formula: findingsCount(names.findings) },
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
          // Provenance is optional in a catalogue (no report text to point into): blank then.
          line.line ?? "",
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

/** Gruppesum's totals-row note: shown when the groups' targets do not add up to the overall target. */
function groupTargetsNote(groupSummary: string, overall: number): string {
  const sum = `SUM(${colRef(groupSummary, "Sparekrav")})`;
  return `=IF(ROUND(${sum}-(${overall}),1)=0,"","Ulikt samlet krav ("&FIXED(${overall},1)&"), se Merknad")`;
}

/** Per group: target, menu per year (SUMIFS over the Tiltak table), the report's printed total, the difference. */
function groupSummaryTable(cat: Catalogue, names: TableNames): TableSpec {
  const years = cat.years;
  const t = names.groupSummary;
  const m = names.measures;
  const columns: ColumnSpec[] = [
    { name: "Gruppe", format: FORMATS.integer, width: 44 },
    // Beside the targets' total: a word when they do not add up to the overall target (see targetsNote).
    { name: "Arbeidsgruppe", format: FORMATS.text, width: 160, total: groupTargetsNote(t, cat.targets.overall.sparekrav) },
    { name: "Sparekrav", format: FORMATS.mnok1, width: 60, total: `=SUBTOTAL(109,${colRef(t, "Sparekrav")})` },
    { name: "Meny (sparekrav×2)", format: FORMATS.mnok1, width: 70, total: `=SUBTOTAL(109,${colRef(t, "Meny (sparekrav×2)")})` },
    ...years.map((y) => ({ name: `Tiltak ${y}`, format: FORMATS.mnok1, width: 60, total: `=SUBTOTAL(109,${colRef(t, `Tiltak ${y}`)})` })),
    ...years.map((y) => ({ name: `Rapport ${y}`, format: FORMATS.mnok1, width: 60, total: `=SUBTOTAL(109,${colRef(t, `Rapport ${y}`)})` })),
    ...years.map((y) => ({ name: `Differanse ${y}`, format: FORMATS.mnok1, width: 66, total: `=SUBTOTAL(109,${colRef(t, `Differanse ${y}`)})` })),
    ...years.map((y) => ({ name: `Valgt ${y}`, format: FORMATS.mnok1, width: 60, total: `=SUBTOTAL(109,${colRef(t, `Valgt ${y}`)})` })),
    { name: `Gjenstår ${targetYear(cat)}`, format: FORMATS.mnok1, width: 70, total: `=SUBTOTAL(109,${colRef(t, `Gjenstår ${targetYear(cat)}`)})` },
  ];
  const rows = cat.groups.map((g): RowSpec => {
    const target = cat.targets.byGroup[String(g.id)];
    const printed = cat.totals.byGroup[String(g.id)];
    return {
      key: String(g.id),
      cells: [
        g.id,
        safeText(g.name),
        target ? target.sparekrav : "",
        target?.menu ?? "",
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
  // A catalogue's own category may hold * ? ~: compared as written.
  const criterion = (c: string) => (c === NO_CATEGORY ? '""' : literalText("[@Kategori]"));
  const rows = [...cat.categories, NO_CATEGORY].map((c): RowSpec => {
    const printed = cat.totals.byCategory[c];
    // The non-blank criterion first: LibreOffice counts 0 when a blank ("") criterion leads (docs/regnemotorer.md).
    const countFormula = `=COUNTIFS(${colRef(m, "Katalog")},"Sammendrag",${colRef(m, "Kategori")},${criterion(c)})`;
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

/**
 * Where the report's targets disagree with themselves (the groups' targets add up to more or less than
 * the overall one), the two «Gjenstår <år>» figures on Oppsummering differ by that much: Gruppesum's
 * total counts against the groups' targets, ValgtMotMal against the overall target. This note, beside
 * ValgtMotMal's figure, says so from the tables' own numbers (empty when they agree at 0.1 MNOK).
 */
function targetsNote(names: TableNames, year: number): string {
  const sum = `SUM(${colRef(names.groupSummary, "Sparekrav")})`;
  return (
    `=IF(ROUND(${sum}-[@Sparekrav],1)=0,"",` +
    `"Arbeidsgruppenes sparekrav er til sammen "&FIXED(${sum},1)&" mill. kr, ikke "&FIXED([@Sparekrav],1)&` +
    `": «Gjenstår ${year}» per arbeidsgruppe (over) er regnet mot dem og avviker derfor med "&FIXED([@Sparekrav]-${sum},1)&" fra tallet her.")`
  );
}

/** Chosen savings per year of the plan period against the overall target, for the chart. */
function choiceTable(cat: Catalogue, names: TableNames, startRow: number): TableSpec {
  const [from, to] = cat.planPeriod;
  const m = names.measures;
  const target = cat.targets.overall.sparekrav;
  const columns: ColumnSpec[] = [
    { name: "År", format: FORMATS.integer, width: 44 },
    { name: "Valgte tiltak", format: FORMATS.mnok1, width: 70 },
    { name: "Sparekrav", format: FORMATS.mnok1, width: 60 },
    { name: "Gjenstår", format: FORMATS.mnok1, width: 60 },
    // General, not text: the cell holds a formula (a text-formatted cell would keep it as text).
    { name: "Merknad", format: FORMATS.printed, width: 60 },
  ];
  const rows: RowSpec[] = [];
  for (let y = from; y <= to; y++) {
    rows.push({
      key: String(y),
      cells: [
        y,
        { formula: `=SUMIFS(${colRef(m, String(y))},${colRef(m, "Valgt")},"Ja")` },
        target,
        { formula: "=[@[Valgte tiltak]]-[@Sparekrav]" },
        y === targetYear(cat) ? { formula: targetsNote(names, targetYear(cat)) } : "",
      ],
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
    // Below the table: the note in «Merknad» runs to the right of it.
    chart: { title: "Valgte tiltak mot sparekravet (mill. kr)", categories: "År", series: ["Valgte tiltak", "Sparekrav"], below: true },
  };
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
    ...years.map((y): ColumnSpec => ({ name: `Tiltak ${y}`, format: FORMATS.mnok1, width: 56, validation: { kind: "reject", message: "Tiltakets effekt kommer fra Tiltak-tabellen. Skriv HØP-tallene i HØP-kolonnene." } })),
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
        // The measure's effect as the Tiltak table has it now (corrections included).
        ...years.map((y): CellValue => ({ formula: measureLookup(names.measures, { column: String(y) }) })),
        ...years.map((y): CellValue => ({ formula: `=IF([@[HØP ${y}]]="","",[@[HØP ${y}]]-[@[Tiltak ${y}]])` })),
      ],
    }));
  return { key: "hop", keyColumns: ["Nr"], mode: "keyed", sheetKey: "hop", table: names.hop, startRow: 0, columns, rows };
}

export const NO_FINDINGS = "Ingen avvik funnet.";

/** The columns that identify an Avvik row across rewrites. */
export const FINDING_KEY: readonly string[] = ["Nr", "Gruppe", "Regel", "År"];

/** A cell as text for keys: a formula by its text, a text-prefixed value without its prefix. */
function storedText(v: CellValue): string | number {
  if (typeof v === "object") return v.formula;
  return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
}

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
  // A finding spanning several years gets one row per year, so each row can mark its own cell. A row is
  // known by measure, group, rule and year (FINDING_KEY), so what a user writes beside it (a column they
  // added) stays with it when the table is rewritten; the same finding twice is told apart by its order.
  const seen = new Map<string, number>();
  const keyed = (cells: CellValue[]): RowSpec => {
    const base = FINDING_KEY.map((c) => String(storedText(cells[columns.findIndex((x) => x.name === c)] as CellValue)).trim()).join("#");
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n === 1 ? base : `${base}|${n}`, cells };
  };
  const rows: RowSpec[] = findings.flatMap((f) =>
    (f.years.length > 0 ? f.years : [null]).map((y) =>
      keyed([f.measure ?? "", f.group ?? "", f.rule, SEVERITY_LABEL[f.severity], y ?? "", f.expected ?? "", f.actual ?? "", safeText(f.message)]),
    ),
  );
  const body = rows.length > 0 ? rows : [keyed(["", "", "", "", "", "", "", NO_FINDINGS])];
  return { key: "findings", keyColumns: FINDING_KEY, mode: "replace", sheetKey: "findings", table: names.findings, startRow: 0, columns, rows: body };
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
  const statusList = statusListTable(names);
  const reportChoice = reportChoiceTable(cat, names);
  const statusReport = statusReportTable(names, below(reportChoice));
  const groupReport = groupReportTable(cat, names, below(statusReport));
  // Tables stand in the order their formulas need: the lists before Oppfølging, which looks its statuses
  // up in them; Oppfølging and Rapportvalg before the report; the versions before their comparison.
  return [
    findingsTable(names, findings),
    measuresTable(cat, names),
    linesTable(cat, names),
    group,
    category,
    choiceTable(cat, names, choiceStart),
    statusList,
    riskListTable(names, below(statusList)),
    followUpTable(cat, names),
    hopTable(cat, names),
    reportChoice,
    statusReport,
    groupReport,
    versionsTable(names),
    // At the foot of Statusrapport: it gains a row per frozen version, and nothing stands below it.
    comparisonTable(names, below(groupReport)),
  ];
}

/** Where the next table on the same sheet starts: after this one's header, rows and totals, a blank row and a caption. */
export function below(spec: Pick<TableSpec, "startRow" | "rows" | "columns">): number {
  return spec.startRow + 1 + Math.max(1, spec.rows.length) + (spec.columns.some((c) => c.total) ? 1 : 0) + 1 + 1;
}
