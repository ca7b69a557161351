// HØP import parsing (issue 12): figures from someone else's sheet never land in the wrong year, unit
// or measure. Expected figures are written by hand from each scenario; catalogue facts (which ids
// exist, plan figures) are read from the catalogue data.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import catalogueJson from "../data/catalogue.json";
import { loadCatalogue } from "./catalogue";
import { catalogueFromFile } from "./catalogueImport";
import { effect } from "./effects";
import { hopBounds, hopTableYears, parseHopImport, planHopWrites, type Raw } from "./hopImport";
import type { ExistingTable } from "./insertPlan";
import { catalogueLayout } from "./layout";

const cat = loadCatalogue(catalogueJson);
const plan = (id: string, y: number) => {
  const o = effect(cat, id, y);
  if (!o.ok) throw new Error(`no plan figure for ${id} ${y}`);
  return o.value;
};

test("the catalogue has the measure pairs the id tests rely on", () => {
  for (const id of ["2.1", "2.10", "4.1", "4.10", "2.2", "1.1"]) expect(cat.measure(id)).toBeDefined();
  expect(cat.measure("2.20")).toBeUndefined();
  expect(cat.planPeriod).toEqual([2026, 2029]);
});

describe("the header row is found by the plan years it holds", () => {
  test("numbers, text, prefixes and units in any order, with other columns between them", () => {
    const r = parseHopImport(cat, [
      ["Nr", "Budsjett 2026", "Sum", "2028 (mill. kr)", "HØP 2027", "ØP 2029", 2025],
      ["2.2", 0, -27.7, -9.3, -9.1, -9.3, 0],
    ]);
    expect(r.rows).toEqual([{ id: "2.2", row: 2, values: { "2026": 0, "2027": -9.1, "2028": -9.3, "2029": -9.3 } }]);
    expect(r.problems).toEqual(["Ikke importert (ikke år i planperioden 2026–2029): kolonne C «Sum», kolonne G «2025»."]);
  });

  test("title rows above the header are allowed; a title naming one year does not beat the header", () => {
    const r = parseHopImport(cat, [
      ["Budsjett 2026", "", ""],
      ["Handlings- og økonomiplan 2026–2029", "", ""],
      ["", "", ""],
      ["Nr", 2027, 2028],
      ["1.1", -0.6, -0.6],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([{ id: "1.1", row: 5, values: { "2027": -0.6, "2028": -0.6 } }]);
  });

  test("a single-year header is found below a title row with no year", () => {
    const r = parseHopImport(cat, [["HØP, mill. kr"], ["Nr", 2027], ["1.1", -0.6]]);
    expect(r.rows).toEqual([{ id: "1.1", row: 3, values: { "2027": -0.6 } }]);
  });

  test.each([
    ["no header at all (positions are never assumed)", [["2.2", -1, -2, -3, -4]]],
    ["only years outside the plan period", [["Nr", 2024, 2025], ["2.2", -1, -2]]],
    ["a range of years is not a year column", [["Nr", "HØP 2026–2029"], ["2.2", -1]]],
    ["years below the figures are not a header", [["2.2", -1, -2], ["Nr", 2026, 2027]]],
  ])("refused with the reason: %s", (_, values) => {
    const r = parseHopImport(cat, values);
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([expect.stringMatching(/^Fant ingen overskriftsrad med årstall i planperioden \(2026–2029\)/)]);
  });

  test("columns are named by the letter the user sees, rows by the sheet row", () => {
    const r = parseHopImport(cat, [["Nr", "Merknad", 2027], ["1.1", "x", -0.6], ["9.9", "", -1]], { origin: { row: 9, col: 3 } });
    expect(r.problems).toEqual(["Ikke importert (ikke år i planperioden 2026–2029): kolonne E «Merknad».", "Rad 12: tiltak 9.9 finnes ikke i katalogen."]);
    expect(r.rows[0]!.row).toBe(11);
  });

  test("headers that name something else for a year (sum, accounts, change, the measure) are not plan figures", () => {
    const r = parseHopImport(cat, [["Nr", "Regnskap 2026", "Endring 2027", "Tiltak 2028", "HØP 2028"], ["2.2", 1, 2, -9.3, -9]]);
    expect(r.rows).toEqual([{ id: "2.2", row: 2, values: { "2028": -9 } }]);
    expect(r.problems[0]).toMatch(/kolonne B «Regnskap 2026», kolonne C «Endring 2027», kolonne D «Tiltak 2028»/);
  });
});

describe("the id column", () => {
  test("is the column holding measure numbers, wherever it stands", () => {
    const r = parseHopImport(cat, [
      ["Tjeneste", "Tiltak", "Nr", 2027],
      ["Barnehage", "Færre avdelinger", "1.1", -0.6],
      ["Skole", "Større klasser", "2.2", -9.1],
    ]);
    expect(r.rows.map((x) => x.id)).toEqual(["1.1", "2.2"]);
    expect(r.problems).toEqual(["Ikke importert (ikke år i planperioden 2026–2029): kolonne A «Tjeneste», kolonne B «Tiltak»."]);
  });

  test("a figure column whose values happen to look like ids is not taken for it", () => {
    // 2.11's plan is +1.1 a year: its figures look like measure 1.1.
    const r = parseHopImport(cat, [["Nr", 2026, 2027], ["2.11", plan("2.11", 2026), plan("2.11", 2027)]]);
    expect(r.rows).toEqual([{ id: "2.11", row: 2, values: { "2026": 1.1, "2027": 1.1 } }]);
  });

  test("no column with measure numbers: refused", () => {
    const r = parseHopImport(cat, [["Tjeneste", 2027], ["Skole", -1]]);
    expect(r.problems).toEqual([expect.stringMatching(/^Fant ingen kolonne med tiltaksnummer/)]);
  });
});

describe("measure numbers are read as the cell shows them", () => {
  const one = (id: Raw, shown?: string) => parseHopImport(cat, [["Nr", 2027], [id, -0.4]], shown === undefined ? {} : { text: [["Nr", "2027"], [shown, "-0.4"]] });

  test.each([
    ["text «2.10» → 2.10", "2.10", undefined, "2.10"],
    ["text «2,10» (comma) → 2.10", "2,10", undefined, "2.10"],
    ["text «Tiltak 4.10» → 4.10", "Tiltak 4.10", undefined, "4.10"],
    ["text «2.1» (text is what was typed) → 2.1", "2.1", undefined, "2.1"],
    ["number 2.1 shown «2.10» (two decimals) → 2.10", 2.1, "2.10", "2.10"],
    ["number 2.1 shown «2,10» (Norwegian display) → 2.10", 2.1, "2,10", "2.10"],
    ["number 4.1 shown «4.10» → 4.10", 4.1, "4.10", "4.10"],
    ["number 2.2 shown «2.20» (no 2.20 exists) → 2.2", 2.2, "2.20", "2.2"],
    ["number 1.1 (no 1.10 exists) → 1.1", 1.1, "1.1", "1.1"],
  ])("%s", (_, v, shown, id) => {
    const r = one(v, shown);
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => x.id)).toEqual([id]);
  });

  test.each([
    ["number 2.1 shown «2.1»", 2.1, "2.1", "2.1 eller 2.10"],
    ["number 2.1 shown «2,1»", 2.1, "2,1", "2.1 eller 2.10"],
    ["number 4.1 shown «4.1»", 4.1, "4.1", "4.1 eller 4.10"],
    ["number 4.1 without its text", 4.1, undefined, "4.1 eller 4.10"],
  ])("%s is ambiguous: reported, not imported", (_, v, shown, ids) => {
    const r = one(v, shown);
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([expect.stringContaining(`kan være tiltak ${ids}`)]);
  });

  test("a date Excel made of «2.10» is reported as such", () => {
    const r = parseHopImport(cat, [["Nr", 2027], [45932, -0.4], ["1.1", -0.6]], { text: [["Nr", "2027"], ["02.10.2025", "-0.4"], ["1.1", "-0.6"]] });
    expect(r.problems).toEqual([expect.stringMatching(/^Rad 2: «02\.10\.2025» er ikke et tiltaksnummer.*dato/)]);
  });
});

describe("units other than mill. kr are refused as a whole", () => {
  const ids = ["1.2", "2.2", "4.3", "4.14"];
  const years = [2026, 2027, 2028, 2029];
  const sheet = (f: (v: number) => number): Raw[][] => [["Nr", ...years], ...ids.map((id) => [id, ...years.map((y) => f(plan(id, y)))])];

  test("the catalogue's own figures are mill. kr and import", () => {
    const r = parseHopImport(cat, sheet((v) => v));
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(ids.length);
  });

  test("HØP figures that disagree with the measure (half, double, one year zero) are not mistaken for a unit", () => {
    const r = parseHopImport(cat, [["Nr", 2027, 2028], ["1.2", -3.5, -17], ["2.2", 0, -4.6], ["4.14", -0.2, 0]]);
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(3);
  });

  test.each([
    ["1000 kr", (v: number) => Math.round(v * 1000), /^Tallene ser ut til å være i 1000 kr; HØP-kolonnene er i mill\. kr\. Del på 1000 og importer på nytt\./],
    ["kroner", (v: number) => Math.round(v * 1_000_000), /^Tallene ser ut til å være i kroner;/],
    ["fractions", (v: number) => Math.round(v * 10) / 1000, /prosent eller andeler/],
  ])("%s", (_, f, message) => {
    const r = parseHopImport(cat, sheet(f));
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([expect.stringMatching(message)]);
  });

  test("a small measure in 1000 kr stays inside the bounds but is still caught by its catalogue figure", () => {
    // 4.14 plans -0.1 a year: -100 (1000 kr) is a valid number of mill. kr, and wrong by a thousandfold.
    expect(plan("4.14", 2027)).toBe(-0.1);
    const r = parseHopImport(cat, [["Nr", 2027], ["4.14", -100]]);
    expect(r.problems).toEqual([expect.stringMatching(/1000 kr/)]);
  });

  test("a unit named in the year headers", () => {
    expect(parseHopImport(cat, [["Nr", "2027 (1000 kr)"], ["1.1", -0.6]]).problems).toEqual([expect.stringMatching(/1000 kr/)]);
    expect(parseHopImport(cat, [["Nr", "2027 (%)"], ["1.1", -0.6]]).problems).toEqual([expect.stringMatching(/prosent/)]);
    expect(parseHopImport(cat, [["Nr", "2027 (mill. kr)"], ["1.1", -0.6]]).problems).toEqual([]);
  });

  test("percent shown in the cells (text «5 %» or a % format)", () => {
    expect(parseHopImport(cat, [["Nr", 2027], ["1.1", "5 %"]]).problems).toEqual([expect.stringMatching(/prosent/)]);
    const r = parseHopImport(cat, [["Nr", 2027], ["1.2", -0.05]], { text: [["Nr", "2027"], ["1.2", "-5 %"]] });
    expect(r.problems).toEqual([expect.stringMatching(/prosent/)]);
  });

  test("without a catalogue figure to compare with, magnitude alone", () => {
    // 2.10 plans 0 in every year: nothing to compare with.
    expect(plan("2.10", 2027)).toBe(0);
    expect(parseHopImport(cat, [["Nr", 2027], ["2.10", -2_500_000]]).problems).toEqual([expect.stringMatching(/kroner/)]);
    expect(parseHopImport(cat, [["Nr", 2027], ["2.10", -2500]]).problems).toEqual([expect.stringMatching(/1000 kr/)]);
    expect(parseHopImport(cat, [["Nr", 2027], ["2.10", -2.5]]).problems).toEqual([]);
  });
});

describe("the bounds of the HØP columns' own validation", () => {
  test("are read from the layout's HØP columns", () => {
    const hop = catalogueLayout(cat).find((t) => t.key === "hop")!;
    for (const c of hop.columns.filter((x) => x.name.startsWith("HØP "))) {
      expect(c.validation).toMatchObject({ kind: "decimal", ...hopBounds(cat) });
    }
  });

  test("a figure outside them refuses its row and says the bounds", () => {
    const { min, max } = hopBounds(cat)!;
    const r = parseHopImport(cat, [["Nr", 2026, 2027], ["1.2", -2.5, -7.1], ["2.2", 0, max + 1], ["2.3", min - 1, -3.6]]);
    expect(r.rows.map((x) => x.id)).toEqual(["1.2"]);
    expect(r.problems).toEqual([expect.stringMatching(/^Rad 3, 2027: .*utenfor/), expect.stringMatching(/^Rad 4, 2026: .*utenfor/)]);
  });
});

describe("columns and rows that cannot be imported are reported", () => {
  test("a year in two columns: reported, that year left out, the others imported", () => {
    const r = parseHopImport(cat, [["Nr", "ØP 2027", 2026, "Revidert 2027"], ["2.2", -9.1, 0, -8]]);
    expect(r.rows).toEqual([{ id: "2.2", row: 2, values: { "2026": 0 } }]);
    expect(r.problems).toEqual(["År 2027 står i flere kolonner (kolonne B «ØP 2027», kolonne D «Revidert 2027»); tallene for 2027 er ikke importert. Merk bare én kolonne per år."]);
  });

  test("a plan year the HØP table no longer has: reported with how many figures", () => {
    const r = parseHopImport(cat, [["Nr", 2028, 2029], ["2.2", -9.3, -9.3], ["1.1", -0.6, -0.6]], { tableYears: [2026, 2027, 2028] });
    expect(r.years).toEqual([2028]);
    expect(r.problems).toEqual(["HØP-tabellen har ingen kolonne «HØP 2029», så kolonne C «2029» er ikke importert (2 tall)."]);
  });

  test("a row with an id and no figures is reported; a label row is not", () => {
    const r = parseHopImport(cat, [["Nr", 2027], ["Oppvekst", ""], ["2.2", ""], ["1.1", -0.6]]);
    expect(r.rows.map((x) => x.id)).toEqual(["1.1"]);
    expect(r.problems).toEqual(["Rad 3: tiltak 2.2 har ingen tall for 2027; raden er ikke importert."]);
  });

  test("a sum row without an id, text in a figure cell, duplicates", () => {
    const r = parseHopImport(cat, [
      ["Nr", 2027],
      ["4.3", -4.4],
      ["4.3", -4.5],
      ["2.1", "ca. 2"],
      ["", -12.3],
    ]);
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([
      "Rad 4, 2027: «ca. 2» er ikke et tall. Raden er ikke importert.",
      "Rad 5: ingen tiltaksnummer i kolonne A; tallene er ikke importert.",
      "Tiltak 4.3 står flere ganger (rad 2, 3); ingen av radene er importert.",
    ]);
  });

  test("a selection too small to hold ids and years says how to select", () => {
    expect(parseHopImport(cat, [["2.1"]]).problems[0]).toMatch(/^Merk et område/);
    expect(parseHopImport(cat, []).problems[0]).toMatch(/^Merk et område/);
  });
});

describe("writes into the HØP table: only what changes, counted honestly", () => {
  const table = (rows: [string, ...(number | string)[]][]): ExistingTable => ({
    name: "HOP",
    sheet: "HØP",
    address: "'HØP'!A1:E4",
    header: ["Nr", "Tiltak", "HØP 2026", "HØP 2027", "HØP 2028"],
    body: rows.map(([id, ...v]) => [id, "tittel", ...v]),
    showTotals: false,
  });

  test("the table's years come from its HØP columns", () => {
    expect(hopTableYears(table([]))).toEqual([2026, 2027, 2028]);
  });

  test("a row counts as imported only when a figure changed; replaced counts overwritten figures", () => {
    const t = table([["1.1", -0.3, -0.6, ""], ["2.2", 0, "", ""], ["3.1", -3.1, -5.2, -5.2]]);
    const parsed = parseHopImport(cat, [
      ["Nr", 2026, 2027, 2028],
      ["1.1", -0.3, -0.6, ""], // same as the table
      ["2.2", 0, -9.1, -9.3], // two new
      ["3.1", -3, -5.2, -5.2], // one replaced
      ["1.2", -2.5, -7.1, -8.5], // not in the table
    ]);
    const p = planHopWrites(parsed, t);
    expect(p).toMatchObject({ imported: 2, unchanged: 1, replaced: 1 });
    expect(p.writes).toEqual([
      { row: 1, col: 3, value: -9.1 },
      { row: 1, col: 4, value: -9.3 },
      { row: 2, col: 2, value: -3 },
    ]);
    expect(p.problems).toEqual(["Tiltak 1.2 har ingen rad i HØP-tabellen (tiltaket står ikke i sammendraget)."]);
  });
});

test("a catalogue with its own measure codes («OPP-1») imports by those codes", () => {
  const text = readFileSync(join(__dirname, "../../test/fixtures/eksempel-kommune.json"), "utf8");
  const eksempel = catalogueFromFile(text);
  const [from] = eksempel.planPeriod;
  const id = eksempel.measures[0]!.id;
  const r = parseHopImport(eksempel, [
    ["Nr", `ØP ${from}`],
    [id, -0.5],
  ]);
  expect(r.problems).toEqual([]);
  expect(r.rows.map((x) => [x.id, x.values[String(from)]])).toEqual([[id, -0.5]]);
});
