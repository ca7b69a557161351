// Every Office.js member src/ uses needs a requirement set at or below what the manifest declares
// (ExcelApi EXCEL_API_FLOOR, CustomFunctionsRuntime CUSTOM_FUNCTIONS_RUNTIME), or sits behind a
// supports("1.N") guard that covers it. The sets come from the annotations in @types/office-js and
// @types/custom-functions-runtime (see test/api-usage.ts for the analyser and the guard forms).
import * as path from "node:path";
import { CUSTOM_FUNCTIONS_RUNTIME, EXCEL_API_FLOOR } from "../src/excel/requirements";
import { ApiUsageAnalyser, compareVersions, createAnalysisProgram, describeUsage, parseAnnotation, summary, verdict, violations, type Usage } from "./api-usage";

const projectDir = path.resolve(__dirname, "..");
const limits = { excelApiFloor: EXCEL_API_FLOOR, customFunctionsRuntime: CUSTOM_FUNCTIONS_RUNTIME };

// Self-test sources: a line ending in `// ✗ Member Set Version` must be reported as needing that set
// without a sufficient guard; `// ✓ Member Set Version` must be found with that set and be allowed.
// Lines without a marker must not be reported.
const SNIPPETS: Record<string, string> = {
  "test/.api-sets-selftest/guards.ts": String.raw`
declare function supports(version: string): boolean;

export function unguarded(range: Excel.Range, sheet: Excel.Worksheet, table: Excel.Table, app: Excel.Application): void {
  range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType); // ✗ Range.conditionalFormats ExcelApi 1.6
  sheet.freezePanes.freezeRows(1); // ✗ Worksheet.freezePanes ExcelApi 1.7
  app.calculationMode = "Manual" as Excel.CalculationMode; // ✗ Application.calculationMode ExcelApi 1.8
  void app.calculationMode; // ✓ Application.calculationMode ExcelApi 1.1
  table.rows.add(undefined, [["a"]], true); // ✗ TableRowCollection.add ExcelApi 1.15
  table.rows.add(undefined, [["a"], ["b"]]); // ✓ TableRowCollection.add ExcelApi 1.4
  table.rows.add(); // ✓ TableRowCollection.add ExcelApi 1.1
  range.load("address,dataValidation/rule"); // ✗ Range.dataValidation ExcelApi 1.8
  range.load(["values", "format/columnWidth"]); // ✓ RangeFormat.columnWidth ExcelApi 1.2
  sheet.load("items/name"); // ✗ Worksheet.items (unknown property) ? ?
  range.format.columnWidth = 20; // ✓ RangeFormat.columnWidth ExcelApi 1.2
  sheet.protection.protect(undefined, "secret"); // ✗ WorksheetProtection.protect ExcelApi 1.7
  sheet.protection.protect({ allowSort: true }); // ✓ WorksheetProtection.protect ExcelApi 1.2
  sheet.tables.add("A1:B2", true); // ✓ TableCollection.add ExcelApi 1.1
  sheet.tables.add(range, true); // ✓ TableCollection.add ExcelApi 1.3
  void range["conditionalFormats"]; // ✗ Range.conditionalFormats ExcelApi 1.6
}

export function union(target: Excel.Range | Excel.RangeAreas): void {
  if (!supports("1.6")) return;
  void target.conditionalFormats; // ✗ Range|RangeAreas.conditionalFormats ExcelApi 1.9
}

export function thenBranch(range: Excel.Range): void {
  if (supports("1.6")) {
    range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType); // ✓ Range.conditionalFormats ExcelApi 1.6
  }
  range.conditionalFormats.clearAll(); // ✗ Range.conditionalFormats ExcelApi 1.6
  if (supports("1.5")) range.conditionalFormats.clearAll(); // ✗ Range.conditionalFormats ExcelApi 1.6
  if (!supports("1.6")) range.format.columnWidth = 1;
  else range.conditionalFormats.clearAll(); // ✓ Range.conditionalFormats ExcelApi 1.6
}

export function earlyReturn(range: Excel.Range, rule: unknown): void {
  if (!rule || !supports("1.8")) return;
  range.dataValidation.clear(); // ✓ Range.dataValidation ExcelApi 1.8
  if (rule) {
    range.dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } }; // ✓ DataValidationRule.list ExcelApi 1.8
  }
}

export function earlyReturnTooLow(sheet: Excel.Worksheet): boolean {
  if (!supports("1.6")) return false;
  sheet.freezePanes.freezeRows(1); // ✗ Worksheet.freezePanes ExcelApi 1.7
  return true;
}

export function earlyReturnDoesNotLeak(sheet: Excel.Worksheet, flag: boolean): void {
  if (flag) {
    if (!supports("1.7")) return;
    sheet.freezePanes.freezeRows(1); // ✓ Worksheet.freezePanes ExcelApi 1.7
  }
  sheet.freezePanes.unfreeze(); // ✗ Worksheet.freezePanes ExcelApi 1.7
}

export async function callbackInGuardedFunction(table: Excel.Table, handler: () => void): Promise<void> {
  if (!supports("1.7") || !table) return;
  await Excel.run(async () => {
    table.onChanged.add(async () => handler()); // ✓ Table.onChanged ExcelApi 1.7
  });
}

export function conditions(sheet: Excel.Worksheet, app: Excel.Application, range: Excel.Range, top: number): unknown {
  if (top === 0 && supports("1.7")) sheet.freezePanes.freezeRows(1); // ✓ Worksheet.freezePanes ExcelApi 1.7
  if (top === 0 || supports("1.7")) sheet.freezePanes.freezeRows(1); // ✗ Worksheet.freezePanes ExcelApi 1.7
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.7")) sheet.freezePanes.unfreeze(); // ✓ Worksheet.freezePanes ExcelApi 1.7
  if (supports("1.6")) app.suspendApiCalculationUntilNextSync(); // ✓ Application.suspendApiCalculationUntilNextSync ExcelApi 1.6
  const a = supports("1.6")
    ? range.conditionalFormats // ✓ Range.conditionalFormats ExcelApi 1.6
    : range.conditionalFormats; // ✗ Range.conditionalFormats ExcelApi 1.6
  const b = !supports("1.6") ? null : range.conditionalFormats; // ✓ Range.conditionalFormats ExcelApi 1.6
  return [a, b];
}

export function customFunctions(inv: CustomFunctions.Invocation): unknown {
  void inv.isInValuePreview; // ✗ CustomFunctions.Invocation.isInValuePreview CustomFunctionsRuntime 1.5
  void inv.address; // ✓ CustomFunctions.Invocation.address CustomFunctionsRuntime 1.1
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "x"); // ✓ CustomFunctions.ErrorCode.notAvailable CustomFunctionsRuntime 1.3
}

export async function common(): Promise<string> {
  await Office.addin.showAsTaskpane(); // ✓ Office.Addin.showAsTaskpane SharedRuntime 1.1
  return Office.context.diagnostics.version;
}
`,
};

interface Marker {
  readonly file: string;
  readonly line: number;
  readonly ok: boolean;
  readonly member: string;
  readonly set: string;
}

function markers(): Marker[] {
  return Object.entries(SNIPPETS).flatMap(([file, text]) =>
    text.split("\n").flatMap((l, i) => {
      const m = /\/\/ ([✓✗]) (\S+(?: \(unknown property\))?) (\S+ \S+)\s*$/.exec(l);
      return m ? [{ file, line: i + 1, ok: m[1] === "✓", member: m[2] as string, set: m[3] as string }] : [];
    }),
  );
}

const { program, files, extraFiles } = createAnalysisProgram(projectDir, SNIPPETS);
let srcUsages: Usage[] = [];
let selfUsages: Usage[] = [];

beforeAll(() => {
  srcUsages = new ApiUsageAnalyser(program, projectDir).analyse(files);
  selfUsages = new ApiUsageAnalyser(program, projectDir).analyse(extraFiles);
});

describe("the analyser (self-test on inline sources)", () => {
  test("the self-test sources type-check, so every member resolves to its Office.js declaration", () => {
    const diagnostics = extraFiles.flatMap((sf) => program.getSemanticDiagnostics(sf).concat(program.getSyntacticDiagnostics(sf)));
    expect(diagnostics.map((d) => `${d.start}: ${typeof d.messageText === "string" ? d.messageText : d.messageText.messageText}`)).toEqual([]);
  });

  test("reports exactly the unguarded members above the floor, and finds the guarded ones", () => {
    const ms = markers();
    expect(ms.filter((m) => !m.ok).length).toBeGreaterThanOrEqual(10);
    expect(ms.filter((m) => m.ok).length).toBeGreaterThanOrEqual(15);
    const problems: string[] = [];
    const at = (m: { file: string; line: number }) => selfUsages.filter((u) => u.file === m.file && u.line === m.line);
    const setOf = (u: Usage) => (u.set ? `${u.set.name} ${u.set.version}` : "no set");
    for (const m of ms) {
      const hits = at(m).filter((u) => u.member.startsWith(m.member.replace(/ \(unknown property\)$/, "")) && setOf(u) === m.set);
      if (hits.length === 0) {
        problems.push(`${m.file}:${m.line} fant ikke ${m.member} med ${m.set}; fant: ${at(m).map(describeUsage).join("; ") || "ingenting"}`);
      } else if (m.ok && hits.some((u) => verdict(u, limits) !== null)) {
        problems.push(`${m.file}:${m.line} ${m.member} skulle vært godtatt: ${hits.map((u) => verdict(u, limits)).join("; ")}`);
      } else if (!m.ok && hits.every((u) => verdict(u, limits) === null)) {
        problems.push(`${m.file}:${m.line} ${m.member} skulle vært rapportert`);
      }
    }
    // No reports on lines without a ✗ marker.
    const flagged = new Set(ms.filter((m) => !m.ok).map((m) => `${m.file}:${m.line}`));
    for (const v of violations(selfUsages, limits)) {
      if (!flagged.has(v.split(" ")[0] as string)) problems.push(`uventet rapport: ${v}`);
    }
    expect(problems).toEqual([]);
  });

  test("violation lines name the file, line, member, set and guard", () => {
    const lines = violations(selfUsages, limits);
    expect(lines).toContainEqual(expect.stringMatching(/^test\/\.api-sets-selftest\/guards\.ts:5 Range\.conditionalFormats needs ExcelApi 1\.6, not guarded$/));
    expect(lines).toContainEqual(expect.stringMatching(/guards\.ts:\d+ Range\.conditionalFormats needs ExcelApi 1\.6, guarded only by supports\("1\.5"\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/TableRowCollection\.add \(with alwaysInsert\) needs ExcelApi 1\.15, not guarded$/));
    expect(lines).toContainEqual(expect.stringMatching(/Application\.calculationMode \(set\) needs ExcelApi 1\.8, not guarded$/));
    expect(lines).toContainEqual(expect.stringMatching(/isInValuePreview needs CustomFunctionsRuntime 1\.5, the manifest declares 1\.3$/));
  });

  test("annotations: first version is the base; documented variants are kept", () => {
    expect(parseAnnotation("ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; 1.15 for adding `alwaysInsert` parameter.")).toEqual({
      base: { name: "ExcelApi", version: "1.1" },
      variants: [
        { version: "1.4", text: "1.4 allows adding of multiple rows" },
        { version: "1.15", text: "1.15 for adding `alwaysInsert` parameter." },
      ],
    });
    expect(parseAnnotation("ExcelApi 1.1 for get, 1.8 for set")?.variants).toEqual([{ version: "1.8", text: "1.8 for set" }]);
    expect(parseAnnotation("ExcelApi 1.1 for String,Integer,Double,Boolean,Range,Error; 1.7 for Array")?.base).toEqual({ name: "ExcelApi", version: "1.1" });
    expect(parseAnnotation("CustomFunctionsRuntime 1.3")).toEqual({ base: { name: "CustomFunctionsRuntime", version: "1.3" }, variants: [] });
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.4", "1.4")).toBe(0);
    expect(compareVersions("Preview", "1.20")).toBeGreaterThan(0);
  });
});

describe("src/ (the add-in's own code)", () => {
  test("the analyser finds a plausible number of Office.js members", () => {
    const excel = new Set(srcUsages.filter((u) => u.set?.name === "ExcelApi").map((u) => u.member));
    const cf = new Set(srcUsages.filter((u) => u.set?.name === "CustomFunctionsRuntime").map((u) => u.member));
    expect(files.some((f) => f.fileName.endsWith(path.join("src", "excel", "insert.ts")))).toBe(true);
    expect(files.some((f) => /\.test\.tsx?$/.test(f.fileName))).toBe(false);
    expect(excel.size).toBeGreaterThan(20);
    expect(cf.size).toBeGreaterThanOrEqual(2); // CustomFunctions.Error, ErrorCode members
  });

  test(`every ExcelApi member above ${EXCEL_API_FLOOR} is guarded, every CustomFunctionsRuntime member is at most ${CUSTOM_FUNCTIONS_RUNTIME}`, () => {
    const common = srcUsages.filter((u) => u.member.startsWith("Office.") || (u.set && !/^(ExcelApi|CustomFunctionsRuntime)$/.test(u.set.name)));
    console.log(
      [
        `Office.js-medlemmer i src/ (${srcUsages.length} bruk, ${new Set(srcUsages.map((u) => u.member)).size} medlemmer):`,
        ...summary(srcUsages.filter((u) => u.set && /^(ExcelApi|CustomFunctionsRuntime)$/.test(u.set.name))),
        ...(common.length ? ["Felles API (Office.*; rapporteres, feiler ikke):", ...summary(common)] : []),
      ].join("\n"),
    );
    expect(violations(srcUsages, limits)).toEqual([]);
  });
});
