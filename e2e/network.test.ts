// The built pages stay on the machine: no request leaves loopback, and the Content-Security-Policy stops
// office.js's telemetry iframe without breaking the pane. Also checks that the detector in ./browser works.
import type { Browser, BrowserContext } from "playwright-core";
import { baseUrl, isOffLoopback, launch, networkProblems, openPane, watchNetwork, type NetworkWatch } from "./browser";

const TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com";

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await browser?.close();
});

/** A context with the recorder but without openPane's per-test check, for pages the test inspects itself. */
async function watchedContext(): Promise<{ context: BrowserContext; network: NetworkWatch }> {
  const context = await browser.newContext({ locale: "nb-NO" });
  contexts.push(context);
  return { context, network: await watchNetwork(context) };
}

/** office.js opens its telemetry iframe 3 s after loading outside Office; wait until the CSP has stopped it. */
async function telemetryStopped(network: NetworkWatch): Promise<void> {
  for (let waited = 0; !network.blockedByCsp.some((url) => url.startsWith(TELEMETRY)); waited += 100) {
    if (waited > 10000) throw new Error(`office.js' telemetri ble ikke stoppet av CSP: ${JSON.stringify(network)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

test.each([
  ["outside Office", false, "Åpne Tiltaksmeny i Excel"],
  ["with the Excel host", true, "Sett inn tiltakskatalog"],
])("the pane %s renders, reaches nothing off loopback, and its CSP stops office.js's telemetry", async (_name, withExcel, marker) => {
  const { page, errors, network } = await openPane(browser, { withExcel });
  contexts.push(page.context());
  await page.getByText(marker).first().waitFor();
  await telemetryStopped(network);
  expect(network.offLoopback).toEqual([]);
  expect(networkProblems(network)).toEqual([]);
  expect(errors).toEqual([]);
});

test("the commands page reaches nothing off loopback and its CSP stops office.js's telemetry", async () => {
  const { context, network } = await watchedContext();
  const page = await context.newPage();
  await page.goto(baseUrl() + "commands.html");
  await telemetryStopped(network);
  expect(networkProblems(network)).toEqual([]);
});

test("loopback is 127.0.0.1, localhost and [::1] on any port; everything else over http(s)/ws(s) is off loopback", () => {
  expect(["http://127.0.0.1:3000/x", "https://localhost/", "http://[::1]:8080/", "ws://localhost:1/", "data:text/plain,x", "about:blank"].filter(isOffLoopback)).toEqual([]);
  expect(["https://example.invalid/x", "http://127.0.0.1.example.com/", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "wss://example.invalid/"].every(isOffLoopback)).toBe(true);
});

test("the detector records a request that leaves loopback (on a page without CSP) and aborts it", async () => {
  const { context, network } = await watchedContext();
  const page = await context.newPage();
  // The help pages are static and carry no CSP: a fetch there reaches the router.
  await page.goto(baseUrl() + "help/index.html");
  const outcome = await page.evaluate(() => fetch("https://example.invalid/x").then(() => "svar", () => "avbrutt"));
  expect(outcome).toBe("avbrutt");
  expect(network.offLoopback).toEqual(["https://example.invalid/x"]);
  expect(networkProblems(network)).toEqual(["forespørsel ut av maskinen: https://example.invalid/x"]);
});

test("the detector records CSP violations on the pane: a call out by our own code and an inline script", async () => {
  const { context, network } = await watchedContext();
  const page = await context.newPage();
  await page.goto(baseUrl() + "taskpane.html");
  const outcome = await page.evaluate(() => fetch("https://example.invalid/x").then(() => "svar", () => "avbrutt"));
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__inline = true";
    document.head.appendChild(script);
  });
  for (let waited = 0; network.cspViolations.length < 2 && waited < 5000; waited += 50) await new Promise((ok) => setTimeout(ok, 50));
  expect(outcome).toBe("avbrutt");
  // Stopped by the CSP before any request was made.
  expect(network.offLoopback).toEqual([]);
  expect(await page.evaluate(() => "__inline" in window)).toBe(false);
  expect(network.cspViolations).toEqual([expect.stringMatching(/^connect-src blokkerte https:\/\/example\.invalid\/x/), expect.stringMatching(/^script-src-elem blokkerte inline/)]);
  expect(networkProblems(network)).toHaveLength(2);
});
