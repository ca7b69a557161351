import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { VersionInfo } from "../domain/versions";
import { VersionError } from "../excel/versions";
import { VersionsPanel, type VersionsActions } from "./VersionsPanel";

const V1: VersionInfo = { name: "Vedtatt budsjett 2026", frozen: "2026-01-15 09:00", rows: 176 };

function fake(start: VersionInfo[] = [V1]): VersionsActions & { calls: string[] } {
  let versions = [...start];
  const calls: string[] = [];
  return {
    calls,
    list: async () => versions,
    freeze: async (name) => {
      calls.push(`freeze ${name}`);
      if (name === "Feil") throw new VersionError("Versjonen ble ikke frosset. Excel kunne ikke fullføre handlingen. Arbeidsboken er som før.", true);
      const v = { name: name.trim(), frozen: "2026-05-10 14:30", rows: 176 };
      versions = [...versions, v];
      return { versions, message: `Frøs «${v.name}» (176 rader) 2026-05-10 14:30.` };
    },
    remove: async (name) => {
      calls.push(`remove ${name}`);
      versions = versions.filter((v) => v.name !== name);
      return versions;
    },
  };
}

describe("«Frosne versjoner»", () => {
  test("lists the workbook's versions and freezes a new one under the name typed", async () => {
    const actions = fake();
    render(<VersionsPanel actions={actions} />);
    expect(await screen.findByText("Vedtatt budsjett 2026")).toBeTruthy();
    expect(screen.getByText(/frosset 2026-01-15 09:00, 176 rader/)).toBeTruthy();
    const button = screen.getByRole("button", { name: "Frys versjon" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true); // no name yet
    fireEvent.change(screen.getByLabelText("Navn på versjonen"), { target: { value: "Status 1. tertial 2026" } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect((await screen.findByTestId("versjon-resultat")).textContent).toContain("Frøs «Status 1. tertial 2026»");
    expect(actions.calls).toEqual(["freeze Status 1. tertial 2026"]);
    expect(screen.getByText("Status 1. tertial 2026")).toBeTruthy();
    expect((screen.getByLabelText("Navn på versjonen") as HTMLInputElement).value).toBe("");
  });

  test("says why a name cannot be used, before anything is sent", async () => {
    const actions = fake();
    render(<VersionsPanel actions={actions} />);
    await screen.findByText("Vedtatt budsjett 2026");
    fireEvent.change(screen.getByLabelText("Navn på versjonen"), { target: { value: "vedtatt budsjett 2026" } });
    expect(screen.getByRole("status").textContent).toContain("finnes allerede");
    expect((screen.getByRole("button", { name: "Frys versjon" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Navn på versjonen"), { target: { value: "x".repeat(61) } });
    expect(screen.getByRole("status").textContent).toContain("høyst 60 tegn");
    expect(actions.calls).toEqual([]);
  });

  test("a failure shows the action's own Norwegian message", async () => {
    render(<VersionsPanel actions={fake()} />);
    await screen.findByText("Vedtatt budsjett 2026");
    fireEvent.change(screen.getByLabelText("Navn på versjonen"), { target: { value: "Feil" } });
    fireEvent.click(screen.getByRole("button", { name: "Frys versjon" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Versjonen ble ikke frosset. Excel kunne ikke fullføre handlingen. Arbeidsboken er som før.");
  });

  test("removes a version only after a yes; «Avbryt» leaves it", async () => {
    const actions = fake();
    render(<VersionsPanel actions={actions} />);
    fireEvent.click(await screen.findByRole("button", { name: "Fjern «Vedtatt budsjett 2026»" }));
    expect(screen.getByRole("group", { name: "Bekreft at «Vedtatt budsjett 2026» skal fjernes" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Avbryt" }));
    expect(actions.calls).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Fjern «Vedtatt budsjett 2026»" }));
    fireEvent.click(screen.getByRole("button", { name: "Ja, fjern" }));
    await waitFor(() => expect(screen.getByText("Ingen frosne versjoner ennå.")).toBeTruthy());
    expect(actions.calls).toEqual(["remove Vedtatt budsjett 2026"]);
    expect(screen.getByTestId("versjon-resultat").textContent).toBe("Fjernet «Vedtatt budsjett 2026».");
  });
});
