// The workbook setting's name alone: the custom functions' start-up asks whether the setting exists before it
// loads the parser and validator (storedCatalogue.ts), which most workbooks never need.

/** The workbook setting that holds the active catalogue (absent: the built-in one). */
export const CATALOGUE_SETTING = "tiltaksmeny.katalog";
