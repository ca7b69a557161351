// The reconciliation engine: where the report contradicts itself. Each rule is a small, separately
// tested function registered in RULES; findings say what was expected (usually the summary table, S),
// what another source says, and why, in one Norwegian line a controller understands.
import type { Catalogue } from "./catalogue";
import { decimalSubtract, decimalSum, decimalsOf, roundHalfUp } from "./decimal";
import { detailNetRow, menuMeasures, normaliseDetailValue } from "./effects";
import { isInterpreted, isUnreadable, type Cell, type DetailTable, type GroupTarget, type Measure, type ValueRow, type YearValues } from "./types";

export const RULE_IDS = [
  "detail-vs-summary",
  "group-vs-summary",
  "lines-vs-net",
  "sign",
  "unit",
  "missing-in-summary",
  "missing-detail",
  "numbering",
  "copied-row",
  "total-group",
  "total-category",
  "total-overall",
  "total-target",
  "unreadable",
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export type Severity = "error" | "warning" | "info";

export interface Finding {
  readonly measure: string | null;
  readonly group: number | null;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly years: readonly number[];
  readonly expected: number | null;
  readonly actual: number | null;
  readonly message: string;
}

export interface Rule {
  readonly id: RuleId;
  /** What the rule checks, for the help page and the pane (Norwegian). */
  readonly title: string;
  readonly check: (cat: Catalogue) => Finding[];
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

const fmt = (x: number) => x.toLocaleString("nb-NO", { maximumFractionDigits: 6 }).replace("\u2212", "-");

/** A cell's number for comparison: blank counts as 0 (no effect), unreadable is unknown (null). */
function num(c: Cell | undefined): number | null {
  if (c === null || c === undefined) return 0;
  if (isUnreadable(c)) return null;
  return isInterpreted(c) ? c.value : c;
}

/** The summary table's precision: the most decimals any of its values is printed with. */
const decimalsCache = new WeakMap<Catalogue, number>();
export function summaryDecimals(cat: Catalogue): number {
  let d = decimalsCache.get(cat);
  if (d === undefined) {
    d = 0;
    for (const m of cat.measures) for (const c of Object.values(m.summary?.values ?? {})) if (typeof c === "number") d = Math.max(d, decimalsOf(c));
    decimalsCache.set(cat, d);
  }
  return d;
}

function finding(f: Omit<Finding, "group"> & { group?: number | null }, m?: Measure): Finding {
  const { measure, rule, severity, years, expected, actual, message } = f;
  return { measure, group: f.group ?? m?.group ?? null, rule, severity, years, expected, actual, message };
}

/** The detail table's effect row in MNOK, report sign (net row, single line, or the sum of its lines). */
function detailEffect(d: DetailTable): { values: Map<number, number | null>; fromLines: boolean } {
  const net = detailNetRow(d);
  const out = new Map<number, number | null>();
  if (net) {
    for (const y of d.years) {
      const v = num(net.values[String(y)]);
      out.set(y, v === null ? null : normaliseDetailValue(v, d));
    }
    return { values: out, fromLines: false };
  }
  for (const y of d.years) {
    const parts = d.lines.map((l) => num(l.values[String(y)]));
    out.set(y, parts.some((p) => p === null) ? null : normaliseDetailValue(decimalSum(parts as number[]), d));
  }
  return { values: out, fromLines: true };
}

// ---------------------------------------------------------------------------------------------
// Rules comparing a measure's sources

function compareToSummary(
  cat: Catalogue,
  m: Measure,
  other: Map<number, number | null>,
  rule: "detail-vs-summary" | "group-vs-summary",
  what: string,
): Finding[] {
  if (!m.summary) return [];
  const p = summaryDecimals(cat);
  const out: Finding[] = [];
  for (const [y, v] of other) {
    const s = num(m.summary.values[String(y)]);
    if (v === null || s === null) continue; // unreadable: reported by its own rule
    if (roundHalfUp(v, p) !== s) {
      out.push(
        finding(
          {
            measure: m.id,
            rule,
            severity: "error",
            years: [y],
            expected: s,
            actual: v,
            message: `${what} viser ${fmt(v)} mill. kr i ${y}, sammendraget ${fmt(s)} (avrundet: ${fmt(roundHalfUp(v, p))}).`,
          },
          m,
        ),
      );
    }
  }
  return out;
}

/** True when every compared year agrees once the other source's sign is flipped (and some did not before). */
function signFlipped(cat: Catalogue, m: Measure, other: Map<number, number | null>): boolean {
  if (!m.summary) return false;
  const p = summaryDecimals(cat);
  let nonZero = 0;
  for (const [y, v] of other) {
    const s = num(m.summary.values[String(y)]);
    if (v === null || s === null) continue;
    if (roundHalfUp(-v, p) !== s) return false;
    if (s !== 0) nonZero++;
  }
  return nonZero > 0;
}

/** The detail table's effect per year the catalogue covers. */
function detailSeries(cat: Catalogue, d: DetailTable): { values: Map<number, number | null>; fromLines: boolean } {
  const { values, fromLines } = detailEffect(d);
  return { values: new Map([...values].filter(([y]) => cat.yearIndex(y) >= 0)), fromLines };
}

/** The group table's value per year it prints. */
function groupSeries(values: YearValues): Map<number, number | null> {
  return new Map(Object.keys(values).map((k) => [Number(k), num(values[k])] as const));
}

const detailVsSummary: Rule = {
  id: "detail-vs-summary",
  title: "Tiltakets effekttabell mot sammendragstabellen",
  check: (cat) =>
    cat.measures.flatMap((m) => {
      if (!m.detail || !m.summary) return [];
      const { values: compared, fromLines } = detailSeries(cat, m.detail);
      if (signFlipped(cat, m, compared)) return []; // reported once as `sign`
      return compareToSummary(cat, m, compared, "detail-vs-summary", fromLines ? "Summen av effekttabellens linjer" : "Effekttabellen");
    }),
};

const groupVsSummary: Rule = {
  id: "group-vs-summary",
  title: "Arbeidsgruppens tabell mot sammendragstabellen",
  check: (cat) =>
    cat.measures.flatMap((m) => {
      if (!m.groupTable || !m.summary) return [];
      const values = groupSeries(m.groupTable.values);
      if (signFlipped(cat, m, values)) return [];
      return compareToSummary(cat, m, values, "group-vs-summary", "Arbeidsgruppens tabell");
    }),
};

const sign: Rule = {
  id: "sign",
  title: "Innsparing skrevet med motsatt fortegn",
  check: (cat) =>
    cat.measures.flatMap((m) => {
      const out: Finding[] = [];
      if (m.detail?.sign === "positive-is-saving") {
        out.push(
          finding({ measure: m.id, rule: "sign", severity: "warning", years: [], expected: null, actual: null, message: "Effekttabellen skriver innsparing som positive tall; rapporten ellers som negative. Tallene er snudd før sammenligning." }, m),
        );
      } else if (m.detail) {
        if (signFlipped(cat, m, detailSeries(cat, m.detail).values)) {
          out.push(finding({ measure: m.id, rule: "sign", severity: "warning", years: [], expected: null, actual: null, message: "Effekttabellen har motsatt fortegn av sammendraget, men ellers samme tall." }, m));
        }
      }
      if (m.groupTable) {
        if (signFlipped(cat, m, groupSeries(m.groupTable.values))) {
          out.push(finding({ measure: m.id, rule: "sign", severity: "warning", years: [], expected: null, actual: null, message: "Arbeidsgruppens tabell har motsatt fortegn av sammendraget, men ellers samme tall." }, m));
        }
      }
      return out;
    }),
};

const unit: Rule = {
  id: "unit",
  title: "Tabell i kroner under overskriften mill. kr",
  check: (cat) =>
    cat.measures.flatMap((m) => {
      const d = m.detail;
      if (!d || d.unit === "MNOK" || !/mill/i.test(d.unitPrinted)) return [];
      const word = d.unit === "NOK" ? "kroner" : "tusen kroner";
      return [finding({ measure: m.id, rule: "unit", severity: "warning", years: [], expected: null, actual: null, message: `Effekttabellen er merket «${d.unitPrinted}», men tallene er i ${word}. De er regnet om før sammenligning.` }, m)];
    }),
};

const linesVsNet: Rule = {
  id: "lines-vs-net",
  title: "Effekttabellens linjer summerer ikke til nettoraden",
  check: (cat) =>
    cat.measures.flatMap((m) => {
      const d = m.detail;
      if (!d || !d.net || d.lines.length === 0) return [];
      const netValues = Object.values(d.net.values).filter((c): c is number => typeof c === "number");
      const lineValues = d.lines.flatMap((l) => Object.values(l.values)).filter((c): c is number => typeof c === "number");
      const p = Math.max(0, ...netValues.map(decimalsOf));
      const out: Finding[] = [];
      for (const y of d.years) {
        const net = num(d.net.values[String(y)]);
        const parts = d.lines.map((l) => num(l.values[String(y)]));
        if (net === null || parts.some((x) => x === null)) continue;
        const sum = decimalSum(parts as number[]);
        if (roundHalfUp(sum, p) !== net && lineValues.length > 0) {
          out.push(
            finding(
              {
                measure: m.id,
                rule: "lines-vs-net",
                severity: "error",
                years: [y],
                expected: net,
                actual: sum,
                message: `Linjene i effekttabellen summerer til ${fmt(sum)} i ${y}, nettoraden viser ${fmt(net)}${d.unit === "MNOK" ? "" : ` (${d.unit === "NOK" ? "kr" : "1000 kr"})`}.`,
              },
              m,
            ),
          );
        }
      }
      return out;
    }),
};

const missingInSummary: Rule = {
  id: "missing-in-summary",
  title: "Tiltak som bare står i kapittel 4",
  check: (cat) =>
    cat.measures
      .filter((m) => !m.inSummary)
      .map((m) =>
        finding({ measure: m.id, rule: "missing-in-summary", severity: "warning", years: [], expected: null, actual: null, message: `Tiltaket er beskrevet i ${m.source ?? "kapittel 4"}, men står ikke i sammendragstabellen og er ikke med i summene.` }, m),
      ),
};

const missingDetail: Rule = {
  id: "missing-detail",
  title: "Tiltak uten effekttabell eller nettorad",
  check: (cat) =>
    cat.measures.flatMap((m) => {
      if (!m.detail) {
        return [finding({ measure: m.id, rule: "missing-detail", severity: "info", years: [], expected: null, actual: null, message: "Tiltaket har ingen effekttabell i kapittel 4; sammendragets tall kan ikke kontrolleres mot den." }, m)];
      }
      if (!detailNetRow(m.detail)) {
        return [finding({ measure: m.id, rule: "missing-detail", severity: "info", years: [], expected: null, actual: null, message: "Effekttabellen har ingen nettorad; summen av linjene er brukt i sammenligningen." }, m)];
      }
      const missingYears = m.inSummary ? cat.years.filter((y) => !m.detail!.years.includes(y) && num(m.summary?.values[String(y)]) !== 0) : [];
      return missingYears.length > 0
        ? [finding({ measure: m.id, rule: "missing-detail", severity: "info", years: missingYears, expected: null, actual: null, message: `Effekttabellen har ingen kolonne for ${missingYears.join(", ")}, der sammendraget har en effekt.` }, m)]
        : [];
    }),
};

const numbering: Rule = {
  id: "numbering",
  title: "Overskriften i kapittel 4 har et annet nummer enn sammendraget",
  check: (cat) =>
    cat.measures
      .filter((m) => m.headingId !== null && m.headingId !== m.id)
      .map((m) =>
        finding({ measure: m.id, rule: "numbering", severity: "warning", years: [], expected: null, actual: null, message: `Avsnitt ${m.source} kaller tiltaket «Tiltak ${m.headingId}», sammendraget kaller det ${m.id}.` }, m),
      ),
};

/** Identity of a line for copy detection: its label and its values (blank = 0); null for all-zero lines. */
function lineSignature(label: string, values: YearValues): string | null {
  const cells = Object.keys(values)
    .sort()
    .map((k) => [k, num(values[k])] as const);
  if (label.trim() === "" || cells.every(([, v]) => (v ?? 0) === 0)) return null;
  return `${label.trim()}\u0000${cells.map(([k, v]) => `${k}=${v}`).join(",")}`;
}

const copiedRow: Rule = {
  id: "copied-row",
  title: "Rad kopiert fra et annet tiltak",
  check: (cat) => {
    const out: Finding[] = [];
    // First measure (catalogue order) printing each labelled line: a later identical line is the copy.
    const firstWith = new Map<string, Measure>();
    for (const m of cat.measures) {
      for (const line of m.detail?.lines ?? []) {
        const sig = lineSignature(line.label, line.values);
        if (sig === null) continue;
        const source = firstWith.get(sig);
        if (!source) firstWith.set(sig, m);
        else if (source !== m) {
          out.push(
            finding({ measure: m.id, rule: "copied-row", severity: "error", years: [], expected: null, actual: null, message: `Linjen «${line.label.trim()}» i effekttabellen er lik linjen i tiltak ${source.id}; trolig kopiert fra det tiltaket.` }, m),
          );
        }
      }
    }
    return out;
  },
};

// ---------------------------------------------------------------------------------------------
// Totals: a printed total is consistent with parts rounded to p decimals when it differs by no more
// than the parts' accumulated rounding (n × half a unit); beyond that the numbers really differ.

function compareTotal(
  rule: "total-group" | "total-category" | "total-overall",
  printed: ValueRow,
  parts: (y: number) => { sum: number; count: number } | null,
  years: readonly number[],
  partDecimals: number,
  label: string,
  group: number | null,
): Finding[] {
  const out: Finding[] = [];
  for (const y of years) {
    const total = num(printed.values[String(y)]);
    const p = parts(y);
    if (total === null || p === null) continue;
    if (printed.values[String(y)] === null && p.sum === 0) continue;
    const totalDecimals = decimalsOf(total);
    const d = Math.min(partDecimals, totalDecimals);
    if (roundHalfUp(p.sum, d) === roundHalfUp(total, d)) continue;
    const diff = Math.abs(decimalSubtract(p.sum, total));
    const tolerance = p.count * 0.5 * 10 ** -partDecimals + 0.5 * 10 ** -totalDecimals;
    const withinRounding = diff <= tolerance + 1e-9;
    out.push({
      measure: null,
      group,
      rule,
      severity: withinRounding ? "warning" : "error",
      years: [y],
      expected: total,
      actual: p.sum,
      message: `${label} er trykt som ${fmt(total)} i ${y}, men delene summerer til ${fmt(p.sum)}${withinRounding ? " (innenfor avrunding av delene)" : ""}.`,
    });
  }
  return out;
}

function measureSum(cat: Catalogue, ms: readonly Measure[], y: number): { sum: number; count: number } | null {
  const parts = ms.map((m) => num(m.summary?.values[String(y)]));
  if (parts.some((p) => p === null)) return null;
  return { sum: decimalSum(parts as number[]), count: ms.length };
}

/** Sum of printed total rows in a year (unknown if any is unreadable). */
function rowsSum(rows: readonly ValueRow[], y: number): { sum: number; count: number } | null {
  const parts = rows.map((r) => num(r.values[String(y)]));
  return parts.some((p) => p === null) ? null : { sum: decimalSum(parts as number[]), count: parts.length };
}

/** The most decimals any of these rows is printed with. */
function rowsDecimals(rows: readonly ValueRow[]): number {
  return Math.max(0, ...rows.flatMap((r) => Object.values(r.values)).filter((c): c is number => typeof c === "number").map(decimalsOf));
}

const totalGroup: Rule = {
  id: "total-group",
  title: "Arbeidsgruppens sum mot summen av tiltakene",
  check: (cat) =>
    cat.groups.flatMap((g) => {
      const printed = cat.data.totals.byGroup[String(g.id)];
      if (!printed) return [];
      const ms = menuMeasures(cat, { group: g.id });
      return compareTotal("total-group", printed, (y) => measureSum(cat, ms, y), cat.years, summaryDecimals(cat), `Summen for gruppe ${g.id} (${g.name})`, g.id);
    }),
};

const totalCategory: Rule = {
  id: "total-category",
  title: "Kategorisummene",
  check: (cat) => {
    const out: Finding[] = [];
    const menu = menuMeasures(cat);
    const uncategorised = menu.filter((m) => m.category === null).length;
    if (uncategorised > 0) {
      out.push({
        measure: null,
        group: null,
        rule: "total-category",
        severity: "info",
        years: [],
        expected: null,
        actual: null,
        message: `Kategorisummene kan ikke kontrolleres mot tiltakene: rapporten oppgir kategori for bare ${menu.length - uncategorised} av ${menu.length} tiltak.`,
      });
    }
    const rows = Object.values(cat.data.totals.byCategory);
    out.push(...compareTotal("total-category", cat.data.totals.overall.categoryTable, (y) => rowsSum(rows, y), cat.years, rowsDecimals(rows), "Summen i kategoritabellen", null));
    return out;
  },
};

const totalOverall: Rule = {
  id: "total-overall",
  title: "Totalsummene",
  check: (cat) => {
    const { overall, byGroup } = cat.data.totals;
    const groups = Object.values(byGroup);
    const groupDecimals = rowsDecimals(groups);
    const menu = menuMeasures(cat);
    return [
      ...compareTotal("total-overall", overall.measureTable, (y) => measureSum(cat, menu, y), cat.years, summaryDecimals(cat), "SUM-raden under tiltakene", null),
      ...compareTotal("total-overall", overall.groupTable, (y) => rowsSum(groups, y), cat.years, groupDecimals, "Sum innsparingseffekt (gruppetabellen)", null),
      ...compareTotal("total-overall", overall.categoryTable, (y) => { const v = num(overall.groupTable.values[String(y)]); return v === null ? null : { sum: v, count: 1 }; }, cat.years, groupDecimals, "Summen i kategoritabellen mot gruppetabellens sum", null),
    ];
  },
};

/**
 * The targets table (sparekrav, sparekrav × 2 = the menu asked for, and each group's measures in the plan
 * period's last year): its group rows against its overall row. Elverum's groups add up to -41 and -82
 * where the overall row says -40 and -80, so «Gjenstår» counted against the groups' targets and against
 * the overall target differ by 1. A warning, not an error: targets are decisions, not sums of the report.
 */
const TARGET_COLUMNS = [
  {
    key: "sparekrav",
    say: (sum: string, total: string, where: string, gap: string) =>
      `Sparekravene per arbeidsgruppe summerer til ${sum} mill. kr, men det samlede sparekravet er trykt som ${total}${where}: «Gjenstår» regnet mot gruppenes krav skiller seg derfor med ${gap} fra «Gjenstår» regnet mot det samlede kravet.`,
  },
  {
    key: "menu",
    say: (sum: string, total: string, where: string) =>
      `Kravene til tiltaksmenyen (sparekrav × 2) per arbeidsgruppe summerer til ${sum} mill. kr, men den samlede menyen er trykt som ${total}${where}.`,
  },
  {
    key: "printedTotal2029",
    say: (sum: string, total: string, where: string) =>
      `De samlede tiltakene per arbeidsgruppe i tabellen over sparekrav summerer til ${sum} mill. kr, men summen er trykt som ${total}${where}.`,
  },
] as const;

const totalTarget: Rule = {
  id: "total-target",
  title: "Sparekravene per arbeidsgruppe mot det samlede sparekravet",
  check: (cat) => {
    const { byGroup, overall } = cat.data.targets;
    const rows = cat.groups.map((g) => byGroup[String(g.id)]).filter((t): t is GroupTarget => t !== undefined);
    if (rows.length === 0) return [];
    const lines = [...rows.map((r) => r.line), overall.line];
    const where = ` (linje ${Math.min(...lines)}–${Math.max(...lines)})`;
    return TARGET_COLUMNS.flatMap(({ key, say }): Finding[] => {
      const sum = decimalSum(rows.map((r) => r[key]));
      const total = overall[key];
      if (roundHalfUp(sum, decimalsOf(total)) === total) return [];
      const gap = Math.abs(decimalSubtract(sum, total));
      const message = say(fmt(sum), fmt(total), where, fmt(gap));
      return [{ measure: null, group: null, rule: "total-target", severity: "warning", years: [cat.planPeriod[1]], expected: total, actual: sum, message }];
    });
  },
};

const unreadable: Rule = {
  id: "unreadable",
  title: "Verdier som ikke kan leses i rapporten",
  check: (cat) =>
    cat.measures.flatMap((m) => {
      const out: Finding[] = [];
      const scan = (where: string, values: YearValues | undefined) => {
        for (const [y, c] of Object.entries(values ?? {})) {
          if (isUnreadable(c)) {
            out.push(finding({ measure: m.id, rule: "unreadable", severity: "warning", years: [Number(y)], expected: null, actual: null, message: `${where} for ${y} kan ikke leses (trykt «${c.unreadable}»). Verdien er ukjent, ikke 0.` }, m));
          } else if (isInterpreted(c)) {
            out.push(finding({ measure: m.id, rule: "unreadable", severity: "info", years: [Number(y)], expected: null, actual: c.value, message: `${where} for ${y} er trykt «${c.printed}»; tolket som ${fmt(c.value)} ut fra rapportens andre tabeller.` }, m));
          }
        }
      };
      scan("Sammendraget", m.summary?.values);
      scan("Arbeidsgruppens tabell", m.groupTable?.values);
      m.detail?.lines.forEach((l) => scan(`Effekttabellens linje «${l.label.trim() || "uten tekst"}»`, l.values));
      if (m.detail?.net) scan("Effekttabellens nettorad", m.detail.net.values);
      return out;
    }),
};

export const RULES: readonly Rule[] = [
  detailVsSummary,
  groupVsSummary,
  linesVsNet,
  sign,
  unit,
  missingInSummary,
  missingDetail,
  numbering,
  copiedRow,
  totalGroup,
  totalCategory,
  totalOverall,
  totalTarget,
  unreadable,
];

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Runs every rule; findings ordered by measure (catalogue order), then report-level, then severity. */
export function reconcile(cat: Catalogue, rules: readonly Rule[] = RULES): Finding[] {
  const order = new Map(cat.measures.map((m, i) => [m.id, i]));
  const all = rules.flatMap((r) => r.check(cat));
  return all
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const ma = a.f.measure === null ? Number.MAX_SAFE_INTEGER : (order.get(a.f.measure) ?? 0);
      const mb = b.f.measure === null ? Number.MAX_SAFE_INTEGER : (order.get(b.f.measure) ?? 0);
      return ma - mb || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i;
    })
    .map((x) => x.f);
}

/** Findings that count against a measure (errors and warnings), per measure id. */
export function findingCounts(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (f.measure && f.severity !== "info") out.set(f.measure, (out.get(f.measure) ?? 0) + 1);
  return out;
}

