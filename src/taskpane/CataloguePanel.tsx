// «Katalog»: which catalogue the workbook uses, and the two ways to bring another in — a catalogue file, or a
// table in the workbook — plus the way back to the built-in one. Every way ends in the same validation and
// the same switch: explained first when the workbook has tables from another catalogue, then stored in the
// workbook and active for the views and the TILTAK.* functions (excel/catalogueStore.ts).
//
// Not mounted by itself: the pane (App.tsx) mounts it. Props and actions are described with the props type.
import { Button, Field, Input, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { loadBundled } from "../data/lazy";
import { activeCatalogueState, onActiveCatalogueChange, type ActiveCatalogueState, type CatalogueOrigin } from "../domain/activeCatalogue";
import { hasNoProvenance, type Catalogue } from "../domain/catalogue";
import type { CatalogueClash } from "../domain/catalogueSwitch";

/** What the panel does outside itself; each has a default that uses the Office adapters. Tests inject their own. */
export interface CatalogueActions {
  /** A picked file's catalogue (bytes → the loader): catalogueFromFile. Throws CatalogueError. */
  readFile(file: File): Promise<Catalogue>;
  /** The selected range (with the named lines table) as a catalogue: readTableImport + tableToCatalogue. */
  readTable(options: { readonly title: string; readonly target: number; readonly lines: string | null }): Promise<{ readonly catalogue: Catalogue; readonly name: string }>;
  /** The workbook's table names, for choosing a lines table. */
  listTables(): Promise<string[]>;
  /** What switching would do to the workbook's tables, or null (checkCatalogueSwitch). */
  check(cat: Catalogue): Promise<CatalogueClash | null>;
  /** Stores and activates (null: the built-in catalogue), recalculating the functions (activateCatalogue). */
  activate(cat: Catalogue | null, origin: CatalogueOrigin, acceptedOver: string | null): Promise<void>;
}

export interface CataloguePanelProps {
  /** The built-in catalogue's identity, shown while it is the active one (CATALOGUE_INFO or bundledCatalogue). */
  readonly builtin: { readonly title: string; readonly version: string; readonly measures?: number };
  /** Overrides for the Office adapters (tests; the e2e harness can use the defaults against its fake host). */
  readonly actions?: Partial<CatalogueActions>;
  /** After a switch (null: back to the built-in catalogue), e.g. to suggest «Sett inn» or reload a view. */
  readonly onActivated?: (cat: Catalogue | null) => void;
  /** False outside Excel: reading the workbook is not offered (a file can still be checked). */
  readonly inExcel?: boolean;
}

const defaultActions: CatalogueActions = {
  async readFile(file) {
    const [{ catalogueFromFile }, bytes] = await Promise.all([import("../domain/catalogueImport"), readBytes(file)]);
    return catalogueFromFile(bytes);
  },
  async readTable({ title, target, lines }) {
    const [{ readTableImport }, { tableToCatalogue }] = await Promise.all([import("../excel/catalogueTable"), import("../domain/catalogueImport")]);
    const read = await readTableImport({ lines });
    return { catalogue: tableToCatalogue(read.measures, { title, target, lines: read.lines }), name: read.measures.name ?? "tabellen" };
  },
  async listTables() {
    return (await import("../excel/catalogueTable")).listTables();
  },
  async check(cat) {
    return (await import("../excel/catalogueSwitch")).checkCatalogueSwitch(cat);
  },
  async activate(cat, origin, acceptedOver) {
    return (await import("../excel/catalogueStore")).activateCatalogue(cat, origin, { acceptedOver });
  },
};

/** A file's bytes through FileReader (older Office webviews lack Blob.arrayBuffer). */
function readBytes(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(new Error(`Kunne ikke lese filen «${file.name}».`));
    reader.readAsArrayBuffer(file);
  });
}

function originText(o: CatalogueOrigin): string {
  switch (o.kind) {
    case "builtin":
      return "innebygd i tillegget";
    case "file":
      return `fra filen «${o.name}», lagret i arbeidsboken`;
    case "table":
      return `fra tabellen «${o.name}», lagret i arbeidsboken`;
    case "workbook":
      return "lagret i arbeidsboken";
  }
}

/** The problems of a CatalogueError (or any error's message), for a list under the message. */
function problemsOf(e: unknown): string[] {
  const p = (e as { problems?: unknown }).problems;
  if (Array.isArray(p)) return p.map(String);
  return [e instanceof Error ? e.message : "Ukjent feil."];
}

/** "-40", "−40,5", "-40.5" → a number; null when it is none. */
export function parseTarget(text: string): number | null {
  const t = text.trim().replace(/\u2212/g, "-").replace(/\s/g, "").replace(",", ".");
  return /^-?\d+(\.\d{1,3})?$/.test(t) ? Number(t) : null;
}

interface Pending {
  readonly catalogue: Catalogue;
  readonly origin: CatalogueOrigin;
  readonly clash: CatalogueClash;
}

function describe(cat: Catalogue): string {
  const [from, to] = cat.planPeriod;
  const years = cat.years;
  const unit = cat.unit === "TNOK" ? "trykt i 1000 kr" : "i mill. kr";
  return `«${cat.data.catalogue.title}», versjon ${cat.version}: ${cat.measures.length} tiltak, år ${years[0]}–${years[years.length - 1]}, planperiode ${from}–${to}, ${unit}.`;
}

export function CataloguePanel({ builtin, actions, onActivated, inExcel = true }: CataloguePanelProps) {
  const act: CatalogueActions = { ...defaultActions, ...actions };
  const state: ActiveCatalogueState = useSyncExternalStore(onActiveCatalogueChange, activeCatalogueState);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [title, setTitle] = useState("");
  const [target, setTarget] = useState("");
  const [tables, setTables] = useState<string[] | null>(null);
  const [lines, setLines] = useState("");
  const ids = { file: useId(), status: useId() };

  useEffect(() => {
    if (!inExcel || tables !== null) return;
    let live = true;
    act.listTables().then(
      (t) => live && setTables(t),
      () => live && setTables([]),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the panel is first shown in Excel
  }, [inExcel]);

  const active = state.catalogue;
  const activeTitle = active ? active.data.catalogue.title : builtin.title;
  const activeVersion = active ? active.version : builtin.version;

  const run = async (what: string, f: () => Promise<void>) => {
    setBusy(what);
    setErrors([]);
    setDone(null);
    try {
      await f();
    } catch (e) {
      setErrors(problemsOf(e));
    } finally {
      setBusy(null);
    }
  };

  const switchTo = async (next: Catalogue | null, origin: CatalogueOrigin, acceptedOver: string | null) => {
    // The built-in catalogue is not stored: choosing it clears the workbook's own.
    const cat = origin.kind === "builtin" ? null : next;
    await act.activate(cat, origin, acceptedOver);
    setPending(null);
    setDone(cat ? `Aktiv i denne arbeidsboken nå: ${describe(cat)} Sett inn katalogen for å oppdatere tabellene.` : "Den innebygde katalogen er aktiv igjen. Sett inn katalogen for å oppdatere tabellene.");
    onActivated?.(cat);
  };

  /** Checks the switch; switches at once when nothing of the user's is at stake, else asks. */
  const offer = async (cat: Catalogue, origin: CatalogueOrigin) => {
    const clash = inExcel ? await act.check(cat) : null;
    if (clash) setPending({ catalogue: cat, origin, clash });
    else await switchTo(cat, origin, null);
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    void run("Leser katalogfilen …", async () => offer(await act.readFile(file), { kind: "file", name: file.name }));
  };

  const onTable = () => {
    const t = parseTarget(target);
    if (t === null || t >= 0) {
      setErrors(["Skriv sparekravet i mill. kr som et negativt tall (innsparing), f.eks. -40."]);
      return;
    }
    void run("Leser tabellen …", async () => {
      const { catalogue, name } = await act.readTable({ title: title.trim(), target: t, lines: lines === "" ? null : lines });
      await offer(catalogue, { kind: "table", name });
    });
  };

  const noSource = active !== null && hasNoProvenance(active);

  return (
    <section className="tm-stack" aria-labelledby={ids.status}>
      <h2 id={ids.status}>Katalog</h2>
      <p data-testid="active-catalogue">
        Aktiv katalog: «{activeTitle}», versjon {activeVersion} ({originText(state.origin)}).
      </p>
      {state.pending && <p>Leser katalogen som er lagret i arbeidsboken …</p>}
      {noSource && <p>Tallene i denne katalogen har ingen kilde i en rapport (ingen linjenumre eller trykt tekst).</p>}
      {state.problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{state.problem}</MessageBarBody>
        </MessageBar>
      )}

      {pending && (
        <MessageBar intent="warning" data-testid="catalogue-clash">
          <MessageBarBody>
            <p>{describe(pending.catalogue)}</p>
            <p>{pending.clash.message}</p>
            <div className="tm-row">
              <Button appearance="primary" disabled={busy !== null} onClick={() => void run("Bytter katalog …", () => switchTo(pending.catalogue, pending.origin, pending.clash.from.id))}>
                Bytt likevel
              </Button>
              <Button disabled={busy !== null} onClick={() => setPending(null)}>
                Avbryt
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}

      <h3>Last inn fra fil</h3>
      <p>En katalog er en JSON-fil i formatet som er beskrevet i docs/catalogue-format.md (JSON Schema: catalogue.schema.json).</p>
      <label htmlFor={ids.file}>Velg katalogfil (JSON)</label>
      <input
        id={ids.file}
        type="file"
        accept=".json,application/json"
        disabled={busy !== null}
        onChange={(e) => {
          onFile(e.currentTarget.files?.[0]);
          e.currentTarget.value = ""; // the same file again is a new choice
        }}
      />

      {inExcel && (
        <>
          <h3>Les fra en tabell i arbeidsboken</h3>
          <p>Merk tabellen med tiltakene, med overskriftsraden: «Nr», «Tiltak», gjerne «Gruppe», «Tjeneste», «Kategori», og ett år per kolonne («2027» eller «ØP 2027»).</p>
          <Field label="Navn på katalogen">
            <Input value={title} onChange={(_, d) => setTitle(d.value)} placeholder="F.eks. Omstilling 2026 i Eksempel kommune" />
          </Field>
          <Field label="Samlet sparekrav i mill. kr (negativt = innsparing)" required>
            <Input value={target} onChange={(_, d) => setTarget(d.value)} inputMode="decimal" placeholder="-40" />
          </Field>
          <Field label="Linjetabell (valgfri), som Tiltakslinjer">
            <Select value={lines} onChange={(_, d) => setLines(d.value)}>
              <option value="">Ingen</option>
              {(tables ?? []).map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </Field>
          <div className="tm-row">
            <Button onClick={onTable} disabled={busy !== null}>
              Les tabellen
            </Button>
          </div>
        </>
      )}

      <h3>Innebygd katalog</h3>
      <p>
        «{builtin.title}», versjon {builtin.version}
        {builtin.measures !== undefined ? ` (${builtin.measures} tiltak)` : ""}.
      </p>
      <div className="tm-row">
        <Button disabled={busy !== null || active === null} onClick={() => void run("Bytter katalog …", () => offerBuiltin())}>
          Bruk den innebygde katalogen
        </Button>
      </div>

      <div aria-live="polite" data-testid="catalogue-status">
        {busy && <p>{busy}</p>}
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {errors.length > 0 && (
        <MessageBar intent="error" data-testid="catalogue-errors">
          <MessageBarBody>
            <p>Katalogen ble ikke tatt i bruk; ingenting er endret.</p>
            <ul>
              {errors.slice(0, 10).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            {errors.length > 10 && <p>… og {errors.length - 10} feil til.</p>}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );

  /** Back to the built-in catalogue: through the same check (the workbook may have another catalogue's tables). */
  async function offerBuiltin(): Promise<void> {
    const bundled = (await loadBundled()).bundledCatalogue;
    const clash = inExcel ? await act.check(bundled) : null;
    if (clash) setPending({ catalogue: bundled, origin: { kind: "builtin" }, clash });
    else await switchTo(null, { kind: "builtin" }, null);
  }
}
