// The request-context machinery of the fake host. Like Office.js, calls only queue work;
// context.sync() runs the queue in order, counts a round trip, and fails at the first bad operation
// with the earlier ones applied. The strict rules of the request itself live here: requirement sets,
// payload limits, null objects, calculation left suspended, work left unsynced.
import { excelApiSets } from "./api-sets";
import { ExcelError, type WorkbookModel } from "./model";

// Excel on the web: "5 MB" per request and per response; the strict host always applies the web's
// limits (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
// Same page: "A range is limited to 5,000,000 cells for read operations" (RangeExceedsLimit).
export const CELL_LIMIT = 5_000_000;
// Per-operation overhead of the request envelope (a conservative guess; the data dominates).
const OP_OVERHEAD = 64;

type Op = { name: string; run: () => void; bytes: number };

export class Ctx {
  queue: Op[] = [];
  /** Bytes of loaded data returned by the sync in progress. */
  responseBytes = 0;
  constructor(readonly model: WorkbookModel) {}

  enqueue(name: string, run: () => void, bytes = 0): void {
    this.queue.push({ name, run, bytes });
  }

  /**
   * Refuses a member above the host's ExcelApi version with ApiNotFound at sync, as a host does for
   * an API it lacks (learn.microsoft.com/office/dev/add-ins/develop/office-versions-and-requirement-sets).
   */
  need(member: string, minor = excelApiSets().get(member) ?? 1): void {
    if (minor <= this.model.apiVersion) return;
    this.enqueue(`api:${member}`, () => {
      throw new ExcelError("ApiNotFound", `${member} needs ExcelApi 1.${minor}, host has 1.${this.model.apiVersion}`);
    });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.model.syncs++;
    const bytes = ops.reduce((n, o) => n + o.bytes + OP_OVERHEAD, 0);
    this.model.maxRequestBytes = Math.max(this.model.maxRequestBytes, bytes);
    this.model.bytesSent += bytes;
    if (bytes > PAYLOAD_LIMIT) throw new ExcelError("RequestPayloadSizeLimitExceeded", `${bytes} bytes in one request`);
    this.responseBytes = 0;
    for (const op of ops) {
      this.model.ops.push(op.name);
      const fail = this.model.failOn;
      if (fail && fail.op.test(op.name)) {
        this.model.failOn = null;
        throw new ExcelError(fail.code, `injected at ${op.name}`);
      }
      const at = this.model.failAt;
      if (at && at.index === this.model.ops.length - 1) {
        this.model.failAt = null;
        throw new ExcelError(at.code, `injected at ${op.name}`);
      }
      op.run();
    }
    if (this.responseBytes > PAYLOAD_LIMIT) throw new ExcelError("ResponsePayloadSizeLimitExceeded", `${this.responseBytes} bytes in one response`);
  }
}

/** Base of every proxy: loaded properties, isNullObject, and a lazily resolved model object. */
export class Proxy<T> {
  protected loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;
  constructor(
    readonly ctx: Ctx,
    readonly resolve: () => T | null,
    /** Made by a *OrNullObject method: may turn out to be a null object. */
    readonly nullable = false,
  ) {}
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new Error("PropertyNotLoaded: isNullObject (call sync first)");
    return this.nullObject;
  }
  protected get(prop: string): unknown {
    // Microsoft documents only isNullObject on a null object
    // (learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
    if (this.nullObject) throw new Error(`fake: ${prop} read from a null object`);
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop}`);
    return this.loaded.get(prop);
  }
  must(): T {
    const v = this.resolve();
    if (v === null) throw new ExcelError("ItemNotFound", "object does not exist");
    return v;
  }
  /**
   * The resolver of an object navigated from this one. Navigating from a null object is refused, which
   * is stricter than any document: only isNullObject is documented for it (same page as above), so an
   * add-in must check it after a sync first (self-test b1–b2 asks what Excel does).
   */
  from<U>(f: (v: T) => U | null): () => U | null {
    return () => {
      const v = this.resolve();
      if (v === null) {
        if (this.nullable) throw new ExcelError("InvalidOperation", "navigation from a null object");
        throw new ExcelError("ItemNotFound", "object does not exist");
      }
      return f(v);
    };
  }
  load(props: string | string[] = ""): this {
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(`${this.constructor.name}.load(${list.join(",")})`, () => {
      const v = this.resolve();
      this.nullObject = v === null;
      for (const p of list) {
        const value = v === null ? null : this.read(v, p);
        this.ctx.responseBytes += JSON.stringify(value ?? null).length;
        this.loaded.set(p, value);
      }
    });
    return this;
  }
  protected read(_v: T, p: string): unknown {
    throw new Error(`fake: cannot load ${p}`);
  }
}

/** An object whose listed properties are write-only setters (as Office.js format objects are used here). */
export function writeOnly<T extends object>(setters: Record<string, (v: unknown) => void>, extra: T): T {
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
