// Checks what users typed into the input columns (Realisert, HØP figures): text where a number belongs,
// or rows for measures the catalogue does not know, become findings in the Avvik list — never dropped or
// read as 0.
import type { Catalogue } from "./catalogue";
import type { ExistingTable, StoredCell } from "./insertPlan";
import type { Finding } from "./reconcile";

function numberOrProblem(v: StoredCell | undefined): string | null {
  if (v === null || v === undefined || v === "" || typeof v === "number") return null;
  return String(v);
}

function check(cat: Catalogue, t: ExistingTable | null | undefined, columns: (header: readonly string[]) => { col: number; year: number; label: string }[], what: string): Finding[] {
  if (!t) return [];
  const out: Finding[] = [];
  const nr = t.header.indexOf("Nr");
  const yearCol = t.header.indexOf("År");
  const cols = columns(t.header);
  (t.values ?? t.body).forEach((row) => {
    const id = String(row[nr] ?? "").trim();
    if (id === "") return;
    const m = cat.measure(id);
    const typed = cols.filter((c) => row[c.col] !== "" && row[c.col] !== null && row[c.col] !== undefined);
    if (!m) {
      if (typed.length > 0) {
        out.push({ measure: id, group: null, rule: "unreadable", severity: "warning", years: [], expected: null, actual: null, message: `${what}: tiltak «${id}» finnes ikke i katalogen; tallene på raden er ikke med i noen sum.` });
      }
      return;
    }
    for (const c of cols) {
      const bad = numberOrProblem(row[c.col]);
      if (bad === null) continue;
      const year = yearCol >= 0 ? Number(row[yearCol]) : c.year;
      out.push({ measure: id, group: m.group, rule: "unreadable", severity: "warning", years: [year], expected: null, actual: null, message: `${what}: ${c.label} for ${year} er «${bad}», ikke et tall. Skriv beløpet i mill. kr.` });
    }
  });
  return out;
}

const FOLLOW_UP_FIGURES = ["Realisert", "Realisert 30.04", "Realisert 31.08", "Prognose helår"] as const;

export function inputFindings(cat: Catalogue, tables: { followUp?: ExistingTable | null; hop?: ExistingTable | null }): Finding[] {
  return [
    // Every figure a sector accountant types: text there would count as 0 in the sums and fall back to plan.
    ...check(
      cat,
      tables.followUp,
      (h) => FOLLOW_UP_FIGURES.map((label) => ({ col: h.indexOf(label), year: 0, label })).filter((c) => c.col >= 0),
      "Oppfølging",
    ),
    ...check(
      cat,
      tables.hop,
      (h) => h.map((name, col) => ({ col, name })).filter((c) => /^HØP \d{4}$/.test(c.name)).map((c) => ({ col: c.col, year: Number(c.name.slice(4)), label: "HØP-tallet" })),
      "HØP",
    ),
  ];
}
