// The maintainer CLI's export shape (design.md, "Catalogue export"), built from the catalogue alone. Every
// amount is in MNOK, whatever unit the report prints (catalogue.printedUnit says which).
import { catalogueToMnok, type Catalogue } from "./catalogue";
import { detailNetRow, toMnok } from "./effects";
import { isInterpreted, isUnreadable, type Cell, type DetailTable, type Measure, type ValueRow, type YearValues } from "./types";

export type ExportCell = number | null | { readonly unreadable: string };
export type ExportYears = Record<string, ExportCell>;

function exportCell(c: Cell | undefined, convert: (v: number) => number = (v) => v): ExportCell {
  if (c === undefined || c === null) return null;
  if (isUnreadable(c)) return { unreadable: c.unreadable };
  if (isInterpreted(c)) return convert(c.value);
  return convert(c);
}

function exportYears(values: YearValues, years: readonly number[], convert?: (v: number) => number): ExportYears {
  const out: ExportYears = {};
  for (const y of years) out[String(y)] = exportCell(values[String(y)], convert);
  return out;
}

/** Paths of cells whose printed text is not a number but whose value the report settles. */
function interpretedCells(m: Measure): Record<string, string> {
  const out: Record<string, string> = {};
  const scan = (prefix: string, values: YearValues | undefined) => {
    for (const [y, c] of Object.entries(values ?? {})) if (isInterpreted(c)) out[`${prefix}.${y}`] = c.printed;
  };
  scan("summary", m.summary?.values);
  scan("groupTable", m.groupTable?.values);
  if (m.detail) scan("detailNet", detailNetRow(m.detail)?.values);
  return out;
}

function detailNet(d: DetailTable): ExportYears | null {
  const net = detailNetRow(d);
  if (!net) return null;
  // MNOK, but with the sign as printed (a table printing savings as positive stays positive here).
  return exportYears(net.values, d.years, (v) => toMnok(v, d.unit));
}

const rowYears = (row: ValueRow, years: readonly number[], convert?: (v: number) => number) => exportYears(row.values, years, convert);

export function exportCatalogue(cat: Catalogue) {
  const { catalogue: info } = cat.data;
  // Totals and targets in MNOK (the model converts them); measure rows converted here.
  const { totals, targets } = cat;
  const years = cat.years;
  const summaryMnok = (v: number) => catalogueToMnok(v, cat.unit);
  const record = <T, U>(o: Readonly<Record<string, T>>, f: (v: NonNullable<T>) => U): Record<string, U> =>
    Object.fromEntries(Object.entries(o).flatMap(([k, v]): [string, U][] => (v ? [[k, f(v as NonNullable<T>)]] : [])));
  return {
    catalogue: { id: info.id, version: info.version, title: info.title, unit: "MNOK", printedUnit: info.unit, years: [...years], categories: [...cat.categories] },
    measures: cat.measures.map((m) => {
      const ambiguous = interpretedCells(m);
      return {
        id: m.id,
        headingId: m.headingId,
        group: m.group,
        service: m.service.trim(),
        title: m.title,
        headingTitle: m.headingTitle,
        category: m.category,
        inSummary: m.inSummary,
        summary: m.summary ? rowYears(m.summary, years, summaryMnok) : null,
        groupTable: m.groupTable ? rowYears(m.groupTable, years, (v) => toMnok(v, m.groupTable!.unit)) : null,
        detailNet: m.detail ? detailNet(m.detail) : null,
        detailUnit: m.detail?.unit ?? null,
        detailSign: m.detail?.sign ?? null,
        hop: m.hop.status,
        source: m.source,
        ...(Object.keys(ambiguous).length > 0 ? { ambiguous } : {}),
      };
    }),
    totals: {
      byGroup: record(totals.byGroup, (r) => rowYears(r, years)),
      byCategory: record(totals.byCategory, (r) => rowYears(r, years)),
      overall: totals.overall.measureTable ? rowYears(totals.overall.measureTable, years) : null,
      overallRows: record(totals.overall as Readonly<Record<string, ValueRow | null | undefined>>, (r) => rowYears(r, years)),
    },
    targets: {
      byGroup: record(targets.byGroup, (t) => ({ sparekrav: t.sparekrav, menu: t.menu })),
      overall: { sparekrav: targets.overall.sparekrav, menu: targets.overall.menu },
    },
  };
}
