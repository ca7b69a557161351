// Decimal-correct arithmetic for report values. Values are held as integers of 1e-9 MNOK
// ("nanos"), so sums and half-up rounding behave as on paper (-0.25 → -0.3), not as binary floats.

const SCALE_DIGITS = 9;
const SCALE = 10 ** SCALE_DIGITS;

/** Converts a decimal number (at most 9 decimals) to integer nanos. */
export function toNanos(x: number): number {
  return Math.round(x * SCALE);
}

export function fromNanos(n: number): number {
  // Dividing an exact integer by 1e9 gives the double nearest to the decimal value.
  return n / SCALE;
}

/** Exact decimal sum of values (each at most 9 decimals). */
export function decimalSum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += toNanos(v);
  return fromNanos(total);
}

export function decimalSubtract(a: number, b: number): number {
  return fromNanos(toNanos(a) - toNanos(b));
}

/** Multiplies by a power of ten exactly (unit conversion NOK → MNOK is scale(x, -6)). */
export function scaleByPowerOfTen(x: number, exponent: number): number {
  // Going through the decimal string avoids 0.1 * 3-style float artefacts.
  const [mantissa, exp = "0"] = x.toExponential().split("e");
  return Number(`${mantissa}e${Number(exp) + exponent}`);
}

/**
 * Rounds half away from zero at `decimals` places, decimally: -0.25 → -0.3, -0.15 → -0.2, 0.05 → 0.1.
 * (Math.round rounds -0.5 towards +∞ and toFixed works on the binary value, both give false alarms.)
 */
export function roundHalfUp(x: number, decimals: number): number {
  if (decimals < 0 || decimals > SCALE_DIGITS) throw new RangeError(`decimals must be 0..${SCALE_DIGITS}`);
  const n = toNanos(x);
  const step = 10 ** (SCALE_DIGITS - decimals);
  const q = Math.floor((Math.abs(n) + step / 2) / step);
  const r = Math.sign(n) * q * step;
  return r === 0 ? 0 : fromNanos(r);
}

/** Number of decimals a value is printed with, from its shortest decimal representation. */
export function decimalsOf(x: number): number {
  const s = Math.abs(x).toString();
  if (s.includes("e")) {
    const [m = "", e = "0"] = s.split("e");
    const frac = m.split(".")[1]?.length ?? 0;
    return Math.max(0, frac - Number(e));
  }
  return s.split(".")[1]?.length ?? 0;
}
