import { Suspense, useState, type ReactNode } from "react";
import { Busy } from "./Notice";

/**
 * A section of a view that stays closed until asked for (native <details>: a keyboard-reachable summary,
 * announced as expandable). Its content is mounted on the first opening and kept, so a panel that reads the
 * workbook or loads its own code does so only when someone wants it; `loading` is said while that code comes.
 */
export function Section({ title, hint, testId, loading, children }: { title: string; hint?: string; testId?: string; loading: string; children: () => ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="tm-section" data-testid={testId} onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
      <summary>
        <h2 className="tm-wrap" style={{ display: "inline" }}>
          {title}
        </h2>
        {hint && <span className="tm-section-counts">{hint}</span>}
      </summary>
      {opened && (
        <div className="tm-stack" style={{ paddingBottom: 8 }}>
          <Suspense fallback={<Busy label={loading} />}>{children()}</Suspense>
        </div>
      )}
    </details>
  );
}
