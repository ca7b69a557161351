import {
  Button,
  Caption1,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Fragment, useEffect, useMemo, useRef, useState } from "react";
import type { Catalogue } from "../domain/catalogue";
import { aboutLines, aboutText, readAbout } from "./about";

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalL, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: "inherit", fontWeight: "inherit" },
  chevron: { display: "inline-block", width: "1em", textAlign: "center" },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  // Label above value in a narrow pane, side by side from 360 px; long values wrap (no sideways scrolling).
  list: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    "@media (min-width: 360px)": { gridTemplateColumns: "max-content minmax(0, 1fr)", rowGap: tokens.spacingVerticalXS },
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "break-word", marginBottom: tokens.spacingVerticalXS, "@media (min-width: 360px)": { marginBottom: 0 } },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  text: { width: "100%" },
});

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
function AboutContent({ catalogue }: { catalogue: Catalogue }) {
  const styles = useStyles();
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
    <div className={styles.panel}>
      <dl className={styles.list} data-testid="about">
        {lines.map((l) => (
          <Fragment key={l.label}>
            <dt className={styles.term}>{l.label}</dt>
            <dd className={styles.value}>{l.value}</dd>
          </Fragment>
        ))}
      </dl>
      <div className={styles.row}>
        <Button onClick={() => void onCopy()} aria-describedby="about-copy-status">
          Kopier
        </Button>
        <Caption1 id="about-copy-status" role="status">
          {copy === "copied" ? "Kopiert" : copy === "selected" ? "Teksten er merket. Trykk Ctrl+C (⌘C på Mac) for å kopiere." : ""}
        </Caption1>
      </div>
      {fallback > 0 && (
        <Textarea
          ref={textRef}
          className={styles.text}
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

/**
 * «Om tillegget»: a collapsed section at the bottom of the Start view (a disclosure: a button in the
 * heading with aria-expanded, the content read from Office only once it is opened).
 */
export function AboutPanel({ catalogue }: { catalogue: Catalogue }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <section className={styles.root} aria-labelledby="about-heading">
      <h2 className={styles.heading} id="about-heading">
        <Button
          appearance="subtle"
          aria-expanded={open}
          aria-controls="about-panel"
          onClick={() => setOpen((o) => !o)}
          icon={
            <span className={styles.chevron} aria-hidden="true">
              {open ? "▾" : "▸"}
            </span>
          }
        >
          Om tillegget
        </Button>
      </h2>
      <div id="about-panel" hidden={!open}>
        {open && <AboutContent catalogue={catalogue} />}
      </div>
    </section>
  );
}
