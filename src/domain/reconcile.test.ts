import catalogueJson from "../data/catalogue.json";
import { detail, makeCatalogue, measure, plan as fixturePlan, row, YEARS } from "../../test/fixtures";
import { loadCatalogue } from "./catalogue";
import { findingCounts, reconcile, RULE_IDS, RULES, type Finding, type RuleId } from "./reconcile";
import type { Cell, Measure } from "./types";

// The loader refuses a row without a key per year (a missing key used to read as 0): fill them as blanks.
const blanks = (values: Record<string, Cell>) => ({ ...Object.fromEntries(YEARS.map((y) => [String(y), null])), ...values });
const plan = (...v: Cell[]) => blanks(fixturePlan(...v));

const run = (rule: RuleId, measures: Measure[], over = {}) =>
  RULES.find((r) => r.id === rule)!.check(makeCatalogue(measures, over));

const summary = (...v: (number | null)[]) => row(plan(...v));

describe("detail-vs-summary", () => {
  test("agrees at the summary's precision with decimal half-up rounding", () => {
    const agree = [
      measure("1.1", { summary: summary(-0.3, -0.2, -0.1), detail: detail(plan(-0.25, -0.15, -0.05)) }),
      measure("1.2", { summary: summary(-3.8), detail: detail(plan(-3750000), { unit: "NOK" }) }),
      measure("1.3", { summary: summary(-1.1), detail: detail(plan(1060000), { unit: "NOK", sign: "positive-is-saving" }) }),
    ];
    expect(run("detail-vs-summary", agree)).toEqual([]);
  });

  test("flags a year whose rounded detail value differs, with expected, actual and the year", () => {
    const f = run("detail-vs-summary", [measure("4.12", { summary: summary(0, -0.4, -0.5), detail: detail(plan(0, -0.35, -0.42)) })]);
    expect(f).toEqual([
      expect.objectContaining({ measure: "4.12", group: 4, rule: "detail-vs-summary", severity: "error", years: [2028], expected: -0.5, actual: -0.42 }),
    ]);
    expect(f[0]!.message).toMatch(/−0,42.*2028.*−0,5/);
  });

  test("a blank summary cell is 0: a detail value there is a disagreement; a year the table lacks is not compared", () => {
    const f = run("detail-vs-summary", [measure("2.3", { summary: summary(-1.8, -3.6), detail: detail({ "2025": -1.8, "2026": -3.6, "2027": -3.6 }, { years: [2025, 2026, 2027] }) })]);
    expect(f.map((x) => x.years[0])).toEqual([2025, 2026]);
    const none = run("detail-vs-summary", [measure("5.1", { summary: summary(-1, -1, -1, -1, -1), detail: detail({ "2026": -1, "2027": -1 }, { years: [2026, 2027] }) })]);
    expect(none).toEqual([]);
  });

  test("a table without a net row is compared by the sum of its lines", () => {
    const d = detail(null, { lines: [{ label: "a", ...row(plan(-2.5, -6)) }, { label: "b", ...row(plan(null, -2.55)) }] });
    const f = run("detail-vs-summary", [measure("1.2", { summary: summary(-2.5, -8.5), detail: d })]);
    expect(f).toEqual([expect.objectContaining({ years: [2027], expected: -8.5, actual: -8.55 })]);
  });

  test("a sign-flipped table is one `sign` finding, not a value error per year", () => {
    const m = measure("4.8", { summary: summary(0, -0.3, -0.3), detail: detail(plan(0, 0.3, 0.3)) });
    expect(run("detail-vs-summary", [m])).toEqual([]);
    expect(run("sign", [m])).toEqual([expect.objectContaining({ measure: "4.8", rule: "sign", severity: "warning" })]);
  });
});

describe("group-vs-summary", () => {
  test("extra decimals in the group table agree when they round to the summary", () => {
    const m = measure("2.7", { summary: summary(-0.3, -1.1), groupTable: { ...row(plan(-0.25, -1.06)), table: "Tabell 30", unit: "MNOK" } });
    expect(run("group-vs-summary", [m])).toEqual([]);
  });
  test("flags a differing year", () => {
    const m = measure("4.12", { summary: summary(0, -0.5), groupTable: { ...row(plan(0, -0.4)), table: "t", unit: "MNOK" } });
    expect(run("group-vs-summary", [m])).toEqual([expect.objectContaining({ years: [2027], expected: -0.5, actual: -0.4, severity: "error" })]);
  });
});

describe("lines-vs-net", () => {
  test("flags lines that do not add up to the net row, at the net row's precision", () => {
    const d = detail(plan(-3.6), { lines: [{ label: "lønn", ...row(plan(-5.12)) }, { label: "system", ...row(plan(0.96)) }, { label: "drift", ...row(plan(0.65)) }] });
    expect(run("lines-vs-net", [measure("2.3", { detail: d })])).toEqual([expect.objectContaining({ years: [2026], expected: -3.6, actual: -3.51 })]);
  });
  test("does not flag lines that add up, nor tables with unreadable lines", () => {
    const ok = detail(plan(-0.5), { lines: [{ label: "a", ...row(plan(-0.3)) }, { label: "b", ...row(plan(-0.2)) }] });
    const unknown = detail(plan(-0.5), { lines: [{ label: "a", ...row(plan({ unreadable: "(0,1)" })) }] });
    expect(run("lines-vs-net", [measure("1.1", { detail: ok }), measure("1.2", { detail: unknown })])).toEqual([]);
  });
});

describe("presentation rules", () => {
  test("unit: kroner under a 'mill. kr.' header is a warning; a table in MNOK is not", () => {
    const f = run("unit", [measure("1.3", { detail: detail(plan(-900000), { unit: "NOK" }) }), measure("1.1", { detail: detail(plan(-0.3)) })]);
    expect(f).toEqual([expect.objectContaining({ measure: "1.3", rule: "unit", severity: "warning" })]);
  });
  test("numbering: only headings with another number", () => {
    const f = run("numbering", [measure("2.11", { headingId: "11" }), measure("2.1"), measure("1.9", { headingId: null })]);
    expect(f.map((x) => x.measure)).toEqual(["2.11"]);
    expect(f[0]!.message).toContain("«Tiltak 11»");
  });
  test("missing-in-summary and missing-detail", () => {
    const ms = [measure("1.8", { inSummary: false, summary: null, detail: detail(plan(-1)) }), measure("2.8"), measure("1.1", { detail: detail(plan(-1, -1, -1, -1, -1)) })];
    expect(run("missing-in-summary", ms).map((x) => x.measure)).toEqual(["1.8"]);
    expect(run("missing-detail", ms).map((x) => [x.measure, x.severity])).toEqual([["2.8", "info"]]);
  });
  test("copied-row: the same labelled line with the same values in a later measure", () => {
    const line = { label: "Redusert antall representanter", ...row(plan(null, -0.2, -0.2)) };
    const f = run("copied-row", [measure("5.8", { detail: detail(plan(-0.5), { lines: [line] }) }), measure("5.9", { detail: detail(plan(-0.5), { lines: [{ label: "Lærlinger", ...row(plan(-0.48)) }, line] }) })]);
    expect(f).toEqual([expect.objectContaining({ measure: "5.9", rule: "copied-row", severity: "error" })]);
    expect(f[0]!.message).toContain("5.8");
    // Same values under another label, or an all-zero line, is no copy.
    const none = run("copied-row", [
      measure("4.7", { detail: detail(null, { lines: [{ label: "Blomster", ...row(plan(-0.2)) }, { label: "Null", ...row(plan(0)) }] }) }),
      measure("4.9", { detail: detail(null, { lines: [{ label: "Kjøretøy", ...row(plan(-0.2)) }, { label: "Null", ...row(plan(0)) }] }) }),
    ]);
    expect(none).toEqual([]);
  });
  test("unreadable: lost digits are warnings, interpreted dashes are info", () => {
    const f = run("unreadable", [measure("5.5", { detail: detail(plan({ unreadable: "’" })) }), measure("5.3", { summary: row(plan(0, { printed: "-", value: 0, note: "n" })) })]);
    expect(f.map((x) => [x.measure, x.severity, x.years])).toEqual([
      ["5.5", "warning", [2026]],
      ["5.3", "info", [2027]],
    ]);
  });
});

describe("totals", () => {
  const total = (values: Record<string, number | null>) => ({ line: 1, printed: "", values: blanks(values) });
  test("a printed group total within the parts' rounding is a warning; beyond it an error; equal is nothing", () => {
    const ms = [measure("2.1", { summary: summary(-1.1, -1.1, -1.1) }), measure("2.2", { summary: summary(-2.2, -2.2, -2.2) })];
    const f = run("total-group", ms, {
      totals: {
        byGroup: { "2": total({ "2026": -3.3, "2027": -3.36, "2028": -4 }) },
        byCategory: {},
        overall: { groupTable: total({}), categoryTable: total({}), measureTable: total({}) },
      },
    });
    expect(f.map((x) => [x.years[0], x.severity])).toEqual([
      [2027, "warning"],
      [2028, "error"],
    ]);
    expect(f[0]).toMatchObject({ group: 2, measure: null, expected: -3.36, actual: -3.3 });
    // -3.33 rounds to the parts' -3.3 at their precision: consistent, not flagged (2026 row above is exact).
  });
});

describe("total-target", () => {
  const target = (sparekrav: number, menu: number | null, printedTotal: number | null, line = 1) => ({ line, printed: "", sparekrav, menu, printedTotal });
  const targets = (byGroup: Record<string, ReturnType<typeof target>>, overall: ReturnType<typeof target>) => ({ targets: { byGroup, overall, mandate: [] } });

  test("group targets that do not add up to the overall target are a warning per column, with both figures", () => {
    const f = run("total-target", [], targets({ "1": target(-13.5, -27, -24.8, 10), "2": target(-27.5, -55, -63.3, 11) }, target(-40, -80, -88.1, 12)));
    expect(f).toEqual([
      { measure: null, group: null, rule: "total-target", severity: "warning", years: [2029], expected: -40, actual: -41, message: expect.stringContaining("−41,0") },
      { measure: null, group: null, rule: "total-target", severity: "warning", years: [2029], expected: -80, actual: -82, message: expect.stringContaining("−82,0") },
    ]);
    expect(f[0]!.message).toMatch(/summerer til −41,0 mill\. kr, men det samlede sparekravet er trykt som −40,0 \(linje 10–12\).*«Gjenstår».*1/);
  });

  test("targets that add up, at the overall row's precision, are not flagged", () => {
    expect(run("total-target", [], targets({ "1": target(-13.5, -27, -24.84), "2": target(-26.5, -53, -63.3) }, target(-40, -80, -88.1)))).toEqual([]);
  });
});

describe("precision per printed cell", () => {
  const printedRow = (printed: string, values: Record<string, Cell>) => ({ line: 1, printed, values: blanks(values) });

  test("a net row printed «-1,0» (stored -1) is compared at one decimal: lines summing to -1,06 disagree", () => {
    const d = detail(null, {
      lines: [{ label: "a", ...row(plan(-0.56)) }, { label: "b", ...row(plan(-0.5)) }],
      net: { label: "Netto", ...printedRow("-1,0", { "2026": -1 }) },
    });
    expect(run("lines-vs-net", [measure("2.6", { detail: d })])).toEqual([expect.objectContaining({ years: [2026], expected: -1, actual: -1.06 })]);
    // Printed "-1": whole millions, and -1,06 rounds to it.
    const whole = detail(null, { lines: d.lines, net: { label: "Netto", ...printedRow("-1", { "2026": -1 }) } });
    expect(run("lines-vs-net", [measure("2.6", { detail: whole })])).toEqual([]);
  });

  test("one two-decimal summary cell does not make every other measure compared at two decimals", () => {
    const ms = [
      measure("1.1", { summary: row(plan(-0.25)) }),
      measure("1.2", { summary: printedRow("-0,3", plan(-0.3)), detail: detail(plan(-0.25)) }),
    ];
    expect(run("detail-vs-summary", ms)).toEqual([]);
  });

  test("a summary zero printed bare («0») beside one-decimal figures still differs from another table's -0,3", () => {
    const m = measure("4.1", { summary: printedRow("0 -2,0", plan(0, -2)), detail: detail(plan(-0.3, -2)) });
    expect(run("detail-vs-summary", [m])).toEqual([expect.objectContaining({ years: [2026], expected: 0, actual: -0.3 })]);
  });
});

describe("totals use the unrounded figures the report has", () => {
  const total = (values: Record<string, number | null>, printed = "") => ({ line: 1, printed, values: blanks(values) });
  const noTotals = { byGroup: {}, byCategory: {}, overall: {} };

  test("a two-decimal group total that the parts' two-decimal effect tables add up to is no finding (was a warning)", () => {
    const ms = [
      measure("2.1", { summary: summary(-1.1), detail: detail(plan(-1.13)) }),
      measure("2.2", { summary: summary(-2.2), detail: detail(plan(-2.2)) }),
    ];
    expect(run("total-group", ms, { totals: { ...noTotals, byGroup: { "2": total({ "2026": -3.33 }, "-3,33") } } })).toEqual([]);
  });

  test("a total 0,06 off parts the report prints to two decimals is an error, not rounding (the old n × 0,05 called it rounding)", () => {
    const ms = [
      measure("2.1", { summary: summary(-1.1), detail: detail(plan(-1.12)) }),
      measure("2.2", { summary: summary(-2.2), detail: detail(plan(-2.18)) }),
    ];
    const f = run("total-group", ms, { totals: { ...noTotals, byGroup: { "2": total({ "2026": -3.36 }, "-3,36") } } });
    expect(f).toEqual([expect.objectContaining({ severity: "error", years: [2026], expected: -3.36, actual: -3.3 })]);
  });

  test("parts printed only rounded still leave room for rounding: a warning within half a unit per part", () => {
    const ms = [measure("2.1", { summary: summary(-1.1) }), measure("2.2", { summary: summary(-2.2) })];
    const f = run("total-group", ms, { totals: { ...noTotals, byGroup: { "2": total({ "2026": -3.36 }, "-3,36") } } });
    expect(f).toEqual([expect.objectContaining({ severity: "warning", years: [2026] })]);
    expect(f[0]!.message).toContain("innenfor avrunding");
  });

  test("an effect table that does not round to the summary is not taken as its unrounded form", () => {
    const ms = [measure("2.1", { summary: summary(-1.1), detail: detail(plan(-1.5)) }), measure("2.2", { summary: summary(-2.2) })];
    expect(run("total-group", ms, { totals: { ...noTotals, byGroup: { "2": total({ "2026": -3.3 }, "-3,3") } } })).toEqual([]);
  });

  test("the SUM row is checked against the two-decimal group totals where the report prints them", () => {
    const ms = [
      measure("1.1", { summary: summary(-1.1) }),
      measure("1.2", { summary: summary(-1.1) }),
      measure("2.1", { summary: summary(-1.1) }),
      measure("2.2", { summary: summary(-1.1) }),
    ];
    // The measures sum to -4,4; the groups' own (unrounded) totals -2,14 and -2,14 to -4,28, printed -4,3.
    const totals = { ...noTotals, byGroup: { "1": total({ "2026": -2.14 }, "-2,14"), "2": total({ "2026": -2.14 }, "-2,14") }, overall: { measureTable: total({ "2026": -4.3 }, "-4,3") } };
    expect(run("total-overall", ms, { totals })).toEqual([]);
    // Without the group totals the same SUM row is only «within rounding» of -4,4.
    expect(run("total-overall", ms, { totals: { ...noTotals, overall: { measureTable: total({ "2026": -4.3 }, "-4,3") } } })).toEqual([expect.objectContaining({ severity: "warning" })]);
  });

  test("a report without category or overall tables gets no total findings, not false ones", () => {
    const ms = [measure("1.1", { summary: summary(-1.1), category: "Bedre strategi" }), measure("2.1", { summary: summary(-2.2) })];
    for (const rule of ["total-category", "total-overall", "total-group"] as const) expect(run(rule, ms, { totals: noTotals })).toEqual([]);
    // An overall group-table sum with a group row missing cannot be checked (the old rule compared it with one group).
    const partial = { ...noTotals, byGroup: { "1": total({ "2026": -1.1 }) }, overall: { groupTable: total({ "2026": -3.3 }) } };
    expect(run("total-overall", ms, { totals: partial })).toEqual([]);
  });

  test("with every measure categorised, each category total is checked against its measures", () => {
    const categories = ["Digitalisering", "Struktur"];
    const ms = [
      measure("1.1", { summary: summary(-1.1), category: "Digitalisering" }),
      measure("1.2", { summary: summary(-2.2), category: "Struktur" }),
      measure("2.1", { summary: summary(-0.5), category: "Struktur" }),
    ];
    const over = (struktur: number) => ({
      catalogue: { id: "t", version: "1", title: "T", unit: "MNOK", years: YEARS, planPeriod: [2026, 2029], categories },
      totals: { ...noTotals, byCategory: { Digitalisering: total({ "2026": -1.1 }), Struktur: total({ "2026": struktur }) } },
    });
    expect(run("total-category", ms, over(-2.7))).toEqual([]);
    expect(run("total-category", ms, over(-3.7))).toEqual([expect.objectContaining({ severity: "error", years: [2026], expected: -3.7, actual: -2.7 })]);
  });
});

describe("a catalogue in 1000 kr", () => {
  const tnok = (measures: Measure[], over = {}) =>
    makeCatalogue(measures, { catalogue: { id: "t", version: "1", title: "T", unit: "TNOK", years: YEARS, planPeriod: [2026, 2029], categories: [] }, totals: { byGroup: {}, byCategory: {}, overall: {} }, ...over });

  test("its summary, group tables and totals are compared in MNOK, at their printed precision in MNOK", () => {
    const cat = tnok([
      measure("1.1", { summary: row(plan(-1250)), detail: detail(plan(-1250000), { unit: "NOK" }) }),
      measure("1.2", { summary: row(plan(-300)), groupTable: { ...row(plan(-0.3)), table: "t", unit: "MNOK" } }),
      measure("1.3", { summary: row(plan(-300)), detail: detail(plan(-0.31)) }),
    ]);
    expect(reconcile(cat).filter((f) => f.rule.endsWith("-vs-summary"))).toEqual([
      expect.objectContaining({ measure: "1.3", rule: "detail-vs-summary", years: [2026], expected: -0.3, actual: -0.31 }),
    ]);
  });

  test("targets are compared as printed and reported in MNOK", () => {
    const t = (sparekrav: number) => ({ sparekrav, menu: null, printedTotal: null });
    const f = RULES.find((r) => r.id === "total-target")!.check(tnok([], { targets: { byGroup: { "1": t(-2000), "2": t(-2500) }, overall: t(-4000), mandate: [] } }));
    expect(f).toEqual([expect.objectContaining({ expected: -4, actual: -4.5 })]);
    expect(f[0]!.message).toMatch(/summerer til −4,5 mill\. kr, men det samlede sparekravet er trykt som −4,0:/);
  });
});

describe("rules that need something a catalogue may not have", () => {
  test("no effect tables anywhere: no missing-detail finding per measure", () => {
    expect(run("missing-detail", [measure("1.1"), measure("1.2")])).toEqual([]);
  });
  test("targets without a menu or printed total column: only the columns printed are compared", () => {
    const t = (sparekrav: number) => ({ sparekrav, menu: null, printedTotal: null });
    const f = run("total-target", [], { targets: { byGroup: { "1": t(-13.5), "2": t(-27.5) }, overall: t(-40), mandate: [] } });
    expect(f.map((x) => [x.expected, x.actual])).toEqual([[-40, -41]]);
    expect(f[0]!.message).not.toMatch(/linje/);
  });
});

describe("on the bundled catalogue", () => {
  const cat = loadCatalogue(catalogueJson);
  const findings = reconcile(cat);
  const of = (id: string, rule?: RuleId) => findings.filter((f) => f.measure === id && (!rule || f.rule === rule));

  test("every finding is well-formed and uses a known rule", () => {
    for (const f of findings) {
      expect(RULE_IDS).toContain(f.rule);
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.message).not.toMatch(/undefined|NaN|null/);
    }
  });

  test("the report's known disagreements are flagged", () => {
    expect(of("4.12", "detail-vs-summary").map((f) => f.years[0])).toEqual([2028]);
    expect(of("1.7", "detail-vs-summary").map((f) => f.years[0])).toEqual([2030]);
    expect(of("2.3", "lines-vs-net").length).toBeGreaterThan(0);
    expect(of("5.9", "copied-row")).toHaveLength(1);
    expect(of("1.6", "sign")).toHaveLength(1);
    expect(of("1.6", "unit")).toHaveLength(1);
    expect(of("2.11", "numbering")).toHaveLength(1);
    expect(of("1.8", "missing-in-summary")).toHaveLength(1);
    expect(of("5.5", "unreadable").length).toBe(4);
    // The targets table: groups -13,5 -17,5 -4 -5 -1 = -41 against "-40" (and -82 against "-80").
    expect(findings.filter((f) => f.rule === "total-target").map((f) => [f.expected, f.actual, f.severity])).toEqual([
      [-40, -41, "warning"],
      [-80, -82, "warning"],
    ]);
  });

  test("totals: judged with the report's unrounded figures and each cell's printed precision", () => {
    const totals = findings.filter((f) => f.rule.startsWith("total-") && f.rule !== "total-target");
    // Groups 2 and 5 print two-decimal totals ("-3,33") that their measures' two-decimal effect and group
    // tables add up to: rounding of the one-decimal summary, not a disagreement (were 9 warnings).
    expect(totals.filter((f) => f.group === 2 || f.group === 5)).toEqual([]);
    // The SUM row under Tabell 4 ("-88,1" in 2029) is the groups' two-decimal totals added up (-88,10),
    // though the one-decimal measure rows add up to -88,4 (were 4 warnings).
    expect(totals.filter((f) => f.message.startsWith("SUM-raden"))).toEqual([]);
    // The category table prints "26,0-" for 2026 (JSON -26, compared at 0 decimals before): its rows
    // 14,5 + 6,7 + 2,4 + 2,5 make 26,1.
    expect(totals.filter((f) => f.rule === "total-category" && f.years[0] === 2026)).toEqual([
      expect.objectContaining({ severity: "warning", expected: -26, actual: -26.1 }),
    ]);
    // Nothing is an error: every remaining gap is within the rounding of what the report prints.
    expect(totals.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("measures whose tables agree at the summary's precision are not flagged with errors", () => {
    for (const id of ["1.1", "1.3", "1.4", "2.2", "2.7", "3.1", "3.2", "3.3", "4.3", "4.4", "4.7", "4.14", "5.6"]) {
      expect([id, of(id).filter((f) => f.severity === "error")]).toEqual([id, []]);
    }
  });

  test("counts per measure leave out info findings", () => {
    const counts = findingCounts(findings);
    expect(counts.get("2.8")).toBeUndefined();
    expect(counts.get("4.12")).toBe(2);
  });

  test("findings are ordered by measure, report-level ones last", () => {
    const firstTotal = findings.findIndex((f: Finding) => f.measure === null);
    expect(findings.slice(firstTotal).every((f) => f.measure === null)).toBe(true);
  });
});

describe("figures in messages read as in the pane", () => {
  const all = reconcile(loadCatalogue(catalogueJson));
  test("negative figures carry the minus sign U+2212, never a hyphen; at most three decimals", () => {
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((f) => /(^|[\s(«])-\d/.test(f.message)).map((f) => f.message)).toEqual([]);
    expect(all.filter((f) => /\d,\d{4,}/.test(f.message)).map((f) => f.message)).toEqual([]);
    expect(all.some((f) => /\u2212\d+,\d/.test(f.message))).toBe(true);
  });
});
