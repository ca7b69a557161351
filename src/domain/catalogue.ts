// Immutable, indexed view of a validated catalogue: O(1) lookup by id, lists by group/category/service,
// the printed totals and targets in MNOK whatever unit the report prints them in, and where each number
// of a measure comes from (or that the catalogue does not say).
import { scaleByPowerOfTen } from "./decimal";
import { detailNetRow } from "./effects";
import { CATEGORIES, type CatalogueData, type CatalogueUnit, type Category, type Cell, type GroupTarget, type Group, type Measure, type OverallTotals, type PrintedRow, type ValueRow, type YearValues } from "./types";
import { parseCatalogueJson } from "./validate";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function indexBy<K>(measures: readonly Measure[], key: (m: Measure) => K | null): ReadonlyMap<K, readonly Measure[]> {
  const map = new Map<K, Measure[]>();
  for (const m of measures) {
    const k = key(m);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(m);
    else map.set(k, [m]);
  }
  for (const list of map.values()) Object.freeze(list);
  return map;
}

export class Catalogue {
  readonly data: CatalogueData;
  private readonly byIdMap: ReadonlyMap<string, Measure>;
  private readonly byGroupMap: ReadonlyMap<number, readonly Measure[]>;
  private readonly byCategoryMap: ReadonlyMap<Category, readonly Measure[]>;
  private readonly byServiceMap: ReadonlyMap<string, readonly Measure[]>;
  private readonly yearIndexMap: ReadonlyMap<number, number>;

  /** Use loadCatalogue() for untrusted input; this trusts that `data` has been validated. */
  constructor(data: CatalogueData) {
    this.data = deepFreeze(data);
    this.byIdMap = new Map(data.measures.map((m) => [m.id, m]));
    this.byGroupMap = indexBy(data.measures, (m) => m.group);
    this.byCategoryMap = indexBy(data.measures, (m) => m.category);
    this.byServiceMap = indexBy(data.measures, (m) => m.service.trim());
    this.yearIndexMap = new Map(data.catalogue.years.map((y, i) => [y, i]));
  }

  get id(): string {
    return this.data.catalogue.id;
  }
  get version(): string {
    return this.data.catalogue.version;
  }
  get years(): readonly number[] {
    return this.data.catalogue.years;
  }
  get planPeriod(): readonly [number, number] {
    return this.data.catalogue.planPeriod;
  }
  get measures(): readonly Measure[] {
    return this.data.measures;
  }
  get groups(): readonly Group[] {
    return this.data.groups;
  }
  /** The unit the summary table, totals and targets are printed in. */
  get unit(): CatalogueUnit {
    return this.data.catalogue.unit;
  }
  /** The categories the catalogue declares, in its order. */
  get categories(): readonly Category[] {
    return this.data.catalogue.categories ?? CATEGORIES;
  }
  /** Who the catalogue's measures belong to, for the overall line of the choice ("Elverum kommune"). */
  get municipality(): string {
    return this.data.catalogue.municipality ?? "Hele kommunen";
  }

  private totalsCache: Totals | undefined;
  /** The report's printed totals in MNOK (as printed when the catalogue is in MNOK). Absent tables stay absent. */
  get totals(): Totals {
    this.totalsCache ??= this.unit === "MNOK" ? this.data.totals : deepFreeze(totalsInMnok(this.data.totals, this.unit));
    return this.totalsCache;
  }

  private targetsCache: Targets | undefined;
  /** The savings targets in MNOK (as printed when the catalogue is in MNOK). */
  get targets(): Targets {
    this.targetsCache ??= this.unit === "MNOK" ? this.data.targets : deepFreeze(targetsInMnok(this.data.targets, this.unit));
    return this.targetsCache;
  }

  measure(id: string): Measure | undefined {
    return this.byIdMap.get(id);
  }
  group(id: number): Group | undefined {
    return this.data.groups.find((g) => g.id === id);
  }
  byGroup(group: number): readonly Measure[] {
    return this.byGroupMap.get(group) ?? [];
  }
  byCategory(category: string): readonly Measure[] {
    return this.byCategoryMap.get(category) ?? [];
  }
  byService(service: string): readonly Measure[] {
    return this.byServiceMap.get(service.trim()) ?? [];
  }
  services(): readonly string[] {
    return [...this.byServiceMap.keys()];
  }
  /** Position of a year in catalogue.years, or -1 when the catalogue does not cover it. */
  yearIndex(year: number): number {
    return this.yearIndexMap.get(year) ?? -1;
  }
}

type Totals = CatalogueData["totals"];
type Targets = CatalogueData["targets"];

/** A catalogue-unit amount in MNOK (TNOK: divided by 1000, decimally). */
export function catalogueToMnok(value: number, unit: CatalogueUnit): number {
  return unit === "MNOK" ? value : scaleByPowerOfTen(value, -3);
}

/** An MNOK amount (what the workbook's Tiltak table holds) in the catalogue's unit (TNOK: × 1000, decimally). */
export function mnokToCatalogue(value: number, unit: CatalogueUnit): number {
  return unit === "MNOK" ? value : scaleByPowerOfTen(value, 3);
}

/** A cell read from the workbook in MNOK (edited.ts), as a cell of a catalogue printed in `unit`. */
export function cellInCatalogueUnit(c: Cell, unit: CatalogueUnit): Cell {
  if (unit === "MNOK") return c;
  if (typeof c === "number") return mnokToCatalogue(c, unit);
  if (c !== null && "value" in c) return { ...c, value: mnokToCatalogue(c.value, unit) };
  return c;
}

function cellInMnok(c: Cell, unit: CatalogueUnit): Cell {
  if (typeof c === "number") return catalogueToMnok(c, unit);
  if (c !== null && "value" in c) return { ...c, value: catalogueToMnok(c.value, unit) };
  return c;
}

function rowInMnok<R extends { readonly values: YearValues }>(row: R, unit: CatalogueUnit): R {
  return { ...row, values: Object.fromEntries(Object.entries(row.values).map(([y, c]) => [y, cellInMnok(c, unit)])) };
}

function totalsInMnok(t: Totals, unit: CatalogueUnit): Totals {
  const record = (r: Readonly<Record<string, ValueRow>>) => Object.fromEntries(Object.entries(r).map(([k, row]) => [k, rowInMnok(row, unit)]));
  const overall = (o: OverallTotals): OverallTotals => Object.fromEntries(Object.entries(o).map(([k, row]) => [k, row ? rowInMnok(row, unit) : row]));
  return {
    ...t,
    byGroup: record(t.byGroup),
    byCategory: record(t.byCategory),
    overall: overall(t.overall),
    byGroupRepeat: t.byGroupRepeat ? record(t.byGroupRepeat) : t.byGroupRepeat,
    overallRepeat: t.overallRepeat ? overall(t.overallRepeat) : t.overallRepeat,
  };
}

function targetsInMnok(t: Targets, unit: CatalogueUnit): Targets {
  const convert = (x: GroupTarget): GroupTarget => ({
    ...x,
    sparekrav: catalogueToMnok(x.sparekrav, unit),
    menu: x.menu === null ? null : catalogueToMnok(x.menu, unit),
    printedTotal: x.printedTotal === null ? null : catalogueToMnok(x.printedTotal, unit),
  });
  return { ...t, byGroup: Object.fromEntries(Object.entries(t.byGroup).map(([k, x]) => [k, convert(x)])), overall: convert(t.overall) };
}

export type ProvenanceSource = "summary" | "group" | "detail";

/** Where a measure's numbers from one source are printed, in the user's words. */
export interface Provenance {
  /** 1-based line in the report text, when the catalogue says. */
  readonly line: number | null;
  /** The row exactly as printed, when the catalogue says. */
  readonly printed: string | null;
  /** False when the catalogue gives neither: the pane says «ingen kilde oppgitt». */
  readonly known: boolean;
  /** One Norwegian line: "Rapporten linje 371: «-0,3 -0,6 …»" or "Katalogen oppgir ingen kilde for tallene." */
  readonly text: string;
}

const SOURCE_NAME: Readonly<Record<ProvenanceSource, string>> = { summary: "Sammendraget", group: "Arbeidsgruppens tabell", detail: "Effekttabellen" };

/**
 * Where the numbers a measure has from `source` are printed (the detail table's net row, or its only
 * line), or null when the measure has no such table or row. A row without `line` and `printed` is known
 * to exist but not where it stands: `known` is false, and the text says the catalogue gives no source.
 */
export function provenance(cat: Catalogue, id: string, source: ProvenanceSource): Provenance | null {
  const m = cat.measure(id);
  if (!m) return null;
  const row: PrintedRow | null = source === "summary" ? m.summary : source === "group" ? m.groupTable : m.detail ? detailNetRow(m.detail) : null;
  if (!row) return null;
  const line = row.line ?? null;
  const printed = row.printed !== undefined && row.printed.trim() !== "" ? row.printed.trim().replace(/\s+/g, " ") : null;
  if (line === null && printed === null) return { line, printed, known: false, text: `${SOURCE_NAME[source]}: katalogen oppgir ingen kilde for tallene.` };
  const text = line !== null ? `rapportens linje ${line}${printed !== null ? `: «${printed}»` : ""}` : `vist som «${printed}» (uten linjenummer i en rapport)`;
  return { line, printed, known: true, text: `${SOURCE_NAME[source]}: ${text}.` };
}

/** True when no numeric row of the catalogue says where it is printed (a catalogue built without a report text). */
export function hasNoProvenance(cat: Catalogue): boolean {
  return cat.measures.every((m) => [m.summary, m.groupTable, m.detail ? detailNetRow(m.detail) : null].every((r) => !r || (r.line === undefined && r.printed === undefined)));
}

/**
 * Parses and validates JSON text (a UTF-8 BOM is fine) or an already parsed value into a private,
 * frozen copy; throws CatalogueError with paths, and no other error, for any input.
 */
export function loadCatalogue(input: unknown): Catalogue {
  return new Catalogue(parseCatalogueJson(input));
}
