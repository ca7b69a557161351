// In-memory workbook behind the fake Excel host: sheets of cells, tables over rectangles, settings.
// It imitates the Excel behaviours our code must cope with: text coercion ("2.10" → 2.1 unless the
// cell is formatted as text), formulas from "=…", name collisions, overlapping tables, and errors
// raised at sync time after the earlier operations of the batch have been applied.
import { columnIndex, parseAddress, rectAddress, quoteSheet, type Rect } from "../../src/domain/a1";
import { excelApiSets, ONLINE_ONLY } from "./api-sets";
import { canonical, renameTableIn, structuredRefs } from "./refs";

export const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
/** The newest ExcelApi minor version @types/office-js knows. */
export const NEWEST_EXCEL_API = Math.max(...[...excelApiSets().values()].filter((v) => v !== ONLINE_ONLY));

export interface CellModel {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  validation?: unknown;
  errorAlert?: unknown;
  fill?: string;
  bold?: boolean;
}

export interface ConditionalFormatModel {
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  /** An IconSet format: its style and the criteria of the icons above the lowest. */
  iconSet?: { style: string; criteria: { type: string; operator: string; formula: string }[] };
}

export interface ChartModel {
  type: string;
  source: string;
  /** Series as Excel detects them from the source range: name (header) and values. */
  series: { name: string; values: unknown[] }[];
  categories: unknown[];
  title?: string;
  position?: string;
}

export interface SheetModel {
  name: string;
  cells: Map<string, CellModel>;
  conditionalFormats: ConditionalFormatModel[];
  charts: ChartModel[];
  frozenRows: number;
  columnWidths: Map<number, number>;
}

export interface TableModel {
  /** "Remains the same even when the table is renamed" (Table.id reference, ExcelApi 1.1). */
  readonly id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect; // header + body (+ totals)
  showTotals: boolean;
  style: string;
  filters?: Record<string, string[]>;
}

export class ExcelError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(`Internal error text that must never reach the user: ${detail}`);
  }
}

const key = (r: number, c: number) => `${r},${c}`;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: string[] = [];
  /** Values of defined names that hold a constant (NamedItem.value), by name. */
  nameValues = new Map<string, unknown>();
  settings = new Map<string, unknown>();
  syncs = 0;
  runs = 0;
  cellsWritten = 0;
  ops: string[] = [];
  /** The sheet and range a test can see selected, as the user would. */
  activeSheet: string | null = null;
  selection: string | null = null;
  /** Table change handlers registered through table.onChanged.add, by table name. */
  listeners = new Map<string, ((e: unknown) => void)[]>();
  /** Handlers registered through settings.onSettingsChanged.add. */
  settingsListeners: ((e: unknown) => void)[] = [];
  /** Makes the first operation whose name matches fail with this Excel error code. */
  failOn: { op: RegExp; code: string } | null = null;
  /** Makes the operation with this ordinal (its index in `ops`) fail with this Excel error code. */
  failAt: { index: number; code: string } | null = null;
  /** The host's ExcelApi minor version: members of newer sets fail with ApiNotFound. */
  apiVersion = NEWEST_EXCEL_API;
  /** Set while a suspended calculation has not been followed by application.calculate. */
  calculationOwed = false;
  /** The largest request payload seen (bytes), for payload-limit tests. */
  maxRequestBytes = 0;
  /** All request bytes sent. */
  bytesSent = 0;
  private tableCounter = 0;

  constructor(sheetNames: string[] = ["Ark1"]) {
    for (const n of sheetNames) this.addSheet(n);
  }

  // ---- sheets

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  requireSheet(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s) throw new ExcelError("ItemNotFound", `sheet ${name}`);
    return s;
  }

  addSheet(name: string): SheetModel {
    if (this.sheet(name)) throw new ExcelError("ItemAlreadyExists", `sheet ${name}`);
    // "Rename a worksheet" (support.microsoft.com): at most 31 characters, none of / \ ? * : [ ],
    // not beginning or ending with an apostrophe, and "History" is reserved.
    if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === "history") {
      throw new ExcelError("InvalidArgument", `sheet name ${name}`);
    }
    const s: SheetModel = { name, cells: new Map(), conditionalFormats: [], charts: [], frozenRows: 0, columnWidths: new Map() };
    this.sheets.push(s);
    return s;
  }

  moveSheet(s: SheetModel, position: number): void {
    if (position < 0 || position >= this.sheets.length) throw new ExcelError("InvalidArgument", `position ${position}`);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(position, 0, s);
  }

  deleteSheet(s: SheetModel): void {
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
  }

  // ---- cells

  cell(s: SheetModel, r: number, c: number): CellModel | undefined {
    return s.cells.get(key(r, c));
  }

  private ensure(s: SheetModel, r: number, c: number): CellModel {
    let cell = s.cells.get(key(r, c));
    if (!cell) {
      cell = { value: "", formula: null, numberFormat: "General" };
      s.cells.set(key(r, c), cell);
    }
    return cell;
  }

  /** Excel's input rules for values and formulas set through the API. */
  setInput(s: SheetModel, r: number, c: number, input: unknown): void {
    const cell = this.ensure(s, r, c);
    this.cellsWritten++;
    // "Use null in 2-D arrays to leave specific cells unchanged" (excel-add-ins-blank-null-values).
    if (input === null) return;
    cell.formula = null;
    if (typeof input === "number" || typeof input === "boolean") {
      cell.value = input;
      return;
    }
    const text = input === null || input === undefined ? "" : String(input);
    if (text.startsWith("'")) {
      cell.value = text.slice(1); // the apostrophe is a text prefix, not content
      return;
    }
    if (cell.numberFormat === "@") {
      cell.value = text;
      return;
    }
    // "If the returned value starts with a plus (+), minus (-), or equal sign (=), Excel interprets
    // this value as a formula" (Range.values reference); a plain signed number stays a number.
    if (/^[+-]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text.trim())) {
      cell.formula = `=${text}`;
      cell.value = "";
      return;
    }
    if (text.startsWith("=")) {
      this.checkFormula(s, r, c, text);
      cell.formula = text;
      cell.value = "";
      return;
    }
    // Excel reads number-like text as a number: "2.10" becomes 2.1 (or a date, in some locales).
    if (/^-?\d+(\.\d+)?$/.test(text.trim())) {
      cell.value = Number(text);
      return;
    }
    cell.value = text;
  }

  setFormat(s: SheetModel, r: number, c: number, f: string): void {
    this.ensure(s, r, c).numberFormat = f;
  }

  setProp(s: SheetModel, r: number, c: number, prop: "validation" | "errorAlert" | "fill" | "bold", v: unknown): void {
    const cell = this.ensure(s, r, c) as unknown as Record<string, unknown>;
    cell[prop] = v;
  }

  /**
   * Structured references must name an existing table and its columns, and a bare or this-row
   * reference ("[@Nr]") must stand inside the table's body. No document settles what the API does
   * otherwise (self-test e1–e5); Excel's UI refuses such formulas, so the strict host refuses them too.
   */
  private checkFormula(s: SheetModel, r: number, c: number, formula: string): void {
    for (const ref of structuredRefs(formula)) {
      const home = this.tables.find((t) => t.sheet === s && inside(t.rect, r, c));
      const t = ref.table ? this.table(ref.table) : home;
      if (!t) throw new ExcelError("InvalidArgument", `${formula}: ${ref.table ? `no table ${ref.table}` : "a bare reference outside a table"}`);
      const body = this.bodyRect(t);
      if (ref.thisRow && (t !== home || r < body.row || r >= body.row + body.rows)) throw new ExcelError("InvalidArgument", `${formula}: this-row reference outside ${t.name}'s body`);
      for (const col of ref.columns) if (this.columnOf(t, col) < 0) throw new ExcelError("InvalidArgument", `${formula}: ${t.name} has no column ${col}`);
    }
  }

  /** What `formulas` returns: constants as themselves, formulas in Excel's canonical form. */
  formulaOf(s: SheetModel, r: number, c: number): string | number | boolean {
    const cell = this.cell(s, r, c);
    if (!cell) return "";
    return cell.formula !== null ? canonical(cell.formula) : cell.value;
  }

  /** What `text` returns: the displayed text (numbers in the fake's plain invariant form). */
  textOf(s: SheetModel, r: number, c: number): string {
    return String(this.valueOf(s, r, c));
  }

  cellsOf(s: SheetModel, rect: Rect): (string | number | boolean)[][] {
    return grid(rect, (r, c) => this.valueOf(s, r, c));
  }

  /** Bounding box of the used cells (values, formulas, or with formats too) inside `rect`, or null. */
  usedRect(s: SheetModel, rect: Rect, valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (!inside(rect, r, c)) continue;
      if (valuesOnly && cell.value === "" && !cell.formula) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  valueOf(s: SheetModel, r: number, c: number): string | number | boolean {
    const cell = this.cell(s, r, c);
    if (!cell) return "";
    if (!cell.formula) return cell.value;
    // The fake evaluates only what the tests need; other formulas show a marker, never a number.
    return /^=NA\(\)$/i.test(cell.formula) ? "#N/A" : "#FORMEL";
  }

  clear(s: SheetModel, rect: Rect): void {
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) s.cells.delete(key(r, c));
  }

  /** Deletes cells and shifts the cells below up (within the rectangle's columns). */
  deleteUp(s: SheetModel, rect: Rect): void {
    const below = this.tablesBelow(s, rect.row + rect.rows, rect.col, rect.cols);
    const moved = new Map<string, CellModel>();
    for (const [k, v] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (c < rect.col || c >= rect.col + rect.cols) moved.set(k, v);
      else if (r < rect.row) moved.set(k, v);
      else if (r >= rect.row + rect.rows) moved.set(key(r - rect.rows, c), v);
    }
    s.cells = moved;
    for (const t of this.tables) {
      if (t.sheet === s && t.rect.row < rect.row && t.rect.row + t.rect.rows > rect.row) t.rect = { ...t.rect, rows: t.rect.rows - rect.rows };
    }
    for (const t of below) t.rect = { ...t.rect, row: t.rect.row - rect.rows };
  }

  /** Inserts empty rows at `row`, shifting cells at and below it down (within the columns). */
  insertDown(s: SheetModel, row: number, col: number, cols: number, count: number): void {
    const below = this.tablesBelow(s, row, col, cols);
    const moved = new Map<string, CellModel>();
    for (const [k, v] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (c >= col && c < col + cols && r >= row && r + count >= MAX_ROWS) throw new ExcelError("InsertDeleteConflict", "cells would leave the sheet");
      moved.set(c >= col && c < col + cols && r >= row ? key(r + count, c) : k, v);
    }
    s.cells = moved;
    for (const t of below) t.rect = { ...t.rect, row: t.rect.row + count };
  }

  /**
   * Tables at or below `row` that a shift of columns col…col+cols moves. A table wholly inside those
   * columns moves with its cells ("Any rows below the inserted row are shifted downwards",
   * TableRowCollection.add); one only partly inside would be torn apart: InsertDeleteConflict, as
   * Excel refuses such shifts (what happens to a table below is undocumented: self-test g1–g2).
   */
  private tablesBelow(s: SheetModel, row: number, col: number, cols: number): TableModel[] {
    const hit = this.tables.filter((t) => t.sheet === s && t.rect.row >= row && t.rect.col < col + cols && col < t.rect.col + t.rect.cols);
    for (const t of hit) {
      if (t.rect.col < col || t.rect.col + t.rect.cols > col + cols) throw new ExcelError("InsertDeleteConflict", `would shift part of table ${t.name}`);
    }
    return hit;
  }

  // ---- tables

  /** By name or ID: TableCollection.getItem "Gets a table by name or ID". */
  table(key: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === key.toLowerCase()) ?? this.tables.find((t) => t.id === key);
  }

  requireTable(name: string): TableModel {
    const t = this.table(name);
    if (!t) throw new ExcelError("ItemNotFound", `table ${name}`);
    return t;
  }

  addTable(address: string): TableModel {
    const { sheet, rect } = parseAddress(address);
    if (!sheet) throw new ExcelError("InvalidArgument", "table address without sheet");
    const s = this.requireSheet(sheet);
    for (const t of this.tables) {
      // MergedRangeConflict: "A table can't overlap with another table" (Excel error codes).
      if (t.sheet === s && overlaps(t.rect, rect)) throw new ExcelError("MergedRangeConflict", "tables overlap");
    }
    let name: string;
    do name = `Tabell${++this.tableCounter}`;
    while (this.table(name));
    const t: TableModel = { id: `{${this.tableCounter}-fake}`, name, sheet: s, rect, showTotals: false, style: "TableStyleMedium2" };
    this.tables.push(t);
    return t;
  }

  /**
   * Excel's name rules ("Names in formulas", support.microsoft.com): a letter, _ or \ first, then
   * letters, digits, _ and .; at most 255; not C or R; never a cell reference (A1 or R1C1 style);
   * unique among tables and defined names, ignoring case. Every reference is rewritten to the new name.
   */
  renameTable(t: TableModel, name: string): void {
    const taken = this.tables.some((x) => x !== t && x.name.toLowerCase() === name.toLowerCase()) || this.names.some((n) => n.toLowerCase() === name.toLowerCase());
    // A taken name is InvalidArgument ("The argument is invalid or missing…", office-js issue 551).
    if (taken) throw new ExcelError("InvalidArgument", `table ${name}`);
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]{0,254}$/u.test(name) || isCellName(name)) throw new ExcelError("InvalidArgument", `table name ${name}`);
    const old = t.name;
    t.name = name;
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) if (cell.formula) cell.formula = renameTableIn(cell.formula, old, name);
    }
  }

  /** The index of a column in a table by its header (case-insensitive, as Excel matches), or -1. */
  columnOf(t: TableModel, name: string): number {
    for (let c = 0; c < t.rect.cols; c++) if (String(this.valueOf(t.sheet, t.rect.row, t.rect.col + c)).toLowerCase() === name.toLowerCase()) return c;
    return -1;
  }

  /**
   * A chart over `rect`, with series as Excel detects them: with series by columns, the first column is
   * the category axis only when its cells hold text or the top-left cell is empty; a numeric first
   * column (such as years) is plotted as one more series. No Microsoft page states the rule (office-js
   * issues 1830 and 2929 show detection differing by platform; self-test c1–c2). Categories are 1…n until set.
   */
  addChart(on: SheetModel, type: string, src: SheetModel, rect: Rect, _seriesBy: string): ChartModel {
    const cells = this.cellsOf(src, rect);
    const head = cells[0] ?? [];
    const body = cells.slice(1);
    // A formula cell counts as a number here: the chart sources this add-in writes compute numbers.
    const isText = (r: number) => {
      const cell = this.cell(src, rect.row + r, rect.col);
      return !!cell && cell.formula === null && typeof cell.value === "string" && cell.value !== "";
    };
    const firstIsCategory = head[0] === "" || body.some((_, i) => isText(i + 1));
    const from = firstIsCategory ? 1 : 0;
    const chart: ChartModel = {
      type,
      source: this.address(src, rect),
      series: head.slice(from).map((h, i) => ({ name: String(h), values: body.map((row) => row[from + i]) })),
      categories: firstIsCategory ? body.map((row) => row[0]) : body.map((_, i) => i + 1),
    };
    on.charts.push(chart);
    return chart;
  }

  setShowTotals(t: TableModel, show: boolean): void {
    if (show === t.showTotals) return;
    t.rect = { ...t.rect, rows: t.rect.rows + (show ? 1 : -1) };
    t.showTotals = show;
  }

  addTableRows(t: TableModel, values: unknown[][] | undefined, count: number): void {
    const bodyEnd = t.rect.row + t.rect.rows - (t.showTotals ? 1 : 0);
    this.insertDown(t.sheet, bodyEnd, t.rect.col, t.rect.cols, count);
    t.rect = { ...t.rect, rows: t.rect.rows + count };
    if (values) values.forEach((row, i) => row.forEach((v, j) => this.setInput(t.sheet, bodyEnd + i, t.rect.col + j, v)));
  }

  /**
   * A column appended at the table's right edge, as TableColumnCollection.add(null, …, name) does (index
   * null appends, name at creation: ExcelApi 1.4). Cells to the right within the table's rows shift right,
   * as Excel's "Insert table column" does; a table there that would be torn apart is InsertDeleteConflict.
   * Neither is documented for the API (self-test t1): the strict host never overwrites.
   */
  addTableColumn(t: TableModel, name: string | null): void {
    if (name !== null && this.columnOf(t, name) >= 0) throw new ExcelError("InvalidArgument", `column ${name} exists`);
    const col = t.rect.col + t.rect.cols;
    const rows = { from: t.rect.row, to: t.rect.row + t.rect.rows };
    for (const x of this.tables) {
      if (x === t || x.sheet !== t.sheet || x.rect.col + x.rect.cols <= col) continue;
      const within = x.rect.row >= rows.from && x.rect.row + x.rect.rows <= rows.to;
      const apart = x.rect.row + x.rect.rows <= rows.from || x.rect.row >= rows.to;
      if (!within && !apart) throw new ExcelError("InsertDeleteConflict", `would shift part of table ${x.name}`);
    }
    const moved = new Map<string, CellModel>();
    for (const [k, v] of t.sheet.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (r >= rows.from && r < rows.to && c >= col) {
        if (c + 1 >= MAX_COLUMNS) throw new ExcelError("InsertDeleteConflict", "cells would leave the sheet");
        moved.set(key(r, c + 1), v);
      } else moved.set(k, v);
    }
    t.sheet.cells = moved;
    for (const x of this.tables) if (x !== t && x.sheet === t.sheet && x.rect.col >= col && x.rect.row >= rows.from && x.rect.row < rows.to) x.rect = { ...x.rect, col: x.rect.col + 1 };
    t.rect = { ...t.rect, cols: t.rect.cols + 1 };
    let header = name ?? "";
    for (let i = 1; !header; i++) if (this.columnOf(t, `Kolonne${i}`) < 0) header = `Kolonne${i}`;
    this.setInput(t.sheet, t.rect.row, col, `'${header}`);
  }

  /** Deletes a table column, shifting the cells right of it within the table's rows back left. */
  deleteTableColumn(t: TableModel, name: string): void {
    const ci = this.columnOf(t, name);
    if (ci < 0) throw new ExcelError("ItemNotFound", `column ${name}`);
    const col = t.rect.col + ci;
    const rows = { from: t.rect.row, to: t.rect.row + t.rect.rows };
    const moved = new Map<string, CellModel>();
    for (const [k, v] of t.sheet.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (r >= rows.from && r < rows.to && c >= col) {
        if (c > col) moved.set(key(r, c - 1), v);
      } else moved.set(k, v);
    }
    t.sheet.cells = moved;
    // The column's cells go with their formats: a conditional format lying wholly in them goes too.
    t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => {
      const r = parseAddress(cf.address).rect;
      return !(r.col === col && r.cols === 1 && r.row >= rows.from && r.row + r.rows <= rows.to);
    });
    for (const x of this.tables) if (x !== t && x.sheet === t.sheet && x.rect.col > col && x.rect.row >= rows.from && x.rect.row < rows.to) x.rect = { ...x.rect, col: x.rect.col - 1 };
    t.rect = { ...t.rect, cols: t.rect.cols - 1 };
  }

  bodyRect(t: TableModel): Rect {
    return { row: t.rect.row + 1, col: t.rect.col, rows: t.rect.rows - 1 - (t.showTotals ? 1 : 0), cols: t.rect.cols };
  }

  address(s: SheetModel, r: Rect): string {
    return `${quoteSheet(s.name)}!${rectAddress(r)}`;
  }

  // ---- what users do by hand, for tests

  /** Types into a table cell by column header and row key (value of the first column). */
  typeInTable(table: string, key: string, column: string, input: unknown): void {
    const t = this.requireTable(table);
    const head = grid({ ...t.rect, rows: 1 }, (r, c) => this.formulaOf(t.sheet, r, c))[0] ?? [];
    const ci = head.indexOf(column);
    const body = this.bodyRect(t);
    let ri = -1;
    for (let r = body.row; r < body.row + body.rows; r++) if (String(this.formulaOf(t.sheet, r, t.rect.col)) === key) ri = r;
    if (ci < 0 || ri < 0) throw new Error(`fake: no cell ${table}[${key}, ${column}]`);
    this.setInput(t.sheet, ri, t.rect.col + ci, input);
    // Like Excel, events arrive after the edit, asynchronously.
    const event = { type: "TableChanged", changeType: "RangeEdited", source: "Local", tableId: t.name, address: rectAddress({ row: ri, col: t.rect.col + ci, rows: 1, cols: 1 }) };
    for (const h of this.listeners.get(t.name.toLowerCase()) ?? []) setTimeout(() => h(event), 0);
  }

  /**
   * A setting changed from outside this page (a co-author's add-in, or another page of ours): set, then the
   * settings-changed handlers called asynchronously, as Excel raises events after the change.
   */
  settingChangedElsewhere(key: string, value: unknown): void {
    if (value === undefined) this.settings.delete(key);
    else this.settings.set(key, value);
    this.settingsChanged();
  }

  /** Raises onSettingsChanged (SettingCollection, ExcelApi 1.4: "Occurs when the settings in the document are changed"). */
  settingsChanged(): void {
    const event = { type: "SettingsChanged", settings: undefined };
    for (const h of this.settingsListeners) setTimeout(() => h(event), 0);
  }

  /** Adds a column at the right edge of a table, as a user typing a new header does. */
  addUserColumn(table: string, header: string, valueFor: (key: string) => unknown): void {
    const t = this.requireTable(table);
    const col = t.rect.col + t.rect.cols;
    this.setInput(t.sheet, t.rect.row, col, header);
    const body = this.bodyRect(t);
    for (let r = body.row; r < body.row + body.rows; r++) this.setInput(t.sheet, r, col, valueFor(String(this.formulaOf(t.sheet, r, t.rect.col))));
    t.rect = { ...t.rect, cols: t.rect.cols + 1 };
  }

  // ---- inspection helpers for tests

  /** The table as a 2-D array of what `formulas` would return (header first). */
  tableFormulas(name: string): (string | number | boolean)[][] {
    const t = this.requireTable(name);
    return grid(t.rect, (r, c) => this.formulaOf(t.sheet, r, c));
  }

  tableObjects(name: string): Record<string, string | number | boolean>[] {
    const t = this.requireTable(name);
    const head = grid({ ...t.rect, rows: 1 }, (r, c) => this.formulaOf(t.sheet, r, c))[0] ?? [];
    const body = grid(this.bodyRect(t), (r, c) => this.formulaOf(t.sheet, r, c));
    return body.map((row) => Object.fromEntries(head.map((h, i) => [String(h), row[i] as string | number | boolean])));
  }

  /** Deterministic dump of everything, to compare two states. */
  dump(): string {
    const sheets = this.sheets.map((s) => ({
      name: s.name,
      frozen: s.frozenRows,
      widths: [...s.columnWidths.entries()].sort(),
      cells: [...s.cells.entries()].filter(([, c]) => c.value !== "" || c.formula).sort(([a], [b]) => (a < b ? -1 : 1)),
      conditionalFormats: s.conditionalFormats,
      charts: s.charts,
    }));
    const tables = this.tables.map((t) => ({ id: t.id, name: t.name, sheet: t.sheet.name, rect: t.rect, totals: t.showTotals, filters: t.filters ?? {} }));
    return JSON.stringify({ sheets, tables, names: this.names, settings: [...this.settings.entries()] });
  }
}

function inside(rect: Rect, r: number, c: number): boolean {
  return r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols;
}

/** A1 (up to XFD1048576) or R1C1-style (R, C, R2, C3, RC, R1C1) names, which Excel reads as cells. */
function isCellName(name: string): boolean {
  const n = name.toUpperCase();
  const a1 = /^([A-Z]{1,3})([0-9]{1,7})$/.exec(n);
  if (a1 && columnIndex(a1[1] as string) < MAX_COLUMNS && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS) return true;
  return /^R[0-9]*C?[0-9]*$|^C[0-9]*$/.test(n);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function grid<T>(r: Rect, f: (row: number, col: number) => T): T[][] {
  return Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(r.row + i, r.col + j)));
}
