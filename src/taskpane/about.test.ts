import { bundledCatalogue } from "../data/bundled";
import { ADDIN_VERSION } from "../build-info";
import { aboutLines, aboutText, formatSet, probeSets, readAbout, type AboutInfo } from "./about";

const info: AboutInfo = {
  addinVersion: "1.2.3",
  catalogueId: "elverum-omstilling-2025",
  catalogueVersion: "2025.1.0",
  platform: "OfficeOnline",
  officeVersion: "16.0.18000.10000",
  sets: { ExcelApi: ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12"], SharedRuntime: ["1.1"], CustomFunctionsRuntime: ["1.1", "1.2", "1.3"] },
  officeJs: "cdn",
};

describe("formatSet", () => {
  test("contiguous versions become one range, sorted numerically (1.10 after 1.9)", () => {
    expect(formatSet("ExcelApi", ["1.10", "1.9", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.11", "1.12", "1.13", "1.14", "1.15", "1.16", "1.17"])).toBe("ExcelApi 1.1–1.17");
  });
  test("gaps give several ranges; one version stays one; none is empty", () => {
    expect(formatSet("ExcelApi", ["1.1", "1.2", "1.3", "1.5"])).toBe("ExcelApi 1.1–1.3, 1.5");
    expect(formatSet("SharedRuntime", ["1.1"])).toBe("SharedRuntime 1.1");
    expect(formatSet("CustomFunctionsRuntime", [])).toBe("");
  });
});

describe("probeSets", () => {
  test("asks for ExcelApi 1.1–1.20, SharedRuntime 1.1 and CustomFunctionsRuntime 1.1–1.4, and keeps what the host supports", () => {
    const asked: string[] = [];
    const sets = probeSets((name, v) => {
      asked.push(`${name} ${v}`);
      if (name === "ExcelApi") return Number(v.split(".")[1]) <= 17;
      if (name === "CustomFunctionsRuntime") return v !== "1.4";
      if (v === "1.1" && name === "SharedRuntime") throw new Error("host fault");
      return false;
    });
    expect(asked).toContain("ExcelApi 1.20");
    expect(asked).toContain("CustomFunctionsRuntime 1.4");
    expect(asked).not.toContain("ExcelApi 1.21");
    expect(sets.ExcelApi).toHaveLength(17);
    expect(sets.SharedRuntime).toEqual([]); // a throwing host counts as "no"
    expect(sets.CustomFunctionsRuntime).toEqual(["1.1", "1.2", "1.3"]);
  });
});

describe("aboutText", () => {
  test("one line per fact, Norwegian labels, platform named and versions as ranges", () => {
    expect(aboutText(info)).toBe(
      [
        "Tiltaksmeny – om tillegget",
        "Tillegg: Tiltaksmeny 1.2.3",
        "Katalog: elverum-omstilling-2025 versjon 2025.1.0",
        "Excel: Excel på nettet (OfficeOnline), versjon 16.0.18000.10000",
        "Støttede kravsett: ExcelApi 1.1–1.12, SharedRuntime 1.1, CustomFunctionsRuntime 1.1–1.3",
        "Minstekrav: ExcelApi 1.4, SharedRuntime 1.1, CustomFunctionsRuntime 1.3",
        "office.js: Microsofts CDN",
      ].join("\n"),
    );
  });

  test("outside Office: platform, version and sets are «ukjent»; a local office.js says so", () => {
    const text = aboutText({ ...info, platform: null, officeVersion: null, sets: null, officeJs: "local" });
    expect(text).toContain("Excel: ukjent\n");
    expect(text).toContain("Støttede kravsett: ukjent\n");
    expect(text).toContain("office.js: lokal kopi");
  });

  test("a host that supports none of the probed sets says «ingen»; an unknown platform is shown as given", () => {
    const lines = aboutLines({ ...info, platform: "Holo", officeVersion: null, sets: { ExcelApi: [], SharedRuntime: [], CustomFunctionsRuntime: [] } });
    expect(lines.find((l) => l.label === "Excel")?.value).toBe("Holo (Holo)");
    expect(lines.find((l) => l.label === "Støttede kravsett")?.value).toBe("ingen");
  });
});

describe("readAbout", () => {
  test("reads diagnostics and requirement sets from Office, the rest from the build and the catalogue", () => {
    const office = {
      context: {
        diagnostics: { platform: "PC", version: "16.0.17928.20114" },
        requirements: { isSetSupported: (name: string, v?: string) => name === "ExcelApi" && Number((v ?? "1.1").split(".")[1]) <= 3 },
      },
    };
    const got = readAbout(bundledCatalogue, office);
    expect(got).toMatchObject({ platform: "PC", officeVersion: "16.0.17928.20114", addinVersion: ADDIN_VERSION, catalogueId: "elverum-omstilling-2025" });
    expect(got.catalogueVersion).toBe(bundledCatalogue.version);
    expect(got.sets?.ExcelApi).toEqual(["1.1", "1.2", "1.3"]);
    expect(aboutLines(got).find((l) => l.label === "Excel")?.value).toBe("Excel for Windows (PC), versjon 16.0.17928.20114");
  });

  test("without Office, or when Office throws, everything host-related is unknown", () => {
    expect(readAbout(bundledCatalogue, undefined)).toMatchObject({ platform: null, officeVersion: null, sets: null });
    const throwing = {
      get context(): never {
        throw new Error("Office.context is not available outside Office");
      },
    };
    expect(readAbout(bundledCatalogue, throwing)).toMatchObject({ platform: null, officeVersion: null, sets: null });
  });
});
