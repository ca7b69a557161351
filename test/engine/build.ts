// A scenario's workbook made both ways: by the file renderer (src/xlsx) and by the Office.js adapter
// against the strict fake host, saved through the same file primitives (test/fake-excel/to-xlsx.ts).
// Then the scenario's inputs are typed into it, as a user would type them in the file.
import ExcelJS from "exceljs";
import { IDENTITY_NAME } from "../../src/domain/identity";
import { parseMemory, MEMORY_KEY } from "../../src/domain/insertPlan";
import { DEFAULT_TABLE_NAMES, type TableKey, type TableNames } from "../../src/domain/layout";
import { insertCatalogue } from "../../src/excel/insert";
import { addTable } from "../../src/xlsx/cells";
import { renderCatalogue } from "../../src/xlsx/render";
import { catalogueWorkbook } from "../../src/xlsx/file";
import { installFakeHost } from "../fake-excel/host";
import { WorkbookModel } from "../fake-excel/model";
import { fakeToWorkbook } from "../fake-excel/to-xlsx";
import type { Inputs } from "./expected";
import type { Scenario } from "./scenarios";
import { appendRows, cellAt, column, rowOf, table, text, type } from "./tables";
import { reconcile } from "../../src/domain/reconcile";
import { NOW_LABEL } from "../../src/domain/layout/versions";
import { FOLLOW_UP as F } from "../../src/domain/tertial";
import { comparisonRow, frozenRows } from "../../src/domain/versions";
import { Oracle } from "./expected";
import type { Typed } from "./expected-followup";

export type Renderer = "fil" | "office";

export interface Built {
  readonly scenario: Scenario;
  readonly renderer: Renderer;
  readonly wb: ExcelJS.Workbook;
  readonly names: TableNames;
  /** Whether the workbook carries the identity name (LibreOffice must then read it back). */
  readonly identity: boolean;
}

export const KEY_COLUMNS: Readonly<Record<TableKey, readonly string[]>> = {
  measures: ["Nr"],
  lines: ["Nr", "Linje"],
  groupSummary: ["Gruppe"],
  categorySummary: ["Kategori"],
  choice: ["År"],
  followUp: ["Nr", "År"],
  hop: ["Nr"],
  findings: [],
  statusList: ["Status"],
  riskList: ["Risiko"],
  reportChoice: ["År"],
  statusReport: ["Nr"],
  groupReport: ["Gruppe"],
  versions: ["Versjon", "Nr", "År"],
  comparison: ["Versjon"],
};

function namesFrom(tables: Partial<Record<TableKey, { name: string }>>): TableNames {
  const out = { ...DEFAULT_TABLE_NAMES } as Record<TableKey, string>;
  for (const [k, v] of Object.entries(tables)) if (v) out[k as TableKey] = v.name;
  return out;
}

/** The file renderer: the user's workbook as a file (their sheets, tables and names), then our tables. */
export function buildFile(s: Scenario): Built {
  let wb: ExcelJS.Workbook;
  let names: TableNames = DEFAULT_TABLE_NAMES;
  if (s.userSheets.length === 0 && s.decoys.length === 0) {
    // Exactly what the pane and the CLI write.
    wb = catalogueWorkbook(s.catalogue);
  } else {
    wb = new ExcelJS.Workbook();
    for (const sheet of s.userSheets) wb.addWorksheet(sheet);
    for (const d of s.decoys) {
      const ws = wb.getWorksheet(d.sheet) ?? wb.addWorksheet(d.sheet);
      addTable(ws, { name: d.table, top: 0, left: 0, header: d.header, body: d.rows, totals: null, style: "TableStyleLight1" });
    }
    for (const n of s.definedNames) wb.definedNames.add(`'${s.userSheets[0]}'!$A$1`, n);
    const plan = renderCatalogue(wb, s.catalogue);
    names = namesFrom(plan.memory.tables);
  }
  return { scenario: s, renderer: "fil", wb, names, identity: true };
}

/** The Office.js adapter's insert into the strict fake host, exported cell by cell. */
export async function buildOffice(s: Scenario): Promise<Built> {
  const model = installFakeHost(new WorkbookModel(s.userSheets.length > 0 ? [...s.userSheets] : ["Ark1"]));
  for (const d of s.decoys) {
    const sheet = model.sheet(d.sheet) ?? model.addSheet(d.sheet);
    [d.header, ...d.rows].forEach((row, r) => row.forEach((v, c) => model.setInput(sheet, r, c, v)));
    const t = model.addTable(model.address(sheet, { row: 0, col: 0, rows: d.rows.length + 1, cols: d.header.length }));
    model.renameTable(t, d.table);
  }
  model.names.push(...s.definedNames);
  await insertCatalogue(s.catalogue);
  const memory = parseMemory(model.settings.get(MEMORY_KEY));
  if (!memory) throw new Error("the insert left no memory");
  // The identity name is checked when the adapter writes one (it reads it today; writing is its own change).
  return { scenario: s, renderer: "office", wb: fakeToWorkbook(model), names: namesFrom(memory.tables), identity: model.nameValues.has(IDENTITY_NAME) };
}

/**
 * Writes the scenario's frozen versions into Versjoner and Versjonssammenligning as «Frys versjon» does
 * (the rows from domain/versions.ts), with the figures the domain computes for that time's inputs: the
 * strict host computes no formulas, so the values a freeze reads come from the oracle.
 */
export function freezeVersions(wb: ExcelJS.Workbook, names: TableNames, s: Scenario): void {
  const oracle = new Oracle(s.catalogue, reconcile(s.catalogue), s.inputs);
  let previous = "";
  for (const v of oracle.frozen) {
    const header = [F.nr, F.title, F.group, F.year, F.status, F.signal, F.plan, F.realised1, F.realised2, F.realised, F.forecast, F.expected];
    const shown = (x: number | "" | "NA" | null) => (x === "NA" ? "#N/A" : x === null ? "" : x);
    const values = v.rows.map((r) => [r.id, r.title, r.group, r.year, r.status, shown(r.light), shown(r.plan), shown(r.realised[0] ?? null), shown(r.realised[1] ?? null), shown(r.realised[2] ?? null), shown(r.forecast), shown(r.expected)]);
    const versions = table(wb, names.versions);
    const rows = frozenRows(v.name, v.frozen, { header, values }, versions.header);
    appendRows(wb, names.versions, rows, (model) => model.filter((r) => r.some((c) => c !== null && c !== "")));
    const comparison = table(wb, names.comparison);
    const versionRow = comparisonRow(names, comparison.header, { name: v.name, frozen: v.frozen }, previous);
    const nowRow = comparisonRow(names, comparison.header, null, v.name);
    appendRows(wb, names.comparison, [versionRow, nowRow], (model) => model.filter((r) => String(r[0] ?? "") !== NOW_LABEL));
    previous = v.name;
  }
}

/** Types the scenario's inputs into the workbook's tables, as a user would in the file. */
export function typeInputs(wb: ExcelJS.Workbook, names: TableNames, inputs: Inputs): void {
  const measures = table(wb, names.measures);
  for (const id of inputs.chosen ?? []) type(measures, KEY_COLUMNS.measures, id, "Valgt", "Ja");
  for (const c of inputs.corrections ?? []) type(measures, KEY_COLUMNS.measures, c.id, String(c.year), c.value);
  const followUp = table(wb, names.followUp);
  for (const r of inputs.realised ?? []) type(followUp, KEY_COLUMNS.followUp, `${r.id}#${r.year}`, "Realisert", r.value);
  const typed: [Typed<string | number> | undefined, string][] = [
    [inputs.status, F.status],
    [inputs.forecast, F.forecast],
    [inputs.realised1, F.realised1],
    [inputs.realised2, F.realised2],
  ];
  for (const [list, column] of typed) for (const r of list ?? []) type(followUp, KEY_COLUMNS.followUp, `${r.id}#${r.year}`, column, r.value);
  const choice = table(wb, names.reportChoice);
  const first = choice.ws.getCell(choice.top + 2, choice.left + 1);
  if (inputs.reportYear !== undefined) first.value = inputs.reportYear;
  if (inputs.reportTertial !== undefined) choice.ws.getCell(choice.top + 2, choice.left + 1 + column(choice, "Tertial")).value = inputs.reportTertial;
  const hop = table(wb, names.hop);
  for (const h of inputs.hop ?? []) type(hop, KEY_COLUMNS.hop, h.id, `HØP ${h.year}`, h.value);
  if (inputs.filterGroup !== undefined) {
    // The table's autofilter set to one group, and the other rows hidden, as Excel saves a filtered table.
    const g = column(measures, "Gruppe");
    for (let r = measures.top + 1; r <= measures.top + measures.bodyRows; r++) {
      if (text(cellAt(measures.ws, r, measures.left + g)) !== String(inputs.filterGroup)) measures.ws.getRow(r + 1).hidden = true;
    }
    const model = (measures.ws.getTable(measures.name) as unknown as { table: { columns: { customFilters?: unknown }[] } }).table;
    (model.columns[g] as { customFilters?: unknown }).customFilters = [{ operator: "equal", val: String(inputs.filterGroup) }];
  }
  if (inputs.hiddenCategories?.length) {
    const categories = table(wb, names.categorySummary);
    for (const c of inputs.hiddenCategories) {
      const r = rowOf(categories, KEY_COLUMNS.categorySummary, c);
      categories.ws.getRow(r + 1).hidden = true;
    }
  }
}

