import { freeName } from "./insertPlan";
import { excelNameProblem, looksLikeCellReference } from "./names";

describe("Excel's name rules (support.microsoft.com, Names in formulas)", () => {
  test.each(["A1", "HOP2", "hop2", "XFD1048576", "Tiltak1".slice(0, 3) + "1", "R", "C", "r", "R1", "C3", "RC", "R1C1", "R12C345"])("%s reads as a cell reference", (n) => {
    expect(looksLikeCellReference(n)).toBe(true);
    expect(excelNameProblem(n)).toBe("cellereferanse");
  });

  test.each(["XFE1", "A1048577", "A0", "HOP", "HOP_2", "Tiltak2", "Tiltakslinjer_2", "RC_1", "R1C1x", "Avvik"])("%s is not a cell reference", (n) => {
    expect(looksLikeCellReference(n)).toBe(false);
  });

  test.each([
    ["2025", "tegn"],
    ["Med mellomrom", "tegn"],
    ["", "lengde"],
    ["x".repeat(256), "lengde"],
    ["_ok.navn\\", null],
    ["Økonomi", null],
  ])("%s → %s", (n, problem) => {
    expect(excelNameProblem(n)).toBe(problem);
  });
});

describe("free names for the add-in's tables", () => {
  test("a taken HOP becomes HOP_2, never HOP2 (a cell) — and the suffix skips taken names", () => {
    expect(freeName("HOP", new Set(["hop"]), "table")).toBe("HOP_2");
    expect(freeName("HOP", new Set(["hop", "hop_2"]), "table")).toBe("HOP_3");
    expect(freeName("Tiltak", new Set(["tiltak"]), "table")).toBe("Tiltak_2");
  });

  test("a free but unusable wanted name is never returned", () => {
    expect(freeName("C", new Set(), "table")).toBe("C_2");
  });

  test("sheets get Excel's own (2) suffix within 31 characters", () => {
    expect(freeName("Oppfølging", new Set(["oppfølging"]), "sheet")).toBe("Oppfølging (2)");
    expect(freeName("x".repeat(31), new Set(["x".repeat(31)]), "sheet")).toHaveLength(31);
  });
});
