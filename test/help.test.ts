// The help pages as shipped (dist/help, copied from src/help by the build): present, Norwegian only,
// covering every reconciliation rule, and with an anchor for every function's help link.
// Runs after `npm run build` (scripts/test.mjs builds first); a missing dist/ is a failure, not a skip.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { RULE_IDS } from "../src/domain/reconcile";

const ROOT = resolve(__dirname, "..");
const HELP = join(ROOT, "dist", "help");
const PAGES = ["index.html", "funksjoner.html"] as const;

/** UI words an English template or library would leave behind; none belongs in a Norwegian page. */
const ENGLISH = ["Loading", "Click", "Error", "Submit", "Cancel", "Warning", "Search", "Settings", "Close", "Learn more", "Untitled", "Lorem ipsum", "TODO"];

function read(page: string): string {
  const file = join(HELP, page);
  if (!existsSync(file)) throw new Error(`dist/help/${page} finnes ikke. Bygg først: \`npm run build\` (eller \`npm test\`, som bygger selv).`);
  return readFileSync(file, "utf8");
}

/** What a reader sees: the text without tags, attributes, comments, styles and scripts. */
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** Values of an attribute; the production build minifies HTML, so quotes are optional. */
const attributes = (html: string, name: string): string[] =>
  [...html.matchAll(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "g"))].map((m) => m[1] ?? m[2] ?? m[3]!);
const ids = (html: string) => new Set(attributes(html, "id"));

describe.each(PAGES)("dist/help/%s", (page) => {
  test("exists, is Norwegian (lang=nb) and uses the shared stylesheet", () => {
    const html = read(page);
    expect(html).toMatch(/<html lang="?nb"?>/);
    expect(attributes(html, "href")).toContain("help.css");
    expect(existsSync(join(HELP, "help.css"))).toBe(true);
  });

  test("has no English UI leftovers", () => {
    const text = visibleText(read(page));
    const found = ENGLISH.filter((w) => new RegExp(`\\b${w}\\b`, "i").test(text));
    expect(found).toEqual([]);
  });

  test("every in-page link has its anchor", () => {
    const html = read(page);
    const targets = attributes(html, "href").filter((h) => h.startsWith("#")).map((h) => h.slice(1));
    const have = ids(html);
    expect(targets.filter((t) => !have.has(t))).toEqual([]);
  });
});

test("the help page explains every reconciliation rule, by its id, with an anchor", () => {
  const html = read("index.html");
  const text = visibleText(html);
  const have = ids(html);
  expect(RULE_IDS.filter((id) => !text.includes(id))).toEqual([]);
  expect(RULE_IDS.filter((id) => !have.has(id))).toEqual([]);
});

test("the help page covers the sign convention, the sheets and deployment", () => {
  const text = visibleText(read("index.html"));
  for (const phrase of ["negative tall er innsparing", "millioner kroner", "regnskap 2024", "budsjett 2025", "−0,25 blir −0,3", "aldri overskrevet", "BASE_URL"]) {
    expect(text).toContain(phrase);
  }
  for (const sheet of ["Tiltak", "Detaljer", "Oppsummering", "Avvik"]) expect(text).toMatch(new RegExp(`\\b${sheet}\\b`));
});

test("every @helpurl anchor in src/functions/functions.ts exists in funksjoner.html", () => {
  const source = readFileSync(join(ROOT, "src", "functions", "functions.ts"), "utf8");
  const anchors = [...source.matchAll(/@helpurl\s+\S*\/help\/funksjoner\.html#([^\s*]+)/g)].map((m) => m[1]!);
  const helpUrls = [...source.matchAll(/@helpurl\b/g)].length;
  expect(anchors.length).toBeGreaterThan(0);
  expect(anchors).toHaveLength(helpUrls); // every help link points into funksjoner.html with an anchor
  const have = ids(read("funksjoner.html"));
  expect(anchors.filter((a) => !have.has(a))).toEqual([]);
});
