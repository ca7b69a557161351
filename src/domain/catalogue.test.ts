import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue } from "./catalogue";
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
