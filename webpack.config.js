// Builds the task pane, the custom functions (shared runtime) and the commands page, and
// self-hosts office.js: nothing is loaded from Microsoft's CDN at run time.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the pane page also hosts the custom functions and ribbon commands.
        chunks: ["taskpane", "functions", "commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new RewriteBaseUrlPlugin(baseUrl),
      new CopyWebpackPlugin({
        patterns: [
          ...OFFICE_JS_PATTERNS.map((from) => ({
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
