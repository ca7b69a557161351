// LibreOffice headless as the spreadsheet engine of the tests: every file recalculated in one
// `soffice --convert-to xlsx` run, with a private profile (parallel runs never share one) that makes
// Calc recalculate every formula on load. Calc's default for .xlsx is "never recalculate": it keeps the
// cached values a file carries (Tools ▸ Options ▸ Calc ▸ Formula ▸ "Recalculation on file load"), and it
// ignores the file's own fullCalcOnLoad flag; the option is the registry key OOXMLRecalcMode (0 = always).
// The locale is Norwegian (nb-NO), as the users': text such as FIXED(-40;1) reads "-40,0".
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

const CANDIDATES = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"];

/** The soffice binary, or an error that says how to install it (CI's .ci/run does). */
export function soffice(): string {
  const found = [process.env.SOFFICE_PATH, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      "LibreOffice (soffice) mangler, og motortesten kan ikke kjøre uten den. Installer: apt-get install -y --no-install-recommends libreoffice-calc-nogui (.ci/run gjør det i CI).",
    );
  }
  return found;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>nb-NO</value></prop></item>
</oor:items>
`;

/**
 * Opens each file in LibreOffice Calc, recalculates it and saves it as .xlsx into `outDir` (same base
 * names): one soffice process for all files. Returns the paths of the recalculated files.
 */
export function recalculate(files: readonly string[], outDir: string, timeoutMs = 180_000): string[] {
  const bin = soffice();
  const profile = mkdtempSync(join(tmpdir(), "lo-"));
  try {
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    mkdirSync(outDir, { recursive: true });
    execFileSync(bin, [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", "xlsx", "--outdir", outDir, ...files], {
      timeout: timeoutMs,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, HOME: profile },
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out = files.map((f) => join(outDir, basename(f)));
  const missing = out.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`LibreOffice laget ikke ${missing.map((f) => basename(f)).join(", ")}`);
  return out;
}
