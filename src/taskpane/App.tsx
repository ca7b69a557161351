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
import { useCallback, useRef, useState } from "react";
import { bundledCatalogue } from "../data/bundled";
import { excelErrorMessage } from "../excel/errors";
import { readWorkbookStatus, type WorkbookStatus } from "../excel/workbook";
import { CatalogueList } from "./CatalogueList";

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

type Check = { state: "idle" } | { state: "busy" } | { state: "done"; status: WorkbookStatus } | { state: "error"; message: string };

function ExcelPane() {
  const styles = useStyles();
  const [check, setCheck] = useState<Check>({ state: "idle" });
  const running = useRef(false);
  const cat = bundledCatalogue;

  const onCheck = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setCheck({ state: "busy" });
    try {
      setCheck({ state: "done", status: await readWorkbookStatus() });
    } catch (e) {
      setCheck({ state: "error", message: excelErrorMessage(e) });
    } finally {
      running.current = false;
    }
  }, []);

  return (
    <>
      <Caption1 className={styles.status} role="status">
        Katalog {cat.version} · {cat.measures.length} tiltak fra {cat.data.catalogue.publisher}
      </Caption1>
      <Body1>
        Tiltakskatalogen fra «{cat.data.catalogue.title}» for budsjettarbeidet: tabeller i arbeidsboken, funksjoner som
        TILTAK.EFFEKT, og flagg der rapportens tabeller er uenige.
      </Body1>
      <div>
        <Button appearance="primary" onClick={onCheck} disabled={check.state === "busy"}>
          Kontroller arbeidsboken
        </Button>
      </div>
      {check.state === "busy" && <Spinner size="tiny" label="Leser arbeidsboken …" />}
      {check.state === "done" && (
        <MessageBar intent="info">
          <MessageBarBody data-testid="workbook-status">
            {check.status.addinTables.length === 0
              ? `Arbeidsboken har ${check.status.sheetCount} ark og ingen Tiltaksmeny-tabeller ennå.`
              : `Arbeidsboken har Tiltaksmeny-tabellene ${check.status.addinTables.join(", ")}.`}
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
