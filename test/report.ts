// The report text, read from ../shared/report (present in CI and on developers' machines).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export const REPORT_PATH = resolve(__dirname, "../../shared/report/omstilling-elverum-2025.txt");

export function reportLines(): string[] {
  if (!existsSync(REPORT_PATH)) {
    throw new Error(`Rapportteksten mangler: ${REPORT_PATH}. Katalogtestene sjekker dataene mot den.`);
  }
  return readFileSync(REPORT_PATH, "utf8").split("\n");
}

export const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

/** Parses a number as the report prints it: "-0,3", "- 0,30", "2,0-", "1 060 000", "0,07". */
export function parsePrinted(token: string): number | null {
  const t = token.replace(/[\s\u00a0]/g, "");
  const m = /^(-?)(\d+(?:,\d+)?)(-?)$/.exec(t);
  if (!m) return null;
  const n = Number((m[2] as string).replace(",", "."));
  return m[1] || m[3] ? -n : n;
}
