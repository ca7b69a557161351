// Names of the sheets and tables Tiltaksmeny creates (design.md, "Workbook layout").
// Table names are ASCII: Excel table names with Ø/æ/å are unsafe across locales.

export const TABLE_NAMES = {
  measures: "Tiltak",
  lines: "Tiltakslinjer",
  findings: "Avvik",
  followUp: "Oppfolging",
  hop: "HOP",
} as const;

export const SHEET_NAMES = {
  measures: "Tiltak",
  lines: "Detaljer",
  summary: "Oppsummering",
  findings: "Avvik",
  followUp: "Oppfølging",
  hop: "HØP",
} as const;
