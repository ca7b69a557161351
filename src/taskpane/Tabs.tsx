// The pane's navigation: four tabs (Microsoft's task-pane guidance: three to four tabs of one or two short
// words) in the WAI-ARIA tabs pattern with manual activation: the tab list is one Tab stop, arrow keys (and
// Home/End) move between tabs and wrap around, Enter or Space shows a view. Native buttons and the pane's
// stylesheet instead of Fluent's TabList, which brings its own focus-management layer (≈23 KB gzip).
import { useRef, type KeyboardEvent } from "react";

export interface TabItem<V extends string> {
  readonly value: V;
  readonly label: string;
}

export function Tabs<V extends string>({
  items,
  selected,
  onSelect,
  onIntent,
  label,
}: {
  items: readonly TabItem<V>[];
  selected: V;
  onSelect: (v: V) => void;
  /** The pointer or focus is on a tab: a hint to start loading its view. */
  onIntent?: (v: V) => void;
  label: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const n = items.length;
    const to = e.key === "ArrowRight" ? (i + 1) % n : e.key === "ArrowLeft" ? (i - 1 + n) % n : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : null;
    if (to === null) return;
    e.preventDefault();
    refs.current[to]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tm-tabs">
      {items.map((t, i) => (
        <button
          key={t.value}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t.value}`}
          aria-controls={`view-${t.value}`}
          aria-selected={t.value === selected}
          tabIndex={t.value === selected ? 0 : -1}
          className="tm-tab"
          onClick={() => onSelect(t.value)}
          onKeyDown={(e) => onKeyDown(e, i)}
          onPointerEnter={() => onIntent?.(t.value)}
          onFocus={() => onIntent?.(t.value)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
