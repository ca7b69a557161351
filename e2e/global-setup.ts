import { existsSync } from "node:fs";
import { join } from "node:path";
import { DIST, serveDist } from "./server";

export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    throw new Error("dist/ mangler: kjør `npm run build` før nettlesertestene (npm test gjør det selv).");
  }
  const { server, url } = await serveDist();
  (globalThis as { __e2eServer?: unknown }).__e2eServer = server;
  process.env.E2E_BASE_URL = url;
}
