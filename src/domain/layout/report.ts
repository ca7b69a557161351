// Statusrapport: what a controller copies into the council's tertial report. Native formulas over
// Oppfølging for the year and tertial chosen in Rapportvalg (a one-row table the user edits): count and
// MNOK per status and per working group, realised so far, expected for the year, against the plan and
// the savings target, and «Behov for budsjettjustering» (plan − forventet). Works without the add-in.
// Criteria: the non-blank one first (LibreOffice counts 0 when a blank "" criterion leads,
// docs/regnemotorer.md); statuses as "="&word (whole word, never an operator); no criteria over Nr.
import type { Catalogue } from "../catalogue";
import { colRef, literalText, FORMATS, safeText, type CellValue, type ColumnSpec, type RowSpec, type TableNames, type TableSpec } from "./base";
import { DEFAULT_STATUSES, FOLLOW_UP as F, TERTIALS } from "../tertial";

/** The chosen year and tertial, as formulas read them. */
export const chosenYear = (names: TableNames) => `INDEX(${colRef(names.reportChoice, "År")},1)`;
export const chosenTertial = (names: TableNames) => `INDEX(${colRef(names.reportChoice, "Tertial")},1)`;

/** «Rapportvalg»: the year and tertial the status report is for (the user's: an owned table). */
export function reportChoiceTable(cat: Catalogue, names: TableNames): TableSpec {
  const [from, to] = cat.planPeriod;
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return {
    key: "reportChoice",
    keyColumns: ["År"],
    mode: "owned",
    sheetKey: "report",
    table: names.reportChoice,
    startRow: 1,
    columns: [
      { name: "År", format: FORMATS.integer, width: 60, input: true, validation: { kind: "list", source: years.join(",") } },
      { name: "Tertial", format: FORMATS.text, width: 90, input: true, validation: { kind: "list", source: TERTIALS.map((t) => t.label).join(",") } },
    ],
    rows: [{ key: String(from), cells: [from, TERTIALS[0]?.label ?? ""] }],
    caption: "Statusrapporten gjelder (velg år og tertial; tall i mill. kr, negativ = innsparing)",
  };
}

/**
 * A SUMIFS (or COUNTIFS, `column` null) over Oppfølging for the chosen year, with more criteria
 * (pairs of a column and a criterion expression) after the year's.
 */
function over(names: TableNames, column: string | null, criteria: readonly (readonly [string, string])[]): string {
  const o = (c: string) => colRef(names.followUp, c);
  const rest = [[F.year, chosenYear(names)] as const, ...criteria].map(([c, x]) => `${o(c)},${x}`).join(",");
  return column === null ? `COUNTIFS(${rest})` : `SUMIFS(${o(column)},${rest})`;
}

/** Realised so far: the column of the chosen tertial (30.04, 31.08, or the year's «Realisert»). */
function realisedSoFar(names: TableNames, sum: (column: string) => string): string {
  const t = chosenTertial(names);
  const [t1, t2, year] = TERTIALS as readonly [(typeof TERTIALS)[number], (typeof TERTIALS)[number], (typeof TERTIALS)[number]];
  return `IF(${t}="${t1.label}",${sum(t1.column)},IF(${t}="${t2.label}",${sum(t2.column)},${sum(year.column)}))`;
}

const sum1 = (t: string, c: string) => `=SUBTOTAL(109,${colRef(t, c)})`;

/** The MNOK columns both report tables share: plan, realised so far, expected, and the adjustment needed. */
function mnokColumns(t: string): ColumnSpec[] {
  return [
    { name: "Plan", format: FORMATS.mnok1, width: 56, total: sum1(t, "Plan") },
    { name: "Realisert hittil", format: FORMATS.mnok1, width: 70, total: sum1(t, "Realisert hittil") },
    { name: "Forventet", format: FORMATS.mnok1, width: 62, total: sum1(t, "Forventet") },
    // Plan − forventet: negative = savings the budget counts on that will not come (cover them or adjust the budget).
    { name: "Behov for budsjettjustering", format: FORMATS.mnok1, width: 110, total: sum1(t, "Behov for budsjettjustering") },
  ];
}

export const NO_STATUS = "Uten status";
export const OTHER_STATUS = "Annen status";

/**
 * «StatusPerStatus»: one row per place in Statusliste (its first five words, read by position, so the
 * municipality's own words show), «Uten status» (blank) and «Annen status» (a word not among those
 * rows, e.g. pasted, or a sixth status added to the list): together every row of the year.
 */
export function statusReportTable(names: TableNames, startRow: number): TableSpec {
  const t = names.statusReport;
  const columns: ColumnSpec[] = [
    { name: "Nr", format: FORMATS.integer, width: 30 },
    // General, not text: most cells hold a formula (a text-formatted cell would keep it as text).
    { name: "Status", format: FORMATS.printed, width: 130 },
    { name: "Antall tiltak", format: FORMATS.integer, width: 60, total: sum1(t, "Antall tiltak") },
    ...mnokColumns(t),
  ];
  const slot = (column: string | null) => `IF([@Status]="",0,${over(names, column, [[F.status, `"="&${literalText("[@Status]")}`]])})`;
  // Not among this table's statuses: ISNA(MATCH(…)) over the year's rows with a status.
  const o = (c: string) => colRef(names.followUp, c);
  const other = (column: string | null) =>
    `SUMPRODUCT((${o(F.year)}=${chosenYear(names)})*(${o(F.status)}<>"")*ISNA(MATCH(${literalText(o(F.status))},${colRef(t, "Status")},0))${column === null ? "" : `,${o(column)}`})`;
  const blank = (column: string | null) => over(names, column, [[F.status, '""']]);
  const row = (key: number, status: CellValue, f: (column: string | null) => string): RowSpec => ({
    key: String(key),
    cells: [key, status, { formula: `=${f(null)}` }, { formula: `=${f(F.plan)}` }, { formula: `=${realisedSoFar(names, f)}` }, { formula: `=${f(F.expected)}` }, { formula: "=[@Plan]-[@Forventet]" }],
  });
  const rows: RowSpec[] = DEFAULT_STATUSES.map((_, i) => row(i + 1, { formula: `=IFERROR(""&INDEX(${colRef(names.statusList, "Status")},[@Nr]),"")` }, slot));
  rows.push(row(rows.length + 1, NO_STATUS, blank), row(rows.length + 2, OTHER_STATUS, other));
  return { key: "statusReport", keyColumns: ["Nr"], mode: "keyed", sheetKey: "report", table: t, startRow, columns, rows, caption: "Per status" };
}

/**
 * «StatusPerGruppe»: per working group the year's measures and their lights, the figures, and the
 * group's savings target; the totals row holds the overall target (the 40 MNOK), so «Gjenstår» in the
 * totals row is against it. With a column chart of plan, realised and expected per group.
 */
export function groupReportTable(cat: Catalogue, names: TableNames, startRow: number): TableSpec {
  const t = names.groupReport;
  const overall = cat.targets.overall.sparekrav;
  const columns: ColumnSpec[] = [
    { name: "Gruppe", format: FORMATS.integer, width: 44 },
    { name: "Arbeidsgruppe", format: FORMATS.text, width: 160 },
    { name: "Antall tiltak", format: FORMATS.integer, width: 60, total: sum1(t, "Antall tiltak") },
    ...(["Grønn", "Gul", "Rød"] as const).map((n): ColumnSpec => ({ name: n, format: FORMATS.integer, width: 40, total: sum1(t, n) })),
    ...mnokColumns(t),
    { name: "Sparekrav", format: FORMATS.mnok1, width: 60, total: `=${overall}` },
    // Positive: still missing to reach the target; negative: more than the target is expected.
    { name: "Gjenstår", format: FORMATS.mnok1, width: 60, total: `=SUBTOTAL(109,${colRef(t, "Forventet")})-(${overall})` },
  ];
  const group: [string, string] = [F.group, "[@Gruppe]"];
  const f = (column: string | null, more: readonly (readonly [string, string])[] = []) => over(names, column, [group, ...more]);
  const rows = cat.groups.map((g): RowSpec => {
    const target = cat.targets.byGroup[String(g.id)];
    return {
      key: String(g.id),
      cells: [
        g.id,
        safeText(g.name),
        { formula: `=${f(null)}` },
        ...[3, 2, 1].map((light): CellValue => ({ formula: `=${f(null, [[F.signal, String(light)]])}` })),
        { formula: `=${f(F.plan)}` },
        { formula: `=${realisedSoFar(names, (c) => f(c))}` },
        { formula: `=${f(F.expected)}` },
        { formula: "=[@Plan]-[@Forventet]" },
        target ? target.sparekrav : "",
        { formula: "=[@Forventet]-[@Sparekrav]" },
      ],
    };
  });
  return {
    key: "groupReport",
    keyColumns: ["Gruppe"],
    mode: "keyed",
    sheetKey: "report",
    table: t,
    startRow,
    columns,
    rows,
    caption: `Per arbeidsgruppe (summeringsraden regner mot det samlede sparekravet på ${-overall} mill. kr)`,
    chart: { title: "Plan, realisert og forventet per arbeidsgruppe (mill. kr)", type: "column", categories: "Arbeidsgruppe", series: ["Plan", "Realisert hittil", "Forventet"] },
  };
}
