import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue } from "./catalogue";
import { activeCatalogue, activeCatalogueState, beginLoading, isPending, onActiveCatalogueChange, resetActiveCatalogue, setActiveCatalogue, whenReady } from "./activeCatalogue";

const eksempel = loadCatalogue(readFileSync(join(__dirname, "../../test/fixtures/eksempel-kommune.json"), "utf8"));

afterEach(() => resetActiveCatalogue());

describe("the active catalogue store", () => {
  test("starts with the built-in catalogue; a switch notifies subscribers with the new state", () => {
    expect(activeCatalogue()).toBeNull();
    const seen: string[] = [];
    const off = onActiveCatalogueChange((s) => seen.push(`${s.catalogue?.id ?? "innebygd"}:${s.origin.kind}`));
    setActiveCatalogue(eksempel, { kind: "file", name: "eksempel.json" });
    setActiveCatalogue(null, { kind: "file", name: "ignored" });
    off();
    setActiveCatalogue(eksempel, { kind: "table", name: "Tiltak" });
    expect(seen).toEqual(["eksempel-kommune-2026:file", "innebygd:builtin"]);
    expect(activeCatalogueState()).toMatchObject({ catalogue: eksempel, origin: { kind: "table", name: "Tiltak" }, revision: 3 });
  });

  test("is one store for every copy of the module in the page (kept on globalThis under a registered symbol)", () => {
    setActiveCatalogue(eksempel, { kind: "workbook" });
    let other: typeof import("./activeCatalogue") | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second, separate instance of the module
      other = require("./activeCatalogue");
    });
    expect(other!.activeCatalogue()).toBe(eksempel);
    other!.setActiveCatalogue(null, { kind: "builtin" });
    expect(activeCatalogue()).toBeNull();
  });

  test("a subscriber that throws does not stop the switch or the other subscribers", () => {
    const seen: number[] = [];
    onActiveCatalogueChange(() => {
      throw new Error("view gone");
    });
    onActiveCatalogueChange((s) => seen.push(s.revision));
    expect(() => setActiveCatalogue(eksempel, { kind: "workbook" })).not.toThrow();
    expect(seen).toEqual([1]);
  });

  test("while the workbook's catalogue is being read, callers can wait; a failed read leaves the built-in one with the reason", async () => {
    let finish: () => void = () => undefined;
    const loading = beginLoading(new Promise<void>((r) => (finish = r)));
    expect(isPending()).toBe(true);
    expect(activeCatalogueState().pending).toBe(true);
    setActiveCatalogue(eksempel, { kind: "workbook" });
    finish();
    await loading;
    await whenReady();
    expect(isPending()).toBe(false);
    expect(activeCatalogueState()).toMatchObject({ pending: false, catalogue: eksempel });

    await beginLoading(Promise.reject(new Error("Katalogen i arbeidsboken er ugyldig.")));
    expect(activeCatalogueState()).toMatchObject({ pending: false, problem: "Katalogen i arbeidsboken er ugyldig." });
  });
});
