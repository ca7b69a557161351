// Argument rules of the TILTAK.* functions (args.ts). Expected values come from the catalogue JSON or
// from the rules as documented in src/help/funksjoner.html, never from the code under test.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundledCatalogue as cat } from "../data/bundled";
import {
  asMatrix,
  broadcast,
  checkYearInCatalogue,
  FnError,
  mapMatrix,
  parseCategory,
  parseGroup,
  parseMeasureId,
  parseSource,
  parseYear,
  resolveMeasure,
  type CellResult,
  type Scalar,
} from "./args";

interface RawCatalogue {
  catalogue: { years: number[] };
  groups: { id: number; name: string }[];
  measures: { id: string }[];
}
const raw = JSON.parse(readFileSync(join(__dirname, "../data/catalogue.json"), "utf8")) as RawCatalogue;

function expectError(v: unknown, kind: "#VALUE!" | "#N/A", message?: RegExp): FnError {
  expect(v).toBeInstanceOf(FnError);
  const e = v as FnError;
  expect(e.kind).toBe(kind);
  expect(typeof e.message).toBe("string");
  expect(e.message.length).toBeGreaterThan(0);
  if (message) expect(e.message).toMatch(message);
  return e;
}

describe("parseMeasureId", () => {
  test("text is kept as text: '2.10' and '2.1' are different measures", () => {
    expect(parseMeasureId("2.10")).toBe("2.10");
    expect(parseMeasureId("2.1")).toBe("2.1");
    expect(parseMeasureId("2.10")).not.toBe(parseMeasureId("2.1"));
    expect(parseMeasureId("4.14")).toBe("4.14");
  });

  test("surrounding whitespace is trimmed", () => {
    expect(parseMeasureId(" 2.1 ")).toBe("2.1");
    expect(parseMeasureId("\t2.10\n")).toBe("2.10");
  });

  test("a number argument means what it shows: 2.1 → '2.1', never '2.10'", () => {
    expect(parseMeasureId(2.1)).toBe("2.1");
    // 2.10 typed as a number is the same double as 2.1: it cannot mean measure 2.10.
    expect(parseMeasureId(2.1)).not.toBe("2.10");
    expect(parseMeasureId(4.12)).toBe("4.12");
    expect(parseMeasureId(1.1)).toBe("1.1");
  });

  test("a number that looks like an Excel date serial gives #VALUE! explaining to type the number as text", () => {
    // Excel (Norwegian locale) turns '1.10' into 1 Oct 2026 = serial 46296, '2.10' into 2 Oct 2026 = 46297
    // and '2.1' into 2 Jan 2026 = 46024 (serial 1 = 1 Jan 1900, with Excel's 1900 leap-year quirk).
    for (const serial of [46296, 46297, 46024]) {
      const e = expectError(parseMeasureId(serial), "#VALUE!");
      expect(e.message).toMatch(/dato/i);
      expect(e.message).toMatch(/som tekst/i);
      expect(e.message).toContain("2.10");
    }
  });

  test("booleans, empty text and missing values are #VALUE!", () => {
    for (const v of [true, false, "", "   ", null, undefined] as Scalar[]) expectError(parseMeasureId(v), "#VALUE!");
    expectError(parseMeasureId(true), "#VALUE!", /SANN\/USANN/);
    expectError(parseMeasureId(""), "#VALUE!", /mangler/);
  });

  test("text that is not group.number is #VALUE!", () => {
    for (const v of ["abc", "2", "2.", ".1", "2,1", "2.1.1", "2. 1", "x2.1", "-2.1"]) {
      const e = expectError(parseMeasureId(v), "#VALUE!");
      expect(e.message).toContain(`«${v.trim()}»`);
    }
  });
});

describe("resolveMeasure", () => {
  test("every catalogue id resolves to itself, as text or padded text", () => {
    for (const m of raw.measures) {
      expect(resolveMeasure(cat, m.id)).toBe(m.id);
      expect(resolveMeasure(cat, ` ${m.id} `)).toBe(m.id);
    }
  });

  test("a number resolves to the measure it shows", () => {
    expect(resolveMeasure(cat, 2.1)).toBe("2.1");
    expect(resolveMeasure(cat, 5.9)).toBe("5.9");
  });

  test("an unknown but well-formed measure is #N/A naming it", () => {
    expectError(resolveMeasure(cat, "9.9"), "#N/A", /«9\.9»/);
    expectError(resolveMeasure(cat, "2.12"), "#N/A", /«2\.12»/);
    expectError(resolveMeasure(cat, 9.9), "#N/A", /«9\.9»/);
  });

  test("malformed arguments stay #VALUE! (not #N/A)", () => {
    expectError(resolveMeasure(cat, "abc"), "#VALUE!");
    expectError(resolveMeasure(cat, 46297), "#VALUE!", /dato/);
    expectError(resolveMeasure(cat, null), "#VALUE!");
  });
});

describe("parseYear / checkYearInCatalogue", () => {
  test("a whole year as a number or as text is accepted", () => {
    expect(parseYear(2027)).toBe(2027);
    expect(parseYear("2027")).toBe(2027);
    expect(parseYear(" 2027 ")).toBe(2027);
  });

  test("a fractional year is #VALUE!", () => {
    expectError(parseYear(2027.5), "#VALUE!", /helt årstall/);
    expectError(parseYear("2027.5"), "#VALUE!");
    expectError(parseYear("27"), "#VALUE!");
    expectError(parseYear("abc"), "#VALUE!");
  });

  test("booleans and blanks are #VALUE!", () => {
    expectError(parseYear(true), "#VALUE!", /SANN\/USANN/);
    expectError(parseYear(false), "#VALUE!");
    for (const v of ["", "  ", null, undefined] as Scalar[]) expectError(parseYear(v), "#VALUE!", /mangler/);
  });

  test("the label names the argument in the message", () => {
    expectError(parseYear(null, "fra_år"), "#VALUE!", /^Fra_år mangler/);
    expectError(parseYear(true, "til_år"), "#VALUE!", /^Til_år/);
  });

  test("years inside the catalogue span pass, others are #N/A naming the span", () => {
    const years = raw.catalogue.years;
    const first = years[0] as number;
    const last = years[years.length - 1] as number;
    expect([first, last]).toEqual([2025, 2030]);
    for (const y of years) expect(checkYearInCatalogue(cat, y)).toBeNull();
    for (const y of [2031, 2024, 1999]) {
      const e = expectError(checkYearInCatalogue(cat, y), "#N/A");
      expect(e.message).toContain(String(y));
      expect(e.message).toContain(`${first}–${last}`);
    }
  });
});

describe("parseSource", () => {
  test("defaults to the summary table when blank", () => {
    for (const v of [null, undefined, "", "  "] as Scalar[]) expect(parseSource(v)).toBe("summary");
  });

  test("the Norwegian names, case-insensitive and trimmed", () => {
    expect(parseSource("sammendrag")).toBe("summary");
    expect(parseSource("SAMMENDRAG")).toBe("summary");
    expect(parseSource("Gruppe")).toBe("group");
    expect(parseSource(" detalj ")).toBe("detail");
    expect(parseSource("DeTaLj")).toBe("detail");
  });

  test("anything else is #VALUE! listing the choices", () => {
    for (const v of ["summary", "detail", "tabell", 1, true] as Scalar[]) {
      expectError(parseSource(v), "#VALUE!", /sammendrag.*gruppe.*detalj/);
    }
  });

  test("names of Object's own members are not sources either", () => {
    for (const v of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", " CONSTRUCTOR "] as Scalar[]) {
      expectError(parseSource(v), "#VALUE!", /sammendrag.*gruppe.*detalj/);
    }
  });
});

describe("parseGroup", () => {
  test("numbers 1–5 as numbers or digit text", () => {
    expect(raw.groups.map((g) => g.id)).toEqual([1, 2, 3, 4, 5]);
    for (const g of raw.groups) {
      expect(parseGroup(cat, g.id)).toBe(g.id);
      expect(parseGroup(cat, String(g.id))).toBe(g.id);
      expect(parseGroup(cat, ` ${g.id} `)).toBe(g.id);
    }
  });

  test("a group's name, case-insensitive", () => {
    for (const g of raw.groups) {
      expect(parseGroup(cat, g.name)).toBe(g.id);
      expect(parseGroup(cat, g.name.toUpperCase())).toBe(g.id);
      expect(parseGroup(cat, g.name.toLowerCase())).toBe(g.id);
    }
    expect(parseGroup(cat, "helse, mestring og omsorg")).toBe(2);
  });

  test("blank means no group filter", () => {
    for (const v of [null, undefined, "", "  "] as Scalar[]) expect(parseGroup(cat, v)).toBeNull();
  });

  test("unknown groups are #VALUE! naming the valid range", () => {
    for (const v of [0, 6, 2.5, "6", "Skole", true, "2.1"] as Scalar[]) {
      const e = expectError(parseGroup(cat, v), "#VALUE!");
      expect(e.message).toContain("1–5");
      expect(e.message).toContain(`«${String(v)}»`);
    }
  });
});

describe("parseCategory", () => {
  const categories = ["Høyere produktivitet", "Bedre strategi", "Lavere volum", "Økte inntekter"];

  test("the four categories, case-insensitive and trimmed", () => {
    for (const c of categories) {
      expect(parseCategory(c)).toBe(c);
      expect(parseCategory(c.toUpperCase())).toBe(c);
      expect(parseCategory(` ${c.toLowerCase()} `)).toBe(c);
    }
  });

  test("blank means no category filter", () => {
    for (const v of [null, undefined, "", " "] as Scalar[]) expect(parseCategory(v)).toBeNull();
  });

  test("anything else is #VALUE! listing the categories", () => {
    for (const v of ["Produktivitet", 1, true] as Scalar[]) {
      const e = expectError(parseCategory(v), "#VALUE!");
      for (const c of categories) expect(e.message).toContain(c);
    }
  });
});

describe("asMatrix", () => {
  test("a scalar becomes a 1×1 matrix", () => {
    expect(asMatrix("2.1")).toEqual([["2.1"]]);
    expect(asMatrix(2027)).toEqual([[2027]]);
    expect(asMatrix(null)).toEqual([[null]]);
    expect(asMatrix(undefined)).toEqual([[undefined]]);
  });

  test("a matrix is kept as it is", () => {
    const m = [["1.1"], ["1.2"]];
    expect(asMatrix(m)).toEqual([["1.1"], ["1.2"]]);
    expect(asMatrix([[2025, 2026, 2027]])).toEqual([[2025, 2026, 2027]]);
  });

  test("an empty range becomes one blank cell", () => {
    expect(asMatrix([])).toEqual([[null]]);
    expect(asMatrix([[]])).toEqual([[null]]);
  });
});

describe("broadcast", () => {
  const pair = (x: Scalar, y: Scalar): CellResult => `${String(x)}|${String(y)}`;

  test("a column against a row gives a table", () => {
    const out = broadcast([["a"], ["b"], ["c"]], [[1, 2]], pair);
    expect(out).toEqual([
      ["a|1", "a|2"],
      ["b|1", "b|2"],
      ["c|1", "c|2"],
    ]);
  });

  test("a row against a column gives a table too", () => {
    expect(broadcast([[1, 2]], [["a"], ["b"]], pair)).toEqual([
      ["1|a", "2|a"],
      ["1|b", "2|b"],
    ]);
  });

  test("a scalar is repeated over a row or a column", () => {
    expect(broadcast([["a"]], [[1, 2, 3]], pair)).toEqual([["a|1", "a|2", "a|3"]]);
    expect(broadcast([["a"], ["b"]], [[7]], pair)).toEqual([["a|7"], ["b|7"]]);
    expect(broadcast([["a"]], [[7]], pair)).toEqual([["a|7"]]);
  });

  test("equal shapes combine element by element", () => {
    expect(
      broadcast(
        [
          ["a", "b"],
          ["c", "d"],
        ],
        [
          [1, 2],
          [3, 4],
        ],
        pair,
      ),
    ).toEqual([
      ["a|1", "b|2"],
      ["c|3", "d|4"],
    ]);
    expect(broadcast([["a"], ["b"]], [[1], [2]], pair)).toEqual([["a|1"], ["b|2"]]);
  });

  test("a row is repeated down a matrix with the same width", () => {
    expect(
      broadcast(
        [
          ["a", "b"],
          ["c", "d"],
        ],
        [[1, 2]],
        pair,
      ),
    ).toEqual([
      ["a|1", "b|2"],
      ["c|1", "d|2"],
    ]);
  });

  test("incompatible shapes give a single #VALUE! and never call f", () => {
    const f = jest.fn(pair);
    for (const [a, b] of [
      [[["a"], ["b"], ["c"]], [[1], [2]]],
      [[[1, 2, 3]], [[1, 2]]],
      [
        [
          ["a", "b"],
          ["c", "d"],
        ],
        [[1, 2, 3]],
      ],
    ] as [Scalar[][], Scalar[][]][]) {
      const out = broadcast(a, b, f);
      expect(out).toHaveLength(1);
      expect(out[0]).toHaveLength(1);
      expectError(out[0]?.[0], "#VALUE!", /former/);
    }
    expect(f).not.toHaveBeenCalled();
  });
});

describe("mapMatrix", () => {
  test("keeps the shape and applies f to every cell", () => {
    expect(mapMatrix([["a", "b"], ["c", "d"]], (x) => `<${String(x)}>`)).toEqual([
      ["<a>", "<b>"],
      ["<c>", "<d>"],
    ]);
  });
});

describe("numbers and text get the same answer", () => {
  test("a whole number is not a measure number, as text or as a number", () => {
    for (const v of [2, "2"]) {
      const r = parseMeasureId(v);
      expect(r).toBeInstanceOf(FnError);
      expect((r as FnError).kind).toBe("#VALUE!");
    }
  });

  test("a date serial with a time part is still explained as a date", () => {
    const r = parseMeasureId(46297.5);
    expect((r as FnError).kind).toBe("#VALUE!");
    expect((r as FnError).message).toMatch(/dato/);
  });
});
