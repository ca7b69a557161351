// Requirement sets of the Excel API members, read from the `[Api set: ExcelApi 1.N]` annotations of
// @types/office-js (the reference docs' own text), so the fake host refuses what a host below a set
// lacks: learn.microsoft.com/office/dev/add-ins/develop/office-versions-and-requirement-sets

// The browser build of the fake host (e2e) gets the table baked in by esbuild's `define`.
declare const __EXCEL_API_SETS__: Record<string, number> | undefined;

/** Minor version standing for "only in ExcelApiOnline": above every desktop set. */
export const ONLINE_ONLY = 999;

let cache: Map<string, number> | null = null;

/** "Class.member" → ExcelApi minor version (1.N → N); members only in ExcelApiOnline map to ONLINE_ONLY. */
export function excelApiSets(): Map<string, number> {
  if (cache) return cache;
  if (typeof __EXCEL_API_SETS__ === "object") return (cache = new Map(Object.entries(__EXCEL_API_SETS__)));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readFileSync } = require("node:fs") as typeof import("node:fs");
  const text = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
  const start = text.indexOf("\ndeclare namespace Excel {");
  const end = text.indexOf("\ndeclare namespace", start + 10);
  const lines = text.slice(start, end).split("\n");
  const map = new Map<string, number>();
  let cls: string | null = null;
  let set: number | null = null;
  for (const line of lines) {
    const c = /^ {4}(?:export )?(?:abstract )?class (\w+)/.exec(line);
    if (c) {
      cls = c[1] as string;
      set = null;
      continue;
    }
    if (/^ {4}\S/.test(line)) cls = null;
    if (!cls) continue;
    const a = /\[Api set: (ExcelApi(?:Online)?) (\d+)\.(\d+)/.exec(line);
    if (a) set = a[1] === "ExcelApiOnline" ? ONLINE_ONLY : Number(a[3]);
    const m = /^ {8}(?:readonly )?(?:get |set )?(\w+)\??[(:<]/.exec(line);
    if (m && set !== null) {
      const key = `${cls}.${m[1]}`;
      // Overloads share one name; the lowest set is the member's floor.
      map.set(key, Math.min(map.get(key) ?? Infinity, set));
      set = null;
    }
  }
  cache = map;
  return map;
}

/** esbuild options that bundle the fake host for the browser with the requirement-set table baked in. */
export function browserBundleOptions(): { define: Record<string, string>; external: string[] } {
  return { define: { __EXCEL_API_SETS__: JSON.stringify(Object.fromEntries(excelApiSets())) }, external: ["node:fs"] };
}
