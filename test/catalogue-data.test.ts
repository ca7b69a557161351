// Checks the bundled catalogue against the report text itself: an independent reading of Tabell 4 and
// Tabell 27, and every recorded row is found where the data says it is printed.
import catalogueJson from "../src/data/catalogue.json";
import { loadCatalogue } from "../src/domain/catalogue";
import { CATEGORIES, isInterpreted, isUnreadable, type Cell, type ValueRow } from "../src/domain/types";
import { collapse, parsePrinted, reportLines } from "./report";

const lines = reportLines();
const cat = loadCatalogue(catalogueJson);
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];

/**
 * Reads the measure rows of a summary table (Tabell 4 or 27) from the text: a row starts with its number;
 * its values are the trailing number-or-dash tokens. Five values are 2026–2030 (the dump drops the blank
 * 2025 cell), six are 2025–2030.
 */
function readSummaryTable(from: number, to: number): Map<string, { values: (number | "-")[]; line: number }> {
  const rows = new Map<string, { text: string[]; line: number }>();
  let current: { text: string[]; line: number } | null = null;
  for (let i = from; i <= to; i++) {
    const text = lines[i - 1] ?? "";
    const start = /^(\d\.\d{1,2}) /.exec(text);
    if (/^SUM /.test(text)) break;
    if (start) {
      current = { text: [text], line: i };
      rows.set(start[1] as string, current);
    } else if (current && text.trim() !== "") current.text.push(text);
  }
  const out = new Map<string, { values: (number | "-")[]; line: number }>();
  for (const [id, r] of rows) {
    const tokens = collapse(r.text.join(" ")).split(" ");
    const values: (number | "-")[] = [];
    for (let t = tokens.length - 1; t >= 0; t--) {
      const tok = tokens[t] as string;
      if (tok === "-") values.unshift("-");
      else if (/^-?\d+,\d+$/.test(tok)) values.unshift(parsePrinted(tok) as number);
      else break;
    }
    out.set(id, { values, line: r.line });
  }
  return out;
}

function findLine(re: RegExp): number {
  const i = lines.findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`not found: ${re}`);
  return i + 1;
}

const tabell4 = findLine(/^Tabell 4: Utredede tiltak/);
const tabell27 = findLine(/^ ?Tabell 27: Utredede tiltak/);
const summaryRead = readSummaryTable(tabell4, tabell4 + 180);
const repeatRead = readSummaryTable(tabell27, tabell27 + 180);

const cellNumber = (c: Cell | undefined): number | "-" | null => {
  if (c === undefined || c === null) return null;
  if (isUnreadable(c)) return c.unreadable === "-" ? "-" : null;
  if (isInterpreted(c)) return c.printed === "-" ? "-" : c.value;
  return c;
};

describe("summary table (Tabell 4) against the report text", () => {
  test("the report lists 44 measures and the catalogue has each of them, in summary order", () => {
    expect(summaryRead.size).toBe(44);
    const inSummary = cat.measures.filter((m) => m.inSummary).map((m) => m.id);
    expect(inSummary).toEqual([...summaryRead.keys()]);
  });

  test.each([...summaryRead.keys()])("measure %s has the printed values in the right years", (id) => {
    const read = summaryRead.get(id)!;
    const m = cat.measure(id)!;
    expect([5, 6]).toContain(read.values.length);
    const years = read.values.length === 5 ? YEARS.slice(1) : YEARS;
    if (read.values.length === 5) expect(m.summary!.values["2025"]).toBeNull();
    years.forEach((y, i) => expect(cellNumber(m.summary!.values[String(y)])).toBe(read.values[i]));
  });

  test("Tabell 27 repeats Tabell 4 value for value, as the data records", () => {
    for (const [id, r] of summaryRead) {
      expect(repeatRead.get(id)?.values).toEqual(r.values);
      expect(cat.measure(id)?.summaryRepeat?.identical).toBe(true);
    }
  });
});

describe("catalogue completeness", () => {
  test("measures that exist only in chapter 4 are included and marked", () => {
    const only4 = cat.measures.filter((m) => !m.inSummary);
    expect(only4.map((m) => m.id)).toEqual(["1.8", "1.9"]);
    for (const m of only4) {
      expect(m.summary).toBeNull();
      expect(collapse(lines[findLine(new RegExp(`Tiltak ${m.id.replace(".", "\\.")} `)) - 1] ?? "")).toContain(m.id);
    }
    expect(cat.measures).toHaveLength(46);
  });

  test("heading numbers that differ from the summary are kept as printed", () => {
    expect(cat.measure("2.11")?.headingId).toBe("11");
    expect(cat.measure("3.1")?.headingId).toBe("4.1");
    expect(cat.measure("5.6")?.headingId).toBe("5.9");
  });

  test("totals per group, category and overall, and the targets, are present for every year", () => {
    const { totals, targets } = cat.data;
    expect(Object.keys(totals.byGroup).sort()).toEqual(["1", "2", "3", "4", "5"]);
    expect(Object.keys(totals.byCategory).sort()).toEqual([...CATEGORIES].sort());
    for (const row of [...Object.values(totals.byGroup), ...Object.values(totals.byCategory), ...Object.values(totals.overall)]) {
      for (const y of YEARS.slice(1)) expect(typeof row.values[String(y)]).toBe("number");
    }
    expect(Object.keys(targets.byGroup).sort()).toEqual(["1", "2", "3", "4", "5"]);
    expect(targets.overall.sparekrav).toBe(-40);
    expect(targets.overall.menu).toBe(-80);
    for (const t of Object.values(targets.byGroup)) expect(t.menu).toBe(t.sparekrav * 2);
  });
});

/** A magnitude as the report prints it: thousands grouped with spaces, decimal comma. */
function norwegian(n: number): string {
  const [int = "", frac] = String(n).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return frac ? `${grouped},${frac}` : grouped;
}

type Recorded = { readonly line?: number; readonly printed?: string; readonly values?: ValueRow["values"] };

/** Every row the data records, with where it claims to be printed. */
function recordedRows(): { where: string; row: Recorded }[] {
  const out: { where: string; row: Recorded }[] = [];
  for (const m of cat.measures) {
    if (m.summary) out.push({ where: `${m.id} summary`, row: m.summary });
    if (m.summaryRepeat) out.push({ where: `${m.id} summaryRepeat`, row: m.summaryRepeat });
    if (m.groupTable && m.groupTable.printed !== "") out.push({ where: `${m.id} groupTable`, row: m.groupTable });
    m.detail?.lines.forEach((l, i) => out.push({ where: `${m.id} detail.lines[${i}]`, row: l }));
    if (m.detail?.net) out.push({ where: `${m.id} detail.net`, row: m.detail.net });
  }
  const { totals, targets } = cat.data;
  for (const [k, r] of Object.entries(totals.byGroup)) out.push({ where: `totals.byGroup.${k}`, row: r });
  for (const [k, r] of Object.entries(totals.byCategory)) out.push({ where: `totals.byCategory.${k}`, row: r });
  for (const [k, r] of Object.entries(totals.overall)) if (r) out.push({ where: `totals.overall.${k}`, row: r });
  for (const [k, t] of Object.entries(targets.byGroup)) out.push({ where: `targets.byGroup.${k}`, row: t });
  out.push({ where: "targets.overall", row: targets.overall });
  return out;
}

describe("every recorded row is printed where the data says", () => {
  test("Elverum's catalogue keeps its provenance: every numeric row says its report line and printed text", () => {
    // Provenance is optional in the format (a catalogue for another municipality may have none); this one has it.
    const missing = recordedRows().filter((r) => (r.where.includes("groupTable") ? r.row.line === undefined : r.row.line === undefined || r.row.printed === undefined));
    expect(missing.map((r) => r.where)).toEqual([]);
    for (const m of cat.measures) if (m.detail) expect([m.id, m.detail.line]).toEqual([m.id, expect.any(Number)]);
  });

  test.each(recordedRows().map((r) => [r.where, r.row] as const))("%s", (_where, row) => {
    const line = row.line as number;
    const text = collapse(lines[line - 1] ?? "");
    expect(text).toContain(collapse(row.printed ?? ""));
    if (!row.values) return;
    // Each number must be printed on that line or, for rows the dump wraps, on the lines just below.
    const window = lines.slice(line - 1, line + 14).join(" ");
    const printedMagnitudes = new Set(
      (window.match(/-?\s?\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?-?|-?\s?\d+(?:,\d+)?-?/g) ?? []).map((t) => Math.abs(parsePrinted(t) ?? NaN)),
    );
    // Accounting-style tables print zero as a lone dash.
    if (/(^|\s)-(\s|$)/.test(window)) printedMagnitudes.add(0);
    const windowText = collapse(window);
    for (const c of Object.values(row.values)) {
      if (typeof c !== "number") continue;
      // Runs of thousand-grouped numbers ("0 500 000 500 000") cannot be tokenised unambiguously:
      // then the value's own printed form must occur in the text.
      const found = printedMagnitudes.has(Math.abs(c)) || windowText.includes(norwegian(Math.abs(c)));
      expect(found ? Math.abs(c) : `${c} not printed near line ${line}`).toBe(Math.abs(c));
    }
  });
});

describe("spot checks per working group against the report's own words", () => {
  test.each([
    ["1.6", 1060000, "NOK", "positive-is-saving"],
    ["1.3", -900000, "NOK", "negative-is-saving"],
    ["4.4", 0.07, "MNOK", "positive-is-saving"],
  ] as const)("measure %s: first effect %p, printed in %s, %s", (id, firstEffect, unit, sign) => {
    const d = cat.measure(id)!.detail!;
    expect(d.unit).toBe(unit);
    expect(d.sign).toBe(sign);
    const net = (d.net ?? d.lines[0])!;
    const first = Object.values(net.values).find((v) => typeof v === "number" && v !== 0);
    expect(first).toBe(firstEffect);
    expect(collapse(lines[(net.line as number) - 1] ?? "")).toContain(collapse(net.printed as string));
  });

  test("group 2's own table (Tabell 30) keeps its extra decimals", () => {
    expect(cat.measure("2.7")?.groupTable?.values["2026"]).toBe(-0.25);
    expect(cat.measure("2.11")?.groupTable?.values["2030"]).toBe(1.12);
  });

  test("group 3's effects relative to budsjett 2025 are noted", () => {
    const exceptions = cat.data.baseline!.exceptions.map((e) => e.measure);
    expect(exceptions).toEqual(expect.arrayContaining(["3.1", "3.2"]));
  });

  test("group 4's categories come from its group table", () => {
    for (const m of cat.byGroup(4)) {
      expect(m.category).not.toBeNull();
      const text = collapse(lines[(m.groupTable!.line as number) - 1] ?? "");
      expect(text).toContain(m.category as string);
    }
  });

  test("group 5's lost digits are recorded as unreadable, never as numbers", () => {
    const net = cat.measure("5.5")!.detail!.net!;
    for (const y of ["2026", "2027", "2028", "2029"]) expect(isUnreadable(net.values[y])).toBe(true);
  });
});

describe("HØP status rests on the report's own words", () => {
  // `hop.basis` is optional: a not-stated status may rest on no quote at all.
  const basisOf = (m: (typeof cat.measures)[number]) => m.hop.basis ?? [];
  const quotes = cat.measures.flatMap((m) => basisOf(m).map((b, i) => [`${m.id} hop.basis[${i}]`, b] as const));

  test("there are quotes to check", () => {
    expect(quotes.length).toBeGreaterThan(0);
  });

  test.each(quotes)("%s is printed on its line", (_where, b) => {
    expect(Number.isInteger(b.line) && b.line >= 1 && b.line <= lines.length).toBe(true);
    expect(collapse(b.quote)).not.toBe("");
    expect(collapse(lines[b.line - 1] ?? "")).toContain(collapse(b.quote));
  });

  test.each(cat.measures.filter((m) => m.hop.status !== "not-stated").map((m) => [m.id, m.hop.status] as const))(
    "measure %s (%s) quotes what its status rests on",
    (id) => {
      expect(basisOf(cat.measure(id)!).length).toBeGreaterThan(0);
    },
  );

  test("mentioned is not included: a struck proposal or a verbal mention is not in the plan", () => {
    // 1.2: alt. 1 proposed and struck politically (l.3226-3228), alt. 2 «ikke tidligere omtalt» (l.3545).
    expect(cat.measure("1.2")?.hop.status).toBe("not-in-plan");
    // 5.1: described verbally, but «ikke lagt inn konkrete salderingstiltak» (l.9678-9682).
    expect(cat.measure("5.1")?.hop.status).toBe("not-in-plan");
  });
});
