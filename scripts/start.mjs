// `npm start`: serves the add-in on https://localhost:3000 and sideloads it where Excel desktop exists.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";

const manifest = resolve("manifest.xml");
const ADDIN_ID = "5d0f3c2e-8b1a-4f6e-9c7d-2a4b6e8f1c30";

function sideload() {
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

const server = spawn("npx", ["webpack", "serve", "--mode", "development"], { stdio: "inherit", shell: process.platform === "win32" });
const sideloaded = sideload();
console.log(`
Tiltaksmeny startes på https://localhost:3000/taskpane.html
Manifest: ${manifest}
${sideloaded ?? `Excel på nettet: åpne en arbeidsbok, velg Hjem > Tillegg > Flere tillegg > Mine tillegg >
Last opp mitt tillegg, og velg filen over. (Nettleseren må stole på sertifikatet: åpne
https://localhost:3000/taskpane.html én gang og godta det.)`}
Stopp med Ctrl+C.
`);
server.on("exit", (code) => process.exit(code ?? 0));
