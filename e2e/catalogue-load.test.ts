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

/**
 * Every script of ours the page has fetched so far, in order, with whether it carries the catalogue data (read
 * from dist/). From the page's resource timing, which records from navigation on, each fetch once.
 */
async function scriptsLoaded(page: Page): Promise<{ file: string; catalogue: boolean }[]> {
  const urls = (await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name))) as string[];
  return urls
    .map((u) => new URL(u).pathname)
    .filter((p) => p.endsWith(".js") && !p.startsWith("/office-js/"))
    .map((p) => ({ file: p.slice(1), catalogue: readFileSync(join(DIST, p.slice(1)), "utf8").includes(MARK) }));
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
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).waitFor();
  await quiet(page);
  const atStart = await scriptsLoaded(page);
  expect(atStart.some((s) => s.file.startsWith("taskpane."))).toBe(true);
  expect(atStart.filter((s) => s.catalogue)).toEqual([]);

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
  expect((await scriptsLoaded(page)).filter((s) => s.catalogue)).toHaveLength(1);
  expect(first).toMatch(/^\[\[-?\d/);
  expect(errors).toEqual([]);
  await page.context().close();
});
