// Small building blocks every view uses, styled by the pane's stylesheet (no Fluent MessageBar or Spinner
// in the first chunk): a message box, a busy line, and a field label above a control.
import type { ReactNode } from "react";

export function Notice({ intent, title, children, testId, role }: { intent: "success" | "warning" | "error" | "info"; title?: ReactNode; children?: ReactNode; testId?: string; role?: "status" | "alert" }) {
  return (
    <div className="tm-notice" data-intent={intent} data-testid={testId} role={role}>
      {title && <div className="tm-notice-title">{title}</div>}
      {children}
    </div>
  );
}

/** "Arbeider …" with a ring; announced politely to screen readers. */
export function Busy({ label }: { label: string }) {
  return (
    <div className="tm-busy" role="status">
      <span className="tm-spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
