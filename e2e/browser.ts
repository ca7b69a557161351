// Headless Debian Chromium via playwright-core: never a downloaded browser, no network beyond loopback.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** The fake Excel host, bundled by global-setup from test/fake-excel/browser.ts. */
export function fakeExcelScript(): string {
  return readFileSync(join(__dirname, ".cache", "fake-excel.js"), "utf8");
}

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set (global setup did not run)");
  return url;
}

export interface PaneOptions {
  withExcel: boolean;
  sheets?: string[];
  tables?: { name: string; sheet: string }[];
  width?: number;
}

/** Opens the built pane in a fresh page, optionally with the fake Excel host injected before load. */
export async function openPane(browser: Browser, opts: PaneOptions): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 360, height: 800 }, locale: "nb-NO" });
  // Only loopback: anything else would be a call home, which the add-in must never make.
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (opts.withExcel) {
    await page.addInitScript((init) => ((window as unknown as { __fakeExcelInit: unknown }).__fakeExcelInit = init), { sheets: opts.sheets, tables: opts.tables });
    await page.addInitScript(fakeExcelScript());
  }
  await page.goto(baseUrl() + "taskpane.html");
  return { page, errors };
}
