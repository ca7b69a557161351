/* eslint-disable @typescript-eslint/no-explicit-any -- these tests corrupt untyped JSON on purpose */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue } from "./catalogue";
import { CatalogueError, validateCatalogue } from "./validate";

const RAW = readFileSync(join(__dirname, "../data/catalogue.json"), "utf8");
const fresh = () => JSON.parse(RAW);

function problemsOf(mutate: (d: any) => void): readonly string[] {
  const d = fresh();
  mutate(d);
  try {
    validateCatalogue(d);
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogueError);
    return (e as CatalogueError).problems;
  }
  throw new Error("expected the catalogue to be rejected");
}

describe("validateCatalogue", () => {
  test("accepts the bundled catalogue", () => {
    expect(() => validateCatalogue(fresh())).not.toThrow();
  });

  test("names the exact path of a bad summary cell", () => {
    const problems = problemsOf((d) => (d.measures[12].summary.values["2027"] = "x"));
    expect(problems).toContain(
      'measures[12].summary.values.2027: forventet tall, null, { "unreadable": "…" } eller { "printed", "value", "note" }, fikk "x"',
    );
  });

  test.each([
    ["a missing measure id", (d: any) => delete d.measures[0].id, "measures[0].id: forventet tekst som ikke er tom, fikk ingenting"],
    ["a measure number that is not group.number", (d: any) => (d.measures[1].id = "2,1"), 'measures[1].id: forventet et tiltaksnummer som "2.10", fikk "2,1"'],
    ["a duplicate measure", (d: any) => (d.measures[1].id = d.measures[0].id), "measures[1].id: forventet et unikt tiltaksnummer"],
    ["an unknown group", (d: any) => (d.measures[0].group = 9), "measures[0].group: forventet en arbeidsgruppe som finnes i groups, fikk 9"],
    ["an unknown HØP status", (d: any) => (d.measures[0].hop.status = "yes"), "measures[0].hop.status: forventet en av"],
    ["an unknown category", (d: any) => (d.measures[0].category = "Annet"), "measures[0].category: forventet en av"],
    ["a detail unit that does not exist", (d: any) => (d.measures[0].detail.unit = "EUR"), "measures[0].detail.unit: forventet en av"],
    ["a year key that is not a year", (d: any) => (d.measures[0].summary.values["neste år"] = 1), "measures[0].summary.values.neste år: forventet et årstall som nøkkel"],
    ["infinite numbers", (d: any) => (d.totals.byGroup["1"].values["2026"] = Number.POSITIVE_INFINITY), "totals.byGroup.1.values.2026"],
    ["a summary measure without a summary row", (d: any) => (d.measures[0].summary = null), "measures[0].summary: forventet en rad når inSummary er true"],
    ["a missing target", (d: any) => delete d.targets.overall.sparekrav, "targets.overall.sparekrav: forventet et tall, fikk ingenting"],
    ["a wrong schema version", (d: any) => (d.schemaVersion = 2), "schemaVersion: forventet 1, fikk 2"],
    ["years with a gap", (d: any) => (d.catalogue.years = [2025, 2027]), "catalogue.years: forventet sammenhengende årstall"],
  ])("rejects %s", (_what, mutate, expected) => {
    const problems = problemsOf(mutate);
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
  });

  test("reports every problem, not just the first, and says how many in the message", () => {
    const d = fresh();
    d.measures[0].title = "";
    d.measures[1].source = 7;
    try {
      validateCatalogue(d);
      throw new Error("not rejected");
    } catch (e) {
      const err = e as CatalogueError;
      expect(err.problems).toHaveLength(2);
      expect(err.message).toMatch(/^Ugyldig tiltakskatalog: measures\[0\]\.title: .*\(og 1 feil til\)$/);
    }
  });

  test("rejects things that are not a catalogue at all", () => {
    expect(() => validateCatalogue(null)).toThrow("$: forventet et objekt, fikk null");
    expect(() => validateCatalogue([])).toThrow("$: forventet et objekt, fikk en liste");
  });
});

describe("loadCatalogue", () => {
  test("reports broken JSON text as a user-readable error", () => {
    expect(() => loadCatalogue("{ not json")).toThrow(/^Ugyldig tiltakskatalog: \$: ikke gyldig JSON/);
  });

  test("accepts JSON text and parsed data alike", () => {
    expect(loadCatalogue(RAW).measures).toHaveLength(loadCatalogue(fresh()).measures.length);
  });

  test("is not affected by later changes to the caller's object", () => {
    const d = fresh();
    const cat = loadCatalogue(d);
    d.measures[0].title = "endret";
    expect(cat.measures[0]?.title).not.toBe("endret");
  });
});
