// «Om tillegget»: what a support request needs to know (add-in, catalogue, Excel, requirement sets), read
// from Office where it can be and «ukjent» where it cannot. Pure apart from readAbout(), which reads Office.
import { ADDIN_VERSION, OFFICE_JS_SOURCE } from "../build-info";
import { CUSTOM_FUNCTIONS_RUNTIME, EXCEL_API_FLOOR, SHARED_RUNTIME } from "../excel/requirements";

export const UNKNOWN = "ukjent";

/** Which catalogue the add-in carries: the bundled Catalogue or the facts fixed at build time (catalogueInfo.ts). */
export interface CatalogueIdentity {
  readonly id: string;
  readonly version: string;
}

/** The versions probed for each requirement set (all of them published or announced). */
export const PROBED_SETS: Readonly<Record<string, readonly string[]>> = {
  ExcelApi: Array.from({ length: 20 }, (_, i) => `1.${i + 1}`),
  SharedRuntime: ["1.1"],
  CustomFunctionsRuntime: ["1.1", "1.2", "1.3", "1.4"],
};

export interface AboutInfo {
  readonly addinVersion: string;
  readonly catalogueId: string;
  readonly catalogueVersion: string;
  /** Office.context.diagnostics.platform ("PC", "OfficeOnline", "Mac", …), null when unknown. */
  readonly platform: string | null;
  /** Office.context.diagnostics.version ("16.0.18000.10000"), null when unknown. */
  readonly officeVersion: string | null;
  /** Supported versions per probed set; null when the host cannot be asked (outside Office). */
  readonly sets: Readonly<Record<string, readonly string[]>> | null;
  readonly officeJs: "cdn" | "local";
}

type IsSetSupported = (name: string, version: string) => boolean;

/** Which of the probed versions the host supports. A throwing host counts as not supporting. */
export function probeSets(isSetSupported: IsSetSupported): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, versions] of Object.entries(PROBED_SETS)) {
    out[name] = versions.filter((v) => {
      try {
        return isSetSupported(name, v) === true;
      } catch {
        return false;
      }
    });
  }
  return out;
}

const minor = (v: string): number => Number(v.split(".")[1] ?? 0);

/** "ExcelApi 1.1–1.17"; gaps give several ranges ("ExcelApi 1.1–1.3, 1.5"); none gives "". */
export function formatSet(name: string, versions: readonly string[]): string {
  const sorted = [...versions].sort((a, b) => minor(a) - minor(b));
  const runs: string[][] = [];
  for (const v of sorted) {
    const last = runs[runs.length - 1];
    if (last && minor(last[last.length - 1] as string) + 1 === minor(v)) last.push(v);
    else runs.push([v]);
  }
  if (runs.length === 0) return "";
  return `${name} ${runs.map((r) => (r.length === 1 ? r[0] : `${r[0]}–${r[r.length - 1]}`)).join(", ")}`;
}

const PLATFORMS: Readonly<Record<string, string>> = {
  PC: "Excel for Windows",
  OfficeOnline: "Excel på nettet",
  Mac: "Excel for Mac",
  iOS: "Excel for iPad",
  Android: "Excel for Android",
  Universal: "Excel for Windows (Universal)",
};

export interface AboutLine {
  readonly label: string;
  readonly value: string;
}

/** The rows shown in the pane, in order; the copied text is the same rows as "label: value". */
export function aboutLines(info: AboutInfo): AboutLine[] {
  const platform = info.platform ? `${PLATFORMS[info.platform] ?? info.platform} (${info.platform})` : null;
  const excel = platform || info.officeVersion ? [platform ?? UNKNOWN, info.officeVersion ? `versjon ${info.officeVersion}` : null].filter(Boolean).join(", ") : UNKNOWN;
  const sets = info.sets
    ? Object.keys(PROBED_SETS)
        .map((name) => formatSet(name, info.sets?.[name] ?? []))
        .filter((s) => s !== "")
        .join(", ") || "ingen"
    : UNKNOWN;
  return [
    { label: "Tillegg", value: `Tiltaksmeny ${info.addinVersion}` },
    { label: "Katalog", value: `${info.catalogueId} versjon ${info.catalogueVersion}` },
    { label: "Excel", value: excel },
    { label: "Støttede kravsett", value: sets },
    { label: "Minstekrav", value: `ExcelApi ${EXCEL_API_FLOOR}, SharedRuntime ${SHARED_RUNTIME}, CustomFunctionsRuntime ${CUSTOM_FUNCTIONS_RUNTIME}` },
    { label: "office.js", value: info.officeJs === "cdn" ? "Microsofts CDN" : "lokal kopi" },
  ];
}

/** Plain text for a support request: a title line, then one "label: value" line per row. */
export function aboutText(info: AboutInfo): string {
  return ["Tiltaksmeny – om tillegget", ...aboutLines(info).map((l) => `${l.label}: ${l.value}`)].join("\n");
}

interface OfficeLike {
  context?: {
    diagnostics?: { platform?: unknown; version?: unknown } | null;
    requirements?: { isSetSupported?: (name: string, version?: string) => boolean } | null;
  } | null;
}

/** Reads the facts from Office (globalThis.Office unless given); anything missing or throwing is unknown. */
export function readAbout(catalogue: CatalogueIdentity, office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office): AboutInfo {
  let platform: string | null = null;
  let officeVersion: string | null = null;
  let sets: Record<string, string[]> | null = null;
  try {
    const d = office?.context?.diagnostics;
    if (typeof d?.platform === "string" && d.platform) platform = d.platform;
    if (typeof d?.version === "string" && d.version) officeVersion = d.version;
  } catch {
    // office.js outside Office may throw on context access: unknown.
  }
  try {
    const r = office?.context?.requirements;
    if (r && typeof r.isSetSupported === "function") sets = probeSets((name, v) => r.isSetSupported?.(name, v) === true);
  } catch {
    sets = null;
  }
  return {
    addinVersion: ADDIN_VERSION,
    catalogueId: catalogue.id,
    catalogueVersion: catalogue.version,
    platform,
    officeVersion,
    sets,
    officeJs: OFFICE_JS_SOURCE,
  };
}
