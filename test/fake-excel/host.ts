// The Excel JavaScript API surface Tiltaksmeny uses, as proxies over a WorkbookModel, at least as
// strict as Excel: every rule names the Microsoft page it comes from (see also proxy.ts, range.ts,
// model.ts and refs.ts). Reading a property that was not loaded throws, as in Office.js.
import { ExcelError, NEWEST_EXCEL_API, type ChartModel, type SheetModel, type TableModel, type WorkbookModel } from "./model";
import { Ctx, Proxy, writeOnly } from "./proxy";
import { FakeRange, parseRect } from "./range";

/**
 * Only the loaded paths of an item, as Office.js fills them; reading another property throws
 * PropertyNotLoaded (learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load).
 */
function loadedOnly(full: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const nested = new Map<string, string[]>();
  for (const p of paths) {
    const [head, ...rest] = p.split("/") as [string, ...string[]];
    if (rest.length === 0) out[head] = full[head];
    else nested.set(head, [...(nested.get(head) ?? []), rest.join("/")]);
  }
  for (const [head, rest] of nested) out[head] = loadedOnly(full[head] as Record<string, unknown>, rest);
  return new globalThis.Proxy(out, {
    get: (o, k) => {
      if (typeof k === "string" && k !== "toJSON" && k !== "then" && !(k in o)) throw new Error(`PropertyNotLoaded: ${k}`);
      return (o as Record<string | symbol, unknown>)[k];
    },
  });
}

class FakeCollection<M> extends Proxy<M[]> {
  constructor(
    ctx: Ctx,
    list: () => M[],
    private view: (m: M) => Record<string, unknown>,
    /** The items' API class, so navigation in a load path ("items/worksheet/name") meets its requirement set. */
    private itemClass = "",
  ) {
    super(ctx, list);
  }
  override load(props = ""): this {
    const paths = props
      .split(",")
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    for (const p of paths) if (p.includes("/") && this.itemClass) this.ctx.need(`${this.itemClass}.${p.split("/")[0]}`);
    this.ctx.enqueue(`collection.load(${props})`, () => {
      const items = this.must().map((m) => (paths.length > 0 ? loadedOnly(this.view(m), paths) : this.view(m)));
      this.ctx.responseBytes += JSON.stringify(items).length;
      this.loaded.set("items", items);
    });
    return this;
  }
  get items(): Record<string, unknown>[] {
    return this.get("items") as Record<string, unknown>[];
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly names: FakeNames;
  readonly application: { suspendApiCalculationUntilNextSync: () => void; calculate: (type: string) => void };
  private readonly settingsProxy: FakeSettings;
  constructor(private ctx: Ctx) {
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx);
    this.names = new FakeNames(ctx);
    this.settingsProxy = new FakeSettings(ctx);
    this.application = {
      // "Once set, it is the developer's responsibility to re-calc the workbook" (Application reference):
      // the model remembers that a recalculation is owed until application.calculate runs.
      suspendApiCalculationUntilNextSync: () => {
        ctx.need("Application.suspendApiCalculationUntilNextSync");
        ctx.enqueue("application.suspendApiCalculationUntilNextSync", () => (ctx.model.calculationOwed = true));
      },
      calculate: (type: string) => ctx.enqueue(`application.calculate(${type})`, () => (ctx.model.calculationOwed = false)),
    };
  }
  get settings(): FakeSettings {
    this.ctx.need("Workbook.settings");
    return this.settingsProxy;
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sel = this.ctx.model.selection;
      if (!sel) throw new ExcelError("InvalidSelection", "nothing selected");
      const { sheet, rect } = parseRect(sel);
      return { sheet: this.ctx.model.requireSheet(sheet ?? ""), rect };
    });
  }
}

/** Defined names; a constant's value is the text between the quotes of its formula (NamedItem.value). */
class FakeNames extends FakeCollection<string> {
  constructor(private c: Ctx) {
    super(c, () => c.model.names, (n) => ({ name: n, value: c.model.nameValues.get(n) ?? "" }));
  }
  add(name: string, reference: string): void {
    this.c.need("NamedItemCollection.add");
    this.c.enqueue(`names.add(${name})`, () => {
      // Names share one namespace with tables, case-insensitively (support.microsoft.com "Names in formulas").
      const taken = this.c.model.names.some((n) => n.toLowerCase() === name.toLowerCase()) || this.c.model.table(name);
      if (taken) throw new ExcelError("ItemAlreadyExists", `name ${name}`);
      this.c.model.names.push(name);
      const constant = /^="(.*)"$/.exec(reference);
      this.c.model.nameValues.set(name, constant ? (constant[1] as string) : reference);
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    this.c.need("NamedItemCollection.getItemOrNullObject");
    return new FakeNamedItem(this.c, () => this.c.model.names.find((n) => n.toLowerCase() === name.toLowerCase()) ?? null, true);
  }
}

class FakeNamedItem extends Proxy<string> {
  protected override read(n: string, p: string): unknown {
    if (p === "name") return n;
    if (p === "value") return this.ctx.model.nameValues.get(n) ?? "";
    return super.read(n, p);
  }
  delete(): void {
    this.ctx.need("NamedItem.delete");
    this.ctx.enqueue("name.delete", () => {
      const n = this.must();
      const m = this.ctx.model;
      m.names = m.names.filter((x) => x !== n);
      m.nameValues.delete(n);
    });
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
    this.c.need("WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(this.c, () => this.c.model.sheet(name) ?? null, true);
  }
}

class FakeChart {
  readonly title: { text: string };
  readonly axes: { categoryAxis: { setCategoryNames: (source: FakeRange) => void } };
  constructor(
    private ctx: Ctx,
    private chart: () => ChartModel,
  ) {
    this.title = writeOnly({ text: (v) => ctx.enqueue("chart.title", () => (this.chart().title = String(v))) }, {}) as { text: string };
    this.axes = {
      categoryAxis: {
        setCategoryNames: (source: FakeRange) => {
          ctx.need("ChartAxis.setCategoryNames");
          ctx.enqueue("chart.categoryAxis.setCategoryNames", () => {
            const { sheet, rect } = source.refNow();
            this.chart().categories = ctx.model.cellsOf(sheet, rect).flat();
          });
        },
      },
    };
  }
  setPosition(cell: string): void {
    this.ctx.enqueue("chart.setPosition", () => (this.chart().position = cell));
  }
}

class FakeWorksheet extends Proxy<SheetModel> {
  protected override read(s: SheetModel, p: string): unknown {
    if (p === "name") return s.name;
    return super.read(s, p);
  }
  get name(): string {
    return this.get("name") as string;
  }
  get freezePanes(): { freezeRows: (n: number) => void } {
    this.ctx.need("Worksheet.freezePanes");
    return {
      freezeRows: (n: number) => {
        this.ctx.need("WorksheetFreezePanes.freezeRows");
        this.ctx.enqueue(`worksheet.freezeRows(${n})`, () => (this.must().frozenRows = n));
      },
    };
  }
  get charts(): { add: (type: string, source: FakeRange, seriesBy: string) => FakeChart } {
    return {
      add: (type: string, source: FakeRange, seriesBy: string) => {
        let chart: ChartModel | null = null;
        this.ctx.enqueue(`charts.add(${type})`, () => {
          const { sheet, rect } = source.refNow();
          chart = this.ctx.model.addChart(this.must(), type, sheet, rect, seriesBy);
        });
        return new FakeChart(this.ctx, () => {
          if (!chart) throw new ExcelError("InvalidReference", "chart");
          return chart;
        });
      },
    };
  }
  set position(p: number) {
    this.ctx.enqueue(`worksheet.position=${p}`, () => this.ctx.model.moveSheet(this.must(), p));
  }
  getRange(address: string): FakeRange {
    return new FakeRange(
      this.ctx,
      this.from((s) => ({ sheet: s, rect: parseRect(address).rect })),
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.ctx.need("Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.must();
        const rect = this.ctx.model.usedRect(s, { row: 0, col: 0, rows: Number.MAX_SAFE_INTEGER, cols: Number.MAX_SAFE_INTEGER }, valuesOnly);
        return rect ? { sheet: s, rect } : null;
      },
      true,
    );
  }
  delete(): void {
    this.ctx.enqueue("worksheet.delete", () => this.ctx.model.deleteSheet(this.must()));
  }
  activate(): void {
    this.ctx.enqueue("worksheet.activate", () => (this.ctx.model.activeSheet = this.must().name));
  }
}

class FakeTables extends FakeCollection<TableModel> {
  constructor(private c: Ctx) {
    super(c, () => c.model.tables, (t) => ({ id: t.id, name: t.name, showTotals: t.showTotals, worksheet: { name: t.sheet.name } }), "Table");
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
    this.c.need("TableCollection.getItemOrNullObject");
    return new FakeTable(this.c, () => this.c.model.table(name) ?? null, true);
  }
}

class FakeTable extends Proxy<TableModel> {
  readonly rows: { add: (index: number | undefined | null, values?: unknown[][]) => void };
  readonly columns: {
    getItem: (name: string) => { filter: { applyValuesFilter: (values: string[]) => void }; getDataBodyRange: () => FakeRange };
    getItemOrNullObject: (name: string) => FakeTableColumn;
    add: (index?: number | null, values?: unknown, name?: string) => FakeTableColumn;
  };
  constructor(ctx: Ctx, resolve: () => TableModel | null, nullable = false) {
    super(ctx, resolve, nullable);
    this.columns = {
      getItem: (name: string) => this.column(name),
      getItemOrNullObject: (name: string) => {
        ctx.need("TableColumnCollection.getItemOrNullObject");
        return new FakeTableColumn(ctx, this.from((t) => (ctx.model.columnOf(t, name) >= 0 ? { table: t, name } : null)), true);
      },
      add: (index?: number | null, values?: unknown, name?: string) => {
        // "1.4 allows index to be optional (null or -1) … 1.4 allows name parameter at creation time."
        ctx.need("TableColumnCollection.add", index === null || index === undefined || index === -1 || name !== undefined ? 4 : 1);
        // Only appending, without values, is what the add-in does; anything else the strict host refuses.
        if ((index !== null && index !== undefined && index !== -1) || values !== undefined) throw new Error("fake: columns.add supports append with a name only");
        let made: { table: TableModel; name: string } | null = null;
        ctx.enqueue(`table.columns.add(${name})`, () => {
          const t = this.must();
          ctx.model.addTableColumn(t, name ?? null);
          made = { table: t, name: name ?? String(ctx.model.formulaOf(t.sheet, t.rect.row, t.rect.col + t.rect.cols - 1)) };
        });
        return new FakeTableColumn(ctx, () => made);
      },
    };
    this.rows = {
      add: (_index, values) => {
        // "ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows" (TableRowCollection.add).
        ctx.need("TableRowCollection.add", values && values.length > 1 ? 4 : 1);
        ctx.enqueue("table.rows.add", () => ctx.model.addTableRows(this.must(), values, values?.length ?? 1), JSON.stringify(values ?? []).length);
      },
    };
  }
  private column(name: string): { filter: { applyValuesFilter: (values: string[]) => void }; getDataBodyRange: () => FakeRange } {
    const column = {
      getDataBodyRange: () =>
        new FakeRange(this.ctx, this.from((t) => ({ sheet: t.sheet, rect: { ...this.ctx.model.bodyRect(t), col: t.rect.col + this.ctx.model.columnOf(t, name), cols: 1 } }))),
    };
    Object.defineProperty(column, "filter", {
      get: () => {
        this.ctx.need("TableColumn.filter");
        return {
          applyValuesFilter: (values: string[]) => {
            this.ctx.need("Filter.applyValuesFilter");
            this.ctx.enqueue(`table.filter(${name})`, () => {
              const t = this.must();
              t.filters = { ...(t.filters ?? {}), [name]: values };
            });
          },
        };
      },
    });
    return column as ReturnType<FakeTable["column"]>;
  }
  protected override read(t: TableModel, p: string): unknown {
    if (p === "name") return t.name;
    if (p === "id") return t.id;
    if (p === "showTotals") return t.showTotals;
    return super.read(t, p);
  }
  get id(): string {
    return this.get("id") as string;
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
    this.ctx.need("Table.worksheet");
    return new FakeWorksheet(this.ctx, this.from((t) => t.sheet));
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, this.from((t) => ({ sheet: t.sheet, rect: t.rect })));
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, this.from((t) => ({ sheet: t.sheet, rect: this.ctx.model.bodyRect(t) })));
  }
  /** The totals row; a table that does not show one has none to give (the strict host refuses). */
  getTotalRowRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      this.from((t) => {
        if (!t.showTotals) throw new ExcelError("InvalidOperation", `table ${t.name} shows no totals row`);
        return { sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + t.rect.rows - 1, rows: 1 } };
      }),
    );
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, this.from((t) => ({ sheet: t.sheet, rect: { ...t.rect, rows: 1 } })));
  }
  get onChanged(): { add: (handler: (e: unknown) => void) => { remove: () => void } } {
    this.ctx.need("Table.onChanged");
    return {
      add: (handler: (e: unknown) => void) => {
        this.ctx.enqueue("table.onChanged.add", () => {
          const key = this.must().name.toLowerCase();
          this.ctx.model.listeners.set(key, [...(this.ctx.model.listeners.get(key) ?? []), handler]);
        });
        return { remove: () => undefined };
      },
    };
  }
  clearFilters(): void {
    this.ctx.need("Table.clearFilters");
    this.ctx.enqueue("table.clearFilters", () => (this.must().filters = {}));
  }
  delete(): void {
    this.ctx.enqueue("table.delete", () => {
      const t = this.must();
      this.ctx.model.tables = this.ctx.model.tables.filter((x) => x !== t);
    });
  }
}

class FakeTableColumn extends Proxy<{ table: TableModel; name: string }> {
  protected override read(v: { table: TableModel; name: string }, p: string): unknown {
    if (p === "name") return v.name;
    return super.read(v, p);
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      this.from(({ table, name }) => ({ sheet: table.sheet, rect: { ...this.ctx.model.bodyRect(table), col: table.rect.col + this.ctx.model.columnOf(table, name), cols: 1 } })),
    );
  }
  delete(): void {
    this.ctx.enqueue("table.column.delete", () => {
      const { table, name } = this.must();
      this.ctx.model.deleteTableColumn(table, name);
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
  delete(): void {
    this.ctx.need("Setting.delete");
    this.ctx.enqueue("setting.delete", () => {
      const s = this.resolve();
      if (s) this.ctx.model.settings.delete(s.key);
      this.ctx.model.settingsChanged();
    });
  }
}

class FakeSettings {
  constructor(private ctx: Ctx) {}
  add(key: string, value: unknown): void {
    this.ctx.need("SettingCollection.add");
    this.ctx.enqueue(
      `settings.add(${key})`,
      () => {
        this.ctx.model.settings.set(key, value);
        // The page's own changes raise the event too ("Events … can be triggered by … Office Add-in (JavaScript)
        // code that changes the workbook", docs/excel/excel-add-ins-events.md): a handler must not loop on them.
        this.ctx.model.settingsChanged();
      },
      JSON.stringify(value).length,
    );
  }
  // ExcelApi 1.4 (SettingCollection.onSettingsChanged reference); `need` refuses it on older hosts.
  get onSettingsChanged(): { add: (handler: (e: unknown) => void) => { remove: () => void } } {
    this.ctx.need("SettingCollection.onSettingsChanged");
    return {
      add: (handler: (e: unknown) => void) => {
        this.ctx.enqueue("settings.onSettingsChanged.add", () => void this.ctx.model.settingsListeners.push(handler));
        return { remove: () => undefined };
      },
    };
  }
  getItemOrNullObject(key: string): FakeSetting {
    this.ctx.need("SettingCollection.getItemOrNullObject");
    return new FakeSetting(this.ctx, () => (this.ctx.model.settings.has(key) ? { key } : null), true);
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
      const api = { workbook: new FakeWorkbook(ctx), application: undefined as unknown, sync: () => ctx.sync() };
      api.application = api.workbook.application;
      const result = await batch(api as unknown as Excel.RequestContext);
      // "run functions call sync() implicitly before they resolve their returned promise"
      // (learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model).
      if (ctx.queue.length > 0) await ctx.sync();
      // Stricter than documented (the performance page's example has calculation resume on its own;
      // the Application reference makes the recalculation the add-in's duty): owed work fails the test.
      if (model.calculationOwed) throw new ExcelError("StrictHost", "calculation suspended and never recalculated (application.calculate)");
      return result;
    },
  };
}

/** Office.context.requirements for the fake host: ExcelApi up to 1.`minor`, as Excel answers isSetSupported. */
function fakeOffice(minor = NEWEST_EXCEL_API): unknown {
  return {
    context: {
      requirements: { isSetSupported: (name: string, v?: string) => name === "ExcelApi" && Number((v ?? "1.1").split(".")[1]) <= minor },
    },
  };
}

/** A model, installed as the global Excel and Office of a test, at ExcelApi 1.`minor`. */
export function installFakeHost(model: WorkbookModel, minor = NEWEST_EXCEL_API): WorkbookModel {
  model.apiVersion = minor;
  (globalThis as Record<string, unknown>).Excel = fakeExcel(model);
  (globalThis as Record<string, unknown>).Office = fakeOffice(minor);
  return model;
}

