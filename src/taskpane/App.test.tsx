import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { ADDIN_VERSION } from "../build-info";
import { bundledCatalogue } from "../data/bundled";
import { App } from "./App";

/** A stand-in for office.js's Office global with an Excel that supports ExcelApi up to `excelApi`. */
function withOffice(excelApi: string, extra: Record<string, unknown> = {}): void {
  const max = Number(excelApi.split(".")[1]);
  (globalThis as { Office?: unknown }).Office = {
    context: {
      diagnostics: { platform: "Mac", version: "16.89.24091630" },
      requirements: {
        isSetSupported: (name: string, v?: string) =>
          (name === "ExcelApi" && Number((v ?? "1.1").split(".")[1]) <= max) || (name === "SharedRuntime" && v === "1.1"),
      },
      ...extra,
    },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
  };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  document.documentElement.style.backgroundColor = "";
});

describe("App", () => {
  test("outside Excel it explains where to open it and offers no workbook actions", () => {
    render(<App inExcel={false} />);
    expect(screen.getByText("Åpne Tiltaksmeny i Excel")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Sett inn tiltakskatalog" })).toBeNull();
  });

  test("four tabs, Start shown; the other views render on their first visit", async () => {
    render(<App inExcel={true} />);
    // No Excel in jsdom: the status line says so instead of failing.
    expect(await screen.findByText("kunne ikke lese arbeidsboken")).toBeTruthy();
    expect(screen.getAllByRole("tab").map((t) => t.textContent)).toEqual(["Start", "Tiltak", "Avvik", "Oppfølging"]);
    expect(screen.getByRole("tab", { name: "Start" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByText(/46 tiltak fra Agenda Kaupang/)).toBeTruthy();
    // Not rendered before the first visit.
    expect(screen.queryByPlaceholderText("Nummer eller navn")).toBeNull();
    expect(document.getElementById("view-tiltak")?.children).toHaveLength(0);
    fireEvent.click(screen.getByRole("tab", { name: "Tiltak" }));
    const search = await screen.findByPlaceholderText("Nummer eller navn");
    expect(screen.getByText("Lederstøtte, bemanningsplanlegging i pleie og omsorgstjenestene - ressurspool, årsturnus")).toBeTruthy();
    fireEvent.change(search, { target: { value: "kino" } });
    expect(screen.getByText(/^1 tiltak/)).toBeTruthy();
    expect(screen.getByText("Endre drift kinoen")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Kategori" })).toBeTruthy();
    expect(document.getElementById("view-avvik")?.children).toHaveLength(0);
  });

  test("a help link in the header points to the help page for the view shown", async () => {
    render(<App inExcel={true} />);
    await screen.findByText("kunne ikke lese arbeidsboken");
    expect(screen.getByRole("link", { name: "Hjelp" }).getAttribute("href")).toBe("help/index.html#start");
    fireEvent.click(screen.getByRole("tab", { name: "Avvik" }));
    expect(screen.getByRole("link", { name: "Hjelp" }).getAttribute("href")).toBe("help/index.html#avvik");
  });

  test("before the catalogue is in the workbook, every view shows the insert action, never an error", async () => {
    render(<App inExcel={true} />);
    await screen.findByText("kunne ikke lese arbeidsboken");
    for (const tab of ["Tiltak", "Avvik", "Oppfølging"]) {
      fireEvent.click(screen.getByRole("tab", { name: tab }));
      const view = document.getElementById(`view-${tab === "Oppfølging" ? "oppfolging" : tab.toLowerCase()}`)!;
      await waitFor(() => expect(view.querySelector("[data-testid=empty-state]")).not.toBeNull());
      expect(view.querySelector("[role=alert]")).toBeNull();
    }
    expect(screen.getAllByRole("button", { name: "Sett inn tiltakskatalog", hidden: true })).toHaveLength(4);
  });
});

describe("Office's theme", () => {
  test("the pane paints Office's background and follows OfficeThemeChanged without a reload", async () => {
    let changed: ((args: unknown) => void) | undefined;
    withOffice("1.12", {
      officeTheme: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" },
      document: { addHandlerAsync: (_type: unknown, handler: (args: unknown) => void) => (changed = handler) },
    });
    render(<App inExcel={true} />);
    await screen.findByText("kunne ikke lese arbeidsboken");
    expect(document.documentElement.style.backgroundColor).toBe("rgb(38, 38, 38)");
    expect(changed).toBeDefined();
    act(() => changed?.({ officeTheme: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626" } }));
    expect(document.documentElement.style.backgroundColor).toBe("rgb(255, 255, 255)");
  });

  test("a host without the event is asked again when the pane regains focus", async () => {
    const theme = { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626" };
    withOffice("1.12", { officeTheme: theme });
    render(<App inExcel={true} />);
    await screen.findByText("kunne ikke lese arbeidsboken");
    expect(document.documentElement.style.backgroundColor).toBe("rgb(255, 255, 255)");
    theme.bodyBackgroundColor = "#000000";
    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    expect(document.documentElement.style.backgroundColor).toBe("rgb(0, 0, 0)");
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
    expect(screen.queryByText("Henter katalogen …")).toBeNull();
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
    await screen.findByTestId("about");
    expect(row("Tillegg")).toBe(`Tiltaksmeny ${ADDIN_VERSION}`);
    expect(row("Katalog")).toBe(`elverum-omstilling-2025 versjon ${bundledCatalogue.version}`);
    expect(row("Excel")).toBe("Excel for Mac (Mac), versjon 16.89.24091630");
    expect(row("Støttede kravsett")).toBe("ExcelApi 1.1–1.12, SharedRuntime 1.1");
    expect(row("Minstekrav")).toContain("ExcelApi 1.4");
    expect(row("office.js")).toMatch(/^(Microsofts CDN|lokal kopi)$/);
  }, 15_000);
});
