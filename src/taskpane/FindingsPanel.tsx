// «Avvik»: where the report's tables disagree, for a controller. A count line first; filters by severity,
// working group and rule; then one section per working group (and one for the report's own sums), each
// collapsed to its count line when the list is long, errors first inside. One entry per measure, rule and
// severity with its years as a range; the workbook's Avvik table keeps its row per year.
import { Button } from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { Catalogue } from "../domain/catalogue";
import { reconcile, RULE_IDS, RULES, type Finding, type RuleId, type Severity } from "../domain/reconcile";
import { excelErrorMessage } from "../excel/errors";
import { recheckWorkbook } from "../excel/recheck";
import { selectFinding } from "../excel/select";
import { EmptyState } from "./EmptyState";
import { ALL, groupChoices, SelectField } from "./Fields";
import { countBySeverity, countText, entryTarget, groupFindings, REPORT_SECTION, sectionOf, severityTitle, type FindingEntry, type FindingSection } from "./findings";
import { plural, yearRanges } from "./format";
import { Busy, Notice } from "./Notice";
import { usePane } from "./pane";
import { useAction } from "./useAction";

/** At most this many entries are shown open at once; more, and the sections start collapsed. */
const OPEN_LIMIT = 12;

const SEVERITY_FILTERS: readonly { value: string; label: string; keep: (s: Severity) => boolean }[] = [
  { value: ALL, label: "Alle", keep: () => true },
  { value: "error", label: "Bare feil", keep: (s) => s === "error" },
  { value: "error+warning", label: "Feil og advarsler", keep: (s) => s !== "info" },
  { value: "warning", label: "Bare advarsler", keep: (s) => s === "warning" },
  { value: "info", label: "Bare merknader", keep: (s) => s === "info" },
];

function ruleTitle(rule: RuleId): string {
  return RULES.find((r) => r.id === rule)?.title ?? rule;
}

/** The first words of a title, about 30 characters, marked as shortened ("Digitalisering av administrative …"). */
function shortTitle(title: string): string {
  const words = title.split(/\s+/);
  let out = "";
  for (const w of words) {
    if (out.length >= 30) return `${out} …`;
    out = out ? `${out} ${w}` : w;
  }
  return out;
}

function Entry({ entry, catalogue, canJump, onJump, titled }: { entry: FindingEntry; catalogue: Catalogue; canJump: boolean; onJump: (e: FindingEntry) => void; titled: boolean }) {
  const measure = entry.measure ? catalogue.measure(entry.measure) : undefined;
  // A measure's (often long) title is given at its first entry in a section; later entries name its number.
  const what = entry.measure
    ? titled
      ? `${entry.measure} ${measure?.title ?? ""}`
      : `${entry.measure} ${shortTitle(measure?.title ?? "")}`
    : entry.rule === "total-group" && entry.group !== null
      ? `Gruppe ${entry.group} ${catalogue.group(entry.group)?.name ?? ""}`
      : (entry.subject ?? ruleTitle(entry.rule));
  return (
    <li className="tm-entry" data-testid={`finding-${entry.measure ?? "rapport"}-${entry.rule}`}>
      <span className="tm-entry-measure tm-wrap">{what}</span>
      <span className="tm-entry-head tm-wrap">
        <span className="tm-badge" data-severity={entry.severity}>
          {severityTitle(entry.severity)}
        </span>
        {ruleTitle(entry.rule)}
        {entry.years.length > 0 && (
          <>
            {" · "}
            <span className="tm-nowrap">{yearRanges(entry.years)}</span>
          </>
        )}
      </span>
      <ul className="tm-entry-lines tm-wrap">
        {entry.lines.map((l, i) => (
          <li key={l}>
            {l}
            {canJump && i === entry.lines.length - 1 && (
              <button type="button" className="tm-link" onClick={() => onJump(entry)}>
                Vis i arbeidsboken
              </button>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}

export function FindingsPanel({ catalogue }: { catalogue: Catalogue; active: boolean }) {
  const { workbook } = usePane();
  const inserted = workbook === "present";
  const [findings, setFindings] = useState<readonly Finding[]>(() => reconcile(catalogue));
  const [severity, setSeverity] = useState(ALL);
  const [group, setGroup] = useState(ALL);
  const [rule, setRule] = useState(ALL);
  // Sections the user opened or closed; the others follow the default (open when the list is short).
  const [toggled, setToggled] = useState<Readonly<Record<string, boolean>>>({});
  const [jumpError, setJumpError] = useState<string | null>(null);

  const recheck = useCallback(async () => {
    const r = await recheckWorkbook(catalogue);
    setFindings(r.findings);
    return r;
  }, [catalogue]);
  const [state, start] = useAction(recheck);

  const shown = useMemo(() => {
    const keep = SEVERITY_FILTERS.find((s) => s.value === severity)?.keep ?? (() => true);
    return findings.filter((f) => keep(f.severity) && (rule === ALL || f.rule === rule) && (group === ALL || sectionOf(f) === group));
  }, [findings, severity, rule, group]);
  const sections = useMemo(
    () =>
      groupFindings(
        shown,
        catalogue.measures.map((m) => m.id),
        RULE_IDS,
        catalogue.groups.map((g) => g.id),
      ),
    [shown, catalogue],
  );
  const entryCount = sections.reduce((n, s) => n + s.entries.length, 0);
  const openByDefault = entryCount <= OPEN_LIMIT;

  const jump = async (e: FindingEntry) => {
    setJumpError(null);
    try {
      await selectFinding(entryTarget(e));
    } catch (err) {
      setJumpError(excelErrorMessage(err));
    }
  };

  const sectionTitle = (s: FindingSection) => (s.key === REPORT_SECTION ? "Summer i rapporten" : `${s.key} ${catalogue.group(Number(s.key))?.name ?? ""}`);

  return (
    <section className="tm-stack" aria-label="Avvik i rapporten">
      <p>
        <strong>{plural(findings.length, "avvik", "avvik")} i rapportens tabeller:</strong> {countText(countBySeverity(findings))}.
      </p>
      {!inserted && <EmptyState what="Da står avvikene også i arket Avvik, og «Vis i arbeidsboken» markerer cellene de gjelder." />}
      {inserted && (
        <div className="tm-row">
          <Button onClick={start} disabled={state.state === "busy"}>
            Kontroller på nytt
          </Button>
          <span className="tm-caption">etter at du har rettet tall i Tiltak eller Detaljer</span>
        </div>
      )}
      {state.state === "busy" && <Busy label="Kontrollerer tabellene i arbeidsboken …" />}
      {state.state === "done" && (
        <Notice intent="success" testId="recheck-result" role="status">
          {state.result.changed ? "Avvikslisten i arbeidsboken er oppdatert." : "Ingen endringer i avvikene."}
        </Notice>
      )}
      {state.state === "error" && (
        <Notice intent="error" title="Kunne ikke kontrollere" role="alert">
          <span>{state.message}</span>
        </Notice>
      )}
      {jumpError && (
        <Notice intent="error" title="Kunne ikke vise cellene" role="alert">
          <span>{jumpError}</span>
        </Notice>
      )}
      <div className="tm-filters">
        <SelectField id="avvik-alvor" label="Alvorlighet" value={severity} onChange={setSeverity} choices={SEVERITY_FILTERS} />
        <SelectField id="avvik-gruppe" label="Arbeidsgruppe" value={group} onChange={setGroup} choices={[...groupChoices(catalogue, "Alle"), { value: REPORT_SECTION, label: "Summer i rapporten" }]} />
        <SelectField id="avvik-regel" label="Regel" value={rule} onChange={setRule} choices={[{ value: ALL, label: "Alle regler" }, ...RULES.map((r) => ({ value: r.id, label: r.title }))]} />
      </div>
      <p className="tm-caption">Beløp i mill. kr, negativ = innsparing. Reglene står i hjelpen.</p>
      {sections.length === 0 && <p>Ingen avvik med dette utvalget.</p>}
      <div>
        {sections.map((s) => {
          const open = toggled[s.key] ?? openByDefault;
          return (
            <details
              key={s.key}
              className="tm-section"
              open={open}
              data-testid={`findings-section-${s.key}`}
              onToggle={(e) => {
                const now = (e.currentTarget as HTMLDetailsElement).open;
                if (now !== open) setToggled((t) => ({ ...t, [s.key]: now }));
              }}
            >
              <summary>
                <h3 className="tm-wrap">{sectionTitle(s)}</h3>
                <span className="tm-section-counts">
                  {countText(s.counts)} · {plural(s.entries.length, "punkt", "punkter")}
                </span>
              </summary>
              {open && (
                <ul className="tm-entries">
                  {s.entries.map((e, i) => (
                    <Entry
                      key={e.key}
                      entry={e}
                      catalogue={catalogue}
                      canJump={inserted}
                      onJump={(x) => void jump(x)}
                      titled={e.measure === null || !s.entries.slice(0, i).some((x) => x.measure === e.measure)}
                    />
                  ))}
                </ul>
              )}
            </details>
          );
        })}
      </div>
    </section>
  );
}
