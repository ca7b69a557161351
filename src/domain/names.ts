// Excel's rules for defined names and table names ("Names in formulas", support.microsoft.com:
// https://support.microsoft.com/office/names-in-formulas-fc2935f9-115d-4bef-a370-3aa8bb4c91f1):
// first character a letter, underscore or backslash; then letters, digits, periods, underscores;
// at most 255 characters; never "C"/"R" nor anything that is a cell reference (A1 or R1C1).

import { columnIndex } from "./a1";

const MAX_COLUMN = 16384; // XFD
const MAX_ROW = 1048576;

/** True when Excel would read the name as a cell reference: A1…XFD1048576, or an R1C1 form (R, C, R2, C3, RC, R1C1). */
export function looksLikeCellReference(name: string): boolean {
  const n = name.toUpperCase();
  const a1 = /^([A-Z]{1,3})(\d{1,7})$/.exec(n);
  if (a1) {
    const row = Number(a1[2]);
    if (columnIndex(a1[1] as string) < MAX_COLUMN && row >= 1 && row <= MAX_ROW) return true;
  }
  return /^(R\d*C?\d*|C\d*)$/.test(n);
}

/** Why Excel would refuse `name` as a table or defined name, or null when it is acceptable. */
export function excelNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return "lengde";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return "tegn";
  if (looksLikeCellReference(name)) return "cellereferanse";
  return null;
}
