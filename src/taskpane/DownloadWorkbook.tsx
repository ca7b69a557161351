// Shown on Start, so it uses the pane's own Notice/Busy rather than Fluent's MessageBar and Spinner (16 KB
// gzip the page would load at start for a button most users never press).
import { Button } from "@fluentui/react-components";
import { useCallback, useRef, useState } from "react";
import { loadBundled } from "../data/lazy";
import type { Catalogue } from "../domain/catalogue";
import { Busy, Notice } from "./Notice";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface WorkbookFile {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly name: string;
}

/**
 * The file, made on demand: ExcelJS and the file renderer come in their own chunk, loaded on the first
 * click (never with the pane), and so does the bundled catalogue unless one is given.
 */
async function buildFile(catalogue?: Catalogue): Promise<WorkbookFile> {
  const [{ catalogueFile, workbookFileName }, cat] = await Promise.all([
    import(/* webpackChunkName: "arbeidsbok" */ "../xlsx/file"),
    catalogue ?? loadBundled().then((m) => m.bundledCatalogue),
  ]);
  return { bytes: await catalogueFile(cat), name: workbookFileName(cat) };
}

/** A download through a link to a Blob: what browsers, and Excel on the web, let a page do. */
function saveFile(file: WorkbookFile): void {
  const url = URL.createObjectURL(new Blob([file.bytes], { type: XLSX_MIME }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Long enough for the browser to have read the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Inside Excel on Windows and Mac the pane runs in a webview that may not save downloads ("downloading a
 * PDF file when the webview control is provided by Microsoft Edge" is the example the OpenBrowserWindow
 * requirement set page gives of what the webview cannot always do). There the pane can open itself in the
 * user's browser, where the same button works. Excel on the web has no such API, and needs none.
 */
function openInBrowser(url: string): boolean {
  if (typeof Office === "undefined" || !Office.context.requirements.isSetSupported("OpenBrowserWindowApi", "1.1")) return false;
  Office.context.ui.openBrowserWindow(url);
  return true;
}

/** True when the pane runs inside an Office client (not in a plain browser tab). */
function insideOffice(): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context && !!Office.context.diagnostics;
  } catch {
    return false;
  }
}

type State = { readonly state: "idle" | "busy" } | { readonly state: "done"; readonly name: string } | { readonly state: "error" };

/**
 * «Last ned som arbeidsbok»: every table the add-in inserts, as an .xlsx file, for colleagues without the
 * add-in. Works in a plain browser as well as in Excel.
 */
export function DownloadWorkbook({ catalogue, build = buildFile, save = saveFile }: { catalogue?: Catalogue; build?: (catalogue?: Catalogue) => Promise<WorkbookFile>; save?: (file: WorkbookFile) => void }) {
  const [state, setState] = useState<State>({ state: "idle" });
  const [opened, setOpened] = useState<boolean | null>(null);
  const running = useRef(false);
  const start = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setState({ state: "busy" });
    try {
      const file = await build(catalogue);
      save(file);
      setState({ state: "done", name: file.name });
    } catch {
      setState({ state: "error" });
    } finally {
      running.current = false;
    }
  }, [build, save, catalogue]);
  const pageUrl = typeof window !== "undefined" ? (window.location.href.split("#")[0] ?? "") : "";
  return (
    <section className="tm-stack" aria-label="Last ned som arbeidsbok">
      <div>
        <Button appearance="secondary" onClick={() => void start()} disabled={state.state === "busy"} aria-describedby="download-help">
          Last ned som arbeidsbok
        </Button>
      </div>
      <span id="download-help">
        Alle tabellene som en Excel-fil (.xlsx), for kolleger som ikke har tillegget. Formlene regner i Excel uten tillegget.
      </span>
      {state.state === "busy" && <Busy label="Lager arbeidsboken …" />}
      {state.state === "done" && (
        <Notice intent="success" title="Arbeidsboken er laget" testId="download-result" role="status">
          <span>
            Filen heter {state.name} og ligger blant nedlastingene dine.
            {insideOffice() && (
              <>
                {" "}
                Kom det ingen fil? Excel kan stoppe nedlastinger fra tillegg.{" "}
                {opened === false ? (
                  <>Åpne {pageUrl} i nettleseren din og last ned der.</>
                ) : (
                  <Button appearance="transparent" size="small" onClick={() => setOpened(openInBrowser(pageUrl))}>
                    Åpne Tiltaksmeny i nettleseren
                  </Button>
                )}
              </>
            )}
          </span>
        </Notice>
      )}
      {state.state === "error" && (
        <Notice intent="error" title="Arbeidsboken ble ikke laget" testId="download-error" role="alert">
          Prøv igjen. Hjelper ikke det, kan den som drifter tillegget lage filen med kommandoen «npm run workbook».
        </Notice>
      )}
    </section>
  );
}
