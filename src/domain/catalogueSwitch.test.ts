import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue } from "./catalogue";
import { catalogueClash, catalogueMismatch } from "./catalogueSwitch";
import type { WorkbookState } from "./insertPlan";

const read = (p: string) => readFileSync(join(__dirname, p), "utf8");
const elverum = loadCatalogue(read("../data/catalogue.json"));
const eksempel = loadCatalogue(read("../../test/fixtures/eksempel-kommune.json"));

/** A workbook whose Tiltak table (memory: `from`) holds these measure numbers. */
function workbook(from: { id: string; version: string } | null, ids: readonly string[]): WorkbookState {
  const memory = from ? JSON.stringify({ schema: 1, catalogueId: from.id, catalogueVersion: from.version, tables: { measures: { name: "Tiltak", sheet: "Tiltak" } }, written: {} }) : null;
  return {
    sheets: ["Tiltak"],
    tableNames: ["Tiltak"],
    definedNames: [],
    memory,
    tables: { measures: { name: "Tiltak", sheet: "Tiltak", address: "Tiltak!A1:B3", header: ["Nr", "Valgt"], body: ids.map((id) => [id, "Ja"]), showTotals: false } },
  };
}

const ELVERUM = { id: elverum.id, version: elverum.version };

describe("switching catalogues over the user's tables", () => {
  test("no tables of ours, the same catalogue (a new version), or a switch already agreed to: nothing to explain", () => {
    expect(catalogueClash(eksempel, workbook(null, []))).toBeNull();
    expect(catalogueClash(elverum, workbook({ id: elverum.id, version: "2024.9" }, ["1.1"]))).toBeNull();
    expect(catalogueClash(eksempel, workbook(ELVERUM, ["1.1"]), elverum.id)).toBeNull();
  });

  test("measure numbers in both catalogues: explained (what moves to another measure) before anything is written", () => {
    const renumbered = loadCatalogue({ ...eksempel.data, measures: eksempel.data.measures.map((m, i) => ({ ...m, id: i < 2 ? `1.${i + 1}` : m.id })) });
    const clash = catalogueClash(renumbered, workbook(ELVERUM, ["1.1", "1.2", "2.1"]))!;
    expect(clash).toMatchObject({ from: ELVERUM, to: { id: "eksempel-kommune-2026" }, shared: ["1.1", "1.2"], leaving: 1 });
    expect(clash.message).toMatch(/^Arbeidsboken har tabeller fra katalogen «elverum-omstilling-2025» \(versjon 2025\.1\.0\), og du bytter til «Omstilling 2026–2031 i Eksempel kommune»\./);
    expect(clash.message).toMatch(/2 av tiltaksnumrene 1\.1, 1\.2 finnes i begge: .*Valgt, realisert, kommentarer, HØP-tall.*et annet tiltak/);
    expect(clash.message).toMatch(/1 tiltak som ikke finnes i den nye katalogen, blir stående og merkes «Ikke i katalog 2026\.1»/);
  });

  test("another catalogue with no shared numbers is still explained, without the warning about moved input", () => {
    const clash = catalogueClash(eksempel, workbook(ELVERUM, ["1.1", "1.2"]))!;
    expect(clash.shared).toEqual([]);
    expect(clash.message).toMatch(/Ingen tiltaksnumre finnes i begge/);
  });

  test("views reading the tables with another active catalogue say which catalogue the tables came from", () => {
    expect(catalogueMismatch(elverum, workbook(ELVERUM, ["1.1"]))).toBeNull();
    expect(catalogueMismatch(eksempel, workbook(ELVERUM, ["1.1"]))).toMatch(/fra katalogen «elverum-omstilling-2025».*aktive katalogen er «Omstilling 2026–2031 i Eksempel kommune»/);
  });
});
