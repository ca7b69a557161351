import catalogueJson from "../data/catalogue.json";
import { loadCatalogue } from "./catalogue";
import { inputFindings } from "./inputCheck";
import type { ExistingTable } from "./insertPlan";

const cat = loadCatalogue(catalogueJson);
const table = (header: string[], rows: (string | number)[][]): ExistingTable => ({ name: "t", sheet: "s", address: "s!A1:A1", header, body: rows, values: rows, showTotals: false });

test("numbers are fine, blanks are fine; text and unknown measures are findings", () => {
  const followUp = table(["Nr", "År", "Realisert"], [
    ["2.2", 2027, -9.1],
    ["2.2", 2028, ""],
    ["2.2", 2029, "ni"],
    ["9.9", 2027, -1],
    ["9.8", 2027, ""],
  ]);
  const f = inputFindings(cat, { followUp });
  expect(f.map((x) => [x.measure, x.years, x.severity])).toEqual([
    ["2.2", [2029], "warning"],
    ["9.9", [], "warning"],
  ]);
  expect(f[1]!.message).toContain("finnes ikke i katalogen");
});

test("text typed as a tertial figure or forecast is a finding too (it would count as 0 and fall back to plan)", () => {
  const followUp = table(["Nr", "År", "Realisert", "Realisert 30.04", "Realisert 31.08", "Prognose helår"], [
    ["2.2", 2027, -9.1, "snart", -3, ""],
    ["2.2", 2028, "", -1, "?", "ca. -4"],
  ]);
  const f = inputFindings(cat, { followUp });
  expect(f.map((x) => [x.measure, x.years])).toEqual([
    ["2.2", [2027]],
    ["2.2", [2028]],
    ["2.2", [2028]],
  ]);
  expect(f.map((x) => x.message).join(" ")).toMatch(/Realisert 30\.04.*Realisert 31\.08.*Prognose helår/s);
});
