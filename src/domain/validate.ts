// Hand-written schema for the catalogue JSON. Every error names the exact path
// (e.g. `measures[12].summary.values.2027: forventet tall eller null, fikk "x"`), because the same
// loader reads catalogues that users import, and they must be able to find the bad cell.
import {
  CATEGORIES,
  DETAIL_UNITS,
  HOP_STATUSES,
  SIGN_CONVENTIONS,
  type CatalogueData,
  type Cell,
  type LabelledRow,
  type PrintedRow,
  type ValueRow,
  type YearValues,
} from "./types";

export class CatalogueError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    const more = problems.length > 1 ? ` (og ${problems.length - 1} feil til)` : "";
    super(`Ugyldig tiltakskatalog: ${problems[0] ?? "ukjent feil"}${more}`);
    this.name = "CatalogueError";
    this.problems = problems;
  }
}

const MAX_PROBLEMS = 50;

function describe(v: unknown): string {
  if (v === undefined) return "ingenting";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  if (Array.isArray(v)) return "en liste";
  if (typeof v === "object") return "et objekt";
  return String(v);
}

/** Collects problems while walking the data; each check returns whether the value was acceptable. */
class Walker {
  readonly problems: string[] = [];

  fail(path: string, expected: string, got: unknown): false {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`${path}: forventet ${expected}, fikk ${describe(got)}`);
    return false;
  }

  object(v: unknown, path: string): v is Record<string, unknown> {
    return (typeof v === "object" && v !== null && !Array.isArray(v)) || this.fail(path, "et objekt", v);
  }

  array(v: unknown, path: string): v is unknown[] {
    return Array.isArray(v) || this.fail(path, "en liste", v);
  }

  string(v: unknown, path: string, opts: { nullable?: boolean; nonEmpty?: boolean } = {}): boolean {
    if (v === null && opts.nullable) return true;
    if (typeof v === "string" && (!opts.nonEmpty || v.trim() !== "")) return true;
    return this.fail(path, opts.nullable ? "tekst eller null" : opts.nonEmpty ? "tekst som ikke er tom" : "tekst", v);
  }

  number(v: unknown, path: string, opts: { nullable?: boolean; integer?: boolean } = {}): boolean {
    if (v === null && opts.nullable) return true;
    if (typeof v === "number" && Number.isFinite(v) && (!opts.integer || Number.isInteger(v))) return true;
    const what = opts.integer ? "et heltall" : "et tall";
    return this.fail(path, opts.nullable ? `${what} eller null` : what, v);
  }

  boolean(v: unknown, path: string): boolean {
    return typeof v === "boolean" || this.fail(path, "true eller false", v);
  }

  oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[], nullable = false): boolean {
    if (v === null && nullable) return true;
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return true;
    const list = allowed.map((a) => `"${a}"`).join(", ");
    return this.fail(path, `en av ${list}${nullable ? " eller null" : ""}`, v);
  }

  optional(obj: Record<string, unknown>, key: string, path: string, check: (v: unknown, p: string) => unknown): void {
    if (obj[key] !== undefined) check(obj[key], `${path}.${key}`);
  }

  cell(v: unknown, path: string): v is Cell {
    if (v === null || (typeof v === "number" && Number.isFinite(v))) return true;
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.unreadable === "string") return true;
      if (typeof o.printed === "string" && typeof o.value === "number" && Number.isFinite(o.value) && typeof o.note === "string") return true;
    }
    return this.fail(path, 'tall, null, { "unreadable": "…" } eller { "printed", "value", "note" }', v);
  }

  yearValues(v: unknown, path: string): v is YearValues {
    if (!this.object(v, path)) return false;
    for (const [k, cell] of Object.entries(v)) {
      if (!/^(19|20)\d\d$/.test(k)) this.fail(`${path}.${k}`, "et årstall som nøkkel", k);
      else this.cell(cell, `${path}.${k}`);
    }
    return true;
  }

  printed(v: unknown, path: string): v is PrintedRow {
    if (!this.object(v, path)) return false;
    this.number(v.line, `${path}.line`, { integer: true });
    this.string(v.printed, `${path}.printed`);
    this.optional(v, "alignment", path, (x, p) => this.string(x, p, { nullable: true }));
    return true;
  }

  valueRow(v: unknown, path: string): v is ValueRow {
    if (!this.printed(v, path)) return false;
    this.yearValues((v as unknown as Record<string, unknown>).values, `${path}.values`);
    return true;
  }

  labelledRow(v: unknown, path: string): v is LabelledRow {
    if (!this.valueRow(v, path)) return false;
    this.string((v as unknown as Record<string, unknown>).label, `${path}.label`);
    return true;
  }

  nullable(v: unknown, path: string, check: (x: unknown, p: string) => unknown): void {
    if (v !== null) check(v, path);
  }

  record(v: unknown, path: string, check: (x: unknown, p: string) => unknown): void {
    if (!this.object(v, path)) return;
    for (const [k, x] of Object.entries(v)) check(x, `${path}.${k}`);
  }
}

function checkMeasure(w: Walker, m: unknown, path: string, groupIds: ReadonlySet<number>): void {
  if (!w.object(m, path)) return;
  w.string(m.id, `${path}.id`, { nonEmpty: true });
  if (typeof m.id === "string" && !/^\d+\.\d+$/.test(m.id)) w.fail(`${path}.id`, 'et tiltaksnummer som "2.10"', m.id);
  w.string(m.headingId, `${path}.headingId`, { nullable: true });
  if (w.number(m.group, `${path}.group`, { integer: true }) && !groupIds.has(m.group as number)) {
    w.fail(`${path}.group`, "en arbeidsgruppe som finnes i groups", m.group);
  }
  w.string(m.service, `${path}.service`);
  w.string(m.title, `${path}.title`, { nonEmpty: true });
  w.string(m.headingTitle, `${path}.headingTitle`, { nullable: true });
  w.oneOf(m.category, `${path}.category`, CATEGORIES, true);
  w.string(m.categorySource, `${path}.categorySource`, { nullable: true });
  w.boolean(m.inSummary, `${path}.inSummary`);
  w.nullable(m.summary, `${path}.summary`, (x, p) => w.valueRow(x, p));
  if (m.inSummary === true && m.summary === null) w.fail(`${path}.summary`, "en rad når inSummary er true", null);
  w.nullable(m.summaryRepeat ?? null, `${path}.summaryRepeat`, (x, p) => {
    if (w.printed(x, p)) w.boolean((x as unknown as Record<string, unknown>).identical, `${p}.identical`);
  });
  w.nullable(m.groupTable, `${path}.groupTable`, (x, p) => {
    if (!w.valueRow(x, p)) return;
    const g = x as unknown as Record<string, unknown>;
    w.string(g.table, `${p}.table`);
    w.oneOf(g.unit, `${p}.unit`, ["MNOK"]);
  });
  w.nullable(m.detail, `${path}.detail`, (x, p) => {
    if (!w.object(x, p)) return;
    w.string(x.heading, `${p}.heading`);
    w.string(x.unitPrinted, `${p}.unitPrinted`);
    w.oneOf(x.unit, `${p}.unit`, DETAIL_UNITS);
    w.oneOf(x.sign, `${p}.sign`, SIGN_CONVENTIONS);
    if (w.array(x.years, `${p}.years`)) x.years.forEach((y, i) => w.number(y, `${p}.years[${i}]`, { integer: true }));
    w.number(x.line, `${p}.line`, { integer: true });
    if (w.array(x.lines, `${p}.lines`)) x.lines.forEach((r, i) => w.labelledRow(r, `${p}.lines[${i}]`));
    w.nullable(x.net, `${p}.net`, (r, rp) => w.labelledRow(r, rp));
  });
  if (w.object(m.hop, `${path}.hop`)) {
    w.oneOf(m.hop.status, `${path}.hop.status`, HOP_STATUSES);
    w.string(m.hop.note, `${path}.hop.note`);
  }
  if (w.object(m.consequences, `${path}.consequences`)) {
    w.string(m.consequences.users, `${path}.consequences.users`);
    w.string(m.consequences.employees, `${path}.consequences.employees`);
    w.string(m.consequences.investment, `${path}.consequences.investment`, { nullable: true });
  }
  w.string(m.source, `${path}.source`, { nullable: true });
  if (w.array(m.notes, `${path}.notes`)) m.notes.forEach((n, i) => w.string(n, `${path}.notes[${i}]`));
}

function checkTarget(w: Walker, t: unknown, path: string): void {
  if (!w.printed(t, path)) return;
  const r = t as unknown as Record<string, unknown>;
  w.number(r.sparekrav, `${path}.sparekrav`);
  w.number(r.menu, `${path}.menu`);
  w.number(r.printedTotal2029, `${path}.printedTotal2029`);
}

/**
 * Validates untrusted JSON (bundled or user-imported) and returns it typed.
 * Throws CatalogueError listing every problem with its path.
 */
export function validateCatalogue(data: unknown): CatalogueData {
  const w = new Walker();
  if (!w.object(data, "$")) throw new CatalogueError(w.problems);
  if (data.schemaVersion !== 1) w.fail("schemaVersion", "1", data.schemaVersion);

  if (w.object(data.catalogue, "catalogue")) {
    const c = data.catalogue;
    for (const k of ["id", "version", "title", "publisher", "date", "reference"]) w.string(c[k], `catalogue.${k}`, { nonEmpty: true });
    w.oneOf(c.unit, "catalogue.unit", ["MNOK"]);
    if (w.array(c.years, "catalogue.years")) {
      c.years.forEach((y, i) => w.number(y, `catalogue.years[${i}]`, { integer: true }));
      const ys = c.years as number[];
      if (ys.length === 0 || ys.some((y, i) => i > 0 && y !== (ys[i - 1] as number) + 1)) {
        w.fail("catalogue.years", "sammenhengende årstall i stigende rekkefølge", c.years);
      }
    }
    if (w.array(c.planPeriod, "catalogue.planPeriod") && c.planPeriod.length !== 2) {
      w.fail("catalogue.planPeriod", "[fra_år, til_år]", c.planPeriod);
    }
  }

  if (w.object(data.baseline, "baseline")) {
    w.string(data.baseline.basis, "baseline.basis");
    if (w.array(data.baseline.exceptions, "baseline.exceptions")) {
      data.baseline.exceptions.forEach((e, i) => w.printed(e, `baseline.exceptions[${i}]`));
    }
  }

  const groupIds = new Set<number>();
  if (w.array(data.groups, "groups")) {
    data.groups.forEach((g, i) => {
      if (!w.object(g, `groups[${i}]`)) return;
      if (w.number(g.id, `groups[${i}].id`, { integer: true })) {
        if (groupIds.has(g.id as number)) w.fail(`groups[${i}].id`, "et unikt gruppenummer", g.id);
        groupIds.add(g.id as number);
      }
      w.string(g.name, `groups[${i}].name`, { nonEmpty: true });
      w.string(g.section, `groups[${i}].section`);
    });
  }

  if (w.array(data.measures, "measures")) {
    const seen = new Set<string>();
    data.measures.forEach((m, i) => {
      checkMeasure(w, m, `measures[${i}]`, groupIds);
      const id = (m as { id?: unknown } | null)?.id;
      if (typeof id === "string") {
        if (seen.has(id)) w.fail(`measures[${i}].id`, "et unikt tiltaksnummer", id);
        seen.add(id);
      }
    });
  }

  if (w.object(data.totals, "totals")) {
    w.record(data.totals.byGroup, "totals.byGroup", (x, p) => w.valueRow(x, p));
    w.record(data.totals.byCategory, "totals.byCategory", (x, p) => w.valueRow(x, p));
    if (w.object(data.totals.overall, "totals.overall")) {
      for (const k of ["groupTable", "categoryTable", "measureTable"]) w.valueRow(data.totals.overall[k], `totals.overall.${k}`);
    }
  }

  if (w.object(data.targets, "targets")) {
    w.record(data.targets.byGroup, "targets.byGroup", (x, p) => checkTarget(w, x, p));
    checkTarget(w, data.targets.overall, "targets.overall");
  }

  if (w.problems.length > 0) throw new CatalogueError(w.problems);
  return data as unknown as CatalogueData;
}
