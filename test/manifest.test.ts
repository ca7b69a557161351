// The built manifest (dist/manifest.xml) passes the offline checks, and each kind of breakage is caught.
// Runs after `npm run build` (scripts/test.mjs builds first); a missing dist/ is a failure, not a skip.
import * as fs from "node:fs";
import * as path from "node:path";
import { baseUrlFromEnv, checkManifest, SCHEMA_ENTRY, xmllintAvailable } from "../scripts/manifest-check";
import { CUSTOM_FUNCTIONS_RUNTIME, EXCEL_API_FLOOR, SHARED_RUNTIME } from "../src/excel/requirements";

const distDir = path.resolve(__dirname, "../dist");
const manifestPath = path.join(distDir, "manifest.xml");
const schemaCandidate = path.resolve(__dirname, "../../shared/office-manifest-schemas");
const schemaDir = fs.existsSync(schemaCandidate) ? schemaCandidate : null;
const baseUrl = baseUrlFromEnv();

let manifest = "";

beforeAll(() => {
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`${manifestPath} finnes ikke. Bygg først: \`npm run build\` (eller \`npm test\`, som bygger selv).`);
  }
  manifest = fs.readFileSync(manifestPath, "utf8");
});

const check = (xml: string, withSchema: string | null = schemaDir): string[] =>
  checkManifest(xml, { distDir, baseUrl, schemaDir: withSchema });

/** Replaces every occurrence of `from` and fails if the text did not change. */
function variant(xml: string, from: string, to: string): string {
  const out = xml.split(from).join(to);
  if (out === xml) throw new Error(`Erstatningen endret ikke manifestet: fant ikke ${JSON.stringify(from)}`);
  return out;
}

/** Asserts that one problem line contains every fragment (and shows all problems when none does). */
function expectProblem(problems: string[], ...fragments: (string | RegExp)[]): void {
  const hit = problems.some((p) => fragments.every((f) => (typeof f === "string" ? p.includes(f) : f.test(p))));
  if (!hit) {
    throw new Error(
      `Ventet et problem med ${fragments.map(String).join(" + ")}; fikk:\n` +
        (problems.length ? problems.map((p) => `  - ${p}`).join("\n") : "  (ingen problemer)"),
    );
  }
}

const url = (rel: string): string => `${baseUrl}${rel}`;
const withSchema = schemaDir ? test : test.skip;

describe("dist/manifest.xml", () => {
  test("has no problems (including schema validation when the schemas are present)", () => {
    expect(check(manifest)).toEqual([]);
  });

  test("xmllint is installed when the schema folder exists", () => {
    if (schemaDir) {
      expect(fs.existsSync(path.join(schemaDir, SCHEMA_ENTRY))).toBe(true);
      expect(xmllintAvailable()).toBe(true);
    }
  });

  test("uses the base URL the build was made for", () => {
    expect(manifest).toContain(`"${url("taskpane.html")}"`);
  });

  test("declares the requirement sets of src/excel/requirements.ts in the base manifest, none in VersionOverrides, no TaskpaneId", () => {
    const xml = manifest.replace(/<!--[\s\S]*?-->/g, ""); // the comments cite the docs, naming the elements
    const base = xml.slice(0, xml.indexOf("<VersionOverrides"));
    const overrides = xml.slice(xml.indexOf("<VersionOverrides"));
    expect(EXCEL_API_FLOOR).toBe("1.4");
    expect(base).toContain(`<Set Name="ExcelApi" MinVersion="${EXCEL_API_FLOOR}"/>`);
    expect(base).toContain(`<Set Name="SharedRuntime" MinVersion="${SHARED_RUNTIME}"/>`);
    expect(base).toContain(`<Set Name="CustomFunctionsRuntime" MinVersion="${CUSTOM_FUNCTIONS_RUNTIME}"/>`);
    expect(overrides).not.toMatch(/<bt:Set\b/);
    expect(xml).not.toMatch(/<TaskpaneId>/i);
  });
});

describe("requirement sets and the shared runtime", () => {
  test("an ExcelApi floor other than EXCEL_API_FLOOR", () => {
    const xml = variant(manifest, `<Set Name="ExcelApi" MinVersion="${EXCEL_API_FLOOR}"/>`, '<Set Name="ExcelApi" MinVersion="1.1"/>');
    const problems = check(xml);
    expectProblem(problems, '<Set Name="ExcelApi">', "1.1", `EXCEL_API_FLOOR i src/excel/requirements.ts er ${EXCEL_API_FLOOR}`);
    expect(problems).toHaveLength(1); // schema-valid; only the product rule objects
  });

  test("no ExcelApi requirement at all", () => {
    const xml = variant(manifest, `<Set Name="ExcelApi" MinVersion="${EXCEL_API_FLOOR}"/>`, "");
    expectProblem(check(xml, null), '<Set Name="ExcelApi"> mangler', `MinVersion="${EXCEL_API_FLOOR}"`);
  });

  test("CustomFunctionsRuntime 1.1 (CustomFunctions.ErrorCode needs 1.3), also when only DefaultMinVersion says so", () => {
    const cfr = `<Set Name="CustomFunctionsRuntime" MinVersion="${CUSTOM_FUNCTIONS_RUNTIME}"/>`;
    expectProblem(check(variant(manifest, cfr, '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>'), null), '<Set Name="CustomFunctionsRuntime">', "1.1", "CUSTOM_FUNCTIONS_RUNTIME");
    expectProblem(check(variant(manifest, cfr, '<Set Name="CustomFunctionsRuntime"/>'), null), '<Set Name="CustomFunctionsRuntime">', "krever 1.1");
  });

  test("SharedRuntime missing from the base manifest", () => {
    const xml = variant(manifest, `<Set Name="SharedRuntime" MinVersion="${SHARED_RUNTIME}"/>`, "");
    expectProblem(check(xml, null), '<Set Name="SharedRuntime"> mangler', "grunnmanifestet");
  });

  test("SharedRuntime moved into VersionOverrides (where it used to be)", () => {
    const shared = `<Set Name="SharedRuntime" MinVersion="${SHARED_RUNTIME}"/>`;
    let xml = variant(manifest, shared, "");
    xml = variant(
      xml,
      "<Hosts>\n      <Host xsi:type=\"Workbook\">",
      `<Requirements><bt:Sets DefaultMinVersion="1.1"><bt:Set Name="SharedRuntime" MinVersion="${SHARED_RUNTIME}"/></bt:Sets></Requirements>\n    <Hosts>\n      <Host xsi:type="Workbook">`,
    );
    const problems = check(xml);
    expectProblem(problems, '<Set Name="SharedRuntime"> mangler');
    expectProblem(problems, '<bt:Set Name="SharedRuntime"', "<VersionOverrides>");
    expect(problems.filter((p) => p.startsWith("xmllint"))).toEqual([]); // valid by the schema: only our rules catch it
  });

  test("a <TaskpaneId> on the ribbon button's action (shared runtime: one pane)", () => {
    const xml = variant(manifest, '<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane">\n                    <TaskpaneId>Tiltaksmeny.Pane</TaskpaneId>');
    const problems = check(xml);
    expectProblem(problems, "<TaskpaneId>Tiltaksmeny.Pane</TaskpaneId>", "delt kjøremiljø");
    expect(problems).toHaveLength(1);
  });
});

describe("broken variants are caught", () => {
  test("a resid that does not resolve", () => {
    const problems = check(variant(manifest, '<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>'), null);
    expectProblem(problems, '"Group.Lable"', "<Label>", "bt:ShortStrings");
  });

  test("a resid that points at the wrong kind of resource", () => {
    const problems = check(variant(manifest, '<LearnMoreUrl resid="Help.Url"/>', '<LearnMoreUrl resid="GetStarted.Title"/>'), null);
    expectProblem(problems, '"GetStarted.Title"', "<LearnMoreUrl>", "bt:ShortStrings", "bt:Urls");
  });

  test("an icon pointing at a file the build did not emit", () => {
    const problems = check(variant(manifest, url("assets/icon-80.png"), url("assets/icon-81.png")), null);
    expectProblem(problems, url("assets/icon-81.png"), 'id="Icon.80x80"', "ikke finnes");
  });

  test("an icon declared size 80 that points at the 16 px file", () => {
    const xml = variant(
      manifest,
      `id="Icon.80x80" DefaultValue="${url("assets/icon-80.png")}"`,
      `id="Icon.80x80" DefaultValue="${url("assets/icon-16.png")}"`,
    );
    expectProblem(check(xml, null), 'size="80"', '"Icon.80x80"', "16×16", "80×80");
  });

  test("IconUrl and HighResolutionIconUrl must be 32×32 and 64×64", () => {
    const xml = variant(
      variant(manifest, `<IconUrl DefaultValue="${url("assets/icon-32.png")}"`, `<IconUrl DefaultValue="${url("assets/icon-64.png")}"`),
      `<HighResolutionIconUrl DefaultValue="${url("assets/icon-64.png")}"`,
      `<HighResolutionIconUrl DefaultValue="${url("assets/icon-80.png")}"`,
    );
    const problems = check(xml, null);
    expectProblem(problems, "<IconUrl>", "64×64", "ventet 32×32");
    expectProblem(problems, "<HighResolutionIconUrl>", "80×80", "ventet 64×64");
  });

  withSchema("schema violation: misspelled <SupportUrl>", () => {
    const problems = check(variant(manifest, "<SupportUrl ", "<SuportUrl "));
    expectProblem(problems, "xmllint", "SuportUrl", "This element is not expected");
    expect(problems.join("\n")).not.toMatch(/manifest-check-/); // temp path trimmed
  });

  withSchema("schema violation: <Permissions> before <DefaultSettings>", () => {
    const m = /(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*)(<Permissions>[^<]*<\/Permissions>)/.exec(manifest);
    if (!m) throw new Error("Fant ikke <DefaultSettings> fulgt av <Permissions> i manifestet");
    const xml = variant(manifest, m[0], `${m[3]}${m[2]}${m[1]}`);
    expectProblem(check(xml), "xmllint", "DefaultSettings", "This element is not expected");
  });

  test("a duplicate control id", () => {
    const problems = check(variant(manifest, 'id="Tiltaksmeny.OpenPane"', 'id="Tiltaksmeny.Group"'), null);
    expectProblem(problems, '"Tiltaksmeny.Group"', "ikke unik", "<Group>", "<Control>");
  });

  test("a duplicate resource id", () => {
    const xml = variant(manifest, '<bt:String id="Group.Label"', '<bt:String id="OpenPane.Label"');
    expectProblem(check(xml, null), 'Ressurs-id "OpenPane.Label"', "<Resources>");
  });

  test("malformed XML stops the checks", () => {
    const xml = variant(manifest, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteDocument</Permission>");
    const problems = check(xml);
    expectProblem(problems, "XML er ikke velformet", "Permission");
    expect(problems.every((p) => p.startsWith("XML er ikke velformet"))).toBe(true);
  });

  test("an unquoted attribute (reported by xmldom as a warning) is malformed XML too", () => {
    const problems = check(variant(manifest, '<Host Name="Workbook"/>', "<Host Name=Workbook/>"), null);
    expectProblem(problems, "XML er ikke velformet");
  });

  test("a URL the build did not emit", () => {
    const problems = check(variant(manifest, url("help/index.html"), url("help/support.html")), null);
    expectProblem(problems, url("help/support.html"), "<SupportUrl>", "help/support.html", "ikke finnes");
    expectProblem(problems, url("help/support.html"), '<bt:Url id="Help.Url">');
  });

  test("a URL outside the base URL", () => {
    const problems = check(variant(manifest, url("functions.json"), "https://example.org/functions.json"), null);
    expectProblem(problems, "https://example.org/functions.json", '"Functions.Metadata.Url"', "basisadressen");
  });

  test("office.js from Microsoft's CDN", () => {
    const cdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    const problems = check(variant(manifest, url("functions.js"), cdn), null);
    expectProblem(problems, "appsforoffice.microsoft.com", '"Functions.Script.Url"', "CDN");
  });

  test("Permissions ReadAllDocument", () => {
    const xml = variant(manifest, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadAllDocument</Permissions>");
    const problems = check(xml);
    expectProblem(problems, "<Permissions>", '"ReadAllDocument"', "ReadWriteDocument");
    expect(problems).toHaveLength(1); // valid by the schema; only the product rule objects
  });

  test("DefaultLocale other than nb-NO", () => {
    const xml = variant(manifest, "<DefaultLocale>nb-NO</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>");
    expectProblem(check(xml, null), "<DefaultLocale>", "en-US", "nb-NO");
  });

  test("a host other than Workbook", () => {
    expectProblem(check(variant(manifest, '<Host Name="Workbook"/>', '<Host Name="Document"/>'), null), "<Hosts>", '"Document"');
  });

  test("a custom-functions namespace other than TILTAK", () => {
    const xml = variant(manifest, 'id="Functions.Namespace" DefaultValue="TILTAK"', 'id="Functions.Namespace" DefaultValue="TILTAKSMENY"');
    expectProblem(check(xml, null), "<Namespace", "TILTAKSMENY", "TILTAK");
  });

  test("the functions page and the task pane not sharing the runtime", () => {
    const xml = variant(
      manifest,
      '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
      '<Page>\n              <SourceLocation resid="Help.Url"/>',
    );
    expectProblem(check(xml, null), "<Page><SourceLocation>", '"Help.Url"', '"Taskpane.Url"');
  });

  test("no <Runtime>", () => {
    const xml = variant(manifest, /\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(manifest)?.[0] ?? "<no match>", "");
    expectProblem(check(xml, null), "<Runtime> mangler");
  });
});
