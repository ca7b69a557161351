import { bundledCatalogue as cat } from "../data/bundled";
import { reconcile, RULE_IDS, type Finding } from "../domain/reconcile";
import { countBySeverity, countText, entryTarget, groupFindings, paneMinus, REPORT_SECTION } from "./findings";

const f = (p: Partial<Finding> & Pick<Finding, "rule" | "severity">): Finding => ({
  measure: "1.2",
  group: 1,
  years: [],
  expected: null,
  actual: null,
  message: "Melding.",
  ...p,
});

const group = (fs: readonly Finding[]) =>
  groupFindings(
    fs,
    cat.measures.map((m) => m.id),
    RULE_IDS,
    cat.groups.map((g) => g.id),
  );

describe("groupFindings", () => {
  test("one entry per measure, rule and severity, its years as a range, equal years merged into one line", () => {
    const fs = [2028, 2029, 2030].map((y) =>
      f({ rule: "detail-vs-summary", severity: "error", years: [y], expected: -8.5, actual: -8.55, message: `Summen av effekttabellens linjer viser -8,55 mill. kr i ${y}, sammendraget -8,5 (avrundet: -8,6).` }),
    );
    const [section] = group(fs);
    expect(section?.entries).toHaveLength(1);
    const e = section!.entries[0]!;
    expect(e.years).toEqual([2028, 2029, 2030]);
    expect(e.findings).toHaveLength(3);
    // Same figures every year: one line, no years (the entry's heading says 2028–2030); the pane's minus sign.
    expect(e.lines).toEqual(["effekttabellen \u22128,55 (avrundet \u22128,6), sammendraget \u22128,5"]);
  });

  test("years with different figures keep a line each; runs of equal years become ranges", () => {
    const fs = [
      f({ rule: "lines-vs-net", severity: "error", years: [2025], expected: 0, actual: -0.48 }),
      f({ rule: "lines-vs-net", severity: "error", years: [2026], expected: 0, actual: -0.48 }),
      f({ rule: "lines-vs-net", severity: "error", years: [2028], expected: -0.5, actual: -0.68 }),
    ];
    expect(group(fs)[0]?.entries[0]?.lines).toEqual(["2025–2026: linjene summerer til \u22120,48, nettoraden 0,0", "2028: linjene summerer til \u22120,68, nettoraden \u22120,5"]);
  });

  test("a sum printed with two decimals keeps them; one decimal is the default; never more than two", () => {
    const fs = [
      f({ measure: null, group: 2, rule: "total-group", severity: "warning", years: [2026], expected: -3.33, actual: -3.4 }),
      f({ measure: null, group: 2, rule: "total-group", severity: "warning", years: [2027], expected: -23.940000001, actual: -24 }),
    ];
    expect(group(fs)[0]?.entries[0]?.lines).toEqual(["2026: trykt \u22123,33, delene \u22123,4", "2027: trykt \u221223,94, delene \u221224,0"]);
  });

  test("errors come before warnings before notes inside a section; sections follow the working groups, the report's sums last", () => {
    const fs = [
      f({ measure: "2.8", group: 2, rule: "missing-detail", severity: "info" }),
      f({ measure: null, group: null, rule: "total-category", severity: "info" }),
      f({ measure: "1.9", group: 1, rule: "missing-in-summary", severity: "warning" }),
      f({ measure: "2.11", group: 2, rule: "numbering", severity: "warning" }),
      f({ measure: "2.3", group: 2, rule: "lines-vs-net", severity: "error", years: [2026], expected: -3.6, actual: -3.51 }),
    ];
    const sections = group(fs);
    expect(sections.map((s) => s.key)).toEqual(["1", "2", REPORT_SECTION]);
    expect(sections[1]?.entries.map((e) => e.severity)).toEqual(["error", "warning", "info"]);
    expect(sections[1]?.counts).toEqual({ error: 1, warning: 1, info: 1 });
  });

  test("the report's overall sums are separate entries per sum, named by the message", () => {
    const fs = [
      f({ measure: null, group: null, rule: "total-overall", severity: "warning", years: [2027], expected: -67.4, actual: -67.7, message: "SUM-raden under tiltakene er trykt som -67,4 i 2027, men delene summerer til -67,7." }),
      f({ measure: null, group: null, rule: "total-overall", severity: "warning", years: [2027], expected: -67.39, actual: -67.4, message: "Sum innsparingseffekt (gruppetabellen) er trykt som -67,39 i 2027, men delene summerer til -67,4." }),
    ];
    expect(group(fs)[0]?.entries.map((e) => e.subject)).toEqual(["SUM-raden under tiltakene", "Sum innsparingseffekt (gruppetabellen)"]);
  });

  test("messages without compared figures are kept, with the pane's minus sign, printed text and section numbers untouched", () => {
    const e = group([f({ rule: "unreadable", severity: "info", years: [2025], actual: 0, message: "Effekttabellens nettorad for 2025 er trykt «-»; tolket som -0,5 ut fra avsnitt 4.7.6." })])[0]?.entries[0];
    expect(e?.lines).toEqual(["Effekttabellens nettorad for 2025 er trykt «-»; tolket som \u22120,5 ut fra avsnitt 4.7.6."]);
  });

  test("several messages about single years lose the year: one line when they agree, a range in front of each when not", () => {
    const msg = (y: number, printed = "’") => `Effekttabellens nettorad for ${y} kan ikke leses (trykt «${printed}»). Verdien er ukjent, ikke 0.`;
    const same = group([2026, 2027, 2029].map((y) => f({ rule: "unreadable", severity: "warning", years: [y], message: msg(y) })))[0]?.entries[0];
    expect(same?.years).toEqual([2026, 2027, 2029]);
    expect(same?.lines).toEqual(["Effekttabellens nettorad kan ikke leses (trykt «’»). Verdien er ukjent, ikke 0."]);
    const differ = group([2026, 2027, 2029].map((y) => f({ rule: "unreadable", severity: "warning", years: [y], message: msg(y, y === 2029 ? "(1,0)" : "’") })))[0]?.entries[0];
    expect(differ?.lines).toEqual([
      "2026–2027: Effekttabellens nettorad kan ikke leses (trykt «’»). Verdien er ukjent, ikke 0.",
      "2029: Effekttabellens nettorad kan ikke leses (trykt «(1,0)»). Verdien er ukjent, ikke 0.",
    ]);
  });

  test("«Vis i arbeidsboken» selects the entry's first finding across all its years", () => {
    const e = group([2029, 2028].map((y) => f({ rule: "detail-vs-summary", severity: "error", years: [y], expected: -1, actual: -2 })))[0]!.entries[0]!;
    expect(entryTarget(e).years).toEqual([2028, 2029]);
  });

  test("on the real catalogue: every finding is in exactly one entry, there are fewer entries than findings, and no hyphen minus is left", () => {
    const all = reconcile(cat);
    const sections = group(all);
    const entries = sections.flatMap((s) => s.entries);
    expect(entries.flatMap((e) => e.findings)).toHaveLength(all.length);
    expect(new Set(entries.flatMap((e) => e.findings))).toEqual(new Set(all));
    expect(entries.length).toBeLessThan(all.length);
    expect(entries.flatMap((e) => e.lines).filter((l) => /(^|[\s(])-\d/.test(l))).toEqual([]);
    expect(sections.reduce((n, s) => n + s.counts.error + s.counts.warning + s.counts.info, 0)).toBe(all.length);
  });
});

describe("counts", () => {
  test("Norwegian plurals: 1 feil/2 feil, 1 advarsel/49 advarsler, 1 merknad/2 merknader; empty severities left out", () => {
    expect(countText({ error: 1, warning: 1, info: 1 })).toBe("1 feil, 1 advarsel, 1 merknad");
    expect(countText({ error: 2, warning: 49, info: 2 })).toBe("2 feil, 49 advarsler, 2 merknader");
    expect(countText({ error: 0, warning: 3, info: 0 })).toBe("3 advarsler");
    expect(countText({ error: 0, warning: 0, info: 0 })).toBe("ingen avvik");
    expect(countBySeverity([f({ rule: "sign", severity: "warning" }), f({ rule: "sign", severity: "error" })])).toEqual({ error: 1, warning: 1, info: 0 });
  });

  test("paneMinus turns a hyphen before a digit into U+2212 and leaves ranges, dashes and ids alone", () => {
    expect(paneMinus("viser -2,5 i 2028 (avrundet: -2,5), «-» og 2026-2029, tiltak 5.9")).toBe("viser \u22122,5 i 2028 (avrundet: \u22122,5), «-» og 2026-2029, tiltak 5.9");
  });
});
