// The TILTAK.* functions as pure functions over a catalogue. functions.ts only adapts them to Excel.
import type { Catalogue } from "../domain/catalogue";
import { change, cumulative, effect, total, type EffectSource, type Outcome } from "../domain/effects";
import { HOP_LABEL } from "../domain/labels";
import { findingCounts, reconcile } from "../domain/reconcile";
import {
  asMatrix,
  broadcast,
  checkYearInCatalogue,
  FnError,
  isBlank,
  mapMatrix,
  outcomeToCell,
  parseCategory,
  parseGroup,
  parseSource,
  parseYear,
  resolveMeasure,
  type CellResult,
  type Matrix,
  type Scalar,
} from "./args";

type Arg = Scalar | Matrix;

function yearArg(cat: Catalogue, v: Scalar, label?: string): number | FnError {
  const y = parseYear(v, label);
  if (y instanceof FnError) return y;
  return checkYearInCatalogue(cat, y) ?? y;
}

function perMeasureYear(
  cat: Catalogue,
  nr: Arg,
  year: Arg,
  source: Scalar,
  query: (id: string, y: number, s: EffectSource) => Outcome,
): CellResult[][] {
  const src = parseSource(source);
  return broadcast(asMatrix(nr), asMatrix(year), (n, yv) => {
    if (src instanceof FnError) return src;
    const id = resolveMeasure(cat, n);
    if (id instanceof FnError) return id;
    const y = yearArg(cat, yv);
    if (y instanceof FnError) return y;
    return outcomeToCell(query(id, y, src));
  });
}

export function effekt(cat: Catalogue, nr: Arg, aar: Arg, kilde?: Scalar): CellResult[][] {
  return perMeasureYear(cat, nr, aar, kilde, (id, y, s) => effect(cat, id, y, s));
}

export function endring(cat: Catalogue, nr: Arg, aar: Arg, kilde?: Scalar): CellResult[][] {
  return perMeasureYear(cat, nr, aar, kilde, (id, y, s) => change(cat, id, y, s));
}

function span(cat: Catalogue, fra: Scalar, til: Scalar, fromLabel = "fra_år"): readonly [number, number] | FnError {
  const from = yearArg(cat, fra, fromLabel);
  if (from instanceof FnError) return from;
  const to = yearArg(cat, til, "til_år");
  if (to instanceof FnError) return to;
  if (from > to) return new FnError("#VALUE!", `${fromLabel} (${from}) er etter til_år (${to}).`);
  return [from, to];
}

export function kumulativ(cat: Catalogue, nr: Arg, fraAar: Scalar, tilAar: Scalar, kilde?: Scalar): CellResult[][] {
  const src = parseSource(kilde);
  const years = span(cat, fraAar, tilAar);
  return mapMatrix(asMatrix(nr), (n) => {
    if (src instanceof FnError) return src;
    if (years instanceof FnError) return years;
    const id = resolveMeasure(cat, n);
    if (id instanceof FnError) return id;
    return outcomeToCell(cumulative(cat, id, years[0], years[1], src));
  });
}

export function totalFn(cat: Catalogue, aar: Arg, gruppe?: Scalar, kategori?: Scalar, tilAar?: Scalar): CellResult[][] {
  const group = parseGroup(cat, gruppe);
  const category = parseCategory(kategori, cat.categories);
  const hasTo = !isBlank(tilAar);
  return mapMatrix(asMatrix(aar), (a) => {
    if (group instanceof FnError) return group;
    if (category instanceof FnError) return category;
    const years = hasTo ? span(cat, a, tilAar, "år") : yearArg(cat, a);
    if (years instanceof FnError) return years;
    const [from, to] = typeof years === "number" ? [years, years] : years;
    return outcomeToCell(total(cat, from, to, { group, category }));
  });
}

export function navn(cat: Catalogue, nr: Arg): CellResult[][] {
  return mapMatrix(asMatrix(nr), (n) => {
    const id = resolveMeasure(cat, n);
    return id instanceof FnError ? id : (cat.measure(id)?.title ?? new FnError("#N/A", `Tiltak «${id}» finnes ikke.`));
  });
}

export const INFO_FIELDS = ["gruppe", "tjeneste", "kategori", "hop", "kilde"] as const;

export function info(cat: Catalogue, nr: Arg, felt: Scalar): CellResult[][] {
  const field = typeof felt === "string" ? felt.trim().toLowerCase().replace("høp", "hop") : "";
  const known = (INFO_FIELDS as readonly string[]).includes(field);
  return mapMatrix(asMatrix(nr), (n) => {
    if (!known) return new FnError("#VALUE!", `Ukjent felt «${String(felt ?? "")}». Bruk ${INFO_FIELDS.join(", ")}.`);
    const id = resolveMeasure(cat, n);
    if (id instanceof FnError) return id;
    const m = cat.measure(id);
    if (!m) return new FnError("#N/A", `Tiltak «${id}» finnes ikke.`);
    switch (field) {
      case "gruppe":
        return m.group;
      case "tjeneste":
        return m.service.trim();
      case "kategori":
        return m.category ?? new FnError("#N/A", `Rapporten oppgir ikke kategori for tiltak ${id}.`);
      case "hop":
        return HOP_LABEL[m.hop.status];
      default:
        return m.source ?? new FnError("#N/A", `Tiltak ${id} har ingen egen seksjon i rapporten.`);
    }
  });
}

export function liste(cat: Catalogue, gruppe?: Scalar): CellResult[][] {
  const group = parseGroup(cat, gruppe);
  if (group instanceof FnError) return [[group]];
  const ms = group === null ? cat.measures : cat.byGroup(group);
  return ms.length > 0 ? ms.map((m) => [m.id]) : [[new FnError("#N/A", "Ingen tiltak i denne gruppen.")]];
}

const countsCache = new WeakMap<Catalogue, Map<string, number>>();

/** Number of reconciliation findings (errors and warnings) for each measure; computed once per catalogue. */
export function avvik(cat: Catalogue, nr: Arg): CellResult[][] {
  let counts = countsCache.get(cat);
  if (!counts) {
    counts = findingCounts(reconcile(cat));
    countsCache.set(cat, counts);
  }
  const c = counts;
  return mapMatrix(asMatrix(nr), (n) => {
    const id = resolveMeasure(cat, n);
    return id instanceof FnError ? id : (c.get(id) ?? 0);
  });
}
