// The production build: IT's hosting address (BASE_URL) replaces https://localhost:3000/, office.js comes from
// Microsoft's CDN unless OFFICE_JS=local asks for the self-hosted copy, and each page's CSP fits its build.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack, { type Configuration } from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
const config = require(resolve(__dirname, "../webpack.config.js")) as (env: Record<string, string>, argv: { mode: string }) => Configuration;

jest.setTimeout(180000);

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const BASE = "https://intranett.kommune.example/tiltaksmeny/";
const PAGES = ["taskpane.html", "commands.html"];

async function build(env: Record<string, string>): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "tiltak-prod-"));
  const c = config(env, { mode: "production" });
  const stats = await new Promise<webpack.Stats>((ok, fail) =>
    webpack({ ...c, output: { ...c.output, path: out }, infrastructureLogging: { level: "error" } }, (err, s) => (err || !s ? fail(err) : ok(s))),
  );
  expect(stats.hasErrors()).toBe(false);
  return out;
}

/** The page's script sources in order, and its CSP as directive → sources. */
function page(dir: string, file: string): { scripts: string[]; csp: Map<string, string[]>; cspBeforeScripts: boolean } {
  const html = readFileSync(join(dir, file), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]!);
  const meta = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"/i.exec(html);
  const csp = new Map((meta?.[1] ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
  return { scripts, csp, cspBeforeScripts: meta !== null && meta.index < html.indexOf("<script") };
}

let cdnBuild: string;
let localBuild: string;
beforeAll(async () => {
  // One build per variant; the default (CDN) one also carries the hosting address.
  cdnBuild = await build({ BASE_URL: BASE });
  localBuild = await build({ BASE_URL: BASE, OFFICE_JS: "local" });
});
afterAll(() => {
  for (const dir of [cdnBuild, localBuild]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test("BASE_URL is written into the manifest and the functions' help links, and nothing points at localhost", () => {
  const manifest = readFileSync(join(cdnBuild, "manifest.xml"), "utf8");
  const functions = readFileSync(join(cdnBuild, "functions.json"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(functions).not.toContain("localhost");
  expect(manifest).toContain(`${BASE}taskpane.html`);
  expect(JSON.parse(functions).functions[0].helpUrl).toMatch(new RegExp(`^${BASE.replace(/[.]/g, "\\.")}help/funksjoner\\.html#`));
});

test("a base URL that is not https is refused", () => {
  expect(() => config({ BASE_URL: "http://intranett/tiltak" }, { mode: "production" })).toThrow(/https/);
});

test("an unknown OFFICE_JS is refused", () => {
  expect(() => config({ OFFICE_JS: "intranett" }, { mode: "production" })).toThrow(/OFFICE_JS/);
});

test("by default the pages load office.js from Microsoft's CDN and the build ships no copy of it", () => {
  for (const file of PAGES) expect(page(cdnBuild, file).scripts[0]).toBe(CDN);
  expect(existsSync(join(cdnBuild, "office-js"))).toBe(false);
});

test("OFFICE_JS=local: the pages load the self-hosted office.js, which the build ships with Excel's files", () => {
  for (const file of PAGES) {
    expect(page(localBuild, file).scripts[0]).toBe("office-js/office.js");
    expect(readFileSync(join(localBuild, file), "utf8")).not.toContain("appsforoffice");
  }
  for (const f of ["office.js", "o15apptofilemappingtable.js", "excel-web-16.00.js", "en-us/office_strings.js"]) {
    expect(existsSync(join(localBuild, "office-js", f))).toBe(true);
  }
});

test.each([
  ["CDN", () => cdnBuild, ["'self'", "https://appsforoffice.microsoft.com"], ["https://appsforoffice.microsoft.com"]],
  ["local", () => localBuild, ["'self'"], ["'none'"]],
])("%s build: each page's CSP comes before any script and allows only the office.js it loads", (_name, dir, scriptSrc, frameSrc) => {
  for (const file of PAGES) {
    const { csp, cspBeforeScripts } = page(dir(), file);
    expect(cspBeforeScripts).toBe(true);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(scriptSrc);
    expect(csp.get("frame-src")).toEqual(frameSrc);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    // Griffel's <style> elements need inline styles; nothing needs eval or inline scripts.
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  }
});

test.each([
  ["production", {}, "cdn"],
  ["production", { OFFICE_JS: "local" }, "local"],
  ["development", {}, "local"],
])("%s build with %j tells the code (__OFFICE_JS_SOURCE__) office.js is %s, and its version", (mode, env, source) => {
  const defines = config(env, { mode }).plugins?.find((p): p is webpack.DefinePlugin => p instanceof webpack.DefinePlugin)?.definitions;
  expect(defines?.__OFFICE_JS_SOURCE__).toBe(JSON.stringify(source));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json is the version's source
  expect(defines?.__ADDIN_VERSION__).toBe(JSON.stringify(require("../package.json").version));
});
