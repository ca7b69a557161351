// The catalogue shipped with the add-in, validated once at load like any imported catalogue.
import { loadCatalogue, type Catalogue } from "../domain/catalogue";
import raw from "./catalogue.json";

export const bundledCatalogue: Catalogue = loadCatalogue(raw);
