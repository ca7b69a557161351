import { Button } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { Busy, Notice } from "./Notice";
import { usePane } from "./pane";

// «Last ned som arbeidsbok» comes in its own chunk after the pane's first render; ExcelJS itself only on click.
const DownloadWorkbook = lazy(() => import(/* webpackChunkName: "nedlasting" */ "./DownloadWorkbook").then((m) => ({ default: m.DownloadWorkbook })));

/**
 * «Sett inn tiltakskatalog», the same action wherever it is shown (Start, and every view's empty state). The
 * insert code and the catalogue are loaded on the first click. With a blocked reason (Excel too old) the button
 * stays focusable but does nothing, and the reason is read out with it.
 */
export function InsertButton({ describedBy }: { describedBy?: string }) {
  const { insert, startInsert, blockedReason } = usePane();
  return (
    <Button
      appearance="primary"
      onClick={blockedReason ? undefined : () => void startInsert()}
      disabled={insert.state === "busy"}
      disabledFocusable={!!blockedReason}
      aria-describedby={describedBy}
    >
      Sett inn tiltakskatalog
    </Button>
  );
}

/** Progress, result or error of the insert; `full` (Start) lists what was done, elsewhere only errors show. */
export function InsertStatus({ full }: { full: boolean }) {
  const { insert } = usePane();
  if (insert.state === "busy") return <Busy label={insert.step || "Arbeider …"} />;
  if (insert.state === "error") {
    return (
      <Notice intent="error" title="Katalogen ble ikke satt inn" testId={full ? "insert-error" : undefined} role="alert">
        <span>
          {insert.message}
          {/* Said only when nothing was written or the rollback verified it by reading the workbook again. */}
          {insert.asBefore === true && " Arbeidsboken er som før."}
          {insert.asBefore === false && " Arbeidsboken er ikke helt som før:"}
        </span>
        {insert.details.length > 0 && (
          <ul data-testid="insert-error-details">
            {insert.details.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        )}
      </Notice>
    );
  }
  if (insert.state === "done" && full) {
    const s = insert.result.summary;
    return (
      <Notice intent="success" title={s.title} testId="insert-result" role="status">
        <ul>
          {s.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </Notice>
    );
  }
  return null;
}

/** Start: the insert action with what it does and, after a run, what it did. */
export function InsertPanel() {
  const { blockedReason } = usePane();
  return (
    <section className="tm-stack" aria-label="Sett inn katalogen">
      <div>
        <InsertButton describedBy={blockedReason ? "insert-blocked insert-help" : "insert-help"} />
      </div>
      {blockedReason && (
        <span id="insert-blocked" data-testid="insert-blocked">
          {blockedReason}
        </span>
      )}
      <span id="insert-help" className="tm-caption">
        Lager eller oppdaterer tilleggets ark etter dine egne, blant annet Tiltak, Detaljer, Oppsummering, Oppfølging, HØP og
        Avvik. Det du har skrevet inn selv, blir ikke overskrevet.
      </span>
      <InsertStatus full />
      <Suspense fallback={null}>
        <DownloadWorkbook />
      </Suspense>
    </section>
  );
}
