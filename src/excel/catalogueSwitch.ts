// Before a switch: what the new catalogue would do to the add-in's tables in this workbook (read only).
import { activeCatalogueState } from "../domain/activeCatalogue";
import type { Catalogue } from "../domain/catalogue";
import { catalogueClash, type CatalogueClash } from "../domain/catalogueSwitch";
import { readState } from "./read";

/**
 * What switching to `cat` would do to the add-in's tables (two reads, nothing written), or null when there
 * is nothing to explain. Show the message and switch only when the user says yes (activateCatalogue with
 * acceptedOver: clash.from.id).
 */
export async function checkCatalogueSwitch(cat: Catalogue): Promise<CatalogueClash | null> {
  return Excel.run(async (context) => catalogueClash(cat, await readState(context), activeCatalogueState().acceptedOver));
}
