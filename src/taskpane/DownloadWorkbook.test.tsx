/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// jsdom with Node's export conditions: ExcelJS's Node build (run by the "real file" test) imports uuid,
// whose "browser" condition is ESM that Jest does not transform.
import { fireEvent, render, screen } from "@testing-library/react";
import ExcelJS from "exceljs";
import { DownloadWorkbook, XLSX_MIME, type WorkbookFile } from "./DownloadWorkbook";

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

const file: WorkbookFile = { bytes: new Uint8Array([80, 75, 3, 4]), name: "tiltaksmeny-x-1.xlsx" };

describe("«Last ned som arbeidsbok»", () => {
  test("in a plain browser: builds the file on click and hands it to the browser as a download", async () => {
    const saved: WorkbookFile[] = [];
    render(<DownloadWorkbook build={async () => file} save={(f) => saved.push(f)} />);
    fireEvent.click(screen.getByRole("button", { name: "Last ned som arbeidsbok" }));
    expect((await screen.findByTestId("download-result")).textContent).toContain("tiltaksmeny-x-1.xlsx");
    expect(saved).toEqual([file]);
    // Outside Office there is nothing to fall back to.
    expect(screen.queryByRole("button", { name: "Åpne Tiltaksmeny i nettleseren" })).toBeNull();
  });

  test("the default download is a link to a Blob of the spreadsheet type, with the file's name", async () => {
    const created: Blob[] = [];
    const clicked: { href: string; download: string }[] = [];
    const url = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
    const before = { create: url.createObjectURL, revoke: url.revokeObjectURL };
    url.createObjectURL = (b: Blob) => (created.push(b), "blob:test");
    url.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    try {
      render(<DownloadWorkbook build={async () => file} />);
      fireEvent.click(screen.getByRole("button", { name: "Last ned som arbeidsbok" }));
      await screen.findByTestId("download-result");
      expect(created).toHaveLength(1);
      expect(created[0]?.type).toBe(XLSX_MIME);
      expect(created[0]?.size).toBe(4);
      expect(clicked).toEqual([{ href: "blob:test", download: "tiltaksmeny-x-1.xlsx" }]);
      expect(document.querySelector("a[download]")).toBeNull(); // the link is gone again
    } finally {
      click.mockRestore();
      url.createObjectURL = before.create;
      url.revokeObjectURL = before.revoke;
    }
  });

  test("the real file: the bundled catalogue through the file renderer, loaded on the click", async () => {
    const saved: WorkbookFile[] = [];
    render(<DownloadWorkbook save={(f) => saved.push(f)} />);
    fireEvent.click(screen.getByRole("button", { name: "Last ned som arbeidsbok" }));
    await screen.findByTestId("download-result", {}, { timeout: 15_000 });
    expect(saved[0]?.name).toMatch(/^tiltaksmeny-.+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved[0]?.bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tiltak", "Detaljer", "Oppsummering", "Oppfølging", "Statusrapport", "Versjoner", "HØP", "Avvik", "Lister"]);
  }, 20_000);

  test("a failure says so in Norwegian, and the button works again", async () => {
    let fail = true;
    render(
      <DownloadWorkbook
        build={async () => {
          if (fail) throw new Error("boom");
          return file;
        }}
        save={() => undefined}
      />,
    );
    const button = screen.getByRole("button", { name: "Last ned som arbeidsbok" });
    fireEvent.click(button);
    expect((await screen.findByTestId("download-error")).textContent).toContain("Prøv igjen");
    expect(screen.queryByText(/boom/)).toBeNull();
    fail = false;
    fireEvent.click(button);
    await screen.findByTestId("download-result");
  });

  test("inside Excel: offers to open the pane in the browser when the webview may have dropped the download", async () => {
    const opened: string[] = [];
    (globalThis as { Office?: unknown }).Office = {
      context: {
        diagnostics: { platform: "PC", version: "16.0" },
        requirements: { isSetSupported: (name: string, v?: string) => name === "OpenBrowserWindowApi" && v === "1.1" },
        ui: { openBrowserWindow: (u: string) => opened.push(u) },
      },
    };
    render(<DownloadWorkbook build={async () => file} save={() => undefined} />);
    fireEvent.click(screen.getByRole("button", { name: "Last ned som arbeidsbok" }));
    fireEvent.click(await screen.findByRole("button", { name: "Åpne Tiltaksmeny i nettleseren" }));
    expect(opened).toEqual([window.location.href.split("#")[0]]);
  });

  test("inside an Excel without that API: says which address to open instead", async () => {
    (globalThis as { Office?: unknown }).Office = {
      context: { diagnostics: { platform: "Mac", version: "16.0" }, requirements: { isSetSupported: () => false }, ui: {} },
    };
    render(<DownloadWorkbook build={async () => file} save={() => undefined} />);
    fireEvent.click(screen.getByRole("button", { name: "Last ned som arbeidsbok" }));
    fireEvent.click(await screen.findByRole("button", { name: "Åpne Tiltaksmeny i nettleseren" }));
    expect(screen.getByTestId("download-result").textContent).toContain(`Åpne ${window.location.href.split("#")[0]} i nettleseren din`);
  });
});
