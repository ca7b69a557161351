import { useId } from "react";
import { InsertButton, InsertStatus } from "./InsertPanel";
import { Busy } from "./Notice";
import { usePane } from "./pane";

/**
 * What a view shows before the catalogue is in the workbook (or while the pane is still reading it): what the
 * view will do, and the insert action itself. Never an error box for the normal first-use situation.
 */
export function EmptyState({ what }: { what: string }) {
  const { workbook, blockedReason } = usePane();
  const id = useId();
  if (workbook === "reading") return <Busy label="Leser arbeidsboken …" />;
  return (
    <div className="tm-empty" data-testid="empty-state">
      <p id={id}>
        <strong>Katalogen er ikke satt inn i denne arbeidsboken ennå.</strong> {what}
      </p>
      <InsertButton describedBy={id} />
      {blockedReason && <span>{blockedReason}</span>}
      <InsertStatus full={false} />
    </div>
  );
}
