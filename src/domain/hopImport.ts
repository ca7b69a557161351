// Importing HØP figures from a range a controller selects in someone else's sheet. A figure must never
// land in the wrong year, unit or measure: the header row is found by the plan years it holds, the id
// column by the measure numbers it holds, ids are read as the cell shows them, and a selection whose
// figures look like another unit is refused whole. Every row or column that cannot be used is reported
// with the reason; nothing is dropped, guessed or counted silently.
import { columnLetters } from "./a1";
import type { Catalogue } from "./catalogue";
import { effect } from "./effects";
import type { ExistingTable, StoredCell } from "./insertPlan";
import { catalogueLayout, DEFAULT_TABLE_NAMES } from "./layout";

export type Raw = string | number | boolean | null | undefined;

export interface HopImportRow {
  readonly id: string;
  readonly row: number; // 1-based sheet row (as the user sees it)
  readonly values: Readonly<Record<string, number>>;
}

export interface HopImport {
  /** The years imported, in the selection's column order. */
  readonly years: readonly number[];
  readonly rows: readonly HopImportRow[];
  readonly problems: readonly string[];
}

export interface HopImportOptions {
  /** Displayed text of each cell (Range.text), same shape as the values: "2.10" where the value is 2.1. */
  readonly text?: readonly (readonly Raw[])[];
  /** 0-based sheet row and column of values[0][0], so problems name rows and columns as the user sees them. */
  readonly origin?: { readonly row: number; readonly col: number };
  /** Years the HØP table has a «HØP <år>» column for (default: the plan period). */
  readonly tableYears?: readonly number[];
}

export const EMPTY_SELECTION = "Merk et område med tiltaksnummer i første kolonne og ett år per kolonne.";

const blank = (v: Raw) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
// Messages show numbers the Norwegian way (decimal comma); "-" rather than U+2212 as elsewhere.
const nb = (x: number) => x.toLocaleString("nb-NO", { maximumFractionDigits: 6 }).replace("\u2212", "-");

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

const boundsCache = new WeakMap<Catalogue, Bounds | null>();

/**
 * The range the HØP columns' own data validation allows. Office.js writes bypass validation, so the
 * import applies it itself; read from the layout so the two cannot drift apart. No findings are passed:
 * only the HØP columns are wanted, and reconciling the catalogue would be wasted work.
 */
export function hopBounds(cat: Catalogue): Bounds | null {
  if (boundsCache.has(cat)) return boundsCache.get(cat) ?? null;
  const hop = catalogueLayout(cat, DEFAULT_TABLE_NAMES, []).find((t) => t.key === "hop");
  const v = hop?.columns.find((c) => c.name.startsWith("HØP ") && c.validation?.kind === "decimal")?.validation;
  const bounds = v?.kind === "decimal" ? { min: v.min, max: v.max } : null;
  boundsCache.set(cat, bounds);
  return bounds;
}

// ---- measure numbers

// "group<sep>number": either separator, whatever the locale, since the id is not a decimal number.
const ID_TEXT = /^(?:tiltak\s*)?(\d{1,2})[.,](\d{1,2})$/i;

function idText(s: Raw): string | null {
  if (typeof s !== "string") return null;
  const m = ID_TEXT.exec(s.trim());
  return m ? `${m[1]}.${m[2]}` : null;
}

const byNumberCache = new WeakMap<Catalogue, Map<number, string[]>>();

/** Catalogue ids by the number Excel would turn them into ("2.1" and "2.10" both become 2.1). */
function idsByNumber(cat: Catalogue): Map<number, string[]> {
  let map = byNumberCache.get(cat);
  if (!map) {
    map = new Map();
    for (const m of cat.measures) {
      if (!ID_TEXT.test(m.id)) continue;
      const n = Number(m.id);
      map.set(n, [...(map.get(n) ?? []), m.id]);
    }
    byNumberCache.set(cat, map);
  }
  return map;
}

type IdCell =
  | { readonly kind: "id"; readonly id: string }
  | { readonly kind: "unknown"; readonly id: string }
  | { readonly kind: "ambiguous"; readonly ids: readonly string[] }
  | { readonly kind: "not-id" };

/**
 * The measure a cell names. Text is taken as written. A number is what Excel made of what was typed:
 * "2.10" becomes 2.1, so a number that two measures share is resolved only by a display that shows
 * more decimals than the number needs (a fixed-decimal format: what the user reads); otherwise it is
 * ambiguous and reported, never guessed.
 */
function readId(cat: Catalogue, v: Raw, text: string): IdCell {
  if (typeof v === "string") {
    // A catalogue's own codes ("BHG-3") first: only group.number ids need the separator rules below.
    const exact = v.trim();
    if (exact !== "" && cat.measure(exact)) return { kind: "id", id: exact };
    const id = idText(v);
    if (id === null) return { kind: "not-id" };
    return cat.measure(id) ? { kind: "id", id } : { kind: "unknown", id };
  }
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) return { kind: "not-id" };
  const candidates = idsByNumber(cat).get(v) ?? [];
  const shown = idText(text);
  if (candidates.length === 1) return { kind: "id", id: candidates[0]! };
  if (candidates.length > 1) {
    if (shown !== null && shown !== String(v) && candidates.includes(shown)) return { kind: "id", id: shown };
    return { kind: "ambiguous", ids: candidates };
  }
  const plain = idText(String(v));
  return plain !== null ? { kind: "unknown", id: plain } : { kind: "not-id" };
}

// ---- header: years and the id column

// Headers that name an id column; only a tie-breaker, since «Tiltak» is as often the measure's title.
export const ID_HEADER = /^(nr\.?|nummer|tiltaksnr\.?|tiltaksnummer|tiltak\s*nr\.?|id)$/i;

// A year standing alone in a header: "2027", "ØP 2027", "2027 (mill. kr)"; "2026–2029" holds two.
const YEAR = /(^|\D)((?:19|20)\d{2})(?=\D|$)/g;
// Headers with a year that are not the plan's figure for that year (sums, accounts, changes, the
// measure's own figure in our HØP table): reported, not imported.
const NOT_PLAN_FIGURE = /sum|total|regnskap|endring|differanse|avvik|akkum|kumul|tiltak/i;

export function headerYear(v: Raw): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1900 && v <= 2099 ? v : null;
  if (typeof v !== "string" || NOT_PLAN_FIGURE.test(v)) return null;
  const years = new Set([...v.matchAll(YEAR)].map((m) => Number(m[2])));
  return years.size === 1 ? [...years][0]! : null;
}

// ---- units

export type Unit = "thousand" | "kroner" | "percent";

const UNIT_MESSAGE: Readonly<Record<Unit, string>> = {
  thousand: "Tallene ser ut til å være i 1000 kr; HØP-kolonnene er i mill. kr. Del på 1000 og importer på nytt. Ingenting er importert.",
  kroner: "Tallene ser ut til å være i kroner; HØP-kolonnene er i mill. kr. Del på 1 000 000 og importer på nytt. Ingenting er importert.",
  percent: "Tallene ser ut til å være prosent eller andeler, ikke beløp; HØP-kolonnene er i mill. kr. Importer beløpene i mill. kr. Ingenting er importert.",
};

/** A unit a header or title names, when it is not mill. kr. */
export function statedUnit(s: Raw): Unit | null {
  if (typeof s !== "string") return null;
  if (/%|prosent/i.test(s)) return "percent";
  if (/mill|mnok|mln/i.test(s)) return null;
  if (/1[\s.\u00a0]?000\s*(kr|nok)|tusen|\btkr\b|\btnok\b|\bknok\b/i.test(s)) return "thousand";
  if (/\b(kr|kroner|nok)\b/i.test(s)) return "kroner";
  return null;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const largestCache = new WeakMap<Catalogue, number>();

/** The largest plan figure (absolute, mill. kr) of any measure in any plan year. */
function largestPlan(cat: Catalogue): number {
  let max = largestCache.get(cat);
  if (max === undefined) {
    max = 0;
    const [from, to] = cat.planPeriod;
    for (const m of cat.measures) {
      for (let y = from; y <= to; y++) {
        const o = effect(cat, m.id, y);
        if (o.ok) max = Math.max(max, Math.abs(o.value));
      }
    }
    largestCache.set(cat, max);
  }
  return max;
}

/**
 * The unit the figures are likely in when it is not mill. kr, by comparing each with the catalogue's
 * plan figure for the same measure and year: a HØP figure may disagree with the measure, but not by a
 * thousandfold (1000 kr) or a millionfold (kroner). Where no measure has a plan figure to compare with,
 * against the largest figure the catalogue plans for any measure.
 */
function likelyUnit(cat: Catalogue, figures: readonly { id: string; year: number; value: number }[]): Unit | null {
  const nonZero = figures.filter((f) => f.value !== 0);
  if (nonZero.length === 0) return null;
  const ratios: number[] = [];
  const sizable: number[] = [];
  for (const f of nonZero) {
    const o = effect(cat, f.id, f.year);
    if (!o.ok || o.value === 0) continue;
    const r = Math.log10(Math.abs(f.value / o.value));
    ratios.push(r);
    if (Math.abs(o.value) >= 1) sizable.push(r);
  }
  if (ratios.length > 0) {
    const m = median(ratios);
    if (m >= 4.5) return "kroner";
    if (m >= 2) return "thousand";
  } else {
    const largest = largestPlan(cat);
    if (largest > 0) {
      const m = Math.log10(median(nonZero.map((f) => Math.abs(f.value))) / largest);
      if (m >= 3.5) return "kroner";
      if (m >= 0.7) return "thousand";
    }
  }
  // Fractions: every figure under 1 while measures of a million or more plan ten times as much (with
  // three or more such figures) or thirty times as much (with one or two). Less evidence than that
  // cannot tell 0.05 (5 %) from a small HØP line of 50 000 kr, and refusing a real plan is no fix.
  if (sizable.length > 0 && nonZero.every((f) => Math.abs(f.value) < 1) && median(sizable) <= (sizable.length >= 3 ? -1 : -1.5)) return "percent";
  return null;
}

// ---- the parse

const refuse = (years: readonly number[], problem: string): HopImport => ({ years, rows: [], problems: [problem] });

/** Parses a selection into figures per measure and year; `values` is the selection as it stands. */
export function parseHopImport(cat: Catalogue, values: readonly (readonly Raw[])[], options: HopImportOptions = {}): HopImport {
  const [from, to] = cat.planPeriod;
  const planYears: number[] = [];
  for (let y = from; y <= to; y++) planYears.push(y);
  const tableYears = new Set(options.tableYears ?? planYears);
  const origin = options.origin ?? { row: 0, col: 0 };
  const width = Math.max(0, ...values.map((r) => r.length));
  if (values.length === 0 || width < 2) return refuse([], EMPTY_SELECTION);

  const cell = (r: number, c: number): Raw => values[r]?.[c];
  const text = (r: number, c: number): string => {
    const t = options.text?.[r]?.[c];
    if (t !== undefined && t !== null) return String(t);
    const v = cell(r, c);
    return v === null || v === undefined ? "" : String(v);
  };
  const rowNo = (r: number) => origin.row + r + 1;
  const colName = (c: number) => {
    const head = text(header, c).trim();
    return `kolonne ${columnLetters(origin.col + c)}${head ? ` «${head}»` : " (uten overskrift)"}`;
  };
  const period = `${from}–${to}`;

  // Header: among the rows above the first row naming a catalogue measure, the one with the most plan
  // years (on a tie the lower, nearest the data): title rows above it are allowed, data rows are not.
  const headerYears = new Set([...planYears, ...tableYears]);
  let firstData = values.length;
  for (let r = 0; r < values.length && firstData === values.length; r++) {
    for (let c = 0; c < width; c++) {
      const k = readId(cat, cell(r, c), text(r, c)).kind;
      if (k === "id" || k === "ambiguous") firstData = r;
    }
  }
  let header = -1;
  let most = 0;
  for (let r = 0; r < firstData; r++) {
    let n = 0;
    for (let c = 0; c < width; c++) {
      const y = headerYear(cell(r, c));
      if (y !== null && headerYears.has(y)) n++;
    }
    if (n > 0 && n >= most) {
      most = n;
      header = r;
    }
  }
  if (header < 0) {
    return refuse(
      [],
      `Fant ingen overskriftsrad med årstall i planperioden (${period}) over tallene, så ingenting er importert. Ta med raden med årstallene, f.eks. «${from}» eller «ØP ${from}».`,
    );
  }
  const dataRows: number[] = [];
  for (let r = header + 1; r < values.length; r++) dataRows.push(r);

  // Id column: the column (not a year column) naming the most catalogue measures; on a tie one headed
  // like an id column, then the leftmost. A header alone does not decide: «Tiltak» is often the title.
  const yearOf = new Map<number, number>();
  for (let c = 0; c < width; c++) {
    const y = headerYear(cell(header, c));
    if (y !== null) yearOf.set(c, y);
  }
  let idCol = -1;
  let best = [0, 0];
  for (let c = 0; c < width; c++) {
    if (yearOf.has(c)) continue;
    let known = 0;
    let shaped = 0;
    for (const r of dataRows) {
      const k = readId(cat, cell(r, c), text(r, c)).kind;
      if (k === "id" || k === "ambiguous") known++;
      if (k !== "not-id") shaped++;
    }
    const named = ID_HEADER.test(text(header, c).trim()) ? 1 : 0;
    const score = [known, shaped + named * 0.5];
    if (score[0]! > best[0]! || (score[0] === best[0] && score[1]! > best[1]!)) {
      best = score;
      idCol = c;
    }
  }
  if (idCol < 0) {
    return refuse([], "Fant ingen kolonne med tiltaksnummer (f.eks. 2.10) under overskriftsraden, så ingenting er importert.");
  }

  // Columns: a plan year the table has, a plan year the table lacks, or something else.
  const problems: string[] = [];
  const columnsOf = new Map<number, number[]>();
  const lacking: number[] = [];
  const other: number[] = [];
  const hasContent = (c: number) => !blank(cell(header, c)) || dataRows.some((r) => !blank(cell(r, c)));
  for (let c = 0; c < width; c++) {
    if (c === idCol) continue;
    const y = yearOf.get(c);
    if (y !== undefined && tableYears.has(y)) columnsOf.set(y, [...(columnsOf.get(y) ?? []), c]);
    else if (y !== undefined && planYears.includes(y)) lacking.push(c);
    else if (hasContent(c)) other.push(c);
  }
  const yearCols = new Map<number, number>(); // column → year, for the years imported
  for (const [y, cols] of columnsOf) {
    if (cols.length === 1) yearCols.set(cols[0]!, y);
    else problems.push(`År ${y} står i flere kolonner (${cols.map(colName).join(", ")}); tallene for ${y} er ikke importert. Merk bare én kolonne per år.`);
  }
  for (const c of lacking) {
    const y = yearOf.get(c)!;
    const n = dataRows.filter((r) => typeof cell(r, c) === "number").length;
    problems.push(`HØP-tabellen har ingen kolonne «HØP ${y}», så ${colName(c)} er ikke importert (${n} tall).`);
  }
  if (other.length > 0) problems.push(`Ikke importert (ikke år i planperioden ${period}): ${other.map(colName).join(", ")}.`);
  const years = [...yearCols.entries()].sort((a, b) => a[0] - b[0]).map(([, y]) => y);
  if (years.length === 0) {
    return { years, rows: [], problems: [...problems, `Ingen kolonne kan importeres, så ingenting er importert.`] };
  }

  // The unit, from what the year headers say ("2027 (1000 kr)"), then from the figures themselves.
  // Titles are not read for it: a title's "5 %" or "kr" is too often about something else.
  const figureCols = [...yearCols.keys()];
  for (const c of figureCols) {
    const u = statedUnit(cell(header, c));
    if (u) return refuse(years, UNIT_MESSAGE[u]);
  }
  if (dataRows.some((r) => figureCols.some((c) => /%\s*$/.test(text(r, c))))) return refuse(years, UNIT_MESSAGE.percent);

  const bounds = hopBounds(cat);
  const byId = new Map<string, number[]>();
  const parsed: HopImportRow[] = [];
  const figures: { id: string; year: number; value: number }[] = [];
  for (const r of dataRows) {
    const n = rowNo(r);
    const hasFigures = [...yearCols.keys(), ...lacking].some((c) => !blank(cell(r, c)));
    const idRaw = cell(r, idCol);
    const id = readId(cat, idRaw, text(r, idCol));
    if (id.kind === "not-id") {
      if (!hasFigures) continue; // labels and blank rows carry nothing to import
      if (blank(idRaw)) problems.push(`Rad ${n}: ingen tiltaksnummer i kolonne ${columnLetters(origin.col + idCol)}; tallene er ikke importert.`);
      else {
        const serial = typeof idRaw === "number" && Number.isInteger(idRaw) && idRaw >= 20000 && idRaw <= 80000;
        problems.push(`Rad ${n}: «${text(r, idCol)}» er ikke et tiltaksnummer (skriv f.eks. '2.10 som tekst).${serial ? " Tallet ser ut som en dato: Excel gjør om f.eks. 2.10 til en dato." : ""}`);
      }
      continue;
    }
    if (id.kind === "unknown") {
      problems.push(`Rad ${n}: tiltak ${id.id} finnes ikke i katalogen.`);
      continue;
    }
    if (id.kind === "ambiguous") {
      const ids = id.ids.join(" eller ");
      problems.push(`Rad ${n}: «${text(r, idCol)}» kan være tiltak ${ids} (Excel gjør om f.eks. 2.10 til tallet 2,1). Skriv nummeret som tekst, f.eks. '${id.ids[id.ids.length - 1]}, og importer på nytt.`);
      continue;
    }
    const vals: Record<string, number> = {};
    let bad = false;
    for (const [c, y] of yearCols) {
      const v = cell(r, c);
      if (blank(v)) continue;
      if (typeof v === "number" && Number.isFinite(v)) {
        vals[String(y)] = v;
        figures.push({ id: id.id, year: y, value: v });
      } else {
        bad = true;
        problems.push(`Rad ${n}, ${y}: «${text(r, c)}» er ikke et tall. Raden er ikke importert.`);
      }
    }
    if (bad) continue;
    const outside = bounds ? Object.entries(vals).filter(([, v]) => v < bounds.min || v > bounds.max) : [];
    if (bounds && outside.length > 0) {
      for (const [y] of outside) {
        const c = [...yearCols].find(([, yy]) => String(yy) === y)![0];
        problems.push(`Rad ${n}, ${y}: «${text(r, c)}» er utenfor det HØP-kolonnene tillater (${nb(bounds.min)} til ${nb(bounds.max)} mill. kr). Raden er ikke importert.`);
      }
      continue;
    }
    if (Object.keys(vals).length === 0) {
      problems.push(`Rad ${n}: tiltak ${id.id} har ingen tall for ${years.join(", ")}; raden er ikke importert.`);
      continue;
    }
    byId.set(id.id, [...(byId.get(id.id) ?? []), n]);
    parsed.push({ id: id.id, row: n, values: vals });
  }
  const unit = likelyUnit(cat, figures);
  if (unit) return refuse(years, UNIT_MESSAGE[unit]);

  const rows: HopImportRow[] = [];
  for (const r of parsed) {
    const dup = byId.get(r.id)!;
    if (dup.length > 1) {
      if (dup[0] === r.row) problems.push(`Tiltak ${r.id} står flere ganger (rad ${dup.join(", ")}); ingen av radene er importert.`);
      continue;
    }
    rows.push(r);
  }
  return { years, rows, problems };
}

// ---- into the HØP table

export interface HopWrite {
  readonly row: number; // 0-based body row of the HØP table
  readonly col: number; // 0-based table column
  readonly value: number;
}

export interface HopWritePlan {
  readonly writes: readonly HopWrite[];
  /** Rows that changed at least one figure. */
  readonly imported: number;
  /** Rows whose figures were all there already. */
  readonly unchanged: number;
  /** Figures that overwrote a different, non-blank one. */
  readonly replaced: number;
  readonly problems: readonly string[];
}

/** Years the HØP table has a column for («HØP 2027»). */
export function hopTableYears(t: ExistingTable): number[] {
  return t.header.flatMap((h) => {
    const m = /^HØP (\d{4})$/.exec(h);
    return m ? [Number(m[1])] : [];
  });
}

const isBlank = (v: StoredCell | undefined) => v === undefined || v === null || v === "";

/** What to write into the HØP table: only figures that differ from what is there. */
export function planHopWrites(parsed: HopImport, t: ExistingTable): HopWritePlan {
  const problems = [...parsed.problems];
  const nr = t.header.indexOf("Nr");
  const writes: HopWrite[] = [];
  let imported = 0;
  let unchanged = 0;
  let replaced = 0;
  for (const r of parsed.rows) {
    const i = t.body.findIndex((row) => String(row[nr] ?? "") === r.id);
    if (i < 0) {
      problems.push(`Tiltak ${r.id} har ingen rad i HØP-tabellen (tiltaket står ikke i sammendraget).`);
      continue;
    }
    let changed = false;
    for (const [y, v] of Object.entries(r.values)) {
      const c = t.header.indexOf(`HØP ${y}`);
      if (c < 0) {
        problems.push(`Rad ${r.row}: HØP-tabellen har ingen kolonne «HØP ${y}»; tallet for ${y} er ikke importert.`);
        continue;
      }
      const before = t.body[i]?.[c];
      if (before === v) continue;
      if (!isBlank(before)) replaced++;
      writes.push({ row: i, col: c, value: v });
      changed = true;
    }
    if (changed) imported++;
    else unchanged++;
  }
  return { writes, imported, unchanged, replaced, problems };
}
