// Validates catalogue data (bundled or user-supplied) and reports every problem with its exact path
// (e.g. `measures[12].summary.values.2027: forventet tall eller null, fikk "x"`), so a user can find the
// bad cell. The shape and each field's bounds are the schema in catalogueSchema.ts; this file adds
// reading untrusted input safely and the rules that relate fields to each other (years, groups, ids).
import * as v from "valibot";
import { catalogueSchemaFor, spaced, type CatalogueInput } from "./catalogueSchema";
import type { CatalogueData, YearValues } from "./types";

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
/** Real catalogues nest 7 levels; cycles and hostile nesting stop here instead of overflowing the stack. */
const MAX_DEPTH = 32;
/** Values (objects, arrays, leaves) read from the input: ~110 per measure in Elverum's, so 10 000 measures fit. */
const MAX_NODES = 2_000_000;
/** JSON text: 64 Mi characters, a little more than 10 000 measures of the Elverum kind (≈ 5.6 kB each). */
const MAX_TEXT = 64 * 1024 * 1024;

/** What was found, briefly: short lists of numbers are shown, long text is cut. */
function describe(got: unknown): string {
  if (got === undefined) return "ingenting";
  if (got === null) return "null";
  if (typeof got === "string") return JSON.stringify(got.length > 40 ? got.slice(0, 40) + "…" : got);
  if (Array.isArray(got)) {
    const short = got.length > 0 && got.length <= 6 && got.every((x) => x === null || typeof x === "number" || typeof x === "boolean");
    return short ? `[${got.map(String).join(", ")}]` : "en liste";
  }
  if (typeof got === "object") return "et objekt";
  return String(got);
}

type Path = readonly (string | number)[];

function pathText(path: Path): string {
  if (path.length === 0) return "$";
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

class Problems {
  readonly list: string[] = [];
  add(path: Path, expected: string, got: unknown, gotText = describe(got)): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(`${pathText(path)}: forventet ${expected}, fikk ${gotText}`);
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new CatalogueError(this.list);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading untrusted input: a private copy of exactly what was given. No JSON round trip (it turned
// NaN/Infinity into null = blank and threw on cycles), no recursion without a bound, nothing but
// plain JSON values, and no "__proto__" keys (an own "__proto__" would become a prototype on copy).

function isPlainObject(x: object): boolean {
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function plainCopy(input: unknown, problems: Problems): unknown {
  let nodes = 0;
  let chars = 0;
  const JSON_VALUE = "JSON-data (tall, tekst, true/false, null, liste eller objekt)";
  const node = (x: unknown, path: (string | number)[]): unknown => {
    if (++nodes > MAX_NODES) throw new CatalogueError([`$: forventet høyst ${spaced(MAX_NODES)} verdier i katalogen, fikk flere`]);
    // Unknown keys are kept unvalidated, so the text they carry is bounded here, like JSON text is.
    if (typeof x === "string" && (chars += x.length) > MAX_TEXT) throw new CatalogueError([`$: forventet høyst ${spaced(MAX_TEXT)} tegn tekst i katalogen, fikk flere`]);
    if (x === null || typeof x === "string" || typeof x === "boolean" || x === undefined) return x;
    if (typeof x === "number") return x === 0 ? 0 : x; // -0 → 0; NaN and ±Infinity stay, for the schema to refuse
    if (typeof x !== "object") {
      problems.add(path, JSON_VALUE, typeof x === "bigint" ? `${x}n` : typeof x);
      return undefined;
    }
    if (path.length >= MAX_DEPTH) throw new CatalogueError([`${pathText(path)}: forventet høyst ${MAX_DEPTH} nivåer med lister og objekter, fikk flere`]);
    if (Array.isArray(x)) {
      const out: unknown[] = [];
      for (let i = 0; i < x.length; i++) out.push(copy(() => x[i], [...path, i]));
      return out;
    }
    if (!isPlainObject(x)) {
      problems.add(path, JSON_VALUE, Object.prototype.toString.call(x).slice(8, -1));
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x)) {
      if (k === "__proto__") problems.add([...path, k], "et annet nøkkelnavn", k);
      else {
        const value = copy(() => (x as Record<string, unknown>)[k], [...path, k]);
        if (value !== undefined) out[k] = value;
      }
    }
    return out;
  };
  // Getters and proxies run user code on every read: a throw becomes a problem at that path.
  const copy = (read: () => unknown, path: (string | number)[]): unknown => {
    try {
      return node(read(), path);
    } catch (e) {
      if (e instanceof CatalogueError) throw e;
      problems.add(path, "en verdi som kan leses", undefined, "en feil");
      return undefined;
    }
  };
  return copy(() => input, []);
}

// ---------------------------------------------------------------------------------------------
// Schema issues as Norwegian path errors.

function reportIssues(issues: readonly v.BaseIssue<unknown>[], prefix: Path, problems: Problems): void {
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path ?? []).map((p) => p.key as string | number)];
    // A cell that is an object but matches neither form: name the field that is wrong, not the union.
    const present = issue.type === "union" ? (issue.issues ?? []).filter((s) => s.path?.[0]?.origin === "value") : [];
    // A key that is wrong in one form and forbidden in the other: the form it was meant for speaks.
    const inner = present.some((s) => s.type !== "never") ? present.filter((s) => s.type !== "never") : present;
    if (inner.length > 0) reportIssues(inner, path, problems);
    else problems.add(path, issue.message, issue.input);
  }
}

// ---------------------------------------------------------------------------------------------
// Rules across fields: every year a table has, and only those; groups, categories and ids that exist.

function range(ys: readonly number[]): string {
  return ys.length === 0 ? "ingen" : `${ys[0]}–${ys[ys.length - 1]}`;
}

/**
 * `values` has a key for every year in `must` (null for a blank cell: a missing key used to read as 0) and
 * none outside the catalogue's years. A detail row may carry other catalogue years only as blanks.
 */
function checkYears(p: Problems, path: Path, values: YearValues, must: readonly number[], may: readonly number[], table: string | null): void {
  for (const y of must) {
    if (!Object.prototype.hasOwnProperty.call(values, String(y))) p.add([...path, String(y)], `en celle for hvert år i ${table} (null når cellen er blank)`, undefined);
  }
  for (const [k, c] of Object.entries(values)) {
    const y = Number(k);
    if (!may.includes(y)) p.add([...path, k], `bare år i catalogue.years (${range(may)})`, undefined, k);
    else if (table !== null && !must.includes(y) && c !== null) p.add([...path, k], `null: tabellen har ingen kolonne for ${k} (${table} er ${range(must)})`, c);
  }
}

function checkRelations(d: CatalogueInput, p: Problems): void {
  const years = d.catalogue.years;
  if (years.some((y, i) => i > 0 && y !== (years[i - 1] as number) + 1)) {
    p.add(["catalogue", "years"], "sammenhengende årstall i stigende rekkefølge", years);
  }
  const [from, to] = d.catalogue.planPeriod;
  if (from > to || !years.includes(from) || !years.includes(to)) {
    p.add(["catalogue", "planPeriod"], `[fra_år, til_år] innenfor catalogue.years (${range(years)}), fra_år ≤ til_år`, d.catalogue.planPeriod);
  }
  const all = (path: Path, values: YearValues) => checkYears(p, path, values, years, years, "catalogue.years");

  // Categories: declared once each; a measure's category and the category totals' keys come from the list.
  const categories = new Set<string>();
  d.catalogue.categories.forEach((c, i) => {
    if (categories.has(c)) p.add(["catalogue", "categories", i], "en kategori som ikke står i listen fra før", c);
    categories.add(c);
  });
  const knownCategory =
    d.catalogue.categories.length > 0 ? `en av catalogue.categories (${d.catalogue.categories.map((c) => `"${c}"`).join(", ")})` : "en kategori i catalogue.categories (listen er tom)";

  const groups = new Set<number>();
  d.groups.forEach((g, i) => {
    if (groups.has(g.id)) p.add(["groups", i, "id"], "et unikt gruppenummer", g.id);
    groups.add(g.id);
  });
  const knownGroupKey = (path: Path, record: Readonly<Record<string, unknown>>) => {
    for (const k of Object.keys(record)) if (!groups.has(Number(k))) p.add([...path, k], "en arbeidsgruppe som finnes i groups", undefined, k);
  };

  const ids = new Set<string>();
  d.measures.forEach((m, i) => {
    const at = ["measures", i];
    if (ids.has(m.id)) p.add([...at, "id"], "et unikt tiltaksnummer", m.id);
    ids.add(m.id);
    if (!groups.has(m.group)) p.add([...at, "group"], "en arbeidsgruppe som finnes i groups", m.group);
    if (m.category !== null && !categories.has(m.category)) p.add([...at, "category"], `${knownCategory} eller null`, m.category);
    if (m.inSummary && m.summary === null) p.add([...at, "summary"], "en rad når inSummary er true", null);
    if (m.summary) all([...at, "summary", "values"], m.summary.values);
    if (m.groupTable) checkYears(p, [...at, "groupTable", "values"], m.groupTable.values, [], years, null); // its keys are its columns
    const dt = m.detail;
    if (dt) {
      dt.years.forEach((y, j) => {
        if (!years.includes(y)) p.add([...at, "detail", "years", j], `et år i catalogue.years (${range(years)})`, y);
        else if (j > 0 && y <= (dt.years[j - 1] as number)) p.add([...at, "detail", "years", j], "årstall i stigende rekkefølge uten gjentakelser", y);
      });
      const rows: [Path, YearValues][] = dt.lines.map((l, j) => [[...at, "detail", "lines", j, "values"], l.values]);
      if (dt.net) rows.push([[...at, "detail", "net", "values"], dt.net.values]);
      for (const [path, values] of rows) checkYears(p, path, values, dt.years, years, "detail.years");
    }
  });

  d.baseline?.exceptions.forEach((e, i) => {
    if (e.measure !== null && !ids.has(e.measure)) p.add(["baseline", "exceptions", i, "measure"], "et tiltaksnummer som finnes i measures, eller null", e.measure);
  });

  const t = d.totals;
  knownGroupKey(["totals", "byGroup"], t.byGroup);
  for (const [k, r] of Object.entries(t.byGroup)) all(["totals", "byGroup", k, "values"], r.values);
  for (const [k, r] of Object.entries(t.byCategory)) {
    if (!categories.has(k)) p.add(["totals", "byCategory", k], knownCategory, undefined, k);
    all(["totals", "byCategory", k, "values"], r.values);
  }
  for (const k of ["groupTable", "categoryTable", "measureTable"] as const) {
    const row = t.overall[k];
    if (row) all(["totals", "overall", k, "values"], row.values);
    const repeat = t.overallRepeat?.[k];
    if (repeat) all(["totals", "overallRepeat", k, "values"], repeat.values);
  }
  if (t.byGroupRepeat) {
    knownGroupKey(["totals", "byGroupRepeat"], t.byGroupRepeat);
    for (const [k, r] of Object.entries(t.byGroupRepeat)) all(["totals", "byGroupRepeat", k, "values"], r.values);
  }
  knownGroupKey(["targets", "byGroup"], d.targets.byGroup);
}

type Target = CatalogueInput["targets"]["overall"];

/**
 * Older catalogues name the plan period's printed total after Elverum's year (`printedTotal2029`): it is
 * read as `printedTotal`; given both, they must agree. The old key is not kept.
 */
function upgradeTargets(d: CatalogueInput, p: Problems): void {
  const upgrade = (t: Target, path: Path) => {
    const old = t.printedTotal2029;
    if (old === undefined) return;
    const m = t as { printedTotal: number | null; printedTotal2029?: number };
    if (m.printedTotal === null) m.printedTotal = old;
    else if (m.printedTotal !== old) p.add([...path, "printedTotal2029"], `det samme tallet som printedTotal (${m.printedTotal}), eller ingenting`, old);
    delete m.printedTotal2029;
  };
  for (const [k, t] of Object.entries(d.targets.byGroup)) upgrade(t, ["targets", "byGroup", k]);
  upgrade(d.targets.overall, ["targets", "overall"]);
}

// Compile-time proof that whatever the schema accepts is a CatalogueData (types.ts stays the API).
const asCatalogueData = (d: CatalogueInput): CatalogueData => d;

/**
 * Validates untrusted data (bundled, user-imported or rebuilt from the workbook) and returns a private,
 * typed copy. Throws CatalogueError listing the problems with their paths, and nothing else, whatever
 * `data` is (cycles, getters that throw, NaN, 10 000 levels of nesting…).
 */
export function validateCatalogue(data: unknown): CatalogueData {
  const problems = new Problems();
  try {
    const copy = plainCopy(data, problems);
    problems.throwIfAny();
    if (typeof copy !== "object" || copy === null || Array.isArray(copy)) {
      problems.add([], "et objekt", copy);
      problems.throwIfAny();
    }
    // Amounts are bounded in the catalogue's own unit: the schema for that unit checks them.
    const unit = (copy as { catalogue?: { unit?: unknown } }).catalogue?.unit === "TNOK" ? "TNOK" : "MNOK";
    const parsed = v.safeParse(catalogueSchemaFor(unit), copy, { abortPipeEarly: true });
    if (!parsed.success) reportIssues(parsed.issues, [], problems);
    problems.throwIfAny();
    const output = parsed.output as CatalogueInput;
    upgradeTargets(output, problems);
    checkRelations(output, problems);
    problems.throwIfAny();
    return asCatalogueData(output);
  } catch (e) {
    if (e instanceof CatalogueError) throw e;
    // Anything unforeseen (reads that throw are already problems with a path): still the loader's error.
    throw new CatalogueError([`$: kunne ikke leses (${e instanceof Error ? e.name : typeof e})`]);
  }
}

/** Parses JSON text (a UTF-8 BOM is allowed) or takes already parsed data, and validates it. */
export function parseCatalogueJson(input: unknown): CatalogueData {
  let data = input;
  if (typeof input === "string") {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.length > MAX_TEXT) throw new CatalogueError([`$: forventet høyst ${spaced(MAX_TEXT)} tegn JSON, fikk ${spaced(text.length)}`]);
    try {
      data = JSON.parse(text);
    } catch (e) {
      const detail = e instanceof SyntaxError ? e.message : e instanceof Error ? e.name : "ukjent feil";
      throw new CatalogueError([`$: ikke gyldig JSON (${detail})`]);
    }
  }
  return validateCatalogue(data);
}

