import { fireEvent, render, screen } from "@testing-library/react";
import { App } from "./App";
import { formatMnok } from "./format";

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
    expect(screen.getByText(/46 tiltak fra Agenda Kaupang/)).toBeTruthy();
    expect(screen.getByText("Lederstøtte, bemanningsplanlegging i pleie og omsorgstjenestene - ressurspool, årsturnus")).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText("Nummer eller navn"), { target: { value: "kino" } });
    expect(screen.getByText(/^1 tiltak/)).toBeTruthy();
    expect(screen.getByText("Endre drift kinoen")).toBeTruthy();
    expect(screen.getByText("Alle kategorier")).toBeTruthy();
  });
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
