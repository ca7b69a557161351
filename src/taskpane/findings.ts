// The findings as a controller reads them in the pane: one entry per measure, rule and severity with its
// years as a range (the workbook's Avvik table keeps one row per finding and year), errors first, in
// sections per working group with a count line, and every number in the pane's own format (nb-NO, «−»).
// Pure: the view (FindingsPanel.tsx) only renders what this returns.
import type { Finding, RuleId, Severity } from "../domain/reconcile";
import { formatFigure, formatMnok, plural, yearRanges } from "./format";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export const SEVERITY_LABEL: Readonly<Record<Severity, { one: string; many: string }>> = {
  error: { one: "feil", many: "feil" },
  warning: { one: "advarsel", many: "advarsler" },
  info: { one: "merknad", many: "merknader" },
};

/** "Feil", "Advarsel", "Merknad": the badge on an entry. */
export function severityTitle(s: Severity): string {
  const w = SEVERITY_LABEL[s].one;
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** "2 feil, 49 advarsler, 1 merknad"; severities with none are left out ("ingen avvik" when all are). */
export function countText(counts: Readonly<Record<Severity, number>>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => plural(counts[s], SEVERITY_LABEL[s].one, SEVERITY_LABEL[s].many));
  return parts.length > 0 ? parts.join(", ") : "ingen avvik";
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** The section of a finding: its working group for a measure, "rapport" for the report's own sums. */
export const REPORT_SECTION = "rapport";
export const sectionOf = (f: Finding): string => (f.measure === null ? REPORT_SECTION : String(f.group ?? REPORT_SECTION));

export interface FindingEntry {
  readonly key: string;
  readonly measure: string | null;
  readonly group: number | null;
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Which of the report's sums a total-overall entry is about ("SUM-raden under tiltakene"), else null. */
  readonly subject: string | null;
  /** Every year the entry's findings name, sorted. */
  readonly years: readonly number[];
  readonly findings: readonly Finding[];
  /** What to read, one line each: "2028–2030: effekttabellen −8,55, sammendraget −8,5". */
  readonly lines: readonly string[];
}

export interface FindingSection {
  readonly key: string;
  readonly entries: readonly FindingEntry[];
  readonly counts: Readonly<Record<Severity, number>>;
}

/** For rules that compare two figures per year: what each figure is. */
const COMPARED: Partial<Record<RuleId, { actual: string; expected: string; printedFirst?: boolean }>> = {
  "detail-vs-summary": { actual: "effekttabellen", expected: "sammendraget" },
  "group-vs-summary": { actual: "gruppens tabell", expected: "sammendraget" },
  "lines-vs-net": { actual: "linjene summerer til", expected: "nettoraden" },
  "total-group": { actual: "delene", expected: "trykt", printedFirst: true },
  "total-category": { actual: "delene", expected: "trykt", printedFirst: true },
  "total-overall": { actual: "delene", expected: "trykt", printedFirst: true },
};

/** The domain's messages print U+002D for minus; the pane shows U+2212 like every other figure. */
export function paneMinus(text: string): string {
  return text.replace(/(^|[\s(«])-(?=\d)/g, "$1\u2212");
}

/** A message about one year without its year ("… i 2028, …" → "…, …"), for merging equal years. */
function withoutYear(message: string, year: number): string {
  return message.replace(new RegExp(` (?:i|for) ${year}(?=\\b)`), "");
}

/** Who a report-level sum finding is about ("SUM-raden under tiltakene"), when the message says so. */
function subjectOf(f: Finding): string | null {
  const m = /^(.*?) er trykt som /.exec(f.message);
  return m ? (m[1] as string) : null;
}

/**
 * Years with the same text become one line, the years as ranges in front; a single line that covers all of
 * the entry's years needs no years (the entry's heading says them).
 */
function mergeByText(items: readonly { years: readonly number[]; text: string }[], allYears: readonly number[]): string[] {
  const byText = new Map<string, number[]>();
  const order: string[] = [];
  for (const it of items) {
    if (!byText.has(it.text)) {
      byText.set(it.text, []);
      order.push(it.text);
    }
    byText.get(it.text)!.push(...it.years);
  }
  if (order.length === 1 && yearRanges(byText.get(order[0] as string)!) === yearRanges(allYears)) return order;
  return order.map((text) => {
    const years = byText.get(text)!;
    return years.length > 0 ? `${yearRanges(years)}: ${text}` : text;
  });
}

/** Summary-precision rules: the other table's figure as compared (rounded to one decimal) when it has more. */
const ROUNDED = new Set<RuleId>(["detail-vs-summary", "group-vs-summary"]);

function entryLines(rule: RuleId, findings: readonly Finding[], allYears: readonly number[]): string[] {
  const compared = COMPARED[rule];
  const numeric = compared && findings.every((f) => f.expected !== null && f.actual !== null && f.years.length === 1);
  // lines-vs-net in a table printed in kr or 1000 kr compares printed units: say so, as the message does.
  const unit = rule === "lines-vs-net" ? (/\((kr|1000 kr)\)\.?$/.exec(findings[0]?.message ?? "")?.[1] ?? null) : null;
  if (compared && numeric) {
    return mergeByText(
      findings.map((f) => {
        const actual = f.actual as number;
        const rounded = ROUNDED.has(rule) && formatFigure(actual) !== formatMnok(actual) ? ` (avrundet ${formatMnok(actual)})` : "";
        const a = `${compared.actual} ${formatFigure(actual)}${rounded}`;
        const e = `${compared.expected} ${formatFigure(f.expected as number)}`;
        const pair = compared.printedFirst ? `${e}, ${a}` : `${a}, ${e}`;
        return { years: f.years, text: `${pair}${unit ? ` (${unit})` : ""}` };
      }),
      allYears,
    );
  }
  if (findings.length === 1) return [paneMinus((findings[0] as Finding).message)];
  return mergeByText(
    findings.map((f) => {
      const only = f.years.length === 1 ? (f.years[0] as number) : null;
      const text = paneMinus(only !== null ? withoutYear(f.message, only) : f.message);
      // A year the message no longer names goes in front of it; a message naming several keeps them.
      return { years: only !== null && text !== paneMinus(f.message) ? [only] : [], text };
    }),
    allYears,
  );
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Groups findings into entries (measure or report sum × rule × severity) and sections (working groups in
 * order, then the report's sums). Within a section: errors, then warnings, then notes; then catalogue order.
 */
export function groupFindings(findings: readonly Finding[], measureOrder: readonly string[], ruleOrder: readonly RuleId[], groupOrder: readonly number[]): FindingSection[] {
  const mIndex = new Map(measureOrder.map((id, i) => [id, i]));
  const rIndex = new Map(ruleOrder.map((id, i) => [id, i]));
  const entries = new Map<string, { first: Finding; list: Finding[] }>();
  for (const f of findings) {
    // The report's overall sums are several different sums: one entry each.
    const subject = f.rule === "total-overall" ? subjectOf(f) : null;
    const key = `${f.measure ?? `rapport:${f.group ?? "alle"}`}|${f.rule}|${f.severity}|${subject ?? ""}`;
    const e = entries.get(key);
    if (e) e.list.push(f);
    else entries.set(key, { first: f, list: [f] });
  }
  const bySection = new Map<string, FindingEntry[]>();
  for (const [key, { first, list }] of entries) {
    const years = [...new Set(list.flatMap((f) => f.years))].sort((a, b) => a - b);
    const entry: FindingEntry = {
      key,
      measure: first.measure,
      group: first.group,
      rule: first.rule,
      severity: first.severity,
      subject: first.rule === "total-overall" ? subjectOf(first) : null,
      years,
      findings: list,
      lines: entryLines(first.rule, list, years),
    };
    const s = sectionOf(first);
    bySection.set(s, [...(bySection.get(s) ?? []), entry]);
  }
  const big = Number.MAX_SAFE_INTEGER;
  const order = (e: FindingEntry): [number, number, number, number] => [
    SEVERITY_ORDER[e.severity],
    e.measure === null ? big : (mIndex.get(e.measure) ?? big),
    e.group ?? big,
    rIndex.get(e.rule) ?? big,
  ];
  const compare = (a: FindingEntry, b: FindingEntry) => {
    const x = order(a);
    const y = order(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
    return 0;
  };
  const keys = [...groupOrder.map(String), REPORT_SECTION].filter((k) => bySection.has(k));
  for (const k of bySection.keys()) if (!keys.includes(k)) keys.splice(keys.length - 1, 0, k);
  return keys.map((k) => {
    const list = [...(bySection.get(k) ?? [])].sort(compare);
    return { key: k, entries: list, counts: countBySeverity(list.flatMap((e) => e.findings)) };
  });
}

/** The finding "Vis i arbeidsboken" selects for an entry: its first finding, spanning all the entry's years. */
export function entryTarget(e: FindingEntry): Finding {
  const first = e.findings[0] as Finding;
  return { ...first, years: e.years };
}
