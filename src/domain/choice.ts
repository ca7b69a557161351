// Choosing measures against the target, computed from what the Tiltak table holds (the workbook is the
// record): the same cells the Oppsummering formulas sum, so pane and workbook always agree.
import type { Catalogue } from "./catalogue";
import { decimalSubtract, decimalSum } from "./decimal";

export interface ChoiceRow {
  readonly id: string;
  readonly group: number;
  readonly chosen: boolean;
  /** Year → value in the Tiltak table (null when blank or not a number). */
  readonly values: Readonly<Record<string, number | null>>;
}

export interface ChoiceLine {
  readonly group: number | null; // null: the whole municipality
  readonly name: string;
  readonly target: number | null;
  readonly chosen: number;
  /** chosen − target: positive means still missing. */
  readonly gap: number | null;
  readonly count: number;
}

export interface ChoiceSummary {
  readonly year: number;
  readonly lines: readonly ChoiceLine[];
  readonly overall: ChoiceLine;
}

export function summariseChoice(cat: Catalogue, rows: readonly ChoiceRow[]): ChoiceSummary {
  // The target year: the end of the plan period (layout.targetYear says the same for the workbook's tables).
  const year = cat.planPeriod[1];
  const chosenIn = (g: number | null) => rows.filter((r) => r.chosen && (g === null || r.group === g));
  const line = (g: number | null, name: string, target: number | null): ChoiceLine => {
    const picked = chosenIn(g);
    const chosen = decimalSum(picked.map((r) => r.values[String(year)] ?? 0));
    return { group: g, name, target, chosen, gap: target === null ? null : decimalSubtract(chosen, target), count: picked.length };
  };
  return {
    year,
    // Targets in MNOK, like the Tiltak table's values (the model converts a catalogue printed in 1000 kr).
    lines: cat.groups.map((g) => line(g.id, g.name, cat.targets.byGroup[String(g.id)]?.sparekrav ?? null)),
    overall: line(null, cat.municipality, cat.targets.overall.sparekrav),
  };
}
