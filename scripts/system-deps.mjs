// The tests need Debian's Chromium (browser tests; never a downloaded browser), xmllint (manifest
// schema check) and LibreOffice Calc (the engine that recalculates the .xlsx files). Installs them with apt-get when running as root, otherwise says what to install.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const NEEDS = [
  { what: "Chromium", path: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", pkg: "chromium" },
  { what: "xmllint", path: "/usr/bin/xmllint", pkg: "libxml2-utils" },
  { what: "LibreOffice Calc", path: "/usr/bin/soffice", pkg: "libreoffice-calc-nogui" },
];

export function ensureSystemDeps() {
  const missing = NEEDS.filter((n) => !existsSync(n.path));
  if (missing.length === 0) return;
  const pkgs = missing.map((m) => m.pkg);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error(`Testene trenger ${missing.map((m) => m.what).join(" og ")}. Installer med: sudo apt-get install -y ${pkgs.join(" ")}`);
    process.exit(1);
  }
  console.log(`Installerer ${pkgs.join(", ")} fra Debian …`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...pkgs], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}
