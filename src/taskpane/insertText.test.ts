import catalogueJson from "../data/catalogue.json";
import { bundledCatalogue as cat } from "../data/bundled";
import { loadCatalogue } from "../domain/catalogue";
import type { CatalogueData } from "../domain/types";
import { insertCatalogue } from "../excel/insert";
import { installFakeHost } from "../../test/fake-excel/host";
import { WorkbookModel } from "../../test/fake-excel/model";
import type { DeepMutable } from "../../test/fixtures";
import { insertSummary } from "./insertText";

const copy = (): DeepMutable<CatalogueData> => JSON.parse(JSON.stringify(catalogueJson));

describe("insertSummary: the insert result in the user's words", () => {
  test("a first insert names the sheets as the user sees them, in order, with the right count", async () => {
    const model = installFakeHost(new WorkbookModel(["Budsjett 2026"]));
    const s = insertSummary((await insertCatalogue(cat)).plan);
    expect(s.title).toBe("Katalogen er satt inn");
    const created = model.sheets.map((x) => x.name).filter((n) => n !== "Budsjett 2026");
    expect(created.slice(0, 4)).toEqual(["Tiltak", "Detaljer", "Oppsummering", "Oppfølging"]);
    expect(s.lines).toEqual([`Opprettet ${created.length} ark: ${created.slice(0, -1).join(", ")} og ${created[created.length - 1]}.`]);
    // Never the ASCII table names behind them.
    expect(s.lines.join(" ")).not.toMatch(/Tiltakslinjer|Oppfolging|HOP\b|Gruppesum|ValgtMotMal/);
  });

  test("the same catalogue again: nothing changed", async () => {
    installFakeHost(new WorkbookModel(["Budsjett 2026"]));
    await insertCatalogue(cat);
    expect(insertSummary((await insertCatalogue(cat)).plan)).toEqual({ title: "Allerede oppdatert", lines: ["Arbeidsboken har allerede denne katalogen. Ingenting ble endret."] });
  });

  test("an upgrade says which sheets changed, what was kept of the user's own figures (singular: 1 verdi), and what left the catalogue", async () => {
    const model = installFakeHost(new WorkbookModel(["Budsjett 2026"]));
    await insertCatalogue(cat);
    model.typeInTable("Tiltak", "2.2", "2027", -9);
    const next = copy();
    next.catalogue.version = "2025.2.0";
    next.measures = next.measures.filter((m) => m.id !== "1.1");
    const m22 = next.measures.find((m) => m.id === "2.2")!;
    m22.summary!.values["2027"] = -9.2;
    m22.summary!.values["2029"] = -9.9;
    const s = insertSummary((await insertCatalogue(loadCatalogue(next))).plan);
    expect(s.title).toBe("Katalogen er oppdatert");
    const text = s.lines.join("\n");
    expect(text).toMatch(/^(Endret|La til|Oppdaterte) .* i (arket|arkene) [^\n]*Tiltak/m);
    expect(text).toContain("Beholdt 1 verdi du har skrevet selv i arket Tiltak; den ble ikke overskrevet.");
    expect(text).toContain("1 tiltak finnes ikke i den nye katalogen; raden er beholdt og merket.");
    expect(text).not.toMatch(/\b1 (celler|rader|verdier)\b/);
    expect(text).not.toContain("Opprettet");
  });
});
