// `npm run bench [-- --json]`: counts and ratios, never wall-clock asserts. One JSON object is shared by
// all benchmarks; each section is added by the issue that owns it.
//
// functions: 100 000 mixed TILTAK.* calls (single cells and 46×6 spills) against the same work done
// the way a user would without the add-in: a spreadsheet engine (HyperFormula, GPL — dev-only, never
// bundled) evaluating INDEX/MATCH and SUMIFS formulas over the catalogue table.
import { HyperFormula } from "hyperformula";
import catalogueJson from "../src/data/catalogue.json";
import { bundledCatalogue as cat } from "../src/data/bundled";
import { loadCatalogue } from "../src/domain/catalogue";
import type { CatalogueData } from "../src/domain/types";
import { insertCatalogue } from "../src/excel/insert";
import { installFakeHost } from "../test/fake-excel/host";
import { NEWEST_EXCEL_API } from "../test/fake-excel/model";
import { EXCEL_API_FLOOR } from "../src/excel/requirements";
import { WorkbookModel } from "../test/fake-excel/model";
import { scaledCatalogue } from "../test/synthetic";
import { benchBundle, describeBundle } from "./bundle-size";
import { effect } from "../src/domain/effects";
import * as T from "../src/functions/tiltak";

const CALLS = 100_000;
const BASELINE_CALLS = 5_000;
const SPILL_EVERY = 50;

type Call = { kind: "EFFEKT" | "KUMULATIV" | "TOTAL"; spill: boolean; id: string; year: number; group: number };

function mix(n: number): Call[] {
  const ids = cat.measures.filter((m) => m.inSummary).map((m) => m.id);
  const years = cat.years;
  const calls: Call[] = [];
  for (let i = 0; i < n; i++) {
    calls.push({
      kind: (["EFFEKT", "KUMULATIV", "TOTAL"] as const)[i % 3]!,
      spill: i % SPILL_EVERY === 0,
      id: ids[(i * 7) % ids.length]!,
      year: years[(i * 5) % years.length]!,
      group: 1 + (i % 5),
    });
  }
  return calls;
}

function runAddin(calls: Call[]): { ns: number; cells: number } {
  const idColumn = cat.measures.filter((m) => m.inSummary).map((m) => [m.id]);
  const yearRow = [cat.years.slice()];
  let cells = 0;
  const t0 = process.hrtime.bigint();
  for (const c of calls) {
    let r: unknown[][];
    if (c.kind === "EFFEKT") r = c.spill ? T.effekt(cat, idColumn, yearRow) : T.effekt(cat, c.id, c.year);
    else if (c.kind === "KUMULATIV") r = T.kumulativ(cat, c.spill ? idColumn : c.id, 2026, 2029);
    else r = c.spill ? T.totalFn(cat, yearRow, c.group) : T.totalFn(cat, c.year, c.group);
    cells += r.length * (r[0]?.length ?? 0);
  }
  return { ns: Number(process.hrtime.bigint() - t0), cells };
}

/** The catalogue as a user's table: Nr, Gruppe, 2025…2030 (blank = 0, as SUMIFS treats it). */
function baselineSheet(): (string | number)[][] {
  const head = ["Nr", "Gruppe", ...cat.years];
  const rows = cat.measures
    .filter((m) => m.inSummary)
    // Leading apostrophe: stored as text, as a careful user must, or "2.10" becomes the number 2.1.
    .map((m) => [`'${m.id}`, m.group, ...cat.years.map((y) => { const o = effect(cat, m.id, y); return o.ok ? o.value : 0; })]);
  return [head, ...rows];
}

function runBaseline(calls: Call[]): { ns: number; cells: number } {
  const n = cat.measures.filter((m) => m.inSummary).length;
  const data = `Tiltak!$C$2:$H$${n + 1}`;
  const ids = `Tiltak!$A$2:$A$${n + 1}`;
  const groups = `Tiltak!$B$2:$B$${n + 1}`;
  const yearsRow = `Tiltak!$C$1:$H$1`;
  const col = (y: number) => `INDEX(${data},0,MATCH(${y},${yearsRow},0))`;
  const eff = (id: string, y: number) => `=INDEX(${data},MATCH("${id}",${ids},0),MATCH(${y},${yearsRow},0))`;
  const cum = (id: string) => `=SUM(INDEX(${data},MATCH("${id}",${ids},0),MATCH(2026,${yearsRow},0)):INDEX(${data},MATCH("${id}",${ids},0),MATCH(2029,${yearsRow},0)))`;
  const tot = (g: number, y: number) => `=SUMIFS(${col(y)},${groups},${g})`;
  const idList = cat.measures.filter((m) => m.inSummary).map((m) => m.id);
  const sheet: string[][] = [];
  for (const c of calls) {
    if (c.kind === "EFFEKT") {
      if (c.spill) for (const id of idList) sheet.push(cat.years.map((y) => eff(id, y)));
      else sheet.push([eff(c.id, c.year)]);
    } else if (c.kind === "KUMULATIV") {
      if (c.spill) for (const id of idList) sheet.push([cum(id)]);
      else sheet.push([cum(c.id)]);
    } else {
      sheet.push(c.spill ? cat.years.map((y) => tot(c.group, y)) : [tot(c.group, c.year)]);
    }
  }
  const cells = sheet.reduce((s, r) => s + r.length, 0);
  const t0 = process.hrtime.bigint();
  const hf = HyperFormula.buildFromSheets({ Tiltak: baselineSheet(), Formler: sheet }, { licenseKey: "gpl-v3" });
  const ns = Number(process.hrtime.bigint() - t0);
  const probe = hf.getCellValue({ sheet: hf.getSheetId("Formler")!, row: 0, col: 0 });
  if (typeof probe !== "number") throw new Error(`baseline formula failed: ${JSON.stringify(probe)}`);
  hf.destroy();
  return { ns, cells };
}

function benchFunctions() {
  runAddin(mix(2_000)); // warm-up: JIT and the per-measure series caches
  const addin = runAddin(mix(CALLS));
  runBaseline(mix(200));
  const base = runBaseline(mix(BASELINE_CALLS));
  const nsPerCall = addin.ns / CALLS;
  const baselineNsPerCall = base.ns / BASELINE_CALLS;
  return {
    calls: CALLS,
    cells: addin.cells,
    nsPerCall: Math.round(nsPerCall),
    baselineCalls: BASELINE_CALLS,
    baselineNsPerCall: Math.round(baselineNsPerCall),
    ratio: Number((baselineNsPerCall / nsPerCall).toFixed(1)),
  };
}

/**
 * insert: round trips, cells written and the largest request (bytes; Excel on the web refuses > 5 MB)
 * for a full insert into an empty workbook at the real size and larger, on the strict host at the
 * newest requirement set and at the declared floor, and the round trips of a re-insert (which writes nothing).
 */
async function benchInsert() {
  const out: { scale: number; apiSet: string; measures: number; syncs: number; cells: number; maxRequestBytes: number; reinsertSyncs: number; reinsertCells: number; refused: string | null; reinsertRefused: string | null }[] = [];
  const floor = Number(EXCEL_API_FLOOR.split(".")[1]);
  for (const [scale, minor] of [[1, NEWEST_EXCEL_API], [1, floor], [10, NEWEST_EXCEL_API], [25, NEWEST_EXCEL_API], [100, NEWEST_EXCEL_API]] as const) {
    const big = loadCatalogue(scaledCatalogue(catalogueJson as unknown as CatalogueData, scale));
    const model = installFakeHost(new WorkbookModel(["Budsjett"]), minor);
    const refused = await insertCatalogue(big).then(
      () => null,
      (e: { code?: string }) => e.code ?? "error",
    );
    const first = { syncs: model.syncs, cells: model.cellsWritten, maxRequestBytes: model.maxRequestBytes };
    // A re-insert reads our tables back; past Excel on the web's 5 MB response it is refused, and that is a figure too.
    const reinsertRefused = refused ? null : await insertCatalogue(big).then(
      () => null,
      (e: { code?: string }) => e.code ?? "error",
    );
    out.push({
      scale,
      apiSet: `ExcelApi 1.${minor}`,
      measures: big.measures.length,
      ...first,
      reinsertSyncs: model.syncs - first.syncs,
      reinsertCells: model.cellsWritten - first.cells,
      refused,
      reinsertRefused,
    });
  }
  return out;
}

async function main() {
  const result = { functions: benchFunctions(), insert: await benchInsert(), bundle: await benchBundle() };
  if (process.argv.includes("--json")) {
    process.stdout.write(JSON.stringify(result) + "\n");
    return;
  }
  const f = result.functions;
  console.log(`Egendefinerte funksjoner: ${f.calls} kall (${f.cells} celler), ${f.nsPerCall} ns per kall`);
  console.log(`Regnearkmotor (HyperFormula, INDEX/MATCH + SUMIFS): ${f.baselineNsPerCall} ns per kall`);
  console.log(`Forhold: ${f.ratio}× raskere med tillegget`);
  for (const line of describeBundle(result.bundle)) console.log(line);
  for (const i of result.insert) {
    const head = `Innsetting ×${i.scale} (${i.measures} tiltak, ${i.apiSet})`;
    if (i.refused) console.log(`${head}: avvist før skriving (${i.refused}), ${i.syncs} rundtur`);
    else console.log(`${head}: ${i.syncs} rundturer, ${i.cells} celler skrevet, største forespørsel ${i.maxRequestBytes} B; på nytt: ${i.reinsertRefused ? `avvist (${i.reinsertRefused})` : `${i.reinsertSyncs} rundturer, ${i.reinsertCells} celler`}`);
  }
}

void main();

