import { columnSpecifier, formulaKey, sameFormula, usesTableReference } from "./formula";

// Forms from "Using structured references with Excel tables" (support.microsoft.com): a column
// specifier needs inner brackets only for special characters; "#This Row" is written "@".
describe("formulas compare in one normal form, as Excel reads them back", () => {
  test.each([
    ["=SUBTOTAL(109,Tiltak[[2025]])", "=SUBTOTAL(109,Tiltak[2025])"],
    ["=COUNTIFS(Avvik[[Nr]],[@Nr])", "=COUNTIFS(Avvik[Nr],[@Nr])"],
    ["=T[[#This Row],[Nr]]", "=T[@Nr]"],
    ["=T[[#This Row],[HØP 2026]]", "=T[@[HØP 2026]]"],
    ["=[@[Plan]]", "=[@Plan]"],
    ["=sum(Tiltak[@[2026]:[2029]])", "=SUM(Tiltak[@[2026]:[2029]])"],
    ["=IF([@Realisert] = \"\", \"\", 1)", "=IF([@Realisert]=\"\",\"\",1)"],
  ])("%s equals %s", (ours, excel) => {
    expect(sameFormula(ours, excel)).toBe(true);
  });

  test.each([
    ["=SUM(Tiltak[2025])", "=SUM(Tiltak[2026])"],
    ["=Avvik[Nr]", "=Avvik[#Headers]"],
    ['=IF(A1="Ja",1,0)', '=IF(A1="Nei",1,0)'],
    ["=T[@Nr]", "=T[Nr]"],
  ])("%s differs from %s", (a, b) => {
    expect(sameFormula(a, b)).toBe(false);
  });

  test("string literals are never rewritten", () => {
    expect(formulaKey('=INDIRECT("Avvik[Nr]")')).toBe('=INDIRECT("AVVIK[NR]")');
  });

  test("column specifiers are bracketed exactly when Excel needs it", () => {
    expect(columnSpecifier("Nr")).toBe("Nr");
    expect(columnSpecifier("2025")).toBe("2025");
    expect(columnSpecifier("HØP 2026")).toBe("[HØP 2026]");
    expect(columnSpecifier("Meny (sparekrav×2)")).toBe("[Meny (sparekrav×2)]");
    expect(columnSpecifier("A#B")).toBe("[A'#B]");
  });

  test("a table reference is found outside strings only", () => {
    expect(usesTableReference("=[@Nr]")).toBe(true);
    expect(usesTableReference('=INDIRECT("Avvik[Nr]")>0')).toBe(false);
    expect(usesTableReference("=NA()")).toBe(false);
  });
});
