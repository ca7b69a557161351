import { cellDecimals, decimalsInOrder, inMnokDecimals, rowDecimals } from "./precision";

describe("decimals as printed", () => {
  test("a stored -1 printed as «-1,0» has one decimal; trailing zeros count, whatever the JSON number", () => {
    expect(decimalsInOrder("-1,0 -2,00 -0,3", [-1, -2, -0.3])).toEqual([1, 2, 1]);
    expect(decimalsInOrder("0,3- 26,0- 67,4-", [-0.3, -26, -67.4])).toEqual([1, 1, 1]); // accounting style
    expect(decimalsInOrder("-6,10 -18,00", [-6.1, -18])).toEqual([2, 2]);
  });

  test("equal values in different cells are found in order, each with its own precision", () => {
    expect(decimalsInOrder("-1 -1,0", [-1, -1])).toEqual([0, 1]);
    expect(decimalsInOrder("-0,6 -0,60", [-0.6, -0.6])).toEqual([1, 2]);
  });

  test("thousands grouped with spaces; a number is never found inside a longer one", () => {
    expect(decimalsInOrder("1 060 000 1 680 000", [1060000, 1680000])).toEqual([0, 0]);
    expect(decimalsInOrder("-10,35", [-0.35])).toEqual([2]); // not found in "10,35": the row's precision
    expect(decimalsInOrder("-12,5", [-2.5])).toEqual([1]);
  });

  test("a value not found, or a row without printed text, takes the row's most decimals (not the catalogue's)", () => {
    expect(decimalsInOrder(undefined, [-1, -0.25, null])).toEqual([2, 2, null]);
    expect(decimalsInOrder("- -0,6", [0, -0.6])).toEqual([1, 1]);
  });

  test("per year key of a row, in year order; blank cells get the row's precision", () => {
    const row = { printed: "-1,0 -0,5", values: { "2025": null, "2026": -1, "2027": -0.5 } };
    expect(Object.fromEntries(rowDecimals(row))).toEqual({ "2025": 1, "2026": 1, "2027": 1 });
    expect(cellDecimals({ values: { "2026": -1, "2027": -1 } }, 2026)).toBe(0);
    expect(cellDecimals({ printed: "-1,0 -1", values: { "2026": -1, "2027": -1 } }, 2027)).toBe(0);
  });

  test("precision in 1000 kr or kroner is finer in MNOK", () => {
    expect(inMnokDecimals(0, "TNOK")).toBe(3);
    expect(inMnokDecimals(1, "NOK")).toBe(7);
    expect(inMnokDecimals(2, "MNOK")).toBe(2);
  });
});

describe("zeros", () => {
  test("a bare 0 or a dash beside one-decimal figures is compared at the row's precision, not at 0 decimals", () => {
    expect(decimalsInOrder("0 -2,0 -2,6", [0, -2, -2.6])).toEqual([1, 1, 1]);
    expect(decimalsInOrder("- 6,7- 26,2-", [0, -6.7, -26.2])).toEqual([1, 1, 1]);
    expect(decimalsInOrder("0,00 -1,5", [0, -1.5])).toEqual([2, 1]);
    expect(decimalsInOrder("0,0 0,0", [0, 0])).toEqual([1, 1]);
  });
});
