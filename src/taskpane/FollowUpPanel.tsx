import { Button, Caption1, Dropdown, Field, MessageBar, MessageBarBody, MessageBarTitle, Option, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { Catalogue } from "../domain/catalogue";
import { filterFollowUp, importHop } from "../excel/followup";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const ALL = "alle";

/** Sector accountants: filter Oppfølging to one group. Controllers: import HØP figures from a selection. */
export function FollowUpPanel({ catalogue }: { catalogue: Catalogue }) {
  const styles = useStyles();
  const [group, setGroup] = useState(ALL);
  const label = (g: string) => (g === ALL ? "Alle arbeidsgrupper" : `${g} ${catalogue.group(Number(g))?.name ?? ""}`);
  const filter = useCallback(async () => filterFollowUp(group === ALL ? null : Number(group)), [group]);
  const [filterState, runFilter] = useAction(filter);
  const doImport = useCallback(async () => importHop(catalogue), [catalogue]);
  const [importState, runImport] = useAction(doImport);

  return (
    <div className={styles.root}>
      <section aria-label="Realisert innsparing">
        <Caption1 as="p">
          Arket Oppfølging har én rad per tiltak og år. Skriv realisert innsparing i de gule cellene; planen kommer fra katalogen.
        </Caption1>
        <Field label="Vis rader for">
          <Dropdown value={label(group)} selectedOptions={[group]} onOptionSelect={(_, d) => setGroup(d.optionValue ?? ALL)}>
            {[ALL, ...catalogue.groups.map((g) => String(g.id))].map((g) => (
              <Option key={g} value={g}>
                {label(g)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div className={styles.row}>
          <Button onClick={runFilter} disabled={filterState.state === "busy"}>
            Bruk filteret i Oppfølging
          </Button>
        </div>
        {filterState.state === "done" && <Caption1 role="status">Oppfølging viser {label(group).toLowerCase()}.</Caption1>}
        {filterState.state === "error" && (
          <MessageBar intent="error">
            <MessageBarBody>{filterState.message}</MessageBarBody>
          </MessageBar>
        )}
      </section>
      <section aria-label="Importer HØP-tall">
        <Caption1 as="p">
          Merk et område i din egen handlings- og økonomiplan: tiltaksnummer i første kolonne og ett år per kolonne (gjerne med årstall i første rad).
        </Caption1>
        <Button onClick={runImport} disabled={importState.state === "busy"}>
          Importer HØP-tall fra merket område
        </Button>
        {importState.state === "busy" && <Spinner size="tiny" label="Importerer …" />}
        {importState.state === "done" && (
          <MessageBar intent={importState.result.problems.length > 0 ? "warning" : "success"}>
            <MessageBarBody data-testid="hop-result">
              <MessageBarTitle>
                Importerte {importState.result.imported} tiltak
                {importState.result.replaced > 0 ? ` (erstattet ${importState.result.replaced} tall)` : ""}
              </MessageBarTitle>
              {importState.result.problems.length > 0 && (
                <ul className={styles.list}>
                  {importState.result.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {importState.state === "error" && (
          <MessageBar intent="error">
            <MessageBarBody>{importState.message}</MessageBarBody>
          </MessageBar>
        )}
      </section>
    </div>
  );
}
