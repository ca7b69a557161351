import { Button } from "@fluentui/react-components";
import { Fragment, useEffect, useMemo, useRef, useState } from "react";
import { aboutLines, aboutText, readAbout, type CatalogueIdentity } from "./about";

// Styles: .tm-about* in taskpane.css (label above value in a narrow pane, side by side from 360 px).

type CopyState = "idle" | "copied" | "selected";

/** Tries the old copy command on the current selection; false when the browser refuses or lacks it. */
function copySelection(): boolean {
  try {
    return typeof document.execCommand === "function" && document.execCommand("copy");
  } catch {
    return false;
  }
}

/** The facts, read once when the section is opened, and «Kopier» for a support request. */
export function AboutContent({ catalogue }: { catalogue: CatalogueIdentity }) {
  const info = useMemo(() => readAbout(catalogue), [catalogue]);
  const lines = aboutLines(info);
  const text = aboutText(info);
  const [copy, setCopy] = useState<CopyState>("idle");
  // Bumped each time the clipboard refuses: shows the text, selects it, and tries the old copy command.
  const [fallback, setFallback] = useState(0);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const ta = textRef.current;
    if (fallback === 0 || !ta) return;
    ta.focus();
    ta.select();
    setCopy(copySelection() ? "copied" : "selected");
  }, [fallback]);

  const onCopy = async () => {
    setCopy("idle");
    try {
      if (typeof navigator.clipboard?.writeText !== "function") throw new Error("Ingen utklippstavle");
      await navigator.clipboard.writeText(text);
      setCopy("copied");
    } catch {
      setFallback((n) => n + 1);
    }
  };

  return (
    <div className="tm-stack">
      <dl className="tm-about-list" data-testid="about">
        {lines.map((l) => (
          <Fragment key={l.label}>
            <dt>{l.label}</dt>
            <dd>{l.value}</dd>
          </Fragment>
        ))}
      </dl>
      <div className="tm-row">
        <Button onClick={() => void onCopy()} aria-describedby="about-copy-status">
          Kopier
        </Button>
        <span className="tm-caption" id="about-copy-status" role="status">
          {copy === "copied" ? "Kopiert" : copy === "selected" ? "Teksten er merket. Trykk Ctrl+C (⌘C på Mac) for å kopiere." : ""}
        </span>
      </div>
      {fallback > 0 && (
        <textarea
          ref={textRef}
          className="tm-textarea"
          readOnly
          value={text}
          rows={lines.length + 1}
          aria-label="Om tillegget som tekst"
          data-testid="about-text"
        />
      )}
    </div>
  );
}
