// `npm run --silent workbook -- --out tiltaksmeny.xlsx [--file catalogue.json]`: the catalogue as an
// .xlsx file with every table the add-in inserts (src/xlsx), for users who cannot install add-ins.
// Exits 0 on success, non-zero with a one-line Norwegian error on failure.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadCatalogue } from "../src/domain/catalogue";
import { catalogueFile } from "../src/xlsx/file";

const USAGE = "Bruk: workbook --out sti/til/tiltaksmeny.xlsx [--file sti/til/katalog.json]";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The system's reason for a failed write, in Norwegian where we know it. */
function writeError(path: string, e: unknown): string {
  const code = (e as { code?: string }).code;
  const why =
    code === "ENOENT"
      ? "mappen finnes ikke"
      : code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? "ingen skrivetilgang"
        : code === "EISDIR"
          ? "stien er en mappe"
          : code === "ENOSPC"
            ? "disken er full"
            : (code ?? (e instanceof Error ? e.message : String(e)));
  return `Kunne ikke skrive ${path}: ${why}`;
}

async function main(args: string[]): Promise<number> {
  const out = option(args, "--out");
  const file = option(args, "--file") ?? resolve(__dirname, "../src/data/catalogue.json");
  const known = new Set(["--out", "--file"]);
  const stray = args.filter((a, i) => !known.has(a) && !known.has(args[i - 1] ?? ""));
  if (!out || out.startsWith("--") || stray.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`Kunne ikke lese katalogfilen ${file}`);
  }
  const cat = loadCatalogue(text);
  const bytes = await catalogueFile(cat);
  try {
    writeFileSync(out, bytes);
  } catch (e) {
    throw new Error(writeError(out, e));
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`Feil: ${msg.split("\n")[0]}\n`);
    process.exitCode = 1;
  },
);
