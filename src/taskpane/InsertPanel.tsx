import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback } from "react";
import type { Catalogue } from "../domain/catalogue";
import { insertCatalogue, type InsertResult } from "../excel/insert";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * "Sett inn tiltakskatalog": creates or updates the add-in's tables, with progress and a clear result.
 * With `blockedReason` the button stays focusable but does nothing, and the reason is shown beside it.
 */
export function InsertPanel({ catalogue, onDone, blockedReason }: { catalogue: Catalogue; onDone?: () => void; blockedReason?: string }) {
  const styles = useStyles();
  const run = useCallback(
    async (progress: (s: string) => void): Promise<InsertResult> => {
      const r = await insertCatalogue(catalogue, progress);
      onDone?.();
      return r;
    },
    [catalogue, onDone],
  );
  const [state, start] = useAction(run);
  const busy = state.state === "busy";
  return (
    <section className={styles.root} aria-label="Sett inn katalogen">
      <div>
        <Button
          appearance="primary"
          onClick={blockedReason ? undefined : start}
          disabled={busy}
          disabledFocusable={!!blockedReason}
          aria-describedby={blockedReason ? "insert-blocked insert-help" : "insert-help"}
        >
          Sett inn tiltakskatalog
        </Button>
      </div>
      {blockedReason && (
        <span id="insert-blocked" data-testid="insert-blocked">
          {blockedReason}
        </span>
      )}
      <span id="insert-help">
        Lager eller oppdaterer arkene Tiltak, Detaljer og Oppsummering. Det du har skrevet inn selv, blir ikke overskrevet.
      </span>
      {busy && <Spinner size="tiny" label={state.step || "Arbeider …"} />}
      {state.state === "done" && (
        <MessageBar intent="success">
          <MessageBarBody data-testid="insert-result">
            <MessageBarTitle>{state.result.plan.unchanged ? "Allerede oppdatert" : "Katalogen er satt inn"}</MessageBarTitle>
            <ul className={styles.list}>
              {state.result.messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.state === "error" && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="insert-error">
            <MessageBarTitle>Katalogen ble ikke satt inn</MessageBarTitle>
            {state.message} Arbeidsboken er som før.
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
