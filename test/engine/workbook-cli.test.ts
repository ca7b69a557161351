// `npm run --silent workbook -- --out tiltaksmeny.xlsx`: writes the file, or says in one Norwegian line why not.
// (That LibreOffice recalculates the file it writes is engine.test.ts's «npm run workbook» case.)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/workbook.ts", ...args], { cwd: ROOT, encoding: "utf8" });

// Each case starts tsx and ExcelJS in a new process: seconds on a busy machine.
jest.setTimeout(30_000);

describe("workbook CLI", () => {
  test("--out writes an .xlsx file and nothing else", () => {
    const out = join(mkdtempSync(join(tmpdir(), "tiltak-")), "tiltaksmeny.xlsx");
    const r = cli("--out", out);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "", ""]);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK"); // a zip, as every .xlsx
  });

  test.each([
    ["a folder that does not exist", () => join(tmpdir(), "finnes-ikke", "x.xlsx"), "mappen finnes ikke"],
    ["a folder, not a file", () => tmpdir(), "stien er en mappe"],
  ])("an unwritable path (%s) fails with one Norwegian line", (_what, path, why) => {
    const r = cli("--out", path());
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([`Feil: Kunne ikke skrive ${path()}: ${why}`]);
  });

  test("a missing catalogue file and a missing --out are refused", () => {
    const r = cli("--out", join(tmpdir(), "x.xlsx"), "--file", join(tmpdir(), "finnes-ikke.json"));
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([`Feil: Kunne ikke lese katalogfilen ${join(tmpdir(), "finnes-ikke.json")}`]);
    const u = cli();
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/^Bruk: workbook --out/);
  });
});
