// «Tertialrapport»: the controller picks the year and tertial, sees each working group's lights at a glance
// (as Excel computed them in Oppfølging), jumps to the red rows, and sees the measures added or dropped
// during the year (marked, never deleted). One read of the workbook (excel/tertial.ts, injected so the view
// is tested without Excel); every figure is summed by domain/tertial.ts, none here. Not mounted yet.
import { Button } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Catalogue } from "../domain/catalogue";
import { groupStatus, midYearChanges, redRows, TERTIALS, type Change, type Figure, type FollowUpRow, type GroupStatus, type Tertial } from "../domain/tertial";
import type { TertialData } from "../excel/tertial";
import { SelectField } from "./Fields";
import { formatMnok, plural } from "./format";
import { Busy, Notice } from "./Notice";

export interface TertialActions {
  readonly read: () => Promise<TertialData>;
  /** Selects a body row of Oppfølging; returns where. */
  readonly show: (index: number) => Promise<string>;
}

export const excelTertialActions: TertialActions = {
  read: async () => (await import("../excel/tertial")).readTertial(),
  show: async (index) => (await import("../excel/tertial")).showFollowUpRow(index),
};

const figure = (f: Figure) => (f === "NA" ? "ukjent" : formatMnok(f));

async function messageOf(e: unknown): Promise<string> {
  const { excelErrorMessage } = await import("../excel/errors");
  return excelErrorMessage(e);
}

export function TertialPanel({ catalogue, actions = excelTertialActions }: { catalogue: Catalogue; actions?: TertialActions }) {
  const [from, to] = catalogue.planPeriod;
  const years = useMemo(() => Array.from({ length: to - from + 1 }, (_, i) => from + i), [from, to]);
  const [year, setYear] = useState(from);
  const [tertial, setTertial] = useState(0);
  const [data, setData] = useState<TertialData | null>(null);
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);

  const read = useCallback(async () => {
    setReading(true);
    setProblem(null);
    try {
      setData(await actions.read());
    } catch (e) {
      setProblem(await messageOf(e));
    } finally {
      setReading(false);
    }
  }, [actions]);
  useEffect(() => {
    void read();
  }, [read]);

  const show = async (index: number, label: string) => {
    try {
      await actions.show(index);
      setShown(label);
    } catch (e) {
      setProblem(await messageOf(e));
    }
  };

  const groups = data ? groupStatus(data.rows, year, tertial, catalogue.groups.map((g) => g.id)) : [];
  const red = data ? redRows(data.rows, year) : [];
  const changes = data ? midYearChanges(data.rows, year, data.statuses, data.adopted ? { name: data.adopted.name, measures: data.adopted.measures(year) } : null) : [];
  const t = TERTIALS[tertial] ?? TERTIALS[0];

  return (
    <section className="tm-stack" aria-labelledby="tertial-tittel">
      <h2 id="tertial-tittel">Tertialrapport</h2>
      <div className="tm-row">
        <SelectField id="tertial-ar" label="År" value={String(year)} onChange={(v) => setYear(Number(v))} choices={years.map((y) => ({ value: String(y), label: y }))} />
        <SelectField
          id="tertial-valg"
          label="Tertial"
          value={String(tertial)}
          onChange={(v) => setTertial(Number(v))}
          choices={TERTIALS.map((x, i) => ({ value: String(i), label: `${x.label} (per ${x.date})` }))}
        />
        <div>
          <Button onClick={read} disabled={reading}>
            Les Oppfølging på nytt
          </Button>
        </div>
      </div>
      <p className="tm-caption">Samme tall som arket Statusrapport (velg år og tertial der også for rapporten til kommunestyret).</p>
      {reading && <Busy label="Leser Oppfølging …" />}
      {problem && (
        <Notice intent="error" role="alert" title="Kunne ikke lese Oppfølging">
          <span>{problem}</span>
        </Notice>
      )}
      {data && !data.upgraded && (
        <Notice intent="warning" role="status" title="Oppfølging mangler tertialkolonnene">
          <span>Sett inn tiltakskatalogen på nytt: den legger til Status, Signal, prognose og tertialtallene uten å røre det dere har skrevet.</span>
        </Notice>
      )}

      {data && <GroupTable catalogue={catalogue} groups={groups} year={year} tertial={t} />}
      {data && <RedRows rows={red} year={year} onShow={show} />}
      {shown && (
        <p role="status" className="tm-caption">
          Viser {shown} i arket Oppfølging.
        </p>
      )}
      {data && <Changes changes={changes} year={year} data={data} />}
    </section>
  );
}

function GroupTable({ catalogue, groups, year, tertial }: { catalogue: Catalogue; groups: readonly GroupStatus[]; year: number; tertial: Tertial | undefined }) {
  return (
    <table className="tm-wrap" aria-label={`Status per arbeidsgruppe ${year}, ${tertial?.label ?? ""}`}>
      <thead>
        <tr>
          <th scope="col">Gruppe</th>
          <th scope="col">Grønn</th>
          <th scope="col">Gul</th>
          <th scope="col">Rød</th>
          <th scope="col">Uten signal</th>
          <th scope="col">Plan</th>
          <th scope="col">Realisert per {tertial?.date}</th>
          <th scope="col">Forventet</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.group} data-testid={`gruppe-${g.group}`}>
            <th scope="row">
              {g.group} {catalogue.group(g.group)?.name ?? ""}
            </th>
            <td>{g.green}</td>
            <td>{g.yellow}</td>
            <td>{g.red}</td>
            <td>{g.none}</td>
            <td>{figure(g.plan)}</td>
            <td>{figure(g.realised)}</td>
            <td>{figure(g.expected)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RedRows({ rows, year, onShow }: { rows: readonly FollowUpRow[]; year: number; onShow: (index: number, label: string) => void }) {
  return (
    <>
      <h3>Røde rader {year}</h3>
      {rows.length === 0 ? (
        <p className="tm-caption">Ingen rader har rødt signal.</p>
      ) : (
        <ul className="tm-stack" aria-label={`Røde rader ${year}`}>
          {rows.map((r) => (
            <li key={r.index} className="tm-row">
              <span>
                {r.nr} {r.title} {r.status && <span className="tm-caption">({r.status})</span>}
              </span>
              <Button size="small" aria-label={`Vis ${r.nr} ${year} i Oppfølging`} onClick={() => onShow(r.index, `${r.nr} ${year}`)}>
                Vis
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Changes({ changes, year, data }: { changes: readonly Change[]; year: number; data: TertialData }) {
  return (
    <>
      <h3>Lagt til eller falt bort i {year}</h3>
      {changes.length === 0 ? (
        <p className="tm-caption">{data.adopted ? `Ingen endringer mot «${data.adopted.name}».` : "Ingen tiltak er stoppet. Frys en versjon (f.eks. det vedtatte budsjettet) for å se hva som er lagt til siden."}</p>
      ) : (
        <ul className="tm-stack" aria-label={`Lagt til eller falt bort i ${year}`}>
          {changes.map((c) => (
            <li key={`${c.kind}-${c.nr}`} data-kind={c.kind}>
              <strong>{c.kind === "added" ? "Lagt til" : "Falt bort"}:</strong> {c.nr} {c.title} <span className="tm-caption">— {c.reason}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="tm-caption">Radene blir stående i Oppfølging; ingenting slettes. {plural(data.versions.length, "frosset versjon", "frosne versjoner")} i arbeidsboken.</p>
    </>
  );
}
