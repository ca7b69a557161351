// Builds the task pane, the custom functions (shared runtime) and the commands page. office.js comes from
// Microsoft's CDN (production default) or, with `--env OFFICE_JS=local`, from the npm copy served by the add-in.
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
const { version: ADDIN_VERSION } = require("./package.json");

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

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const baseUrl = dev ? DEV_URL : productionBaseUrl(env);
  const officeJs = officeJsSource(env, dev);
  // Filled into the <head> of taskpane.html and commands.html.
  const templateParameters = {
    officeJsUrl: officeJs === "cdn" ? OFFICE_JS_CDN : "office-js/office.js",
    contentSecurityPolicy: contentSecurityPolicy(officeJs),
  };
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
      filename: "[name].js",
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
      ],
    },
    performance: { hints: false },
    plugins: [
      // Generates functions.json from the JSDoc tags; a malformed tag fails the build.
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // Read by src/build-info.ts.
      new webpack.DefinePlugin({
        __ADDIN_VERSION__: JSON.stringify(ADDIN_VERSION),
        __OFFICE_JS_SOURCE__: JSON.stringify(officeJs),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters,
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
      server: "https",
      // Loopback only: a developer's add-in server has no business on the municipal network.
      host: "localhost",
      port: Number(process.env.PORT || 3000),
      hot: false,
      liveReload: false,
      client: false,
      allowedHosts: "all",
    },
  };
};
