// What the tertial follow-up must show (issue 15), computed by the domain from what a scenario types:
// Oppfølging's «Forventet» and «Signal» (domain/tertial.ts, decimal arithmetic), the status report per
// status and per group, and the comparison of frozen versions. Never from the workbook's formula text.
import type { Catalogue } from "../../src/domain/catalogue";
import { decimalSubtract, decimalSum } from "../../src/domain/decimal";
import { NOW_LABEL } from "../../src/domain/layout/versions";
import { NO_STATUS, OTHER_STATUS } from "../../src/domain/layout/report";
import { DEFAULT_STATUSES, expectedFigure, FOLLOW_UP as F, signal, TERTIALS, type Figure } from "../../src/domain/tertial";
import type { Value } from "./expected";

export const NA = { error: "#N/A" } as const;

/** One typed figure or word per measure and year. */
export type Typed<T> = readonly { readonly id: string; readonly year: number; readonly value: T }[];

/** What a scenario types into Oppfølging's tertial columns (besides «Realisert»), and the report's choice. */
export interface FollowUpInputs {
  readonly status?: Typed<string>;
  readonly forecast?: Typed<number>;
  readonly realised1?: Typed<number>;
  readonly realised2?: Typed<number>;
  /** Rapportvalg «År» and «Tertial» (the table starts with the plan's first year and «1. tertial»). */
  readonly reportYear?: number;
  readonly reportTertial?: string;
}

/** One Oppfølging row as the domain sees it. */
export interface Row {
  readonly id: string;
  readonly title: string;
  readonly group: number;
  readonly year: number;
  readonly status: string;
  readonly plan: Figure;
  readonly realised: readonly (number | null)[];
  readonly forecast: number | null;
  readonly expected: Figure;
  readonly light: number | "" | "NA";
}

const find = <T>(list: Typed<T> | undefined, id: string, y: number): T | undefined => list?.find((x) => x.id === id && x.year === y)?.value;

/** Oppfølging's rows for these inputs: `plan(id, y)` the Tiltak figure, `realised` the typed «Realisert». */
export function followUpRows(cat: Catalogue, inputs: FollowUpInputs & { readonly realised?: Typed<number> }, plan: (id: string, y: number) => Figure): Row[] {
  const [from, to] = cat.planPeriod;
  const out: Row[] = [];
  for (const m of cat.measures) {
    if (!m.inSummary) continue;
    for (let y = from; y <= to; y++) {
      const figures = { plan: plan(m.id, y), status: find(inputs.status, m.id, y) ?? "", forecast: find(inputs.forecast, m.id, y) ?? null, realised: find(inputs.realised, m.id, y) ?? null };
      out.push({
        id: m.id,
        title: m.title,
        group: m.group,
        year: y,
        status: figures.status,
        plan: figures.plan,
        realised: [find(inputs.realised1, m.id, y) ?? null, find(inputs.realised2, m.id, y) ?? null, figures.realised],
        forecast: figures.forecast,
        expected: expectedFigure(figures, DEFAULT_STATUSES),
        light: signal(figures, DEFAULT_STATUSES),
      });
    }
  }
  return out;
}

const num = (f: Figure): Value => (f === "NA" ? NA : f);
const sumOf = (xs: readonly Figure[]): Value => (xs.some((x) => x === "NA") ? NA : decimalSum(xs as number[]));
const minus = (a: Value, b: Value): Value => (typeof a === "number" && typeof b === "number" ? decimalSubtract(a, b) : NA);

/** The chosen year and the index of the chosen tertial (TERTIALS order). */
export function chosen(cat: Catalogue, inputs: FollowUpInputs): { year: number; tertial: number } {
  const t = TERTIALS.findIndex((x) => x.label === (inputs.reportTertial ?? TERTIALS[0]?.label));
  return { year: inputs.reportYear ?? cat.planPeriod[0], tertial: t };
}

/** A cell of Oppfølging's new formula columns. */
export function followUpCell(rows: readonly Row[], column: string, key: string): Value | undefined {
  const r = rows.find((x) => `${x.id}#${x.year}` === key);
  if (!r) return undefined;
  if (column === F.expected) return num(r.expected);
  if (column === F.signal) return r.light === "NA" ? NA : r.light;
  return undefined;
}

/** The icon the Signal cell must show: 3 green, 2 yellow, 1 red, null none (text or an error). */
export function lightIcon(rows: readonly Row[], key: string): number | null {
  const r = rows.find((x) => `${x.id}#${x.year}` === key);
  if (!r || r.light === "" || r.light === "NA") return null;
  return r.light >= 3 ? 3 : r.light >= 2 ? 2 : 1;
}

/** The MNOK figures of a set of rows, as the report's columns sum them. */
function figures(rows: readonly Row[], tertial: number, column: string, anyNa = false): Value | undefined {
  const realisedSoFar = decimalSum(rows.map((r) => r.realised[tertial] ?? 0));
  switch (column) {
    case "Antall tiltak":
      return rows.length;
    case "Plan":
      return anyNa ? NA : sumOf(rows.map((r) => r.plan));
    case "Realisert hittil":
      return realisedSoFar;
    case "Forventet":
      return anyNa ? NA : sumOf(rows.map((r) => r.expected));
    case "Behov for budsjettjustering":
      return minus(figures(rows, tertial, "Plan", anyNa) as Value, figures(rows, tertial, "Forventet", anyNa) as Value);
  }
  return undefined;
}

/** StatusPerStatus: the five list places, «Uten status» and «Annen status»; `key` null for the totals row. */
export function statusReport(cat: Catalogue, rows: readonly Row[], inputs: FollowUpInputs, column: string, key: string | null): Value | undefined {
  const { year, tertial } = chosen(cat, inputs);
  const ofYear = rows.filter((r) => r.year === year);
  const words = DEFAULT_STATUSES.map((s) => s.status.toLowerCase());
  const shown = new Set([...words, NO_STATUS.toLowerCase(), OTHER_STATUS.toLowerCase()]);
  const bucket = (k: number): Row[] => {
    if (k <= words.length) return ofYear.filter((r) => r.status.toLowerCase() === words[k - 1]);
    if (k === words.length + 1) return ofYear.filter((r) => r.status === "");
    return ofYear.filter((r) => r.status !== "" && !shown.has(r.status.toLowerCase()));
  };
  const other = words.length + 2;
  // «Annen status» multiplies over every row of the table (SUMPRODUCT): an unknown plan anywhere makes it unknown.
  const naAnywhere = (k: number) => k === other && rows.some((r) => r.plan === "NA" || r.expected === "NA");
  if (key === null) {
    if (column === "Status") return undefined;
    const parts = Array.from({ length: other }, (_, i) => figures(bucket(i + 1), tertial, column, naAnywhere(i + 1)) ?? NA);
    return parts.some((p) => typeof p === "object") ? NA : decimalSum(parts as number[]);
  }
  const k = Number(key);
  if (column === "Status") return k <= words.length ? (DEFAULT_STATUSES[k - 1]?.status ?? "") : undefined;
  return figures(bucket(k), tertial, column, naAnywhere(k));
}

/** StatusPerGruppe: per group (and the totals row against the overall target). */
export function groupReport(cat: Catalogue, rows: readonly Row[], inputs: FollowUpInputs, column: string, key: string | null): Value | undefined {
  const { year, tertial } = chosen(cat, inputs);
  const overall = cat.targets.overall.sparekrav as number;
  const row = (g: number, c: string): Value | undefined => {
    const mine = rows.filter((r) => r.year === year && r.group === g);
    const lights = { Grønn: 3, Gul: 2, Rød: 1 } as Record<string, number>;
    if (c in lights) return mine.filter((r) => r.light === lights[c]).length;
    if (c === "Gjenstår") return minus(figures(mine, tertial, "Forventet") as Value, (cat.targets.byGroup[String(g)]?.sparekrav ?? NaN) as number);
    return figures(mine, tertial, c);
  };
  if (key !== null) return row(Number(key), column);
  if (column === "Sparekrav") return overall;
  if (column === "Gjenstår") return minus(groupReport(cat, rows, inputs, "Forventet", null) as Value, overall);
  const parts = cat.groups.map((g) => row(g.id, column) ?? NA);
  return parts.some((p) => typeof p === "object") ? NA : decimalSum(parts as number[]);
}

/** A frozen version as the scenario made it: its name, and the rows it froze. */
export interface Frozen {
  readonly name: string;
  readonly frozen: string;
  readonly rows: readonly Row[];
}

/** Versjonssammenligning: a row per version (key: its name) and the «Nå» row, for the chosen year and tertial. */
export function comparison(cat: Catalogue, now: readonly Row[], versions: readonly Frozen[], inputs: FollowUpInputs, column: string, key: string | null): Value | undefined {
  if (key === null) return undefined;
  const { year, tertial } = chosen(cat, inputs);
  const rowsOf = (name: string): Row[] | undefined => (name.toLowerCase() === NOW_LABEL.toLowerCase() ? [...now] : versions.find((v) => v.name.toLowerCase() === name.toLowerCase())?.rows.slice());
  const mine = rowsOf(key)?.filter((r) => r.year === year);
  if (!mine) return undefined;
  const i = versions.findIndex((v) => v.name === key);
  // The version before (for «Nå»: the last one).
  const previous = key === NOW_LABEL ? versions[versions.length - 1] : i > 0 ? versions[i - 1] : undefined;
  const change = (c: "Plan" | "Forventet"): Value => {
    if (!previous) return "";
    return minus(figures(mine, tertial, c) as Value, figures(previous.rows.filter((r) => r.year === year), tertial, c) as Value);
  };
  if (column === "Endring plan") return change("Plan");
  if (column === "Endring forventet") return change("Forventet");
  return figures(mine, tertial, column);
}
