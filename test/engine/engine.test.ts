// A real spreadsheet engine recalculates what both renderers write (design.md, "Testing strategy" 3):
// each scenario's workbook is made by the file renderer and by the Office.js adapter (strict fake host,
// saved through the same file primitives), the scenario's inputs are typed in, every formula gets a
// wrong cached value, and LibreOffice opens, recalculates and saves every file in one run. Then every
// formula cell is compared with what the domain computes, and every cell under a conditional format
// with the domain's verdict (LibreOffice evaluates the format's formula in a probe copy of the file).
// Without LibreOffice this fails, naming the package to install: CI installs it (.ci/run).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_TABLE_NAMES } from "../../src/domain/layout";
import { reconcile } from "../../src/domain/reconcile";
import { buildFile, buildOffice, freezeVersions, typeInputs, type Built } from "./build";
import { addProbes, compare, conditionalFormats, formulaCells, plantStaleValues, type Located, type Outcome, type Rule } from "./check";
import { Oracle } from "./expected";
import { recalculate, soffice } from "./libreoffice";
import { scenarios, type Scenario } from "./scenarios";

const ROOT = resolve(__dirname, "../..");

interface Case {
  readonly label: string;
  readonly scenario: Scenario;
  readonly plain: string;
  readonly probe: string;
  readonly cells: readonly Located[];
  readonly stray: readonly string[];
  readonly rules: readonly Rule[];
  readonly probeSheets: readonly string[];
  readonly identity: string | null;
  readonly planted: number;
}

let dir = "";
const cases: Case[] = [];
const outcomes = new Map<string, Outcome>();
let seconds = 0;
const phases: string[] = [];
let cliBytes = 0;

async function write(wb: ExcelJS.Workbook, path: string): Promise<void> {
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

async function prepare(b: Built): Promise<void> {
  const s = b.scenario;
  freezeVersions(b.wb, b.names, s);
  typeInputs(b.wb, b.names, s.inputs);
  const { cells, stray } = formulaCells(b.wb, b.names);
  const planted = plantStaleValues(b.wb);
  const plain = join(dir, `${s.id}-${b.renderer}.xlsx`);
  await write(b.wb, plain);
  const rules = conditionalFormats(b.wb, b.names);
  const probeSheets = addProbes(b.wb, rules, b.identity);
  const probe = join(dir, `${s.id}-${b.renderer}-cf.xlsx`);
  await write(b.wb, probe);
  const identity = b.identity ? `${s.catalogue.id} ${s.catalogue.version}` : null;
  cases.push({ label: `${s.id} (${b.renderer === "fil" ? "filrenderer" : "Office.js-adapter"})`, scenario: s, plain, probe, cells, stray, rules, probeSheets, identity, planted });
}

/** The CLI's own file, untouched (no cached values at all); its probe copy is the file read back by ExcelJS. */
async function prepareCli(fresh: Scenario): Promise<void> {
  const plain = join(dir, "cli.xlsx");
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/workbook.ts", "--out", plain], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm run workbook feilet: ${r.stderr}`);
  cliBytes = statSync(plain).size;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(plain);
  const { cells, stray } = formulaCells(wb, DEFAULT_TABLE_NAMES);
  const rules = conditionalFormats(wb, DEFAULT_TABLE_NAMES);
  const probeSheets = addProbes(wb, rules, false);
  const probe = join(dir, "cli-cf.xlsx");
  await write(wb, probe);
  cases.push({ label: "fresh (npm run workbook, urørt fil)", scenario: fresh, plain, probe, cells, stray, rules, probeSheets, identity: null, planted: 0 });
}

beforeAll(async () => {
  soffice(); // fails here, with the package to install, when LibreOffice is missing
  const t0 = Date.now();
  dir = mkdtempSync(join(tmpdir(), "tiltak-engine-"));
  const all = scenarios();
  for (const s of all) {
    await prepare(buildFile(s));
    await prepare(await buildOffice(s));
  }
  await prepareCli(all[0] as Scenario);
  const started = Date.now();
  phases.push(`filer laget på ${((started - t0) / 1000).toFixed(1)} s`);
  const out = recalculate(
    cases.flatMap((c) => [c.plain, c.probe]),
    join(dir, "recalculated"),
  );
  seconds = (Date.now() - started) / 1000;
  const read = Date.now();
  for (const [i, c] of cases.entries()) {
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.readFile(out[2 * i] as string);
    const probe = new ExcelJS.Workbook();
    await probe.xlsx.readFile(out[2 * i + 1] as string);
    const oracle = new Oracle(c.scenario.catalogue, reconcile(c.scenario.catalogue), c.scenario.inputs);
    outcomes.set(c.label, compare(plain, probe, c.cells, c.rules, c.probeSheets, oracle, c.identity));
  }
  phases.push(`lest og sammenlignet på ${((Date.now() - read) / 1000).toFixed(1)} s`);
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  const rows = cases.map((c) => {
    const o = outcomes.get(c.label);
    return `${c.label.padEnd(44)} formelceller ${String(o?.formulaCells ?? "-").padStart(4)}  betinget formatering ${String(o?.cfCells ?? "-").padStart(4)} (farget ${String(o?.colored ?? "-").padStart(3)})  avvik ${o?.mismatches.length ?? "-"}`;
  });
  console.log([`LibreOffice regnet om ${cases.length * 2} filer på ${seconds.toFixed(1)} s (${phases.join(", ")}); npm run workbook skrev ${cliBytes} byte.`, ...rows].join("\n"));
});

describe("the scenarios say what they claim (checked on the domain, before any engine)", () => {
  test("nr-2.10: an error finding on 2.10 in 2027, none on 2.1; the cells that must and must not be coloured", () => {
    const s = scenarios().find((x) => x.id === "nr-2.10") as Scenario;
    const oracle = new Oracle(s.catalogue, reconcile(s.catalogue), s.inputs);
    expect(oracle.verdict("measures", "2027", "2.10")).toBe(true);
    expect(oracle.verdict("measures", "2027", "2.1")).toBe(false);
    expect(oracle.avvikCount("2.10")).toBe(1);
    expect(oracle.avvikCount("2.1")).toBe(0);
  });

  test("budget: a realised 0 is a figure (deviation −plan), a blank is no figure", () => {
    const s = scenarios().find((x) => x.id === "budget") as Scenario;
    const oracle = new Oracle(s.catalogue, reconcile(s.catalogue), s.inputs);
    const plan = oracle.value("followUp", "Plan", "1.1#2027") as number;
    expect(plan).not.toBe(0);
    expect(oracle.value("followUp", "Avvik", "1.1#2027")).toBe(-plan);
    expect(oracle.value("followUp", "Avvik", "1.1#2028")).toBe("");
  });
});

describe("LibreOffice recalculates what both renderers write, and agrees with the domain", () => {
  test("every scenario was recalculated by LibreOffice", () => {
    expect(cases.length).toBe(scenarios().length * 2 + 1);
    expect(outcomes.size).toBe(cases.length);
  });

  test.each(scenarios().flatMap((s) => [`${s.id} (filrenderer)`, `${s.id} (Office.js-adapter)`]).concat(["fresh (npm run workbook, urørt fil)"]))("%s: every formula cell and conditional format matches", (label) => {
    const c = cases.find((x) => x.label === label);
    const o = outcomes.get(label);
    expect(c && o).toBeTruthy();
    if (!c || !o) return;
    // Formulas only inside the add-in's tables; every one of them and every format cell checked.
    expect(c.stray).toEqual([]);
    expect(o.formulaCells).toBeGreaterThan(500);
    expect(o.cfCells).toBeGreaterThan(1000);
    if (c.planted > 0) expect(c.planted).toBeGreaterThanOrEqual(o.formulaCells);
    expect(o.colored).toBeGreaterThan(0);
    expect(o.mismatches.slice(0, 25)).toEqual([]);
  });
});
