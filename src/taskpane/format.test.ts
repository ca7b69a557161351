import { formatFigure, formatMnok, listText, mnok, plural, yearRanges } from "./format";

const MINUS = "\u2212";

describe("format", () => {
  test("formatMnok: nb-NO (Intl), U+2212 minus, decimal half-up rounding", () => {
    expect(formatMnok(-0.15)).toBe(`${MINUS}0,2`);
    expect(formatMnok(-0.25)).toBe(`${MINUS}0,3`);
    expect(formatMnok(-1.06, 2)).toBe(`${MINUS}1,06`);
    // The thousands separator is whatever Intl's nb-NO uses (a no-break space), never hard-coded here.
    expect(formatMnok(1234.5)).toBe(new Intl.NumberFormat("nb-NO", { minimumFractionDigits: 1 }).format(1234.5));
  });

  test("formatFigure: one decimal, two where the value has them, never more", () => {
    expect(formatFigure(-8.5)).toBe(`${MINUS}8,5`);
    expect(formatFigure(-8.55)).toBe(`${MINUS}8,55`);
    expect(formatFigure(-26)).toBe(`${MINUS}26,0`);
    expect(formatFigure(-3.510000000001)).toBe(`${MINUS}3,51`);
    expect(formatFigure(0.125)).toBe("0,13");
  });

  test("mnok carries the unit", () => {
    expect(mnok(-40)).toBe(`${MINUS}40,0 mill. kr`);
  });

  test("plural picks the noun by the count", () => {
    expect(plural(1, "celle", "celler")).toBe("1 celle");
    expect(plural(2, "celle", "celler")).toBe("2 celler");
    expect(plural(1, "rad", "rader")).toBe("1 rad");
    expect(plural(0, "rad", "rader")).toBe("0 rader");
  });

  test("yearRanges joins runs with an en dash", () => {
    expect(yearRanges([2030, 2028, 2029])).toBe("2028–2030");
    expect(yearRanges([2025, 2027, 2028])).toBe("2025, 2027–2028");
    expect(yearRanges([2026])).toBe("2026");
    expect(yearRanges([])).toBe("");
  });

  test("listText: «a, b og c»", () => {
    expect(listText(["Tiltak"])).toBe("Tiltak");
    expect(listText(["Tiltak", "Avvik"])).toBe("Tiltak og Avvik");
    expect(listText(["Tiltak", "Detaljer", "Avvik"])).toBe("Tiltak, Detaljer og Avvik");
  });
});
