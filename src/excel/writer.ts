// Splits a large write into requests under Excel on the web's payload limit ("5 MB" per request:
// learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
// The usual insert (~6 000 cells, well under 1 MB) still goes in one request.
import { supports } from "./requirements";

/** Bytes of data one request may carry: the limit less a margin for the request envelope. */
export const WRITE_BUDGET = 4 * 1024 * 1024;

export class Writer {
  private pending = 0;
  constructor(
    readonly context: Excel.RequestContext,
    /** Suspend calculation while writing (large inserts); small writes leave Excel to calculate as usual. */
    private readonly suspendCalculation = true,
    private readonly budget = WRITE_BUDGET,
  ) {
    this.suspend();
  }

  /** Suspends calculation for the coming request (only until its sync; ExcelApi 1.6). */
  private suspend(): void {
    if (!this.suspendCalculation) return;
    if (supports("1.6")) this.context.application.suspendApiCalculationUntilNextSync();
  }

  /** Sends what is queued (with `always`, even when only loads are). */
  async flush(always = false): Promise<void> {
    if (this.pending === 0 && !always) return;
    await this.context.sync();
    this.pending = 0;
    this.suspend();
  }

  /** Reserves room for `bytes` of data in the current request, sending the queued work first when full. */
  async room(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes + 64;
  }

  /** Sets a 2-D property of consecutive rows, in as many row blocks as the budget needs. */
  async rows<T>(at: (firstRow: number, count: number) => Excel.Range, prop: "values" | "formulas" | "numberFormat", data: readonly (readonly T[])[]): Promise<void> {
    let start = 0;
    while (start < data.length) {
      let end = start;
      let bytes = 0;
      while (end < data.length) {
        const size = JSON.stringify(data[end]).length + 1;
        if (end > start && bytes + size > this.budget) break;
        bytes += size;
        end++;
      }
      await this.room(bytes);
      (at(start, end - start) as unknown as Record<string, unknown>)[prop] = data.slice(start, end);
      start = end;
    }
  }

  /** Counts a small queued operation (formats, names, validation) so the request size stays honest. */
  small(): void {
    this.pending += 64;
  }

  /**
   * Sends the rest, then recalculates: after suspendApiCalculationUntilNextSync "it is the developer's
   * responsibility to re-calc the workbook" (Excel.Application reference, ExcelApi 1.6).
   */
  async finish(): Promise<void> {
    await this.context.sync();
    this.pending = 0;
    await this.recalculate();
  }

  /**
   * The recalculation owed after suspended requests (also after a failed one and its rollback), sent
   * with whatever is queued. False when nothing was owed and so nothing was sent.
   */
  async recalculate(): Promise<boolean> {
    if (!this.suspendCalculation) return false;
    if (!supports("1.6")) return false;
    this.context.application.calculate("Recalculate" as Excel.CalculationType);
    await this.context.sync();
    return true;
  }
}
