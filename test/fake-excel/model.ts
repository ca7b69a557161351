// In-memory workbook behind the fake Excel host: sheets of cells, tables over rectangles, settings.
// It imitates the Excel behaviours our code must cope with: text coercion ("2.10" → 2.1 unless the
// cell is formatted as text), formulas from "=…", name collisions, overlapping tables, and errors
// raised at sync time after the earlier operations of the batch have been applied.
import { parseAddress, rectAddress, quoteSheet, type Rect } from "../../src/domain/a1";

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
}

export interface SheetModel {
  name: string;
  cells: Map<string, CellModel>;
  conditionalFormats: ConditionalFormatModel[];
  charts: { type: string; source: string; seriesBy: string; title?: string; position?: string }[];
  frozenRows: number;
  columnWidths: Map<number, number>;
}

export interface TableModel {
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
  /** Makes the first operation whose name matches fail with this Excel error code. */
  failOn: { op: RegExp; code: string } | null = null;
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
    if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new ExcelError("InvalidArgument", `sheet name ${name}`);
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
    if (text.startsWith("=")) {
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

  formulaOf(s: SheetModel, r: number, c: number): string | number | boolean {
    const cell = this.cell(s, r, c);
    if (!cell) return "";
    return cell.formula ?? cell.value;
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
  }

  /** Inserts empty rows at `row`, shifting cells at and below it down (within the columns). */
  insertDown(s: SheetModel, row: number, col: number, cols: number, count: number): void {
    const moved = new Map<string, CellModel>();
    for (const [k, v] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      moved.set(c >= col && c < col + cols && r >= row ? key(r + count, c) : k, v);
    }
    s.cells = moved;
  }

  // ---- tables

  table(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
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
      if (t.sheet === s && overlaps(t.rect, rect)) throw new ExcelError("InvalidOperation", "tables overlap");
    }
    let name: string;
    do name = `Tabell${++this.tableCounter}`;
    while (this.table(name));
    const t: TableModel = { name, sheet: s, rect, showTotals: false, style: "TableStyleMedium2" };
    this.tables.push(t);
    return t;
  }

  renameTable(t: TableModel, name: string): void {
    const other = this.table(name) ?? (this.names.some((n) => n.toLowerCase() === name.toLowerCase()) ? t : undefined);
    if (other && other !== t) throw new ExcelError("ItemAlreadyExists", `table ${name}`);
    if (this.names.some((n) => n.toLowerCase() === name.toLowerCase())) throw new ExcelError("ItemAlreadyExists", `name ${name}`);
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new ExcelError("InvalidArgument", `table name ${name}`);
    t.name = name;
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
    const tables = this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: t.rect, totals: t.showTotals }));
    return JSON.stringify({ sheets, tables, settings: [...this.settings.entries()] });
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function grid<T>(r: Rect, f: (row: number, col: number) => T): T[][] {
  return Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(r.row + i, r.col + j)));
}
