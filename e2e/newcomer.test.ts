// The newcomer's path and what the build hands to Office: `npm start` refuses a taken port in Norwegian before
// it registers anything, a chosen port flows into what it registers, the dev server uses the certificate
// office-addin-dev-certs installs, and the production page loads only content-hashed scripts.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Configuration } from "webpack";
import { DIST } from "./server";

const ROOT = resolve(__dirname, "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
const config = require(join(ROOT, "webpack.config.js")) as ((env: Record<string, string>, argv: { mode: string }) => Configuration) & {
  devCertificate: (home?: string) => { files: { cert: string; key: string }; options: { cert: Buffer; key: Buffer } } | null;
};

/** Takes a free port on localhost (the address the dev server binds) and keeps it. */
function takePort(): Promise<{ server: Server; port: number }> {
  return new Promise((ok, no) => {
    const server = createServer();
    server.once("error", no);
    server.listen(0, "localhost", () => ok({ server, port: (server.address() as AddressInfo).port }));
  });
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    child.on("exit", (code) => ok({ code, out }));
  });
}

test("npm start on a taken port: a Norwegian message naming the way out, exit 1, nothing registered or written", async () => {
  const { server: blocker, port } = await takePort();
  const manifest = join(ROOT, ".cache", `manifest-${port}.xml`);
  try {
    const { code, out } = await run(process.execPath, ["scripts/start.mjs"], { PORT: String(port) });
    expect(code).toBe(1);
    expect(out).toContain(`Port ${port} er i bruk`);
    expect(out).toContain("Ingenting er lagt inn i Excel");
    expect(out).toContain(`PORT=${port + 1} npm start`);
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
    expect(out).not.toContain("Tiltaksmeny kjører");
    expect(existsSync(manifest)).toBe(false);
  } finally {
    await new Promise((ok) => blocker.close(ok));
  }
}, 30_000);

test("the dev server uses the office-addin-dev-certs certificate when it is installed, and says so when it is not", () => {
  const home = mkdtempSync(join(tmpdir(), "tiltak-home-"));
  try {
    expect(config.devCertificate(home)).toBeNull();
    const dir = join(home, ".office-addin-dev-certs");
    mkdirSync(dir);
    writeFileSync(join(dir, "localhost.crt"), "CERT");
    writeFileSync(join(dir, "localhost.key"), "KEY");
    const found = config.devCertificate(home);
    expect(found?.files.cert).toBe(join(dir, "localhost.crt"));
    expect(String(found?.options.cert)).toBe("CERT");
    expect(String(found?.options.key)).toBe("KEY");
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const start = readFileSync(join(ROOT, "scripts/start.mjs"), "utf8");
  expect(start).toContain("npx office-addin-dev-certs install");
});

test("a chosen port becomes the development base URL (manifest and functions.json are rewritten for it)", () => {
  const before = process.env.PORT;
  process.env.PORT = "3001";
  try {
    const c = config({}, { mode: "development" }) as Configuration & { devServer?: { port?: number } };
    expect(c.devServer?.port).toBe(3001);
    const rewrite = c.plugins?.find((p) => p?.constructor?.name === "RewriteBaseUrlPlugin") as { baseUrl?: string } | undefined;
    expect(rewrite?.baseUrl).toBe("https://localhost:3001/");
  } finally {
    if (before === undefined) delete process.env.PORT;
    else process.env.PORT = before;
  }
});

test("the built pane page loads content-hashed scripts; the manifest's functions.js exists with a stable name", () => {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1] as string).filter((s) => !s.startsWith("office-js/"));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => !/^[\w-]+\.[0-9a-f]{8}\.js$/.test(s))).toEqual([]);
  expect(existsSync(join(DIST, "functions.js"))).toBe(true);
  expect(readFileSync(join(DIST, "manifest.xml"), "utf8")).toContain("/functions.js");
});
