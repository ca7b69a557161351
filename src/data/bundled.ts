// The catalogue shipped with the add-in, validated once at load like any imported catalogue. It is the
// default: the active catalogue (domain/activeCatalogue.ts) is this one unless the workbook has its own.
import { activeCatalogue } from "../domain/activeCatalogue";
import { loadCatalogue, type Catalogue } from "../domain/catalogue";
import raw from "./catalogue.json";

export const bundledCatalogue: Catalogue = loadCatalogue(raw);

/** The catalogue in use now: the workbook's active one, else the built-in. */
export function currentCatalogue(): Catalogue {
  return activeCatalogue() ?? bundledCatalogue;
}
