import type { Browser } from "playwright-core";
import { launch, openPane } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface FakeState {
  syncs: number;
  runs: number;
  calls: string[];
}

test("outside Office the pane explains that it must be opened in Excel, without crashing", async () => {
  const { page, errors } = await openPane(browser, { withExcel: false });
  await page.getByText("Åpne Tiltaksmeny i Excel").waitFor();
  expect(await page.getByRole("button", { name: "Kontroller arbeidsboken" }).count()).toBe(0);
  expect(errors).toEqual([]);
});

test("with an Excel host the pane renders the catalogue and its button reaches the host", async () => {
  const { page, errors } = await openPane(browser, {
    withExcel: true,
    sheets: [
      { name: "Budsjett 2026", tables: ["Lonn"] },
      { name: "Tiltak", tables: ["Tiltak"] },
    ],
  });
  await page.getByRole("heading", { name: "Tiltaksmeny" }).waitFor();
  await expect(page.getByText("46 tiltak", { exact: false }).first().isVisible()).resolves.toBe(true);
  await page.getByRole("button", { name: "Kontroller arbeidsboken" }).click();
  await page.getByTestId("workbook-status").waitFor();
  expect(await page.getByTestId("workbook-status").textContent()).toContain("Tiltak");
  const fake = (await page.evaluate(() => (window as unknown as { __fakeExcel: FakeState }).__fakeExcel)) as FakeState;
  expect(fake.runs).toBe(1);
  expect(fake.syncs).toBe(1);
  expect(fake.calls).toEqual(expect.arrayContaining(["worksheets.load", "tables.load"]));
  expect(errors).toEqual([]);
});

test("an Excel error shows a Norwegian message, never the raw error text", async () => {
  const { page } = await openPane(browser, { withExcel: true });
  await page.evaluate(() => ((window as unknown as { __fakeExcel: { failNextSyncWith: string } }).__fakeExcel.failNextSyncWith = "AccessDenied"));
  await page.getByRole("button", { name: "Kontroller arbeidsboken" }).click();
  await page.getByText("Kunne ikke lese arbeidsboken").waitFor();
  const body = (await page.textContent("body")) ?? "";
  expect(body).toContain("Excel nektet tilgang");
  expect(body).not.toContain("Internal error text");
});
