// Importing HØP figures from a range a controller selects: measure numbers in the first column, one
// column per year (a header row with the years, or the plan years in order). Every row that cannot be
// used is reported with the reason; nothing is dropped or zeroed silently.
import type { Catalogue } from "./catalogue";

export interface HopImportRow {
  readonly id: string;
  readonly row: number; // 1-based row in the selection
  readonly values: Readonly<Record<string, number>>;
}

export interface HopImport {
  readonly years: readonly number[];
  readonly rows: readonly HopImportRow[];
  readonly problems: readonly string[];
}

type Raw = string | number | boolean | null | undefined;

const blank = (v: Raw) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function measureId(v: Raw): string | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1000 ? null : String(v);
  if (typeof v !== "string") return null;
  const s = v.trim().replace(/^tiltak\s+/i, "");
  return /^\d+\.\d+$/.test(s) ? s : null;
}

export function parseHopImport(cat: Catalogue, values: readonly (readonly Raw[])[]): HopImport {
  const [from, to] = cat.planPeriod;
  const planYears: number[] = [];
  for (let y = from; y <= to; y++) planYears.push(y);
  const problems: string[] = [];
  if (values.length === 0 || (values[0]?.length ?? 0) < 2) {
    return { years: planYears, rows: [], problems: ["Merk et område med tiltaksnummer i første kolonne og ett år per kolonne."] };
  }
  const head = values[0]!.slice(1).map((v) => (typeof v === "number" ? v : Number(String(v ?? "").trim())));
  const hasHeader = head.every((y) => Number.isInteger(y) && planYears.includes(y));
  const years = hasHeader ? head : planYears.slice(0, values[0]!.length - 1);
  const data = hasHeader ? values.slice(1) : values;
  const offset = hasHeader ? 2 : 1;

  const byId = new Map<string, number[]>();
  const parsed: HopImportRow[] = [];
  data.forEach((row, i) => {
    const rowNo = i + offset;
    if (row.every(blank)) return;
    const id = measureId(row[0]);
    if (id === null) {
      problems.push(`Rad ${rowNo}: «${String(row[0] ?? "")}» er ikke et tiltaksnummer (skriv f.eks. '2.10 som tekst).`);
      return;
    }
    if (!cat.measure(id)) {
      problems.push(`Rad ${rowNo}: tiltak ${id} finnes ikke i katalogen.`);
      return;
    }
    const vals: Record<string, number> = {};
    let bad = false;
    years.forEach((y, j) => {
      const v = row[j + 1];
      if (blank(v)) return;
      if (typeof v === "number" && Number.isFinite(v)) vals[String(y)] = v;
      else {
        bad = true;
        problems.push(`Rad ${rowNo}, ${y}: «${String(v)}» er ikke et tall. Raden er ikke importert.`);
      }
    });
    if (bad) return;
    byId.set(id, [...(byId.get(id) ?? []), rowNo]);
    parsed.push({ id, row: rowNo, values: vals });
  });
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
