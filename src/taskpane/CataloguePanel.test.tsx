import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDecoder as NodeTextDecoder } from "node:util";
import { bundledCatalogue } from "../data/bundled";
import { resetActiveCatalogue, setActiveCatalogue } from "../domain/activeCatalogue";
import { loadCatalogue } from "../domain/catalogue";
import type { CatalogueClash } from "../domain/catalogueSwitch";
import { CataloguePanel, parseTarget, type CatalogueActions } from "./CataloguePanel";

// The loader and the catalogue chunk are imported on first use; under CI load that takes seconds, not the default 1 s.
jest.setTimeout(30_000);

// jsdom has FileReader but not TextDecoder, which the file import decodes UTF-8 with (browsers have both).
(globalThis as { TextDecoder?: unknown }).TextDecoder ??= NodeTextDecoder;

const EKSEMPEL = readFileSync(join(__dirname, "../../test/fixtures/eksempel-kommune.json"), "utf8");
const eksempel = loadCatalogue(EKSEMPEL);
const builtin = { title: bundledCatalogue.data.catalogue.title, version: bundledCatalogue.version, measures: bundledCatalogue.measures.length };

function fakeActions(over: Partial<CatalogueActions> = {}) {
  const calls: unknown[][] = [];
  const actions: Partial<CatalogueActions> = {
    listTables: async () => ["Tiltak", "Tiltakslinjer"],
    check: async () => null,
    activate: async (cat, origin, acceptedOver) => {
      calls.push([cat?.id ?? null, origin, acceptedOver]);
      setActiveCatalogue(cat, origin, { acceptedOver });
    },
    ...over,
  };
  return { actions, calls };
}

const pick = (text: string, name = "eksempel-kommune.json") => {
  const input = screen.getByLabelText("Velg katalogfil (JSON)");
  fireEvent.change(input, { target: { files: [new File([text], name, { type: "application/json" })] } });
};

afterEach(() => resetActiveCatalogue());

describe("CataloguePanel", () => {
  test("says which catalogue is active, and follows the store", async () => {
    const { actions } = fakeActions();
    render(<CataloguePanel builtin={builtin} actions={actions} />);
    expect(screen.getByTestId("active-catalogue").textContent).toBe(`Aktiv katalog: «${builtin.title}», versjon ${builtin.version} (innebygd i tillegget).`);
    expect((screen.getByRole("button", { name: "Bruk den innebygde katalogen" }) as HTMLButtonElement).disabled).toBe(true);
    act(() => void setActiveCatalogue(eksempel, { kind: "file", name: "eksempel-kommune.json" }));
    expect(screen.getByTestId("active-catalogue").textContent).toBe("Aktiv katalog: «Omstilling 2026–2031 i Eksempel kommune», versjon 2026.1 (fra filen «eksempel-kommune.json», lagret i arbeidsboken).");
    // Eksempel kommune's numbers point into no report text: the pane says so.
    expect(screen.getByText(/ingen kilde i en rapport/)).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Ingen", "Tiltak", "Tiltakslinjer"]), { timeout: 10_000 });
  });

  test("a catalogue file goes through the loader and, with no tables at stake, becomes active", async () => {
    const { actions, calls } = fakeActions();
    const activated: (string | null)[] = [];
    render(<CataloguePanel builtin={builtin} actions={actions} onActivated={(c) => activated.push(c?.id ?? null)} />);
    pick(EKSEMPEL);
    await waitFor(() => expect(calls).toEqual([["eksempel-kommune-2026", { kind: "file", name: "eksempel-kommune.json" }, null]]), { timeout: 10_000 });
    expect(activated).toEqual(["eksempel-kommune-2026"]);
    expect(screen.getByTestId("catalogue-status").textContent).toBe("Aktiv i denne arbeidsboken nå: «Omstilling 2026–2031 i Eksempel kommune», versjon 2026.1: 8 tiltak, år 2026–2031, planperiode 2027–2030, trykt i 1000 kr. Sett inn katalogen for å oppdatere tabellene.");
  });

  test("a bad file: the loader's Norwegian path errors, nothing switched", async () => {
    const { actions, calls } = fakeActions();
    render(<CataloguePanel builtin={builtin} actions={actions} />);
    const bad = JSON.parse(EKSEMPEL);
    bad.measures[1].summary.values["2027"] = "mye";
    pick(JSON.stringify(bad), "feil.json");
    await waitFor(() => expect(screen.getByTestId("catalogue-errors").textContent).toMatch(/ingenting er endret.*measures\[1\]\.summary\.values\.2027: forventet tall/), { timeout: 10_000 });
    expect(calls).toEqual([]);
  });

  test("tables of another catalogue in the workbook: explained first, switched only on «Bytt likevel»", async () => {
    const clash: CatalogueClash = { from: { id: "elverum-omstilling-2025", version: "2025.1.0" }, to: { id: eksempel.id, version: eksempel.version, title: "x" }, shared: [], leaving: 46, message: "Arbeidsboken har tabeller fra katalogen «elverum-omstilling-2025»." };
    const { actions, calls } = fakeActions({ check: async () => clash });
    render(<CataloguePanel builtin={builtin} actions={actions} />);
    pick(EKSEMPEL);
    await waitFor(() => expect(screen.getByTestId("catalogue-clash").textContent).toContain(clash.message), { timeout: 10_000 });
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Avbryt" }));
    expect(screen.queryByTestId("catalogue-clash")).toBeNull();
    pick(EKSEMPEL);
    await waitFor(() => screen.getByRole("button", { name: "Bytt likevel" }), { timeout: 10_000 });
    fireEvent.click(screen.getByRole("button", { name: "Bytt likevel" }));
    await waitFor(() => expect(calls).toEqual([["eksempel-kommune-2026", { kind: "file", name: "eksempel-kommune.json" }, "elverum-omstilling-2025"]]), { timeout: 10_000 });
  });

  test("from a table: the target is asked for in mill. kr, the lines table is optional", async () => {
    const asked: unknown[] = [];
    const { actions, calls } = fakeActions({
      readTable: async (o) => {
        asked.push(o);
        return { catalogue: eksempel, name: "Tiltak" };
      },
    });
    render(<CataloguePanel builtin={builtin} actions={actions} />);
    fireEvent.click(screen.getByRole("button", { name: "Les tabellen" }));
    expect(screen.getByTestId("catalogue-errors").textContent).toMatch(/negativt tall/);
    fireEvent.change(screen.getByLabelText("Navn på katalogen"), { target: { value: "Eksempel" } });
    fireEvent.change(screen.getByLabelText(/Samlet sparekrav/), { target: { value: "−6,5" } });
    await waitFor(() => screen.getByRole("option", { name: "Tiltakslinjer" }), { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText(/Linjetabell/), { target: { value: "Tiltakslinjer" } });
    fireEvent.click(screen.getByRole("button", { name: "Les tabellen" }));
    await waitFor(() => expect(calls).toEqual([["eksempel-kommune-2026", { kind: "table", name: "Tiltak" }, null]]), { timeout: 10_000 });
    expect(asked).toEqual([{ title: "Eksempel", target: -6.5, lines: "Tiltakslinjer" }]);
  });

  test("back to the built-in catalogue: through the same check, and nothing stored", async () => {
    setActiveCatalogue(eksempel, { kind: "workbook" });
    const { actions, calls } = fakeActions();
    render(<CataloguePanel builtin={builtin} actions={actions} />);
    fireEvent.click(screen.getByRole("button", { name: "Bruk den innebygde katalogen" }));
    await waitFor(() => expect(calls).toEqual([[null, { kind: "builtin" }, null]]), { timeout: 10_000 });
    expect(screen.getByTestId("active-catalogue").textContent).toMatch(/innebygd i tillegget/);
  });

  test("outside Excel only a file can be checked; the workbook is not read", () => {
    const listTables = jest.fn(async () => []);
    render(<CataloguePanel builtin={builtin} actions={{ listTables }} inExcel={false} />);
    expect(screen.queryByRole("button", { name: "Les tabellen" })).toBeNull();
    expect(listTables).not.toHaveBeenCalled();
  });
});

describe("parseTarget", () => {
  test("Norwegian and English decimals, a typographic minus", () => {
    expect(parseTarget("-40")).toBe(-40);
    expect(parseTarget(" −40,5 ")).toBe(-40.5);
    expect(parseTarget("-6.25")).toBe(-6.25);
    expect(parseTarget("førti")).toBeNull();
    expect(parseTarget("")).toBeNull();
  });
});
