// What an insert did, told the way the user sees the workbook: sheet names (Tiltak, Detaljer, Oppfølging …),
// never the ASCII table names behind them (Tiltakslinjer, Oppfolging, HOP); how many sheets were created;
// what was kept of the user's own work. Pure: built from the insert plan the adapter returns.
import type { InsertPlan, TableOp } from "../domain/insertPlan";
import { listText, plural } from "./format";

export interface InsertSummary {
  readonly title: string;
  readonly lines: readonly string[];
}

function sheetOf(op: TableOp): string {
  return op.kind === "create" ? op.sheet : op.existing.sheet;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

const sheetsText = (sheets: readonly string[]) => (sheets.length === 1 ? `arket ${sheets[0]}` : `arkene ${listText(sheets)}`);

export function insertSummary(plan: InsertPlan): InsertSummary {
  if (plan.unchanged) return { title: "Allerede oppdatert", lines: ["Arbeidsboken har allerede denne katalogen. Ingenting ble endret."] };
  const r = plan.report;
  // Table name (as written or found) → the sheet the user sees it on.
  const sheetByTable = new Map<string, string>();
  for (const op of plan.ops) {
    sheetByTable.set(op.spec.table, sheetOf(op));
    if (op.kind !== "create") sheetByTable.set(op.existing.name, op.existing.sheet);
  }
  const sheetFor = (table: string) => sheetByTable.get(table) ?? table;
  const lines: string[] = [];

  const newSheets = [...plan.sheetPositions].sort((a, b) => a.position - b.position).map((s) => s.sheet);
  if (newSheets.length > 0) lines.push(`Opprettet ${plural(newSheets.length, "ark", "ark")}: ${listText(newSheets)}.`);
  // Tables placed on sheets that were there before (not the ones this insert created).
  const addedTo = unique(plan.ops.filter((op) => op.kind === "create").map(sheetOf)).filter((sh) => !newSheets.includes(sh));
  if (addedTo.length > 0) lines.push(`La til tabeller i ${sheetsText(addedTo)}, som fantes fra før.`);

  const updatedSheets = unique(r.updated.map(sheetFor));
  if (updatedSheets.length > 0) {
    const what = [r.changedCells > 0 ? `endret ${plural(r.changedCells, "celle", "celler")}` : null, r.addedRows > 0 ? `la til ${plural(r.addedRows, "rad", "rader")}` : null].filter(
      (x): x is string => x !== null,
    );
    const verb = what.length > 0 ? listText(what) : "oppdaterte";
    lines.push(`${verb.charAt(0).toUpperCase()}${verb.slice(1)} i ${sheetsText(updatedSheets)}.`);
  }
  for (const a of r.addedColumns ?? []) {
    lines.push(`La til ${plural(a.columns.length, "kolonne", "kolonner")} (${listText(a.columns)}) i arket ${sheetFor(a.table)}.`);
  }
  for (const n of r.renamed) {
    lines.push(n.what === "ark" ? `Et ark het allerede «${n.wanted}», så det nye arket heter «${n.got}».` : `Navnet «${n.wanted}» var tatt, så tabellen heter «${n.got}».`);
  }
  for (const x of r.recognised ?? []) lines.push(`Kjente igjen tabellen «${x.now}» (var «${x.was}») og oppdaterte den.`);
  for (const m of r.moved ?? []) lines.push(`Tabellen i arket ${m.sheet} er lagt i ${m.cell}, utenfor innholdet ditt.`);
  if (r.keptEdits.length > 0) {
    const where = unique(r.keptEdits.map((e) => sheetFor(e.table)));
    lines.push(`Beholdt ${plural(r.keptEdits.length, "verdi", "verdier")} du har skrevet selv i ${sheetsText(where)}; ${r.keptEdits.length === 1 ? "den" : "de"} ble ikke overskrevet.`);
  } else if (r.updated.length > 0) {
    lines.push("Det du har skrevet selv (Valgt, realisert, HØP-tall, kommentarer), er beholdt.");
  }
  if (r.markedRemoved > 0) {
    lines.push(`${plural(r.markedRemoved, "tiltak", "tiltak")} finnes ikke i den nye katalogen; ${r.markedRemoved === 1 ? "raden er beholdt og merket" : "radene er beholdt og merket"}.`);
  }
  if (r.memoryReset) lines.push("Tilleggets lagrede oppsett i arbeidsboken var skadet og ble laget på nytt.");
  return { title: newSheets.length > 0 && r.updated.length === 0 ? "Katalogen er satt inn" : "Katalogen er oppdatert", lines };
}
