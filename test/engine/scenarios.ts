// The workbooks the engine test recalculates: who typed what, in which workbook, before LibreOffice opens it.
import catalogueJson from "../../src/data/catalogue.json";
import { bundledCatalogue } from "../../src/data/bundled";
import { loadCatalogue, type Catalogue } from "../../src/domain/catalogue";
import type { Inputs } from "./expected";

/** A table of the user's own that holds one of our names (with look-alike columns and other numbers). */
export interface Decoy {
  readonly sheet: string;
  readonly table: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly catalogue: Catalogue;
  /** The user's sheets before the insert (a new Excel workbook has one). */
  readonly userSheets: readonly string[];
  readonly decoys: readonly Decoy[];
  /** Workbook names already taken (defined names over a cell of the first user sheet). */
  readonly definedNames: readonly string[];
  readonly inputs: Inputs;
}

/** The catalogue with an error finding on measure 2.10 (its group table disagrees in 2027) and none on 2.1. */
function catalogueWith210Error(): Catalogue {
  const data = JSON.parse(JSON.stringify(catalogueJson)) as { measures: { id: string; groupTable: { values: Record<string, number | null> } | null }[] };
  const m = data.measures.find((x) => x.id === "2.10");
  if (!m?.groupTable) throw new Error("catalogue: 2.10 has no group table");
  m.groupTable.values["2027"] = -0.5;
  return loadCatalogue(data);
}

const YEARS = ["2025", "2026", "2027", "2028", "2029", "2030"];

/**
 * The council's 2. tertial 2026, after «Vedtatt budsjett 2026» (nothing typed yet, before a correction
 * of 1.1) and «Status 1. tertial 2026» were frozen. Plans 2026 (MNOK): 1.1 −0.3 (corrected to −0.4),
 * 1.2 −2.5, 1.3 −0.9, 1.5 −0.7, 1.6 −1.1, 2.1 0, 2.3 −1.8, 2.4 −1.4, 2.6 −1, 3.1 −3.1, 3.2 −1.1, 4.3 −4.2,
 * 5.1 −5.7, 5.4 +0.3; 5.2 2027 +0.2 (a cost).
 */
function tertialInputs(): Inputs {
  const y = 2026;
  const correction = [{ id: "1.1", year: y, value: -0.4 }];
  const realised1 = [
    { id: "1.1", year: y, value: -0.1 },
    { id: "1.2", year: y, value: -0.5 },
    { id: "1.5", year: y, value: -0.3 },
    { id: "2.3", year: y, value: -0.4 },
    { id: "5.1", year: y, value: -1.9 },
  ];
  const firstTertial: Inputs = {
    corrections: correction,
    realised1,
    status: [
      { id: "1.2", year: y, value: "I rute" },
      { id: "1.3", year: y, value: "I rute" },
      { id: "2.3", year: y, value: "Forsinket" },
    ],
    forecast: [
      { id: "1.3", year: y, value: -0.8 },
      { id: "2.3", year: y, value: -1.5 },
    ],
  };
  const stopped = [2027, 2028, 2029].map((year) => ({ id: "2.3", year, value: "Avbrutt/erstattet" }));
  return {
    corrections: correction,
    realised1,
    realised2: [
      { id: "1.1", year: y, value: -0.2 },
      { id: "1.2", year: y, value: -1 },
      { id: "1.5", year: y, value: -0.6 },
      { id: "2.3", year: y, value: -0.6 },
      { id: "5.1", year: y, value: -3.8 },
    ],
    // The year's realised figure: 1.5 done; 4.3 realised nothing (0 is a figure, not a blank).
    realised: [
      { id: "1.5", year: y, value: -0.7 },
      { id: "4.3", year: y, value: 0 },
    ],
    status: [
      { id: "1.1", year: y, value: "I rute" },
      { id: "1.2", year: y, value: "Forsinket" },
      { id: "1.3", year: y, value: "I rute" },
      { id: "1.5", year: y, value: "Gjennomført" },
      { id: "1.6", year: y, value: "Ikke startet" },
      { id: "2.1", year: y, value: "ikke startet" },
      // Stopped mid-year: what was realised before it stopped is its forecast; later years expect nothing.
      { id: "2.3", year: y, value: "Avbrutt/erstattet" },
      ...stopped,
      { id: "2.4", year: y, value: "I rute" },
      // A word pasted from elsewhere, not in the list: «Annen status».
      { id: "2.6", year: y, value: "Usikker" },
      // Not in the list either, though Excel's criteria would read ? as any one letter and match «Forsinket».
      { id: "4.1", year: y, value: "Forsinke?" },
      { id: "3.1", year: y, value: "I rute" },
      { id: "4.3", year: y, value: "Forsinket" },
      { id: "5.1", year: y, value: "I rute" },
      { id: "5.4", year: y, value: "I rute" },
      { id: "5.2", year: 2027, value: "I rute" },
    ],
    forecast: [
      { id: "1.1", year: y, value: -0.3 }, // short by 0.1 = a quarter of the corrected −0.4: yellow, on the line
      { id: "1.2", year: y, value: -2 }, // short by 0.5 ≤ 0.625: yellow (and Forsinket caps at yellow)
      { id: "1.3", year: y, value: -0.5 }, // short by 0.4 > 0.225: red
      { id: "2.3", year: y, value: -0.6 },
      { id: "2.4", year: y, value: -1.05 }, // short by 0.35 = a quarter of 1.4: yellow, on the line
      { id: "3.1", year: y, value: -3.4 }, // better than the plan: green
      { id: "3.2", year: y, value: -0.8 }, // no status, short by 0.3 > 0.275: red
      { id: "5.1", year: y, value: -5.7 },
      { id: "5.4", year: y, value: 0.3 }, // a planned cost, as planned: green
      { id: "5.2", year: 2027, value: 0.5 }, // a cost 0.3 above the planned 0.2: red
    ],
    reportYear: y,
    reportTertial: "2. tertial",
    versions: [
      { name: "Vedtatt budsjett 2026", frozen: "2026-01-15 09:00", inputs: {} },
      { name: "Status 1. tertial 2026", frozen: "2026-05-10 14:30", inputs: firstTertial },
    ],
  };
}

export function scenarios(): Scenario[] {
  const cat = bundledCatalogue;
  return [
    { id: "fresh", title: "ny arbeidsbok", catalogue: cat, userSheets: [], decoys: [], definedNames: [], inputs: {} },
    {
      id: "budget",
      title: "budsjettrådgiverens valg og rettelser",
      catalogue: cat,
      userSheets: ["Budsjett 2026"],
      decoys: [],
      definedNames: [],
      inputs: {
        // One chapter-4-only measure (1.8, blank years) among them: chosen, it adds nothing.
        chosen: ["1.1", "1.3", "1.8", "2.2", "2.10", "3.1", "4.1", "4.12", "5.1", "5.9"],
        corrections: [
          { id: "1.3", year: 2027, value: -6.5 },
          { id: "2.2", year: 2029, value: -1.25 },
          { id: "4.1", year: 2026, value: 0 },
        ],
        realised: [
          { id: "1.1", year: 2026, value: -0.3 },
          { id: "1.1", year: 2027, value: 0 },
          { id: "2.3", year: 2028, value: -1.5 },
          { id: "5.1", year: 2029, value: 0.2 },
        ],
        hop: [
          { id: "1.1", year: 2026, value: -0.3 },
          { id: "1.2", year: 2027, value: 0 },
          { id: "2.10", year: 2029, value: -0.1 },
        ],
      },
    },
    {
      id: "filtered",
      title: "filtrerte og skjulte rader",
      catalogue: cat,
      userSheets: ["Ark1"],
      decoys: [],
      definedNames: [],
      inputs: {
        filterGroup: 2,
        hiddenCategories: ["Lavere volum"],
        // Chosen rows inside and outside the filter: SUMIFS counts hidden rows, SUBTOTAL(109) does not.
        chosen: ["1.1", "2.2", "2.5", "3.1", "4.3"],
        realised: [{ id: "2.2", year: 2026, value: 0 }],
      },
    },
    {
      id: "clash",
      title: "navnekollisjoner (tabellene får _2)",
      catalogue: cat,
      userSheets: ["Budsjett 2026"],
      decoys: [
        {
          sheet: "Tiltak",
          table: "Tiltak",
          header: ["Nr", "Gruppe", "Kategori", ...YEARS, "Valgt", "Katalog"],
          rows: [
            ["1.1", 1, "", 100, 100, 100, 100, 100, 100, "Ja", "Sammendrag"],
            ["2.1", 2, "Lavere volum", 7, 7, 7, 7, 7, 7, "Ja", "Sammendrag"],
          ],
        },
        { sheet: "Avvik", table: "Avvik", header: ["Nr", "År", "Alvorlighet"], rows: [["1.1", 2026, "feil"], ["2.1", 2027, "feil"]] },
        { sheet: "Budsjett 2026", table: "HOP", header: ["Nr", "HØP 2026"], rows: [["1.1", 5]] },
      ],
      definedNames: ["ValgtMotMal"],
      inputs: { chosen: ["1.1", "2.1", "5.2"], hop: [{ id: "1.1", year: 2026, value: 0 }] },
    },
    {
      id: "tertial",
      title: "2. tertial: blandede statuser, prognose under plan, tiltak stoppet midt i året, to frosne versjoner",
      catalogue: cat,
      userSheets: ["Budsjett 2026"],
      decoys: [],
      definedNames: [],
      inputs: tertialInputs(),
    },
    {
      id: "nr-2.10",
      title: "feil på tiltak 2.10, ingen på 2.1",
      catalogue: catalogueWith210Error(),
      userSheets: ["Ark1"],
      decoys: [],
      definedNames: [],
      inputs: { chosen: ["2.1", "2.10"], realised: [{ id: "2.10", year: 2027, value: -0.5 }] },
    },
  ];
}
