import { decimalSubtract, decimalSum, decimalsOf, roundHalfUp, scaleByPowerOfTen } from "./decimal";

describe("roundHalfUp (decimal, half away from zero)", () => {
  test.each([
    [-0.25, 1, -0.3],
    [-0.15, 1, -0.2],
    [0.15, 1, 0.2],
    [0.05, 1, 0.1],
    [-0.05, 1, -0.1],
    [1.005, 2, 1.01],
    [-1.06, 1, -1.1],
    [-1.04, 1, -1],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [-0.04, 1, 0],
    [0, 1, 0],
  ])("roundHalfUp(%p, %p) = %p", (x, d, expected) => {
    expect(roundHalfUp(x, d)).toBe(expected);
  });

  test("differs from binary-float rounding exactly where the report needs it", () => {
    // toFixed works on the binary value: 1.005 is 1.00499999999999989… and becomes "1.00".
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    // Math.round rounds -0.5 towards +infinity.
    expect(Math.round(-2.5)).toBe(-2);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
  });

  test("never returns negative zero", () => {
    expect(Object.is(roundHalfUp(-0.01, 1), 0)).toBe(true);
  });

  test("rejects precisions it cannot represent", () => {
    expect(() => roundHalfUp(1, 10)).toThrow(RangeError);
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError);
  });
});

describe("decimal sums", () => {
  test("sums like on paper, not like binary floats", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(decimalSum([0.1, 0.2])).toBe(0.3);
    expect(decimalSum([-0.3, -0.6, -0.6, -0.6, -0.6])).toBe(-2.7);
    expect(decimalSum([])).toBe(0);
    expect(decimalSubtract(-9.3, -9.1)).toBe(-0.2);
  });

  test("scales by powers of ten exactly (NOK → MNOK)", () => {
    expect(scaleByPowerOfTen(1060000, -6)).toBe(1.06);
    expect(scaleByPowerOfTen(-3750000, -6)).toBe(-3.75);
    expect(scaleByPowerOfTen(70, -3)).toBe(0.07);
    expect(scaleByPowerOfTen(0, -6)).toBe(0);
  });

  test("decimalsOf reads the printed precision", () => {
    expect(decimalsOf(-0.3)).toBe(1);
    expect(decimalsOf(-1.06)).toBe(2);
    expect(decimalsOf(-2)).toBe(0);
    expect(decimalsOf(1.123)).toBe(3);
    expect(decimalsOf(1e-7)).toBe(7);
  });
});
