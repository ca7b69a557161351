// The Excel edge (functions.ts): results are plain numbers/strings, failures are CustomFunctions.Error
// (the fake from test/setup-custom-functions.ts) with Excel's code and the Norwegian message, and every
// function is registered under its documented id. Expected values are read from catalogue.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadBundled } from "../data/lazy";
import { resetActiveCatalogue, setActiveCatalogue } from "../domain/activeCatalogue";
import { loadCatalogue } from "../domain/catalogue";
import * as F from "./functions";

interface RawCatalogue {
  measures: { id: string; title: string; group: number; inSummary: boolean; summary: { values: Record<string, unknown> } | null }[];
}
const raw = JSON.parse(readFileSync(join(__dirname, "../data/catalogue.json"), "utf8")) as RawCatalogue;

interface ExcelError {
  code: string;
  message?: string;
}
const CF = (globalThis as unknown as { CustomFunctions: { Error: new (code: string, message?: string) => ExcelError; associate: unknown } }).CustomFunctions;

function only(m: unknown[][]): unknown {
  expect(m).toHaveLength(1);
  expect(m[0]).toHaveLength(1);
  return m[0]?.[0];
}

function expectExcelError(v: unknown, code: "#N/A" | "#VALUE!", message?: RegExp): ExcelError {
  expect(v).toBeInstanceOf(CF.Error);
  const e = v as ExcelError;
  expect(e.code).toBe(code);
  expect(typeof e.message).toBe("string");
  expect(e.message?.length ?? 0).toBeGreaterThan(0);
  if (message) expect(e.message).toMatch(message);
  return e;
}

describe("the built-in catalogue loads on the first call", () => {
  test("a call before it has loaded answers with a promise of the same value; later calls answer at once", async () => {
    const expected = (raw.measures.find((m) => m.id === "2.2")?.summary?.values as Record<string, number>)["2028"];
    let mod: typeof F | undefined;
    await jest.isolateModulesAsync(async () => {
      mod = await import("./functions");
    });
    if (!mod) throw new Error("functions.ts did not load");
    const first = mod.effekt([["2.2"]], [[2028]]) as unknown;
    expect(first).toBeInstanceOf(Promise);
    expect(only(await (first as Promise<unknown[][]>))).toBe(expected);
    expect(only(mod.effekt([["2.2"]], [[2028]]))).toBe(expected);
  });

  test("a catalogue chunk that cannot be fetched gives #N/A with the reason, and the next call tries again", async () => {
    const expected = (raw.measures.find((m) => m.id === "2.2")?.summary?.values as Record<string, number>)["2028"];
    let mod: typeof F | undefined;
    await jest.isolateModulesAsync(async () => {
      jest.doMock("../data/bundled", () => {
        throw new Error("ChunkLoadError: offline");
      });
      mod = await import("./functions");
    });
    if (!mod) throw new Error("functions.ts did not load");
    try {
      expectExcelError(only(await (mod.effekt([["2.2"]], [[2028]]) as unknown as Promise<unknown[][]>)), "#N/A", /kunne ikke lastes.*F9/);
    } finally {
      jest.dontMock("../data/bundled");
    }
    expect(only(await (mod.effekt([["2.2"]], [[2028]]) as unknown as Promise<unknown[][]>))).toBe(expected);
  });

  test("with a workbook's own catalogue active, the first call answers at once, without the built-in one", async () => {
    const own = JSON.parse(readFileSync(join(__dirname, "../../test/fixtures/eksempel-kommune.json"), "utf8")) as unknown;
    setActiveCatalogue(loadCatalogue(own), { kind: "workbook" });
    try {
      let mod: typeof F | undefined;
      let lazy: typeof import("../data/lazy") | undefined;
      await jest.isolateModulesAsync(async () => {
        mod = await import("./functions");
        lazy = await import("../data/lazy");
      });
      if (!mod || !lazy) throw new Error("functions.ts did not load");
      const first = mod.navn([["OPP-1"]]) as unknown;
      expect(first).not.toBeInstanceOf(Promise);
      expect(typeof only(first as unknown[][])).toBe("string");
      expect(lazy.bundledIfLoaded()).toBeNull();
    } finally {
      resetActiveCatalogue();
    }
  });
});

// Loaded once for the tests below, which call the functions synchronously.
beforeAll(() => loadBundled());

describe("results are plain values", () => {
  test("EFFEKT: the summary value as a number (help example 2.2 in 2028 → -9,3)", () => {
    expect(raw.measures.find((m) => m.id === "2.2")?.summary?.values["2028"]).toBe(-9.3);
    expect(only(F.effekt([["2.2"]], [[2028]]))).toBe(-9.3);
    expect(only(F.effekt([["2.2"]], [[2028]], "sammendrag"))).toBe(-9.3);
  });

  test("KUMULATIV: 1.2 over 2026–2029 = -2,5 - 7,1 - 8,5 - 8,5 = -26,6", () => {
    expect(only(F.kumulativ([["1.2"]], 2026, 2029))).toBe(-26.6);
  });

  test("ENDRING: 2.2 in 2028 = -9,3 - (-9,1) = -0,2", () => {
    expect(only(F.endring([["2.2"]], [[2028]]))).toBe(-0.2);
  });

  test("TOTAL: group 1 in 2026 = -0,3 - 2,5 - 0,9 + 0 - 0,7 - 1,1 - 0,6 = -6,1", () => {
    expect(only(F.total([[2026]], 1))).toBe(-6.1);
    expect(only(F.total([[2026]], "Barnehage og skole", null, null))).toBe(-6.1);
  });

  test("NAVN and INFO give strings and numbers", () => {
    const m = raw.measures.find((x) => x.id === "4.10");
    expect(only(F.navn([["4.10"]]))).toBe(m?.title);
    expect(only(F.info([["4.10"]], "gruppe"))).toBe(4);
    expect(only(F.info([["4.10"]], "kategori"))).toBe("Økte inntekter");
  });

  test("LISTE: all ids as text, or one group's", () => {
    expect(F.liste()).toEqual(raw.measures.map((m) => [m.id]));
    expect(F.liste(null)).toEqual(raw.measures.map((m) => [m.id]));
    expect(F.liste(3)).toEqual([["3.1"], ["3.2"], ["3.3"]]);
  });

  test("a spill: ids down, years across, errors in their own cells", () => {
    const out = F.effekt([["2.2"], ["abc"], ["9.9"]], [[2027, 2028]]);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual([-9.1, -9.3]);
    for (const c of [0, 1]) expectExcelError(out[1]?.[c], "#VALUE!");
    for (const c of [0, 1]) expectExcelError(out[2]?.[c], "#N/A", /9\.9/);
  });

  test("successful results are never wrapped", () => {
    for (const v of [only(F.effekt([["2.2"]], [[2028]])), only(F.navn([["2.2"]])), ...F.liste(5).flat()]) {
      expect(v).not.toBeInstanceOf(CF.Error);
      expect(["number", "string"]).toContain(typeof v);
    }
  });
});

describe("failures are CustomFunctions.Error with the Excel code and a Norwegian message", () => {
  test("#VALUE! for malformed arguments", () => {
    expectExcelError(only(F.effekt([["abc"]], [[2027]])), "#VALUE!", /ikke et tiltaksnummer/);
    expectExcelError(only(F.effekt([[46297]], [[2027]])), "#VALUE!", /dato.*som tekst/);
    expectExcelError(only(F.effekt([[true]], [[2027]])), "#VALUE!", /SANN\/USANN/);
    expectExcelError(only(F.effekt([[""]], [[2027]])), "#VALUE!", /mangler/);
    expectExcelError(only(F.effekt([["2.2"]], [[2027.5]])), "#VALUE!", /helt årstall/);
    expectExcelError(only(F.effekt([["2.2"]], [[2027]], "tabell")), "#VALUE!", /Kilde må være/);
    expectExcelError(only(F.kumulativ([["2.2"]], 2029, 2026)), "#VALUE!", /etter til_år/);
    expectExcelError(only(F.total([[2027]], 6)), "#VALUE!", /Ukjent arbeidsgruppe/);
    expectExcelError(only(F.total([[2027]], null, "Ukjent")), "#VALUE!", /Ukjent kategori/);
    expectExcelError(only(F.info([["2.2"]], "navn")), "#VALUE!", /Ukjent felt/);
    expectExcelError(only(F.liste("Ingen")), "#VALUE!", /Ukjent arbeidsgruppe/);
    expectExcelError(only(F.effekt([["2.2"], ["2.3"], ["2.4"]], [[2027], [2028]])), "#VALUE!", /former/);
  });

  test("#N/A for what the catalogue does not have", () => {
    expectExcelError(only(F.effekt([["9.9"]], [[2027]])), "#N/A", /finnes ikke i katalogen/);
    expectExcelError(only(F.effekt([["2.2"]], [[2031]])), "#N/A", /utenfor katalogen \(2025–2030\)/);
    expectExcelError(only(F.effekt([["1.9"]], [[2027]], "detalj")), "#N/A", /ingen effekttabell/);
    expectExcelError(only(F.effekt([["1.8"]], [[2027]])), "#N/A", /sammendragstabellen/);
    expectExcelError(only(F.effekt([["5.5"]], [[2027]], "detalj")), "#N/A", /kan ikke leses/);
    expectExcelError(only(F.kumulativ([["5.5"]], 2025, 2029, "detalj")), "#N/A", /kan ikke leses/);
    expectExcelError(only(F.endring([["9.9"]], [[2027]])), "#N/A");
    expectExcelError(only(F.total([[2024]])), "#N/A", /2024/);
    expectExcelError(only(F.navn([["9.9"]])), "#N/A");
    expectExcelError(only(F.info([["2.1"]], "kategori")), "#N/A", /kategori/);
  });
});

describe("registration", () => {
  test("each function is associated with its documented id", async () => {
    const original = CF.associate;
    const associate = jest.fn();
    CF.associate = associate;
    try {
      let mod: typeof F | undefined;
      await jest.isolateModulesAsync(async () => {
        mod = await import("./functions");
      });
      if (!mod) throw new Error("functions.ts did not load");
      // The isolated load is a fresh module instance: registration happened on import.
      expect(mod).not.toBe(F);
      const calls = associate.mock.calls as [string, unknown][];
      expect(calls.map(([id]) => id).sort()).toEqual(["AVVIK", "EFFEKT", "ENDRING", "INFO", "KUMULATIV", "LISTE", "NAVN", "TOTAL"]);
      const byId = new Map(calls);
      expect(byId.get("EFFEKT")).toBe(mod.effekt);
      expect(byId.get("KUMULATIV")).toBe(mod.kumulativ);
      expect(byId.get("ENDRING")).toBe(mod.endring);
      expect(byId.get("TOTAL")).toBe(mod.total);
      expect(byId.get("NAVN")).toBe(mod.navn);
      expect(byId.get("INFO")).toBe(mod.info);
      expect(byId.get("LISTE")).toBe(mod.liste);
      expect(byId.get("AVVIK")).toBe(mod.avvik);
      // Each id exactly once.
      expect(calls).toHaveLength(8);
    } finally {
      CF.associate = original;
    }
  });

  test("the ids match the @customfunction tags (the metadata Excel reads)", () => {
    const src = readFileSync(join(__dirname, "functions.ts"), "utf8");
    const tags = [...src.matchAll(/@customfunction\s+(\S+)/g)].map((m) => m[1]).sort();
    expect(tags).toEqual(["AVVIK", "EFFEKT", "ENDRING", "INFO", "KUMULATIV", "LISTE", "NAVN", "TOTAL"]);
  });
});
