// Oppfølging (one row per measure and plan year) and the lists its Status and Risiko columns draw on.
// The lists are the municipality's own (owned tables: written once, then never by an insert), so the
// formulas look statuses up in them by position and word, never by words written here.
import type { Catalogue } from "../catalogue";
import { colRef, literalText, FORMATS, measureLookup, safeText, type CellValue, type ColumnSpec, type RowSpec, type TableNames, type TableSpec, type ValidationSpec } from "./base";
import { DEFAULT_RISKS, DEFAULT_STATUSES, FOLLOW_UP as F } from "../tertial";

/** A list validation whose words are a column of one of our tables (INDIRECT: no structured references in validation). */
export function tableList(table: string, column: string): ValidationSpec {
  return { kind: "list", source: `=INDIRECT("${colRef(table, column)}")` };
}

const MNOK_INPUT = (message: string): ValidationSpec => ({ kind: "decimal", min: -1000, max: 1000, message });

/** «Statusliste»: the words of Oppfølging «Status», the best light each allows, and whether it counts its plan. */
export function statusListTable(names: TableNames): TableSpec {
  const columns: ColumnSpec[] = [
    { name: "Status", format: FORMATS.text, width: 130, input: true },
    { name: "Signal", format: FORMATS.signal, width: 60, input: true, validation: { kind: "decimal", min: 1, max: 3, message: "Skriv 3 (grønn), 2 (gul) eller 1 (rød): det beste lyset en rad med denne statusen kan få." } },
    { name: "Regn med plan", format: FORMATS.text, width: 90, input: true, validation: { kind: "list", source: "Ja,Nei" } },
  ];
  return {
    key: "statusList",
    keyColumns: ["Status"],
    mode: "owned",
    sheetKey: "lists",
    table: names.statusList,
    startRow: 1,
    columns,
    rows: DEFAULT_STATUSES.map((s) => ({ key: s.status, cells: [s.status, s.signal, s.countsPlan ? "Ja" : "Nei"] })),
    caption: "Statuser i Oppfølging: endre ordene som dere vil. Signal er det beste lyset statusen gir (3 grønn, 2 gul, 1 rød); Regn med plan = Nei gir forventet 0 uten egen prognose.",
  };
}

/** «Risikoliste»: the words of Oppfølging «Risiko». */
export function riskListTable(names: TableNames, startRow: number): TableSpec {
  return {
    key: "riskList",
    keyColumns: ["Risiko"],
    mode: "owned",
    sheetKey: "lists",
    table: names.riskList,
    startRow,
    columns: [{ name: "Risiko", format: FORMATS.text, width: 130, input: true }],
    rows: DEFAULT_RISKS.map((r) => ({ key: r, cells: [r] })),
    caption: "Risikonivåer i Oppfølging: endre ordene som dere vil.",
  };
}

/** INDEX into a Statusliste column at this row's status (MATCH: whole word as written, case-insensitive); `fallback` when none. */
function statusAttribute(names: TableNames, column: string, fallback: string): string {
  return `IFERROR(INDEX(${colRef(names.statusList, column)},MATCH(${literalText("[@Status]")},${colRef(names.statusList, "Status")},0)),${fallback})`;
}

/** «Forventet»: the year's realised figure, else the forecast, else 0 for a stopped status, else the plan. */
export function expectedFormula(names: TableNames): string {
  return (
    `=IF(ISNUMBER([@${F.realised}]),[@${F.realised}],IF(ISNUMBER([@[${F.forecast}]]),[@[${F.forecast}]],` +
    `IF(${statusAttribute(names, "Regn med plan", '"Ja"')}="Nei",0,[@${F.plan}])))`
  );
}

/**
 * «Signal» (3 grønn, 2 gul, 1 rød; blank until the row is followed): by the figures — the expected
 * saving reaches the plan, or falls short by at most a quarter of it, or more — and never better than
 * the status allows. Savings are negative, so the shortfall is Forventet − Plan. Rounded to 6 decimals
 * before comparing, so binary floats do not move a row across a threshold (domain/tertial.ts signal).
 */
export function signalFormula(names: TableNames): string {
  const shortfall = `ROUND([@${F.expected}]-[@${F.plan}],6)`;
  const byFigures = `IF(${shortfall}<=0,3,IF(${shortfall}<=ROUND(0.25*ABS([@${F.plan}]),6),2,1))`;
  const followed = `AND([@${F.status}]="",NOT(ISNUMBER([@[${F.forecast}]])),NOT(ISNUMBER([@${F.realised}])))`;
  return `=IF(${followed},"",MIN(${statusAttribute(names, "Signal", "3")},${byFigures}))`;
}

/** What an Oppfølging row is marked with while its measure is in the catalogue (statusColumn). */
export const IN_CATALOGUE = "I katalogen";

/**
 * Oppfølging: one row per measure and plan year. Sector accountants and controllers type status, risk,
 * who is responsible, realised savings per tertial and the year's forecast; plan, expected figure,
 * deviation and the traffic light are native formulas. A workbook made before these columns existed
 * gets the new ones appended (planInsert adds missing columns in place); its «Realisert» stays the
 * year's realised saving (per 31.12).
 */
export function followUpTable(cat: Catalogue, names: TableNames): TableSpec {
  const [from, to] = cat.planPeriod;
  const first = cat.years[0] as number;
  const last = cat.years[cat.years.length - 1] as number;
  // The plan follows the Tiltak table, so a correction there reaches this table too.
  const plan: CellValue = { formula: measureLookup(names.measures, { columns: [String(first), String(last)], yearIndex: `[@År]-${first - 1}` }) };
  const tertialInput = (date: string) => MNOK_INPUT(`Skriv innsparingen realisert per ${date} i mill. kr (negativt = innsparing), f.eks. -0,4.`);
  const columns: ColumnSpec[] = [
    { name: F.nr, format: FORMATS.text, width: 36 },
    { name: F.title, format: FORMATS.text, width: 260 },
    { name: F.group, format: FORMATS.integer, width: 44 },
    { name: F.year, format: FORMATS.integer, width: 40 },
    { name: F.status, format: FORMATS.text, width: 100, input: true, validation: tableList(names.statusList, "Status") },
    { name: F.signal, format: FORMATS.signal, width: 56, validation: { kind: "reject", message: "Signalet regnes ut av status og tall. Skriv status, prognose eller realisert i de gule cellene." } },
    { name: F.risk, format: FORMATS.text, width: 60, input: true, validation: tableList(names.riskList, "Risiko") },
    { name: F.owner, format: FORMATS.text, width: 100, input: true },
    { name: F.plan, format: FORMATS.mnok1, width: 50, validation: { kind: "reject", message: "Plan kommer fra Tiltak-tabellen. Skriv realisert innsparing i kolonnen Realisert." } },
    { name: F.realised1, format: FORMATS.mnokDetail, width: 66, input: true, validation: tertialInput("30.04") },
    { name: F.realised2, format: FORMATS.mnokDetail, width: 66, input: true, validation: tertialInput("31.08") },
    { name: F.realised, format: FORMATS.mnokDetail, width: 60, input: true, validation: MNOK_INPUT("Skriv et tall i mill. kr (negativt = innsparing), f.eks. -0,4.") },
    { name: F.forecast, format: FORMATS.mnokDetail, width: 66, input: true, validation: MNOK_INPUT("Skriv forventet innsparing for hele året i mill. kr (negativt = innsparing).") },
    { name: F.expected, format: FORMATS.mnokDetail, width: 60 },
    { name: F.deviation, format: FORMATS.mnokDetail, width: 50 },
    { name: F.comment, format: FORMATS.text, width: 200, input: true },
    { name: F.catalogue, format: FORMATS.text, width: 90 },
  ];
  const expected: CellValue = { formula: expectedFormula(names) };
  const light: CellValue = { formula: signalFormula(names) };
  const rows: RowSpec[] = [];
  for (const m of cat.measures) {
    if (!m.inSummary) continue;
    for (let y = from; y <= to; y++) {
      const cells: CellValue[] = [m.id, safeText(m.title), m.group, y, "", light, "", "", plan, "", "", "", "", expected, { formula: `=IF([@${F.realised}]="","",[@${F.realised}]-[@${F.plan}])` }, "", IN_CATALOGUE];
      rows.push({ key: `${m.id}#${y}`, cells });
    }
  }
  return {
    key: "followUp",
    keyColumns: [F.nr, F.year],
    mode: "keyed",
    sheetKey: "followUp",
    table: names.followUp,
    startRow: 0,
    columns,
    rows,
    statusColumn: F.catalogue,
    // Red below 2, yellow from 2, green from 3: the value 1/2/3 shown as a native traffic light.
    iconSets: [{ column: F.signal, style: "ThreeTrafficLights1", thresholds: [2, 3] }],
  };
}
