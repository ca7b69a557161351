// Screenshots of the pane for the documentation (docs/screenshots/), taken from the built pane with the
// fake Excel host at the task pane's usual size. Each shot waits for its content, with animations off
// and no hover or focus ring, so a re-run gives the same pictures.
import { mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launch, openPane } from "./browser";

const SHOTS_DIR = resolve(__dirname, "../docs/screenshots");
const WIDTH = 360;
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

async function openInExcel(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPane(browser, { withExcel: true, width: WIDTH });
  const { page } = opened;
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.getByRole("heading", { name: "Tiltaksmeny" }).waitFor();
  await page.getByTestId("workbook-status").getByText("arbeidsboken", { exact: false }).waitFor();
  return opened;
}

/** Writes docs/screenshots/<name>.png of the viewport once the page is settled. */
async function shoot(page: Page, name: string): Promise<string> {
  await page.mouse.move(WIDTH - 1, HEIGHT - 1);
  await page.evaluate(async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    await document.fonts.ready;
    // Two frames: React's last commit and the styles it inserted are painted.
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  });
  const file = join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, animations: "disabled", caret: "hide", scale: "css" });
  return file;
}

function expectWritten(file: string): void {
  const size = statSync(file).size;
  expect(size).toBeGreaterThan(MIN_BYTES);
}

test("start: before the catalogue is inserted", async () => {
  const { page, errors } = await openInExcel();
  await page.getByText("ikke satt inn i denne arbeidsboken ennå").waitFor();
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).waitFor();
  expectWritten(await shoot(page, "start"));
  expect(errors).toEqual([]);
});

test("start: after the insert, with the result", async () => {
  const { page, errors } = await openInExcel();
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByText("arbeidsboken har tiltakstabellene").waitFor();
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).and(page.locator(":enabled")).waitFor();
  expectWritten(await shoot(page, "start-etter-innsetting"));
  expect(errors).toEqual([]);
});

test("katalog: the catalogue list", async () => {
  const { page, errors } = await openInExcel();
  await page.getByRole("tab", { name: "Katalog" }).click();
  await page.getByPlaceholder("Nummer eller navn").waitFor({ state: "visible" });
  await page.getByText("Lederstøtte, bemanningsplanlegging", { exact: false }).first().waitFor({ state: "visible" });
  expectWritten(await shoot(page, "katalog"));
  expect(errors).toEqual([]);
});

test("avvik: the findings", async () => {
  const { page, errors } = await openInExcel();
  await page.getByRole("tab", { name: "Avvik" }).click();
  await page.getByRole("button", { name: "Kontroller på nytt" }).waitFor({ state: "visible" });
  await page.getByRole("button", { name: "Vis i arbeidsboken" }).first().waitFor({ state: "visible" });
  expectWritten(await shoot(page, "avvik"));
  expect(errors).toEqual([]);
});

test("valg: chosen measures against the target", async () => {
  const { page, errors } = await openInExcel();
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByRole("tab", { name: "Valg" }).click();
  await page.getByRole("checkbox", { name: /^2\.2 / }).check();
  await page.getByTestId("choice-alle").getByText("mangler 30,7").waitFor();
  expectWritten(await shoot(page, "valg"));
  expect(errors).toEqual([]);
});

test("oppfølging: realised savings and HØP import", async () => {
  const { page, errors } = await openInExcel();
  await page.getByRole("button", { name: "Sett inn tiltakskatalog" }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByRole("tab", { name: "Oppfølging" }).click();
  await page.getByRole("button", { name: "Importer HØP-tall fra merket område" }).waitFor({ state: "visible" });
  expectWritten(await shoot(page, "oppfolging"));
  expect(errors).toEqual([]);
});
