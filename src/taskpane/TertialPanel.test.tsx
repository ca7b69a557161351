import { fireEvent, render, screen, within } from "@testing-library/react";
import { bundledCatalogue as cat } from "../data/bundled";
import { DEFAULT_STATUSES, followUpRows } from "../domain/tertial";
import type { TertialData } from "../excel/tertial";
import { TertialPanel, type TertialActions } from "./TertialPanel";

const header = ["Nr", "Tiltak", "Gruppe", "År", "Status", "Signal", "Plan", "Realisert 30.04", "Realisert 31.08", "Realisert", "Forventet", "Katalog"];
const values = [
  ["1.1", "Økt bemanningsnorm", 1, 2026, "I rute", 3, -0.3, -0.1, -0.2, "", -0.3, "I katalogen"],
  ["1.2", "Skolestruktur", 1, 2026, "Forsinket", 1, -2.5, -0.5, -1, "", -1, "I katalogen"],
  ["2.3", "Hjemmetjenester", 2, 2026, "Avbrutt/erstattet", 1, -1.8, -0.4, -0.6, "", -0.6, "I katalogen"],
  ["2.4", "Nytt tiltak", 2, 2026, "", "", -1.4, "", "", "", -1.4, "I katalogen"],
  ["1.1", "Økt bemanningsnorm", 1, 2027, "", "", -0.6, "", "", "", -0.6, "I katalogen"],
];

function fake(upgraded = true): TertialActions & { shown: number[] } {
  const shown: number[] = [];
  const data: TertialData = {
    rows: followUpRows(header, values),
    statuses: DEFAULT_STATUSES,
    versions: [{ name: "Vedtatt budsjett 2026", frozen: "2026-01-15 09:00", rows: 176 }],
    adopted: { name: "Vedtatt budsjett 2026", measures: () => new Map([["1.1", "Økt bemanningsnorm"], ["1.2", "Skolestruktur"], ["2.3", "Hjemmetjenester"]]) },
    upgraded,
  };
  return { shown, read: async () => data, show: async (i) => (shown.push(i), `Oppfølging!A${i + 2}`) };
}

describe("«Tertialrapport»", () => {
  test("each group's lights and figures for the year and tertial, as read from Oppfølging", async () => {
    render(<TertialPanel catalogue={cat} actions={fake()} />);
    const g1 = await screen.findByTestId("gruppe-1");
    expect([...g1.querySelectorAll("td")].map((c) => c.textContent)).toEqual(["1", "0", "1", "0", "−2,8", "−0,6", "−1,3"]);
    // 2. tertial: realised per 31 August.
    fireEvent.change(screen.getByLabelText("Tertial"), { target: { value: "1" } });
    expect(screen.getByRole("columnheader", { name: "Realisert per 31. august" })).toBeTruthy();
    expect([...screen.getByTestId("gruppe-1").querySelectorAll("td")].map((c) => c.textContent)[5]).toBe("−1,2");
    // Another year: the 2027 row is not followed yet.
    fireEvent.change(screen.getByLabelText("År"), { target: { value: "2027" } });
    expect([...screen.getByTestId("gruppe-1").querySelectorAll("td")].map((c) => c.textContent)).toEqual(["0", "0", "0", "1", "−0,6", "0,0", "−0,6"]);
  });

  test("jumps to a red row in Oppfølging", async () => {
    const actions = fake();
    render(<TertialPanel catalogue={cat} actions={actions} />);
    const list = await screen.findByRole("list", { name: "Røde rader 2026" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent?.replace("Vis", "").trim())).toEqual(["1.2 Skolestruktur (Forsinket)", "2.3 Hjemmetjenester (Avbrutt/erstattet)"]);
    fireEvent.click(screen.getByRole("button", { name: "Vis 2.3 2026 i Oppfølging" }));
    expect((await screen.findByText("Viser 2.3 2026 i arket Oppfølging.")).getAttribute("role")).toBe("status");
    expect(actions.shown).toEqual([2]);
  });

  test("measures added or dropped during the year are marked against the adopted version", async () => {
    render(<TertialPanel catalogue={cat} actions={fake()} />);
    const list = await screen.findByRole("list", { name: "Lagt til eller falt bort i 2026" });
    expect(within(list).getAllByRole("listitem").map((li) => [li.getAttribute("data-kind"), li.textContent])).toEqual([
      ["dropped", "Falt bort: 2.3 Hjemmetjenester — Status «Avbrutt/erstattet»"],
      ["added", "Lagt til: 2.4 Nytt tiltak — Ikke med i «Vedtatt budsjett 2026»"],
    ]);
  });

  test("a workbook not upgraded is told to insert the catalogue again; a failed read says so", async () => {
    render(<TertialPanel catalogue={cat} actions={fake(false)} />);
    expect(await screen.findByText("Oppfølging mangler tertialkolonnene")).toBeTruthy();
    const failing: TertialActions = { read: async () => Promise.reject(Object.assign(new Error("x"), { code: "ItemNotFound" })), show: async () => "" };
    render(<TertialPanel catalogue={cat} actions={failing} />);
    expect((await screen.findByRole("alert")).textContent).toContain("finnes ikke lenger");
  });
});
