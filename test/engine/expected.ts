// What every formula cell and conditional format of the workbook must show, computed by the domain
// (effects, choice, reconcile) from the catalogue and the inputs a scenario types, never from the
// workbook's formula text. Keyed by table (TableKey), column header and row key, as a reader of the
// workbook finds them.
import type { Catalogue } from "../../src/domain/catalogue";
import { summariseChoice, type ChoiceRow } from "../../src/domain/choice";
import { decimalSubtract, decimalSum, roundHalfUp } from "../../src/domain/decimal";
import { cumulative, effect } from "../../src/domain/effects";
import { NO_CATEGORY, planColumnName, targetYear, type TableKey } from "../../src/domain/layout";
import type { Finding } from "../../src/domain/reconcile";
import { comparison, followUpCell, followUpRows, groupReport, lightIcon, statusReport, type FollowUpInputs, type Frozen, type Row } from "./expected-followup";
import { isInterpreted, isUnreadable, type Cell, type Measure } from "../../src/domain/types";

export const NA = { error: "#N/A" } as const;
/** A computed cell: a number, text ("" for an empty result) or an error. */
export type Value = number | string | boolean | { readonly error: string };
type Num = number | typeof NA;

const isNa = (x: Num): x is typeof NA => typeof x === "object";
const sum = (xs: readonly Num[]): Num => (xs.some(isNa) ? NA : decimalSum(xs as number[]));
const minus = (a: Num, b: Num): Num => (isNa(a) || isNa(b) ? NA : decimalSubtract(a, b));
const outcome = (o: { ok: true; value: number } | { ok: false }): Num => (o.ok ? o.value : NA);

/** FIXED(x,1) as Excel and LibreOffice show it in Norwegian (nb-NO): decimal comma, no grouping below 1000. */
function fixed1(x: number): string {
  const r = roundHalfUp(x, 1);
  const [int, dec] = Math.abs(r).toFixed(1).split(".") as [string, string];
  return `${r < 0 ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")},${dec}`;
}

/** What a scenario types into the workbook before it is recalculated. */
export interface Inputs extends FollowUpInputs {
  /** Versions frozen before (in this order): the inputs of that time, saved values-only under a name. */
  readonly versions?: readonly { readonly name: string; readonly frozen: string; readonly inputs: Inputs }[];
  /** Valgt = "Ja" in Tiltak. */
  readonly chosen?: readonly string[];
  /** A budget officer's corrections of Tiltak year cells. */
  readonly corrections?: readonly { readonly id: string; readonly year: number; readonly value: number }[];
  /** Realisert in Oppfølging (0 is a realised figure, not blank). */
  readonly realised?: readonly { readonly id: string; readonly year: number; readonly value: number }[];
  /** HØP figures. */
  readonly hop?: readonly { readonly id: string; readonly year: number; readonly value: number }[];
  /** Tiltak filtered by its autofilter to one group (the other rows hidden). */
  readonly filterGroup?: number;
  /** Kategorisum rows hidden by hand. */
  readonly hiddenCategories?: readonly string[];
}

export class Oracle {
  private readonly corrections = new Map<string, number>();
  private readonly chosen: ReadonlySet<string>;
  /** Oppfølging's rows for these inputs, and those of each frozen version. */
  readonly followUpRows: readonly Row[];
  readonly frozen: readonly Frozen[];

  constructor(
    readonly cat: Catalogue,
    /** The findings the Avvik table holds. */
    readonly findings: readonly Finding[],
    readonly inputs: Inputs,
  ) {
    for (const c of inputs.corrections ?? []) this.corrections.set(`${c.id}#${c.year}`, c.value);
    this.chosen = new Set(inputs.chosen ?? []);
    const plan = (id: string, y: number) => ((v) => (typeof v === "number" ? v : "NA" as const))(this.inTiltak(id, y));
    this.followUpRows = followUpRows(cat, inputs, plan);
    this.frozen = (inputs.versions ?? []).map((v) => ({ name: v.name, frozen: v.frozen, rows: new Oracle(cat, findings, v.inputs).followUpRows }));
  }

  private visibleMeasure(m: Measure): boolean {
    return this.inputs.filterGroup === undefined || m.group === this.inputs.filterGroup;
  }

  /** The number a Tiltak year cell holds: the catalogue's effect, a correction, or blank (0) for chapter-4-only. */
  tiltak(m: Measure, y: number): Num {
    if (!m.inSummary) return 0;
    const c = this.corrections.get(`${m.id}#${y}`);
    return c !== undefined ? c : outcome(effect(this.cat, m.id, y));
  }

  /** The measure's figure as the Tiltak table holds it now (what Oppfølging and HØP look up). */
  private inTiltak(id: string, y: number): Num {
    const m = this.cat.measure(id);
    return m ? this.tiltak(m, y) : NA;
  }

  private planSum(m: Measure): Num {
    const [from, to] = this.cat.planPeriod;
    const years = this.cat.years.filter((y) => y >= from && y <= to);
    if (years.some((y) => this.corrections.has(`${m.id}#${y}`))) return sum(years.map((y) => this.tiltak(m, y)));
    return outcome(cumulative(this.cat, m.id, from, to));
  }

  /** Rows the Avvik table has for a measure, other than info (a finding spanning years has one per year). */
  avvikCount(id: string): number {
    return this.findings.filter((f) => f.measure === id && f.severity !== "info").reduce((n, f) => n + Math.max(1, f.years.length), 0);
  }

  hasError(id: string, y: number): boolean {
    return this.findings.some((f) => f.severity === "error" && f.measure === id && f.years.includes(y));
  }

  private printed(c: Cell | undefined): Num {
    if (c === null || c === undefined) return 0;
    if (isUnreadable(c)) return NA;
    return isInterpreted(c) ? c.value : c;
  }

  private chosenSum(measures: readonly Measure[], y: number): Num {
    return sum(measures.filter((m) => this.chosen.has(m.id)).map((m) => this.tiltak(m, y)));
  }

  private choice() {
    const rows: ChoiceRow[] = this.cat.measures.map((m) => ({
      id: m.id,
      group: m.group,
      chosen: this.chosen.has(m.id),
      values: Object.fromEntries(this.cat.years.map((y) => [String(y), ((v) => (isNa(v) ? null : v))(this.tiltak(m, y))])),
    }));
    return summariseChoice(this.cat, rows);
  }

  // ---- per table: one body row (key) or the totals row (key null)

  private measures(column: string, key: string | null): Value | undefined {
    const year = Number(column);
    const plan = planColumnName(this.cat);
    if (key === null) {
      const visible = this.cat.measures.filter((m) => this.visibleMeasure(m));
      if (this.cat.years.includes(year)) return sum(visible.map((m) => this.tiltak(m, year)));
      if (column === plan) return sum(visible.filter((m) => m.inSummary).map((m) => this.planSum(m)));
      return undefined;
    }
    const m = this.cat.measure(key);
    if (!m) return undefined;
    if (this.cat.years.includes(year)) return this.tiltak(m, year);
    if (column === plan) return this.planSum(m);
    if (column === "Avvik") return this.avvikCount(m.id);
    return undefined;
  }

  private groupRow(g: number, column: string): Num | undefined {
    const inGroup = this.cat.byGroup(g);
    const target = this.cat.targets.byGroup[String(g)];
    const printed = this.cat.totals.byGroup[String(g)];
    const y = Number(column.split(" ").pop());
    if (column === "Sparekrav") return target ? target.sparekrav : 0;
    if (column === "Meny (sparekrav×2)") return target?.menu ?? 0; // none stated: a blank cell, summed as 0
    if (column.startsWith("Tiltak ")) return sum(inGroup.map((m) => this.tiltak(m, y)));
    if (column.startsWith("Rapport ")) return this.printed(printed?.values[String(y)]);
    if (column.startsWith("Differanse ")) return minus(this.groupRow(g, `Tiltak ${y}`) as Num, this.groupRow(g, `Rapport ${y}`) as Num);
    if (column.startsWith("Valgt ")) return this.chosenSum(inGroup, y);
    if (column.startsWith("Gjenstår ")) {
      const line = this.choice().lines.find((l) => l.group === g);
      return line?.gap ?? minus(this.chosenSum(inGroup, targetYear(this.cat)), target ? target.sparekrav : 0);
    }
    return undefined;
  }

  /** The groups' targets added up, against the overall target. */
  private targets(): { groups: number; overall: number } {
    const groups = decimalSum(this.cat.groups.map((g) => this.cat.targets.byGroup[String(g.id)]?.sparekrav ?? 0));
    return { groups, overall: this.cat.targets.overall.sparekrav };
  }

  private groupSummary(column: string, key: string | null): Value | undefined {
    if (key !== null) return this.groupRow(Number(key), column);
    if (column === "Arbeidsgruppe") {
      // The totals row's note when the groups' targets do not add up to the overall target.
      const t = this.targets();
      return roundHalfUp(t.groups - t.overall, 1) === 0 ? "" : `Ulikt samlet krav (${fixed1(t.overall)}), se Merknad`;
    }
    return sum(this.cat.groups.map((g) => this.groupRow(g.id, column) ?? NA));
  }

  private categoryMeasures(c: string): readonly Measure[] {
    return this.cat.measures.filter((m) => (c === NO_CATEGORY ? m.category === null : m.category === c));
  }

  private categoryRow(c: string, column: string): Num | undefined {
    const printed = this.cat.totals.byCategory[c];
    const y = Number(column.split(" ").pop());
    if (column === "Antall tiltak") return this.categoryMeasures(c).filter((m) => m.inSummary).length;
    if (column.startsWith("Tiltak ")) return sum(this.categoryMeasures(c).map((m) => this.tiltak(m, y)));
    // Blank where the report prints no total for the category.
    if (column.startsWith("Rapport ")) return printed ? this.printed(printed.values[String(y)]) : 0;
    if (column.startsWith("Differanse ")) return printed ? minus(this.categoryRow(c, `Tiltak ${y}`) as Num, this.categoryRow(c, `Rapport ${y}`) as Num) : 0;
    return undefined;
  }

  private categorySummary(column: string, key: string | null): Value | undefined {
    if (key !== null) return this.categoryRow(key, column);
    const hidden = new Set(this.inputs.hiddenCategories ?? []);
    return sum([...this.cat.categories, NO_CATEGORY].filter((c) => !hidden.has(c)).map((c) => this.categoryRow(c, column) ?? NA));
  }

  private choiceRow(y: number, column: string): Value | undefined {
    const chosen = this.chosenSum(this.cat.measures, y);
    if (column === "Valgte tiltak") return chosen;
    if (column === "Gjenstår") {
      if (y === targetYear(this.cat)) return this.choice().overall.gap ?? NA;
      return minus(chosen, this.cat.targets.overall.sparekrav);
    }
    if (column === "Merknad" && y === targetYear(this.cat)) {
      // Says how far the groups' targets are from the overall one, when they are.
      const t = this.targets();
      if (roundHalfUp(t.groups - t.overall, 1) === 0) return "";
      return (
        `Arbeidsgruppenes sparekrav er til sammen ${fixed1(t.groups)} mill. kr, ikke ${fixed1(t.overall)}: ` +
        `«Gjenstår ${y}» per arbeidsgruppe (over) er regnet mot dem og avviker derfor med ${fixed1(decimalSubtract(t.overall, t.groups))} fra tallet her.`
      );
    }
    return undefined;
  }

  private typed(list: Inputs["realised"], id: string, y: number): number | undefined {
    return list?.find((x) => x.id === id && x.year === y)?.value;
  }

  private followUp(column: string, key: string | null): Value | undefined {
    if (key === null) return undefined;
    const [id, year] = key.split("#") as [string, string];
    const y = Number(year);
    const plan = this.inTiltak(id, y);
    if (column === "Plan") return plan;
    const tertial = followUpCell(this.followUpRows, column, key);
    if (tertial !== undefined) return tertial;
    if (column === "Avvik") {
      const realised = this.typed(this.inputs.realised, id, y);
      return realised === undefined ? "" : minus(realised, plan);
    }
    return undefined;
  }

  private hop(column: string, key: string | null): Value | undefined {
    if (key === null) return undefined;
    const y = Number(column.split(" ").pop());
    const planned = this.inTiltak(key, y);
    if (column.startsWith("Tiltak ")) return planned;
    if (column.startsWith("Differanse ")) {
      const hop = this.typed(this.inputs.hop, key, y);
      return hop === undefined ? "" : minus(hop, planned);
    }
    return undefined;
  }

  /** The value a formula cell must show; undefined when the oracle has no rule for it (a failure). */
  value(table: TableKey, column: string, key: string | null): Value | undefined {
    switch (table) {
      case "measures":
        return this.measures(column, key);
      case "lines":
        // The only formulas: =NA() for unreadable printed values.
        return key !== null && (column.startsWith("MNOK ") || column.startsWith("Trykt ")) ? NA : undefined;
      case "groupSummary":
        return this.groupSummary(column, key);
      case "categorySummary":
        return this.categorySummary(column, key);
      case "choice":
        return key === null ? undefined : this.choiceRow(Number(key), column);
      case "followUp":
        return this.followUp(column, key);
      case "hop":
        return this.hop(column, key);
      case "statusReport":
        return statusReport(this.cat, this.followUpRows, this.inputs, column, key);
      case "groupReport":
        return groupReport(this.cat, this.followUpRows, this.inputs, column, key);
      case "comparison":
        return comparison(this.cat, this.followUpRows, this.frozen, this.inputs, column, key);
      case "findings":
      case "statusList":
      case "riskList":
      case "reportChoice":
      case "versions":
        return undefined;
    }
  }

  /** The icon an icon set must show in this cell (3 top … 1 bottom, null none); undefined when no rule is known. */
  icon(table: TableKey, column: string, key: string): number | null | undefined {
    if (table === "followUp" && column === "Signal") return lightIcon(this.followUpRows, key);
    return undefined;
  }

  /** Whether the conditional format over this cell must fire; undefined when no rule is known. */
  verdict(table: TableKey, column: string, key: string): boolean | undefined {
    if (table === "measures") {
      if (column === "Avvik") return this.avvikCount(key) > 0;
      if (this.cat.years.includes(Number(column))) return this.hasError(key, Number(column));
    }
    if (table === "lines") {
      const m = /^(Trykt|MNOK) (\d{4})$/.exec(column);
      if (m) return this.hasError(key.split("#")[0] as string, Number(m[2]));
    }
    return undefined;
  }
}
