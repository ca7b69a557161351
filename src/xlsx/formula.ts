// Formulas as an .xlsx file stores them. Excel's formula bar (and Office.js) shows "[@Nr]" for "this
// row's Nr"; the file format has no "@" and no table-less references: a cell inside table T stores
// "T[[#This Row],[Nr]]" ("Using structured references with Excel tables", support.microsoft.com: the
// "@" form is Excel 2010's display of "#This Row"; ECMA-376 Part 1, 18.17 formula grammar keeps the
// long form). The file also stores formulas without their leading "=".
// Pure text rewriting: string literals and quoted sheet names are copied untouched.

/** Index of the "]" closing the "[" at `open` (' escapes the next character inside a column name). */
function closing(f: string, open: number): number {
  let depth = 0;
  for (let i = open; i < f.length; i++) {
    const ch = f[i];
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i;
  }
  throw new Error(`Formelen har en [ uten ]: ${f}`);
}

/** "[@Nr]", "[@[HØP 2026]]", "[@[2026]:[2029]]", "[@]" → the bracket part in file form. */
function fileGroup(group: string): string {
  const inner = group.slice(1, -1);
  if (!inner.startsWith("@")) return group;
  const rest = inner.slice(1);
  if (rest === "") return "[[#This Row]]";
  // "[@Nr]": a bare column name; "[@[A]]" or "[@[A]:[B]]": already bracketed specifiers.
  return rest.startsWith("[") ? `[[#This Row],${rest}]` : `[[#This Row],[${rest}]]`;
}

const NAME_TAIL = /[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

/**
 * The formula as the file stores it: no leading "=", every "@" this-row reference spelled
 * "[#This Row]", and every structured reference qualified with its table (`ownTable` for the
 * table-less ones, i.e. the table the cell stands in; null when the cell is outside any table).
 */
export function toFileFormula(formula: string, ownTable: string | null): string {
  const f = formula.startsWith("=") ? formula.slice(1) : formula;
  let out = "";
  for (let i = 0; i < f.length; i++) {
    const ch = f[i] as string;
    if (ch === '"' || ch === "'") {
      // A string literal, or a quoted sheet name; a doubled quote inside is an escaped one.
      let j = i + 1;
      while (j < f.length && !(f[j] === ch && f[j + 1] !== ch)) j += f[j] === ch ? 2 : 1;
      out += f.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch !== "[") {
      out += ch;
      continue;
    }
    const end = closing(f, i);
    const group = f.slice(i, end + 1);
    const qualified = NAME_TAIL.test(out);
    if (!qualified) {
      if (ownTable === null) throw new Error(`Strukturert referanse utenfor en tabell: ${formula}`);
      out += ownTable;
    }
    out += fileGroup(group);
    i = end;
  }
  return out;
}
