// The production build rewrites https://localhost:3000/ to the hosting address IT gives at build time.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack, { type Configuration } from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
const config = require(resolve(__dirname, "../webpack.config.js")) as (env: Record<string, string>, argv: { mode: string }) => Configuration;

jest.setTimeout(120000);

test("BASE_URL is written into the manifest and the functions' help links, and nothing points at localhost", async () => {
  const out = mkdtempSync(join(tmpdir(), "tiltak-prod-"));
  const base = "https://intranett.kommune.example/tiltaksmeny/";
  const c = config({ BASE_URL: base }, { mode: "production" });
  const stats = await new Promise<webpack.Stats>((ok, fail) =>
    webpack({ ...c, output: { ...c.output, path: out } }, (err, s) => (err || !s ? fail(err) : ok(s))),
  );
  expect(stats.hasErrors()).toBe(false);
  const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
  const functions = readFileSync(join(out, "functions.json"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(functions).not.toContain("localhost");
  expect(manifest).toContain(`${base}taskpane.html`);
  expect(JSON.parse(functions).functions[0].helpUrl).toMatch(new RegExp(`^${base.replace(/[.]/g, "\\.")}help/funksjoner\\.html#`));
});

test("a base URL that is not https is refused", () => {
  expect(() => config({ BASE_URL: "http://intranett/tiltak" }, { mode: "production" })).toThrow(/https/);
});
