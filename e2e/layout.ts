// Layout checks on the built pane in a real browser, shared by the e2e tests and the bench: what sticks out
// of a narrow task pane, and how many Tab presses a view costs.
import type { Page } from "playwright-core";

/** Excel's task pane widths: Mac 270 px, Windows 320 px, the web 350 px, and a widened pane. */
export const PANE_WIDTHS = [270, 320, 350, 450] as const;

/**
 * Everything that makes the pane scroll sideways or cuts something off, in words (empty when it fits): the
 * document and every view container wider than their box, any visible element whose box ends past the
 * viewport's right edge, and any element that hides overflowing content of its own (clipped text).
 */
export function overflowProblems(page: Page): Promise<string[]> {
  // A string, not a function: tsx (the bench) would wrap named functions in a helper the page lacks.
  return page.evaluate(OVERFLOW_SCRIPT) as Promise<string[]>;
}

const OVERFLOW_SCRIPT = `(() => {
  const out = [];
  const describe = (el) => {
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).slice(0, 2).join(".") : "";
    const text = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    return "<" + el.tagName.toLowerCase() + id + cls + "> «" + text + "»";
  };
  const root = document.documentElement;
  const vw = root.clientWidth;
  if (root.scrollWidth > vw) out.push("dokumentet er " + root.scrollWidth + " px bredt i en rute på " + vw + " px");
  for (const el of document.querySelectorAll("main, [role=tabpanel]")) {
    if (!el.hidden && el.scrollWidth > el.clientWidth) out.push(describe(el) + " ruller sidelengs (" + el.scrollWidth + " > " + el.clientWidth + ")");
  }
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("[hidden]") || el.hasAttribute("data-tabster-dummy")) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > vw + 0.5) out.push(describe(el) + " går til " + Math.round(r.right) + " px, ruten er " + vw + " px");
    if (el instanceof HTMLElement && !(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) {
      const hides = ["hidden", "clip"].includes(getComputedStyle(el).overflowX);
      if (hides && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) out.push(describe(el) + " skjuler innhold (" + el.scrollWidth + " > " + el.clientWidth + ")");
    }
  }
  return out;
})()`;

/** How many Tab presses it takes to cycle through the page's focusable elements (focus starts on the body). */
export async function tabStops(page: Page, max = 500): Promise<number> {
  await page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
  const seen = new Set<string>();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const key = (await page.evaluate(
      "(() => { const a = document.activeElement; if (!a || a === document.body) return null; a.__stop = a.__stop || String(Math.random()); return a.__stop; })()",
    )) as string | null;
    if (key === null) {
      if (seen.size > 0) break;
      continue;
    }
    if (seen.has(key)) break;
    seen.add(key);
  }
  return seen.size;
}
