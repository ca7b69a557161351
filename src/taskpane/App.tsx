import {
  Body1,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { bundledCatalogue } from "../data/bundled";
import { belowFloor, EXCEL_API_FLOOR } from "../excel/requirements";
import { AboutPanel } from "./AboutPanel";
import { CatalogueList } from "./CatalogueList";
import { ChoicePanel } from "./ChoicePanel";
import { FollowUpPanel } from "./FollowUpPanel";
import { FindingsPanel } from "./FindingsPanel";
import { InsertPanel } from "./InsertPanel";
import { currentOfficeTheme, themeFor } from "./theme";
import { WorkbookStatusLine } from "./WorkbookStatusLine";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minWidth: "280px",
    maxWidth: "600px",
  },
  status: { color: tokens.colorNeutralForeground3 },
  tabs: { flexWrap: "wrap" },
});

export function App({ inExcel }: { inExcel: boolean }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={themeFor(currentOfficeTheme())} style={{ minHeight: "100vh" }}>
      <main className={styles.root}>
        <Title3 as="h1">Tiltaksmeny</Title3>
        {inExcel ? <ExcelPane /> : <OutsideExcel />}
      </main>
    </FluentProvider>
  );
}

function OutsideExcel() {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>Åpne Tiltaksmeny i Excel</MessageBarTitle>
        Denne siden er oppgaveruten til et Excel-tillegg og virker bare inne i Excel. Åpne arbeidsboken i Excel og
        velg Tiltaksmeny på Hjem-fanen.
      </MessageBarBody>
    </MessageBar>
  );
}

type View = "start" | "katalog" | "avvik" | "valg" | "oppfolging";

/** Shown once, at start, when Excel answers requirement checks and is below the manifest's floor. */
function TooOldWarning() {
  return (
    <MessageBar intent="warning" data-testid="below-floor">
      <MessageBarBody>
        Denne Excel-versjonen er for gammel for Tiltaksmeny (trenger ExcelApi {EXCEL_API_FLOOR}). Oppdater Excel eller bruk
        Excel på nettet.
      </MessageBarBody>
    </MessageBar>
  );
}

function ExcelPane() {
  const styles = useStyles();
  const cat = bundledCatalogue;
  const [view, setView] = useState<View>("start");
  const [statusKey, setStatusKey] = useState(0);
  // Asked once when the pane starts; the host's version does not change while it runs.
  const [tooOld] = useState(belowFloor);
  return (
    <>
      {tooOld && <TooOldWarning />}
      <Caption1 className={styles.status}>
        Katalog {cat.version} · {cat.measures.length} tiltak fra {cat.data.catalogue.publisher} · <WorkbookStatusLine refresh={statusKey} />
      </Caption1>
      <TabList className={styles.tabs} selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Visninger">
        <Tab value="start">Start</Tab>
        <Tab value="katalog">Katalog</Tab>
        <Tab value="avvik">Avvik</Tab>
        <Tab value="valg">Valg</Tab>
        <Tab value="oppfolging">Oppfølging</Tab>
      </TabList>
      {/* Views stay mounted so their state (filters, results) survives switching. */}
      <div hidden={view !== "start"}>
        <Body1 as="p">
          Tiltakskatalogen fra «{cat.data.catalogue.title}» for budsjettarbeidet: tabeller i arbeidsboken, funksjoner som
          TILTAK.EFFEKT, og flagg der rapportens tabeller er uenige.
        </Body1>
        <InsertPanel
          catalogue={cat}
          onDone={() => setStatusKey((k) => k + 1)}
          blockedReason={tooOld ? `Innsetting er slått av: Excel-versjonen er for gammel (trenger ExcelApi ${EXCEL_API_FLOOR}).` : undefined}
        />
        <AboutPanel catalogue={cat} />
      </div>
      <div hidden={view !== "katalog"}>
        <CatalogueList catalogue={cat} />
      </div>
      <div hidden={view !== "avvik"}>
        <FindingsPanel catalogue={cat} />
      </div>
      <div hidden={view !== "valg"}>
        <ChoicePanel catalogue={cat} active={view === "valg"} />
      </div>
      <div hidden={view !== "oppfolging"}>
        <FollowUpPanel catalogue={cat} />
      </div>
    </>
  );
}
