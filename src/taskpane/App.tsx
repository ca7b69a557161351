// The pane: a one-line header (title, help), one status line, four tabs, and the views. Start is in the first
// chunk; the other views, the catalogue and the insert code load when first needed (a tab's chunk starts
// loading when the pointer or focus reaches the tab). Views stay mounted once visited, so their state
// (filters, results) survives switching.
import { FluentProvider } from "@fluentui/react-components";
import { Component as ReactComponent, lazy, Suspense, useCallback, useEffect, useMemo, useState, type ComponentType, type ReactNode } from "react";
import type { Catalogue } from "../domain/catalogue";
import { belowFloor, EXCEL_API_FLOOR } from "../excel/requirements";
import { AboutPanel } from "./AboutPanel";
import { CATALOGUE_INFO, catalogueModule, loadCatalogue, useActiveCatalogue } from "./catalogueInfo";
import { InsertPanel } from "./InsertPanel";
import { Section } from "./Section";
import { Busy, Notice } from "./Notice";
import { PaneContext, WORKBOOK_STATUS_TEXT, type InsertOutcome, type PaneState, type WorkbookState } from "./pane";
import { Tabs, type TabItem } from "./Tabs";
import { currentOfficeTheme, paneBackground, themeFor, watchOfficeTheme, type OfficeThemeLike } from "./theme";
import { useAction } from "./useAction";

export type View = "start" | "tiltak" | "avvik" | "oppfolging";

const TABS: readonly TabItem<View>[] = [
  { value: "start", label: "Start" },
  { value: "tiltak", label: "Tiltak" },
  { value: "avvik", label: "Avvik" },
  { value: "oppfolging", label: "Oppfølging" },
];

interface ViewProps {
  catalogue: Catalogue;
  active: boolean;
}

/** A view's code and the catalogue, fetched together; calling it again reuses the same download. */
const loaders: Record<Exclude<View, "start">, () => Promise<ComponentType<ViewProps>>> = {
  tiltak: () => import(/* webpackChunkName: "tiltak" */ "./MeasuresPanel").then((m) => m.MeasuresPanel),
  avvik: () => import(/* webpackChunkName: "avvik" */ "./FindingsPanel").then((m) => m.FindingsPanel),
  oppfolging: () => import(/* webpackChunkName: "oppfolging" */ "./FollowUpPanel").then((m) => m.FollowUpPanel),
};

const catalogueKeys = new WeakMap<Catalogue, number>();
let lastCatalogueKey = 0;
function catalogueKey(c: Catalogue): number {
  const known = catalogueKeys.get(c);
  if (known !== undefined) return known;
  catalogueKeys.set(c, ++lastCatalogueKey);
  return lastCatalogueKey;
}

/** A view with the catalogue in use; a switch of catalogue (the workbook's own) renders it again with the new one. */
function lazyView(view: Exclude<View, "start">) {
  return lazy(async () => {
    const [Component, data] = await Promise.all([loaders[view](), catalogueModule()]);
    function WithCatalogue({ active }: { active: boolean }) {
      useActiveCatalogue();
      const catalogue = data.currentCatalogue();
      // A new catalogue is a new view: its filters and results belonged to the old one.
      return <Component key={catalogueKey(catalogue)} catalogue={catalogue} active={active} />;
    }
    return { default: WithCatalogue };
  });
}

// Another catalogue than the built-in one (a file, or a table in the workbook): its own chunk, on first opening.
const CataloguePanel = lazy(() => import(/* webpackChunkName: "katalogvalg" */ "./CataloguePanel").then((m) => ({ default: m.CataloguePanel })));

const LAZY_VIEWS = { tiltak: lazyView("tiltak"), avvik: lazyView("avvik"), oppfolging: lazyView("oppfolging") };

function prefetch(view: View): void {
  if (view === "start") return;
  void loaders[view]().catch(() => undefined);
  void loadCatalogue().catch(() => undefined);
}

/** A view whose code could not be fetched (the server gone, a stale cache) says so instead of blanking the pane. */
class ViewBoundary extends ReactComponent<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Notice intent="error" title="Visningen kunne ikke hentes" role="alert">
        <span>Lukk oppgaveruten og åpne den igjen. Hjelper ikke det, kan tillegget være oppdatert mens ruten var åpen.</span>
      </Notice>
    );
  }
}

/** Office's theme now, and again whenever it changes while the pane is open. */
function useOfficeTheme(): OfficeThemeLike | undefined {
  const [theme, setTheme] = useState(currentOfficeTheme);
  useEffect(
    () =>
      watchOfficeTheme((t) =>
        setTheme((old) => (old?.bodyBackgroundColor === t?.bodyBackgroundColor && old?.bodyForegroundColor === t?.bodyForegroundColor ? old : t)),
      ),
    [],
  );
  return theme;
}

export function App({ inExcel }: { inExcel: boolean }) {
  const officeTheme = useOfficeTheme();
  const theme = themeFor(officeTheme);
  // Office's own background behind everything (no seam at the pane's edge, no band when scrolled past the end).
  const background = paneBackground(officeTheme);
  useEffect(() => {
    document.documentElement.style.backgroundColor = background ?? "";
  }, [background]);
  return (
    <FluentProvider theme={theme} className="tm-provider" style={background ? { backgroundColor: background } : undefined}>
      <main className="tm-root">{inExcel ? <ExcelPane /> : <OutsideExcel />}</main>
    </FluentProvider>
  );
}

/** Title and help on one line, the status line (when there is one) tight under it: content over chrome. */
function Header({ help, children }: { help: string; children?: ReactNode }) {
  return (
    <div className="tm-head">
      <div className="tm-header">
        <h1 className="tm-title">Tiltaksmeny</h1>
        <a className="tm-link" href={`help/index.html${help}`} target="_blank" rel="noopener">
          Hjelp
        </a>
      </div>
      {children}
    </div>
  );
}

function OutsideExcel() {
  return (
    <>
      <Header help="" />
      <Notice intent="warning" title="Åpne Tiltaksmeny i Excel">
        <span>
          Denne siden er oppgaveruten til et Excel-tillegg og virker bare inne i Excel. Åpne arbeidsboken i Excel og velg
          Tiltaksmeny på Hjem-fanen.
        </span>
      </Notice>
    </>
  );
}

/**
 * Whether the add-in's tables are in the workbook: read on open, and again after every insert. The reader
 * comes in its own chunk after the first render (it brings the table-name module of the layout engine).
 */
function useWorkbookState(): [WorkbookState, () => void] {
  const [state, setState] = useState<WorkbookState>("reading");
  const [key, setKey] = useState(0);
  useEffect(() => {
    let live = true;
    import(/* webpackChunkName: "status" */ "../excel/workbook")
      .then((m) => m.readWorkbookStatus())
      .then((s) => live && setState(s.addinTables.length > 0 ? "present" : "absent"))
      .catch(() => live && setState("unreadable"));
    return () => {
      live = false;
    };
  }, [key]);
  return [state, useCallback(() => setKey((k) => k + 1), [])];
}

function ExcelPane() {
  const [view, setView] = useState<View>("start");
  const [visited, setVisited] = useState<ReadonlySet<View>>(() => new Set(["start"]));
  const [workbook, refreshWorkbook] = useWorkbookState();
  // Asked once when the pane starts; the host's version does not change while it runs.
  const [tooOld] = useState(belowFloor);
  const active = useActiveCatalogue();
  const blockedReason = tooOld ? `Innsetting er slått av: Excel-versjonen er for gammel (trenger ExcelApi ${EXCEL_API_FLOOR}).` : undefined;

  const runInsert = useCallback(
    async (progress: (step: string) => void): Promise<InsertOutcome> => {
      progress("Henter katalogen …");
      const [{ insertCatalogue }, { insertSummary }, catalogue] = await Promise.all([
        import(/* webpackChunkName: "innsetting" */ "../excel/insert"),
        import(/* webpackChunkName: "innsetting" */ "./insertText"),
        loadCatalogue(),
      ]);
      try {
        const result = await insertCatalogue(catalogue, progress);
        return { ...result, summary: insertSummary(result.plan) };
      } finally {
        refreshWorkbook();
      }
    },
    [refreshWorkbook],
  );
  const [insert, startInsert] = useAction(runInsert);
  const pane = useMemo<PaneState>(() => ({ workbook, insert, startInsert, blockedReason }), [workbook, insert, startInsert, blockedReason]);

  const select = (v: View) => {
    setView(v);
    setVisited((s) => (s.has(v) ? s : new Set([...s, v])));
  };

  return (
    <PaneContext.Provider value={pane}>
      <Header help={`#${view}`}>
        <p className="tm-status">
          Katalog {active.catalogue ? `${active.catalogue.version} fra arbeidsboken` : CATALOGUE_INFO.version} ·{" "}
          <span data-testid="workbook-status" role="status">
            {WORKBOOK_STATUS_TEXT[workbook]}
          </span>
        </p>
      </Header>
      {tooOld && (
        <Notice intent="warning" testId="below-floor">
          Denne Excel-versjonen er for gammel for Tiltaksmeny (trenger ExcelApi {EXCEL_API_FLOOR}). Oppdater Excel eller bruk Excel på
          nettet.
        </Notice>
      )}
      <Tabs items={TABS} selected={view} onSelect={select} onIntent={prefetch} label="Visninger" />
      <div role="tabpanel" id="view-start" aria-labelledby="tab-start" className="tm-view" hidden={view !== "start"}>
        <p>
          Tiltakskatalogen fra «{CATALOGUE_INFO.title}» ({CATALOGUE_INFO.measures} tiltak fra {CATALOGUE_INFO.publisher}) i din
          egen arbeidsbok: tabeller, funksjoner som TILTAK.EFFEKT, og flagg der rapportens tabeller er uenige.
        </p>
        <InsertPanel />
        <div>
          <Section title="Bruk en annen katalog" hint="Fra en katalogfil eller en tabell i arbeidsboken" testId="section-catalogue" loading="Henter katalogvalget …">
            {() => <CataloguePanel builtin={CATALOGUE_INFO} />}
          </Section>
        </div>
        <AboutPanel catalogue={CATALOGUE_INFO} />
      </div>
      {(["tiltak", "avvik", "oppfolging"] as const).map((v) => {
        const View = LAZY_VIEWS[v];
        return (
          <div key={v} role="tabpanel" id={`view-${v}`} aria-labelledby={`tab-${v}`} className="tm-view" hidden={view !== v} data-testid={`view-${v}`}>
            {visited.has(v) && (
              <ViewBoundary>
                <Suspense fallback={<Busy label="Henter visningen …" />}>
                  <View active={view === v} />
                </Suspense>
              </ViewBoundary>
            )}
          </div>
        );
      })}
    </PaneContext.Provider>
  );
}
