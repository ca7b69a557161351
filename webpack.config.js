// Builds the task pane, the custom functions (shared runtime) and the commands page. office.js comes from
// Microsoft's CDN (production default) or, with `--env OFFICE_JS=local`, from the npm copy served by the add-in.
//
// Loading (issue 14): the pane page loads one webpack runtime for all three entries, so a module both the
// pane and the functions use (the catalogue above all) is downloaded and evaluated once: the catalogue is its
// own chunk. Views other than Start, and rarely used code (insert, import, about), are separate chunks the pane
// loads when first needed. Production file names carry a content hash (Office webviews cache hard); the
// pages, the manifest, functions.json and the manifest's functions.js keep stable names.
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** The address written in manifest.xml and functions.ts; builds for another address rewrite it. */
const DEV_URL = "https://localhost:3000/";
const { version: ADDIN_VERSION } = require("./package.json");
const PANE_CSS = path.resolve(__dirname, "src/taskpane/taskpane.css");
const CATALOGUE_JSON = path.resolve(__dirname, "src/data/catalogue.json");
/** The built-in catalogue's data: one chunk, whoever loads it first (src/data/lazy.ts, the loader, stays out). */
const CATALOGUE_DATA = /[\\/]src[\\/]data[\\/](bundled\.ts|catalogue\.json)$/;
/** The code that turns catalogue data into a validated Catalogue (also for a workbook's own catalogue). */
const CATALOGUE_CODE = /[\\/](src[\\/]domain[\\/](catalogue|catalogueSchema|validate)\.ts$|node_modules[\\/]valibot[\\/])/;

/** The dev server's port: PORT (scripts/start.mjs checks it is free first), else 3000. */
function devPort() {
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT må være et portnummer, fikk: ${process.env.PORT}`);
  return port;
}

/**
 * The certificate `npx office-addin-dev-certs install` makes and Excel desktop trusts
 * (~/.office-addin-dev-certs/localhost.crt and .key), or null when it is not installed: the dev server then
 * falls back to a self-signed certificate of its own, which Excel desktop refuses (scripts/start.mjs says so).
 */
function devCertificate(home = os.homedir()) {
  const dir = path.join(home, ".office-addin-dev-certs");
  const files = { cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key"), ca: path.join(dir, "ca.crt") };
  if (!fs.existsSync(files.cert) || !fs.existsSync(files.key)) return null;
  return { dir, files, options: { cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key), ...(fs.existsSync(files.ca) ? { ca: fs.readFileSync(files.ca) } : {}) } };
}

/** What the pane shows before the catalogue itself is loaded (src/taskpane/catalogueInfo.ts). */
function catalogueInfo() {
  const data = JSON.parse(fs.readFileSync(CATALOGUE_JSON, "utf8"));
  const c = data.catalogue;
  return { id: c.id, version: c.version, title: c.title, publisher: c.publisher, measures: data.measures.length };
}

// https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_CDN_ORIGIN = new URL(OFFICE_JS_CDN).origin;
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json")) + "/dist";

// Files office.js loads for Excel; the rest of the package (Outlook, Word, telemetry…) is left out.
const OFFICE_JS_PATTERNS = [
  "office.js",
  "o15apptofilemappingtable.js",
  "custom-functions-runtime.js",
  "excel-*.js",
  "excelwebapp-*.js",
  "excelios-*.js",
  "*/office_strings.js",
];

/** Rewrites the development URL in the manifest and functions.json (help links) to the hosting URL. */
class RewriteBaseUrlPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("RewriteBaseUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteBaseUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const name of ["manifest.xml", "functions.json"]) {
            if (!assets[name] || this.baseUrl === DEV_URL) continue;
            const text = assets[name].source().toString().split(DEV_URL).join(this.baseUrl);
            compilation.updateAsset(name, new sources.RawSource(text));
          }
        },
      );
    });
  }
}

/**
 * The manifest's custom-functions <Script> must name a file, and IT deploys the manifest once, so the name
 * stays "functions.js". With the shared runtime the manifest requires (SharedRuntime 1.1), Excel runs the
 * functions in taskpane.html, which loads them from content-hashed files; Microsoft's shared-runtime
 * manifest (unified format) names only the page. This file is therefore a stub with no code.
 */
class FunctionsScriptStubPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsScriptStubPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FunctionsScriptStubPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        if (compilation.getAsset("functions.js")) return; // development: the entry itself has this name
        const text =
          "/* Tiltaksmeny: the custom functions run in the shared runtime and are loaded by taskpane.html\n" +
          "   (content-hashed files). This stub only exists because the manifest's <Script> must name a file. */\n";
        compilation.emitAsset("functions.js", new sources.RawSource(text));
      });
    });
  }
}

/**
 * "cdn" (Microsoft's supported path, required in the Marketplace) or "local" (the npm copy, an older build,
 * for networks that cannot reach the CDN). Development defaults to local so `npm start` needs no internet.
 */
function officeJsSource(env, dev) {
  const source = env.OFFICE_JS || (dev ? "local" : "cdn");
  if (source !== "cdn" && source !== "local") throw new Error(`OFFICE_JS må være cdn eller local, fikk: ${source}`);
  return source;
}

/**
 * The pages' Content-Security-Policy (a meta tag: the add-in may be served by any web server). Only the
 * script and frame sources differ between the builds. Styles need 'unsafe-inline': Fluent UI (Griffel) inserts
 * <style> elements at run time. No 'unsafe-eval': the only eval-like code in office.js (some Excel host files)
 * and in our bundles is webpack's `new Function("return this")` fallback for globalThis, guarded by try/catch
 * and not reached in a browser. frame-src stops the hidden telemetry iframe office.js opens
 * (telemetryservice.firstpartyapps.oaspapps.com); the CDN build lets office.js frame its own origin, for the
 * prompt it shows when Office on the web runs on a host it does not recognise.
 */
function contentSecurityPolicy(source) {
  const cdn = source === "cdn" ? ` ${OFFICE_JS_CDN_ORIGIN}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${cdn}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${source === "cdn" ? OFFICE_JS_CDN_ORIGIN : "'none'"}`,
    // Workers fall back to child-src: none are used.
    "child-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

function productionBaseUrl(env) {
  const url = (env && env.BASE_URL) || process.env.TILTAK_BASE_URL || "";
  if (!url) return DEV_URL;
  if (!/^https:\/\/[^\s"<>]+$/.test(url)) {
    throw new Error(`BASE_URL må være en https-adresse, fikk: ${url}`);
  }
  return url.endsWith("/") ? url : url + "/";
}

/** The pane's own stylesheet, inlined into taskpane.html (no Griffel style compiler in the bundle). */
function paneCss() {
  return fs
    .readFileSync(PANE_CSS, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

const config = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const port = devPort();
  const baseUrl = dev ? `https://localhost:${port}/` : productionBaseUrl(env);
  const officeJs = officeJsSource(env, dev);
  // Filled into the <head> of taskpane.html and commands.html.
  const templateParameters = {
    officeJsUrl: officeJs === "cdn" ? OFFICE_JS_CDN : "office-js/office.js",
    contentSecurityPolicy: contentSecurityPolicy(officeJs),
  };
  const certificate = dev ? devCertificate() : null;
  // Content-hashed names in production; development keeps plain names (no caching concern, readable).
  const hashed = dev ? "[name].js" : "[name].[contenthash:8].js";
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: hashed,
      chunkFilename: hashed,
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        // The pure core and the Office adapters do nothing when imported (no top-level statements), so a
        // module whose exports are unused is left out: the pane's status line needs TABLE_NAMES from
        // domain/layout, not the layout engine behind it.
        { test: /[\\/]src[\\/](domain|excel|data)[\\/][^\\/]+\.(ts|json)$/, sideEffects: false },
      ],
    },
    optimization: {
      // One runtime for the three entries on the pane page: a module they share is evaluated once.
      runtimeChunk: "single",
      splitChunks: {
        // Modules the pane and the functions share go into shared chunks rather than into both entries.
        chunks: "all",
        cacheGroups: {
          // The catalogue, and what validates it, each in one chunk for the pane and the functions (whichever
          // needs it first loads it; the other finds it loaded).
          catalogue: { test: CATALOGUE_DATA, name: "catalogue", chunks: "all", enforce: true, priority: 30 },
          validator: { test: CATALOGUE_CODE, name: "validator", chunks: "all", enforce: true, priority: 30 },
          // Our own modules both start-up entries use (the active-catalogue store, decimal arithmetic): once.
          shared: { test: /[\\/]src[\\/]/, name: "shared", chunks: "initial", minChunks: 2, minSize: 0, priority: 20 },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      // Generates functions.json from the JSDoc tags; a malformed tag fails the build.
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // Read by src/build-info.ts.
      new webpack.DefinePlugin({
        __ADDIN_VERSION__: JSON.stringify(ADDIN_VERSION),
        __OFFICE_JS_SOURCE__: JSON.stringify(officeJs),
        // JSON text, not an object: webpack can evaluate `typeof` of a string at build time (catalogueInfo.ts).
        __CATALOGUE_INFO__: JSON.stringify(JSON.stringify(catalogueInfo())),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: (compilation) => {
          compilation.fileDependencies.add(PANE_CSS);
          return { ...templateParameters, paneCss: paneCss() };
        },
        // Shared runtime: the pane page also hosts the custom functions and ribbon commands.
        chunks: ["taskpane", "functions", "commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        templateParameters,
        chunks: ["commands"],
      }),
      new RewriteBaseUrlPlugin(baseUrl),
      new FunctionsScriptStubPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          ...(officeJs === "local" ? OFFICE_JS_PATTERNS : []).map((from) => ({
            from,
            context: OFFICE_JS_DIR,
            to: "office-js/",
            globOptions: { ignore: ["**/*.debug.js"] },
            // Already minified by Microsoft: skipping Terser keeps the production build fast.
            info: { minimized: true },
          })),
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/*", to: "help/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      // The office-addin-dev-certs certificate Excel desktop trusts; without it webpack's own self-signed one.
      server: certificate ? { type: "https", options: certificate.options } : "https",
      // Loopback only: a developer's add-in server has no business on the municipal network.
      host: "localhost",
      port,
      hot: false,
      liveReload: false,
      client: false,
      allowedHosts: "all",
    },
  };
};

module.exports = config;
module.exports.devCertificate = devCertificate;
module.exports.DEV_URL = DEV_URL;
