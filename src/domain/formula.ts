// Formula text as Excel may return it: Excel shows structured references in a canonical form
// ("Avvik[[Nr]]" reads back as "Avvik[Nr]", "[[#This Row],[X]]" as "[@X]"; see "Using structured
// references with Excel tables", support.microsoft.com). Comparing in one normal form — every column
// specifier bracketed, whitespace and case ignored — makes our own formulas equal to their read-back
// whichever characters Excel decides need brackets.

// Characters that make Excel bracket a column specifier ("Using structured references with Excel tables").
const SPECIAL = /[\s,:.[\]#'"{}$^&*+=\-<>/()%!@~;?`|\\]/;

/** A column specifier as Excel shows it: "Nr" plain, "[HØP 2026]" bracketed, with ' escaping [ ] # '. */
export function columnSpecifier(name: string): string {
  const escaped = name.replace(/(['#[\]])/g, "'$1");
  return SPECIAL.test(name) ? `[${escaped}]` : escaped;
}

/** Index of the "]" that closes the bracket group opened at `open` (' escapes the next character). */
function bracketEnd(f: string, open: number): number {
  let depth = 0;
  for (let i = open; i < f.length; i++) {
    const ch = f[i];
    if (ch === "'") {
      i++; // escape: the next character is literal
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i;
  }
  return f.length - 1;
}

/** One structured-reference group, every column specifier bracketed and "#This Row" written "@". */
function normaliseGroup(group: string): string {
  const inner = group.slice(1, -1);
  if (!inner.includes("[")) {
    if (inner.startsWith("#")) return `[[${inner}]]`;
    if (inner.startsWith("@")) return inner.length > 1 ? `[@[${inner.slice(1)}]]` : "[@]";
    return `[[${inner}]]`;
  }
  const thisRow = /^\[#this row\],?/i;
  if (thisRow.test(inner)) return `[@${inner.replace(thisRow, "")}]`;
  return group;
}

/** The comparison form of a formula: structured references fully bracketed, no whitespace, upper case. */
export function formulaKey(formula: string): string {
  let out = "";
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i] as string;
    if (ch === '"') {
      const close = formula.indexOf('"', i + 1);
      const end = close < 0 ? formula.length - 1 : close;
      out += formula.slice(i, end + 1);
      i = end;
      continue;
    }
    if (ch === "[") {
      const end = bracketEnd(formula, i);
      out += normaliseGroup(formula.slice(i, end + 1));
      i = end;
      continue;
    }
    if (!/\s/.test(ch)) out += ch;
  }
  return out.toUpperCase();
}

/** True when two formulas are the same to Excel (as written by us, and as Excel reads them back). */
export function sameFormula(a: string, b: string): boolean {
  return formulaKey(a) === formulaKey(b);
}

/** True when a formula refers to a table (a "[" outside string literals): it must be written inside or after that table. */
export function usesTableReference(formula: string): boolean {
  return formula.replace(/"[^"]*"/g, "").includes("[");
}
