// Two ways in, one validation. A catalogue file (JSON in docs/catalogue-format.md) and a table in the open
// workbook (one row per measure, years as columns: the shape of our Tiltak table, and optionally a lines
// table like Tiltakslinjer) both end in the same loader (validate.ts): whatever it refuses is refused, with
// its Norwegian path errors, and nothing is half-loaded. Headers are recognised as the HØP import does
// (hopImport.ts: "2027", "ØP 2027", "2027 (1000 kr)"; "Nr", "Tiltaksnummer"…).
//
// The active catalogue as stored in the workbook is storedCatalogue.ts (re-exported here).
import { loadCatalogue, type Catalogue } from "./catalogue";
import { LIMITS, spaced } from "./catalogueSchema";
import { decimalsOf, scaleByPowerOfTen } from "./decimal";
import { cellFromWorkbook } from "./edited";
import { headerYear, ID_HEADER, statedUnit, type Raw } from "./hopImport";
import { HOP_LABEL } from "./labels";
import { HOP_STATUSES, type Cell, type CatalogueUnit, type DetailUnit, type HopStatus } from "./types";
import { megabytes, storedCatalogueText, utf8Length } from "./storedCatalogue";
import { CatalogueError } from "./validate";

export { CatalogueError } from "./validate";
export { CATALOGUE_SETTING, MAX_STORED_BYTES, parseStoredCatalogue, storedCatalogueText, utf8Length, type StoredCatalogue } from "./storedCatalogue";

// ---------------------------------------------------------------------------------------------
// Limits

/** A catalogue file may be indented and carry notes the workbook need not: read up to 8 MiB, store ≤ 2 MiB. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** A workbook table to import: the rows and columns a catalogue can hold, with room for headers and totals. */
export const MAX_TABLE_ROWS = LIMITS.measures + 50;
export const MAX_LINE_ROWS = 50_000;
export const MAX_TABLE_COLUMNS = 200;

// ---------------------------------------------------------------------------------------------
// (a) A catalogue file

/** UTF-8 text of a file's bytes; UTF-16 and bytes that are not UTF-8 are refused with what to do. */
function decode(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CatalogueError(["$: filen er lagret som UTF-16; lagre den som UTF-8 (JSON) og prøv igjen"]);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CatalogueError(["$: filen er ikke UTF-8-tekst; en katalog er en JSON-fil i UTF-8"]);
  }
}

/**
 * A catalogue file as the user picked it (bytes, or text already read): bounded, decoded as UTF-8 (a byte
 * order mark is fine), validated by the loader, and small enough to be stored in the workbook. Throws
 * CatalogueError with Norwegian path errors, and nothing else.
 */
export function catalogueFromFile(input: ArrayBuffer | Uint8Array | string): Catalogue {
  let text: string;
  if (typeof input === "string") {
    if (utf8Length(input) > MAX_FILE_BYTES) throw new CatalogueError([`$: filen er for stor (${megabytes(utf8Length(input))}); en katalogfil kan være høyst ${megabytes(MAX_FILE_BYTES)}`]);
    text = input;
  } else {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    if (bytes.byteLength > MAX_FILE_BYTES) throw new CatalogueError([`$: filen er for stor (${megabytes(bytes.byteLength)}); en katalogfil kan være høyst ${megabytes(MAX_FILE_BYTES)}`]);
    if (bytes.byteLength === 0) throw new CatalogueError(["$: filen er tom"]);
    text = decode(bytes);
  }
  const cat = loadCatalogue(text);
  storedCatalogueText(cat, { kind: "file", name: "" }); // refused now, not after the user confirmed the switch
  return cat;
}

// ---------------------------------------------------------------------------------------------
// (b) A table in the workbook

/** A range as read from the workbook: values, and what each cell shows (Range.text), header included. */
export interface SheetTable {
  readonly values: readonly (readonly Raw[])[];
  /** Displayed text, same shape: "2.10" where the value is 2.1, "-1,0" where it is -1. */
  readonly text?: readonly (readonly Raw[])[];
  /** 0-based sheet row and column of values[0][0], so messages name rows as the user sees them. */
  readonly origin?: { readonly row: number; readonly col: number };
  /** The table's or sheet's name, for messages and the catalogue's id. */
  readonly name?: string;
}

export interface TableImportOptions {
  /** The catalogue's title (the pane asks; default: from the table's name). */
  readonly title?: string;
  /** The overall savings target in MNOK, negative = saving (a catalogue needs one; the pane asks). */
  readonly target: number;
  readonly municipality?: string;
  /** Version text; default: today's date. */
  readonly version?: string;
  /** A lines table (Nr, Linje, Tekst, Netto, years), like Tiltakslinjer. */
  readonly lines?: SheetTable | null;
  /** [from, to]; default: a «Sum 2026–2029» column's years, else every year of the table. */
  readonly planPeriod?: readonly [number, number];
  /** Today, for the default version (tests pass a fixed date). */
  readonly today?: Date;
}

const HEADERS = {
  group: /^(gruppe|arbeidsgruppe|gruppenr\.?|gruppenummer)$/i,
  service: /^(tjeneste|tjenesteområde|sektor|område|enhet)$/i,
  title: /^(tiltak|tiltaksnavn|navn|beskrivelse|tittel)$/i,
  category: /^kategori$/i,
  hop: /^(høp-status|hop-status|høp|status i høp)$/i,
  source: /^kilde$/i,
  status: /^katalog$/i,
  planSum: /^sum\s+((?:19|20)\d\d)\s*[–-]\s*((?:19|20)\d\d)$/i,
  // Lines table
  line: /^(linje|linjenr\.?|nr\. linje)$/i,
  label: /^(tekst|linjetekst|linje tekst|beskrivelse|post)$/i,
  net: /^(netto|nettorad)$/i,
  unit: /^(enhet|enhet \(trykt\))$/i,
  sign: /^(fortegn|fortegn \(trykt\))$/i,
  reportLine: /^(rapportlinje|linje i rapporten)$/i,
} as const;

const HOP_BY_LABEL = new Map<string, HopStatus>(HOP_STATUSES.map((s) => [HOP_LABEL[s].toLowerCase(), s]));

const blank = (v: Raw) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const textOf = (v: Raw) => (v === null || v === undefined ? "" : String(v).trim());

class Reader {
  constructor(
    readonly t: SheetTable,
    readonly what: string,
  ) {}
  cell(r: number, c: number): Raw {
    return this.t.values[r]?.[c];
  }
  shown(r: number, c: number): string {
    const s = this.t.text?.[r]?.[c];
    return s === null || s === undefined ? textOf(this.cell(r, c)) : String(s).trim();
  }
  rowNo(r: number): number {
    return (this.t.origin?.row ?? 0) + r + 1;
  }
  get width(): number {
    return Math.max(0, ...this.t.values.map((r) => r.length));
  }
}

/** Decimals a number is shown with ("-1,0" → 1), when the shown text is that number; else its own decimals. */
export function shownDecimals(value: number, shown: string): number {
  const own = decimalsOf(value);
  const m = /[.,](\d+)[^\d]*$/.exec(shown);
  const digits = shown.replace(/[^\d]/g, "");
  if (!m || digits === "") return own;
  const d = (m[1] as string).length;
  const asShown = Number(digits) / 10 ** d;
  // The text must be this number at d decimals (display rounding allowed): "1,234" for 1234 is grouping.
  const close = Math.abs(asShown - Math.abs(value)) <= 0.5 * 10 ** -d + 1e-12;
  return close ? Math.max(own, d) : own;
}

/** A number as a Norwegian report prints it: decimal comma, `decimals` places. */
function norwegian(x: number, decimals: number): string {
  const [int = "", frac = ""] = Math.abs(x).toString().split(".");
  const digits = decimals > 0 ? `${int},${frac.padEnd(decimals, "0")}` : int;
  return `${x < 0 ? "-" : ""}${digits}`;
}

/** The header row: the first (of the first 20) with an id column and a year column. */
function findHeader(rd: Reader): number {
  const rows = Math.min(rd.t.values.length, 20);
  for (let r = 0; r < rows; r++) {
    let id = false;
    let year = false;
    for (let c = 0; c < rd.width; c++) {
      const v = rd.cell(r, c);
      if (typeof v === "string" && ID_HEADER.test(v.trim())) id = true;
      if (headerYear(v) !== null) year = true;
    }
    if (id && year) return r;
  }
  return -1;
}

interface Columns {
  readonly id: number;
  readonly years: ReadonlyMap<number, number>; // year → column
  readonly named: Partial<Record<keyof typeof HEADERS, number>>;
  readonly unitNote: ReturnType<typeof statedUnit>;
  readonly planSum: readonly [number, number] | null;
}

function columnsOf(rd: Reader, header: number, problems: string[], yearPrefix?: RegExp): Columns {
  let id = -1;
  const named: Partial<Record<keyof typeof HEADERS, number>> = {};
  const candidates = new Map<number, number[]>();
  let unitNote: ReturnType<typeof statedUnit> = null;
  let planSum: readonly [number, number] | null = null;
  for (let c = 0; c < rd.width; c++) {
    const v = rd.cell(header, c);
    const h = textOf(v);
    if (id < 0 && ID_HEADER.test(h)) {
      id = c;
      continue;
    }
    const year = headerYear(v);
    if (year !== null && (!yearPrefix || yearPrefix.test(h) || typeof v === "number")) {
      candidates.set(year, [...(candidates.get(year) ?? []), c]);
      unitNote ??= statedUnit(v);
      continue;
    }
    const sum = HEADERS.planSum.exec(h);
    if (sum) planSum = [Number(sum[1]), Number(sum[2])];
    for (const [k, re] of Object.entries(HEADERS) as [keyof typeof HEADERS, RegExp][]) {
      if (k !== "planSum" && named[k] === undefined && re.test(h)) {
        named[k] = c;
        break;
      }
    }
  }
  const years = new Map<number, number>();
  for (const [y, cs] of [...candidates].sort((a, b) => a[0] - b[0])) {
    if (cs.length > 1) problems.push(`${rd.what}: år ${y} står i flere kolonner; behold én kolonne per år.`);
    else years.set(y, cs[0] as number);
  }
  return { id, years, named, unitNote, planSum };
}

/** A unit word as found in a table ("mill. kr", "1000 kr", "kr"), or null when it says none. */
function unitFrom(word: Raw): DetailUnit | "percent" | null {
  if (blank(word)) return null;
  const u = statedUnit(word);
  if (u === "percent") return "percent";
  if (u === "thousand") return "TNOK";
  if (u === "kroner") return "NOK";
  return /mill|mnok|mln/i.test(String(word)) ? "MNOK" : null;
}

const UNIT_WORD: Readonly<Record<DetailUnit, string>> = { MNOK: "mill. kr", TNOK: "1000 kr", NOK: "kr" };

interface RowOut {
  values: Record<string, Cell>;
  printed?: string;
}

/** One table row's year cells as catalogue cells (blank, number, or unreadable text), with their shown precision. */
function yearCells(rd: Reader, r: number, years: readonly number[], columnOf: ReadonlyMap<number, number>, unit: DetailUnit): RowOut {
  const values: Record<string, Cell> = {};
  const tokens: string[] = [];
  for (const y of years) {
    const c = columnOf.get(y);
    const v = c === undefined ? null : rd.cell(r, c);
    const cell = cellFromWorkbook(typeof v === "boolean" || typeof v === "number" || typeof v === "string" ? v : null, LIMITS.amount[unit]);
    values[String(y)] = cell;
    if (typeof cell === "number" && c !== undefined) tokens.push(norwegian(cell, shownDecimals(cell, rd.shown(r, c))));
  }
  return tokens.length > 0 && rd.t.text ? { values, printed: tokens.join(" ") } : { values };
}

/** Rewrites the loader's `measures[i]` paths to the rows the user sees. */
function withRows(e: CatalogueError, where: readonly string[]): CatalogueError {
  return new CatalogueError(e.problems.map((p) => p.replace(/^measures\[(\d+)\]\.?/, (_m, i: string) => `${where[Number(i)] ?? `tiltak ${i}`}: `).replace(/: : /, ": ")));
}

/**
 * A catalogue from workbook tables: the measures table (one row per measure, years as columns) and, when
 * given, a lines table. Header names decide what each column is; nothing is guessed from position. Then
 * the loader validates it like a file. Throws CatalogueError (Norwegian, rows as the user sees them).
 */
export function tableToCatalogue(measuresTable: SheetTable, options: TableImportOptions): Catalogue {
  const rd = new Reader(measuresTable, `Tabellen ${measuresTable.name ? `«${measuresTable.name}»` : ""}`.trim());
  const problems: string[] = [];
  if (measuresTable.values.length > MAX_TABLE_ROWS || rd.width > MAX_TABLE_COLUMNS) {
    throw new CatalogueError([`$: merk en tabell på høyst ${spaced(MAX_TABLE_ROWS)} rader og ${MAX_TABLE_COLUMNS} kolonner`]);
  }
  const header = findHeader(rd);
  if (header < 0) {
    throw new CatalogueError(["$: fant ingen overskriftsrad med «Nr» og årstall (f.eks. «2027» eller «ØP 2027»). Merk tabellen med overskriftene."]);
  }
  const cols = columnsOf(rd, header, problems);
  const years = [...cols.years.keys()];
  if (cols.unitNote === "kroner" || cols.unitNote === "percent") {
    throw new CatalogueError([`$: årskolonnene ser ut til å være i ${cols.unitNote === "kroner" ? "kroner" : "prosent"}; en katalog er i mill. kr eller 1000 kr`]);
  }
  const unit: CatalogueUnit = cols.unitNote === "thousand" ? "TNOK" : "MNOK";
  for (let i = 1; i < years.length; i++) {
    if ((years[i] as number) !== (years[i - 1] as number) + 1) problems.push(`Årskolonnene må være sammenhengende år; ${years[i - 1]} følges av ${years[i]}.`);
  }
  if (cols.named.title === undefined) problems.push("Fant ingen kolonne med tiltakets navn («Tiltak», «Navn» eller «Beskrivelse»).");
  if (problems.length > 0) throw new CatalogueError(problems.map((p) => `$: ${p}`));

  // Rows: one per measure.
  const measures: Record<string, unknown>[] = [];
  const where: string[] = [];
  const groupIds = new Map<string, number>(); // group as written → id
  const groups: { id: number; name: string }[] = [];
  const categories: string[] = [];
  const seen = new Map<string, number>();
  const allGroupNumbered = (ids: string[]) => ids.every((x) => /^\d{1,3}\.\d+$/.test(x));
  const rows: { r: number; id: string }[] = [];
  for (let r = header + 1; r < measuresTable.values.length; r++) {
    const row = measuresTable.values[r] ?? [];
    if (row.every(blank)) continue;
    const idRaw = rd.cell(r, cols.id);
    const id = typeof idRaw === "number" ? rd.shown(r, cols.id) || String(idRaw) : textOf(idRaw);
    const n = rd.rowNo(r);
    if (/^(sum|total|totalt|i alt)\b/i.test(id)) continue; // a totals row
    if (id === "") {
      problems.push(`Rad ${n}: mangler tiltaksnummer.`);
      continue;
    }
    if (typeof idRaw === "number" && Number.isInteger(idRaw) && idRaw >= 20000 && idRaw <= 80000) {
      problems.push(`Rad ${n}: «${id}» ser ut som en dato: Excel gjør om f.eks. 2.10 til en dato. Skriv nummeret som tekst ('2.10).`);
      continue;
    }
    const status = cols.named.status !== undefined ? textOf(rd.cell(r, cols.named.status)) : "";
    if (/^ikke i katalog/i.test(status)) continue; // a measure that left an earlier catalogue
    if (seen.has(id)) {
      problems.push(`Rad ${n}: tiltak ${id} står også i rad ${seen.get(id)}.`);
      continue;
    }
    seen.set(id, n);
    rows.push({ r, id });
  }
  const numbered = allGroupNumbered(rows.map((x) => x.id));
  for (const { r, id } of rows) {
    const n = rd.rowNo(r);
    const get = (k: keyof typeof HEADERS) => (cols.named[k] === undefined ? null : rd.cell(r, cols.named[k] as number));
    // Group: a number, a name, or (no column) the id's "group." prefix; else one group for all.
    const g = get("group");
    let groupKey: string;
    let groupName: string;
    let groupId: number | null = null;
    if (!blank(g)) {
      groupKey = textOf(g);
      const asNumber = typeof g === "number" ? g : /^\d{1,3}$/.test(groupKey) ? Number(groupKey) : NaN;
      if (Number.isInteger(asNumber) && asNumber >= 1 && asNumber <= LIMITS.groupId) {
        groupId = asNumber;
        groupName = `Gruppe ${asNumber}`;
      } else groupName = groupKey;
    } else if (numbered) {
      groupId = Number(id.split(".")[0]);
      groupKey = String(groupId);
      groupName = `Gruppe ${groupId}`;
    } else {
      groupKey = "";
      groupName = "Alle tiltak";
      groupId = 1;
    }
    if (!groupIds.has(groupKey)) {
      const gid = groupId ?? Math.max(0, ...groups.map((x) => x.id)) + 1;
      groupIds.set(groupKey, gid);
      groups.push({ id: gid, name: groupName });
    }
    const category = textOf(get("category"));
    if (category !== "" && !categories.includes(category)) categories.push(category);
    const hop = HOP_BY_LABEL.get(textOf(get("hop")).toLowerCase()) ?? "not-stated";
    const status = textOf(get("status"));
    const inSummary = !/kun kapittel|bare kapittel|ikke i sammendrag/i.test(status);
    const cells = yearCells(rd, r, years, cols.years, unit);
    measures.push({
      id,
      group: groupIds.get(groupKey),
      service: textOf(get("service")),
      title: textOf(get("title")),
      category: category === "" ? null : category,
      inSummary,
      summary: inSummary ? cells : null,
      hop: { status: hop, note: "" },
      source: blank(get("source")) ? null : textOf(get("source")),
    });
    where.push(`Rad ${n} (tiltak ${id})`);
  }
  if (rows.length === 0 && problems.length === 0) problems.push("Tabellen har ingen tiltak under overskriftsraden.");

  // The lines table, when given: each measure's effect table.
  if (options.lines) addLines(options.lines, measures, years, problems);
  if (problems.length > 0) throw new CatalogueError(problems.map((p) => `$: ${p}`));

  const [from, to] = options.planPeriod ?? cols.planSum ?? [years[0] as number, years[years.length - 1] as number];
  const name = measuresTable.name ?? "arbeidsboken";
  const today = (options.today ?? new Date()).toISOString().slice(0, 10);
  const target = unit === "TNOK" ? scaleByPowerOfTen(options.target, 3) : options.target;
  const data = {
    schemaVersion: 1,
    catalogue: {
      id: `tabell-${name.toLowerCase().replace(/[^a-z0-9æøå]+/g, "-").replace(/^-|-$/g, "") || "arbeidsbok"}`,
      version: options.version ?? today,
      title: options.title?.trim() || `Tiltak fra ${name}`,
      ...(options.municipality ? { municipality: options.municipality } : {}),
      date: today,
      unit,
      years,
      planPeriod: [from, to],
      categories,
    },
    groups: [...groups].sort((a, b) => a.id - b.id),
    measures,
    targets: { overall: { sparekrav: target } },
    notes: [`Lest fra tabellen «${name}» i arbeidsboken ${today}.`],
  };
  try {
    return loadCatalogue(data);
  } catch (e) {
    throw e instanceof CatalogueError ? withRows(e, where) : e;
  }
}

/** Adds each measure's effect table from a lines table (Tiltakslinjer's shape). */
function addLines(t: SheetTable, measures: Record<string, unknown>[], catalogueYears: readonly number[], problems: string[]): void {
  const rd = new Reader(t, `Linjetabellen${t.name ? ` «${t.name}»` : ""}`);
  if (t.values.length > MAX_LINE_ROWS || rd.width > MAX_TABLE_COLUMNS) {
    problems.push(`Linjetabellen er større enn ${spaced(MAX_LINE_ROWS)} rader eller ${MAX_TABLE_COLUMNS} kolonner.`);
    return;
  }
  const header = findHeader(rd);
  if (header < 0) {
    problems.push("Fant ingen overskriftsrad med «Nr» og årstall i linjetabellen.");
    return;
  }
  // Tiltakslinjer has the figures as printed («Trykt 2027», with «Enhet (trykt)» and «Fortegn (trykt)») and
  // in MNOK («MNOK 2027»): the printed ones are what the report says.
  const headerTexts = (t.values[header] ?? []).map(textOf);
  const prefix = headerTexts.some((h) => /^trykt\s/i.test(h)) ? /^trykt\s/i : headerTexts.some((h) => /^mnok\s/i.test(h)) ? /^mnok\s/i : undefined;
  const cols = columnsOf(rd, header, problems, prefix);
  const mnokColumns = prefix?.source.startsWith("^mnok") ?? false;
  const byId = new Map(measures.map((m) => [m.id as string, m]));
  const collected = new Map<string, { r: number; order: number; net: boolean }[]>();
  for (let r = header + 1; r < t.values.length; r++) {
    const row = t.values[r] ?? [];
    if (row.every(blank)) continue;
    const idRaw = rd.cell(r, cols.id);
    const id = typeof idRaw === "number" ? rd.shown(r, cols.id) || String(idRaw) : textOf(idRaw);
    if (id === "" || /^(sum|total|totalt)\b/i.test(id)) continue;
    if (!byId.has(id)) {
      problems.push(`Linjetabellen, rad ${rd.rowNo(r)}: tiltak ${id} står ikke i tiltakstabellen.`);
      continue;
    }
    const order = cols.named.line !== undefined ? Number(rd.cell(r, cols.named.line)) : r;
    const netText = cols.named.net !== undefined ? textOf(rd.cell(r, cols.named.net)).toLowerCase() : "";
    const net = netText === "ja" || netText === "true" || netText === "x";
    collected.set(id, [...(collected.get(id) ?? []), { r, order: Number.isFinite(order) ? order : r, net }]);
  }
  for (const [id, rows] of collected) {
    rows.sort((a, b) => a.order - b.order);
    const nets = rows.filter((x) => x.net);
    if (nets.length > 1) {
      problems.push(`Linjetabellen: tiltak ${id} har ${nets.length} nettorader (rad ${nets.map((x) => rd.rowNo(x.r)).join(", ")}); merk én.`);
      continue;
    }
    const first = rows[0] as { r: number };
    const unitWord = cols.named.unit !== undefined ? rd.cell(first.r, cols.named.unit) : null;
    const stated = mnokColumns ? "MNOK" : (unitFrom(unitWord) ?? (cols.unitNote === "thousand" ? "TNOK" : cols.unitNote === "kroner" ? "NOK" : "MNOK"));
    if (stated === "percent") {
      problems.push(`Linjetabellen: tiltak ${id} er oppgitt i prosent; en effekttabell er i kroner.`);
      continue;
    }
    const signWord = !mnokColumns && cols.named.sign !== undefined ? textOf(rd.cell(first.r, cols.named.sign)) : "";
    const sign = /positiv/i.test(signWord) ? "positive-is-saving" : "negative-is-saving";
    // The table's years: those with a figure in some line (Tiltakslinjer leaves the others blank).
    const years = catalogueYears.filter((y) => cols.years.has(y) && rows.some((x) => !blank(rd.cell(x.r, cols.years.get(y) as number))));
    const lineOf = (x: { r: number }, label: string) => {
      const cells = yearCells(rd, x.r, years, cols.years, stated);
      const reportLine = cols.named.reportLine !== undefined ? rd.cell(x.r, cols.named.reportLine) : null;
      return { label, ...cells, ...(typeof reportLine === "number" && Number.isInteger(reportLine) && reportLine >= 1 && reportLine <= LIMITS.line ? { line: reportLine } : {}) };
    };
    const label = (x: { r: number }) => {
      const l = cols.named.label !== undefined ? textOf(rd.cell(x.r, cols.named.label)) : "";
      return l === "(uten tekst)" ? "" : l.slice(0, LIMITS.name);
    };
    const m = byId.get(id) as Record<string, unknown>;
    m.detail = {
      heading: `Effekttabell (fra ${t.name ? `«${t.name}»` : "arbeidsboken"})`,
      unitPrinted: !blank(unitWord) ? textOf(unitWord) : UNIT_WORD[stated],
      unit: stated,
      sign,
      years,
      lines: rows.filter((x) => !x.net).map((x) => lineOf(x, label(x))),
      net: nets[0] ? lineOf(nets[0], label(nets[0]) || "Netto") : null,
    };
  }
}
