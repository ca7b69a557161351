import { detail, makeCatalogue, measure, plan, row } from "../../test/fixtures";
import { change, cumulative, detailNetRow, effect, menuMeasures, normaliseDetailValue, total } from "./effects";

const cat = makeCatalogue([
  measure("1.1", { summary: row(plan(-0.3, -0.6, -0.6, -0.6, -0.6)), category: "Høyere produktivitet", detail: detail(plan(-0.25, -0.55, -0.6, -0.6, -0.6)) }),
  measure("1.2", {
    summary: row(plan(-1.1, -1.7, -1.7, -1.7, -1.7)),
    category: "Lavere volum",
    detail: detail(plan(1060000, 1680000, 1680000, 1680000, 1680000), { unit: "NOK", sign: "positive-is-saving" }),
  }),
  measure("2.1", {
    summary: row(plan(null, { unreadable: "’" }, -2.1, -2.1, -2.1)),
    groupTable: { ...row(plan(null, null, -2.1, -2.1, -2.1)), table: "Tabell 30", unit: "MNOK" },
  }),
  measure("2.10", { summary: row(plan(0, { printed: "-", value: 0, note: "dash" }, -0.5, -0.5, -0.5)) }),
  measure("1.8", { inSummary: false, summary: null, detail: detail(null, { lines: [{ label: "eneste", ...row(plan(-0.9, -2.2)) }] }) }),
  measure("1.9", { inSummary: false, summary: null, detail: detail(null, { lines: [{ label: "a", ...row(plan(-1)) }, { label: "b", ...row(plan(-2)) }] }) }),
]);

describe("effect", () => {
  test("reads the summary by default, a blank cell as no effect (0)", () => {
    expect(effect(cat, "1.1", 2026)).toEqual({ ok: true, value: -0.3 });
    expect(effect(cat, "1.1", 2025)).toEqual({ ok: true, value: 0 });
  });

  test("2.1 and 2.10 are different measures", () => {
    expect(effect(cat, "2.10", 2028)).toEqual({ ok: true, value: -0.5 });
    expect(effect(cat, "2.1", 2028)).toEqual({ ok: true, value: -2.1 });
  });

  test("an unreadable cell is a problem, never 0; an interpreted one counts with its value", () => {
    expect(effect(cat, "2.1", 2027)).toEqual({ ok: false, problem: { kind: "unreadable", id: "2.1", year: 2027, printed: "’", source: "summary" } });
    expect(effect(cat, "2.10", 2027)).toEqual({ ok: true, value: 0 });
  });

  test("normalises detail tables to MNOK with the report's sign", () => {
    expect(effect(cat, "1.2", 2026, "detail")).toEqual({ ok: true, value: -1.06 });
    expect(effect(cat, "1.2", 2027, "detail")).toEqual({ ok: true, value: -1.68 });
    expect(effect(cat, "1.1", 2026, "detail")).toEqual({ ok: true, value: -0.25 });
    expect(normaliseDetailValue(70, { unit: "TNOK", sign: "positive-is-saving" })).toBe(-0.07);
    expect(Object.is(normaliseDetailValue(0, { unit: "MNOK", sign: "positive-is-saving" }), 0)).toBe(true);
  });

  test("a one-line detail table states the net effect; several lines without a net row do not", () => {
    expect(detailNetRow(cat.measure("1.8")!.detail!)?.label).toBe("eneste");
    expect(effect(cat, "1.8", 2027, "detail")).toEqual({ ok: true, value: -2.2 });
    expect(effect(cat, "1.9", 2026, "detail")).toEqual({ ok: false, problem: { kind: "no-net-row", id: "1.9" } });
  });

  test("a year the table has no column for is unknown, not 0", () => {
    // detail() tables print 2026–2030 only.
    expect(effect(cat, "1.1", 2025, "detail")).toEqual({ ok: false, problem: { kind: "not-printed", id: "1.1", year: 2025, source: "detail" } });
    expect(cumulative(cat, "1.1", 2025, 2027, "detail")).toMatchObject({ ok: false, problem: { kind: "not-printed", year: 2025 } });
    expect(cumulative(cat, "1.1", 2026, 2027, "detail")).toEqual({ ok: true, value: -0.8 });
    expect(change(cat, "1.1", 2026, "detail")).toMatchObject({ ok: false, problem: { kind: "not-printed", year: 2025 } });
  });

  test("says which table is missing, which measure or year is unknown", () => {
    expect(effect(cat, "1.1", 2026, "group")).toEqual({ ok: false, problem: { kind: "no-table", source: "group", id: "1.1" } });
    expect(effect(cat, "2.1", 2026, "detail")).toEqual({ ok: false, problem: { kind: "no-table", source: "detail", id: "2.1" } });
    expect(effect(cat, "1.8", 2026)).toEqual({ ok: false, problem: { kind: "no-table", source: "summary", id: "1.8" } });
    expect(effect(cat, "9.9", 2026)).toEqual({ ok: false, problem: { kind: "unknown-measure", id: "9.9" } });
    expect(effect(cat, "1.1", 2031)).toEqual({ ok: false, problem: { kind: "unknown-year", year: 2031 } });
  });
});

describe("cumulative and change", () => {
  test("sums a span decimally, inclusive at both ends", () => {
    expect(cumulative(cat, "1.1", 2026, 2029)).toEqual({ ok: true, value: -2.1 });
    expect(cumulative(cat, "1.1", 2025, 2030)).toEqual({ ok: true, value: -2.7 });
    expect(cumulative(cat, "1.1", 2027, 2027)).toEqual({ ok: true, value: -0.6 });
  });

  test("a span over an unreadable cell is unreadable; one beside it is fine", () => {
    expect(cumulative(cat, "2.1", 2026, 2029)).toMatchObject({ ok: false, problem: { kind: "unreadable", year: 2027 } });
    expect(cumulative(cat, "2.1", 2028, 2030)).toEqual({ ok: true, value: -6.3 });
  });

  test("change is the difference from the year before; the first year is measured against the baseline", () => {
    expect(change(cat, "1.1", 2027)).toEqual({ ok: true, value: -0.3 });
    expect(change(cat, "1.1", 2028)).toEqual({ ok: true, value: 0 });
    expect(change(cat, "1.1", 2026)).toEqual({ ok: true, value: -0.3 });
    expect(change(cat, "1.1", 2025)).toEqual({ ok: true, value: 0 });
    expect(change(cat, "2.1", 2028)).toMatchObject({ ok: false, problem: { kind: "unreadable", year: 2027 } });
  });
});

describe("total", () => {
  test("counts only summary measures, filtered by group and category", () => {
    expect(menuMeasures(cat).map((m) => m.id)).toEqual(["1.1", "1.2", "2.1", "2.10"]);
    expect(total(cat, 2026, 2026, { group: 1 })).toEqual({ ok: true, value: -1.4 });
    expect(total(cat, 2026, 2026, { group: 1, category: "Lavere volum" })).toEqual({ ok: true, value: -1.1 });
    // Group 2 has uncategorised measures, so an all-groups category total would undercount.
    expect(total(cat, 2026, 2026, { category: "Lavere volum" })).toEqual({ ok: false, problem: { kind: "uncategorised", missing: 2, of: 4 } });
    expect(total(cat, 2026, 2026, { group: 1, category: "Høyere produktivitet" })).toEqual({ ok: true, value: -0.3 });
    expect(total(cat, 2026, 2029, { group: 1 })).toEqual({ ok: true, value: -8.3 });
    expect(total(cat, 2026, 2026, { group: 3 })).toEqual({ ok: true, value: 0 });
  });

  test("a total that includes an unreadable value is unreadable", () => {
    expect(total(cat, 2027)).toMatchObject({ ok: false, problem: { kind: "unreadable", id: "2.1" } });
    // -0.6 - 1.7 - 2.1 - 0.5, by hand
    expect(total(cat, 2028)).toEqual({ ok: true, value: -4.9 });
    expect(total(cat, 2040)).toEqual({ ok: false, problem: { kind: "unknown-year", year: 2040 } });
  });
});
