// Offline checks of the add-in manifest (dist/manifest.xml after a build): well-formed XML, resids that
// resolve, URLs that point at files the build emitted, icon sizes, unique ids, the product's own rules
// (permissions, locale, host, TILTAK namespace, shared runtime, requirement sets, no Microsoft CDN) and,
// when the schemas are at hand, xmllint against ../shared/office-manifest-schemas.
//
//   npx tsx scripts/manifest-check.ts [dist/manifest.xml] [--base-url=https://…/] [--schema-dir=DIR | --no-schema]
//
// Each problem is one line naming the element or id. An empty list means the manifest is fine.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { CUSTOM_FUNCTIONS_RUNTIME, EXCEL_API_FLOOR, SHARED_RUNTIME } from "../src/excel/requirements";

export const DEFAULT_BASE_URL = "https://localhost:3000/";
export const SCHEMA_ENTRY = "OfficeAppManifestV1_1.xsd";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  vo: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

export interface CheckOptions {
  /** The folder the manifest's URLs are served from (dist/). */
  distDir: string;
  /** The address dist/ is served at; every URL must start with it. */
  baseUrl?: string;
  /** Folder with OfficeAppManifestV1_1.xsd and its imports; null/undefined = no schema validation. */
  schemaDir?: string | null;
}

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

interface Resource {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly value: string;
}

/** xmldom elements, typed with lib.dom's Element (the subset used here behaves the same). */
type El = Element;

function elements(root: Document | El): El[] {
  return Array.from(root.getElementsByTagName("*")) as El[];
}

/** `<name>` for messages: the prefix as written (bt:Image), plus the id when the element has one. */
function describe(el: El): string {
  const id = el.getAttribute("id");
  return id ? `<${el.tagName} id="${id}">` : `<${el.tagName}>`;
}

function isEl(el: El, ns: string, localName: string): boolean {
  return el.namespaceURI === ns && el.localName === localName;
}

function childElements(el: El): El[] {
  return Array.from(el.childNodes).filter((n): n is El => n.nodeType === 1) as El[];
}

function ancestors(el: El): El[] {
  const out: El[] = [];
  for (let p = el.parentNode; p && p.nodeType === 1; p = p.parentNode) out.push(p as El);
  return out;
}

function xsiType(el: El): string | null {
  return el.getAttributeNS(NS.xsi, "type") || null;
}

function text(el: El | undefined): string {
  return (el?.textContent ?? "").trim();
}

/** The base URL with a trailing slash: TILTAK_BASE_URL as webpack.config.js reads it, else the dev URL. */
export function baseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.TILTAK_BASE_URL || DEFAULT_BASE_URL;
  return url.endsWith("/") ? url : url + "/";
}

/** True when `xmllint` can be started. */
export function xmllintAvailable(): boolean {
  const r = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return !r.error;
}

/** Width and height from a PNG's IHDR chunk, or an error text when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | string {
  const header = Buffer.alloc(24);
  let read: number;
  const fd = fs.openSync(file, "r");
  try {
    read = fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (read < 24 || signature.some((b, i) => header[i] !== b)) return "er ikke en PNG-fil";
  if (header.toString("ascii", 12, 16) !== "IHDR") return "mangler IHDR-blokk først i PNG-filen";
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/**
 * Maps a URL to the file under distDir it is served from, or explains why it cannot be.
 * Query and #fragment are ignored; a URL ending in "/" means its index.html.
 */
function urlToFile(url: string, baseUrl: string, distDir: string): { file: string } | { problem: string } {
  if (!url.startsWith(baseUrl)) return { problem: `starter ikke med basisadressen ${baseUrl}` };
  let rel = url.slice(baseUrl.length).replace(/[?#].*$/s, "");
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  try {
    rel = decodeURIComponent(rel);
  } catch {
    return { problem: "har ugyldig %-koding" };
  }
  const root = path.resolve(distDir);
  const file = path.resolve(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) return { problem: "peker utenfor dist-mappen" };
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return { problem: `peker på ${rel}, som ikke finnes i ${path.basename(root)}/ (bygget lager den ikke)` };
  }
  return { file };
}

/** Which resource collections a `resid` on this element may point into. */
function expectedKinds(el: El): ResourceKind[] {
  switch (el.localName) {
    case "Image":
    case "Icon":
      return ["Images"];
    case "SourceLocation":
    case "LearnMoreUrl":
    case "FunctionFile":
    case "Runtime":
    case "Override": // <Runtime><Override type="javascript" resid=…/>: a script URL
      return ["Urls"];
    default:
      return ["ShortStrings", "LongStrings"];
  }
}

function runXmllint(xml: string, schemaDir: string): string[] {
  const xsd = path.join(schemaDir, SCHEMA_ENTRY);
  if (!fs.existsSync(xsd)) return [`xmllint: skjemaet ${xsd} finnes ikke`];
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-check-"));
  const tmpFile = path.join(tmpDir, "manifest.xml");
  try {
    fs.writeFileSync(tmpFile, xml, "utf8");
    const r = spawnSync("xmllint", ["--noout", "--schema", xsd, tmpFile], { encoding: "utf8" });
    if (r.error) return [`xmllint kunne ikke startes: ${r.error.message}`];
    if (r.status === 0) return [];
    const lines = (r.stderr || "")
      .split(/\r?\n/)
      .map((l) => l.split(tmpFile + ":").join("linje ").split(tmpFile).join("manifest.xml").trim())
      .filter((l) => l !== "");
    // Keep the located messages ("linje 15: element …"); drop the echoed source line, the caret under it
    // and the closing "fails to validate".
    const located = lines.filter((l) => l.startsWith("linje "));
    const out = located.length > 0 ? located : lines;
    return out.length > 0
      ? out.map((l) => `xmllint (skjemavalidering): ${l}`)
      : [`xmllint (skjemavalidering): avsluttet med kode ${r.status ?? r.signal}`];
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

export function checkManifest(xml: string, opts: CheckOptions): string[] {
  const baseUrl = opts.baseUrl ?? DEFAULT_BASE_URL;
  const distDir = opts.distDir;
  const problems: string[] = [];
  const add = (p: string): void => {
    if (!problems.includes(p)) problems.push(p);
  };

  // 1. Well-formed XML. xmldom reports well-formedness faults at every level (an unquoted attribute is
  //    only a "warning"), so all of them count; a fatal error throws and ends the checks.
  let doc: Document;
  try {
    const parser = new DOMParser({
      onError: (level: string, message: string) => add(`XML er ikke velformet (${level}): ${message.trim()}`),
    });
    doc = parser.parseFromString(xml, "text/xml") as unknown as Document;
  } catch (e) {
    // onError has normally reported the fatal error already; this covers anything else thrown.
    if (!problems.some((p) => p.startsWith("XML er ikke velformet (fatalError)"))) {
      const message = e instanceof Error ? e.message : String(e);
      add(`XML er ikke velformet (fatalError): ${message.split("\n")[0]}`);
    }
    return problems;
  }
  const wellFormed = problems.length === 0;
  const root = doc.documentElement as El | null;
  if (!root) {
    add("XML er ikke velformet: mangler rotelement");
    return problems;
  }
  if (!isEl(root, NS.app, "OfficeApp")) {
    add(`Rotelementet er <${root.tagName}> (${root.namespaceURI ?? "uten navnerom"}), ventet <OfficeApp> i ${NS.app}`);
    return problems;
  }
  const all = elements(doc);

  // Resources: bt:Images/bt:Image, bt:Urls/bt:Url, bt:ShortStrings/bt:String, bt:LongStrings/bt:String.
  const resources = new Map<ResourceKind, Map<string, Resource>>(
    (["Images", "Urls", "ShortStrings", "LongStrings"] as const).map((k) => [k, new Map()]),
  );
  const resourceEls = all.filter((el) => isEl(el, NS.vo, "Resources"));
  const resourceIdEls = new Set<El>();
  for (const res of resourceEls) {
    for (const group of childElements(res)) {
      const kind = group.localName as ResourceKind;
      const map = resources.get(kind);
      if (group.namespaceURI !== NS.bt || !map) continue;
      for (const item of childElements(group)) {
        const id = item.getAttribute("id");
        if (!id) continue;
        resourceIdEls.add(item);
        if (!map.has(id)) map.set(id, { kind, id, value: item.getAttribute("DefaultValue") ?? "" });
      }
    }
  }
  const findResource = (id: string, kinds: readonly ResourceKind[]): Resource | undefined => {
    for (const k of kinds) {
      const r = resources.get(k)?.get(id);
      if (r) return r;
    }
    return undefined;
  };
  const allKinds: ResourceKind[] = ["Images", "Urls", "ShortStrings", "LongStrings"];

  // 2. Every resid resolves to a resource of the right kind.
  for (const el of all) {
    if (!el.hasAttribute("resid")) continue;
    const resid = el.getAttribute("resid") ?? "";
    const kinds = expectedKinds(el);
    if (findResource(resid, kinds)) continue;
    const wanted = kinds.map((k) => `bt:${k}`).join(" eller ");
    const elsewhere = findResource(resid, allKinds);
    add(
      elsewhere
        ? `resid "${resid}" på ${describe(el)} peker på en ressurs i bt:${elsewhere.kind}, men må finnes i ${wanted}`
        : `resid "${resid}" på ${describe(el)} finnes ikke i ${wanted}`,
    );
  }

  // 3. Every URL starts with the base URL and points at a file the build emitted.
  const urlFiles = new Map<El, string>();
  const checkUrl = (el: El, attr: string): void => {
    const url = el.getAttribute(attr);
    if (url === null) {
      add(`${describe(el)} mangler ${attr}`);
      return;
    }
    const r = urlToFile(url.trim(), baseUrl, distDir);
    if ("problem" in r) add(`URL ${url} i ${describe(el)} ${r.problem}`);
    else urlFiles.set(el, r.file);
  };
  for (const el of all) {
    const ln = el.localName;
    if (el.namespaceURI === NS.app && ["IconUrl", "HighResolutionIconUrl", "SupportUrl"].includes(ln)) {
      checkUrl(el, "DefaultValue");
    } else if (ln === "SourceLocation" && el.hasAttribute("DefaultValue")) {
      checkUrl(el, "DefaultValue");
    } else if (el.namespaceURI === NS.bt && (ln === "Image" || ln === "Url") && resourceIdEls.has(el)) {
      checkUrl(el, "DefaultValue");
    } else if (el.namespaceURI === NS.bt && ln === "Override") {
      const parent = el.parentNode as El | null;
      if (parent && parent.namespaceURI === NS.bt && ["Image", "Url"].includes(parent.localName)) checkUrl(el, "Value");
    }
  }

  // 4. Icons have the sizes they are declared with.
  const checkSize = (what: string, file: string | undefined, size: number): void => {
    if (!file) return; // missing file or bad URL: already reported by check 3
    const s = pngSize(file);
    if (typeof s === "string") add(`${what}: ${path.relative(distDir, file)} ${s}`);
    else if (s.width !== size || s.height !== size) {
      add(`${what}: ${path.relative(distDir, file)} er ${s.width}×${s.height}, ventet ${size}×${size}`);
    }
  };
  const imageEls = new Map<string, El>();
  for (const el of resourceIdEls) if (el.localName === "Image") imageEls.set(el.getAttribute("id") ?? "", el);
  for (const el of all) {
    if (!isEl(el, NS.bt, "Image") || !el.hasAttribute("resid")) continue;
    const parent = el.parentNode as El | null;
    if (!parent || parent.localName !== "Icon") continue;
    const resid = el.getAttribute("resid") ?? "";
    const sizeAttr = el.getAttribute("size") ?? "";
    const size = Number(sizeAttr);
    if (!/^[1-9][0-9]*$/.test(sizeAttr)) {
      add(`<bt:Image resid="${resid}"> i <Icon> har ugyldig size="${sizeAttr}"`);
      continue;
    }
    const image = imageEls.get(resid);
    if (!image) continue; // unresolved resid: reported by check 2
    checkSize(`Ikon size="${size}" (resid "${resid}")`, urlFiles.get(image), size);
  }
  for (const [name, size] of [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ] as const) {
    const els = all.filter((el) => isEl(el, NS.app, name));
    if (els.length === 0) add(`<${name}> mangler`);
    for (const el of els) checkSize(`<${name}>`, urlFiles.get(el), size);
  }

  // 5. Unique ids: all id attributes in the manifest, and resource ids within <Resources>.
  const byId = new Map<string, El[]>();
  for (const el of all) {
    const id = el.getAttribute("id");
    if (id === null) continue;
    byId.set(id, [...(byId.get(id) ?? []), el]);
  }
  for (const [id, els] of byId) {
    if (els.length < 2) continue;
    const names = els.map((e) => `<${e.tagName}>`).join(", ");
    if (els.every((e) => resourceIdEls.has(e))) {
      add(`Ressurs-id "${id}" er brukt ${els.length} ganger i <Resources> (${names})`);
    } else {
      add(`id "${id}" er ikke unik: brukt ${els.length} ganger (${names})`);
    }
  }

  // 6. Product rules.
  const top = (name: string): El[] => childElements(root).filter((el) => isEl(el, NS.app, name));
  const permissions = top("Permissions");
  if (permissions.length !== 1 || text(permissions[0]) !== "ReadWriteDocument") {
    const got = permissions.length === 0 ? "mangler" : `er "${permissions.map((p) => text(p)).join(", ")}"`;
    add(`<Permissions> ${got}, skal være nøyaktig ReadWriteDocument`);
  }
  const locale = top("DefaultLocale");
  if (locale.length !== 1 || text(locale[0]) !== "nb-NO") {
    add(`<DefaultLocale> ${locale.length === 0 ? "mangler" : `er "${text(locale[0])}"`}, skal være nb-NO`);
  }
  const hostNames = top("Hosts").flatMap((h) =>
    childElements(h)
      .filter((el) => isEl(el, NS.app, "Host"))
      .map((el) => el.getAttribute("Name") ?? ""),
  );
  if (hostNames.length !== 1 || hostNames[0] !== "Workbook") {
    add(`<Hosts> skal ha nøyaktig én <Host Name="Workbook">, har ${hostNames.length ? hostNames.map((n) => `"${n}"`).join(", ") : "ingen"}`);
  }
  for (const el of all.filter((e) => isEl(e, NS.vo, "Host"))) {
    if (xsiType(el) !== "Workbook") add(`<Host xsi:type="${xsiType(el) ?? ""}"> i <VersionOverrides> skal være Workbook`);
  }

  const cfPoints = all.filter((el) => isEl(el, NS.vo, "ExtensionPoint") && xsiType(el) === "CustomFunctions");
  const cf = cfPoints[0];
  if (cfPoints.length !== 1 || !cf) {
    add(`Ventet nøyaktig ett <ExtensionPoint xsi:type="CustomFunctions">, fant ${cfPoints.length}`);
  } else {
    const ns = childElements(cf).find((el) => isEl(el, NS.vo, "Namespace"));
    const nsResid = ns?.getAttribute("resid") ?? "";
    const nsValue = findResource(nsResid, ["ShortStrings", "LongStrings"])?.value;
    if (!ns) add(`<ExtensionPoint xsi:type="CustomFunctions"> mangler <Namespace>`);
    else if (nsValue !== undefined && nsValue !== "TILTAK") {
      add(`<Namespace resid="${nsResid}"> for egendefinerte funksjoner er "${nsValue}", skal være TILTAK`);
    }
  }

  const runtimes = all.filter((el) => isEl(el, NS.vo, "Runtime") && ancestors(el).some((a) => isEl(a, NS.vo, "Runtimes")));
  const runtime = runtimes[0];
  if (!runtime) {
    add("<Runtime> mangler: tillegget bruker delt kjøremiljø (<Runtimes><Runtime resid=…>)");
  } else {
    if (runtimes.length > 1) add(`Ventet én <Runtime> (delt kjøremiljø), fant ${runtimes.length}`);
    const rt = runtime.getAttribute("resid") ?? "";
    if (runtime.getAttribute("lifetime") !== "long") {
      add(`<Runtime resid="${rt}"> må ha lifetime="long" (delt kjøremiljø for funksjoner og oppgaverute)`);
    }
    const sameRuntime = (what: string, el: El | undefined): void => {
      if (!el) add(`${what} mangler`);
      else if (el.getAttribute("resid") !== rt) {
        add(`${what} bruker resid "${el.getAttribute("resid") ?? ""}", men <Runtime> bruker "${rt}" (delt kjøremiljø krever samme)`);
      }
    };
    const page = cf ? childElements(cf).find((el) => isEl(el, NS.vo, "Page")) : undefined;
    sameRuntime(
      "<Page><SourceLocation> for egendefinerte funksjoner",
      page && childElements(page).find((el) => isEl(el, NS.vo, "SourceLocation")),
    );
    const actions = all.filter((el) => isEl(el, NS.vo, "Action") && xsiType(el) === "ShowTaskpane");
    if (actions.length === 0) add(`<Action xsi:type="ShowTaskpane"> mangler`);
    for (const action of actions) {
      sameRuntime(
        `<SourceLocation> i <Action xsi:type="ShowTaskpane">`,
        childElements(action).find((el) => isEl(el, NS.vo, "SourceLocation")),
      );
    }
    for (const ff of all.filter((el) => isEl(el, NS.vo, "FunctionFile"))) sameRuntime("<FunctionFile>", ff);
  }

  // Requirement sets. Where each one goes follows Microsoft's guidance (paths in OfficeDev/office-js-docs-pr
  // unless noted):
  // - ExcelApi floor in the base manifest: docs/develop/specify-office-hosts-and-api-requirements.md
  //   ("Requirements element"); the value is EXCEL_API_FLOOR, the one test/api-sets.test.ts enforces in src/.
  // - SharedRuntime in the base manifest: docs/develop/configure-your-add-in-to-use-a-shared-runtime.md.
  // - CustomFunctionsRuntime as an install requirement: docs/excel/custom-functions-json.md (capability on the
  //   extension) and, for the add-in only manifest, docs/develop/understand-requirement-configuration.md.
  // - Nothing repeated in <VersionOverrides>: office-js-docs-reference docs/manifest/requirements.md ("Do not
  //   repeat Requirement elements from the base manifest"); a set there would also hide the ribbon button.
  // - No <TaskpaneId> under a long-lived runtime: docs/develop/configure-your-add-in-to-use-a-shared-runtime.md
  //   ("Good practice: avoid multiple task panes").
  const declaredSets = (inVersionOverrides: boolean): Map<string, { version: string; el: El }> => {
    const out = new Map<string, { version: string; el: El }>();
    for (const set of all.filter((el) => el.localName === "Set" && (el.namespaceURI === NS.app || el.namespaceURI === NS.bt))) {
      const sets = set.parentNode as El | null;
      const req = sets?.parentNode as El | null;
      if (!sets || sets.localName !== "Sets" || !req || req.localName !== "Requirements") continue;
      const owner = req.parentNode as El | null;
      const underVo = !!owner && isEl(owner, NS.vo, "VersionOverrides");
      const underBase = !!owner && owner === root;
      if (inVersionOverrides ? !underVo : !underBase) continue;
      const version = set.getAttribute("MinVersion") || sets.getAttribute("DefaultMinVersion") || "1.1";
      out.set(set.getAttribute("Name") ?? "", { version, el: set });
    }
    return out;
  };
  const baseSets = declaredSets(false);
  const voSets = declaredSets(true);
  const expected: readonly (readonly [string, string, string])[] = [
    ["ExcelApi", EXCEL_API_FLOOR, "EXCEL_API_FLOOR"],
    ["SharedRuntime", SHARED_RUNTIME, "SHARED_RUNTIME"],
    ["CustomFunctionsRuntime", CUSTOM_FUNCTIONS_RUNTIME, "CUSTOM_FUNCTIONS_RUNTIME"],
  ];
  for (const [name, version, constant] of expected) {
    const got = baseSets.get(name);
    if (!got) {
      add(`<Set Name="${name}"> mangler i <Requirements> i grunnmanifestet (ventet MinVersion="${version}", ${constant} i src/excel/requirements.ts)`);
    } else if (got.version !== version) {
      add(`<Set Name="${name}"> krever ${got.version} i grunnmanifestet, men ${constant} i src/excel/requirements.ts er ${version}`);
    }
  }
  for (const [name, { version }] of voSets) {
    add(`<bt:Set Name="${name}" MinVersion="${version}"> i <VersionOverrides>: kravsett hører hjemme i grunnmanifestets <Requirements> (i <VersionOverrides> skjuler de knappen og funksjonene)`);
  }
  const longRuntimeHosts = all.filter(
    (el) => isEl(el, NS.vo, "Host") && elements(el).some((r) => isEl(r, NS.vo, "Runtime") && r.getAttribute("lifetime") === "long"),
  );
  for (const host of longRuntimeHosts) {
    for (const id of elements(host).filter((el) => isEl(el, NS.vo, "TaskpaneId"))) {
      add(`<TaskpaneId>${text(id)}</TaskpaneId> i <Action>: med delt kjøremiljø (lifetime="long") skal ingen <Action> ha <TaskpaneId>`);
    }
  }

  const cdn = /appsforoffice\.microsoft\.com/i;
  for (const el of all) {
    for (const attr of Array.from(el.attributes)) {
      if (cdn.test(attr.value)) add(`${describe(el)} ${attr.name}="${attr.value}" peker på Microsofts CDN (appsforoffice.microsoft.com)`);
    }
    for (const node of Array.from(el.childNodes)) {
      if ((node.nodeType === 3 || node.nodeType === 4) && cdn.test(node.nodeValue ?? "")) {
        add(`${describe(el)} inneholder en adresse på Microsofts CDN (appsforoffice.microsoft.com)`);
      }
    }
  }

  // 7. Schema validation with xmllint, when the schemas are given and xmllint is installed (and the XML
  //    parsed cleanly: otherwise xmllint would only repeat the parse errors above).
  if (opts.schemaDir && wellFormed && xmllintAvailable()) {
    for (const p of runXmllint(xml, opts.schemaDir)) add(p);
  }

  return problems;
}

/** Default schema folder: ../shared/office-manifest-schemas next to the project, when present. */
export function defaultSchemaDir(projectDir: string = path.resolve(__dirname, "..")): string | null {
  const dir = path.resolve(projectDir, "../shared/office-manifest-schemas");
  return fs.existsSync(path.join(dir, SCHEMA_ENTRY)) ? dir : null;
}

function main(argv: string[]): number {
  let file = "dist/manifest.xml";
  let baseUrl = baseUrlFromEnv();
  let schemaDir: string | null = defaultSchemaDir();
  for (const arg of argv) {
    if (arg.startsWith("--base-url=")) {
      const v = arg.slice("--base-url=".length);
      baseUrl = v.endsWith("/") ? v : v + "/";
    } else if (arg.startsWith("--schema-dir=")) schemaDir = path.resolve(arg.slice("--schema-dir=".length));
    else if (arg === "--no-schema") schemaDir = null;
    else if (arg.startsWith("-")) {
      console.error(`Ukjent valg: ${arg}`);
      return 2;
    } else file = arg;
  }
  if (!fs.existsSync(file)) {
    console.error(`${file} finnes ikke (kjør \`npm run build\` først)`);
    return 1;
  }
  const xml = fs.readFileSync(file, "utf8");
  const problems = checkManifest(xml, { distDir: path.dirname(path.resolve(file)), baseUrl, schemaDir });
  if (schemaDir && !xmllintAvailable()) console.error("Merk: xmllint finnes ikke; skjemavalideringen ble hoppet over.");
  if (problems.length === 0) {
    console.log(`${file}: ingen problemer${schemaDir && xmllintAvailable() ? " (også validert mot skjemaene)" : ""}`);
    return 0;
  }
  for (const p of problems) console.log(`${file}: ${p}`);
  return 1;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
