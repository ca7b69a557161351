// The help page the pane links to: a section for every view (the «Hjelp» link opens the one for the view shown),
// the HØP import (unit, sign, what a header row may look like) and every reconciliation rule.
import type { Browser } from "playwright-core";
import { RULE_IDS } from "../src/domain/reconcile";
import { baseUrl, launch, openPane } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test("the pane's «Hjelp» link leads to the help section of each view, and the page explains the HØP import and every rule", async () => {
  const { page, errors } = await openPane(browser, { withExcel: true, width: 320 });
  await page.getByText("ikke satt inn ennå").waitFor();
  const anchors: string[] = [];
  for (const tab of ["Start", "Tiltak", "Avvik", "Oppfølging"]) {
    await page.getByRole("tab", { name: tab }).click();
    const href = (await page.getByRole("link", { name: "Hjelp" }).getAttribute("href")) ?? "";
    expect(href).toMatch(/^help\/index\.html#\w+$/);
    anchors.push(href.split("#")[1] as string);
  }
  const help = await browser.newPage();
  await help.goto(baseUrl() + "help/index.html");
  for (const id of [...anchors, "hop", ...RULE_IDS]) expect({ id, found: await help.locator(`[id="${id}"]`).count() }).toEqual({ id, found: 1 });
  const hop = (await help.locator("#hop ~ *").first().textContent()) ?? "";
  const text = (await help.textContent("main")) ?? "";
  expect(hop.length).toBeGreaterThan(0);
  for (const phrase of ["mill. kr", "negativ = innsparing", "ØP 2027", "overskriftsrad", "Vis bare denne gruppen i Oppfølging-arket", "Merknad".toLowerCase()]) {
    expect({ phrase, found: text.includes(phrase) }).toEqual({ phrase, found: true });
  }
  await help.close();
  expect(errors).toEqual([]);
});
