// «Oppfølging»: two jobs for two people, each under its own heading and saying plainly what its button does.
// The sector accountant narrows the Oppfølging sheet to one working group (a table filter, nothing is
// deleted); the controller imports HØP figures from a range selected in the municipality's own plan.
import { Button } from "@fluentui/react-components";
import { lazy, useCallback, useState } from "react";
import type { Catalogue } from "../domain/catalogue";
import { filterFollowUp, importHop } from "../excel/followup";
import { EmptyState } from "./EmptyState";
import { ALL, groupChoices, SelectField } from "./Fields";
import { plural } from "./format";
import { Busy, Notice } from "./Notice";
import { usePane } from "./pane";
import { Section } from "./Section";
import { useAction } from "./useAction";

// The tertial report and the frozen versions come in their own chunks when their section is first opened.
const TertialPanel = lazy(() => import(/* webpackChunkName: "tertial" */ "./TertialPanel").then((m) => ({ default: m.TertialPanel })));
const VersionsPanel = lazy(() => import(/* webpackChunkName: "versjoner" */ "./VersionsPanel").then((m) => ({ default: m.VersionsPanel })));


export function FollowUpPanel({ catalogue }: { catalogue: Catalogue; active: boolean }) {
  const { workbook } = usePane();
  const [group, setGroup] = useState(ALL);
  const [applied, setApplied] = useState<string | null>(null);
  const groupName = (g: string) => `${g} ${catalogue.group(Number(g))?.name ?? ""}`;
  const filter = useCallback(async () => {
    await filterFollowUp(group === ALL ? null : Number(group));
    setApplied(group);
  }, [group]);
  const [filterState, runFilter] = useAction(filter);
  const doImport = useCallback(async () => importHop(catalogue), [catalogue]);
  const [importState, runImport] = useAction(doImport);

  if (workbook !== "present") {
    return (
      <EmptyState what="Da får du arket Oppfølging, der sektorregnskapsførere skriver realisert innsparing per tiltak og år, og arket HØP, der controllere henter inn tallene fra handlings- og økonomiplanen." />
    );
  }

  return (
    <div className="tm-stack" style={{ gap: 16 }}>
      <section className="tm-stack" aria-labelledby="oppfolging-realisert">
        <h2 id="oppfolging-realisert">Realisert innsparing (sektorregnskapsfører)</h2>
        <p>
          Skriv realisert innsparing per tiltak og år i de gule cellene i arket Oppfølging, i mill. kr med negativt fortegn for
          innsparing. Planen og avviket fyller arket selv.
        </p>
        <SelectField id="oppfolging-gruppe" label="Arbeidsgruppe" value={group} onChange={setGroup} choices={groupChoices(catalogue, "Alle arbeidsgrupper")} />
        <div>
          <Button onClick={runFilter} disabled={filterState.state === "busy"}>
            {group === ALL ? "Vis alle gruppene i Oppfølging-arket" : "Vis bare denne gruppen i Oppfølging-arket"}
          </Button>
        </div>
        <p className="tm-caption">Skjuler de andre gruppenes rader med et filter i tabellen; ingenting slettes.</p>
        {filterState.state === "done" && applied !== null && (
          <p role="status" data-testid="filter-result">
            {applied === ALL ? "Oppfølging-arket viser alle arbeidsgruppene." : `Oppfølging-arket viser bare gruppe ${groupName(applied)}.`}
          </p>
        )}
        {filterState.state === "error" && (
          <Notice intent="error" title="Filteret ble ikke brukt" role="alert">
            <span>{filterState.message}</span>
          </Notice>
        )}
      </section>

      <section className="tm-stack" aria-labelledby="oppfolging-hop">
        <h2 id="oppfolging-hop">HØP-tall (controller)</h2>
        <ol className="tm-stack" style={{ gap: 4 }}>
          <li>
            Merk tallene i din egen handlings- og økonomiplan sammen med overskriftsraden: en kolonne med tiltaksnummer (helst som
            tekst, f.eks. &apos;2.10) og én kolonne per år.
          </li>
          <li>Overskriftsraden må ha årstallene, som tall (2027) eller tekst med årstall («ØP 2027»). Andre kolonner, som «Sum», blir nevnt og hoppet over.</li>
          <li>Beløp i mill. kr, negativ = innsparing, som i rapporten.</li>
        </ol>
        <div>
          <Button onClick={runImport} disabled={importState.state === "busy"}>
            Importer HØP-tall fra merket område
          </Button>
        </div>
        <p className="tm-caption">
          Skriver tallene i arket HØP, der de sammenlignes med tiltakenes plan.{" "}
          <a className="tm-link" href="help/index.html#hop" target="_blank" rel="noopener">
            Mer om HØP-importen
          </a>
        </p>
        {importState.state === "busy" && <Busy label="Importerer …" />}
        {importState.state === "done" && (
          <Notice
            intent={importState.result.problems.length > 0 ? "warning" : "success"}
            testId="hop-result"
            role="status"
            title={`Importerte ${plural(importState.result.imported, "tiltak", "tiltak")}${
              importState.result.replaced > 0 ? ` (erstattet ${plural(importState.result.replaced, "tall", "tall")})` : ""
            }`}
          >
            {importState.result.problems.length > 0 && (
              <ul className="tm-wrap">
                {importState.result.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </Notice>
        )}
        {importState.state === "error" && (
          <Notice intent="error" title="HØP-tallene ble ikke importert" role="alert">
            <span>{importState.message}</span>
          </Notice>
        )}
      </section>

      <div>
        <Section title="Tertialrapport (controller)" hint="Status per arbeidsgruppe, røde rader, endringer i året" testId="section-tertial" loading="Henter tertialrapporten …">
          {() => <TertialPanel catalogue={catalogue} />}
        </Section>
        <Section title="Versjoner" hint="Frys tallene slik de står nå, og sammenlign senere" testId="section-versions" loading="Henter versjonene …">
          {() => <VersionsPanel />}
        </Section>
      </div>
    </div>
  );
}
