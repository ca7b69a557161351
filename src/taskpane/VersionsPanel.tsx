// «Frosne versjoner»: the controller freezes the plan and follow-up figures under a name («Vedtatt budsjett
// 2026», «Status 1. tertial 2026»), sees the versions the workbook holds, and removes one after saying yes.
// The workbook work is in excel/versions.ts (injected, so the view is tested without Excel); the name rules
// are domain/versions.ts's. Not mounted yet: the pane's owner places it (e.g. under «Oppfølging»).
import { Button, Input } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { MAX_VERSION_NAME, versionNameProblem, type VersionInfo } from "../domain/versions";
import { Busy, Notice } from "./Notice";
import { plural } from "./format";

export interface VersionsActions {
  readonly list: () => Promise<readonly VersionInfo[]>;
  readonly freeze: (name: string) => Promise<{ readonly versions: readonly VersionInfo[]; readonly message: string }>;
  readonly remove: (name: string) => Promise<readonly VersionInfo[]>;
}

/** The real actions, loaded with the view's first use (excel/versions.ts). */
export const excelVersionsActions: VersionsActions = {
  list: async () => (await import("../excel/versions")).listVersions(),
  freeze: async (name) => (await import("../excel/versions")).freezeVersion(name),
  remove: async (name) => (await import("../excel/versions")).removeVersion(name),
};

/** A failure's Norwegian message: a version action's own, otherwise the Excel error's. */
async function messageOf(e: unknown): Promise<string> {
  const { VersionError } = await import("../excel/versions");
  if (e instanceof VersionError) return e.message;
  const { excelErrorMessage } = await import("../excel/errors");
  return excelErrorMessage(e);
}

type Outcome = { readonly intent: "success" | "error"; readonly text: string } | null;

export function VersionsPanel({ actions = excelVersionsActions }: { actions?: VersionsActions }) {
  const [versions, setVersions] = useState<readonly VersionInfo[] | null>(null);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const run = useCallback(async (label: string, work: () => Promise<string>) => {
    setBusy(label);
    setOutcome(null);
    try {
      setOutcome({ intent: "success", text: await work() });
    } catch (e) {
      setOutcome({ intent: "error", text: await messageOf(e) });
    } finally {
      setBusy(null);
    }
  }, []);

  useEffect(() => {
    let live = true;
    actions.list().then(
      (v) => live && setVersions(v),
      async (e: unknown) => live && setOutcome({ intent: "error", text: await messageOf(e) }),
    );
    return () => {
      live = false;
    };
  }, [actions]);

  const problem = name.trim() === "" ? null : versionNameProblem(name, (versions ?? []).map((v) => v.name));
  const freeze = () =>
    run("Fryser versjonen …", async () => {
      const r = await actions.freeze(name);
      setVersions(r.versions);
      setName("");
      return r.message;
    });
  const remove = (victim: string) =>
    run("Fjerner versjonen …", async () => {
      setConfirming(null);
      setVersions(await actions.remove(victim));
      return `Fjernet «${victim}».`;
    });

  return (
    <section className="tm-stack" aria-labelledby="versjoner-tittel">
      <h2 id="versjoner-tittel">Frosne versjoner</h2>
      <p>
        Frys planen og oppfølgingstallene slik de er nå, under et navn, før tallene endres videre. Versjonene står i arket Versjoner, og
        Statusrapport sammenligner dem (vedtatt, revidert og nå). Ingen innsetting av katalogen skriver over en frosset versjon.
      </p>
      <div className="tm-field">
        <label htmlFor="versjon-navn">Navn på versjonen</label>
        <Input
          id="versjon-navn"
          value={name}
          maxLength={MAX_VERSION_NAME + 20}
          placeholder="F.eks. Status 1. tertial 2026"
          aria-describedby={problem ? "versjon-problem" : undefined}
          aria-invalid={problem ? true : undefined}
          onChange={(_, d) => setName(d.value)}
        />
        {problem && (
          <span id="versjon-problem" className="tm-caption" role="status">
            {problem}
          </span>
        )}
      </div>
      <div>
        <Button appearance="primary" onClick={freeze} disabled={busy !== null || name.trim() === "" || problem !== null || versions === null}>
          Frys versjon
        </Button>
      </div>
      {busy && <Busy label={busy} />}
      {outcome && (
        <Notice intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"} testId="versjon-resultat">
          <span>{outcome.text}</span>
        </Notice>
      )}

      <h3>Versjoner i arbeidsboken</h3>
      <VersionList versions={versions} confirming={confirming} busy={busy !== null} onAsk={setConfirming} onRemove={remove} />
    </section>
  );
}

function VersionList(props: { versions: readonly VersionInfo[] | null; confirming: string | null; busy: boolean; onAsk: (name: string | null) => void; onRemove: (name: string) => void }) {
  const { versions, confirming, busy, onAsk, onRemove } = props;
  if (versions === null) return <p className="tm-caption">Leser versjonene …</p>;
  if (versions.length === 0) return <p className="tm-caption">Ingen frosne versjoner ennå.</p>;
  return (
    <ul className="tm-stack" aria-label="Frosne versjoner">
      {versions.map((v) => (
        <li key={v.name} className="tm-row">
          <span>
            <strong>{v.name}</strong> <span className="tm-caption">frosset {v.frozen}, {plural(v.rows, "rad", "rader")}</span>
          </span>
          {confirming === v.name ? (
            <span role="group" aria-label={`Bekreft at «${v.name}» skal fjernes`}>
              <span>Fjerne «{v.name}» fra Versjoner og sammenligningen? </span>
              <Button size="small" onClick={() => onRemove(v.name)} disabled={busy}>
                Ja, fjern
              </Button>{" "}
              <Button size="small" appearance="subtle" onClick={() => onAsk(null)}>
                Avbryt
              </Button>
            </span>
          ) : (
            <Button size="small" appearance="subtle" aria-label={`Fjern «${v.name}»`} onClick={() => onAsk(v.name)} disabled={busy}>
              Fjern
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
