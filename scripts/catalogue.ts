// Maintainer CLI (design.md): `npm run --silent catalogue -- export [--json] [--file catalogue.json]`.
// Exits 0 on success, non-zero with a one-line error on failure.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadCatalogue, type Catalogue } from "../src/domain/catalogue";
import { exportCatalogue, type ExportCell } from "../src/domain/export";

const USAGE = "Bruk: catalogue export [--json] [--file sti/til/katalog.json]";

function cellText(c: ExportCell | undefined): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "number") return c.toLocaleString("nb-NO", { maximumFractionDigits: 6 });
  return `?${c.unreadable}`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd()).join("\n");
}

function readable(cat: Catalogue): string {
  const e = exportCatalogue(cat);
  const years = e.catalogue.years.map(String);
  const head = ["Nr", "Tiltak", ...years];
  const rows = e.measures.map((m) => [m.id, m.title.length > 48 ? m.title.slice(0, 47) + "…" : m.title, ...years.map((y) => (m.summary ? cellText(m.summary[y]) : "–"))]);
  const totals = Object.entries(e.totals.byGroup as Record<string, Record<string, ExportCell>>).map(([g, v]) => [`G${g}`, cat.group(Number(g))?.name ?? "", ...years.map((y) => cellText(v[y]))]);
  return [
    `${e.catalogue.title} (katalog ${e.catalogue.version}, ${e.measures.length} tiltak, mill. kr, negativ = innsparing)`,
    "",
    table([head, ...rows]),
    "",
    table([["Gruppe", "Sum i rapporten", ...years], ...totals, ["SUM", "", ...years.map((y) => cellText(e.totals.overall[y]))]]),
  ].join("\n");
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const json = rest.includes("--json");
  const fileAt = rest.indexOf("--file");
  const file = fileAt >= 0 ? rest[fileAt + 1] : resolve(__dirname, "../src/data/catalogue.json");
  const unknown = rest.filter((a, i) => a !== "--json" && a !== "--file" && !(fileAt >= 0 && i === fileAt + 1));
  if (command !== "export" || unknown.length > 0 || !file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const cat = loadCatalogue(readFileSync(file, "utf8"));
  process.stdout.write(json ? JSON.stringify(exportCatalogue(cat), null, 2) + "\n" : readable(cat) + "\n");
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`Feil: ${msg.split("\n")[0]}\n`);
  process.exitCode = 1;
}
