import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { bundledCatalogue } from "../data/bundled";
import { readWorkbookStatus } from "../excel/workbook";
import { CatalogueList } from "./CatalogueList";
import { InsertPanel } from "./InsertPanel";
import { useAction } from "./useAction";

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
});

export function App({ inExcel }: { inExcel: boolean }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
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

function ExcelPane() {
  const styles = useStyles();
  const cat = bundledCatalogue;
  const [check, runCheck] = useAction(readWorkbookStatus);
  return (
    <>
      <Caption1 className={styles.status} role="status">
        Katalog {cat.version} · {cat.measures.length} tiltak fra {cat.data.catalogue.publisher}
      </Caption1>
      <Body1>
        Tiltakskatalogen fra «{cat.data.catalogue.title}» for budsjettarbeidet: tabeller i arbeidsboken, funksjoner som
        TILTAK.EFFEKT, og flagg der rapportens tabeller er uenige.
      </Body1>
      <InsertPanel catalogue={cat} onDone={runCheck} />
      <div>
        <Button onClick={runCheck} disabled={check.state === "busy"}>
          Kontroller arbeidsboken
        </Button>
      </div>
      {check.state === "busy" && <Spinner size="tiny" label="Leser arbeidsboken …" />}
      {check.state === "done" && (
        <MessageBar intent="info">
          <MessageBarBody data-testid="workbook-status">
            {check.result.addinTables.length === 0
              ? `Arbeidsboken har ${check.result.sheetCount} ark og ingen Tiltaksmeny-tabeller ennå.`
              : `Arbeidsboken har Tiltaksmeny-tabellene ${check.result.addinTables.join(", ")}.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {check.state === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Kunne ikke lese arbeidsboken</MessageBarTitle>
            {check.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <CatalogueList catalogue={cat} />
    </>
  );
}
