import {
  Badge,
  Body1Strong,
  Button,
  Caption1,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { Catalogue } from "../domain/catalogue";
import { reconcile, RULES, type Finding, type Severity } from "../domain/reconcile";
import { recheckWorkbook } from "../excel/recheck";
import { selectFinding } from "../excel/select";
import { excelErrorMessage } from "../excel/errors";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Side by side when there is room, stacked in a narrow pane (no sideways scrolling at 320 px).
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9rem, 1fr))", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: 0 },
  group: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "grid", gridTemplateColumns: "auto 1fr", gap: tokens.spacingHorizontalS, alignItems: "start" },
});

const SEVERITY: Readonly<Record<Severity, { label: string; color: "danger" | "warning" | "informative" }>> = {
  error: { label: "Feil", color: "danger" },
  warning: { label: "Advarsel", color: "warning" },
  info: { label: "Info", color: "informative" },
};

const ALL = "alle";
const REPORT = "rapport";

/** Findings grouped by measure, with filters, "Kontroller på nytt" and a jump to the cells. */
export function FindingsPanel({ catalogue }: { catalogue: Catalogue }) {
  const styles = useStyles();
  const [findings, setFindings] = useState<readonly Finding[]>(() => reconcile(catalogue));
  const [group, setGroup] = useState(ALL);
  const [rule, setRule] = useState(ALL);
  const [jumpError, setJumpError] = useState<string | null>(null);

  const recheck = useCallback(async () => {
    const r = await recheckWorkbook(catalogue);
    setFindings(r.findings);
    return r;
  }, [catalogue]);
  const [state, start] = useAction(recheck);

  const shown = useMemo(
    () =>
      findings.filter(
        (f) =>
          (rule === ALL || f.rule === rule) &&
          (group === ALL || (group === REPORT ? f.measure === null : String(f.group) === group && f.measure !== null)),
      ),
    [findings, group, rule],
  );
  const grouped = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of shown) {
      const k = f.measure ?? REPORT;
      map.set(k, [...(map.get(k) ?? []), f]);
    }
    return [...map.entries()];
  }, [shown]);

  const jump = async (f: Finding) => {
    setJumpError(null);
    try {
      await selectFinding(f);
    } catch (e) {
      setJumpError(excelErrorMessage(e));
    }
  };

  const counts = (["error", "warning", "info"] as const).map((s) => `${findings.filter((f) => f.severity === s).length} ${SEVERITY[s].label.toLowerCase()}`);
  const groupLabel = (g: string) => (g === ALL ? "Alle" : g === REPORT ? "Totalsummer" : `${g} ${catalogue.group(Number(g))?.name ?? ""}`);
  const ruleLabel = (r: string) => (r === ALL ? "Alle regler" : (RULES.find((x) => x.id === r)?.title ?? r));

  return (
    <section className={styles.root} aria-label="Avvik i rapporten">
      <Caption1>Der rapportens tabeller er uenige: {counts.join(", ")}.</Caption1>
      <div>
        <Button onClick={start} disabled={state.state === "busy"}>
          Kontroller på nytt
        </Button>
      </div>
      {state.state === "busy" && <Spinner size="tiny" label="Kontrollerer tabellene i arbeidsboken …" />}
      {state.state === "done" && (
        <MessageBar intent="success">
          <MessageBarBody data-testid="recheck-result">
            {state.result.changed ? "Avvikslisten i arbeidsboken er oppdatert." : "Ingen endringer i avvikene."}
          </MessageBarBody>
        </MessageBar>
      )}
      {(state.state === "error" || jumpError) && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Kunne ikke kontrollere</MessageBarTitle>
            {state.state === "error" ? state.message : jumpError}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.filters}>
        <Field label="Arbeidsgruppe">
          <Dropdown className={styles.dropdown} value={groupLabel(group)} selectedOptions={[group]} onOptionSelect={(_, d) => setGroup(d.optionValue ?? ALL)}>
            {[ALL, ...catalogue.groups.map((g) => String(g.id)), REPORT].map((g) => (
              <Option key={g} value={g}>
                {groupLabel(g)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Regel">
          <Dropdown className={styles.dropdown} value={ruleLabel(rule)} selectedOptions={[rule]} onOptionSelect={(_, d) => setRule(d.optionValue ?? ALL)}>
            {[ALL, ...RULES.map((r) => r.id)].map((r) => (
              <Option key={r} value={r}>
                {ruleLabel(r)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {grouped.length === 0 && <Body1Strong>Ingen avvik med dette utvalget.</Body1Strong>}
      {grouped.map(([key, fs]) => (
        <div key={key} className={styles.group} data-testid={`findings-${key}`}>
          <Body1Strong as="h3">{key === REPORT ? "Totalsummer" : `${key} ${catalogue.measure(key)?.title ?? ""}`}</Body1Strong>
          <ul className={styles.list}>
            {fs.map((f, i) => (
              <li key={i} className={styles.item}>
                <Badge appearance="tint" color={SEVERITY[f.severity].color}>
                  {SEVERITY[f.severity].label}
                </Badge>
                <span>
                  {f.message}{" "}
                  <Link as="button" onClick={() => void jump(f)}>
                    Vis i arbeidsboken
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
