// Maintainer CLI (design.md): `npm run --silent catalogue -- export [--json] [--file catalogue.json]`.
// Exits 0 on success, non-zero with a one-line error on failure.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadCatalogue, type Catalogue } from "../src/domain/catalogue";
import { exportCatalogue, type ExportCell } from "../src/domain/export";
import { reconcile, type Finding } from "../src/domain/reconcile";

const USAGE = "Bruk: catalogue export|check [--json] [--file sti/til/katalog.json]";

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
    `${e.catalogue.title} (katalog ${e.catalogue.version}, ${e.measures.length} tiltak, mill. kr${e.catalogue.printedUnit === "TNOK" ? " (trykt i 1000 kr)" : ""}, negativ = innsparing)`,
    "",
    table([head, ...rows]),
    "",
    table([["Gruppe", "Sum i rapporten", ...years], ...totals, ...(e.totals.overall ? [["SUM", "", ...years.map((y) => cellText(e.totals.overall?.[y]))]] : [])]),
  ].join("\n");
}

const SEVERITY_LABEL = { error: "feil", warning: "advarsel", info: "info" } as const;

function readableFindings(findings: readonly Finding[]): string {
  const rows = findings.map((f) => [f.measure ?? (f.group !== null ? `G${f.group}` : "Alle"), f.rule, SEVERITY_LABEL[f.severity], f.years.join(","), f.message]);
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const summary = (["error", "warning", "info"] as const).map((s) => `${counts.get(s) ?? 0} ${SEVERITY_LABEL[s]}`).join(", ");
  return [`${findings.length} funn: ${summary}`, "", ...rows.map((r) => r.join("  "))].join("\n");
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const json = rest.includes("--json");
  const fileAt = rest.indexOf("--file");
  const file = fileAt >= 0 ? rest[fileAt + 1] : resolve(__dirname, "../src/data/catalogue.json");
  const unknown = rest.filter((a, i) => a !== "--json" && a !== "--file" && !(fileAt >= 0 && i === fileAt + 1));
  if ((command !== "export" && command !== "check") || unknown.length > 0 || !file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const cat = loadCatalogue(readFileSync(file, "utf8"));
  if (command === "check") {
    const findings = reconcile(cat);
    process.stdout.write(json ? JSON.stringify({ findings }, null, 2) + "\n" : readableFindings(findings) + "\n");
    return 0;
  }
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
