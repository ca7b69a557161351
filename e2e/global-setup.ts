import { buildSync } from "esbuild";
import { browserBundleOptions } from "../test/fake-excel/api-sets";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { DIST, serveDist } from "./server";

export const FAKE_BUNDLE = join(__dirname, ".cache", "fake-excel.js");

export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    throw new Error("dist/ mangler: kjør `npx webpack --mode production --env OFFICE_JS=local` før nettlesertestene (npm test gjør det selv).");
  }
  // The tests never leave loopback, so office.js must be the self-hosted copy, not Microsoft's CDN.
  if (!existsSync(join(DIST, "office-js", "office.js"))) {
    throw new Error("dist/ er bygget for Microsofts CDN; nettlesertestene kjører uten nett. Bygg med `npx webpack --mode production --env OFFICE_JS=local` (npm test gjør det selv).");
  }
  // The same fake host the unit tests use, bundled for the browser.
  mkdirSync(join(__dirname, ".cache"), { recursive: true });
  buildSync({ entryPoints: [join(__dirname, "../test/fake-excel/browser.ts")], bundle: true, format: "iife", outfile: FAKE_BUNDLE, target: "es2020", ...browserBundleOptions(), logLevel: "error" });
  const { server, url } = await serveDist();
  (globalThis as { __e2eServer?: unknown }).__e2eServer = server;
  process.env.E2E_BASE_URL = url;
}
