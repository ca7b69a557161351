// Headless Debian Chromium via playwright-core: never a downloaded browser, no network beyond loopback.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

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

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** True for an http(s)/ws(s) address on another machine: a request the add-in must never make. */
export function isOffLoopback(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return /^(https?|wss?):$/.test(parsed.protocol) && !LOOPBACK_HOSTS.has(parsed.hostname);
}

/** What one browser context tried to reach, filled in as it happens. */
export interface NetworkWatch {
  /** Requests that would have left the machine (all aborted before they did). */
  offLoopback: string[];
  /** CSP violations for anything else than office.js calling out: the policy broke the page, or our code called out. */
  cspViolations: string[];
  /** Console errors about the policy itself (ignored or malformed directives). */
  cspErrors: string[];
  /** Off-loopback addresses office.js tried and the CSP stopped before any request (its telemetry iframe). */
  blockedByCsp: string[];
}

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/**
 * Aborts and records every off-loopback request of the context, and records its CSP violations. Must be called
 * before the context opens a page.
 */
export async function watchNetwork(context: BrowserContext): Promise<NetworkWatch> {
  const watch: NetworkWatch = { offLoopback: [], cspViolations: [], cspErrors: [], blockedByCsp: [] };
  context.on("request", (request) => {
    if (isOffLoopback(request.url())) watch.offLoopback.push(request.url());
  });
  await context.route(
    (url) => isOffLoopback(url.href),
    (route) => route.abort("blockedbyclient"),
  );
  await context.routeWebSocket(
    (url) => isOffLoopback(url.href),
    (ws) => {
      watch.offLoopback.push(ws.url());
      return ws.close();
    },
  );
  await context.exposeBinding("__reportCspViolation", (_source, v: Violation) => {
    // office.js calling home is what the policy is there to stop; anything else is a finding.
    const fromOfficeJs = /\/office-js\//.test(v.source);
    if (fromOfficeJs && isOffLoopback(v.blocked)) watch.blockedByCsp.push(v.blocked);
    else watch.cspViolations.push(`${v.directive} blokkerte ${v.blocked || "(ukjent)"} (fra ${v.source || "siden"})`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (e) => {
        const w = window as unknown as { __reportCspViolation: (v: Violation) => void };
        void w.__reportCspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile });
      },
      true,
    );
  });
  context.on("console", (message) => {
    const text = message.text();
    // Violations arrive as events above; other CSP messages mean the policy itself is wrong.
    if (/Content.Security.Policy/i.test(text) && !/violates the .*Content Security Policy/i.test(text)) watch.cspErrors.push(text);
  });
  return watch;
}

/** Everything in the watch that makes a test fail, in words. */
export function networkProblems(watch: NetworkWatch): string[] {
  return [
    ...watch.offLoopback.map((url) => `forespørsel ut av maskinen: ${url}`),
    ...watch.cspViolations.map((v) => `CSP: ${v}`),
    ...watch.cspErrors.map((e) => `CSP-feil: ${e}`),
  ];
}

// Every page openPane opens is checked after each test (and once more after the file, for late requests):
// a test fails when its page tried to leave loopback or hit the CSP, whatever the test itself asserts.
const watched: { test: string; watch: NetworkWatch; reported: number }[] = [];

function reportNew(): void {
  const found: string[] = [];
  for (const w of watched) {
    const problems = networkProblems(w.watch);
    found.push(...problems.slice(w.reported).map((p) => `${p} (siden ble åpnet i «${w.test}»)`));
    w.reported = problems.length;
  }
  if (found.length > 0) throw new Error(`Nettverk/CSP:\n  ${found.join("\n  ")}`);
}

// Jest globals exist only under jest; scripts/bundle-size.ts imports this module through tsx.
if (typeof afterEach === "function" && typeof afterAll === "function") {
  afterEach(reportNew);
  afterAll(reportNew);
}

export interface OfficeTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
}

/** Office's dark grey theme (Excel desktop) and its white theme, as Office.context.officeTheme reports them. */
export const DARK_THEME: OfficeTheme = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" };
export const LIGHT_THEME: OfficeTheme = { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626" };

export interface PaneOptions {
  withExcel: boolean;
  sheets?: string[];
  tables?: { name: string; sheet: string }[];
  width?: number;
  /** Office's theme as the pane opens (default: none, as office.js reports outside Office). */
  officeTheme?: OfficeTheme;
}

/**
 * Inline <script> is what the pane's CSP forbids, so page.addScriptTag({ content }) (how e2e/a11y.test.ts adds
 * axe) would fail. Test tooling goes in through the DevTools protocol instead, which the CSP does not govern.
 */
function scriptContentOverDevTools(page: Page): void {
  const addScriptTag = page.addScriptTag.bind(page);
  page.addScriptTag = async (options = {}) => {
    if (options.content === undefined) return addScriptTag(options);
    await page.evaluate(`${options.content}\n;void 0`);
    return page.evaluateHandle(() => document.createElement("script"));
  };
}

/** Opens the built pane in a fresh page, optionally with the fake Excel host injected before load. */
export async function openPane(browser: Browser, opts: PaneOptions): Promise<{ page: Page; errors: string[]; network: NetworkWatch }> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 360, height: 800 }, locale: "nb-NO" });
  const network = await watchNetwork(context);
  watched.push({ test: typeof expect === "function" ? (expect.getState().currentTestName ?? "?") : "?", watch: network, reported: 0 });
  const page = await context.newPage();
  scriptContentOverDevTools(page);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (opts.withExcel) {
    const init = { sheets: opts.sheets, tables: opts.tables, officeTheme: opts.officeTheme ?? null };
    await page.addInitScript((i) => ((window as unknown as { __fakeExcelInit: unknown }).__fakeExcelInit = i), init);
    await page.addInitScript(fakeExcelScript());
  }
  await page.goto(baseUrl() + "taskpane.html");
  return { page, errors, network };
}
