// Immutable, indexed view of a validated catalogue: O(1) lookup by id, lists by group/category/service.
import type { CatalogueData, Category, Group, Measure } from "./types";
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

  measure(id: string): Measure | undefined {
    return this.byIdMap.get(id);
  }
  group(id: number): Group | undefined {
    return this.data.groups.find((g) => g.id === id);
  }
  byGroup(group: number): readonly Measure[] {
    return this.byGroupMap.get(group) ?? [];
  }
  byCategory(category: Category): readonly Measure[] {
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

/**
 * Parses and validates JSON text (a UTF-8 BOM is fine) or an already parsed value into a private,
 * frozen copy; throws CatalogueError with paths, and no other error, for any input.
 */
export function loadCatalogue(input: unknown): Catalogue {
  return new Catalogue(parseCatalogueJson(input));
}
