// A1 address arithmetic (pure): the adapter computes every address it writes, so it never needs a
// read round trip to find where a table ends.

export function columnLetters(index: number): string {
  // 0 → A, 25 → Z, 26 → AA
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sheet name as it must appear in an address: quoted when it has anything but letters/digits/_. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface Rect {
  readonly row: number; // 0-based
  readonly col: number; // 0-based
  readonly rows: number;
  readonly cols: number;
}

/** "A1:C3" (no sheet) for a 0-based rectangle. */
export function rectAddress(r: Rect): string {
  const a = `${columnLetters(r.col)}${r.row + 1}`;
  const b = `${columnLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
  return a === b ? a : `${a}:${b}`;
}

/** Parses "Sheet!A1:C3", "'My sheet'!B2" or "A1:C3" into sheet (or null) and a 0-based rectangle. */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  const bang = address.lastIndexOf("!");
  let sheet: string | null = null;
  let ref = address;
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    ref = address.slice(bang + 1);
  }
  const [from, to = from] = ref.replace(/\$/g, "").split(":") as [string, string?];
  const p = (s: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`Ugyldig celleadresse: ${address}`);
    return { col: columnIndex(m[1] as string), row: Number(m[2]) - 1 };
  };
  const a = p(from);
  const b = p(to);
  return {
    sheet,
    rect: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 },
  };
}
