import { readFileSync } from "node:fs";
import { join } from "node:path";
import { hasNoProvenance, loadCatalogue, provenance } from "./catalogue";
import { CATEGORIES } from "./types";

const raw = JSON.parse(readFileSync(join(__dirname, "../data/catalogue.json"), "utf8"));
const cat = loadCatalogue(raw);

describe("Catalogue model", () => {
  test("looks up every measure by its id", () => {
    for (const m of raw.measures) expect(cat.measure(m.id)?.title).toBe(m.title);
    expect(cat.measure("2.10")?.id).toBe("2.10");
    expect(cat.measure("2.1")?.id).toBe("2.1");
    expect(cat.measure("9.9")).toBeUndefined();
  });

  test("lists by group, category and service partition the measures", () => {
    const byGroup = cat.groups.flatMap((g) => cat.byGroup(g.id).map((m) => m.id));
    expect([...byGroup].sort()).toEqual(raw.measures.map((m: { id: string }) => m.id).sort());
    for (const c of CATEGORIES) for (const m of cat.byCategory(c)) expect(m.category).toBe(c);
    const categorised = CATEGORIES.reduce((n, c) => n + cat.byCategory(c).length, 0);
    expect(categorised).toBe(raw.measures.filter((m: { category: string | null }) => m.category !== null).length);
    for (const s of cat.services()) for (const m of cat.byService(s)) expect(m.service.trim()).toBe(s);
    expect(cat.byGroup(42)).toEqual([]);
  });

  test("is immutable", () => {
    const m = cat.measure("1.1")!;
    expect(() => {
      (m as { title: string }).title = "x";
    }).toThrow(TypeError);
    expect(() => (cat.byGroup(1) as unknown as unknown[]).push(1)).toThrow(TypeError);
    expect(Object.isFrozen(cat.data.totals.byGroup)).toBe(true);
  });

  test("knows its years", () => {
    expect(cat.yearIndex(2025)).toBe(0);
    expect(cat.yearIndex(2030)).toBe(5);
    expect(cat.yearIndex(2031)).toBe(-1);
  });
});

describe("what a catalogue says about itself", () => {
  const eksempel = loadCatalogue(readFileSync(join(__dirname, "../../test/fixtures/eksempel-kommune.json"), "utf8"));

  test("where a measure's numbers are printed, or that the catalogue gives no source", () => {
    const m = raw.measures.find((x: { id: string }) => x.id === "1.1");
    expect(provenance(cat, "1.1", "summary")).toEqual({
      line: m.summary.line,
      printed: m.summary.printed.trim().replace(/\s+/g, " "),
      known: true,
      text: `Sammendraget: rapportens linje ${m.summary.line}: «${m.summary.printed.trim().replace(/\s+/g, " ")}».`,
    });
    expect(provenance(cat, "1.1", "group")).toBeNull(); // 1.1 has no group-table row
    expect(provenance(eksempel, "OPP-1", "detail")).toEqual({ line: null, printed: null, known: false, text: "Effekttabellen: katalogen oppgir ingen kilde for tallene." });
    expect(provenance(eksempel, "nope", "summary")).toBeNull();
    expect(hasNoProvenance(eksempel)).toBe(true);
    expect(hasNoProvenance(cat)).toBe(false);
  });

  test("totals and targets printed in 1000 kr, in mill. kr; the data stays as printed", () => {
    expect(eksempel.unit).toBe("TNOK");
    expect(eksempel.data.targets.overall.sparekrav).toBe(-6000);
    expect(eksempel.targets.overall.sparekrav).toBe(-6);
    expect(eksempel.targets.byGroup["20"]?.sparekrav).toBe(-2.5);
    expect(eksempel.totals.byGroup["10"]?.values["2028"]).toBe(-2.65);
    expect(eksempel.totals.overall.categoryTable).toBeUndefined();
    expect(cat.totals).toBe(cat.data.totals); // MNOK: as printed
    expect(Object.isFrozen(eksempel.totals.byGroup["10"])).toBe(true);
  });

  test("its categories and its municipality", () => {
    expect(eksempel.categories).toEqual(["Digitalisering", "Struktur", "Inntekter"]);
    expect(eksempel.byCategory("Struktur").map((m) => m.id)).toEqual(["OPP-1", "OPP-3", "HV-2", "SD-2"]);
    expect(eksempel.municipality).toBe("Eksempel kommune");
    expect(cat.municipality).toBe("Elverum kommune");
  });
});
