// The catalogue as an .xlsx file, for users without the add-in (the pane's «Last ned som arbeidsbok»
// and `npm run workbook`). The pane loads this module, and ExcelJS with it, only when a file is asked for.
import ExcelJS from "exceljs";
import type { Catalogue } from "../domain/catalogue";
import { renderCatalogue } from "./render";

/** The file's name: the catalogue and its version, so two downloads are told apart. */
export function workbookFileName(cat: Catalogue): string {
  return `tiltaksmeny-${cat.id}-${cat.version}.xlsx`.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** A workbook holding every table the add-in inserts, from the same plan. */
export function catalogueWorkbook(cat: Catalogue): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tiltaksmeny";
  wb.title = cat.data.catalogue.title;
  renderCatalogue(wb, cat);
  return wb;
}

export async function catalogueFile(cat: Catalogue): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await catalogueWorkbook(cat).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
