// The reconciliation engine: where the report contradicts itself. Each rule is a small, separately
// tested function registered in RULES; findings say what was expected (usually the summary table, S),
// what another source says, and why, in one Norwegian line a controller understands.
import type { Catalogue } from "./catalogue";
import { decimalSubtract, decimalSum, roundHalfUp } from "./decimal";
import { detailNetRow, menuMeasures, normaliseDetailValue, toMnok } from "./effects";
import { formatFigure } from "./numberText";
import { cellDecimals, decimalsInOrder, inMnokDecimals } from "./precision";
import { isInterpreted, isUnreadable, type Cell, type DetailTable, type DetailUnit, type GroupTableRow, type GroupTarget, type Measure, type ValueRow, type YearValues } from "./types";

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

/** Figures in messages as the pane shows them («−», nb-NO), with up to 3 decimals: the catalogue's precision. */
const fmt = (x: number, min = 1) => formatFigure(x, 3, min);

/** A cell's number for comparison: blank counts as 0 (no effect), unreadable is unknown (null). */
function num(c: Cell | undefined): number | null {
  if (c === null || c === undefined) return 0;
  if (isUnreadable(c)) return null;
  return isInterpreted(c) ? c.value : c;
}

/**
 * A figure in MNOK with the decimals it is printed with (in MNOK: 1000 kr printed as whole thousands is
 * three decimals of MNOK). Every comparison rounds at the compared cell's own printed precision, read from
 * the row's `printed` text where the catalogue has it (precision.ts): a net row printed "-1,0" is compared
 * at one decimal though JSON stores -1, and one two-decimal cell changes nothing beyond itself.
 */
interface Figure {
  readonly value: number;
  readonly decimals: number;
}

type Row = { readonly printed?: string; readonly values: YearValues };

/** The cell of `row` in year y as a Figure in MNOK (null: unreadable). */
function figure(row: Row, y: number, unit: DetailUnit, convert: (v: number) => number = (v) => toMnok(v, unit)): Figure | null {
  const v = num(row.values[String(y)]);
  return v === null ? null : { value: convert(v), decimals: inMnokDecimals(cellDecimals(row, y), unit) };
}

/** The summary's figure for a measure in a year (catalogue unit → MNOK), null when unreadable or absent. */
function summaryFigure(cat: Catalogue, m: Measure, y: number): Figure | null {
  return m.summary ? figure(m.summary, y, cat.unit) : null;
}

function finding(f: Omit<Finding, "group"> & { group?: number | null }, m?: Measure): Finding {
  const { measure, rule, severity, years, expected, actual, message } = f;
  return { measure, group: f.group ?? m?.group ?? null, rule, severity, years, expected, actual, message };
}

type Series = Map<number, Figure | null>;

const detailEffects = new WeakMap<DetailTable, { values: Series; fromLines: boolean }>();

/** The detail table's effect per year in MNOK, report sign (net row, single line, or the sum of its lines). */
function detailEffect(d: DetailTable): { values: Series; fromLines: boolean } {
  let hit = detailEffects.get(d);
  if (!hit) {
    hit = computeDetailEffect(d);
    detailEffects.set(d, hit);
  }
  return hit;
}

function computeDetailEffect(d: DetailTable): { values: Series; fromLines: boolean } {
  const net = detailNetRow(d);
  const out: Series = new Map();
  const normalise = (v: number) => normaliseDetailValue(v, d);
  if (net) {
    for (const y of d.years) out.set(y, figure(net, y, d.unit, normalise));
    return { values: out, fromLines: false };
  }
  for (const y of d.years) {
    const parts = d.lines.map((l) => num(l.values[String(y)]));
    const decimals = Math.max(0, ...d.lines.map((l) => cellDecimals(l, y)));
    out.set(y, parts.some((p) => p === null) ? null : { value: normalise(decimalSum(parts as number[])), decimals: inMnokDecimals(decimals, d.unit) });
  }
  return { values: out, fromLines: true };
}

// ---------------------------------------------------------------------------------------------
// Rules comparing a measure's sources

function compareToSummary(
  cat: Catalogue,
  m: Measure,
  other: Series,
  rule: "detail-vs-summary" | "group-vs-summary",
  what: string,
): Finding[] {
  if (!m.summary) return [];
  const out: Finding[] = [];
  for (const [y, o] of other) {
    const s = summaryFigure(cat, m, y);
    if (o === null || s === null) continue; // unreadable: reported by its own rule
    const rounded = roundHalfUp(o.value, s.decimals);
    if (rounded !== s.value) {
      out.push(
        finding(
          {
            measure: m.id,
            rule,
            severity: "error",
            years: [y],
            expected: s.value,
            actual: o.value,
            message: `${what} viser ${fmt(o.value)} mill. kr i ${y}, sammendraget ${fmt(s.value)} (avrundet: ${fmt(rounded)}).`,
          },
          m,
        ),
      );
    }
  }
  return out;
}

/** True when every compared year agrees once the other source's sign is flipped (and some did not before). */
function signFlipped(cat: Catalogue, m: Measure, other: Series): boolean {
  if (!m.summary) return false;
  let nonZero = 0;
  for (const [y, o] of other) {
    const s = summaryFigure(cat, m, y);
    if (o === null || s === null) continue;
    if (roundHalfUp(-o.value, s.decimals) !== s.value) return false;
    if (s.value !== 0) nonZero++;
  }
  return nonZero > 0;
}

/** The detail table's effect per year the catalogue covers. */
function detailSeries(cat: Catalogue, d: DetailTable): { values: Series; fromLines: boolean } {
  const { values, fromLines } = detailEffect(d);
  return { values: new Map([...values].filter(([y]) => cat.yearIndex(y) >= 0)), fromLines };
}

/** The group table's value per year it prints, in MNOK. */
function groupSeries(g: GroupTableRow): Series {
  return new Map(Object.keys(g.values).map((k) => [Number(k), figure(g, Number(k), g.unit)] as const));
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
      const values = groupSeries(m.groupTable);
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
        if (signFlipped(cat, m, groupSeries(m.groupTable))) {
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
      const lineValues = d.lines.flatMap((l) => Object.values(l.values)).filter((c): c is number => typeof c === "number");
      if (lineValues.length === 0) return [];
      const out: Finding[] = [];
      // Kroner and thousands are printed whole; mill. kr with a decimal.
      const unitMin = d.unit === "MNOK" ? 1 : 0;
      for (const y of d.years) {
        const net = num(d.net.values[String(y)]);
        const parts = d.lines.map((l) => num(l.values[String(y)]));
        if (net === null || parts.some((x) => x === null)) continue;
        const sum = decimalSum(parts as number[]);
        // At the net cell's printed precision, in the table's own unit: "-1,0" is one decimal.
        if (roundHalfUp(sum, cellDecimals(d.net, y)) !== net) {
          out.push(
            finding(
              {
                measure: m.id,
                rule: "lines-vs-net",
                severity: "error",
                years: [y],
                expected: net,
                actual: sum,
                message: `Linjene i effekttabellen summerer til ${fmt(sum, unitMin)} i ${y}, nettoraden viser ${fmt(net, unitMin)}${d.unit === "MNOK" ? "" : ` (${d.unit === "NOK" ? "kr" : "1000 kr"})`}.`,
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
        finding(
          { measure: m.id, rule: "missing-in-summary", severity: "warning", years: [], expected: null, actual: null, message: `Tiltaket er beskrevet i ${m.source ?? "rapporten"}, men står ikke i sammendragstabellen og er ikke med i summene.` },
          m,
        ),
      ),
};

const missingDetail: Rule = {
  id: "missing-detail",
  title: "Tiltak uten effekttabell eller nettorad",
  check: (cat) => {
    // A report without effect tables (a catalogue that has none) has nothing to miss: no finding per measure.
    if (!cat.measures.some((m) => m.detail)) return [];
    return cat.measures.flatMap((m) => {
      if (!m.detail) {
        return [finding({ measure: m.id, rule: "missing-detail", severity: "info", years: [], expected: null, actual: null, message: "Tiltaket har ingen effekttabell i rapporten; sammendragets tall kan ikke kontrolleres mot den." }, m)];
      }
      if (!detailNetRow(m.detail)) {
        return [finding({ measure: m.id, rule: "missing-detail", severity: "info", years: [], expected: null, actual: null, message: "Effekttabellen har ingen nettorad; summen av linjene er brukt i sammenligningen." }, m)];
      }
      const missingYears = m.inSummary ? cat.years.filter((y) => !m.detail!.years.includes(y) && num(m.summary?.values[String(y)]) !== 0) : [];
      return missingYears.length > 0
        ? [finding({ measure: m.id, rule: "missing-detail", severity: "info", years: missingYears, expected: null, actual: null, message: `Effekttabellen har ingen kolonne for ${missingYears.join(", ")}, der sammendraget har en effekt.` }, m)]
        : [];
    });
  },
};

const numbering: Rule = {
  id: "numbering",
  title: "Overskriften i kapittel 4 har et annet nummer enn sammendraget",
  // Only where the catalogue records the heading's own number: a catalogue without headings has nothing to compare.
  check: (cat) =>
    cat.measures
      .filter((m) => m.headingId !== null && m.headingId !== m.id)
      .map((m) =>
        finding(
          { measure: m.id, rule: "numbering", severity: "warning", years: [], expected: null, actual: null, message: `${m.source ? `Avsnitt ${m.source}` : "Overskriften"} kaller tiltaket «Tiltak ${m.headingId}», sammendraget kaller det ${m.id}.` },
          m,
        ),
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
// Totals. A printed total T (printed with dT decimals) is checked against its parts in two ways, and is
// consistent when either holds:
//  1. the report summed its printed parts: the sum of the parts as printed, rounded at dT, is T;
//  2. the report summed unrounded figures: each part is taken in the most precise form the report prints
//     it (a measure's group-table or effect-table figure when that rounds to its summary figure: the
//     summary is then its rounding), and that sum rounded at dT is T.
// Otherwise T differs. By how much rounding alone could explain is bounded by half a unit of each part's
// own precision plus half a unit of T's (interval arithmetic on the parts in 2.): within that bound the
// finding is a warning ("innenfor avrunding"), beyond it an error. The bound shrinks as the report gives
// unrounded figures; only parts printed rounded widen it (the old rule gave every part the summary's 0.05,
// so a total 0.3 off across ten measures passed as rounding even when their two-decimal figures said not).

interface Part {
  /** As printed in the table the total sums (the summary, or a total row). */
  readonly printed: number;
  /** The most precise figure the report gives for the same thing (== printed when it gives none). */
  readonly unrounded: Figure;
}

type Parts = readonly Part[] | null;

type Verdict = { readonly kind: "agrees" } | { readonly kind: "rounding" | "differs"; readonly sumPrinted: number; readonly sumUnrounded: number };

/** Whether a printed total t agrees with its parts, could differ by rounding only, or differs (see above). */
function judge(t: Figure, ps: readonly Part[]): Verdict {
  const sumPrinted = decimalSum(ps.map((p) => p.printed));
  const sumUnrounded = decimalSum(ps.map((p) => p.unrounded.value));
  if (roundHalfUp(sumPrinted, t.decimals) === t.value || roundHalfUp(sumUnrounded, t.decimals) === t.value) return { kind: "agrees" };
  const diff = Math.abs(decimalSubtract(sumUnrounded, t.value));
  const tolerance = decimalSum([...ps.map((p) => halfUnit(p.unrounded.decimals)), halfUnit(t.decimals)]);
  return { kind: diff <= tolerance ? "rounding" : "differs", sumPrinted, sumUnrounded };
}

/** `printedRow` is a total row as printed, in the catalogue's unit. */
function compareTotal(
  cat: Catalogue,
  rule: "total-group" | "total-category" | "total-overall",
  printedRow: ValueRow,
  parts: (y: number) => Parts,
  label: string,
  group: number | null,
): Finding[] {
  const out: Finding[] = [];
  for (const y of cat.years) {
    const t = figure(printedRow, y, cat.unit);
    const ps = parts(y);
    if (t === null || ps === null) continue;
    if (printedRow.values[String(y)] === null && ps.every((p) => p.printed === 0)) continue;
    const v = judge(t, ps);
    if (v.kind === "agrees") continue;
    const withinRounding = v.kind === "rounding";
    const unrounded = v.sumUnrounded !== v.sumPrinted ? ` (med de mest nøyaktige tallene rapporten har for delene: ${fmt(v.sumUnrounded)})` : "";
    out.push({
      measure: null,
      group,
      rule,
      severity: withinRounding ? "warning" : "error",
      years: [y],
      expected: t.value,
      actual: v.sumUnrounded,
      message: `${label} er trykt som ${fmt(t.value)} i ${y}, men delene summerer til ${fmt(v.sumPrinted)}${unrounded}${withinRounding ? " (innenfor avrunding av delene)" : ""}.`,
    });
  }
  return out;
}

const halfUnit = (decimals: number) => roundHalfUp(0.5 * 10 ** -decimals, Math.min(9, decimals + 1));

/** A measure's part of a total in year y: its summary figure, and its most precise figure that rounds to it. */
function measurePart(cat: Catalogue, m: Measure, y: number): Part | null {
  const s = summaryFigure(cat, m, y);
  if (s === null) return null;
  const candidates: Figure[] = [];
  if (m.groupTable && Object.prototype.hasOwnProperty.call(m.groupTable.values, String(y))) {
    const g = figure(m.groupTable, y, m.groupTable.unit);
    if (g) candidates.push(g);
  }
  if (m.detail && m.detail.years.includes(y)) {
    const d = detailEffect(m.detail).values.get(y);
    if (d) candidates.push(d);
  }
  let best = s;
  for (const c of candidates) if (c.decimals > best.decimals && roundHalfUp(c.value, s.decimals) === s.value) best = c;
  return { printed: s.value, unrounded: best };
}

function measureParts(cat: Catalogue, ms: readonly Measure[], y: number): Parts {
  const parts = ms.map((m) => measurePart(cat, m, y));
  return parts.some((p) => p === null) ? null : (parts as Part[]);
}

/**
 * The parts of the overall SUM row: per group, the group's printed total where the report prints one that
 * is more precise than its measures together and consistent with them (not itself a `total-group` error),
 * else the group's measures. Elverum prints group totals to two decimals ("-25,74") under a SUM row of
 * one ("-88,1"): those are the unrounded sums the SUM row was made from.
 */
function overallParts(cat: Catalogue, y: number): Parts {
  const out: Part[] = [];
  for (const g of cat.groups) {
    const ms = menuMeasures(cat, { group: g.id });
    if (ms.length === 0) continue;
    const parts = measureParts(cat, ms, y);
    if (parts === null) return null;
    const row = cat.data.totals.byGroup[String(g.id)];
    const t = row ? figure(row, y, cat.unit) : null;
    const width = decimalSum(parts.map((p) => halfUnit(p.unrounded.decimals)));
    if (t && halfUnit(t.decimals) < width && judge(t, parts).kind !== "differs") out.push({ printed: decimalSum(parts.map((p) => p.printed)), unrounded: t });
    else out.push(...parts);
  }
  return out;
}

/** Printed total rows (catalogue unit) as parts: no more precise form than as printed. */
function rowParts(cat: Catalogue, rows: readonly ValueRow[], y: number): Parts {
  const parts = rows.map((r) => figure(r, y, cat.unit));
  return parts.some((p) => p === null) ? null : (parts as Figure[]).map((f) => ({ printed: f.value, unrounded: f }));
}

const totalGroup: Rule = {
  id: "total-group",
  title: "Arbeidsgruppens sum mot summen av tiltakene",
  check: (cat) =>
    cat.groups.flatMap((g) => {
      const printed = cat.data.totals.byGroup[String(g.id)];
      if (!printed) return [];
      const ms = menuMeasures(cat, { group: g.id });
      return compareTotal(cat, "total-group", printed, (y) => measureParts(cat, ms, y), `Summen for gruppe ${g.id} (${g.name})`, g.id);
    }),
};

/** The category total rows, when the report prints one for every category the catalogue declares. */
function categoryRows(cat: Catalogue): ValueRow[] | null {
  const rows = cat.categories.map((c) => cat.data.totals.byCategory[c]);
  return rows.length > 0 && rows.every((r) => r !== undefined) ? (rows as ValueRow[]) : null;
}

/** The group total rows, when the report prints one for every group with measures in the menu. */
function groupRows(cat: Catalogue): ValueRow[] | null {
  const groups = cat.groups.filter((g) => menuMeasures(cat, { group: g.id }).length > 0 || cat.data.totals.byGroup[String(g.id)]);
  const rows = groups.map((g) => cat.data.totals.byGroup[String(g.id)]);
  return rows.length > 0 && rows.every((r) => r !== undefined) ? (rows as ValueRow[]) : null;
}

const totalCategory: Rule = {
  id: "total-category",
  title: "Kategorisummene",
  check: (cat) => {
    const out: Finding[] = [];
    const byCategory = cat.data.totals.byCategory;
    const printsCategories = Object.keys(byCategory).length > 0 || !!cat.data.totals.overall.categoryTable;
    if (!printsCategories) return []; // the report has no category table: nothing to check
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
    } else {
      // Every measure has its category: each category's printed total against its measures.
      for (const c of cat.categories) {
        const row = byCategory[c];
        if (!row) continue;
        const ms = menuMeasures(cat, { category: c });
        out.push(...compareTotal(cat, "total-category", row, (y) => measureParts(cat, ms, y), `Summen for kategorien «${c}»`, null));
      }
    }
    const rows = categoryRows(cat);
    const overall = cat.data.totals.overall.categoryTable;
    if (rows && overall) out.push(...compareTotal(cat, "total-category", overall, (y) => rowParts(cat, rows, y), "Summen i kategoritabellen", null));
    return out;
  },
};

const totalOverall: Rule = {
  id: "total-overall",
  title: "Totalsummene",
  check: (cat) => {
    const { overall } = cat.data.totals;
    const out: Finding[] = [];
    if (overall.measureTable) out.push(...compareTotal(cat, "total-overall", overall.measureTable, (y) => overallParts(cat, y), "SUM-raden under tiltakene", null));
    const groups = groupRows(cat);
    if (overall.groupTable && groups) out.push(...compareTotal(cat, "total-overall", overall.groupTable, (y) => rowParts(cat, groups, y), "Sum innsparingseffekt (gruppetabellen)", null));
    const groupTable = overall.groupTable;
    if (overall.categoryTable && groupTable) {
      out.push(...compareTotal(cat, "total-overall", overall.categoryTable, (y) => rowParts(cat, [groupTable], y), "Summen i kategoritabellen mot gruppetabellens sum", null));
    }
    return out;
  },
};

/**
 * The targets table (sparekrav, the menu asked for, and each group's measures in the plan period's last
 * year): its group rows against its overall row, column by column where the report prints the column.
 * Elverum's groups add up to -41 and -82 where the overall row says -40 and -80, so «Gjenstår» counted
 * against the groups' targets and against the overall target differ by 1. A warning, not an error:
 * targets are decisions, not sums of the report.
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
      `Kravene til tiltaksmenyen per arbeidsgruppe summerer til ${sum} mill. kr, men den samlede menyen er trykt som ${total}${where}.`,
  },
  {
    key: "printedTotal",
    say: (sum: string, total: string, where: string) =>
      `De samlede tiltakene per arbeidsgruppe i tabellen over sparekrav summerer til ${sum} mill. kr, men summen er trykt som ${total}${where}.`,
  },
] as const;

/** A target row's printed decimals per column (sparekrav, menu, printedTotal: printed in that order). */
function targetDecimals(t: GroupTarget): Record<(typeof TARGET_COLUMNS)[number]["key"], number> {
  const [sparekrav, menu, printedTotal] = decimalsInOrder(t.printed, [t.sparekrav, t.menu, t.printedTotal]);
  return { sparekrav: sparekrav ?? 0, menu: menu ?? 0, printedTotal: printedTotal ?? 0 };
}

const totalTarget: Rule = {
  id: "total-target",
  title: "Sparekravene per arbeidsgruppe mot det samlede sparekravet",
  check: (cat) => {
    // Compared as printed (the catalogue's unit, the overall cell's precision); reported in MNOK.
    const { byGroup, overall } = cat.data.targets;
    const rows = cat.groups.map((g) => byGroup[String(g.id)]).filter((t): t is GroupTarget => t !== undefined);
    if (rows.length === 0) return [];
    const lines = [...rows.map((r) => r.line), overall.line].filter((l): l is number => l !== undefined);
    const where = lines.length > 0 ? ` (linje ${Math.min(...lines)}–${Math.max(...lines)})` : "";
    const decimals = targetDecimals(overall);
    const mnok = (x: number) => toMnok(x, cat.unit);
    return TARGET_COLUMNS.flatMap(({ key, say }): Finding[] => {
      const total = overall[key];
      const parts = rows.map((r) => r[key]);
      if (total === null || parts.some((x) => x === null)) return []; // a column the report does not print
      const sum = decimalSum(parts as number[]);
      if (roundHalfUp(sum, decimals[key]) === total) return [];
      const gap = Math.abs(decimalSubtract(mnok(sum), mnok(total)));
      const message = say(fmt(mnok(sum)), fmt(mnok(total)), where, fmt(gap));
      return [{ measure: null, group: null, rule: "total-target", severity: "warning", years: [cat.planPeriod[1]], expected: mnok(total), actual: mnok(sum), message }];
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

