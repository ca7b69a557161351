// Frozen versions: «Versjoner» keeps a values-only copy of the plan and follow-up figures under a name
// («Vedtatt budsjett 2026», «Status 1. tertial 2026»); «Versjonssammenligning» compares them for the
// year chosen in Rapportvalg: plan, realised so far and expected per version and now, and the change
// since the version before. Both are the user's (owned): an insert creates them once and never writes
// them again; src/excel/versions.ts adds and removes versions.
import { colRef, FORMATS, type CellValue, type ColumnSpec, type TableNames, type TableSpec } from "./base";
import { FOLLOW_UP as F, TERTIALS } from "../tertial";
import { chosenTertial, chosenYear } from "./report";

/** The columns of Versjoner after «Versjon» and «Frosset»: copied by name from Oppfølging's values. */
export const frozenColumns = (): readonly ColumnSpec[] => [
  { name: F.nr, format: FORMATS.text, width: 36 },
  { name: F.title, format: FORMATS.text, width: 220 },
  { name: F.group, format: FORMATS.integer, width: 44 },
  { name: F.year, format: FORMATS.integer, width: 40 },
  { name: F.status, format: FORMATS.text, width: 100 },
  { name: F.signal, format: FORMATS.signal, width: 56 },
  { name: F.plan, format: FORMATS.mnokDetail, width: 56 },
  { name: F.realised1, format: FORMATS.mnokDetail, width: 66 },
  { name: F.realised2, format: FORMATS.mnokDetail, width: 66 },
  { name: F.realised, format: FORMATS.mnokDetail, width: 60 },
  { name: F.forecast, format: FORMATS.mnokDetail, width: 66 },
  { name: F.expected, format: FORMATS.mnokDetail, width: 60 },
];

export const versionColumns = (): readonly ColumnSpec[] => [
  { name: "Versjon", format: FORMATS.text, width: 160 },
  { name: "Frosset", format: FORMATS.text, width: 100 },
  ...frozenColumns(),
];

/** «Versjoner»: starts with one empty row (an Excel table always has a body row); freezing fills it. */
export function versionsTable(names: TableNames): TableSpec {
  return {
    key: "versions",
    keyColumns: ["Versjon", F.nr, F.year],
    mode: "owned",
    sheetKey: "versions",
    table: names.versions,
    startRow: 0,
    columns: versionColumns(),
    rows: [{ key: "##", cells: versionColumns().map(() => "") }],
  };
}

/** The row of Versjonssammenligning for the figures as they are now (not frozen). */
export const NOW_LABEL = "Nå (ikke frosset)";

export const comparisonColumns = (): readonly ColumnSpec[] => [
  { name: "Versjon", format: FORMATS.text, width: 160 },
  { name: "Frosset", format: FORMATS.text, width: 100 },
  { name: "Forrige", format: FORMATS.text, width: 160 },
  { name: "Plan", format: FORMATS.mnok1, width: 56 },
  { name: "Realisert hittil", format: FORMATS.mnok1, width: 70 },
  { name: "Forventet", format: FORMATS.mnok1, width: 62 },
  { name: "Behov for budsjettjustering", format: FORMATS.mnok1, width: 110 },
  { name: "Endring plan", format: FORMATS.mnok1, width: 66 },
  { name: "Endring forventet", format: FORMATS.mnok1, width: 80 },
];

/**
 * A comparison row's cells: `version` null for the «Nå» row (live Oppfølging figures), else that
 * version's frozen rows; `previous` the version it is compared with ("" for none). Versions are matched
 * as "="&name: a whole name, never an operator (names are checked to hold no wildcard, domain/versions.ts).
 */
export function comparisonCells(names: TableNames, version: { readonly name: string; readonly frozen: string } | null, previous: string): CellValue[] {
  const yr = chosenYear(names);
  const v = (c: string) => colRef(names.versions, c);
  const o = (c: string) => colRef(names.followUp, c);
  const ofVersion = (c: string, who: string) => `SUMIFS(${v(c)},${v(F.year)},${yr},${v("Versjon")},"="&${who})`;
  const figure = (c: string) => (version === null ? `SUMIFS(${o(c)},${o(F.year)},${yr})` : ofVersion(c, "[@Versjon]"));
  const t = chosenTertial(names);
  const [t1, t2, end] = TERTIALS as readonly [(typeof TERTIALS)[number], (typeof TERTIALS)[number], (typeof TERTIALS)[number]];
  const realised = `=IF(${t}="${t1.label}",${figure(t1.column)},IF(${t}="${t2.label}",${figure(t2.column)},${figure(end.column)}))`;
  const change = (c: string, mine: "Plan" | "Forventet") => `=IF([@Forrige]="","",[@${mine}]-${ofVersion(c, "[@Forrige]")})`;
  return [
    version === null ? NOW_LABEL : version.name,
    version === null ? "" : version.frozen,
    previous,
    { formula: `=${figure(F.plan)}` },
    { formula: realised },
    { formula: `=${figure(F.expected)}` },
    { formula: "=[@Plan]-[@Forventet]" },
    { formula: change(F.plan, "Plan") },
    { formula: change(F.expected, "Forventet") },
  ];
}

/** «Versjonssammenligning»: at first only the «Nå» row; every frozen version gets a row above it. */
export function comparisonTable(names: TableNames, startRow: number): TableSpec {
  return {
    key: "comparison",
    keyColumns: ["Versjon"],
    mode: "owned",
    sheetKey: "report",
    table: names.comparison,
    startRow,
    columns: comparisonColumns(),
    rows: [{ key: NOW_LABEL, cells: comparisonCells(names, null, "") }],
    caption: "Versjoner sammenlignet (vedtatt, revidert og nå; endring fra forrige versjon)",
  };
}
