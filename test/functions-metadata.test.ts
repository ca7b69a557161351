// Golden test of the generated custom-functions metadata (dist/functions.json, made at build time by
// custom-functions-metadata-plugin from the JSDoc in src/functions/functions.ts) against the intended
// contract in test/golden/functions.json, plus the rules every TILTAK.* function must follow.
// Runs after `npm run build`; a missing dist/ is a failure, not a skip.
import * as fs from "node:fs";
import * as path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { baseUrlFromEnv } from "../scripts/manifest-check";

interface ParamMeta {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParamMeta[];
  result?: { type?: string; dimensionality?: string };
  options?: { volatile?: boolean; stream?: boolean; [key: string]: unknown };
}
interface Contract {
  id: string;
  name: string;
  parameters: { name: string; type: string; dimensionality: string; optional: boolean }[];
  result: { dimensionality: string };
}

const root = path.resolve(__dirname, "..");
const distDir = path.join(root, "dist");
const baseUrl = baseUrlFromEnv();

function readBuilt(rel: string): string {
  const file = path.join(distDir, rel);
  if (!fs.existsSync(file)) {
    throw new Error(`dist/${rel} finnes ikke. Bygg først: \`npm run build\` (eller \`npm test\`, som bygger selv).`);
  }
  return fs.readFileSync(file, "utf8");
}

let functions: FunctionMeta[] = [];
let manifest = "";
let helpPage = "";

beforeAll(() => {
  functions = (JSON.parse(readBuilt("functions.json")) as { functions: FunctionMeta[] }).functions;
  manifest = readBuilt("manifest.xml");
  helpPage = readBuilt("help/funksjoner.html");
});

/** The metadata's defaults made explicit: no dimensionality = scalar, no optional = required, no type = any. */
function project(f: FunctionMeta): Contract {
  return {
    id: f.id,
    name: f.name,
    parameters: f.parameters.map((p) => ({
      name: p.name,
      type: p.type ?? "any",
      dimensionality: p.dimensionality ?? "scalar",
      optional: p.optional ?? false,
    })),
    result: { dimensionality: f.result?.dimensionality ?? "scalar" },
  };
}

const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);

test("dist/functions.json matches the golden contract (ids, names, parameters, result dimensionality)", () => {
  const golden = (JSON.parse(fs.readFileSync(path.join(__dirname, "golden/functions.json"), "utf8")) as { functions: Contract[] })
    .functions;
  expect(functions.map(project).sort(byId)).toEqual([...golden].sort(byId));
});

test("ids are ASCII uppercase and equal to the names", () => {
  expect(functions.length).toBeGreaterThan(0);
  for (const f of functions) {
    expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
    expect(f.name).toBe(f.id);
  }
  expect(new Set(functions.map((f) => f.id)).size).toBe(functions.length);
});

test("every function has a Norwegian description, and every parameter a description", () => {
  const norwegian = /(æ|ø|å|\b(tiltak\w*|og|eller|i|av|for|fra|til|med|som|slik|om|det|en|et)\b)/i;
  const english = /\b(the|of|and|returns?|measure|year|sum of)\b/i;
  for (const f of functions) {
    const d = (f.description ?? "").trim();
    expect({ id: f.id, norwegian: norwegian.test(d), english: english.test(d) }).toEqual({ id: f.id, norwegian: true, english: false });
    for (const p of f.parameters) expect({ id: f.id, param: p.name, described: (p.description ?? "").trim() !== "" }).toMatchObject({ described: true });
  }
});

test("every helpUrl is <base>help/funksjoner.html#<lowercase id>, and the anchor exists in dist/help", () => {
  for (const f of functions) {
    const anchor = f.id.toLowerCase();
    expect({ id: f.id, helpUrl: f.helpUrl }).toEqual({ id: f.id, helpUrl: `${baseUrl}help/funksjoner.html#${anchor}` });
    // The build minifies the help page, so the attribute may be unquoted (id=effekt).
    const idAttr = new RegExp(`\\sid=(["']?)${anchor}\\1(?=[\\s/>])`);
    expect({ id: f.id, anchorInHelp: idAttr.test(helpPage) }).toEqual({ id: f.id, anchorInHelp: true });
  }
});

test("the manifest's Functions.Metadata.Url points to functions.json", () => {
  const doc = new DOMParser().parseFromString(manifest, "text/xml");
  const bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
  const urls = Array.from(doc.getElementsByTagNameNS(bt, "Url")).filter((el) => el.parentNode?.nodeName === "bt:Urls");
  const metadata = urls.find((el) => el.getAttribute("id") === "Functions.Metadata.Url");
  expect(metadata?.getAttribute("DefaultValue")).toBe(`${baseUrl}functions.json`);
  // …and it is the URL the CustomFunctions extension point reads its metadata from.
  const metadataEl = Array.from(doc.getElementsByTagName("Metadata"))[0];
  const source = metadataEl ? Array.from(metadataEl.getElementsByTagName("SourceLocation"))[0] : undefined;
  expect(source?.getAttribute("resid")).toBe("Functions.Metadata.Url");
});

test("no function is volatile or streaming", () => {
  for (const f of functions) {
    expect({ id: f.id, volatile: f.options?.volatile === true, stream: f.options?.stream === true }).toEqual({
      id: f.id,
      volatile: false,
      stream: false,
    });
  }
});

test("AVVIK exists now that reconciliation has landed, and takes a measure (or a column of them)", () => {
  const f = functions.find((x) => x.id === "AVVIK");
  expect(f?.parameters.map((p) => p.name)).toEqual(["nr"]);
});

test("every function in the metadata is registered with CustomFunctions.associate, and nothing else is", () => {
  const source = fs.readFileSync(path.join(root, "src/functions/functions.ts"), "utf8");
  const associated = Array.from(source.matchAll(/CustomFunctions\.associate\(\s*"([^"]+)"/g), (m) => m[1]);
  expect([...associated].sort()).toEqual(functions.map((f) => f.id).sort());
});
