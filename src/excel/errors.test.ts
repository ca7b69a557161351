import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CatalogueError } from "../domain/validate";
import { loadCatalogue } from "../domain/catalogue";
import { AddinError, errorDetails, excelErrorMessage, hasMessage } from "./errors";

// The tables of error codes in "Error handling with the application-specific JavaScript APIs"
// (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling,
// ms.date 06/23/2025): the common table and the Excel-specific one. Kept here because tests run offline.
const DOCUMENTED = [
  "AccessDenied", "ActivityLimitReached", "ApiNotAvailable", "ApiNotFound", "BadPassword", "Conflict",
  "ContentLengthRequired", "GeneralException", "HostRestartNeeded", "InsertDeleteConflict", "InvalidArgument",
  "InvalidBinding", "InvalidOperation", "InvalidReference", "InvalidRequest", "InvalidRibbonDefinition",
  "InvalidSelection", "ItemAlreadyExists", "ItemNotFound", "MemoryLimitReached", "NotImplemented", "RequestAborted",
  "RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "ServiceNotAvailable", "Unauthenticated",
  "UnsupportedFeature", "UnsupportedOperation",
  // Excel-specific
  "EmptyChartSeries", "FilteredRangeConflict", "FormulaLengthExceedsLimit", "GeneralException", "InactiveWorkbook",
  "InvalidOperationInCellEditMode", "MergedRangeConflict", "NonBlankCellOffSheet", "OperationCellsExceedLimit",
  "PivotTableRangeConflict", "RangeExceedsLimit", "RefreshWorkbookLinksBlocked", "UndoNotSupported", "UnsupportedSheet",
]; // prettier-ignore

/** The string values of an `enum ErrorCodes` / `class ErrorCodes` block in @types/office-js, for one namespace. */
function typedCodes(namespace: "Excel" | "OfficeExtension"): string[] {
  const dts = readFileSync(join(__dirname, "../../node_modules/@types/office-js/index.d.ts"), "utf8");
  const start = dts.indexOf(`declare namespace ${namespace} {`);
  const block = dts.slice(dts.indexOf("ErrorCodes {", start), dts.indexOf("}", dts.indexOf("ErrorCodes {", start)));
  if (namespace === "Excel") return [...block.matchAll(/=\s*"(\w+)"/g)].map((m) => m[1]!);
  // OfficeExtension declares `public static camelCase: string`; office.js's values are the PascalCase names.
  return [...block.matchAll(/static (\w+):/g)].map((m) => m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1));
}

describe("excelErrorMessage", () => {
  test("every error code Microsoft documents, and every code the typings declare, has a Norwegian text", () => {
    const excel = typedCodes("Excel");
    const common = typedCodes("OfficeExtension");
    expect(excel).toContain("InvalidOperationInCellEditMode"); // the parse found the real enum
    expect(common).toContain("InvalidObjectPath");
    const missing = [...new Set([...DOCUMENTED, ...excel, ...common])].filter((code) => !hasMessage(code));
    expect(missing).toEqual([]);
  });

  test("the codes that had no text now have their own, not the fallback", () => {
    const fallback = excelErrorMessage({ code: "NoSuchCode" });
    for (const code of ["InvalidOperationInCellEditMode", "InvalidSelection", "FilteredRangeConflict", "ResponsePayloadSizeLimitExceeded"]) {
      expect(excelErrorMessage({ code })).not.toBe(fallback);
    }
    expect(excelErrorMessage({ code: "InvalidOperationInCellEditMode" })).toMatch(/redigerer en celle.*Enter/);
    expect(excelErrorMessage({ code: "FilteredRangeConflict" })).toMatch(/filter/i);
  });

  test("a code named like one of Object's members is unknown: the fallback text, never a function", () => {
    const fallback = excelErrorMessage({ code: "NoSuchCode" });
    for (const code of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      expect(excelErrorMessage({ code })).toBe(fallback);
      expect(excelErrorMessage(new AddinError(code))).toBe(fallback);
    }
  });

  test("a CatalogueError keeps its own Norwegian message with the path", () => {
    let err: unknown;
    try {
      loadCatalogue('{ "schemaVersion": 2 }');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CatalogueError);
    expect(excelErrorMessage(err)).toBe((err as CatalogueError).message);
    expect(excelErrorMessage(err)).toMatch(/^Ugyldig tiltakskatalog: schemaVersion: forventet 1, fikk 2/);
  });

  test("Excel's own message is never shown", () => {
    expect(excelErrorMessage({ code: "GeneralException", message: "Internal error 0x80004005" })).not.toContain("Internal");
    expect(excelErrorMessage(new Error("boom"))).not.toContain("boom");
  });
});

describe("errorDetails: what the pane may say beyond the message", () => {
  test("«as before» only when nothing was written or the rollback verified it", () => {
    expect(errorDetails({ code: "InsertRefused", reasons: ["a"] })).toEqual({ asBefore: true, lines: ["a"] });
    expect(errorDetails({ code: "GeneralException", outcome: { restored: true, left: [] } })).toEqual({ asBefore: true, lines: [] });
    expect(errorDetails({ code: "GeneralException", outcome: { restored: false, left: ["Arket «X» står igjen."] } })).toEqual({ asBefore: false, lines: ["Arket «X» står igjen."] });
    expect(errorDetails({ code: "GeneralException" })).toEqual({ asBefore: null, lines: [] });
    expect(errorDetails("boom")).toEqual({ asBefore: null, lines: [] });
  });
});
