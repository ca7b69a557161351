import { Body1Strong, Button, Caption1, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Catalogue } from "../domain/catalogue";
import type { ChoiceLine } from "../domain/choice";
import { readChoice, setChoice, type ChoiceState } from "../excel/followup";
import { excelErrorMessage } from "../excel/errors";
import { onTableChanged } from "../excel/events";
import { formatMnok } from "./format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: { listStyle: "none", margin: 0, padding: 0 },
});

function gapText(l: ChoiceLine): string {
  if (l.gap === null) return "";
  return l.gap > 0 ? `mangler ${formatMnok(l.gap)}` : `${formatMnok(-l.gap)} over kravet`;
}

function Line({ l, year }: { l: ChoiceLine; year: number }) {
  const styles = useStyles();
  // Both are negative (savings): the share of the target reached.
  const share = l.target ? Math.max(0, Math.min(1, l.chosen / l.target)) : 0;
  return (
    <div className={styles.line} data-testid={`choice-${l.group ?? "alle"}`}>
      <Body1Strong>{l.group === null ? l.name : `${l.group} ${l.name}`}</Body1Strong>
      <Caption1>
        Valgt {formatMnok(l.chosen)} av sparekrav {l.target === null ? "–" : formatMnok(l.target)} i {year} · {gapText(l)} · {l.count} tiltak
      </Caption1>
      <ProgressBar value={share} thickness="large" color={share >= 1 ? "success" : "brand"} aria-label={`Andel av sparekravet nådd for ${l.name}`} />
    </div>
  );
}

/** Chosen measures against the target, per group and overall; choose measures here or in the Valgt column. */
export function ChoicePanel({ catalogue, active }: { catalogue: Catalogue; active: boolean }) {
  const styles = useStyles();
  const [state, setState] = useState<ChoiceState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (f: () => Promise<ChoiceState>) => {
    setBusy(true);
    setError(null);
    try {
      setState(await f());
    } catch (e) {
      setError(excelErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }, []);

  // Re-read whenever the view is shown: the choice may have changed in the workbook.
  useEffect(() => {
    if (active) void run(() => readChoice(catalogue));
  }, [active, catalogue, run]);

  // And live, while shown, when the Tiltak table changes (someone types Ja/Nei in Valgt).
  const activeRef = useRef(active);
  activeRef.current = active;
  useEffect(() => {
    if (!active) return;
    void onTableChanged("measures", () => {
      if (activeRef.current) void run(() => readChoice(catalogue));
    }).catch(() => undefined);
  }, [active, catalogue, run]);

  return (
    <section className={styles.root} aria-label="Valgte tiltak mot sparekravet">
      <div>
        <Button onClick={() => void run(() => readChoice(catalogue))} disabled={busy}>
          Oppdater
        </Button>
      </div>
      {busy && <Spinner size="tiny" label="Leser valgene i arbeidsboken …" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Kunne ikke lese valgene</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {state && (
        <>
          <Line l={state.summary.overall} year={state.summary.year} />
          {state.summary.lines.map((l) => (
            <Line key={l.group} l={l} year={state.summary.year} />
          ))}
          <Caption1>Velg tiltak (skriver Ja/Nei i kolonnen Valgt i Tiltak-tabellen):</Caption1>
          <ul className={styles.list}>
            {catalogue.measures
              .filter((m) => m.inSummary)
              .map((m) => (
                <li key={m.id}>
                  <Checkbox
                    label={`${m.id} ${m.title}`}
                    checked={state.chosen.has(m.id)}
                    disabled={busy}
                    onChange={(_, d) => void run(() => setChoice(catalogue, m.id, d.checked === true))}
                  />
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
