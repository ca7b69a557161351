// `npm start`: serves the add-in on https://localhost:3000 (or PORT) and sideloads it where Excel desktop exists.
//
// In this order, so nothing is registered for a server that cannot run: the port is checked first (taken:
// a Norwegian message and exit, before anything else); the certificate Excel trusts is looked up (missing: said
// plainly, with the command that installs it); the server is started and awaited; only when it answers is the
// manifest (rewritten for the port when it is not 3000) registered with Excel.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { request } from "node:https";
import { homedir } from "node:os";
import { setTimeout } from "node:timers";
import { join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const { devCertificate, DEV_URL } = require("../webpack.config.js");

const ADDIN_ID = "5d0f3c2e-8b1a-4f6e-9c7d-2a4b6e8f1c30";
const DEFAULT_PORT = 3000;

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function chosenPort() {
  const arg = process.argv.find((a) => a.startsWith("--port="))?.slice("--port=".length);
  const raw = arg ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) fail(`Porten må være et tall mellom 1024 og 65535, fikk «${raw}».`);
  return port;
}

/** Resolves true when nothing listens on localhost:port (the address the dev server binds). */
function portIsFree(port) {
  return new Promise((ok) => {
    const probe = createServer();
    probe.once("error", () => ok(false));
    probe.once("listening", () => probe.close(() => ok(true)));
    probe.listen(port, "localhost");
  });
}

/** The manifest to register: the repository's for port 3000, else a copy with the port written in. */
function manifestFor(port) {
  const source = resolve("manifest.xml");
  if (port === DEFAULT_PORT) return source;
  const dir = resolve(".cache");
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `manifest-${port}.xml`);
  writeFileSync(out, readFileSync(source, "utf8").split(DEV_URL).join(`https://localhost:${port}/`));
  return out;
}

function sideload(manifest) {
  if (process.platform === "win32") {
    // Excel desktop on Windows reads developer add-ins from this registry key (as office-addin-dev-settings does).
    const r = spawnSync("reg", ["add", "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer", "/v", ADDIN_ID, "/t", "REG_SZ", "/d", manifest, "/f"]);
    return r.status === 0 ? "Lagt inn i Excel for Windows: start Excel og åpne Hjem > Tillegg." : null;
  }
  if (process.platform === "darwin") {
    const dir = join(homedir(), "Library/Containers/com.microsoft.Excel/Data/Documents/wef");
    try {
      mkdirSync(dir, { recursive: true });
      copyFileSync(manifest, join(dir, "tiltaksmeny-manifest.xml"));
      return "Lagt inn i Excel for Mac: start Excel på nytt og åpne Hjem > Tillegg.";
    } catch {
      return null;
    }
  }
  return null;
}

/** Waits until the dev server answers over https (any status), or the server process ends. */
function waitForServer(url, server) {
  return new Promise((ok, no) => {
    let done = false;
    server.once("exit", (code) => {
      if (!done) no(new Error(`webpack serve stoppet (kode ${code ?? "ukjent"})`));
    });
    const attempt = () => {
      const req = request(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
        res.resume();
        done = true;
        ok();
      });
      req.on("error", () => setTimeout(attempt, 500));
      req.on("timeout", () => req.destroy());
      req.end();
    };
    attempt();
  });
}

const port = chosenPort();
if (!(await portIsFree(port))) {
  fail(
    `Port ${port} er i bruk, så Tiltaksmeny kan ikke starte der. Ingenting er lagt inn i Excel.\n` +
      `Kjører du allerede \`npm start\` i et annet vindu? Stopp det med Ctrl+C, eller velg en annen port:\n` +
      `  PORT=${port + 1} npm start        (Windows PowerShell: $env:PORT=${port + 1}; npm start)\n` +
      `Manifestet som legges inn, får da den porten.`,
  );
}

const certificate = devCertificate();
if (certificate) {
  console.log(`Sertifikat: ${certificate.files.cert} (fra office-addin-dev-certs; Excel for skrivebord stoler på det).`);
} else {
  console.log(
    "OBS: Fant ikke utviklersertifikatet til office-addin-dev-certs (~/.office-addin-dev-certs/localhost.crt og localhost.key).\n" +
      "Serveren bruker derfor et selvsignert sertifikat som Excel for skrivebord IKKE stoler på: tillegget vil ikke laste der.\n" +
      "Installer sertifikatet én gang (krever administrator) og start på nytt:\n" +
      "  npx office-addin-dev-certs install\n" +
      "I Excel på nettet holder det å åpne adressen under i nettleseren og godta sertifikatet.",
  );
}

const url = `https://localhost:${port}/`;
const server = spawn("npx", ["webpack", "serve", "--mode", "development"], {
  stdio: "inherit",
  shell: process.platform === "win32",
  env: { ...process.env, PORT: String(port) },
});
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));

try {
  await waitForServer(`${url}taskpane.html`, server);
} catch (e) {
  fail(`Serveren startet ikke (${e.message}). Ingenting er lagt inn i Excel.`);
}

const manifest = manifestFor(port);
const sideloaded = sideload(manifest);
console.log(`
Tiltaksmeny kjører på ${url}taskpane.html
Manifest: ${manifest}
${
  sideloaded ??
  `Excel på nettet: åpne en arbeidsbok, velg Hjem > Tillegg > Flere tillegg > Mine tillegg >
Last opp mitt tillegg, og velg filen over.${certificate ? "" : ` (Nettleseren må stole på sertifikatet: åpne
${url}taskpane.html én gang og godta det.)`}`
}
Stopp med Ctrl+C.
`);
