import { fireEvent, render, screen } from "@testing-library/react";
import { ADDIN_VERSION } from "../build-info";
import { bundledCatalogue } from "../data/bundled";
import { App } from "./App";
import { formatMnok } from "./format";

/** A stand-in for office.js's Office global with an Excel that supports ExcelApi up to `excelApi`. */
function withOffice(excelApi: string): void {
  const max = Number(excelApi.split(".")[1]);
  (globalThis as { Office?: unknown }).Office = {
    context: {
      diagnostics: { platform: "Mac", version: "16.89.24091630" },
      requirements: {
        isSetSupported: (name: string, v?: string) =>
          (name === "ExcelApi" && Number((v ?? "1.1").split(".")[1]) <= max) || (name === "SharedRuntime" && v === "1.1"),
      },
    },
  };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("App", () => {
  test("outside Excel it explains where to open it and offers no workbook actions", () => {
    render(<App inExcel={false} />);
    expect(screen.getByText("Åpne Tiltaksmeny i Excel")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Kontroller arbeidsboken" })).toBeNull();
  });

  test("in Excel it lists the catalogue and filters it by search", async () => {
    render(<App inExcel={true} />);
    // No Excel in jsdom: the status line says so instead of failing.
    expect(await screen.findByText("kunne ikke lese arbeidsboken")).toBeTruthy();
    // No Office to answer requirement checks: no below-floor warning.
    expect(screen.queryByTestId("below-floor")).toBeNull();
    expect(screen.getByText(/46 tiltak fra Agenda Kaupang/)).toBeTruthy();
    expect(screen.getByText("Lederstøtte, bemanningsplanlegging i pleie og omsorgstjenestene - ressurspool, årsturnus")).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText("Nummer eller navn"), { target: { value: "kino" } });
    expect(screen.getByText(/^1 tiltak/)).toBeTruthy();
    expect(screen.getByText("Endre drift kinoen")).toBeTruthy();
    expect(screen.getByText("Alle kategorier")).toBeTruthy();
  });
});

describe("Excel below the requirement-set floor", () => {
  test("warns once at the top and turns insert off, with the reason beside the button", async () => {
    withOffice("1.3");
    render(<App inExcel={true} />);
    expect(screen.getByTestId("below-floor").textContent).toBe(
      "Denne Excel-versjonen er for gammel for Tiltaksmeny (trenger ExcelApi 1.4). Oppdater Excel eller bruk Excel på nettet.",
    );
    const insert = screen.getByRole("button", { name: "Sett inn tiltakskatalog" });
    expect(insert.getAttribute("aria-disabled")).toBe("true");
    expect(insert.getAttribute("aria-describedby")).toContain("insert-blocked");
    expect(screen.getByTestId("insert-blocked").textContent).toContain("trenger ExcelApi 1.4");
    fireEvent.click(insert);
    await screen.findByText("kunne ikke lese arbeidsboken");
    expect(screen.queryByText("Katalogen ble ikke satt inn")).toBeNull();
    expect(screen.queryByText("Leser arbeidsboken …")).toBeNull();
  }, 15_000);

  test("at the floor there is no warning and insert is on", async () => {
    withOffice("1.4");
    render(<App inExcel={true} />);
    expect(screen.queryByTestId("below-floor")).toBeNull();
    expect(screen.getByRole("button", { name: "Sett inn tiltakskatalog" }).getAttribute("aria-disabled")).toBeNull();
    expect(screen.queryByTestId("insert-blocked")).toBeNull();
    await screen.findByText("kunne ikke lese arbeidsboken");
  }, 15_000);
});

describe("Om tillegget", () => {
  const open = () => fireEvent.click(screen.getByRole("button", { name: "Om tillegget" }));
  const row = (label: string) => screen.getByText(label, { selector: "dt" }).nextElementSibling?.textContent;

  test("is collapsed at the bottom of Start and shows version, catalogue, Excel and sets when opened", async () => {
    withOffice("1.12");
    render(<App inExcel={true} />);
    await screen.findByText("kunne ikke lese arbeidsboken");
    expect(screen.queryByTestId("about")).toBeNull();
    open();
    expect(row("Tillegg")).toBe(`Tiltaksmeny ${ADDIN_VERSION}`);
    expect(row("Katalog")).toBe(`elverum-omstilling-2025 versjon ${bundledCatalogue.version}`);
    expect(row("Excel")).toBe("Excel for Mac (Mac), versjon 16.89.24091630");
    expect(row("Støttede kravsett")).toBe("ExcelApi 1.1–1.12, SharedRuntime 1.1");
    expect(row("Minstekrav")).toContain("ExcelApi 1.4");
    expect(row("office.js")).toMatch(/^(Microsofts CDN|lokal kopi)$/);
  }, 15_000);
});

describe("formatMnok", () => {
  test("formats nb-NO with decimal half-up rounding", () => {
    const minus = formatMnok(-1).charAt(0); // nb-NO uses U+2212 MINUS SIGN
    expect(formatMnok(-0.15)).toBe(`${minus}0,2`);
    expect(formatMnok(-0.25)).toBe(`${minus}0,3`);
    expect(formatMnok(1234.5)).toMatch(/^1\s234,5$/);
    expect(formatMnok(-1.06, 2)).toBe(`${minus}1,06`);
  });
});
