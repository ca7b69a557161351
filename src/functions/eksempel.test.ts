// The TILTAK.* functions on another municipality's catalogue (test/fixtures/eksempel-kommune.json):
// measure numbers that are not "group.number", groups 10/20/30, its own categories and years, figures
// printed in 1000 kr. Expected values are worked out by hand from the fixture.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundledCatalogue } from "../data/bundled";
import { loadCatalogue } from "../domain/catalogue";
import { FnError, parseCategory, parseGroup, resolveMeasure, type CellResult } from "./args";
import * as T from "./tiltak";

const cat = loadCatalogue(readFileSync(join(__dirname, "../../test/fixtures/eksempel-kommune.json"), "utf8"));
const only = (m: CellResult[][]) => m[0]?.[0];
const error = (m: CellResult[][]) => only(m) as FnError;

describe("arguments against a catalogue of its own", () => {
  test("any measure number the catalogue has is found as typed; other text is an unknown measure (#N/A), not malformed", () => {
    expect(resolveMeasure(cat, "OPP-1")).toBe("OPP-1");
    expect(resolveMeasure(cat, " HV-2 ")).toBe("HV-2");
    expect(resolveMeasure(cat, "OPP-9")).toMatchObject({ kind: "#N/A", message: "Tiltak «OPP-9» finnes ikke i katalogen." });
    // Elverum's catalogue numbers every measure "group.number": there other text stays malformed (#VALUE!).
    expect(resolveMeasure(bundledCatalogue, "OPP-1")).toMatchObject({ kind: "#VALUE!" });
    // A date serial is still explained, whatever the catalogue.
    expect(resolveMeasure(cat, 46297)).toMatchObject({ kind: "#VALUE!", message: expect.stringMatching(/dato/) });
  });

  test("categories are the catalogue's own; groups are named by their numbers as the catalogue has them", () => {
    expect(parseCategory("struktur", cat.categories)).toBe("Struktur");
    expect(parseCategory("Lavere volum", cat.categories)).toMatchObject({ kind: "#VALUE!", message: "Ukjent kategori «Lavere volum». Bruk Digitalisering, Struktur, Inntekter." });
    expect(parseGroup(cat, 20)).toBe(20);
    expect(parseGroup(cat, "samfunn og drift")).toBe(30);
    expect(parseGroup(cat, 2)).toMatchObject({ kind: "#VALUE!", message: "Ukjent arbeidsgruppe «2». Bruk 10, 20, 30 eller gruppens navn." });
    expect(parseGroup(bundledCatalogue, 9)).toMatchObject({ message: expect.stringContaining("Bruk 1–5") });
  });
});

describe("the functions answer in mill. kr from figures printed in 1000 kr", () => {
  test("EFFEKT, KUMULATIV, ENDRING", () => {
    expect(only(T.effekt(cat, "OPP-1", 2028))).toBe(-0.9);
    expect(only(T.effekt(cat, "OPP-2", 2029, "detalj"))).toBe(-0.3); // -300 000 kr
    expect(only(T.effekt(cat, "OPP-3", 2029, "gruppe"))).toBe(-3);
    expect(only(T.kumulativ(cat, "HV-1", 2026, 2028))).toBe(-1.6); // -200 - 600 - 800 (1000 kr)
    expect(only(T.endring(cat, "OPP-3", 2029))).toBe(-1.5);
    expect(error(T.effekt(cat, "HV-3", 2027)).kind).toBe("#N/A"); // printed «?»: unknown, never 0
    expect(error(T.effekt(cat, "OPP-1", 2025)).message).toBe("Året 2025 er utenfor katalogen (2026–2031).");
  });

  test("TOTAL by group and by the catalogue's categories (every measure has one)", () => {
    expect(only(T.totalFn(cat, 2029, 10))).toBe(-4.15);
    expect(only(T.totalFn(cat, 2028, null, "Digitalisering"))).toBe(-1.05);
    expect(only(T.totalFn(cat, 2028, 20, "Struktur"))).toBe(-2);
  });

  test("NAVN, INFO, LISTE and AVVIK", () => {
    expect(only(T.navn(cat, "SD-1"))).toBe("Økt husleie for kommunale lokaler");
    expect(only(T.info(cat, "HV-3", "kategori"))).toBe("Inntekter");
    expect(only(T.info(cat, "OPP-1", "kilde"))).toMatchObject({ kind: "#N/A", message: "Tiltak OPP-1 har ingen egen seksjon i rapporten." });
    expect(T.liste(cat, 30)).toEqual([["SD-1"], ["SD-2"]]);
    // OPP-2: detail-vs-summary; HV-2: sign; HV-3: numbering and unreadable (missing-detail findings are info).
    expect(T.avvik(cat, [["OPP-1"], ["OPP-2"], ["HV-2"], ["HV-3"]])).toEqual([[0], [1], [1], [2]]);
  });
});
