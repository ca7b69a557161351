import { readFileSync } from "node:fs";
import { join } from "node:path";
import catalogueJson from "../data/catalogue.json";
import { loadCatalogue } from "./catalogue";
import { exportCatalogue } from "./export";

const cat = loadCatalogue(catalogueJson);
const out = exportCatalogue(cat);

describe("exportCatalogue (design.md shape)", () => {
  test("has the catalogue header", () => {
    expect(out.catalogue).toEqual({
      id: catalogueJson.catalogue.id,
      version: catalogueJson.catalogue.version,
      title: catalogueJson.catalogue.title,
      unit: "MNOK",
      printedUnit: "MNOK",
      years: [2025, 2026, 2027, 2028, 2029, 2030],
      categories: ["Høyere produktivitet", "Bedre strategi", "Lavere volum", "Økte inntekter"],
    });
  });

  test("lists every measure with the contract's fields", () => {
    expect(out.measures).toHaveLength(catalogueJson.measures.length);
    for (const m of out.measures) {
      expect(Object.keys(m)).toEqual(
        expect.arrayContaining(["id", "headingId", "group", "service", "title", "category", "inSummary", "summary", "groupTable", "detailNet", "hop", "source"]),
      );
      expect(["in-plan", "partly", "not-in-plan", "not-stated"]).toContain(m.hop);
      if (m.summary) expect(Object.keys(m.summary)).toEqual(["2025", "2026", "2027", "2028", "2029", "2030"]);
    }
  });

  test("keeps blanks as null and converts detail tables to MNOK with the printed sign", () => {
    const m11 = out.measures.find((m) => m.id === "1.1")!;
    expect(m11.summary?.["2025"]).toBeNull();
    const m16 = out.measures.find((m) => m.id === "1.6")!;
    // Printed as 1 060 000 kr, savings positive: MNOK 1.06, sign kept as printed.
    expect(m16.detailNet?.["2026"]).toBe(1.06);
    expect(m16.detailSign).toBe("positive-is-saving");
  });

  test("marks unreadable and interpreted cells instead of inventing numbers", () => {
    const m55 = out.measures.find((m) => m.id === "5.5")!;
    expect(m55.detailNet?.["2027"]).toEqual({ unreadable: expect.any(String) });
    const m53 = out.measures.find((m) => m.id === "5.3")!;
    expect(m53.summary?.["2027"]).toBe(0);
    expect(m53.ambiguous).toEqual({ "summary.2027": "-" });
  });

  test("has totals and targets by group and overall", () => {
    expect(Object.keys(out.totals.byGroup)).toEqual(["1", "2", "3", "4", "5"]);
    expect(out.totals.overall?.["2029"]).toBe(-88.1);
    expect(out.targets.overall).toEqual({ sparekrav: -40, menu: -80 });
    expect(out.targets.byGroup["1"]).toEqual({ sparekrav: -13.5, menu: -27 });
  });
});

describe("a catalogue printed in 1000 kr", () => {
  const eksempel = exportCatalogue(loadCatalogue(readFileSync(join(__dirname, "../../test/fixtures/eksempel-kommune.json"), "utf8")));

  test("exports every amount in MNOK and says what the report printed", () => {
    expect(eksempel.catalogue).toMatchObject({ unit: "MNOK", printedUnit: "TNOK", years: [2026, 2027, 2028, 2029, 2030, 2031] });
    const opp1 = eksempel.measures.find((m) => m.id === "OPP-1")!;
    expect(opp1.summary?.["2028"]).toBe(-0.9); // printed -900 (1000 kr)
    expect(eksempel.measures.find((m) => m.id === "OPP-3")!.groupTable?.["2029"]).toBe(-3); // -3000 in the group table
    expect(eksempel.totals.byGroup["20"]?.["2029"]).toBe(-3.3);
    expect(eksempel.targets.overall).toEqual({ sparekrav: -6, menu: null });
  });

  test("a total table the report does not print is absent, not zeros", () => {
    expect(Object.keys(eksempel.totals.overallRows)).toEqual(["groupTable", "measureTable"]);
    expect(eksempel.totals.overall?.["2028"]).toBe(-6.05);
  });
});
