import { readFileSync } from "node:fs";
import { join } from "node:path";
import catalogueJson from "../data/catalogue.json";
import { loadCatalogue } from "./catalogue";
import { summariseChoice, type ChoiceRow } from "./choice";
import { parseHopImport } from "./hopImport";

const cat = loadCatalogue(catalogueJson);
const rowsWith = (chosen: string[]): ChoiceRow[] =>
  cat.measures.map((m) => ({ id: m.id, group: m.group, chosen: chosen.includes(m.id), values: { "2029": m.id === "2.2" ? -9.3 : m.id === "1.2" ? -8.5 : m.id === "4.3" ? -4.4 : null } }));

describe("summariseChoice", () => {
  test("sums the chosen measures' 2029 values per group against each group's target", () => {
    const s = summariseChoice(cat, rowsWith(["2.2", "1.2", "4.3"]));
    expect(s.year).toBe(2029);
    const g1 = s.lines.find((l) => l.group === 1)!;
    expect(g1).toMatchObject({ target: -13.5, chosen: -8.5, count: 1 });
    expect(g1.gap).toBe(5); // -8.5 − (-13.5): 5 MNOK still missing
    // -9.3 - 8.5 - 4.4 = -22.2; against -40: 17.8 missing.
    expect(s.overall).toMatchObject({ target: -40, chosen: -22.2, gap: 17.8, count: 3 });
  });

  test("nothing chosen: everything missing", () => {
    expect(summariseChoice(cat, rowsWith([])).overall).toMatchObject({ chosen: 0, gap: 40, count: 0 });
  });

  test("the overall line is named after the catalogue's municipality, not always Elverum", () => {
    expect(summariseChoice(cat, rowsWith([])).overall.name).toBe("Elverum kommune");
    const eksempel = loadCatalogue(readFileSync(join(__dirname, "../../test/fixtures/eksempel-kommune.json"), "utf8"));
    // Targets printed in 1000 kr (-6000) are compared with the Tiltak table's MNOK: -6.
    const s = summariseChoice(eksempel, [{ id: "HV-2", group: 20, chosen: true, values: { "2030": -2 } }]);
    expect(s.year).toBe(2030);
    expect(s.overall).toMatchObject({ name: "Eksempel kommune", target: -6, chosen: -2, gap: 4, count: 1 });
    expect(s.lines.map((l) => [l.group, l.name, l.target])).toEqual([
      [10, "Oppvekst", -2],
      [20, "Helse og velferd", -2.5],
      [30, "Samfunn og drift", -1.5],
    ]);
  });
});

describe("parseHopImport", () => {
  test("reads a header row of years and measure numbers as text or numbers", () => {
    const r = parseHopImport(cat, [
      ["Nr", 2026, 2027, 2028, 2029],
      ["2.10", 0, 0, -0.5, -0.5],
      [1.2, -2.5, -7.1, -8.5, -8.5],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { id: "2.10", row: 2, values: { "2026": 0, "2027": 0, "2028": -0.5, "2029": -0.5 } },
      { id: "1.2", row: 3, values: { "2026": -2.5, "2027": -7.1, "2028": -8.5, "2029": -8.5 } },
    ]);
  });

  test("blanks are not zeros", () => {
    const r = parseHopImport(cat, [["Nr", 2026, 2027, 2028, 2029], ["3.1", -3.1, "", -5.2, null]]);
    expect(r.years).toEqual([2026, 2027, 2028, 2029]);
    expect(r.rows[0]!.values).toEqual({ "2026": -3.1, "2028": -5.2 });
  });

  test("reports unknown measures, text where a number belongs, dates and duplicates — and imports none of them", () => {
    const r = parseHopImport(cat, [
      ["Nr", 2026, 2027, 2028, 2029],
      ["9.9", -1, -1, -1, -1],
      ["2.1", "ca. 2", -2.1, -2.1, -2.1],
      [46297, -1, -1, -1, -1],
      ["4.3", -4.2, -4.4, -4.4, -4.4],
      ["4.3", -4.2, -4.4, -4.4, -4.5],
      ["", "", "", "", ""],
      ["1.1", -0.3, -0.6, -0.6, -0.6],
    ]);
    expect(r.rows.map((x) => x.id)).toEqual(["1.1"]);
    expect(r.problems).toEqual([
      "Rad 2: tiltak 9.9 finnes ikke i katalogen.",
      "Rad 3, 2026: «ca. 2» er ikke et tall. Raden er ikke importert.",
      "Rad 4: «46297» er ikke et tiltaksnummer (skriv f.eks. '2.10 som tekst). Tallet ser ut som en dato: Excel gjør om f.eks. 2.10 til en dato.",
      "Tiltak 4.3 står flere ganger (rad 5, 6); ingen av radene er importert.",
    ]);
  });

  test("a selection too small to hold numbers and years says how to select", () => {
    expect(parseHopImport(cat, [["2.1"]]).problems[0]).toMatch(/^Merk et område/);
  });
});
