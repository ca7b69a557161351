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
