// `npx tsx scripts/bundle-size.ts [--json] [--dist DIR]`: what the pane costs to download and to show, side by
// side with the smallest pane one can make with the same stack, measured in one run.
//
// - pageJsGzip: gzip -9 size of every script of ours the pane page (taskpane.html, which in the shared runtime
//   also hosts the custom functions and commands) loads from opening until the network is quiet, with the fake
//   Excel host and no user action. Counted from what the browser requests, so it covers every chunk the page
//   pulls in at start, however the build splits them. office.js (Microsoft's, the same for every add-in) is
//   left out on both sides. pageJsFiles lists them.
// - minimalPaneGzip: the same count for a minimal add-in pane built in this run with the project's own webpack
//   configuration (same rules, mode, optimisation and chunking; only the entry and pages replaced): React 18 +
//   Fluent UI v9, FluentProvider, a title and a button, rendered after Office.onReady in a page with the same
//   Content-Security-Policy and office.js. ratio = pageJsGzip / minimalPaneGzip (goal ≤ 1.5).
// - firstRenderMs / minimalFirstRenderMs: from navigation start to the first frame after «Sett inn
//   tiltakskatalog» is rendered (both pages have that button), timed inside the page; headless Chromium, cold
//   cache (a fresh browser context each load), the two pages loaded alternately, median of RUNS loads each.
//   renderRatio = firstRenderMs / minimalFirstRenderMs (goal ≤ 1.3).
// - findingsHeightPx / findingsTabStops: the Avvik view after an insert at 320 px (the Windows default pane
//   width): where its content ends, and the Tab presses to cycle through the page.
//
// scripts/bench.ts imports benchBundle() for its `bundle` section.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { buildSync } from "esbuild";
import type { Browser, Page } from "playwright-core";
import webpack, { type Configuration } from "webpack";
import { browserBundleOptions } from "../test/fake-excel/api-sets";
import { launch } from "../e2e/browser";
import { tabStops } from "../e2e/layout";
import { DIST, serveDist } from "../e2e/server";

const ROOT = resolve(__dirname, "..");
const RUNS = 7;
const MINIMAL_PREFIX = "/__minimal/";
const BUTTON = "Sett inn tiltakskatalog";

export interface BundleBench {
  pageJsGzip: number;
  pageJsFiles: Record<string, number>;
  minimalPaneGzip: number;
  ratio: number;
  firstRenderMs: number;
  minimalFirstRenderMs: number;
  renderRatio: number;
  runs: number;
  findingsHeightPx: number;
  findingsTabStops: number;
}

export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

// The timings run offline, so they need the build with the self-hosted office.js.
function ensureDist(dist: string): void {
  if (["taskpane.html", "office-js/office.js"].every((f) => existsSync(join(dist, f)))) return;
  if (dist !== DIST) throw new Error(`${dist} er ikke et bygg med lokal office.js (taskpane.html og office-js/office.js mangler).`);
  const r = spawnSync("npx", ["webpack", "--mode", "production", "--env", "OFFICE_JS=local"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], shell: process.platform === "win32" });
  if (r.status !== 0) throw new Error("`npx webpack --mode production --env OFFICE_JS=local` feilet; dist/ mangler.");
}

const MINIMAL_PANE = `import { Button, FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

function render(): void {
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme}>
      <main>
        <Title3 as="h1">Tiltaksmeny</Title3>
        <Button appearance="primary">${BUTTON}</Button>
      </main>
    </FluentProvider>,
  );
}

Office.onReady().then(render, render);
`;

type ConfigFactory = (env: Record<string, string>, argv: { mode: "production" | "development" }) => Configuration;

/**
 * Builds the minimal pane with the project's webpack configuration into a temporary folder, with a page like
 * taskpane.html (same policy, same office.js) that loads its scripts. Returns the folder; the caller removes it.
 */
async function buildMinimalPane(dist: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "tiltak-minimal-pane-"));
  const entry = join(dir, "index.tsx");
  writeFileSync(entry, MINIMAL_PANE);
  // ts-loader looks for the tsconfig next to the file: the project's compiler options (jsx, target…).
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: join(ROOT, "tsconfig.json"), compilerOptions: { types: ["office-js"] }, include: ["*.tsx"] }));
  const factory = createRequire(join(ROOT, "package.json"))("./webpack.config.js") as ConfigFactory;
  const base = factory({ OFFICE_JS: "local" }, { mode: "production" });
  const out = join(dir, "dist");
  const config: Configuration = {
    ...base,
    context: ROOT,
    entry: { taskpane: entry },
    output: { ...base.output, path: out, clean: false },
    // The entry lives outside the project: packages still come from the project's node_modules.
    resolve: { ...base.resolve, modules: ["node_modules", join(ROOT, "node_modules")] },
    // Pages, manifest, help and functions.json are not part of a pane's scripts; the page is written below.
    plugins: [],
    infrastructureLogging: { level: "error" },
  };
  const scripts = await new Promise<string[]>((ok, fail) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close(() => {
        if (err) fail(err);
        else if (!stats || stats.hasErrors()) fail(new Error(stats?.toString({ all: false, errors: true }) ?? "webpack feilet"));
        else ok((stats.toJson({ all: false, entrypoints: true }).entrypoints?.taskpane?.assets ?? []).map((a) => a.name).filter((n) => n.endsWith(".js")));
      });
    });
  });
  // The same head as the built pane: its Content-Security-Policy and the self-hosted office.js.
  const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/i.exec(readFileSync(join(dist, "taskpane.html"), "utf8"))?.[1] ?? "";
  const html = `<!doctype html><html lang="nb"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Minimal</title><script src="/office-js/office.js"></script>${scripts.map((s) => `<script defer src="${MINIMAL_PREFIX}${s}"></script>`).join("")}</head>
<body style="margin:0"><div id="root"></div></body></html>`;
  writeFileSync(join(out, "index.html"), html);
  return out;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Records, inside the page, the first frame after the insert button exists: ms since navigation start. */
const RENDER_PROBE = `(() => {
  const done = () => requestAnimationFrame(() => { window.__firstRenderMs = performance.now(); });
  const seen = () => Array.from(document.querySelectorAll("button")).some((b) => b.textContent === ${JSON.stringify(BUTTON)});
  const observer = new MutationObserver(() => { if (seen()) { observer.disconnect(); done(); } });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Load {
  ms: number;
  scripts: string[];
}

/** One cold load: the render time, and every script of ours requested until the network is quiet. */
async function load(browser: Browser, url: string, fakeHost: string, origin: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: "nb-NO" });
  await context.route((u) => !u.href.startsWith(origin), (route) => route.abort());
  const page = await context.newPage();
  const scripts = new Set<string>();
  let last = Date.now();
  page.on("request", (r) => {
    last = Date.now();
    const path = new URL(r.url()).pathname;
    if (path.endsWith(".js") && !path.startsWith("/office-js/")) scripts.add(path);
  });
  await page.addInitScript(fakeHost);
  await page.addInitScript(RENDER_PROBE);
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { __firstRenderMs?: number }).__firstRenderMs === "number", undefined, { timeout: 30_000 });
  const ms = await page.evaluate(() => (window as unknown as { __firstRenderMs: number }).__firstRenderMs);
  // Quiet network: nothing requested for a second (what the page loads right after its first render counts).
  while (Date.now() - last < 1000) await new Promise((ok) => setTimeout(ok, 100));
  await context.close();
  return { ms, scripts: [...scripts].sort() };
}

/** The Avvik view after an insert, at 320 px: its height and its Tab stops (sections as they open by default). */
async function findingsView(browser: Browser, url: string, fakeHost: string): Promise<{ height: number; stops: number }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: "nb-NO" });
  const page: Page = await context.newPage();
  await page.addInitScript(fakeHost);
  await page.goto(url);
  await page.getByRole("button", { name: BUTTON }).click();
  await page.getByTestId("insert-result").waitFor();
  await page.getByRole("tab", { name: "Avvik" }).click();
  await page.getByRole("button", { name: "Kontroller på nytt" }).waitFor();
  await page.waitForTimeout(300);
  // Where the content ends (the document is never shorter than the viewport).
  const height = (await page.evaluate("Math.ceil((document.querySelector('main') || document.body).getBoundingClientRect().bottom + window.scrollY)")) as number;
  const stops = await tabStops(page);
  await context.close();
  return { height, stops };
}

export async function benchBundle(dist: string = DIST): Promise<BundleBench> {
  ensureDist(dist);
  const minimal = await buildMinimalPane(dist);
  // The fake host of the e2e tests, bundled the same way e2e/global-setup.ts does.
  const built = buildSync({ entryPoints: [join(ROOT, "test/fake-excel/browser.ts")], bundle: true, format: "iife", target: "es2020", ...browserBundleOptions(), write: false, logLevel: "error" });
  const fakeHost = built.outputFiles[0]!.text;
  const { server, url } = await serveDist(dist, { [MINIMAL_PREFIX]: minimal });
  const origin = url.replace(/\/$/, "");
  const browser = await launch();
  try {
    const pane: Load[] = [];
    const small: Load[] = [];
    // Alternate the two pages so both see the same machine load; one warm-up load of each is not counted.
    for (let i = 0; i <= RUNS; i++) {
      const a = await load(browser, url + "taskpane.html", fakeHost, origin);
      const b = await load(browser, url + MINIMAL_PREFIX.slice(1) + "index.html", fakeHost, origin);
      if (i === 0) continue;
      pane.push(a);
      small.push(b);
    }
    const sizeOf = (path: string) => gzipSize(path.startsWith(MINIMAL_PREFIX) ? join(minimal, path.slice(MINIMAL_PREFIX.length)) : join(dist, path));
    const union = (loads: Load[]) => [...new Set(loads.flatMap((l) => l.scripts))].sort();
    const pageJsFiles = Object.fromEntries(union(pane).map((p) => [p.slice(1), sizeOf(p)]));
    const pageJsGzip = Object.values(pageJsFiles).reduce((a, b) => a + b, 0);
    const minimalPaneGzip = union(small).reduce((n, p) => n + sizeOf(p), 0);
    const firstRenderMs = Math.round(median(pane.map((l) => l.ms)));
    const minimalFirstRenderMs = Math.round(median(small.map((l) => l.ms)));
    const findings = await findingsView(browser, url + "taskpane.html", fakeHost);
    return {
      pageJsGzip,
      pageJsFiles,
      minimalPaneGzip,
      ratio: Number((pageJsGzip / minimalPaneGzip).toFixed(2)),
      firstRenderMs,
      minimalFirstRenderMs,
      renderRatio: Number((firstRenderMs / minimalFirstRenderMs).toFixed(2)),
      runs: RUNS,
      findingsHeightPx: findings.height,
      findingsTabStops: findings.stops,
    };
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.close(() => ok()));
    rmSync(resolve(minimal, ".."), { recursive: true, force: true });
  }
}

const kB = (n: number) => `${(n / 1024).toFixed(1).replace(".", ",")} kB`;
const num = (n: number) => String(n).replace(".", ",");

export function describeBundle(b: BundleBench): string[] {
  return [
    `Skript oppgaveruten laster ved start (gzip -9, uten office.js): ${kB(b.pageJsGzip)} i ${Object.keys(b.pageJsFiles).length} filer`,
    `Minimal Fluent v9-rute, samme webpack-oppsett og samme måling: ${kB(b.minimalPaneGzip)}`,
    `Forhold: ${num(b.ratio)}× den minimale ruten (mål ≤ 1,5)`,
    `Første visning (til «${BUTTON}» er tegnet, median av ${b.runs}): ${b.firstRenderMs} ms, minimal rute ${b.minimalFirstRenderMs} ms, forhold ${num(b.renderRatio)} (mål ≤ 1,3)`,
    `Avvik-visningen ved 320 px etter innsetting: ${b.findingsHeightPx} px høy, ${b.findingsTabStops} tabulatorstopp`,
  ];
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--dist");
  const dist = at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1] as string) : DIST;
  const b = await benchBundle(dist);
  if (process.argv.includes("--json")) {
    process.stdout.write(JSON.stringify(b) + "\n");
    return;
  }
  for (const line of describeBundle(b)) console.log(line);
  for (const [f, n] of Object.entries(b.pageJsFiles)) console.log(`  ${f}: ${kB(n)}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

