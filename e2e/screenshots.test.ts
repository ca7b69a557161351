// Screenshots of the pane for the documentation, taken from the built pane with the fake Excel host at
// Excel's default pane width on Windows (320 px) and one at the narrowest (Excel for Mac, 270 px). Each shot
// waits for its content, with animations off and no hover or focus ring, so a re-run gives the same pictures.
//
// `npm test` must leave the working tree as it found it: the shots go to e2e/.cache/screenshots (ignored by
// git) unless UPDATE_SCREENSHOTS=1 asks for the tracked copies in docs/screenshots to be replaced.
import { mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launch, openPane } from "./browser";

const UPDATE = process.env.UPDATE_SCREENSHOTS === "1";
const SHOTS_DIR = UPDATE ? resolve(__dirname, "../docs/screenshots") : resolve(__dirname, ".cache/screenshots");
const WIDTH = 320;
const HEIGHT = 800;
const MIN_BYTES = 10 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function openInExcel(width = WIDTH): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPane(browser, { withExcel: true, width });
  const { page } = opened;
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.setViewportSize({ width, height: HEIGHT });
  await page.getByRole("heading", { name: "Tiltaksmeny" }).waitFor();
  // The status line has read the workbook.
  await page.getByTestId("workbook-status").filter({ hasNotText: "leser arbeidsboken" }).waitFor();
  return opened;
}

async function insert(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByText("satt inn i arbeidsboken", { exact: true }).waitFor();
}

/** Writes <name>.png of the viewport once the page is settled. */
async function shoot(page: Page, name: string): Promise<string> {
  const width = page.viewportSize()?.width ?? WIDTH;
  await page.mouse.move(width - 1, HEIGHT - 1);
  await page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
  // Fonts loaded, and two frames: React's last commit and the styles it inserted are painted.
  await page.evaluate("document.fonts.ready.then(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))))");
  const file = join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, animations: "disabled", caret: "hide", scale: "css" });
  return file;
}

function expectWritten(file: string): void {
  expect(statSync(file).size).toBeGreaterThan(MIN_BYTES);
}

test("start: before the catalogue is inserted", async () => {
  const { page, errors } = await openInExcel();
  await page.getByText("ikke satt inn ennå").waitFor();
  await page.getByRole("button", { name: "Last ned som arbeidsbok" }).waitFor();
  expectWritten(await shoot(page, "start"));
  expect(errors).toEqual([]);
});

test("start: after the insert, with the result", async () => {
  const { page, errors } = await openInExcel();
  await insert(page);
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).and(page.locator(":enabled")).waitFor();
  expectWritten(await shoot(page, "start-etter-innsetting"));
  expect(errors).toEqual([]);
});

test("tiltak: the catalogue with the choice against the target", async () => {
  const { page, errors } = await openInExcel();
  await insert(page);
  await page.getByRole("tab", { name: "Tiltak" }).click();
  await page.getByRole("checkbox", { name: /^2\.2 / }).check();
  await page.getByTestId("choice-alle").filter({ hasText: /Gjenstår\s*−30,7 mill\. kr/ }).waitFor();
  expectWritten(await shoot(page, "tiltak"));
  expect(errors).toEqual([]);
});

test("avvik: the findings, one count line per working group", async () => {
  const { page, errors } = await openInExcel();
  await insert(page);
  await page.getByRole("tab", { name: "Avvik" }).click();
  await page.getByRole("button", { name: "Kontroller på nytt" }).waitFor();
  await page.getByTestId("findings-section-1").waitFor();
  expectWritten(await shoot(page, "avvik"));
  expect(errors).toEqual([]);
});

test("oppfølging: the sector accountant's filter and the controller's HØP import", async () => {
  const { page, errors } = await openInExcel();
  await insert(page);
  await page.getByRole("tab", { name: "Oppfølging" }).click();
  await page.getByRole("button", { name: "Importer HØP-tall fra merket område" }).waitFor();
  expectWritten(await shoot(page, "oppfolging"));
  expect(errors).toEqual([]);
});

test("270 px (Excel for Mac): a working group's findings, long words wrapped", async () => {
  const { page, errors } = await openInExcel(270);
  await insert(page);
  await page.getByRole("tab", { name: "Avvik" }).click();
  await page.getByRole("combobox", { name: "Alvorlighet" }).selectOption({ label: "Bare feil" });
  await page.getByTestId("findings-section-5").locator("summary").click();
  await page.getByTestId("finding-5.1-detail-vs-summary").waitFor();
  await page.getByTestId("findings-section-5").evaluate((el) => el.scrollIntoView());
  const file = join(SHOTS_DIR, "avvik-270.png");
  await page.mouse.move(269, HEIGHT - 1);
  await page.screenshot({ path: file, animations: "disabled", caret: "hide", scale: "css" });
  expectWritten(file);
  expect(errors).toEqual([]);
});
