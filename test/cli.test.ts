import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import catalogueJson from "../src/data/catalogue.json";

const ROOT = resolve(__dirname, "..");
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/catalogue.ts", ...args], { cwd: ROOT, encoding: "utf8" });

describe("catalogue CLI", () => {
  test("export --json prints the whole catalogue as one JSON document", () => {
    const r = cli("export", "--json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.measures.map((m: { id: string }) => m.id)).toEqual(catalogueJson.measures.map((m) => m.id));
    expect(out.catalogue.unit).toBe("MNOK");
  });

  test("export without --json prints readable tables", () => {
    const r = cli("export");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Omstillingsarbeid 2025");
    expect(r.stdout).toMatch(/^2\.10 +Lederstøtte/m);
  });

  test("a malformed catalogue file fails with one line naming the path", () => {
    const dir = mkdtempSync(join(tmpdir(), "tiltak-"));
    const bad = JSON.parse(JSON.stringify(catalogueJson));
    bad.measures[3].summary.values["2027"] = "x";
    writeFileSync(join(dir, "bad.json"), JSON.stringify(bad));
    const r = cli("export", "--json", "--file", join(dir, "bad.json"));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("measures[3].summary.values.2027");
  });

  test("an unknown command exits non-zero with usage", () => {
    const r = cli("explode");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Bruk:");
  });
});

describe("catalogue CLI check", () => {
  test("check --json prints the findings in the design.md shape", () => {
    const r = cli("check", "--json");
    expect(r.status).toBe(0);
    const { findings } = JSON.parse(r.stdout);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(["measure", "group", "rule", "severity", "years", "expected", "actual", "message"]);
    }
    expect(findings.some((f: { measure: string; rule: string }) => f.measure === "4.12" && f.rule === "detail-vs-summary")).toBe(true);
  });

  test("check without --json prints a count and one line per finding", () => {
    const r = cli("check");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+ funn: \d+ feil, \d+ advarsel, \d+ info/);
  });
});

describe("catalogue CLI on another municipality's catalogue", () => {
  const EKSEMPEL = join(ROOT, "test/fixtures/eksempel-kommune.json");

  test("check --json --file finds the fixture's deliberate disagreements, and only those", () => {
    const r = cli("check", "--json", "--file", EKSEMPEL);
    expect(r.status).toBe(0);
    const findings = JSON.parse(r.stdout).findings as { measure: string | null; group: number | null; rule: string; severity: string; years: number[] }[];
    expect(findings.filter((f) => f.severity !== "info").map((f) => [f.measure ?? `G${f.group}`, f.rule, f.years.join(",")])).toEqual([
      ["OPP-2", "detail-vs-summary", "2029"],
      ["HV-1", "lines-vs-net", "2027"],
      ["HV-2", "sign", ""],
      ["HV-3", "numbering", ""],
      ["HV-3", "unreadable", "2027"],
      ["SD-1", "unit", ""],
      ["SD-2", "missing-in-summary", ""],
      ["G20", "total-group", "2029"],
    ]);
  });

  test("export prints the amounts in mill. kr and says the report printed 1000 kr", () => {
    const r = cli("export", "--file", EKSEMPEL);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("mill. kr (trykt i 1000 kr)");
    // 2026 blank; -400 and -900 (1000 kr) as mill. kr, with the typographic minus of nb-NO.
    expect(r.stdout).toMatch(/^OPP-1 +Sammenslåing av to små barnehager +\u22120,4 +\u22120,9/m);
  });
});
