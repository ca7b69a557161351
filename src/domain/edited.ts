// Reads the catalogue back from the user's edited tables: a controller may correct a value in the
// Tiltak table (summary) or in the printed columns of Tiltakslinjer (effect tables) after checking the
// PDF. The re-check runs the same rules over this catalogue.
import { Catalogue, cellInCatalogueUnit, loadCatalogue } from "./catalogue";
import { LIMITS } from "./catalogueSchema";
import { roundHalfUp } from "./decimal";
import { sameCell, storedForm, type StoredCell } from "./insertPlan";
import { catalogueLayout, type TableSpec } from "./layout";
import type { Cell, CatalogueData } from "./types";

export interface TableValues {
  readonly header: readonly string[];
  /** What `formulas` returns: compared with what the add-in wrote, to find the cells users changed. */
  readonly formulas: readonly (readonly StoredCell[])[];
  /** Computed values as Excel shows them (errors as "#N/A" text). */
  readonly values: readonly (readonly StoredCell[])[];
}

/** What the add-in wrote, per row key and column, so unchanged cells keep the catalogue's own reading. */
function written(spec: TableSpec): (key: string, column: string) => StoredCell | undefined {
  const rows = new Map(spec.rows.map((r) => [r.key, r.cells]));
  const index = new Map(spec.columns.map((c, i) => [c.name, i]));
  return (key, column) => {
    const cells = rows.get(key);
    const i = index.get(column);
    return cells && i !== undefined ? storedForm(cells[i]!) : undefined;
  };
}

const UNREADABLE_PREFIX = "ulesbar: ";

/**
 * A cell typed or computed in the workbook, as a catalogue cell: blank stays blank, text is unreadable.
 * A number is held to what a catalogue may hold (so a typed =1/3 or 1E+300 is a finding, never a
 * loader error): rounded half-up to the catalogue's decimals, unreadable beyond its bound (`max`).
 */
export function cellFromWorkbook(v: StoredCell | undefined, max: number = LIMITS.amount.MNOK): Cell {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || Math.abs(v) > max) return { unreadable: String(v), note: "Fra arbeidsboken: større enn katalogen tillater" };
    return roundHalfUp(v, LIMITS.decimals);
  }
  if (typeof v === "boolean") return { unreadable: String(v).toUpperCase() };
  const text = v.trim();
  if (text === "") return null;
  return { unreadable: text.startsWith(UNREADABLE_PREFIX) ? text.slice(UNREADABLE_PREFIX.length) : text, note: "Fra arbeidsboken" };
}

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

/** Which cells count as the user's: by default those that differ from what the add-in wrote. */
export type EditedPredicate = (table: "measures" | "lines", key: string, column: string) => boolean;

export function catalogueFromTables(cat: Catalogue, measures: TableValues | null, lines: TableValues | null, isEdited?: EditedPredicate): Catalogue {
  const data = JSON.parse(JSON.stringify(cat.data)) as Mutable<CatalogueData>;
  const byId = new Map(data.measures.map((m) => [m.id, m]));
  const layout = catalogueLayout(cat, undefined, []);
  const wroteMeasure = written(layout.find((t) => t.key === "measures")!);
  const wroteLine = written(layout.find((t) => t.key === "lines")!);
  let changed = 0;
  /** The user's value where they changed what we wrote; otherwise the catalogue's own cell. */
  const read = (which: "measures" | "lines", key: string, table: TableValues, r: number, column: string, wrote: StoredCell | undefined, own: Cell, max: number): Cell => {
    const c = table.header.indexOf(column);
    if (c < 0) return own;
    const edited = isEdited ? isEdited(which, key, column) : wrote === undefined || !sameCell(table.formulas[r]?.[c] ?? null, wrote);
    if (!edited) return own;
    changed++;
    return cellFromWorkbook(table.values[r]?.[c], max);
  };
  if (measures) {
    const nr = measures.header.indexOf("Nr");
    measures.values.forEach((row, r) => {
      const id = String(row[nr] ?? "").trim();
      const m = byId.get(id);
      if (!m || !m.summary) return;
      for (const y of cat.years) {
        const k = String(y);
        const own = m.summary.values[k] ?? null;
        const got = read("measures", id, measures, r, k, wroteMeasure(id, k), own, LIMITS.amount.MNOK);
        // The workbook shows mill. kr; a catalogue printed in 1000 kr keeps its own unit.
        m.summary.values[k] = got === own ? own : cellInCatalogueUnit(got, cat.unit);
      }
    });
  }
  if (lines) {
    const nr = lines.header.indexOf("Nr");
    const no = lines.header.indexOf("Linje");
    lines.values.forEach((row, r) => {
      const id = String(row[nr] ?? "").trim();
      const d = byId.get(id)?.detail;
      if (!d) return;
      const target = [...d.lines, ...(d.net ? [d.net] : [])][Number(row[no]) - 1];
      if (!target) return;
      for (const y of d.years) {
        const column = `Trykt ${y}`;
        const key = `${id}#${row[no]}`;
        target.values[String(y)] = read("lines", key, lines, r, column, wroteLine(key, column), target.values[String(y)] ?? null, LIMITS.amount[d.unit]);
      }
    });
  }
  return changed === 0 ? cat : loadCatalogue(data);
}
