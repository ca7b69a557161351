import { act, fireEvent, render, screen } from "@testing-library/react";
import { bundledCatalogue } from "../data/bundled";
import { aboutText, readAbout } from "./about";
import { AboutPanel } from "./AboutPanel";

function withOffice(platform: string, version: string): void {
  (globalThis as { Office?: unknown }).Office = {
    context: {
      diagnostics: { platform, version },
      requirements: { isSetSupported: (name: string, v?: string) => name === "ExcelApi" && Number((v ?? "1.1").split(".")[1]) <= 12 },
    },
  };
}

function setClipboard(writeText: ((text: string) => Promise<void>) | undefined): void {
  Object.defineProperty(navigator, "clipboard", { value: writeText ? { writeText } : undefined, configurable: true });
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  setClipboard(undefined);
});

describe("AboutPanel", () => {
  const open = () => fireEvent.click(screen.getByRole("button", { name: "Om tillegget" }));
  const row = (label: string) => screen.getByText(label, { selector: "dt" }).nextElementSibling?.textContent;

  test("the header is a button in an h2 that expands and collapses the section", async () => {
    render(<AboutPanel catalogue={bundledCatalogue} />);
    const header = screen.getByRole("button", { name: "Om tillegget" });
    expect(header.closest("h2")).not.toBeNull();
    expect(header.getAttribute("aria-expanded")).toBe("false");
    open();
    expect(header.getAttribute("aria-expanded")).toBe("true");
    expect(await screen.findByTestId("about")).toBeTruthy();
    open();
    expect(screen.queryByTestId("about")).toBeNull();
  });

  test("outside Office the host facts are «ukjent»", async () => {
    render(<AboutPanel catalogue={bundledCatalogue} />);
    open();
    await screen.findByTestId("about");
    expect(row("Excel")).toBe("ukjent");
    expect(row("Støttede kravsett")).toBe("ukjent");
  });

  test("«Kopier» puts the plain-text block on the clipboard and says «Kopiert»", async () => {
    withOffice("Mac", "16.89.24091630");
    const writeText = jest.fn(async (_: string) => undefined);
    setClipboard(writeText);
    render(<AboutPanel catalogue={bundledCatalogue} />);
    open();
    fireEvent.click(await screen.findByRole("button", { name: "Kopier" }));
    await screen.findByText("Kopiert");
    expect(writeText).toHaveBeenCalledWith(aboutText(readAbout(bundledCatalogue)));
    expect(writeText.mock.calls[0]?.[0]).toContain("Excel: Excel for Mac (Mac), versjon 16.89.24091630");
    expect(screen.queryByTestId("about-text")).toBeNull();
  });

  test("when the clipboard is refused, the text is shown and selected for Ctrl+C", async () => {
    withOffice("Mac", "16.89.24091630");
    setClipboard(() => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")));
    const execCommand = jest.fn(() => false);
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    render(<AboutPanel catalogue={bundledCatalogue} />);
    open();
    await screen.findByRole("button", { name: "Kopier" });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Kopier" }));
    });
    const text = (await screen.findByTestId("about-text")) as HTMLTextAreaElement;
    expect(text.value).toBe(aboutText(readAbout(bundledCatalogue)));
    expect(document.activeElement).toBe(text);
    expect([text.selectionStart, text.selectionEnd]).toEqual([0, text.value.length]);
    expect(execCommand).toHaveBeenCalledWith("copy");
    expect(await screen.findByText(/Teksten er merket\. Trykk Ctrl\+C/)).toBeTruthy();
    expect(screen.queryByText("Kopiert")).toBeNull();

    // Without navigator.clipboard at all, and an old copy command that works: «Kopiert».
    setClipboard(undefined);
    execCommand.mockReturnValue(true);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Kopier" }));
    });
    expect(await screen.findByText("Kopiert")).toBeTruthy();
  });
});

