import { Button } from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import type { CatalogueIdentity } from "./about";

// The facts and the copy button come in their own chunk when the section is first opened.
const AboutContent = lazy(() => import(/* webpackChunkName: "om" */ "./AboutContent").then((m) => ({ default: m.AboutContent })));

/**
 * «Om tillegget»: a collapsed section at the bottom of the Start view (a disclosure: a button in the
 * heading with aria-expanded, the content read from Office only once it is opened).
 */
export function AboutPanel({ catalogue }: { catalogue: CatalogueIdentity }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="tm-about" aria-labelledby="about-heading">
      <h2 id="about-heading">
        <Button
          appearance="subtle"
          aria-expanded={open}
          aria-controls="about-panel"
          onClick={() => setOpen((o) => !o)}
          icon={
            <span aria-hidden="true" style={{ display: "inline-block", fontSize: "0.75em" }}>
              {open ? "▼" : "▶"}
            </span>
          }
        >
          Om tillegget
        </Button>
      </h2>
      <div id="about-panel" hidden={!open}>
        {open && (
          <Suspense fallback={null}>
            <AboutContent catalogue={catalogue} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
