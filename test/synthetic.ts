// Larger catalogues for scaling checks: the real catalogue repeated with fresh measure numbers.
import type { CatalogueData, Measure } from "../src/domain/types";

export function scaledCatalogue(data: CatalogueData, factor: number): CatalogueData {
  const measures: Measure[] = [];
  for (let k = 0; k < factor; k++) {
    for (const m of data.measures) {
      const [g, n] = m.id.split(".") as [string, string];
      // 2.10 → 2.10, 2.1010, 2.2010 …: unique, still "group.number".
      measures.push({ ...m, id: k === 0 ? m.id : `${g}.${n}${String(k).padStart(3, "0")}` });
    }
  }
  return { ...data, catalogue: { ...data.catalogue, id: `${data.catalogue.id}-x${factor}` }, measures };
}
