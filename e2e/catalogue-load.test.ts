// The built-in catalogue is one chunk, out of the pane's start-up: the page (which also hosts the custom
// functions in the shared runtime) downloads it when a view or a function first needs it, and only once.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launch, openPane } from "./browser";
import { DIST } from "./server";

interface RawCatalogue {
  measures: { notes?: unknown; consequences?: unknown }[];
}

/** A long plain-ASCII run of the catalogue's prose: found in a script only if that script carries the data. */
function marker(): string {
  const raw = JSON.parse(readFileSync(join(__dirname, "../src/data/catalogue.json"), "utf8")) as RawCatalogue;
  const runs = JSON.stringify(raw.measures.map((m) => [m.notes, m.consequences])).match(/[A-Za-z ,]{40,}/g) ?? [];
  const longest = runs.sort((a, b) => b.length - a.length)[0];
  if (!longest) throw new Error("catalogue.json has no long ASCII text to look for");
  return longest;
}

const MARK = marker();

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Every script response of ours, with whether it carries the catalogue data. */
function recordScripts(page: Page): { url: string; catalogue: boolean }[] {
  const seen: { url: string; catalogue: boolean }[] = [];
  page.on("response", (r) => {
    const path = new URL(r.url()).pathname;
    if (!path.endsWith(".js") || path.startsWith("/office-js/")) return;
    void r.text().then((body) => seen.push({ url: path, catalogue: body.includes(MARK) }), () => undefined);
  });
  return seen;
}

async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
}

test("the build has one copy of the catalogue data", () => {
  const carriers = readdirSync(DIST).filter((f) => f.endsWith(".js") && readFileSync(join(DIST, f), "utf8").includes(MARK));
  expect(carriers).toHaveLength(1);
});

test("the pane starts without the catalogue, and loads it once for the views and the custom functions", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true, width: 320 });
  const scripts = recordScripts(page);
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).waitFor();
  await quiet(page);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => s.catalogue)).toEqual([]);

  // A custom function called by Excel before any view needed the catalogue: it answers once the chunk is in.
  const first = await page.evaluate(async () => {
    const fn = (window as unknown as { __customFunctions: Record<string, (...a: unknown[]) => unknown> }).__customFunctions.EFFEKT;
    if (!fn) return "ikke registrert";
    return JSON.stringify(await fn([["2.2"]], [[2028]]));
  });
  await page.getByRole("tab", { name: "Tiltak" }).click();
  await page.getByRole("tab", { name: "Avvik" }).click();
  await page.getByRole("tab", { name: "Oppfølging" }).click();
  await quiet(page);
  const carriers = scripts.filter((s) => s.catalogue);
  expect(carriers).toHaveLength(1);
  expect(first).toMatch(/^\[\[-?\d/);
  expect(errors).toEqual([]);
  await page.context().close();
});
