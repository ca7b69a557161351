// Frozen versions (issue 15), decided here and written by src/excel/versions.ts: a version's name, the
// values-only rows it saves from Oppfølging, its row in Versjonssammenligning, the versions a workbook
// holds, and what removing one changes. Pure: every rule is unit-tested without Excel.
import { safeText, type CellValue, type TableNames } from "./layout";
import { comparisonCells, NOW_LABEL, versionColumns } from "./layout/versions";
import { FOLLOW_UP as F } from "./tertial";

type Raw = string | number | boolean | null;

export const MAX_VERSION_NAME = 60;

const text = (v: Raw | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/**
 * Why a version name cannot be used (Norwegian, one line), or null when it can. Names are compared
 * without regard to case, as Excel's criteria compare them; * ? ~ would act as wildcards there.
 */
export function versionNameProblem(name: string, existing: readonly string[]): string | null {
  const n = name.trim();
  if (n === "") return "Gi versjonen et navn, f.eks. «Status 1. tertial 2026».";
  if (n.length > MAX_VERSION_NAME) return `Navnet er for langt: høyst ${MAX_VERSION_NAME} tegn (dette har ${n.length}).`;
  if (/[*?~]/.test(n)) return "Navnet kan ikke inneholde tegnene * ? eller ~ (Excel leser dem som jokertegn).";
  if ([...n].some((ch) => ch.charCodeAt(0) < 32)) return "Navnet kan ikke inneholde linjeskift eller tabulatorer.";
  if (n.toLowerCase() === NOW_LABEL.toLowerCase()) return `«${NOW_LABEL}» er navnet på raden med dagens tall. Velg et annet navn.`;
  if (existing.some((e) => e.trim().toLowerCase() === n.toLowerCase())) return `Det finnes allerede en versjon som heter «${n}». Velg et annet navn, eller fjern den gamle først.`;
  return null;
}

/** When a version was frozen, as it stands in «Frosset» (local time, to the minute). */
export function frozenAt(d: Date): string {
  const p = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A value read from Oppfølging as a constant: an error stays an error (#N/A is written as =NA()), text stays text. */
function frozenValue(v: Raw | undefined): CellValue {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (/^#N\/A$/i.test(v)) return { formula: "=NA()" };
  // Number-like or formula-like text ("2.10", "- sjekk") keeps its text prefix.
  return /^[\s]*([-+=@\d.,]|#)/.test(v) ? `'${v}` : safeText(v);
}

/** What Oppfølging lacks to be frozen (columns of an older layout): the user must upgrade first. */
export function missingForFreeze(followUpHeader: readonly Raw[]): string[] {
  const have = new Set(followUpHeader.map(text));
  return versionColumns().slice(2)
    .map((c) => c.name)
    .filter((c) => !have.has(c));
}

/**
 * The rows a version saves: one per Oppfølging row, in Versjoner's own column order (`header`, as the
 * table stands; columns a user added stay blank), «Versjon» and «Frosset» first, then the figures as
 * Oppfølging shows them (`values`, computed: a values-only copy).
 */
export function frozenRows(name: string, frozen: string, followUp: { readonly header: readonly Raw[]; readonly values: readonly (readonly Raw[])[] }, header: readonly Raw[]): CellValue[][] {
  const from = new Map(followUp.header.map((h, i) => [text(h), i] as const));
  return followUp.values
    .filter((row) => text(row[from.get(F.nr) ?? -1]) !== "")
    .map((row) =>
      header.map((h): CellValue => {
        const c = text(h);
        if (c === "Versjon") return safeText(name.trim());
        if (c === "Frosset") return frozen;
        return from.has(c) && versionColumns().some((x) => x.name === c) ? frozenValue(row[from.get(c) as number]) : "";
      }),
    );
}

export interface VersionInfo {
  readonly name: string;
  readonly frozen: string;
  /** Rows the version holds in Versjoner. */
  readonly rows: number;
}

/** The versions in Versjoner, in the order they were frozen (first appearance). */
export function versionsIn(header: readonly Raw[], values: readonly (readonly Raw[])[]): VersionInfo[] {
  const v = header.findIndex((h) => text(h) === "Versjon");
  const f = header.findIndex((h) => text(h) === "Frosset");
  const out = new Map<string, { name: string; frozen: string; rows: number }>();
  if (v < 0) return [];
  for (const row of values) {
    const name = text(row[v]);
    if (name === "") continue;
    const key = name.toLowerCase();
    const known = out.get(key);
    if (known) known.rows++;
    else out.set(key, { name, frozen: f >= 0 ? text(row[f]) : "", rows: 1 });
  }
  return [...out.values()];
}

/** The measures a version holds for a year, Nr → title (the pane's added/dropped marks against the adopted version). */
export function versionMeasures(header: readonly Raw[], values: readonly (readonly Raw[])[], name: string, year: number): Map<string, string> {
  const at = (c: string) => header.findIndex((h) => text(h) === c);
  const [v, nr, title, y] = [at("Versjon"), at(F.nr), at(F.title), at(F.year)];
  const out = new Map<string, string>();
  for (const row of values) {
    if (text(row[v]).toLowerCase() === name.toLowerCase() && Number(row[y]) === year) out.set(text(row[nr]), text(row[title]));
  }
  return out;
}

/** A comparison row for a new version, in the comparison table's own column order. */
export function comparisonRow(names: TableNames, header: readonly Raw[], version: { readonly name: string; readonly frozen: string } | null, previous: string): CellValue[] {
  const cells = comparisonCells(names, version ? { name: safeText(version.name.trim()), frozen: version.frozen } : null, previous === "" ? "" : safeText(previous));
  const ours = ["Versjon", "Frosset", "Forrige", "Plan", "Realisert hittil", "Forventet", "Behov for budsjettjustering", "Endring plan", "Endring forventet"];
  return header.map((h) => {
    const i = ours.indexOf(text(h));
    return i >= 0 ? (cells[i] as CellValue) : "";
  });
}

export interface BodyRows {
  /** Body rows (0-based) to delete, as runs from the bottom up: deleting one never moves the next. */
  readonly deleteRuns: readonly { readonly from: number; readonly count: number }[];
  /** Body rows to clear instead (a table keeps at least one body row). */
  readonly clear: readonly number[];
}

/** Which body rows of a table go when the rows `gone` are removed (bottom-up runs; the last row left, cleared). */
export function removal(bodyRows: number, gone: readonly number[]): BodyRows {
  const set = [...new Set(gone)].sort((a, b) => a - b);
  const clear: number[] = [];
  if (set.length > 0 && set.length === bodyRows) clear.push(set.shift() as number);
  const runs: { from: number; count: number }[] = [];
  for (const r of set) {
    const last = runs[runs.length - 1];
    if (last && last.from + last.count === r) last.count++;
    else runs.push({ from: r, count: 1 });
  }
  return { deleteRuns: runs.reverse(), clear };
}
