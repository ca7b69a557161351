// The Excel JavaScript API surface Tiltaksmeny uses, as proxies over a WorkbookModel. Like Office.js,
// calls only queue work; context.sync() runs the queue in order, counts a round trip, and fails at the
// first bad operation with the earlier ones applied. Reading a property that was not loaded throws.
import { parseAddress, type Rect } from "../../src/domain/a1";
import { ExcelError, grid, type SheetModel, type TableModel, type WorkbookModel } from "./model";

type Op = { name: string; run: () => void };

class Ctx {
  queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  constructor(readonly model: WorkbookModel) {
    this.workbook = new FakeWorkbook(this);
    this.application = { suspendApiCalculationUntilNextSync: () => this.enqueue("application.suspendApiCalculationUntilNextSync", () => undefined) };
  }
  enqueue(name: string, run: () => void): void {
    this.queue.push({ name, run });
  }
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.model.syncs++;
    for (const op of ops) {
      this.model.ops.push(op.name);
      const fail = this.model.failOn;
      if (fail && fail.op.test(op.name)) {
        this.model.failOn = null;
        throw new ExcelError(fail.code, `injected at ${op.name}`);
      }
      op.run();
    }
  }
}

/** Base of every proxy: loaded properties, isNullObject, and a lazily resolved model object. */
class Proxy<T> {
  protected loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;
  constructor(
    protected ctx: Ctx,
    protected resolve: () => T | null,
  ) {}
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new Error("PropertyNotLoaded: isNullObject (call sync first)");
    return this.nullObject;
  }
  protected get(prop: string): unknown {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop}`);
    return this.loaded.get(prop);
  }
  protected must(): T {
    const v = this.resolve();
    if (v === null) throw new ExcelError("ItemNotFound", "object does not exist");
    return v;
  }
  load(props: string | string[] = ""): this {
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(`${this.constructor.name}.load(${list.join(",")})`, () => {
      const v = this.resolve();
      this.nullObject = v === null;
      for (const p of list) this.loaded.set(p, v === null ? null : this.read(v, p));
    });
    return this;
  }
  protected read(_v: T, p: string): unknown {
    throw new Error(`fake: cannot load ${p}`);
  }
}

class FakeWorkbook {
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sel = this.ctx.model.selection;
      if (!sel) throw new ExcelError("InvalidSelection", "nothing selected");
      const { sheet, rect } = parseAddress(sel);
      return { sheet: this.ctx.model.requireSheet(sheet ?? ""), rect, wholeColumn: false };
    });
  }
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly names: FakeCollection<string>;
  readonly settings: FakeSettings;
  constructor(private ctx: Ctx) {
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx);
    this.names = new FakeCollection(ctx, () => ctx.model.names, (n) => ({ name: n }));
    this.settings = new FakeSettings(ctx);
  }
}

class FakeCollection<M> extends Proxy<M[]> {
  constructor(
    ctx: Ctx,
    list: () => M[],
    private view: (m: M) => Record<string, unknown>,
  ) {
    super(ctx, list);
  }
  override load(props = ""): this {
    this.ctx.enqueue(`collection.load(${props})`, () => this.loaded.set("items", this.must().map(this.view)));
    return this;
  }
  get items(): Record<string, unknown>[] {
    return this.get("items") as Record<string, unknown>[];
  }
}

class FakeWorksheets extends FakeCollection<SheetModel> {
  constructor(private c: Ctx) {
    super(c, () => c.model.sheets, (s) => ({ name: s.name }));
  }
  add(name: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.c.enqueue(`worksheets.add(${name})`, () => (created = this.c.model.addSheet(name)));
    return new FakeWorksheet(this.c, () => created);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.c, () => this.c.model.requireSheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.c, () => this.c.model.sheet(name) ?? null);
  }
}

class FakeWorksheet extends Proxy<SheetModel> {
  readonly freezePanes = {
    freezeRows: (n: number) => this.ctx.enqueue(`worksheet.freezeRows(${n})`, () => (this.must().frozenRows = n)),
  };
  protected override read(s: SheetModel, p: string): unknown {
    if (p === "name") return s.name;
    return super.read(s, p);
  }
  get name(): string {
    return this.get("name") as string;
  }
  readonly charts = {
    add: (type: string, source: FakeRange, seriesBy: string) => {
      const chart: { type: string; source: string; seriesBy: string; title?: string; position?: string } = { type, source: "", seriesBy };
      this.ctx.enqueue(`charts.add(${type})`, () => {
        const s = this.must();
        chart.source = source.addressNow();
        s.charts.push(chart);
      });
      const title = writeOnly({ text: (v) => this.ctx.enqueue("chart.title", () => (chart.title = String(v))) }, {}) as { text: string };
      return { title, setPosition: (cell: string) => this.ctx.enqueue("chart.setPosition", () => (chart.position = cell)) };
    },
  };
  set position(p: number) {
    this.ctx.enqueue(`worksheet.position=${p}`, () => this.ctx.model.moveSheet(this.must(), p));
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      if (!s) return null;
      const col = /^([A-Z]+):([A-Z]+)$/.exec(address);
      if (col) return { sheet: s, rect: { ...parseAddress(`${col[1]}1:${col[2]}1`).rect, rows: 1 }, wholeColumn: true };
      return { sheet: s, rect: parseAddress(address).rect, wholeColumn: false };
    });
  }
  delete(): void {
    this.ctx.enqueue("worksheet.delete", () => this.ctx.model.deleteSheet(this.must()));
  }
  activate(): void {
    this.ctx.enqueue("worksheet.activate", () => (this.ctx.model.activeSheet = this.must().name));
  }
}

/** An object whose listed properties are write-only setters (as Office.js format objects are used here). */
function writeOnly<T extends object>(setters: Record<string, (v: unknown) => void>, extra: T): T {
  const o = { ...extra };
  for (const [k, set] of Object.entries(setters)) {
    Object.defineProperty(o, k, {
      set,
      get: () => {
        throw new Error(`fake: ${k} is write-only`);
      },
      enumerable: true,
    });
  }
  return o;
}

interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
  wholeColumn: boolean;
}

function checkDims(name: string, r: Rect, v: unknown[][]): void {
  if (v.length !== r.rows || v.some((row) => row.length !== r.cols)) {
    throw new ExcelError("InvalidArgument", `${name}: ${v.length}×${v[0]?.length} for ${r.rows}×${r.cols}`);
  }
}

class FakeRange extends Proxy<RangeRef> {
  readonly format: { font: { bold: boolean }; fill: { color: string }; columnWidth: number; autofitColumns: () => void };
  readonly dataValidation: { rule: unknown; errorAlert: unknown };
  readonly conditionalFormats: { add: (type: string) => { custom: { rule: { formula: string }; format: { fill: { color: string } } } } };
  constructor(ctx: Ctx, resolve: () => RangeRef | null) {
    super(ctx, resolve);
    this.conditionalFormats = {
      add: (type: string) => {
        let cf: { address: string; type: string; formula?: string; fill?: string } | null = null;
        this.ctx.enqueue(`range.conditionalFormats.add(${type})`, () => {
          const ref = this.must();
          cf = { address: this.ctx.model.address(ref.sheet, ref.rect), type };
          ref.sheet.conditionalFormats.push(cf);
        });
        const set = (k: "formula" | "fill") => (v: unknown) =>
          this.ctx.enqueue(`conditionalFormat.${k}`, () => {
            if (!cf) throw new ExcelError("InvalidReference", "conditional format");
            cf[k] = String(v);
          });
        return {
          custom: {
            rule: writeOnly({ formula: set("formula") }, {}) as { formula: string },
            format: { fill: writeOnly({ color: set("fill") }, {}) as { color: string } },
          },
        };
      },
    };
    this.format = writeOnly(
      {
        columnWidth: (w) =>
          this.ctx.enqueue("range.format.columnWidth", () => {
            const ref = this.must();
            for (let c = ref.rect.col; c < ref.rect.col + ref.rect.cols; c++) ref.sheet.columnWidths.set(c, w as number);
          }),
      },
      {
        font: writeOnly({ bold: (v) => this.ctx.enqueue("range.format.font.bold", () => this.each((s, r, c) => this.ctx.model.setProp(s, r, c, "bold", v))) }, {}),
        fill: writeOnly({ color: (v) => this.ctx.enqueue("range.format.fill.color", () => this.each((s, r, c) => this.ctx.model.setProp(s, r, c, "fill", v))) }, {}),
        autofitColumns: () => this.ctx.enqueue("range.format.autofitColumns", () => undefined),
      },
    ) as FakeRange["format"];
    this.dataValidation = writeOnly(
      {
        rule: (v) => this.ctx.enqueue("range.dataValidation.rule", () => this.each((s, r, c) => this.ctx.model.setProp(s, r, c, "validation", v))),
        errorAlert: (v) => this.ctx.enqueue("range.dataValidation.errorAlert", () => this.each((s, r, c) => this.ctx.model.setProp(s, r, c, "errorAlert", v))),
      },
      {},
    ) as FakeRange["dataValidation"];
  }
  private each(f: (s: SheetModel, r: number, c: number) => void): void {
    const { sheet, rect } = this.must();
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) f(sheet, r, c);
  }
  protected override read(ref: RangeRef, p: string): unknown {
    const m = this.ctx.model;
    switch (p) {
      case "address":
        return m.address(ref.sheet, ref.rect);
      case "formulas":
        return grid(ref.rect, (r, c) => m.formulaOf(ref.sheet, r, c));
      case "values":
        return grid(ref.rect, (r, c) => m.valueOf(ref.sheet, r, c));
      case "numberFormat":
        return grid(ref.rect, (r, c) => m.cell(ref.sheet, r, c)?.numberFormat ?? "General");
      case "rowCount":
        return ref.rect.rows;
      case "columnCount":
        return ref.rect.cols;
      default:
        return super.read(ref, p);
    }
  }
  get address(): string {
    return this.get("address") as string;
  }
  /** Resolved address at execution time (for other fake objects that take a range). */
  addressNow(): string {
    const ref = this.must();
    return this.ctx.model.address(ref.sheet, ref.rect);
  }
  get formulas(): unknown[][] {
    return this.get("formulas") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this.write("range.formulas", v);
  }
  get values(): unknown[][] {
    return this.get("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    this.write("range.values", v);
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue("range.numberFormat", () => {
      const { sheet, rect } = this.must();
      checkDims("numberFormat", rect, v);
      v.forEach((row, i) => row.forEach((f, j) => this.ctx.model.setFormat(sheet, rect.row + i, rect.col + j, String(f))));
    });
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  private write(name: string, v: unknown[][]): void {
    this.ctx.enqueue(name, () => {
      const { sheet, rect } = this.must();
      checkDims(name, rect, v);
      v.forEach((row, i) => row.forEach((x, j) => this.ctx.model.setInput(sheet, rect.row + i, rect.col + j, x)));
    });
  }
  select(): void {
    this.ctx.enqueue("range.select", () => {
      const { sheet, rect } = this.must();
      this.ctx.model.selection = this.ctx.model.address(sheet, rect);
    });
  }
  clear(): void {
    this.ctx.enqueue("range.clear", () => {
      const { sheet, rect } = this.must();
      this.ctx.model.clear(sheet, rect);
    });
  }
  delete(shift: string): void {
    this.ctx.enqueue(`range.delete(${shift})`, () => {
      const { sheet, rect } = this.must();
      this.ctx.model.deleteUp(sheet, rect);
    });
  }
}

class FakeTables extends FakeCollection<TableModel> {
  constructor(private c: Ctx) {
    super(c, () => c.model.tables, (t) => ({ name: t.name }));
  }
  add(address: string, _hasHeaders: boolean): FakeTable {
    let created: TableModel | null = null;
    this.c.enqueue(`tables.add(${address})`, () => (created = this.c.model.addTable(address)));
    return new FakeTable(this.c, () => created);
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.c, () => this.c.model.requireTable(name));
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.c, () => this.c.model.table(name) ?? null);
  }
}

class FakeTable extends Proxy<TableModel> {
  readonly rows: { add: (index: number | undefined | null, values?: unknown[][]) => void };
  readonly columns: { getItem: (name: string) => { filter: { applyValuesFilter: (values: string[]) => void } } };
  constructor(ctx: Ctx, resolve: () => TableModel | null) {
    super(ctx, resolve);
    this.columns = {
      getItem: (name: string) => ({
        filter: {
          applyValuesFilter: (values: string[]) =>
            this.ctx.enqueue(`table.filter(${name})`, () => {
              const t = this.must();
              t.filters = { ...(t.filters ?? {}), [name]: values };
            }),
        },
      }),
    };
    this.rows = {
      add: (_index, values) =>
        this.ctx.enqueue("table.rows.add", () => this.ctx.model.addTableRows(this.must(), values, values?.length ?? 1)),
    };
  }
  protected override read(t: TableModel, p: string): unknown {
    if (p === "name") return t.name;
    if (p === "showTotals") return t.showTotals;
    return super.read(t, p);
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(v: string) {
    this.ctx.enqueue(`table.name=${v}`, () => this.ctx.model.renameTable(this.must(), v));
  }
  get showTotals(): boolean {
    return this.get("showTotals") as boolean;
  }
  set showTotals(v: boolean) {
    this.ctx.enqueue("table.showTotals", () => this.ctx.model.setShowTotals(this.must(), v));
  }
  set style(v: string) {
    this.ctx.enqueue("table.style", () => (this.must().style = v));
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.resolve()?.sheet ?? null);
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, rect: t.rect, wholeColumn: false } : null;
    });
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, rect: this.ctx.model.bodyRect(t), wholeColumn: false } : null;
    });
  }
  readonly onChanged = {
    add: (handler: (e: unknown) => void) => {
      this.ctx.enqueue("table.onChanged.add", () => {
        const key = this.must().name.toLowerCase();
        this.ctx.model.listeners.set(key, [...(this.ctx.model.listeners.get(key) ?? []), handler]);
      });
      return { remove: () => undefined };
    },
  };
  clearFilters(): void {
    this.ctx.enqueue("table.clearFilters", () => (this.must().filters = {}));
  }
  delete(): void {
    this.ctx.enqueue("table.delete", () => {
      const t = this.must();
      this.ctx.model.tables = this.ctx.model.tables.filter((x) => x !== t);
    });
  }
}

class FakeSetting extends Proxy<{ key: string }> {
  protected override read(v: { key: string }, p: string): unknown {
    if (p === "value") return this.ctx.model.settings.get(v.key);
    return super.read(v, p);
  }
  get value(): unknown {
    return this.get("value");
  }
}

class FakeSettings {
  constructor(private ctx: Ctx) {}
  add(key: string, value: unknown): void {
    this.ctx.enqueue(`settings.add(${key})`, () => this.ctx.model.settings.set(key, value));
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, () => (this.ctx.model.settings.has(key) ? { key } : null));
  }
}

export interface FakeExcel {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** An `Excel` global over the model: install as globalThis.Excel in tests. */
export function fakeExcel(model: WorkbookModel): FakeExcel {
  return {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      model.runs++;
      const ctx = new Ctx(model);
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.queue.length > 0) await ctx.sync();
      return result;
    },
  };
}

/** Office.context.requirements for the fake host (every set up to `max` supported). */
export function fakeOffice(maxExcelApi = "1.12"): unknown {
  const max = Number(maxExcelApi.split(".")[1]);
  return {
    context: {
      requirements: { isSetSupported: (name: string, v?: string) => name === "ExcelApi" && Number((v ?? "1.1").split(".")[1]) <= max },
    },
  };
}
