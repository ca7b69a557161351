// «Tiltak»: the catalogue to browse (filter by working group and category, search number and title) and,
// once the catalogue is in the workbook, the budget officer's choice against the savings target. Every
// figure is in mill. kr with the report's sign (negative = saving), target and remaining alike. The view
// follows the Tiltak table live (someone types Ja/Nei in Valgt); there is no refresh button.
import { Checkbox, Input } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Catalogue } from "../domain/catalogue";
import type { ChoiceLine } from "../domain/choice";
import { effect } from "../domain/effects";
import { targetYear } from "../domain/layout";
import { excelErrorMessage } from "../excel/errors";
import { onTableChanged } from "../excel/events";
import { readChoice, setChoice, type ChoiceState } from "../excel/followup";
import { EmptyState } from "./EmptyState";
import { ALL, groupChoices, SelectField } from "./Fields";
import { formatMnok, mnok, plural } from "./format";
import { Busy, Notice } from "./Notice";
import { usePane } from "./pane";

const NONE = "ingen";

/** The choice in the workbook: read when the view is shown and whenever the Tiltak table changes. */
function useChoice(catalogue: Catalogue, live: boolean) {
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
  useEffect(() => {
    if (live) void run(() => readChoice(catalogue));
  }, [live, catalogue, run]);
  const liveRef = useRef(live);
  liveRef.current = live;
  useEffect(() => {
    if (!live) return;
    void onTableChanged("measures", () => {
      if (liveRef.current) void run(() => readChoice(catalogue));
    }).catch(() => undefined);
  }, [live, catalogue, run]);
  const choose = (id: string, chosen: boolean) => void run(() => setChoice(catalogue, id, chosen));
  return { state, busy, error, choose };
}

/** Target, chosen and what remains, all as savings (negative); the bar shows the share reached. */
function TargetLine({ l, year, compact }: { l: ChoiceLine; year: number; compact?: boolean }) {
  const share = l.target ? Math.max(0, Math.min(1, l.chosen / l.target)) : 0;
  const name = l.group === null ? "Hele kommunen" : `${l.group} ${l.name}`;
  // gap = chosen − target: positive while savings are missing. Shown as the saving still needed (negative),
  // or, past the target, the saving beyond it (negative too): one sign convention for every figure.
  const rest = l.gap === null ? null : l.gap > 0 ? { label: "Gjenstår", value: -l.gap } : { label: "Utover kravet", value: l.gap };
  if (compact) {
    return (
      <li data-testid={`choice-${l.group ?? "alle"}`}>
        <span className="tm-wrap">{name}</span>: valgt {mnok(l.chosen)} av {l.target === null ? "–" : mnok(l.target)}
        {rest && ` · ${rest.label.toLowerCase()} ${mnok(rest.value)}`}
      </li>
    );
  }
  return (
    <div className="tm-target" data-testid={`choice-${l.group ?? "alle"}`}>
      <strong className="tm-wrap">
        {name}, {year}
      </strong>
      <dl className="tm-figures">
        <dt>Sparekrav</dt>
        <dd>{l.target === null ? "–" : mnok(l.target)}</dd>
        <dt>Valgt ({plural(l.count, "tiltak", "tiltak")})</dt>
        <dd>{mnok(l.chosen)}</dd>
        {rest && (
          <>
            <dt>{rest.label}</dt>
            <dd>{mnok(rest.value)}</dd>
          </>
        )}
      </dl>
      <div
        className="tm-progress"
        data-done={share >= 1}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        aria-label={`Andel av sparekravet nådd, ${name}`}
      >
        <span style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

export function MeasuresPanel({ catalogue, active }: { catalogue: Catalogue; active: boolean }) {
  const { workbook } = usePane();
  const inserted = workbook === "present";
  const choice = useChoice(catalogue, active && inserted);
  const [group, setGroup] = useState(ALL);
  const [category, setCategory] = useState(ALL);
  const [query, setQuery] = useState("");
  const year = targetYear(catalogue);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return catalogue.measures.filter(
      (m) =>
        (group === ALL || String(m.group) === group) &&
        (category === ALL || (category === NONE ? m.category === null : m.category === category)) &&
        (q === "" || m.id.startsWith(q) || m.title.toLowerCase().includes(q)),
    );
  }, [catalogue, group, category, query]);

  const summary = choice.state?.summary;
  const groupLine = summary && group !== ALL ? summary.lines.find((l) => String(l.group) === group) : undefined;
  const canChoose = inserted && choice.state !== null;

  return (
    <section className="tm-stack" aria-label="Tiltak">
      {!inserted && <EmptyState what="Da kan du velge tiltak her og se dem mot sparekravet; til da kan du bla i katalogen." />}
      {inserted && !summary && choice.busy && <Busy label="Leser valgene i arbeidsboken …" />}
      {choice.error && (
        <Notice intent="error" title="Kunne ikke lese valgene" role="alert">
          <span>{choice.error}</span>
        </Notice>
      )}
      {summary && (
        <div className="tm-stack">
          <TargetLine l={summary.overall} year={summary.year} />
          {groupLine && <TargetLine l={groupLine} year={summary.year} />}
          {!groupLine && (
            <details>
              <summary>Per arbeidsgruppe</summary>
              <ul className="tm-stack" style={{ marginTop: 4 }}>
                {summary.lines.map((l) => (
                  <TargetLine key={l.group} l={l} year={summary.year} compact />
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      <div className="tm-filters">
        <SelectField id="tiltak-gruppe" label="Arbeidsgruppe" value={group} onChange={setGroup} choices={groupChoices(catalogue, "Alle arbeidsgrupper")} />
        <SelectField
          id="tiltak-kategori"
          label="Kategori"
          value={category}
          onChange={setCategory}
          choices={[{ value: ALL, label: "Alle kategorier" }, ...catalogue.categories.map((c) => ({ value: c, label: c })), { value: NONE, label: "Uten kategori i rapporten" }]}
        />
        <div className="tm-field">
          <label htmlFor="tiltak-sok">Søk i tiltak</label>
          <Input id="tiltak-sok" type="search" value={query} onChange={(_, d) => setQuery(d.value)} placeholder="Nummer eller navn" />
        </div>
      </div>
      <p className="tm-caption" role="status">
        {plural(rows.length, "tiltak", "tiltak")} · effekt {year} i mill. kr (negativ = innsparing)
        {canChoose ? " · kryss av for å velge (skriver Ja/Nei i kolonnen Valgt)" : ""}
      </p>
      <ul className="tm-list">
        {rows.map((m) => {
          const o = m.inSummary ? effect(catalogue, m.id, year) : null;
          const amount = o === null ? "kun kap. 4" : o.ok ? formatMnok(o.value) : "ulesbar";
          return (
            <li key={m.id} className="tm-measure">
              {canChoose && m.inSummary ? (
                <Checkbox
                  label={`${m.id} ${m.title}`}
                  checked={choice.state?.chosen.has(m.id) ?? false}
                  disabled={choice.busy}
                  onChange={(_, d) => choice.choose(m.id, d.checked === true)}
                />
              ) : (
                <span className="tm-measure-text">
                  <span className="tm-measure-id">{m.id}</span>
                  <span className="tm-wrap">{m.title}</span>
                </span>
              )}
              <span className="tm-amount">{amount}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
