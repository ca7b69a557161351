// The second renderer of domain/layout.ts (design.md, "Two renderers, one layout"): the insert plan's
// tables written into an ExcelJS workbook, as src/excel/render.ts writes them through Office.js.
// It decides nothing the layout does not say: names, sheets, rows and formulas all come from planInsert.
import type { Workbook, Worksheet } from "exceljs";
import type { Catalogue } from "../domain/catalogue";
import { IDENTITY_NAME, identityFormula } from "../domain/identity";
import { planInsert, storedForm, type InsertPlan, type TableOp, type WorkbookState } from "../domain/insertPlan";
import { FORMATS, ICON_SET_FILE_NAME, INPUT_FILL, totalsRow, type CellValue, type TableSpec } from "../domain/layout";
import type { Finding } from "../domain/reconcile";
import { addConditionalFormat, addIconSet, addTable, addValidation, freezeRows, setBold, setCell, setColumnWidth, setFill, setFormat, setItalic, type FileCell } from "./cells";

/** The table style the Office.js adapter gives its tables. */
export const TABLE_STYLE = "TableStyleMedium2";

/** A layout cell as the file holds it: the text prefix (') only told Excel to keep text as text. */
function fileCell(v: CellValue): FileCell {
  return typeof v === "object" ? v : (storedForm(v) as string | number);
}

/** What a workbook already holds, for planning into it (sheets, tables and names the file has). */
export function workbookState(wb: Workbook): WorkbookState {
  const sheets = wb.worksheets.map((ws) => ws.name);
  // getTables() returns the tables themselves (its declared tuple type is wrong).
  const tableNames = wb.worksheets.flatMap((ws) => (ws.getTables() as unknown as { name: string }[]).map((t) => t.name));
  const definedNames = (wb.definedNames.model as { name: string }[]).map((n) => n.name);
  return { sheets, tableNames, definedNames, memory: null, tables: {} };
}

/** The sentence that stands where the add-in puts the ValgtMotMal chart (ExcelJS writes no charts). */
export function chartNote(title: string): string {
  return `Diagrammet «${title}» kommer når tillegget Tiltaksmeny setter inn tabellene i Excel. Filen alene har ikke diagrammet.`;
}

function renderCreate(ws: Worksheet, spec: TableSpec, newSheet: boolean): void {
  const top = spec.startRow;
  const rows = spec.rows.length;
  if (spec.caption && top > 0) {
    setCell(ws, top - 1, 0, spec.caption);
    setBold(ws, top - 1, 0);
  }
  const totals = totalsRow(spec);
  addTable(ws, {
    name: spec.table,
    top,
    left: 0,
    header: spec.columns.map((c) => c.name),
    body: spec.rows.map((r) => r.cells.map(fileCell)),
    totals: totals ? totals.formulas.map((f) => (f.startsWith("=") ? { formula: f } : f === "" ? null : f)) : null,
    style: TABLE_STYLE,
  });
  // Formats as the adapter sets them: header as text, each body column its own, the totals row's own.
  spec.columns.forEach((c, i) => {
    setFormat(ws, top, i, FORMATS.text);
    for (let r = 0; r < rows; r++) setFormat(ws, top + 1 + r, i, c.format);
    if (totals) setFormat(ws, top + 1 + rows, i, totals.formats[i] as string);
    // Widths and frozen panes belong to the sheet: only on sheets of our own, as the adapter does.
    if (newSheet) setColumnWidth(ws, i, c.width);
    if (rows === 0) return;
    if (c.input) for (let r = 0; r < rows; r++) setFill(ws, top + 1 + r, i, INPUT_FILL);
    if (c.validation) addValidation(ws, { row: top + 1, col: i, rows, cols: 1 }, c.validation);
  });
  if (top === 0 && newSheet) freezeRows(ws, 1);
  if (spec.chart && rows > 0) {
    // Where the add-in places the chart: below the table (one blank row between) or beside it.
    const at = spec.chart.below ? { row: top + 1 + rows + (totals ? 1 : 0) + 1, col: 0 } : { row: top, col: spec.columns.length + 1 };
    setCell(ws, at.row, at.col, chartNote(spec.chart.title));
    setItalic(ws, at.row, at.col);
  }
  if (rows === 0) return;
  for (const cf of spec.conditionalFormats ?? []) {
    const a = spec.columns.findIndex((c) => c.name === cf.firstColumn);
    const b = spec.columns.findIndex((c) => c.name === cf.lastColumn);
    addConditionalFormat(ws, { row: top + 1, col: a, rows, cols: b - a + 1 }, cf.formula, cf.fill);
  }
  for (const icons of spec.iconSets ?? []) {
    const col = spec.columns.findIndex((c) => c.name === icons.column);
    addIconSet(ws, { row: top + 1, col, rows, cols: 1 }, ICON_SET_FILE_NAME[icons.style], icons.thresholds);
  }
}

/**
 * Writes a plan made for this workbook (planInsert over workbookState(wb)): new sheets at their
 * positions, then every table. A file is written once, so a plan that updates tables is refused.
 */
export function renderPlan(wb: Workbook, plan: InsertPlan): void {
  const creates = plan.ops.filter((o): o is Extract<TableOp, { kind: "create" }> => o.kind === "create");
  if (creates.length !== plan.ops.length) throw new Error("Filen kan bare få nye tabeller; oppdatering skjer med tillegget i Excel.");
  // ExcelJS orders sheets as they are added: the new ones in the plan's order, after the workbook's own.
  for (const p of [...plan.sheetPositions].sort((a, b) => a.position - b.position)) wb.addWorksheet(p.sheet);
  for (const op of creates) {
    const ws = wb.getWorksheet(op.sheet);
    if (!ws) throw new Error(`Arket ${op.sheet} mangler.`);
    renderCreate(ws, op.spec, op.newSheet);
  }
}

const constants = new WeakMap<Workbook, Map<string, string>>();

/**
 * A workbook-scoped name holding a constant (`formula` as Excel shows it, e.g. ="text"). ExcelJS only
 * models names that point at cells, so the constants are added to the list it writes to workbook.xml
 * (<definedName name="…">"text"</definedName>: the formula without its "=").
 */
export function addConstantName(wb: Workbook, name: string, formula: string): void {
  let own = constants.get(wb);
  if (!own) {
    own = new Map();
    constants.set(wb, own);
    const list = own;
    const names = wb.definedNames as unknown as object;
    const base = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(names), "model");
    const get = base?.get;
    const set = base?.set;
    if (!get || !set) throw new Error("ExcelJS har endret hvordan navn lagres; navnet kan ikke skrives.");
    Object.defineProperty(names, "model", {
      configurable: true,
      get(this: unknown) {
        const cells = (get.call(this) as { name: string }[]).filter((x) => !list.has(x.name));
        return [...cells, ...[...list].map(([n, f]) => ({ name: n, ranges: [f] }))];
      },
      set(this: unknown, v: unknown) {
        set.call(this, v);
      },
    });
  }
  own.set(name, formula.replace(/^=/, ""));
}

/** Names the catalogue the tables came from (domain/identity.ts), so the add-in knows them as its own. */
export function addIdentityName(wb: Workbook, cat: Pick<Catalogue, "id" | "version">): void {
  addConstantName(wb, IDENTITY_NAME, identityFormula(cat));
}

/** Every table of the catalogue, planned for this workbook and written into it, with the identity name. */
export function renderCatalogue(wb: Workbook, cat: Catalogue, findings?: readonly Finding[]): InsertPlan {
  const plan = planInsert(cat, workbookState(wb), findings);
  renderPlan(wb, plan);
  addIdentityName(wb, cat);
  // Excel recalculates every formula when the file is opened: the file carries no computed values.
  wb.calcProperties.fullCalcOnLoad = true;
  return plan;
}
