// Frozen versions, decided without Excel: names, the values-only rows, the comparison row, removal.
import { DEFAULT_TABLE_NAMES } from "./layout";
import { NOW_LABEL } from "./layout/versions";
import { comparisonRow, frozenAt, frozenRows, missingForFreeze, removal, versionMeasures, versionNameProblem, versionsIn } from "./versions";

describe("a version's name", () => {
  test("non-empty, at most 60 characters, unique regardless of case, no wildcard, not the «Nå» row's", () => {
    const taken = ["Vedtatt budsjett 2026"];
    expect(versionNameProblem("Status 1. tertial 2026", taken)).toBeNull();
    expect(versionNameProblem("  ", taken)).toMatch(/^Gi versjonen et navn/);
    expect(versionNameProblem("x".repeat(60), taken)).toBeNull();
    expect(versionNameProblem("x".repeat(61), taken)).toContain("høyst 60 tegn (dette har 61)");
    expect(versionNameProblem(" vedtatt BUDSJETT 2026 ", taken)).toContain("finnes allerede");
    for (const w of ["Status*", "Status?", "Status~1"]) expect(versionNameProblem(w, taken)).toContain("jokertegn");
    expect(versionNameProblem("Linje\nskift", taken)).toContain("linjeskift");
    expect(versionNameProblem(NOW_LABEL.toUpperCase(), taken)).toContain("dagens tall");
  });

  test("«Frosset» is local time to the minute", () => {
    expect(frozenAt(new Date(2026, 4, 2, 9, 5))).toBe("2026-05-02 09:05");
  });
});

describe("the rows a version saves", () => {
  const follow = {
    header: ["Nr", "Tiltak", "Gruppe", "År", "Status", "Signal", "Risiko", "Plan", "Realisert 30.04", "Realisert 31.08", "Realisert", "Prognose helår", "Forventet", "Avvik", "Kommentar", "Katalog"],
    values: [
      ["2.10", "- Ny turnus", 2, 2026, "Forsinket", 2, "Høy", -1.2, -0.3, "", "", -1, -1, "", "x", "I katalogen"],
      ["1.1", "A", 1, 2026, "", "", "", "#N/A", "", "", 0, "", 0, "", "", "I katalogen"],
      ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    ],
  };
  const versionsHeader = ["Versjon", "Frosset", "Nr", "Tiltak", "Gruppe", "År", "Status", "Signal", "Plan", "Realisert 30.04", "Realisert 31.08", "Realisert", "Prognose helår", "Forventet", "Notat"];

  test("values only, in Versjoner's own column order; text stays text, #N/A stays unknown, blank rows skipped", () => {
    const rows = frozenRows(" Status 1. tertial 2026 ", "2026-05-10 14:30", follow, versionsHeader);
    expect(rows).toEqual([
      ["Status 1. tertial 2026", "2026-05-10 14:30", "'2.10", "'- Ny turnus", 2, 2026, "Forsinket", 2, -1.2, -0.3, "", "", -1, -1, ""],
      ["Status 1. tertial 2026", "2026-05-10 14:30", "'1.1", "A", 1, 2026, "", "", { formula: "=NA()" }, "", "", 0, "", 0, ""],
    ]);
  });

  test("an Oppfølging without the tertial columns cannot be frozen (upgrade first)", () => {
    expect(missingForFreeze(follow.header)).toEqual([]);
    expect(missingForFreeze(["Nr", "Tiltak", "Gruppe", "År", "Plan", "Realisert", "Avvik", "Kommentar"])).toEqual(["Status", "Signal", "Realisert 30.04", "Realisert 31.08", "Prognose helår", "Forventet"]);
  });

  test("the versions a table holds, in the order they were frozen, and what one holds for a year", () => {
    const values = [
      ["Vedtatt budsjett 2026", "2026-01-15 09:00", "1.1", "A", 1, 2026],
      ["Vedtatt budsjett 2026", "2026-01-15 09:00", "1.1", "A", 1, 2027],
      ["Status 1. tertial 2026", "2026-05-10 14:30", "1.1", "A", 1, 2026],
      ["", "", "", "", "", ""],
    ];
    const header = versionsHeader.slice(0, 6);
    expect(versionsIn(header, values)).toEqual([
      { name: "Vedtatt budsjett 2026", frozen: "2026-01-15 09:00", rows: 2 },
      { name: "Status 1. tertial 2026", frozen: "2026-05-10 14:30", rows: 1 },
    ]);
    expect([...versionMeasures(header, values, "vedtatt budsjett 2026", 2027)]).toEqual([["1.1", "A"]]);
  });
});

describe("the comparison row", () => {
  test("a version's figures from Versjoner, the «Nå» row's from Oppfølging, in the table's column order", () => {
    const header = ["Versjon", "Frosset", "Forrige", "Plan", "Realisert hittil", "Forventet", "Behov for budsjettjustering", "Endring plan", "Endring forventet", "Notat"];
    const v = comparisonRow(DEFAULT_TABLE_NAMES, header, { name: "Status 1. tertial 2026", frozen: "2026-05-10 14:30" }, "Vedtatt budsjett 2026");
    expect(v.slice(0, 3)).toEqual(["Status 1. tertial 2026", "2026-05-10 14:30", "Vedtatt budsjett 2026"]);
    const yr = "INDEX(Rapportvalg[År],1)";
    expect(v[3]).toEqual({ formula: `=SUMIFS(Versjoner[Plan],Versjoner[År],${yr},Versjoner[Versjon],"="&[@Versjon])` });
    expect((v[4] as { formula: string }).formula).toBe(
      `=IF(INDEX(Rapportvalg[Tertial],1)="1. tertial",SUMIFS(Versjoner[[Realisert 30.04]],Versjoner[År],${yr},Versjoner[Versjon],"="&[@Versjon]),` +
        `IF(INDEX(Rapportvalg[Tertial],1)="2. tertial",SUMIFS(Versjoner[[Realisert 31.08]],Versjoner[År],${yr},Versjoner[Versjon],"="&[@Versjon]),` +
        `SUMIFS(Versjoner[Realisert],Versjoner[År],${yr},Versjoner[Versjon],"="&[@Versjon])))`,
    );
    expect(v[6]).toEqual({ formula: "=[@Plan]-[@Forventet]" });
    expect(v[7]).toEqual({ formula: `=IF([@Forrige]="","",[@Plan]-SUMIFS(Versjoner[Plan],Versjoner[År],${yr},Versjoner[Versjon],"="&[@Forrige]))` });
    expect(v[9]).toBe("");
    const now = comparisonRow(DEFAULT_TABLE_NAMES, header, null, "Status 1. tertial 2026");
    expect(now.slice(0, 4)).toEqual([NOW_LABEL, "", "Status 1. tertial 2026", { formula: `=SUMIFS(Oppfolging[Plan],Oppfolging[År],${yr})` }]);
  });
});

describe("removing rows from a table", () => {
  test("bottom-up runs, so one deletion never moves the next", () => {
    expect(removal(10, [2, 3, 4, 7, 9])).toEqual({ deleteRuns: [{ from: 9, count: 1 }, { from: 7, count: 1 }, { from: 2, count: 3 }], clear: [] });
  });

  test("a table keeps one body row: removing every row clears the first instead", () => {
    expect(removal(3, [0, 1, 2])).toEqual({ deleteRuns: [{ from: 1, count: 2 }], clear: [0] });
    expect(removal(3, [])).toEqual({ deleteRuns: [], clear: [] });
  });
});
