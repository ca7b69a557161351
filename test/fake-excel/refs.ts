// Structured references as Excel reads them in formulas ("Using structured references with Excel
// tables": https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e).
// The fake host parses every formula it is given, refuses references Excel would refuse, and shows
// formulas back in Excel's canonical form. Written apart from src/domain/formula.ts on purpose: the
// adapter's comparison is tested against this independent reading.

export interface StructuredRef {
  /** Table name before the brackets, or null for a bare reference ("[@Nr]") to the formula's own table. */
  readonly table: string | null;
  /** Index of the table name (or the "[") in the formula, and the index after the closing "]". */
  readonly start: number;
  readonly end: number;
  readonly thisRow: boolean;
  readonly columns: readonly string[];
  readonly specials: readonly string[];
  /** How Excel shows the bracket part. */
  readonly display: string;
}

// The support page's list of characters that need brackets in a column specifier ("The only exception
// to this is if the only special character that is used is a space", as in DeptSales[Total Amount]).
const NEEDS_BRACKETS = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/]/;

function unescape(s: string): string {
  return s.replace(/'(.)/g, "$1");
}

function closing(f: string, open: number): number {
  let depth = 0;
  for (let i = open; i < f.length; i++) {
    if (f[i] === "'") i++;
    else if (f[i] === "[") depth++;
    else if (f[i] === "]" && --depth === 0) return i;
  }
  throw new Error(`unbalanced brackets in ${f}`);
}

function parseGroup(group: string): { thisRow: boolean; columns: string[]; specials: string[]; display: string } {
  const inner = group.slice(1, -1);
  const columns: string[] = [];
  const specials: string[] = [];
  let thisRow = false;
  const add = (item: string) => {
    if (/^#this row$/i.test(item)) thisRow = true;
    else if (item.startsWith("#")) specials.push(item.toLowerCase());
    else columns.push(unescape(item));
  };
  if (!inner.includes("[")) {
    if (inner.startsWith("@")) {
      thisRow = true;
      if (inner.length > 1) add(inner.slice(1));
    } else add(inner);
  } else {
    let rest = inner;
    if (rest.startsWith("@")) {
      thisRow = true;
      rest = rest.slice(1);
    }
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] !== "[") continue;
      const end = closing(rest, i);
      add(rest.slice(i + 1, end));
      i = end;
    }
  }
  const single = columns.length === 1 && specials.length === 0 && !/:/.test(inner.replace(/\[[^\]]*\]/g, ""));
  const col = columns[0] ?? "";
  const escaped = col.replace(/(['#[\]])/g, "'$1");
  let display = group;
  // "[@[Total Amount]]" keeps its brackets; a plain column reference may drop them for spaces.
  if (single && thisRow) display = NEEDS_BRACKETS.test(col) || col.includes(" ") ? `[@[${escaped}]]` : `[@${escaped}]`;
  else if (single && !thisRow) display = NEEDS_BRACKETS.test(col) ? `[[${escaped}]]` : `[${escaped}]`;
  return { thisRow, columns, specials, display };
}

const cache = new Map<string, readonly StructuredRef[]>();

/** Every structured reference in a formula (string literals skipped). */
export function structuredRefs(formula: string): readonly StructuredRef[] {
  const hit = cache.get(formula);
  if (hit) return hit;
  const refs: StructuredRef[] = [];
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      const close = formula.indexOf('"', i + 1);
      i = close < 0 ? formula.length : close;
      continue;
    }
    if (ch !== "[") continue;
    const end = closing(formula, i);
    const name = /[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.exec(formula.slice(0, i));
    const g = parseGroup(formula.slice(i, end + 1));
    refs.push({ table: name ? name[0] : null, start: name ? i - name[0].length : i, end: end + 1, ...g });
    i = end;
  }
  cache.set(formula, refs);
  return refs;
}

/** The formula as Excel returns it from `formulas`: structured references in canonical form. */
export function canonical(formula: string): string {
  const refs = structuredRefs(formula);
  if (refs.length === 0) return formula;
  let out = "";
  let at = 0;
  for (const r of refs) {
    const bracket = r.table ? r.start + r.table.length : r.start;
    out += formula.slice(at, bracket) + r.display;
    at = r.end;
  }
  return out + formula.slice(at);
}

/** The formula with every reference to table `from` renamed to `to` (Excel rewrites them on rename). */
export function renameTableIn(formula: string, from: string, to: string): string {
  let out = "";
  let at = 0;
  for (const r of structuredRefs(formula)) {
    if (r.table?.toLowerCase() !== from.toLowerCase()) continue;
    out += formula.slice(at, r.start) + to;
    at = r.start + r.table.length;
  }
  return out + formula.slice(at);
}

/** True when a formula has a structured reference outside string literals. */
export function hasStructuredRef(formula: string): boolean {
  return structuredRefs(formula).length > 0;
}
