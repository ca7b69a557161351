// The TILTAK.* functions as pure functions (tiltak.ts) on the full bundled catalogue.
//
// Expected numbers are never taken from the code under test: they are read from src/data/catalogue.json
// (the values as printed in the report) and, where arithmetic is needed (unit conversion, sums,
// differences), computed here in exact integer arithmetic. Printed values have up to three decimals
// (e.g. -0.625, 1.123) and detail tables may be in NOK, so instead of tenths/hundredths we use integer
// billionths of a million kroner (BigInt): every printed value is an exact integer in that unit, so the
// sums below are exact decimal sums, turned into the nearest double only at the end.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue } from "../domain/catalogue";
import { bundledCatalogue as cat } from "../data/bundled";
import { FnError, type CellResult, type Scalar } from "./args";
import * as T from "./tiltak";
import { effekt, endring, info, INFO_FIELDS, kumulativ, liste, navn, totalFn } from "./tiltak";

// ---------------------------------------------------------------------------------------------------
// The catalogue JSON, read independently of src/data/bundled.ts.

type RawCell = number | null | { unreadable: string; note?: string } | { printed: string; value: number; note: string };
type RawValues = Record<string, RawCell>;
interface RawRow {
  values: RawValues;
  label?: string;
}
interface RawDetail {
  unit: "MNOK" | "TNOK" | "NOK";
  sign: "negative-is-saving" | "positive-is-saving";
  years: number[];
  lines: RawRow[];
  net: RawRow | null;
}
interface RawMeasure {
  id: string;
  group: number;
  service: string;
  title: string;
  category: string | null;
  inSummary: boolean;
  summary: RawRow | null;
  groupTable: RawRow | null;
  detail: RawDetail | null;
  hop: { status: "in-plan" | "partly" | "not-in-plan" | "not-stated" };
  source: string | null;
}
interface RawCatalogue {
  catalogue: { years: number[] };
  groups: { id: number; name: string }[];
  measures: RawMeasure[];
  totals: { byGroup: Record<string, RawRow> };
}

const rawText = readFileSync(join(__dirname, "../data/catalogue.json"), "utf8");
const raw = JSON.parse(rawText) as RawCatalogue;
const freshRaw = (): RawCatalogue => JSON.parse(rawText) as RawCatalogue;
const YEARS = raw.catalogue.years;
const measureById = (id: string): RawMeasure => {
  const m = raw.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id} in catalogue.json`);
  return m;
};

// ---------------------------------------------------------------------------------------------------
// Exact decimal arithmetic for expected values.

const SCALE = 9; // units of 1e-9 MNOK

/** x · 10^shift as an exact integer count of 1e-9 units, from the shortest decimal text of x. */
function units(x: number, shift = 0): bigint {
  const s = String(x);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!match) throw new Error(`not a decimal: ${s}`);
  const [, sign = "", int = "0", frac = "", exp = "0"] = match;
  const e = Number(exp) + shift + SCALE - frac.length;
  const digits = BigInt(int + frac);
  let v: bigint;
  if (e >= 0) v = digits * 10n ** BigInt(e);
  else {
    const d = 10n ** BigInt(-e);
    if (digits % d !== 0n) throw new Error(`${s} has more than ${SCALE} decimals`);
    v = digits / d;
  }
  return sign === "-" ? -v : v;
}

/** The double nearest to an exact count of 1e-9 units. */
function toNumber(n: bigint): number {
  if (n === 0n) return 0;
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(SCALE + 1, "0");
  return Number(`${neg ? "-" : ""}${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`);
}

// Sanity of the helper itself, by hand: 0.1 + 0.2 is exactly 0.3 in decimal (but not in floats).
test("test helper: exact decimal sums", () => {
  expect(toNumber(units(0.1) + units(0.2))).toBe(0.3);
  expect(0.1 + 0.2).not.toBe(0.3);
  expect(toNumber(units(-900000, -6))).toBe(-0.9);
  expect(toNumber(units(1060000, -6))).toBe(1.06);
  expect(toNumber(units(-23.309) + units(4.25))).toBe(-19.059);
  expect(toNumber(units(0.07, -3))).toBe(0.00007);
});

// ---------------------------------------------------------------------------------------------------
// What the report says a function should give.

type Source = "summary" | "group" | "detail";
const KILDE: Record<Source, string> = { summary: "sammendrag", group: "gruppe", detail: "detalj" };
type Expected = { ok: true; units: bigint } | { ok: false; year: number; printed: string };

const UNIT_SHIFT = { MNOK: 0, TNOK: -3, NOK: -6 } as const;

interface SourceRow {
  values: RawValues;
  years: readonly number[]; // the years the table prints
  shift: number;
  negate: boolean;
}

/** The printed row a source gives: summary row, group-table row, or the detail table's net row. */
function rowFor(m: RawMeasure, source: Source): SourceRow | "no-table" | "no-net-row" {
  if (source === "summary") return m.summary ? { values: m.summary.values, years: YEARS, shift: 0, negate: false } : "no-table";
  if (source === "group") return m.groupTable ? { values: m.groupTable.values, years: YEARS, shift: 0, negate: false } : "no-table";
  const d = m.detail;
  if (!d) return "no-table";
  // The net row; a table with a single line and no net row prints the effect on that line.
  const net = d.net ?? (d.lines.length === 1 ? d.lines[0] : undefined);
  if (!net) return "no-net-row";
  return { values: net.values, years: d.years, shift: UNIT_SHIFT[d.unit], negate: d.sign === "positive-is-saving" };
}

function expectedCell(row: SourceRow, year: number): Expected {
  const c = row.values[String(year)];
  if (c === null || c === undefined) return { ok: true, units: 0n }; // blank: no effect that year
  if (typeof c === "number") {
    const u = units(c, row.shift);
    return { ok: true, units: row.negate ? -u : u };
  }
  if ("unreadable" in c) return { ok: false, year, printed: c.unreadable };
  const u = units(c.value, row.shift); // interpreted: the value the report's other tables settle
  return { ok: true, units: row.negate ? -u : u };
}

function expectedSpan(row: SourceRow, from: number, to: number): Expected {
  let sum = 0n;
  for (let y = from; y <= to; y++) {
    const e = expectedCell(row, y);
    if (!e.ok) return e;
    sum += e.units;
  }
  return { ok: true, units: sum };
}

function expectedChange(row: SourceRow, year: number): Expected {
  const now = expectedCell(row, year);
  if (!now.ok || year === YEARS[0]) return now; // the year before the first is the 2024 baseline: 0
  const before = expectedCell(row, year - 1);
  if (!before.ok) return before;
  return { ok: true, units: now.units - before.units };
}

// ---------------------------------------------------------------------------------------------------
// Assertions on results.

function only(m: CellResult[][]): CellResult | undefined {
  expect(m).toHaveLength(1);
  expect(m[0]).toHaveLength(1);
  return m[0]?.[0];
}

function expectError(v: unknown, kind: "#VALUE!" | "#N/A", message?: RegExp): FnError {
  expect(v).toBeInstanceOf(FnError);
  const e = v as FnError;
  expect(e.kind).toBe(kind);
  expect(e.message.length).toBeGreaterThan(0);
  if (message) expect(e.message).toMatch(message);
  return e;
}

function expectMatches(actual: CellResult | undefined, exp: Expected, what: string): void {
  if (exp.ok) {
    if (typeof actual !== "number") throw new Error(`${what}: expected ${toNumber(exp.units)}, got ${String(actual instanceof FnError ? actual.message : actual)}`);
    expect([what, actual]).toEqual([what, toNumber(exp.units)]);
  } else {
    const e = expectError(actual, "#N/A");
    expect([what, e.message]).toEqual([what, expect.stringContaining(String(exp.year))]);
    expect(e.message).toContain(`«${exp.printed}»`);
  }
}

const num = (v: CellResult | undefined): number => {
  if (typeof v !== "number") throw new Error(`expected a number, got ${v instanceof FnError ? `${v.kind} ${v.message}` : String(v)}`);
  return v;
};

// Every cell in the JSON that is an unreadable object, with where it sits.
function findUnreadable(data: RawCatalogue): { id: string; where: string; year: number; printed: string; read: Source | null }[] {
  const out: { id: string; where: string; year: number; printed: string; read: Source | null }[] = [];
  for (const m of data.measures) {
    const rows: [string, RawRow | null | undefined, Source | null][] = [
      ["summary", m.summary, "summary"],
      ["groupTable", m.groupTable, "group"],
    ];
    if (m.detail) {
      const net = m.detail.net ?? (m.detail.lines.length === 1 ? m.detail.lines[0] : undefined);
      rows.push(["detail.net", m.detail.net, "detail"]);
      m.detail.lines.forEach((l, i) => rows.push([`detail.lines[${i}]`, l, l === net ? "detail" : null]));
    }
    for (const [where, row, read] of rows) {
      if (!row) continue;
      for (const [y, c] of Object.entries(row.values)) {
        if (c !== null && typeof c === "object" && "unreadable" in c) out.push({ id: m.id, where, year: Number(y), printed: c.unreadable, read });
      }
    }
  }
  return out;
}

// ===================================================================================================

describe("the bundled catalogue as these tests see it", () => {
  test("46 measures over 2025–2030, two of them only in chapter 4", () => {
    expect(raw.measures).toHaveLength(46);
    expect(YEARS).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(raw.measures.filter((m) => !m.inSummary).map((m) => m.id)).toEqual(["1.8", "1.9"]);
  });
});

describe("EFFEKT", () => {
  test("the help page example: EFFEKT(\"2.2\"; 2028) → -9,3", () => {
    expect(only(effekt(cat, "2.2", 2028))).toBe(-9.3);
  });

  test("kilde sammendrag (and the default) gives the summary table value for every measure and year; blank = 0", () => {
    let checked = 0;
    for (const m of raw.measures) {
      const row = rowFor(m, "summary");
      if (typeof row === "string") continue;
      for (const y of YEARS) {
        const exp = expectedCell(row, y);
        expectMatches(only(effekt(cat, m.id, y)), exp, `${m.id} ${y}`);
        expectMatches(only(effekt(cat, m.id, String(y), "sammendrag")), exp, `${m.id} ${y} sammendrag`);
        expectMatches(only(effekt(cat, m.id, y, null)), exp, `${m.id} ${y} null`);
        checked++;
      }
    }
    expect(checked).toBe(44 * 6);
    // Blank cells are 0: 1.1 prints nothing for 2025.
    expect(measureById("1.1").summary?.values["2025"]).toBeNull();
    expect(only(effekt(cat, "1.1", 2025))).toBe(0);
  });

  test("measures that are not in the summary table give #N/A with kilde sammendrag", () => {
    for (const id of ["1.8", "1.9"]) {
      expect(measureById(id).summary).toBeNull();
      expectError(only(effekt(cat, id, 2027)), "#N/A", /sammendragstabellen/);
    }
  });

  test("kilde gruppe gives the working group's table value; measures without one are #N/A", () => {
    let withTable = 0;
    let without = 0;
    for (const m of raw.measures) {
      const row = rowFor(m, "group");
      for (const y of YEARS) {
        const actual = only(effekt(cat, m.id, y, "gruppe"));
        if (typeof row === "string") expectError(actual, "#N/A", /arbeidsgruppens tabell/);
        else expectMatches(actual, expectedCell(row, y), `${m.id} ${y} gruppe`);
      }
      if (typeof row === "string") without++;
      else withTable++;
    }
    expect(withTable).toBeGreaterThan(0);
    expect(without).toBeGreaterThan(0);
    // By hand from the JSON: group table 2.7 prints -0,25 for 2026 where the summary has -0,3.
    expect(only(effekt(cat, "2.7", 2026, "gruppe"))).toBe(-0.25);
    expect(only(effekt(cat, "2.7", 2026))).toBe(-0.3);
  });

  test("kilde detalj gives the net row converted to MNOK with the report's sign, for every printed year", () => {
    let checked = 0;
    for (const m of raw.measures) {
      const row = rowFor(m, "detail");
      if (typeof row === "string") continue;
      for (const y of row.years) {
        expectMatches(only(effekt(cat, m.id, y, "detalj")), expectedCell(row, y), `${m.id} ${y} detalj`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  test("detail conversions by hand", () => {
    // 1.3: NOK, negative = saving. -3 750 000 kr = -3,75 mill. kr.
    expect(measureById("1.3").detail?.net?.values["2027"]).toBe(-3750000);
    expect(only(effekt(cat, "1.3", 2027, "detalj"))).toBe(-3.75);
    // 1.6: NOK, positive = saving. 1 060 000 kr saved = -1,06 mill. kr in the report's convention.
    expect(measureById("1.6").detail?.sign).toBe("positive-is-saving");
    expect(only(effekt(cat, "1.6", 2026, "detalj"))).toBe(-1.06);
    // 4.4: MNOK, positive = saving: 0,07 → -0,07; a 0 stays 0 (not -0).
    expect(only(effekt(cat, "4.4", 2027, "detalj"))).toBe(-0.07);
    expect(Object.is(only(effekt(cat, "4.4", 2026, "detalj")), 0)).toBe(true);
    // 1.7: one line and no net row: the line is the effect (-0,625 in 2026).
    expect(measureById("1.7").detail?.net).toBeNull();
    expect(only(effekt(cat, "1.7", 2026, "detalj"))).toBe(-0.625);
    // 2.2: the net row, not a line (the first line says -23,309 for 2027).
    expect(only(effekt(cat, "2.2", 2027, "detalj"))).toBe(-9.1);
  });

  test("a measure without an effect table gives #N/A with kilde detalj, saying so", () => {
    const without = raw.measures.filter((m) => m.detail === null).map((m) => m.id);
    expect(without).toEqual(["1.9", "2.8", "2.10"]);
    for (const id of without) {
      for (const y of YEARS) {
        const e = expectError(only(effekt(cat, id, y, "detalj")), "#N/A", /ingen effekttabell/);
        expect(e.message).toContain(id);
      }
    }
  });

  test("a detail table with several lines and no net row gives #N/A, not a guess", () => {
    const m = measureById("1.2");
    expect(m.detail?.net).toBeNull();
    expect(m.detail?.lines.length).toBeGreaterThan(1);
    expectError(only(effekt(cat, "1.2", 2027, "detalj")), "#N/A", /nettorad/);
  });

  test("unreadable cells give #N/A, never 0", () => {
    const found = findUnreadable(raw);
    expect(found.length).toBeGreaterThan(0);
    const read = found.filter((f) => f.read !== null);
    expect(read.length).toBeGreaterThan(0);
    for (const f of read) {
      const kilde = KILDE[f.read as Source];
      const e = expectError(only(effekt(cat, f.id, f.year, kilde)), "#N/A");
      expect(e.message).toContain(f.id);
      expect(e.message).toContain(String(f.year));
      expect(e.message).toContain(`«${f.printed}»`);
      // …and it poisons every span and change that includes it.
      expectError(only(kumulativ(cat, f.id, YEARS[0] as number, YEARS[YEARS.length - 1] as number, kilde)), "#N/A");
      expectError(only(endring(cat, f.id, f.year, kilde)), "#N/A");
    }
    // 5.5's detail net row is unreadable for 2026–2029 (the group table gives -0,14).
    expect(read.map((f) => `${f.id}/${f.where}/${f.year}`)).toEqual(expect.arrayContaining(["5.5/detail.net/2026", "5.5/detail.net/2029"]));
  });

  test("unreadable cells in lines that are not the net row do not affect the net effect", () => {
    // 5.2: two cost lines are unreadable in 2025–2027; the net row prints 0,2 for 2027.
    const notRead = findUnreadable(raw).filter((f) => f.read === null);
    expect(notRead.some((f) => f.id === "5.2" && f.year === 2027)).toBe(true);
    expect(only(effekt(cat, "5.2", 2027, "detalj"))).toBe(0.2);
  });

  test("interpreted cells ({printed, value, note}) count as their value", () => {
    // In the bundled data both interpreted cells have value 0: 5.3 summary 2027 and 5.1 detail 2025.
    const s = measureById("5.3").summary?.values["2027"];
    expect(s).toEqual(expect.objectContaining({ printed: "-", value: 0 }));
    expect(only(effekt(cat, "5.3", 2027))).toBe(0);
    const d = measureById("5.1").detail?.net?.values["2025"];
    expect(d).toEqual(expect.objectContaining({ printed: "-", value: 0 }));
    expect(only(effekt(cat, "5.1", 2025, "detalj"))).toBe(0);
  });

  test("argument errors: malformed id #VALUE!, unknown id #N/A, year outside #N/A, bad kilde #VALUE!", () => {
    expectError(only(effekt(cat, "abc", 2027)), "#VALUE!");
    expectError(only(effekt(cat, 46297, 2027)), "#VALUE!", /dato/);
    expectError(only(effekt(cat, "9.9", 2027)), "#N/A", /9\.9/);
    expectError(only(effekt(cat, "2.1", 2031)), "#N/A", /2031.*2025–2030/);
    expectError(only(effekt(cat, "2.1", 2027.5)), "#VALUE!");
    expectError(only(effekt(cat, "2.1", true)), "#VALUE!");
    expectError(only(effekt(cat, "2.1", "")), "#VALUE!");
    expectError(only(effekt(cat, "2.1", 2027, "tabell")), "#VALUE!", /sammendrag/);
  });

  test("a number id means what it shows: 2.1 is measure 2.1, not 2.10", () => {
    // By hand from the JSON: 2.1 is -2,1 in 2027; 2.10 is 0.
    expect(only(effekt(cat, 2.1, 2027))).toBe(-2.1);
    expect(only(effekt(cat, "2.10", 2027))).toBe(0);
  });
});

describe("KUMULATIV", () => {
  test("the help page example: KUMULATIV(\"1.2\"; 2026; 2029), by hand -2,5 - 7,1 - 8,5 - 8,5 = -26,6", () => {
    expect(only(kumulativ(cat, "1.2", 2026, 2029))).toBe(-26.6);
  });

  test("summary and group sources: every measure and every span equals the exact decimal sum", () => {
    let checked = 0;
    for (const source of ["summary", "group"] as const) {
      for (const m of raw.measures) {
        const row = rowFor(m, source);
        for (const from of YEARS) {
          for (const to of YEARS) {
            if (to < from) continue;
            const actual = only(kumulativ(cat, m.id, from, to, KILDE[source]));
            if (typeof row === "string") expectError(actual, "#N/A");
            else {
              expectMatches(actual, expectedSpan(row, from, to), `${m.id} ${from}-${to} ${source}`);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  test("detail source: every span within the years the table prints", () => {
    let checked = 0;
    for (const m of raw.measures) {
      const row = rowFor(m, "detail");
      if (typeof row === "string") continue;
      for (const from of row.years) {
        for (const to of row.years) {
          if (to < from) continue;
          expectMatches(only(kumulativ(cat, m.id, from, to, "detalj")), expectedSpan(row, from, to), `${m.id} ${from}-${to} detalj`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  test("a span is exact where float addition is not", () => {
    // 1.1 summary 2026–2027: -0,3 - 0,6 = -0,9 exactly (float addition gives -0.8999999999999999).
    expect(-0.3 + -0.6).not.toBe(-0.9);
    expect(only(kumulativ(cat, "1.1", 2026, 2027))).toBe(-0.9);
    // 1.4 summary 2026–2030: 0 - 2 - 2,6 - 3,1 - 3,1 = -10,8.
    expect(only(kumulativ(cat, "1.4", 2026, 2030))).toBe(-10.8);
    // 3.1 group table 2026–2028: -3,089 - 5,175 - 5,175 = -13,439.
    expect(only(kumulativ(cat, "3.1", 2026, 2028, "gruppe"))).toBe(-13.439);
  });

  test("a one-year span is the year's effect", () => {
    expect(only(kumulativ(cat, "2.2", 2028, 2028))).toBe(-9.3);
  });

  test("a span that avoids an unreadable cell is fine, one that touches it is #N/A", () => {
    // 5.5 detail net: 2025 blank, 2026–2029 unreadable.
    expect(only(kumulativ(cat, "5.5", 2025, 2025, "detalj"))).toBe(0);
    const e = expectError(only(kumulativ(cat, "5.5", 2025, 2026, "detalj")), "#N/A");
    expect(e.message).toContain("2026");
  });

  test("fra_år after til_år is #VALUE!; years outside the catalogue are #N/A; bad kilde #VALUE!", () => {
    expectError(only(kumulativ(cat, "2.2", 2029, 2026)), "#VALUE!", /2029.*2026/);
    expectError(only(kumulativ(cat, "2.2", 2024, 2026)), "#N/A", /2024/);
    expectError(only(kumulativ(cat, "2.2", 2026, 2031)), "#N/A", /2031/);
    expectError(only(kumulativ(cat, "2.2", null, 2026)), "#VALUE!", /fra_år/i);
    expectError(only(kumulativ(cat, "2.2", 2026, "")), "#VALUE!", /til_år/i);
    expectError(only(kumulativ(cat, "2.2", 2026, 2027, "x")), "#VALUE!");
    expectError(only(kumulativ(cat, "9.9", 2026, 2027)), "#N/A");
    expectError(only(kumulativ(cat, "abc", 2026, 2027)), "#VALUE!");
    // Years as text are accepted: 2.2 2027–2028 = -9,1 - 9,3 = -18,4.
    expect(only(kumulativ(cat, "2.2", "2027", "2028"))).toBe(-18.4);
  });

  test("a column of ids gives a column of sums, a bad id only spoils its own row", () => {
    const out = kumulativ(cat, [["1.2"], ["abc"], ["2.2"], ["9.9"]], 2026, 2029);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual([-26.6]);
    expectError(out[1]?.[0], "#VALUE!");
    // 2.2 2026–2029: 0 - 9,1 - 9,3 - 9,3 = -27,7.
    expect(out[2]).toEqual([-27.7]);
    expectError(out[3]?.[0], "#N/A");
  });
});

describe("ENDRING", () => {
  test("2025 is the 2025 level (the baseline is regnskap 2024); later years the difference, for every measure and source", () => {
    let checked = 0;
    for (const source of ["summary", "group"] as const) {
      for (const m of raw.measures) {
        const row = rowFor(m, source);
        for (const y of YEARS) {
          const actual = only(endring(cat, m.id, y, KILDE[source]));
          if (typeof row === "string") expectError(actual, "#N/A");
          else {
            expectMatches(actual, expectedChange(row, y), `${m.id} ${y} ${source}`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  test("detail source: changes between years the table prints", () => {
    for (const m of raw.measures) {
      const row = rowFor(m, "detail");
      if (typeof row === "string") continue;
      for (const y of row.years) {
        if (y !== YEARS[0] && !row.years.includes(y - 1)) continue;
        expectMatches(only(endring(cat, m.id, y, "detalj")), expectedChange(row, y), `${m.id} ${y} detalj`);
      }
    }
  });

  test("by hand", () => {
    // 5.9 prints -0,5 for 2025: the 2025 change is the whole level.
    expect(only(endring(cat, "5.9", 2025))).toBe(-0.5);
    // 2.2: -9,1 in 2027 after 0 in 2026; -9,3 in 2028 → -0,2 (float subtraction gives -0.20000000000000107).
    expect(only(endring(cat, "2.2", 2027))).toBe(-9.1);
    expect(-9.3 - -9.1).not.toBe(-0.2);
    expect(only(endring(cat, "2.2", 2028))).toBe(-0.2);
    expect(only(endring(cat, "2.2", 2029))).toBe(0);
    // 5.7 alternates: 0, -0,2, 0, -0,2, 0 → +0,2 in 2028.
    expect(only(endring(cat, "5.7", 2028))).toBe(0.2);
  });

  test("argument errors", () => {
    expectError(only(endring(cat, "2.2", 2031)), "#N/A");
    expectError(only(endring(cat, "2.2", 2024)), "#N/A");
    expectError(only(endring(cat, "abc", 2027)), "#VALUE!");
    expectError(only(endring(cat, "2.2", 2027, "feil")), "#VALUE!");
    expectError(only(endring(cat, "1.9", 2027, "detalj")), "#N/A", /ingen effekttabell/);
  });
});

describe("TOTAL", () => {
  const inSummary = raw.measures.filter((m) => m.inSummary);
  const summaryRow = (m: RawMeasure): SourceRow => {
    const r = rowFor(m, "summary");
    if (typeof r === "string") throw new Error(`${m.id} is in the summary without a row`);
    return r;
  };
  const expectedTotal = (ms: RawMeasure[], from: number, to: number): number => {
    let sum = 0n;
    for (const m of ms) {
      const e = expectedSpan(summaryRow(m), from, to);
      if (!e.ok) throw new Error("the bundled summary has no unreadable cells");
      sum += e.units;
    }
    return toNumber(sum);
  };

  test("per year, overall: the exact sum over the measures in the summary table", () => {
    for (const y of YEARS) expect([y, only(totalFn(cat, y))]).toEqual([y, expectedTotal(inSummary, y, y)]);
    // By hand (sum of the 44 summary values for 2029, in tenths): -884 tenths.
    expect(only(totalFn(cat, 2029))).toBe(-88.4);
  });

  test("chapter-4-only measures are not counted", () => {
    // 1.8 has a detail table (-2,2 from 2026) but is not in the summary; group 1 in 2026 is
    // -0,3 - 2,5 - 0,9 + 0 - 0,7 - 1,1 - 0,6 = -6,1, exactly the report's printed group 1 total.
    expect(raw.totals.byGroup["1"]?.values["2026"]).toBe(-6.1);
    expect(only(totalFn(cat, 2026, 1))).toBe(-6.1);
    // Counting 1.8 would give -6,1 - 2,2 = -8,3.
    expect(only(effekt(cat, "1.8", 2026, "detalj"))).toBe(-2.2);
    expect(only(totalFn(cat, 2026, 1))).not.toBe(-8.3);
    expect(only(totalFn(cat, 2026))).toBe(expectedTotal(inSummary, 2026, 2026));
  });

  test("group 1 equals the report's printed group total for every year it prints", () => {
    const printed = raw.totals.byGroup["1"]?.values ?? {};
    for (const y of YEARS) {
      const p = printed[String(y)];
      expect([y, only(totalFn(cat, y, 1))]).toEqual([y, typeof p === "number" ? p : 0]);
    }
  });

  test("by group (number, digit text or name)", () => {
    for (const g of raw.groups) {
      const ms = inSummary.filter((m) => m.group === g.id);
      for (const y of YEARS) {
        const exp = expectedTotal(ms, y, y);
        expect([g.id, y, only(totalFn(cat, y, g.id))]).toEqual([g.id, y, exp]);
        expect(only(totalFn(cat, y, String(g.id)))).toBe(exp);
        expect(only(totalFn(cat, y, g.name.toUpperCase()))).toBe(exp);
      }
    }
  });

  test("by category within a working group whose measures all have a category", () => {
    const categories = ["Høyere produktivitet", "Lavere volum", "Økte inntekter"];
    for (const c of categories) {
      const ms = inSummary.filter((m) => m.category === c && m.group === 4);
      expect(ms.length).toBeGreaterThan(0);
      for (const y of YEARS) {
        expect([c, y, only(totalFn(cat, y, 4, c.toLowerCase()))]).toEqual([c, y, expectedTotal(ms, y, y)]);
      }
    }
    // By hand: Lavere volum in 2027 = 4.2 0 + 4.4 -0,1 + 4.7 -0,2 + 4.8 -0,3 + 4.13 -0,3 + 4.14 -0,1 = -1,0.
    expect(only(totalFn(cat, 2027, 4, "Lavere volum"))).toBe(-1);
  });

  test("by category where the report leaves measures uncategorised: #N/A, never an undercount", () => {
    const uncategorised = inSummary.filter((m) => m.category === null).length;
    expect(uncategorised).toBeGreaterThan(0);
    const overall = only(totalFn(cat, 2029, null, "Bedre strategi"));
    expect(overall).toBeInstanceOf(FnError);
    expect((overall as FnError).kind).toBe("#N/A");
    expect((overall as FnError).message).toContain(`${uncategorised} av ${inSummary.length}`);
    const group1 = only(totalFn(cat, 2027, 1, "Lavere volum"));
    expect((group1 as FnError).kind).toBe("#N/A");
  });

  test("with til_år: the sum over the span", () => {
    for (const from of YEARS) {
      for (const to of YEARS) {
        if (to < from) continue;
        expect([from, to, only(totalFn(cat, from, null, null, to))]).toEqual([from, to, expectedTotal(inSummary, from, to)]);
        const g2 = inSummary.filter((m) => m.group === 2);
        expect(only(totalFn(cat, from, 2, null, to))).toBe(expectedTotal(g2, from, to));
      }
    }
    // By hand: group 1, 2026–2027 = -6,1 + -18,0 = -24,1 (the printed group totals).
    expect(only(totalFn(cat, 2026, 1, null, 2027))).toBe(-24.1);
  });

  test("a row of years gives a row of totals", () => {
    const out = totalFn(cat, [YEARS]);
    expect(out).toHaveLength(1);
    expect(out[0]).toEqual(YEARS.map((y) => expectedTotal(inSummary, y, y)));
  });

  test("argument errors", () => {
    expectError(only(totalFn(cat, 2031)), "#N/A", /2031/);
    expectError(only(totalFn(cat, 2024)), "#N/A");
    expectError(only(totalFn(cat, 2027.5)), "#VALUE!");
    expectError(only(totalFn(cat, null)), "#VALUE!");
    expectError(only(totalFn(cat, 2027, 6)), "#VALUE!", /1–5/);
    expectError(only(totalFn(cat, 2027, "Ukjent")), "#VALUE!");
    expectError(only(totalFn(cat, 2027, null, "Ukjent")), "#VALUE!", /kategori/i);
    expectError(only(totalFn(cat, 2029, null, null, 2026)), "#VALUE!", /2029.*2026/);
    expectError(only(totalFn(cat, 2026, null, null, 2031)), "#N/A");
  });
});

describe("NAVN", () => {
  test("every measure's title as printed", () => {
    for (const m of raw.measures) expect(only(navn(cat, m.id))).toBe(m.title);
    expect(only(navn(cat, "4.10"))).toBe("Parkeringsavgift fra første time");
  });

  test("a column of ids, with errors in their own rows", () => {
    const out = navn(cat, [["4.1"], ["9.9"], [""], ["4.10"]]);
    expect(out[0]).toEqual([measureById("4.1").title]);
    expectError(out[1]?.[0], "#N/A");
    expectError(out[2]?.[0], "#VALUE!");
    expect(out[3]).toEqual([measureById("4.10").title]);
  });
});

describe("INFO", () => {
  const HOP: Record<RawMeasure["hop"]["status"], string> = {
    "in-plan": "I HØP",
    partly: "Delvis i HØP",
    "not-in-plan": "Ikke i HØP",
    "not-stated": "Ikke oppgitt",
  };

  test("the fields are the documented ones", () => {
    expect([...INFO_FIELDS]).toEqual(["gruppe", "tjeneste", "kategori", "hop", "kilde"]);
  });

  test("gruppe, tjeneste, kategori, hop and kilde for every measure", () => {
    for (const m of raw.measures) {
      expect(only(info(cat, m.id, "gruppe"))).toBe(m.group);
      expect(only(info(cat, m.id, "tjeneste"))).toBe(m.service.trim());
      const k = only(info(cat, m.id, "kategori"));
      if (m.category === null) expectError(k, "#N/A", new RegExp(`kategori.*${m.id.replace(".", "\\.")}`));
      else expect(k).toBe(m.category);
      expect(only(info(cat, m.id, "hop"))).toBe(HOP[m.hop.status]);
      expect(only(info(cat, m.id, "kilde"))).toBe(m.source);
    }
  });

  test("the field name is case-insensitive, trimmed, and HØP is accepted", () => {
    expect(only(info(cat, "1.4", "HOP"))).toBe("I HØP");
    expect(only(info(cat, "1.4", "HØP"))).toBe("I HØP");
    // 1.2's status is a reading of the report (issue 12 re-read it); this test is about the field name.
    expect(only(info(cat, "1.2", " høp "))).toBe(HOP[cat.measure("1.2")!.hop.status]);
    expect(only(info(cat, "4.10", "Kategori"))).toBe("Økte inntekter");
    expect(only(info(cat, "4.10", "KILDE"))).toBe("4.6.10");
  });

  test("unknown field is #VALUE! listing the fields; id errors as usual", () => {
    for (const felt of ["navn", "", null, 3] as Scalar[]) {
      const e = expectError(only(info(cat, "2.1", felt)), "#VALUE!");
      for (const f of INFO_FIELDS) expect(e.message).toContain(f);
    }
    expectError(only(info(cat, "9.9", "gruppe")), "#N/A");
    expectError(only(info(cat, "abc", "gruppe")), "#VALUE!");
  });

  test("a column of ids", () => {
    expect(info(cat, [["1.1"], ["2.1"], ["5.9"]], "gruppe")).toEqual([[1], [2], [5]]);
  });
});

describe("LISTE", () => {
  test("all 46 ids as text, in catalogue order", () => {
    const out = liste(cat);
    expect(out).toEqual(raw.measures.map((m) => [m.id]));
    expect(out).toHaveLength(46);
    for (const [id] of out) expect(typeof id).toBe("string");
    expect(out.map(([id]) => id)).toContain("2.10");
    expect(liste(cat, null)).toEqual(out);
    expect(liste(cat, "")).toEqual(out);
  });

  test("per group, by number or name", () => {
    for (const g of raw.groups) {
      const ids = raw.measures.filter((m) => m.group === g.id).map((m) => [m.id]);
      expect(ids.length).toBeGreaterThan(0);
      expect(liste(cat, g.id)).toEqual(ids);
      expect(liste(cat, String(g.id))).toEqual(ids);
      expect(liste(cat, g.name)).toEqual(ids);
    }
    expect(liste(cat, 3)).toEqual([["3.1"], ["3.2"], ["3.3"]]);
  });

  test("an unknown group is a single #VALUE!", () => {
    expectError(only(liste(cat, 9)), "#VALUE!");
    expectError(only(liste(cat, "Ingen")), "#VALUE!");
  });
});

describe("spills", () => {
  const idColumn = raw.measures.map((m) => [m.id]);
  const yearRow = [YEARS];

  test("a 46×1 column of ids × a 1×6 row of years gives 46×6, each cell its own value or error", () => {
    for (const source of ["summary", "group", "detail"] as const) {
      const out = effekt(cat, idColumn, yearRow, KILDE[source]);
      expect(out).toHaveLength(46);
      raw.measures.forEach((m, r) => {
        expect(out[r]).toHaveLength(6);
        const row = rowFor(m, source);
        YEARS.forEach((y, c) => {
          const cell = out[r]?.[c];
          if (typeof row === "string") expectError(cell, "#N/A");
          else if (source !== "detail" || row.years.includes(y)) expectMatches(cell, expectedCell(row, y), `${m.id} ${y} ${source}`);
          // Each cell equals the same question asked on its own.
          expect(cell).toEqual(only(effekt(cat, m.id, y, KILDE[source])));
        });
      });
    }
  });

  test("ENDRING spills the same way", () => {
    const out = endring(cat, idColumn, yearRow);
    expect(out).toHaveLength(46);
    raw.measures.forEach((m, r) => {
      expect(out[r]).toHaveLength(6);
      const row = rowFor(m, "summary");
      YEARS.forEach((y, c) => {
        if (typeof row === "string") expectError(out[r]?.[c], "#N/A");
        else expectMatches(out[r]?.[c], expectedChange(row, y), `${m.id} ${y}`);
      });
    });
  });

  test("one bad id in a column gives errors only in its own row; a bad year only in its own column", () => {
    const out = effekt(cat, [["2.2"], ["abc"], ["9.9"], ["2.10"]], [[2027, 2031, "2028"]]);
    expect(out).toHaveLength(4);
    expect(num(out[0]?.[0])).toBe(-9.1);
    expectError(out[0]?.[1], "#N/A", /2031/);
    expect(num(out[0]?.[2])).toBe(-9.3);
    for (const c of [0, 1, 2]) expectError(out[1]?.[c], "#VALUE!");
    for (const c of [0, 1, 2]) expectError(out[2]?.[c], "#N/A", /9\.9/);
    expect(num(out[3]?.[0])).toBe(0);
    expectError(out[3]?.[1], "#N/A");
    expect(num(out[3]?.[2])).toBe(0);
  });

  test("a scalar id against a row of years, and equal-shaped ranges element by element", () => {
    // 2.2 summary: 2025 blank, 2026 0, 2027 -9,1.
    expect(effekt(cat, "2.2", [[2025, 2026, 2027]])).toEqual([[0, 0, -9.1]]);
    expect(effekt(cat, [["2.2"], ["2.3"]], [[2027], [2026]])).toEqual([[-9.1], [-1.8]]);
  });

  test("incompatible shapes give a single #VALUE!", () => {
    expectError(only(effekt(cat, [["2.2"], ["2.3"], ["2.4"]], [[2027], [2028]])), "#VALUE!");
    expectError(only(endring(cat, [["2.2", "2.3"]], [[2027, 2028, 2029]])), "#VALUE!");
  });

  test("kilde «constructor», «__proto__» and other Object members is #VALUE! in every function, never a thrown TypeError", () => {
    for (const kilde of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expectError(only(effekt(cat, "2.1", 2027, kilde)), "#VALUE!", /sammendrag/);
      expectError(only(endring(cat, "2.1", 2027, kilde)), "#VALUE!", /sammendrag/);
      expectError(only(kumulativ(cat, "2.1", 2026, 2029, kilde)), "#VALUE!", /sammendrag/);
    }
  });

  test("a bad kilde spoils every cell of the spill with #VALUE!", () => {
    const out = effekt(cat, [["2.2"], ["2.3"]], [[2027, 2028]], "feil");
    expect(out).toHaveLength(2);
    for (const row of out) for (const cell of row) expectError(cell, "#VALUE!");
  });
});

// ---------------------------------------------------------------------------------------------------
// Cases the bundled catalogue does not contain, on a modified copy of it (validated by loadCatalogue).

describe("on a modified copy of the catalogue", () => {
  const data = freshRaw();
  const m = (id: string): RawMeasure => {
    const x = data.measures.find((mm) => mm.id === id);
    if (!x) throw new Error(id);
    return x;
  };
  // 2.1 summary 2027 (printed -2,1) becomes unreadable.
  (m("2.1").summary as RawRow).values["2027"] = { unreadable: "?,1" };
  // 2.2 summary 2028 (printed -9,3) becomes an interpreted "-" meaning -0,4.
  (m("2.2").summary as RawRow).values["2028"] = { printed: "-", value: -0.4, note: "test" };
  // 1.3's detail table (NOK) is relabelled TNOK, so -900000 means -900 MNOK.
  (m("1.3").detail as RawDetail).unit = "TNOK";
  // 4.4's detail table (positive = saving, 0,07) in TNOK: 0,07 TNOK saved = -0,00007 MNOK.
  (m("4.4").detail as RawDetail).unit = "TNOK";
  // 3.1 loses its chapter-4 section.
  m("3.1").source = null;
  const mod = loadCatalogue(data);

  test("an interpreted cell counts as its value in EFFEKT, KUMULATIV, ENDRING and TOTAL", () => {
    expect(only(effekt(mod, "2.2", 2028))).toBe(-0.4);
    // 2027–2029: -9,1 - 0,4 - 9,3 = -18,8.
    expect(only(kumulativ(mod, "2.2", 2027, 2029))).toBe(-18.8);
    // 2028: -0,4 - (-9,1) = 8,7; 2029: -9,3 - (-0,4) = -8,9.
    expect(only(endring(mod, "2.2", 2028))).toBe(8.7);
    expect(only(endring(mod, "2.2", 2029))).toBe(-8.9);
    // Group 2 in 2028 moves from the bundled total by -0,4 - (-9,3) = +8,9.
    const before = num(only(totalFn(cat, 2028, 2)));
    expect(toNumber(units(num(only(totalFn(mod, 2028, 2)))) - units(before))).toBe(8.9);
  });

  test("an unreadable summary cell is #N/A in every function that needs it, never 0", () => {
    expectError(only(effekt(mod, "2.1", 2027)), "#N/A", /«\?,1»/);
    expect(only(effekt(mod, "2.1", 2028))).toBe(-2.1);
    expectError(only(kumulativ(mod, "2.1", 2026, 2028)), "#N/A", /2027/);
    expect(only(kumulativ(mod, "2.1", 2028, 2029))).toBe(-4.2);
    expectError(only(endring(mod, "2.1", 2027)), "#N/A");
    expectError(only(endring(mod, "2.1", 2028)), "#N/A");
    expect(only(endring(mod, "2.1", 2029))).toBe(0);
    // Every total that includes 2.1 in 2027 is #N/A; those that do not are unaffected.
    expectError(only(totalFn(mod, 2027)), "#N/A", /2\.1/);
    expectError(only(totalFn(mod, 2027, 2)), "#N/A");
    expectError(only(totalFn(mod, 2025, null, null, 2030)), "#N/A");
    expect(only(totalFn(mod, 2027, 1))).toBe(only(totalFn(cat, 2027, 1)));
    expect(only(totalFn(mod, 2028, 3))).toBe(only(totalFn(cat, 2028, 3)));
  });

  test("TNOK detail tables are divided by 1 000, with the sign convention", () => {
    expect(only(effekt(mod, "1.3", 2026, "detalj"))).toBe(-900);
    expect(only(effekt(mod, "4.4", 2027, "detalj"))).toBe(-0.00007);
    // 2027–2030: 4 × -0,00007 = -0,00028.
    expect(only(kumulativ(mod, "4.4", 2027, 2030, "detalj"))).toBe(-0.00028);
  });

  test("INFO kilde is #N/A when the measure has no section of its own", () => {
    expectError(only(info(mod, "3.1", "kilde")), "#N/A", /3\.1/);
    expect(only(info(mod, "3.2", "kilde"))).toBe("4.5.2");
  });
});

describe("TOTAL argument details", () => {
  test("a blank til_år (even a space) means a single year, like a blank gruppe", () => {
    expect(only(totalFn(cat, 2029, null, null, " "))).toBe(only(totalFn(cat, 2029)));
  });

  test("errors about the first year call it år, also when til_år is given", () => {
    const r = only(totalFn(cat, null, null, null, 2028));
    expect((r as FnError).message).toBe("År mangler.");
  });
});

describe("AVVIK", () => {
  test("counts each measure's errors and warnings from the reconciliation, 0 where the tables agree", async () => {
    const { reconcile } = await import("../domain/reconcile");
    const findings = reconcile(cat).filter((f) => f.severity !== "info");
    for (const m of cat.measures) {
      const expected = findings.filter((f) => f.measure === m.id).length;
      expect([m.id, only(T.avvik(cat, m.id))]).toEqual([m.id, expected]);
    }
    expect(only(T.avvik(cat, "4.12"))).toBeGreaterThan(0);
    expect(only(T.avvik(cat, "1.1"))).toBe(0);
    expect((only(T.avvik(cat, "9.9")) as FnError).kind).toBe("#N/A");
    expect(T.avvik(cat, [["1.1"], ["4.12"]]).map((r) => r[0])).toEqual([0, only(T.avvik(cat, "4.12"))]);
  });
});
