// `npx tsx scripts/bundle-size.ts [--json]`: what the pane costs to download and to show.
//
// - taskpaneGzip / functionsGzip: gzip -9 size of dist/taskpane.js and dist/functions.js (the production
//   build; built first when dist/ is missing).
// - minimalPaneGzip: the same for the smallest pane one can make with the same stack (React 18 +
//   Fluent UI v9: FluentProvider, a title and a button, rendered with createRoot), built with the
//   project's own webpack configuration (same rules, mode and optimisation), only the entry and output
//   replaced. ratio = taskpaneGzip / minimalPaneGzip: what the add-in adds on top of its framework.
// - firstRenderMs: from page.goto to the heading «Tiltaksmeny» being visible, in headless Chromium with
//   the fake Excel host and a cold cache (fresh browser context), median of 5 loads.
//
// scripts/bench.ts imports benchBundle() for its `bundle` section.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { buildSync } from "esbuild";
import { browserBundleOptions } from "../test/fake-excel/api-sets";
import webpack, { type Configuration } from "webpack";
import { launch } from "../e2e/browser";
import { DIST, serveDist } from "../e2e/server";

const ROOT = resolve(__dirname, "..");
const RUNS = 5;

export interface BundleBench {
  taskpaneGzip: number;
  functionsGzip: number;
  minimalPaneGzip: number;
  ratio: number;
  firstRenderMs: number;
}

export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

// The first-render timing runs offline, so it needs the build with the self-hosted office.js.
function ensureDist(): void {
  if (["taskpane.html", "taskpane.js", "functions.js", "office-js/office.js"].every((f) => existsSync(join(DIST, f)))) return;
  const r = spawnSync("npx", ["webpack", "--mode", "production", "--env", "OFFICE_JS=local"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], shell: process.platform === "win32" });
  if (r.status !== 0) throw new Error("`npx webpack --mode production --env OFFICE_JS=local` feilet; dist/ mangler.");
}

const MINIMAL_PANE = `import { Button, FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <main>
      <Title3 as="h1">Tiltaksmeny</Title3>
      <Button appearance="primary">Sett inn tiltakskatalog</Button>
    </main>
  </FluentProvider>,
);
`;

type ConfigFactory = (env: Record<string, string>, argv: { mode: "production" | "development" }) => Configuration;

/** gzip size of the minimal Fluent v9 + React pane, built with the project's webpack rules. */
export async function minimalPaneGzip(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "tiltak-minimal-pane-"));
  try {
    const entry = join(dir, "index.tsx");
    writeFileSync(entry, MINIMAL_PANE);
    // ts-loader looks for the tsconfig next to the file: the project's compiler options (jsx, target…).
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: join(ROOT, "tsconfig.json"), compilerOptions: { types: [] }, include: ["*.tsx"] }));
    const factory = createRequire(join(ROOT, "package.json"))("./webpack.config.js") as ConfigFactory;
    const base = factory({}, { mode: "production" });
    const config: Configuration = {
      ...base,
      context: ROOT,
      entry: { taskpane: entry },
      output: { ...base.output, path: join(dir, "dist"), clean: false },
      // The entry lives outside the project: packages still come from the project's node_modules.
      resolve: { ...base.resolve, modules: ["node_modules", join(ROOT, "node_modules")] },
      // Manifest/help copying, HTML pages and functions.json are not part of the pane's script.
      plugins: [],
      infrastructureLogging: { level: "error" },
    };
    await new Promise<void>((ok, fail) => {
      const compiler = webpack(config);
      compiler.run((err, stats) => {
        compiler.close(() => {
          if (err) fail(err);
          else if (stats?.hasErrors()) fail(new Error(stats.toString({ all: false, errors: true })));
          else ok();
        });
      });
    });
    return gzipSize(join(dir, "dist", "taskpane.js"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median time from page.goto to the visible heading, fake Excel host injected, cold cache each run. */
export async function firstRenderMs(runs = RUNS): Promise<number> {
  // The fake host of the e2e tests, bundled the same way e2e/global-setup.ts does.
  const built = buildSync({ entryPoints: [join(ROOT, "test/fake-excel/browser.ts")], bundle: true, format: "iife", target: "es2020", ...browserBundleOptions(), write: false, logLevel: "error" });
  const fakeHost = built.outputFiles[0]!.text;
  const { server, url } = await serveDist();
  const browser = await launch();
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: "nb-NO" });
      await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      const page = await context.newPage();
      await page.addInitScript(fakeHost);
      const t0 = performance.now();
      await page.goto(url + "taskpane.html");
      await page.getByRole("heading", { name: "Tiltaksmeny" }).waitFor({ state: "visible" });
      times.push(performance.now() - t0);
      await context.close();
    }
    return Math.round(median(times));
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
}

export async function benchBundle(): Promise<BundleBench> {
  ensureDist();
  const taskpaneGzip = gzipSize(join(DIST, "taskpane.js"));
  const functionsGzip = gzipSize(join(DIST, "functions.js"));
  const minimal = await minimalPaneGzip();
  return {
    taskpaneGzip,
    functionsGzip,
    minimalPaneGzip: minimal,
    ratio: Number((taskpaneGzip / minimal).toFixed(2)),
    firstRenderMs: await firstRenderMs(),
  };
}

const kB = (n: number) => `${(n / 1024).toFixed(1).replace(".", ",")} kB`;

async function main(): Promise<void> {
  const b = await benchBundle();
  if (process.argv.includes("--json")) {
    process.stdout.write(JSON.stringify(b) + "\n");
    return;
  }
  console.log(`Oppgaveruten (taskpane.js, gzip -9): ${kB(b.taskpaneGzip)}`);
  console.log(`Funksjonene (functions.js, gzip -9): ${kB(b.functionsGzip)}`);
  console.log(`Minimal Fluent v9-rute, samme webpack-oppsett: ${kB(b.minimalPaneGzip)}`);
  console.log(`Forhold: ${String(b.ratio).replace(".", ",")}× den minimale ruten`);
  console.log(`Første visning (goto → overskriften synlig, median av ${RUNS}): ${b.firstRenderMs} ms`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
