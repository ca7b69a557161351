import { useEffect, useState } from "react";
import { readWorkbookStatus } from "../excel/workbook";

/** "Arbeidsboken har tabellene" / "ikke satt inn ennå", read on open and after an insert. */
export function WorkbookStatusLine({ refresh }: { refresh: number }) {
  const [text, setText] = useState("leser arbeidsboken …");
  useEffect(() => {
    let live = true;
    readWorkbookStatus()
      .then((s) => live && setText(s.addinTables.length > 0 ? "arbeidsboken har tiltakstabellene" : "ikke satt inn i denne arbeidsboken ennå"))
      .catch(() => live && setText("kunne ikke lese arbeidsboken"));
    return () => {
      live = false;
    };
  }, [refresh]);
  return <span data-testid="workbook-status" role="status">{text}</span>;
}
