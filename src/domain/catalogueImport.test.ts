import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue } from "./catalogue";
import {
  CATALOGUE_SETTING,
  catalogueFromFile,
  CatalogueError,
  MAX_FILE_BYTES,
  MAX_STORED_BYTES,
  parseStoredCatalogue,
  shownDecimals,
  storedCatalogueText,
  tableToCatalogue,
  utf8Length,
  type SheetTable,
} from "./catalogueImport";
import { effect } from "./effects";
import { reconcile } from "./reconcile";

const ELVERUM = readFileSync(join(__dirname, "../data/catalogue.json"), "utf8");
const EKSEMPEL = readFileSync(join(__dirname, "../../test/fixtures/eksempel-kommune.json"), "utf8");
const elverum = loadCatalogue(ELVERUM);
const eksempel = loadCatalogue(EKSEMPEL);

function problems(f: () => unknown): readonly string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogueError);
    return (e as CatalogueError).problems;
  }
  throw new Error("expected a CatalogueError");
}

describe("a catalogue file", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  test("UTF-8 bytes, with or without a byte order mark, go through the loader", () => {
    expect(catalogueFromFile(bytes(EKSEMPEL)).id).toBe("eksempel-kommune-2026");
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(ELVERUM)]);
    expect(catalogueFromFile(bom.buffer).measures).toHaveLength(46);
    expect(catalogueFromFile(`\uFEFF${EKSEMPEL}`).id).toBe("eksempel-kommune-2026");
  });

  test("the loader's path errors, nothing else", () => {
    const bad = JSON.parse(EKSEMPEL);
    bad.measures[2].summary.values["2029"] = "mye";
    expect(problems(() => catalogueFromFile(bytes(JSON.stringify(bad))))[0]).toMatch(/^measures\[2\]\.summary\.values\.2029: forventet tall/);
    expect(problems(() => catalogueFromFile(bytes("{ ikke json")))[0]).toMatch(/ikke gyldig JSON/);
  });

  test("UTF-16, bytes that are not UTF-8, an empty file and a file over the bound are refused in Norwegian", () => {
    expect(problems(() => catalogueFromFile(new Uint8Array([0xff, 0xfe, 0x7b, 0x00])))[0]).toMatch(/UTF-16.*UTF-8/);
    expect(problems(() => catalogueFromFile(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])))[0]).toMatch(/ikke UTF-8/);
    expect(problems(() => catalogueFromFile(new Uint8Array(0)))[0]).toMatch(/tom/);
    expect(problems(() => catalogueFromFile(new Uint8Array(MAX_FILE_BYTES + 1)))[0]).toMatch(/for stor.*høyst 8 MB/);
  });

  test("a valid catalogue too large to be stored in the workbook is refused before anything is switched", () => {
    const big = JSON.parse(EKSEMPEL);
    big.notes = Array.from({ length: 100 }, () => "x".repeat(25_000)); // 2,5 MB of notes, each within the format's bounds
    expect(() => loadCatalogue(big)).not.toThrow();
    expect(problems(() => catalogueFromFile(JSON.stringify(big)))[0]).toMatch(/for stor til å lagres i arbeidsboken .*høyst 2 MB/);
  });
});

describe("the active catalogue stored in the workbook", () => {
  test("round-trips through the setting's text, with where it came from", () => {
    const text = storedCatalogueText(eksempel, { kind: "file", name: "eksempel.json" }, "elverum-omstilling-2025");
    const back = parseStoredCatalogue(text);
    expect(back.catalogue.data).toEqual(eksempel.data);
    expect(back.origin).toEqual({ kind: "file", name: "eksempel.json" });
    expect(back.acceptedOver).toBe("elverum-omstilling-2025");
    expect(CATALOGUE_SETTING).toBe("tiltaksmeny.katalog");
  });

  test("Elverum's catalogue fits ten times over; the bound is on UTF-8 bytes", () => {
    expect(utf8Length(storedCatalogueText(elverum, { kind: "workbook" })) * 9).toBeLessThan(MAX_STORED_BYTES);
    expect(utf8Length("æøå")).toBe(6);
    expect(utf8Length("a😀")).toBe(5);
  });

  test("what is not a stored catalogue, or an invalid one, is a CatalogueError (the caller falls back to the built-in)", () => {
    expect(problems(() => parseStoredCatalogue("{"))[0]).toMatch(/ikke gyldig JSON/);
    expect(problems(() => parseStoredCatalogue(JSON.stringify({ tables: {} })))[0]).toMatch(/ikke en lagret tiltakskatalog/);
    const broken = JSON.parse(storedCatalogueText(eksempel, { kind: "workbook" }));
    broken.catalogue.catalogue.years = [2026, 2028];
    expect(problems(() => parseStoredCatalogue(JSON.stringify(broken)))[0]).toMatch(/^catalogue\.years/);
  });
});

/** Our Tiltak table's shape (design.md «Workbook layout»), written by hand from the catalogue JSON. */
function tiltakTable(): SheetTable {
  const raw = JSON.parse(ELVERUM);
  const years = raw.catalogue.years as number[];
  const header = ["Nr", "Gruppe", "Tjeneste", "Tiltak", "Kategori", ...years.map(String), "Sum 2026–2029", "HØP-status", "Kilde", "Katalog", "Avvik", "Valgt"];
  const hop: Record<string, string> = { "in-plan": "I HØP", partly: "Delvis i HØP", "not-in-plan": "Ikke i HØP", "not-stated": "Ikke oppgitt" };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the raw JSON, read independently of the loader
  const rows = raw.measures.map((m: any) => {
    const cell = (y: number) => {
      if (!m.summary) return "";
      const c = m.summary.values[String(y)];
      if (c === null) return "";
      if (typeof c === "number") return c;
      return "value" in c ? c.value : "#N/A";
    };
    return [m.id, m.group, m.service, m.title, m.category ?? "", ...years.map(cell), "", hop[m.hop.status], m.source ?? "", m.inSummary ? "Sammendrag" : "Kun kapittel 4", 0, "Nei"];
  });
  // A measure left over from an earlier catalogue, and the totals row.
  rows.push(["9.1", 1, "Skole", "Gammelt tiltak", "", ...years.map(() => -1), "", "Ikke oppgitt", "", "Ikke i katalog 2024.1", 0, "Ja"]);
  rows.push(["Sum", "", "", "", "", ...years.map(() => 0), 0, "", "", "", "", ""]);
  return { values: [header, ...rows], name: "Tiltak" };
}

describe("a table in the workbook: our Tiltak table", () => {
  const cat = tableToCatalogue(tiltakTable(), { title: "Elverum fra tabellen", target: -40, today: new Date("2026-01-15") });

  test("every measure with its group, service, title, category, HØP status and summary per year", () => {
    expect(cat.measures.map((m) => m.id)).toEqual(elverum.measures.map((m) => m.id));
    for (const m of elverum.measures) {
      const got = cat.measure(m.id)!;
      expect([m.id, got.group, got.service, got.title, got.category, got.hop.status, got.inSummary]).toEqual([m.id, m.group, m.service.trim(), m.title, m.category, m.hop.status, m.inSummary]);
      for (const y of elverum.years) expect([m.id, y, effect(cat, m.id, y)]).toEqual([m.id, y, effect(elverum, m.id, y)]);
    }
  });

  test("the plan period from «Sum 2026–2029», the categories in the order met, the target as given", () => {
    expect(cat.planPeriod).toEqual([2026, 2029]);
    expect(cat.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(new Set(cat.categories)).toEqual(new Set(elverum.measures.map((m) => m.category).filter((c) => c !== null)));
    expect(cat.data.targets.overall.sparekrav).toBe(-40);
    expect(cat.data.catalogue).toMatchObject({ id: "tabell-tiltak", version: "2026-01-15", title: "Elverum fra tabellen", unit: "MNOK" });
  });

  test("rows marked «Ikke i katalog …» and the totals row are not measures; «Kun kapittel 4» is not in the summary", () => {
    expect(cat.measure("9.1")).toBeUndefined();
    expect(cat.measure("Sum")).toBeUndefined();
    expect(cat.measure("1.8")?.inSummary).toBe(false);
  });

  test("an unreadable figure (#N/A) stays unknown, never 0", () => {
    const unreadable = elverum.measures.find((m) => Object.values(m.summary?.values ?? {}).some((c) => c !== null && typeof c === "object" && "unreadable" in c));
    if (unreadable) {
      const y = elverum.years.find((yy) => !effect(elverum, unreadable.id, yy).ok)!;
      expect(effect(cat, unreadable.id, y)).toMatchObject({ ok: false, problem: { kind: "unreadable" } });
    }
  });

  test("with no effect or group tables, the catalogue has fewer findings, never false ones", () => {
    const rules = new Set(reconcile(cat).map((f) => f.rule));
    for (const r of ["detail-vs-summary", "group-vs-summary", "lines-vs-net", "missing-detail", "numbering", "total-group", "total-category", "total-overall"]) expect(rules.has(r as never)).toBe(false);
  });
});

describe("a table in the workbook: another municipality's list", () => {
  const header = ["Tiltaksnr.", "Arbeidsgruppe", "Tjeneste", "Navn", "Kategori", "ØP 2026 (1000 kr)", "ØP 2027 (1000 kr)", "ØP 2028 (1000 kr)"];
  const title = ["Tiltak i Eksempel kommune"];
  const table = (rows: unknown[][], text?: unknown[][]): SheetTable => ({
    values: [title, header, ...rows] as never,
    ...(text ? { text: [title, header, ...text] as never } : {}),
    origin: { row: 3, col: 1 },
    name: "Liste",
  });

  test("ØP headers in 1000 kr, groups by name, ids in any form, precision as shown", () => {
    const values = [
      ["OPP-1", "Oppvekst", "Barnehage", "Færre avdelinger", "Struktur", -100, -400, -400],
      [2.1, "Helse", "Omsorg", "Velferdsteknologi", "Digitalisering", -1, -2, -2],
    ];
    const text = [["OPP-1", "Oppvekst", "Barnehage", "Færre avdelinger", "Struktur", "-100", "-400", "-400"], ["2.10", "Helse", "Omsorg", "Velferdsteknologi", "Digitalisering", "-1,0", "-2,0", "-2,0"]];
    const cat = tableToCatalogue(table(values, text), { title: "Eksempel", target: -6, municipality: "Eksempel kommune" });
    expect(cat.unit).toBe("TNOK");
    expect(cat.measures.map((m) => [m.id, m.group])).toEqual([["OPP-1", 1], ["2.10", 2]]);
    expect(cat.groups.map((g) => g.name)).toEqual(["Oppvekst", "Helse"]);
    expect(effect(cat, "OPP-1", 2027)).toEqual({ ok: true, value: -0.4 });
    expect(cat.data.targets.overall.sparekrav).toBe(-6000); // asked in MNOK, stored in the table's unit
    expect(cat.targets.overall.sparekrav).toBe(-6);
    expect(cat.measure("2.10")?.summary?.printed).toBe("-1,0 -2,0 -2,0");
    expect(cat.municipality).toBe("Eksempel kommune");
  });

  test("rows that cannot be measures are named by the row the user sees; nothing is half-loaded", () => {
    const p = problems(() =>
      tableToCatalogue(
        table([
          ["A-1", "G", "S", "Tiltak A", "", -1, -1, -1],
          ["", "G", "S", "Uten nummer", "", -1, -1, -1],
          [46297, "G", "S", "Dato", "", -1, -1, -1],
          ["A-1", "G", "S", "Igjen", "", -1, -1, -1],
        ]),
        { target: -1 },
      ),
    );
    expect(p).toEqual([
      "$: Rad 7: mangler tiltaksnummer.",
      "$: Rad 8: «46297» ser ut som en dato: Excel gjør om f.eks. 2.10 til en dato. Skriv nummeret som tekst ('2.10).",
      "$: Rad 9: tiltak A-1 står også i rad 6.",
    ]);
  });

  test("the loader's errors point at the table's rows", () => {
    const p = problems(() => tableToCatalogue(table([["2,1", "G", "S", "Tiltak", "", -1, -1, -1]]), { target: -1 }));
    expect(p[0]).toMatch(/^Rad 6 \(tiltak 2,1\): id: forventet et tiltaksnummer/);
  });

  test("a table without «Nr» and year headers, without titles, or in kroner is refused with what to select", () => {
    expect(problems(() => tableToCatalogue({ values: [["a", "b"], [1, 2]] }, { target: -1 }))[0]).toMatch(/overskriftsrad med «Nr» og årstall/);
    expect(problems(() => tableToCatalogue({ values: [["Nr", "2026"], ["A", -1]] }, { target: -1 }))[0]).toMatch(/tiltakets navn/);
    expect(problems(() => tableToCatalogue({ values: [["Nr", "Tiltak", "2026 (kr)"], ["A", "x", -1]] }, { target: -1 }))[0]).toMatch(/kroner/);
  });
});

describe("a table in the workbook with a lines table (Tiltakslinjer's shape)", () => {
  test("each measure gets its effect table: printed figures, unit and sign, net row; the same rules find the same disagreements", () => {
    const measures: SheetTable = {
      values: [
        ["Nr", "Gruppe", "Tiltak", "2026", "2027"],
        ["2.3", 2, "Ressursstyring", -3.6, -3.6],
        ["1.6", 1, "Spesialundervisning", -1.1, -1.7],
      ],
    };
    const lines: SheetTable = {
      name: "Tiltakslinjer",
      values: [
        ["Nr", "Linje", "Tekst", "Netto", "Enhet (trykt)", "Fortegn (trykt)", "Trykt 2026", "Trykt 2027", "MNOK 2026", "MNOK 2027", "Rapportlinje"],
        ["2.3", 1, "Lønn", "Nei", "mill. kr", "negativ = innsparing", -5.12, -5.12, -5.12, -5.12, 4410],
        ["2.3", 2, "System", "Nei", "mill. kr", "negativ = innsparing", 0.96, 0.96, 0.96, 0.96, 4411],
        ["2.3", 3, "Drift", "Nei", "mill. kr", "negativ = innsparing", 0.65, 0.65, 0.65, 0.65, 4412],
        ["2.3", 4, "Netto", "Ja", "mill. kr", "negativ = innsparing", -3.6, -3.6, -3.6, -3.6, 4413],
        ["1.6", 1, "Netto innsparing", "Ja", "kr", "positiv = innsparing", 1060000, 1680000, -1.06, -1.68, ""],
      ],
    };
    const cat = tableToCatalogue(measures, { target: -40, lines });
    const d23 = cat.measure("2.3")!.detail!;
    expect(d23).toMatchObject({ unit: "MNOK", sign: "negative-is-saving", years: [2026, 2027] });
    expect(d23.lines.map((l) => [l.label, l.line])).toEqual([["Lønn", 4410], ["System", 4411], ["Drift", 4412]]);
    expect(cat.measure("1.6")!.detail).toMatchObject({ unit: "NOK", sign: "positive-is-saving", unitPrinted: "kr" });
    expect(effect(cat, "1.6", 2027, "detail")).toEqual({ ok: true, value: -1.68 });
    const f = reconcile(cat).filter((x) => x.severity === "error");
    // 5,12 − 0,96 − 0,65 = 3,51 against a net row of 3,60 (as in the report); 1.6's kroner agree with its summary once turned.
    expect(f.map((x) => [x.measure, x.rule, x.years[0]])).toEqual([
      ["2.3", "lines-vs-net", 2026],
      ["2.3", "lines-vs-net", 2027],
    ]);
    expect(reconcile(cat).filter((x) => x.measure === "1.6").map((x) => x.rule)).toEqual(["sign"]);
  });

  test("lines for a measure the measures table lacks, or two net rows, are refused", () => {
    const measures: SheetTable = { values: [["Nr", "Tiltak", "2026"], ["A", "a", -1]] };
    const lines = (rows: unknown[][]): SheetTable => ({ values: [["Nr", "Tekst", "Netto", "2026"], ...rows] as never });
    expect(problems(() => tableToCatalogue(measures, { target: -1, lines: lines([["B", "x", "Ja", -1]]) }))).toEqual(["$: Linjetabellen, rad 2: tiltak B står ikke i tiltakstabellen."]);
    expect(problems(() => tableToCatalogue(measures, { target: -1, lines: lines([["A", "x", "Ja", -1], ["A", "y", "Ja", -1]]) }))[0]).toMatch(/2 nettorader/);
  });
});

describe("shownDecimals", () => {
  test("the decimals a cell shows, when the text is the number (display rounding allowed), else the value's own", () => {
    expect(shownDecimals(-1, "-1,0")).toBe(1);
    expect(shownDecimals(-1, "-1.00")).toBe(2);
    expect(shownDecimals(-0.25, "-0,3")).toBe(2);
    expect(shownDecimals(1234, "1,234")).toBe(0); // en-US grouping, not decimals
    expect(shownDecimals(-1.5, "(1,5)")).toBe(1);
    expect(shownDecimals(3, "3")).toBe(0);
  });
});
