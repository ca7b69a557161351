/* eslint-disable @typescript-eslint/no-explicit-any -- these tests corrupt untyped JSON on purpose */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { schemaText, SCHEMA_FILE } from "../../scripts/catalogue-schema";
import { loadCatalogue } from "./catalogue";
import { reconcile } from "./reconcile";
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
    ["a measure number with a comma (Excel reads \"2,1\" as a number)", (d: any) => (d.measures[1].id = "2,1"), 'measures[1].id: forventet et tiltaksnummer på 1–30 tegn: bokstaver, sifre og . - _ / (f.eks. "2.10" eller "BHG-3"), fikk "2,1"'],
    ["a measure number that could be a formula", (d: any) => (d.measures[1].id = "=1+1"), "measures[1].id: forventet et tiltaksnummer"],
    ["a duplicate measure", (d: any) => (d.measures[1].id = d.measures[0].id), "measures[1].id: forventet et unikt tiltaksnummer"],
    ["an unknown group", (d: any) => (d.measures[0].group = 9), "measures[0].group: forventet en arbeidsgruppe som finnes i groups, fikk 9"],
    ["an unknown HØP status", (d: any) => (d.measures[0].hop.status = "yes"), "measures[0].hop.status: forventet en av"],
    ["an unknown category", (d: any) => (d.measures[0].category = "Annet"), "measures[0].category: forventet en av"],
    ["a detail unit that does not exist", (d: any) => (d.measures[0].detail.unit = "EUR"), "measures[0].detail.unit: forventet en av"],
    ["a year key that is not a year", (d: any) => (d.measures[0].summary.values["neste år"] = 1), "measures[0].summary.values.neste år: forventet et årstall som nøkkel"],
    ["infinite numbers", (d: any) => (d.totals.byGroup["1"].values["2026"] = Number.POSITIVE_INFINITY), "totals.byGroup.1.values.2026"],
    ["a summary measure without a summary row", (d: any) => (d.measures[0].summary = null), "measures[0].summary: forventet en rad når inSummary er true"],
    ["a missing target", (d: any) => delete d.targets.overall.sparekrav, "targets.overall.sparekrav: forventet et tall fra -100 000 til 100 000 med høyst 3 desimaler, fikk ingenting"],
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

describe("semantic garbage of the right type is refused with a path", () => {
  test.each([
    ["a reversed plan period", (d: any) => (d.catalogue.planPeriod = [2029, 2026]), "catalogue.planPeriod: forventet [fra_år, til_år] innenfor catalogue.years (2025–2030), fra_år ≤ til_år, fikk [2029, 2026]"],
    ["a plan period outside the years (used to hang insert and import)", (d: any) => (d.catalogue.planPeriod = [2026, 3000000]), "catalogue.planPeriod[1]: forventet et årstall"],
    ["a plan period inside the year range but not the catalogue's years", (d: any) => (d.catalogue.planPeriod = [2026, 2031]), "catalogue.planPeriod: forventet [fra_år, til_år] innenfor catalogue.years"],
    ["2 000 years", (d: any) => (d.catalogue.years = Array.from({ length: 2000 }, (_, i) => 1000 + i)), "catalogue.years[0]: forventet et årstall (heltall fra 1900 til 2099), fikk 1000"],
    ["more years than a plan needs", (d: any) => (d.catalogue.years = Array.from({ length: 21 }, (_, i) => 2025 + i)), "catalogue.years: forventet høyst 20 årstall"],
    ["a summary row without a key for a year (read as 0 before)", (d: any) => delete d.measures[3].summary.values["2027"], "measures[3].summary.values.2027: forventet en celle for hvert år i catalogue.years (null når cellen er blank), fikk ingenting"],
    ["a totals row without a key for a year", (d: any) => delete d.totals.overall.measureTable.values["2030"], "totals.overall.measureTable.values.2030: forventet en celle for hvert år"],
    ["a year outside the catalogue", (d: any) => (d.measures[3].summary.values["2031"] = -1), "measures[3].summary.values.2031: forventet bare år i catalogue.years (2025–2030), fikk 2031"],
    ["a group-table year outside the catalogue", (d: any) => (d.measures.find((m: any) => m.groupTable).groupTable.values["2024"] = -1), ".groupTable.values.2024: forventet bare år i catalogue.years"],
    ["1e308 (NaN and Infinity downstream)", (d: any) => (d.measures[3].summary.values["2027"] = 1e308), "measures[3].summary.values.2027: forventet et tall fra -100 000 til 100 000 med høyst 3 desimaler, fikk 1e+308"],
    ["1e-12 (made reconcile throw)", (d: any) => (d.measures[3].summary.values["2027"] = 1e-12), "measures[3].summary.values.2027: forventet et tall fra -100 000 til 100 000 med høyst 3 desimaler, fikk 1e-12"],
    ["float noise (0.1 + 0.2)", (d: any) => (d.measures[3].summary.values["2027"] = 0.1 + 0.2), "measures[3].summary.values.2027: forventet et tall fra -100 000 til 100 000 med høyst 3 desimaler"],
    ["an MNOK amount beyond 100 000 MNOK", (d: any) => (d.totals.byGroup["1"].values["2026"] = -200000), "totals.byGroup.1.values.2026: forventet et tall fra -100 000 til 100 000"],
    ["a NOK amount beyond 100 mrd. kr", (d: any) => (d.measures[2].detail.net.values["2027"] = -1e12), "measures[2].detail.net.values.2027: forventet et tall fra -100 000 000 000 til 100 000 000 000"],
    ["an interpreted cell with a wild value", (d: any) => (d.measures[3].summary.values["2027"] = { printed: "-", value: 1e9, note: "n" }), "measures[3].summary.values.2027.value: forventet et tall fra -100 000 til 100 000"],
    ["a cell that is both unreadable and interpreted", (d: any) => (d.measures[3].summary.values["2027"] = { unreadable: "x", printed: "-", value: 1, note: "n" }), "measures[3].summary.values.2027.value: forventet ingenting her"],
    ["a target of any size", (d: any) => (d.targets.overall.sparekrav = -1e300), "targets.overall.sparekrav: forventet et tall fra -100 000 til 100 000"],
    ["a title longer than any title (an Excel cell holds 32 767)", (d: any) => (d.measures[3].title = "x".repeat(40000)), "measures[3].title: forventet tekst som ikke er tom på høyst 500 tegn"],
    ["a note longer than an Excel cell", (d: any) => (d.measures[3].notes = ["x".repeat(32768)]), "measures[3].notes[0]: forventet tekst på høyst 32 767 tegn"],
    ["detail years outside the catalogue's years", (d: any) => (d.measures[0].detail.years = [2026, 2027, 2028, 2029, 2030, 2031]), "measures[0].detail.years[5]: forventet et år i catalogue.years (2025–2030), fikk 2031"],
    ["detail years out of order", (d: any) => (d.measures[0].detail.years = [2027, 2026, 2028, 2029, 2030]), "measures[0].detail.years[1]: forventet årstall i stigende rekkefølge"],
    ["a detail row without a key for one of its years", (d: any) => delete d.measures[0].detail.net.values["2028"], "measures[0].detail.net.values.2028: forventet en celle for hvert år i detail.years"],
    ["a detail figure in a year the table has no column for", (d: any) => (d.measures[0].detail.net.values["2025"] = -0.3), "measures[0].detail.net.values.2025: forventet null: tabellen har ingen kolonne for 2025 (detail.years er 2026–2030), fikk -0.3"],
    ["a category the catalogue does not declare", (d: any) => (d.measures[3].category = "Annet"), 'measures[3].category: forventet en av catalogue.categories ("Høyere produktivitet", "Bedre strategi", "Lavere volum", "Økte inntekter") eller null, fikk "Annet"'],
    ["a category declared twice", (d: any) => (d.catalogue.categories = ["A", "B", "A"]), 'catalogue.categories[2]: forventet en kategori som ikke står i listen fra før, fikk "A"'],
    ["an MNOK catalogue with an amount only a TNOK catalogue may have", (d: any) => (d.measures[3].summary.values["2027"] = -150000), "measures[3].summary.values.2027: forventet et tall fra -100 000 til 100 000"],
    ["an old and a new name for the printed total that disagree", (d: any) => (d.targets.overall.printedTotal = -88), "targets.overall.printedTotal2029: forventet det samme tallet som printedTotal (-88), eller ingenting, fikk -88.1"],
    ["group totals for a group that does not exist", (d: any) => (d.totals.byGroup["9"] = d.totals.byGroup["1"]), "totals.byGroup.9: forventet en arbeidsgruppe som finnes i groups, fikk 9"],
    ["a target for a group that does not exist", (d: any) => (d.targets.byGroup["7"] = d.targets.byGroup["1"]), "targets.byGroup.7: forventet en arbeidsgruppe som finnes i groups"],
    ["a category total for a category that does not exist", (d: any) => (d.totals.byCategory["Annet"] = d.totals.byCategory["Lavere volum"]), "totals.byCategory.Annet: forventet en av"],
    ["a report line that cannot be a line", (d: any) => (d.measures[0].summary.line = 0), "measures[0].summary.line: forventet et linjenummer i rapporten (heltall fra 1 til 10 000 000), fikk 0"],
    ["a HØP basis without a quote", (d: any) => (d.measures[0].hop.basis = [{ line: 2830, quote: " " }]), "measures[0].hop.basis[0].quote: forventet tekst som ikke er tom"],
  ])("%s", (_what, mutate, expected) => {
    const problems = problemsOf(mutate);
    expect([expected, problems.some((p) => p.includes(expected))]).toEqual([expected, true]);
  });

  test("the HØP basis is optional, and a list of { line, quote } when given", () => {
    const d = fresh();
    d.measures[0].hop.basis = [{ line: 2830, quote: "verken beskrevet eller nevnt" }];
    expect(loadCatalogue(d).measures[0]?.hop.basis).toEqual([{ line: 2830, quote: "verken beskrevet eller nevnt" }]);
    delete d.measures[0].hop.basis;
    expect(loadCatalogue(d).measures[0]?.hop.basis).toBeUndefined();
    expect(problemsOf((x) => (x.measures[0].hop.basis = { line: 2830, quote: "nevnt" }))).toEqual(["measures[0].hop.basis: forventet en liste, fikk et objekt"]);
  });

  test("the bounds are where the domain still computes: the largest amounts load and reconcile to finite numbers, one step more is refused", () => {
    const d = fresh();
    d.measures[3].summary.values["2027"] = -99999.999;
    d.measures[2].detail.net.values["2027"] = -99999999999.999;
    const findings = reconcile(loadCatalogue(d));
    for (const f of findings) for (const x of [f.expected, f.actual]) if (x !== null) expect(Number.isFinite(x)).toBe(true);
    expect(problemsOf((x) => (x.measures[3].summary.values["2027"] = -100000.001))).toHaveLength(1);
    expect(problemsOf((x) => (x.measures[3].summary.values["2027"] = -0.0001))).toHaveLength(1);
  });
});

describe("loadCatalogue reads what was given, and fails only with CatalogueError", () => {
  const failure = (input: unknown): CatalogueError => {
    try {
      loadCatalogue(input);
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogueError);
      return e as CatalogueError;
    }
    throw new Error("expected the catalogue to be rejected");
  };

  test("NaN and Infinity are refused where they stand (a JSON round trip made them null = blank); -0 reads as 0", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const d = fresh();
      d.measures[3].summary.values["2027"] = bad;
      expect(failure(d).problems).toEqual([expect.stringMatching(/^measures\[3\]\.summary\.values\.2027: forventet .*, fikk (NaN|Infinity|-Infinity)$/)]);
    }
    const d = fresh();
    d.measures[3].summary.values["2027"] = -0;
    expect(Object.is(loadCatalogue(d).measures[3]?.summary?.values["2027"], 0)).toBe(true);
  });

  test("deep nesting, in text or in objects, and cycles are a CatalogueError, not a RangeError", () => {
    const deepText = RAW.replace('"notes": [', `"notes": [${"[".repeat(100000)}${"]".repeat(100000)}, `);
    expect(failure(deepText).problems[0]).toMatch(/forventet høyst 32 nivåer/);
    const d = fresh();
    let deep: unknown[] = [];
    for (let i = 0; i < 100000; i++) deep = [deep];
    d.notes.push(deep);
    expect(failure(d).problems[0]).toMatch(/^notes\[\d+\](\[0\])+: forventet høyst 32 nivåer/);
    const cyclic = fresh();
    cyclic.measures[0].self = cyclic;
    expect(failure(cyclic).problems[0]).toMatch(/forventet høyst 32 nivåer/);
  });

  test("a UTF-8 byte order mark before the JSON text is accepted", () => {
    expect(loadCatalogue(`\uFEFF${RAW}`).measures).toHaveLength(fresh().measures.length);
  });

  test("values that are not JSON, getters and proxies that throw, and __proto__ keys are refused with their path", () => {
    const withDate = fresh();
    withDate.catalogue.date = new Date(0);
    expect(failure(withDate).problems).toEqual(['catalogue.date: forventet JSON-data (tall, tekst, true/false, null, liste eller objekt), fikk "Date"']);
    const withGetter = fresh();
    Object.defineProperty(withGetter.measures[1], "title", { enumerable: true, get: () => { throw new Error("boom"); } });
    expect(failure(withGetter).problems).toEqual(["measures[1].title: forventet en verdi som kan leses, fikk en feil"]);
    const proxied = fresh();
    proxied.groups = new Proxy(proxied.groups, { ownKeys: () => { throw new Error("boom"); }, get: () => { throw new Error("boom"); } });
    expect(failure(proxied).problems).toEqual(["groups: forventet en verdi som kan leses, fikk en feil"]);
    expect(failure(RAW.replace('"schemaVersion": 1', '"__proto__": { "polluted": true }, "schemaVersion": 1')).problems).toEqual([
      '__proto__: forventet et annet nøkkelnavn, fikk "__proto__"',
    ]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const big = fresh();
    big.measures[0].x = BigInt(10);
    expect(failure(big).problems).toEqual(['measures[0].x: forventet JSON-data (tall, tekst, true/false, null, liste eller objekt), fikk "10n"']);
  });

});

describe("the published JSON Schema", () => {
  test("docs/catalogue.schema.json is generated from the loader's schema (npx tsx scripts/catalogue-schema.ts)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaText());
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

describe("what a catalogue may leave out (a report other than Elverum's)", () => {
  const EKSEMPEL = readFileSync(join(__dirname, "../../test/fixtures/eksempel-kommune.json"), "utf8");
  const eksempel = () => JSON.parse(EKSEMPEL);

  test("a catalogue without report lines, printed text, headings, HØP, totals tables or notes loads, with what is absent said plainly", () => {
    const cat = loadCatalogue(EKSEMPEL);
    const m = cat.measure("OPP-3")!;
    expect(m.summary?.line).toBeUndefined();
    expect(m.summary?.printed).toBeUndefined();
    expect(m).toMatchObject({ headingId: null, headingTitle: null, categorySource: null, inSummary: true, detail: null, source: null, notes: [], hop: { status: "not-stated", note: "" } });
    expect(cat.data.totals.overall.categoryTable).toBeUndefined();
    expect(cat.data.targets.overall).toMatchObject({ sparekrav: -6000, menu: null, printedTotal: null });
    expect(cat.data.targets.mandate).toEqual([]);
    expect(cat.data).toMatchObject({ baseline: null, prose: [], notes: [] });
    expect(cat.groups[0]).toEqual({ id: 10, name: "Oppvekst", section: "", sectionTitle: "" });
  });

  test("measure ids need not be group.number, nor start with their group", () => {
    expect(loadCatalogue(EKSEMPEL).measure("HV-2")?.group).toBe(20);
    const d = fresh();
    d.measures[3].id = "3.1x";
    d.measures[4].id = "Tiltak 5";
    expect(() => validateCatalogue(d)).not.toThrow();
  });

  test("categories come from the list the catalogue declares; Elverum's four are the default", () => {
    expect(loadCatalogue(EKSEMPEL).categories).toEqual(["Digitalisering", "Struktur", "Inntekter"]);
    expect(loadCatalogue(RAW).categories).toEqual(["Høyere produktivitet", "Bedre strategi", "Lavere volum", "Økte inntekter"]);
    const e = eksempel();
    e.measures[0].category = "Høyere produktivitet";
    expect(() => validateCatalogue(e)).toThrow('measures[0].category: forventet en av catalogue.categories ("Digitalisering", "Struktur", "Inntekter") eller null, fikk "Høyere produktivitet"');
    const t = eksempel();
    t.totals.byCategory["Lavere volum"] = t.totals.byCategory["Struktur"];
    expect(() => validateCatalogue(t)).toThrow('totals.byCategory.Lavere volum: forventet en av catalogue.categories ("Digitalisering", "Struktur", "Inntekter"), fikk Lavere volum');
  });

  test("a catalogue in 1000 kr: amounts bounded in TNOK, group tables in TNOK too", () => {
    const e = eksempel();
    e.measures[0].summary.values["2031"] = -150000; // 150 MNOK: fine in 1000 kr
    expect(() => validateCatalogue(e)).not.toThrow();
    e.measures[0].summary.values["2031"] = -150000000;
    expect(() => validateCatalogue(e)).toThrow("measures[0].summary.values.2031: forventet et tall fra -100 000 000 til 100 000 000");
    const g = eksempel();
    g.measures[2].groupTable.unit = "NOK";
    expect(() => validateCatalogue(g)).toThrow('measures[2].groupTable.unit: forventet en av "MNOK", "TNOK"');
  });

  test("targets.printedTotal2029 (Elverum's year in the name) is read as printedTotal", () => {
    const cat = loadCatalogue(RAW);
    expect(fresh().targets.overall.printedTotal2029).toBe(-88.1);
    expect(cat.data.targets.overall.printedTotal).toBe(-88.1);
    expect("printedTotal2029" in cat.data.targets.overall).toBe(false);
    const d = fresh();
    d.targets.overall.printedTotal = -88.1;
    expect(loadCatalogue(d).data.targets.overall.printedTotal).toBe(-88.1);
  });

  test("a missing overall total row is allowed; a present one still needs every year", () => {
    const d = fresh();
    delete d.totals.overall.categoryTable;
    d.totals.overall.groupTable = null;
    expect(() => validateCatalogue(d)).not.toThrow();
    delete d.totals.overall.measureTable.values["2026"];
    expect(() => validateCatalogue(d)).toThrow("totals.overall.measureTable.values.2026: forventet en celle for hvert år");
  });
});
