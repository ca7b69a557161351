// Range proxies of the fake host: values, formulas and formats as 2-D arrays of the range's exact
// shape, formats, validation, conditional formats, used range, and the read limits.
import { parseAddress, type Rect } from "../../src/domain/a1";
import { roundHalfUp } from "../../src/domain/decimal";
import { ExcelError, grid, MAX_ROWS, type ConditionalFormatModel, type SheetModel } from "./model";
import { CELL_LIMIT, Proxy, writeOnly, type Ctx } from "./proxy";
import { hasStructuredRef } from "./refs";

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

/** "A1:C3", "B2", or whole columns "A:C" (as a selection of columns reads). */
export function parseRect(address: string): { sheet: string | null; rect: Rect } {
  const bang = address.lastIndexOf("!");
  const ref = address.slice(bang + 1).replace(/\$/g, "");
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(ref);
  if (cols) {
    const { sheet, rect } = parseAddress(`${address.slice(0, bang + 1)}${cols[1]}1:${cols[2]}1`);
    return { sheet, rect: { ...rect, rows: MAX_ROWS } };
  }
  return parseAddress(address);
}

// range.values/formulas/numberFormat take a 2-D array of exactly the range's shape
// (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member).
function checkDims(name: string, r: Rect, v: unknown): asserts v is unknown[][] {
  if (!Array.isArray(v) || v.length !== r.rows || v.some((row) => !Array.isArray(row) || row.length !== r.cols)) {
    const shape = Array.isArray(v) ? `${v.length}×${Array.isArray(v[0]) ? v[0].length : "?"}` : typeof v;
    throw new ExcelError("InvalidArgument", `${name}: ${shape} for ${r.rows}×${r.cols}`);
  }
}

/**
 * `text` is "the displayed text exactly as users see it in the worksheet"
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values): the fake applies
 * fixed-decimal and percent formats ("0.00", "0%"), in its invariant form; other formats show the value.
 */
function displayed(v: string | number | boolean, format: string): string | null {
  const f = /^0(?:\.(0+))?(%?)$/.exec(format);
  if (typeof v !== "number" || !f) return null;
  const decimals = f[1]?.length ?? 0;
  return `${roundHalfUp(f[2] ? v * 100 : v, decimals).toFixed(decimals)}${f[2]}`;
}

export class FakeRange extends Proxy<RangeRef> {
  readonly format: { font: { bold: boolean }; fill: { color: string }; columnWidth: number; autofitColumns: () => void };
  constructor(ctx: Ctx, resolve: () => RangeRef | null, nullable = false) {
    super(ctx, resolve, nullable);
    this.format = writeOnly(
      {
        columnWidth: (w) => {
          this.ctx.need("RangeFormat.columnWidth");
          this.ctx.enqueue("range.format.columnWidth", () => {
            const ref = this.must();
            for (let c = ref.rect.col; c < ref.rect.col + ref.rect.cols; c++) ref.sheet.columnWidths.set(c, w as number);
          });
        },
      },
      {
        font: writeOnly({ bold: (v) => this.ctx.enqueue("range.format.font.bold", () => this.each((s, r, c) => this.ctx.model.setProp(s, r, c, "bold", v))) }, {}),
        fill: writeOnly({ color: (v) => this.ctx.enqueue("range.format.fill.color", () => this.each((s, r, c) => this.ctx.model.setProp(s, r, c, "fill", v))) }, {}),
        autofitColumns: () => {
          this.ctx.need("RangeFormat.autofitColumns");
          this.ctx.enqueue("range.format.autofitColumns", () => undefined);
        },
      },
    ) as FakeRange["format"];
  }

  get dataValidation(): { rule: unknown; errorAlert: unknown } {
    this.ctx.need("Range.dataValidation");
    return writeOnly(
      {
        rule: (v) =>
          this.ctx.enqueue("range.dataValidation.rule", () => {
            // Structured references in a validation formula or list source: Excel's UI refuses them (a
            // table's column as a list goes through INDIRECT("Table[Column]")); no document settles what
            // the API does, so the strict host refuses them as it does in conditional formats.
            const rule = v as { list?: { source?: unknown }; custom?: { formula?: unknown } };
            for (const f of [rule.list?.source, rule.custom?.formula]) {
              if (typeof f === "string" && f.startsWith("=") && hasStructuredRef(f)) throw new ExcelError("InvalidArgument", `structured reference in data validation: ${f}`);
            }
            this.each((s, r, c) => this.ctx.model.setProp(s, r, c, "validation", v));
          }),
        errorAlert: (v) => this.ctx.enqueue("range.dataValidation.errorAlert", () => this.each((s, r, c) => this.ctx.model.setProp(s, r, c, "errorAlert", v))),
      },
      {},
    ) as { rule: unknown; errorAlert: unknown };
  }

  get conditionalFormats(): {
    add: (type: string) => { custom: { rule: { formula: string }; format: { fill: { color: string } } }; iconSet: { style: string; criteria: unknown[] } };
    clearAll: () => void;
  } {
    this.ctx.need("Range.conditionalFormats");
    return {
      // "Clears all conditional formats active on the current specified range" (ConditionalFormatCollection.clearAll).
      clearAll: () =>
        this.ctx.enqueue("range.conditionalFormats.clearAll", () => {
          const ref = this.must();
          const inside = (a: string) => {
            const r = parseRect(a).rect;
            return r.row >= ref.rect.row && r.col >= ref.rect.col && r.row + r.rows <= ref.rect.row + ref.rect.rows && r.col + r.cols <= ref.rect.col + ref.rect.cols;
          };
          ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter((cf) => !inside(cf.address));
        }),
      add: (type: string) => {
        let cf: ConditionalFormatModel | null = null;
        this.ctx.enqueue(`range.conditionalFormats.add(${type})`, () => {
          const ref = this.must();
          cf = { address: this.ctx.model.address(ref.sheet, ref.rect), type };
          ref.sheet.conditionalFormats.push(cf);
        });
        const set = (k: "formula" | "fill") => (v: unknown) =>
          this.ctx.enqueue(`conditionalFormat.${k}`, () => {
            if (!cf) throw new ExcelError("InvalidReference", "conditional format");
            // Structured references in a conditional format: no document settles it, Excel's UI refuses
            // them, so the strict host does too (tables via INDIRECT; self-test j1–j3 in docs/excel-selvtest.md).
            if (k === "formula" && hasStructuredRef(String(v))) throw new ExcelError("InvalidArgument", `structured reference in a conditional format: ${String(v)}`);
            cf[k] = String(v);
          });
        // ConditionalFormat.iconSet "Returns the icon set conditional format properties if the current
        // conditional format is an IconSet type" (ExcelApi 1.6): set on another type, the strict host refuses.
        // Criteria are replaced whole, three for a three-icon style; the first one's type, formula and
        // operator are ignored (IconSetConditionalFormat.criteria), so only the other two are kept.
        const iconSet = (k: "style" | "criteria") => (v: unknown) =>
          this.ctx.enqueue(`conditionalFormat.iconSet.${k}`, () => {
            if (!cf) throw new ExcelError("InvalidReference", "conditional format");
            if (cf.type !== "IconSet") throw new ExcelError("InvalidArgument", `iconSet on a ${cf.type} conditional format`);
            const set = cf.iconSet ?? (cf.iconSet = { style: "", criteria: [] });
            if (k === "style") set.style = String(v);
            else {
              const list = v as { type?: string; operator?: string; formula?: string }[];
              if (!Array.isArray(list) || (set.style.startsWith("Three") && list.length !== 3)) throw new ExcelError("InvalidArgument", `icon criteria ${JSON.stringify(v)}`);
              for (const c of list.slice(1)) if (hasStructuredRef(String(c.formula ?? ""))) throw new ExcelError("InvalidArgument", `structured reference in an icon criterion: ${String(c.formula)}`);
              set.criteria = list.slice(1).map((c) => ({ type: String(c.type), operator: String(c.operator), formula: String(c.formula) }));
            }
          });
        return {
          custom: {
            rule: writeOnly({ formula: set("formula") }, {}) as { formula: string },
            format: { fill: writeOnly({ color: set("fill") }, {}) as { color: string } },
          },
          iconSet: writeOnly({ style: iconSet("style"), criteria: iconSet("criteria") }, {}) as { style: string; criteria: unknown[] },
        };
      },
    };
  }

  private each(f: (s: SheetModel, r: number, c: number) => void): void {
    const { sheet, rect } = this.must();
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) f(sheet, r, c);
  }

  protected override read(ref: RangeRef, p: string): unknown {
    const m = this.ctx.model;
    const cells = (f: (r: number, c: number) => unknown) => {
      if (ref.rect.rows * ref.rect.cols > CELL_LIMIT) throw new ExcelError("RangeExceedsLimit", `${ref.rect.rows * ref.rect.cols} cells in one read`);
      return grid(ref.rect, f);
    };
    switch (p) {
      case "address":
        return m.address(ref.sheet, ref.rect);
      case "formulas":
        return cells((r, c) => m.formulaOf(ref.sheet, r, c));
      case "values":
        return cells((r, c) => m.valueOf(ref.sheet, r, c));
      case "text":
        return cells((r, c) => displayed(m.valueOf(ref.sheet, r, c), m.cell(ref.sheet, r, c)?.numberFormat ?? "General") ?? m.textOf(ref.sheet, r, c));
      case "numberFormat":
        return cells((r, c) => m.cell(ref.sheet, r, c)?.numberFormat ?? "General");
      case "rowIndex":
        return ref.rect.row;
      case "columnIndex":
        return ref.rect.col;
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
  /** Resolved at execution time (for other fake objects that take a range). */
  refNow(): RangeRef {
    return this.must();
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
  get text(): string[][] {
    return this.get("text") as string[][];
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue(
      "range.numberFormat",
      () => {
        const { sheet, rect } = this.must();
        checkDims("numberFormat", rect, v);
        v.forEach((row, i) => row.forEach((f, j) => this.ctx.model.setFormat(sheet, rect.row + i, rect.col + j, String(f))));
      },
      JSON.stringify(v).length,
    );
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  get rowIndex(): number {
    return this.get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get("columnIndex") as number;
  }
  private write(name: string, v: unknown[][]): void {
    this.ctx.enqueue(
      name,
      () => {
        const { sheet, rect } = this.must();
        checkDims(name, rect, v);
        v.forEach((row, i) => row.forEach((x, j) => this.ctx.model.setInput(sheet, rect.row + i, rect.col + j, x)));
      },
      JSON.stringify(v).length,
    );
  }
  /** The smallest range holding every used cell of this one, or a null object (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.ctx.need("Range.getUsedRangeOrNullObject");
    return new FakeRange(
      this.ctx,
      this.from((ref) => {
        const used = this.ctx.model.usedRect(ref.sheet, ref.rect, valuesOnly);
        return used ? { sheet: ref.sheet, rect: used } : null;
      }),
      true,
    );
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
