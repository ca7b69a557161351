// `npm test`: unit, component, manifest and browser tests against a fresh production build.
import { spawnSync } from "node:child_process";
import { ensureSystemDeps } from "./system-deps.mjs";

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

ensureSystemDeps();
// Self-hosted office.js: the tests run offline (the default production build loads it from Microsoft's CDN).
run("npx", ["webpack", "--mode", "production", "--env", "OFFICE_JS=local"]);
run("npx", ["jest", "--ci", ...process.argv.slice(2)]);
