import catalogueJson from "../data/catalogue.json";
import { loadCatalogue } from "./catalogue";
import { planInsert, rowKey, storedForm, type ExistingTable, type WorkbookState } from "./insertPlan";
import { catalogueLayout, DEFAULT_TABLE_NAMES, findingsTable, safeText } from "./layout";
import { makeCatalogue, measure, row } from "../../test/fixtures";

const cat = loadCatalogue(catalogueJson);

test("every row's key is what its key columns say, and keys are unique per table", () => {
  for (const spec of catalogueLayout(cat).filter((t) => t.mode === "keyed")) {
    const keys = spec.rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of spec.rows) {
      const derived = rowKey(spec, (c) => storedForm(r.cells[spec.columns.findIndex((x) => x.name === c)]!));
      expect([spec.key, derived]).toEqual([spec.key, r.key]);
    }
    for (const c of spec.keyColumns) expect(spec.columns.map((x) => x.name)).toContain(c);
  }
});

test("text that Excel would run as a formula is stored as text", () => {
  expect(safeText("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
  expect(safeText("+47 1234")).toBe("'+47 1234");
  expect(safeText("@SUM(A1)")).toBe("'@SUM(A1)");
  expect(safeText("- tiltak")).toBe("'- tiltak");
  expect(safeText("Vanlig tekst")).toBe("Vanlig tekst");
});

describe("measure numbers are compared exactly in every formula", () => {
  // COUNTIF/COUNTIFS/SUMIFS criteria read number-like text as numbers, so "2.1" also matches "2.10"
  // (support.microsoft.com, COUNTIFS function: criteria such as "32" match the number 32). Formulas
  // that look measures up by Nr must compare with "=" instead.
  const CRITERIA_FUNCTIONS = /\b(COUNTIFS?|SUMIFS?|AVERAGEIFS?|MAXIFS|MINIFS|MATCH|VLOOKUP|HLOOKUP|XLOOKUP)\(([^()]|\([^()]*\))*\[Nr\]/i;
  const layout = catalogueLayout(cat);
  const formulas = layout.flatMap((t) => [
    ...t.rows.flatMap((r) => r.cells.flatMap((c) => (typeof c === "object" ? [c.formula] : []))),
    ...t.columns.flatMap((c) => (c.total ? [c.total] : [])),
    ...(t.conditionalFormats ?? []).map((cf) => cf.formula),
  ]);

  test("no criteria function looks up a measure number (cells, totals and conditional formats)", () => {
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.filter((f) => CRITERIA_FUNCTIONS.test(f.replace(/INDIRECT\("([^"]*)"\)/g, "$1")))).toEqual([]);
  });

  test("the findings count and the error marks compare Nr with =", () => {
    const tiltak = layout.find((t) => t.key === "measures")!;
    const avvik = tiltak.columns.findIndex((c) => c.name === "Avvik");
    const cell = tiltak.rows[0]!.cells[avvik] as { formula: string };
    expect(cell.formula).toMatch(/Avvik\[Nr\]=\[@Nr\]/);
    for (const cf of layout.flatMap((t) => t.conditionalFormats ?? []).filter((c) => c.formula.includes("Avvik[Nr]"))) {
      expect(cf.formula).toMatch(/INDIRECT\("Avvik\[Nr\]"\)=\$A2/);
    }
  });
});

describe("Oppfølging «Plan» and HØP «Tiltak <år>» follow the Tiltak table (one correction flows everywhere)", () => {
  // Written out by hand for the bundled catalogue (years 2025–2030, so År 2025 is the first column of
  // Tiltak[[2025]:[2030]]). The row is the first whose Nr is EXACTly this one (MATCH only finds the
  // first TRUE; criteria on Nr would take "2.10" for 2.1). INDEX on that one row, not
  // SUMPRODUCT(EXACT(…)*column): one #N/A or text elsewhere in the column would make every row's figure
  // an error. No row with this Nr: #N/A.
  const ROW_OF = "MATCH(TRUE,INDEX(EXACT(Tiltak[Nr],[@Nr]),0),0)";
  const layout = catalogueLayout(cat);
  const cellOf = (key: string, column: string, row: string) => {
    const spec = layout.find((t) => t.key === key)!;
    const i = spec.columns.findIndex((c) => c.name === column);
    expect(i).toBeGreaterThanOrEqual(0);
    return spec.rows.find((r) => r.key === row)!.cells[i];
  };

  test("Oppfølging «Plan» is a native lookup into Tiltak's year columns, for every row", () => {
    const spec = layout.find((t) => t.key === "followUp")!;
    expect(spec.rows.length).toBe(cat.measures.filter((m) => m.inSummary).length * 4);
    const expected = { formula: `=INDEX(Tiltak[[2025]:[2030]],${ROW_OF},[@År]-2024)` };
    for (const r of spec.rows) expect([r.key, cellOf("followUp", "Plan", r.key)]).toEqual([r.key, expected]);
  });

  test("HØP «Tiltak <år>» is a native lookup into that year's Tiltak column", () => {
    for (const y of [2026, 2027, 2028, 2029]) {
      expect(cellOf("hop", `Tiltak ${y}`, "2.10")).toEqual({ formula: `=INDEX(Tiltak[${y}],${ROW_OF})` });
    }
  });

  test("they still refuse typing (the figure comes from Tiltak)", () => {
    const follow = layout.find((t) => t.key === "followUp")!.columns.find((c) => c.name === "Plan")!;
    const hop = layout.find((t) => t.key === "hop")!.columns.find((c) => c.name === "Tiltak 2027")!;
    expect(follow.validation?.kind).toBe("reject");
    expect(hop.validation?.kind).toBe("reject");
  });

  test("the table names are the ones resolved for this workbook, and the year offset comes from the catalogue", () => {
    const names = { ...DEFAULT_TABLE_NAMES, measures: "Tiltak_2" };
    const renamed = catalogueLayout(cat, names).find((t) => t.key === "hop")!;
    const col = renamed.columns.findIndex((c) => c.name === "Tiltak 2026");
    expect((renamed.rows[0]!.cells[col] as { formula: string }).formula).toBe(
      "=INDEX(Tiltak_2[2026],MATCH(TRUE,INDEX(EXACT(Tiltak_2[Nr],[@Nr]),0),0))",
    );
    // A catalogue whose first year is 2023: År 2023 is column 1, so the offset is 2022.
    const years = [2023, 2024, 2025, 2026];
    const values = { "2023": 0, "2024": -1, "2025": -2, "2026": -3 };
    const zero = row(Object.fromEntries(years.map((y) => [String(y), 0])));
    const small = makeCatalogue([measure("1.1", { summary: row(values) })], {
      catalogue: { id: "t", version: "1", title: "T", publisher: "T", date: "2025-01-01", reference: "T", unit: "MNOK", years, planPeriod: [2024, 2026] },
      totals: { byGroup: { "1": zero }, byCategory: { "Høyere produktivitet": zero }, overall: { groupTable: zero, categoryTable: zero, measureTable: zero } },
    });
    const plan = catalogueLayout(small).find((t) => t.key === "followUp")!;
    const p = plan.columns.findIndex((c) => c.name === "Plan");
    expect((plan.rows[0]!.cells[p] as { formula: string }).formula).toContain("INDEX(Tiltak[[2023]:[2026]],");
    expect((plan.rows[0]!.cells[p] as { formula: string }).formula).toMatch(/,\[@År\]-2022\)$/);
  });
});

describe("the findings count and marks count real findings only", () => {
  test("Tiltak «Avvik» counts errors and warnings by name (a kept «løst» row, or info, is not counted)", () => {
    const tiltak = catalogueLayout(cat).find((t) => t.key === "measures")!;
    const i = tiltak.columns.findIndex((c) => c.name === "Avvik");
    expect(tiltak.rows[0]!.cells[i]).toEqual({ formula: '=SUMPRODUCT((Avvik[Nr]=[@Nr])*((Avvik[Alvorlighet]="feil")+(Avvik[Alvorlighet]="advarsel")))' });
  });

  test("Avvik rows are keyed by measure, group, rule and year", () => {
    const spec = findingsTable(DEFAULT_TABLE_NAMES, [
      { measure: "2.1", group: 2, rule: "sign", severity: "warning", years: [2026, 2027], expected: null, actual: null, message: "a" },
      { measure: "2.1", group: 2, rule: "sign", severity: "warning", years: [2026], expected: null, actual: null, message: "b" },
      { measure: null, group: 3, rule: "total-group", severity: "error", years: [], expected: null, actual: null, message: "c" },
    ]);
    expect(spec.keyColumns).toEqual(["Nr", "Gruppe", "Regel", "År"]);
    // The same finding twice gets its own key: the second of its kind.
    expect(spec.rows.map((r) => r.key)).toEqual(["2.1#2#sign#2026", "2.1#2#sign#2027", "2.1#2#sign#2026|2", "#3#total-group#"]);
  });
});

describe("the two «Gjenstår» figures on Oppsummering explain each other when the targets disagree", () => {
  // The report's group targets add up to -41 while its overall target is -40 (a difference of 1.0).
  const layout = catalogueLayout(cat);
  const groupTargets = cat.groups.map((g) => cat.data.targets.byGroup[String(g.id)]?.sparekrav ?? 0);
  expect(groupTargets.reduce((a, b) => a + b, 0)).toBeCloseTo(-41, 9);
  expect(cat.data.targets.overall.sparekrav).toBe(-40);

  test("ValgtMotMal «Merknad» beside «Gjenstår» of the target year: a formula over both tables' targets", () => {
    const spec = layout.find((t) => t.key === "choice")!;
    const names = spec.columns.map((c) => c.name);
    expect(names.slice(0, 4)).toEqual(["År", "Valgte tiltak", "Sparekrav", "Gjenstår"]);
    expect(names[4]).toBe("Merknad");
    const note = (y: number) => spec.rows.find((r) => r.key === String(y))!.cells[4];
    expect(note(2026)).toBe("");
    const f = (note(2029) as { formula: string }).formula;
    // Shown only when the sum of the group targets differs from this row's target (at 0.1 MNOK).
    expect(f).toMatch(/^=IF\(ROUND\(SUM\(Gruppesum\[Sparekrav\]\)-\[@Sparekrav\],1\)=0,"",/);
    expect(f).toContain("FIXED(SUM(Gruppesum[Sparekrav]),1)");
    expect(f).toContain("Gjenstår 2029");
    expect(f).not.toMatch(/-?4[01]\b/); // the figures come from the tables, not from this report
  });

  test("Gruppesum's totals row says so beside its own «Sparekrav» total", () => {
    const spec = layout.find((t) => t.key === "groupSummary")!;
    const total = spec.columns.find((c) => c.name === "Arbeidsgruppe")!.total!;
    expect(total).toMatch(/^=IF\(ROUND\(SUM\(Gruppesum\[Sparekrav\]\)-\(-40\),1\)=0,"",/);
    expect(total).toContain("FIXED(-40,1)");
  });
});

describe("the tertial follow-up (issue 15)", () => {
  const layout = catalogueLayout(cat);
  const spec = (key: string) => layout.find((t) => t.key === key)!;
  const cellOf = (key: string, row: string, column: string) => {
    const s = spec(key);
    return s.rows.find((r) => r.key === row)!.cells[s.columns.findIndex((c) => c.name === column)];
  };
  const allFormulas = layout.flatMap((t) => [
    ...t.rows.flatMap((r) => r.cells.flatMap((c) => (typeof c === "object" ? [c.formula] : []))),
    ...t.columns.flatMap((c) => (c.total ? [c.total] : [])),
  ]);

  test("Oppfølging: the older columns keep their content; status, risk, owner, tertial figures and forecast are input", () => {
    const s = spec("followUp");
    expect(s.columns.map((c) => c.name)).toEqual(["Nr", "Tiltak", "Gruppe", "År", "Status", "Signal", "Risiko", "Ansvarlig", "Plan", "Realisert 30.04", "Realisert 31.08", "Realisert", "Prognose helår", "Forventet", "Avvik", "Kommentar", "Katalog"]);
    expect(s.columns.filter((c) => c.input).map((c) => c.name)).toEqual(["Status", "Risiko", "Ansvarlig", "Realisert 30.04", "Realisert 31.08", "Realisert", "Prognose helår", "Kommentar"]);
    expect(cellOf("followUp", "2.10#2026", "Avvik")).toEqual({ formula: '=IF([@Realisert]="","",[@Realisert]-[@Plan])' });
    expect(s.statusColumn).toBe("Katalog");
    expect(s.iconSets).toEqual([{ column: "Signal", style: "ThreeTrafficLights1", thresholds: [2, 3] }]);
  });

  test("the lists drive the validation through INDIRECT (no structured reference in validation)", () => {
    const s = spec("followUp");
    expect(s.columns.find((c) => c.name === "Status")!.validation).toEqual({ kind: "list", source: '=INDIRECT("Statusliste[Status]")' });
    expect(s.columns.find((c) => c.name === "Risiko")!.validation).toEqual({ kind: "list", source: '=INDIRECT("Risikoliste[Risiko]")' });
    for (const t of layout) {
      for (const c of t.columns) {
        const v = c.validation;
        if (v?.kind === "list" && v.source.startsWith("=")) expect(v.source).toMatch(/^=INDIRECT\("[^"]+"\)$/);
      }
    }
    expect(spec("statusList").rows.map((r) => r.cells)).toEqual([
      ["Ikke startet", 2, "Ja"],
      ["I rute", 3, "Ja"],
      ["Forsinket", 2, "Ja"],
      ["Gjennomført", 3, "Ja"],
      ["Avbrutt/erstattet", 1, "Nei"],
    ]);
    expect(spec("riskList").rows.map((r) => r.cells)).toEqual([["Lav"], ["Middels"], ["Høy"]]);
  });

  test("the light is a formula of status and figures, never typed", () => {
    const f = (cellOf("followUp", "1.1#2026", "Signal") as { formula: string }).formula;
    expect(f).toBe(
      '=IF(AND([@Status]="",NOT(ISNUMBER([@[Prognose helår]])),NOT(ISNUMBER([@Realisert]))),"",' +
        `MIN(IFERROR(INDEX(Statusliste[Signal],MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE([@Status],"~","~~"),"*","~*"),"?","~?"),Statusliste[Status],0)),3),` +
        "IF(ROUND([@Forventet]-[@Plan],6)<=0,3,IF(ROUND([@Forventet]-[@Plan],6)<=ROUND(0.25*ABS([@Plan]),6),2,1))))",
    );
    expect(spec("followUp").columns.find((c) => c.name === "Signal")!.validation?.kind).toBe("reject");
  });

  // docs/regnemotorer.md: a COUNTIFS of several criteria whose first is blank ("") counts 0 in LibreOffice;
  // SUMIFS, and COUNTIFS with the blank criterion alone, agree in both engines.
  test("every COUNTIFS of several criteria puts a non-blank one first", () => {
    const calls: string[][] = [];
    for (const f of allFormulas) {
      for (const m of f.matchAll(/\b(COUNTIFS|SUMIFS)\(/g)) {
        const args: string[] = [];
        let depth = 0;
        let quoted = false;
        let cur = "";
        for (let i = (m.index ?? 0) + m[0].length; i < f.length; i++) {
          const ch = f[i] as string;
          if (ch === '"') quoted = !quoted;
          if (!quoted && (ch === "(" || ch === "[")) depth++;
          if (!quoted && (ch === ")" || ch === "]")) {
            if (depth === 0) break;
            depth--;
          }
          if (!quoted && depth === 0 && ch === ",") {
            args.push(cur);
            cur = "";
          } else cur += ch;
        }
        args.push(cur);
        calls.push([m[1] as string, ...args]);
      }
    }
    expect(calls.length).toBeGreaterThan(100);
    const counts = calls.filter((c) => c[0] === "COUNTIFS" && c.length > 3);
    expect(counts.length).toBeGreaterThan(30);
    expect(counts.filter((c) => c[2] === '""')).toEqual([]);
  });

  test("the status report: the list's words by position, «Uten status», «Annen status»; per group against the targets", () => {
    const s = spec("statusReport");
    expect(s.rows.map((r) => r.cells[1])).toEqual([...[1, 2, 3, 4, 5].map(() => ({ formula: '=IFERROR(""&INDEX(Statusliste[Status],[@Nr]),"")' })), "Uten status", "Annen status"]);
    expect(cellOf("statusReport", "2", "Antall tiltak")).toEqual({ formula: '=IF([@Status]="",0,COUNTIFS(Oppfolging[År],INDEX(Rapportvalg[År],1),Oppfolging[Status],"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE([@Status],"~","~~"),"*","~*"),"?","~?")))' });
    expect(cellOf("statusReport", "6", "Plan")).toEqual({ formula: '=SUMIFS(Oppfolging[Plan],Oppfolging[År],INDEX(Rapportvalg[År],1),Oppfolging[Status],"")' });
    expect(cellOf("statusReport", "3", "Behov for budsjettjustering")).toEqual({ formula: "=[@Plan]-[@Forventet]" });
    const g = spec("groupReport");
    expect(g.columns.map((c) => c.name)).toEqual(["Gruppe", "Arbeidsgruppe", "Antall tiltak", "Grønn", "Gul", "Rød", "Plan", "Realisert hittil", "Forventet", "Behov for budsjettjustering", "Sparekrav", "Gjenstår"]);
    expect(cellOf("groupReport", "2", "Rød")).toEqual({ formula: "=COUNTIFS(Oppfolging[År],INDEX(Rapportvalg[År],1),Oppfolging[Gruppe],[@Gruppe],Oppfolging[Signal],1)" });
    expect(cellOf("groupReport", "1", "Sparekrav")).toBe(-13.5);
    // The totals row counts against the overall target (the 40 MNOK), not the groups' sum (−41).
    expect(g.columns.find((c) => c.name === "Sparekrav")!.total).toBe("=-40");
    expect(g.columns.find((c) => c.name === "Gjenstår")!.total).toBe("=SUBTOTAL(109,StatusPerGruppe[Forventet])-(-40)");
    expect(g.chart).toMatchObject({ type: "column", categories: "Arbeidsgruppe", series: ["Plan", "Realisert hittil", "Forventet"] });
  });

  test("the user's tables are owned (never written again): lists, the report's choice, versions, comparison", () => {
    expect(layout.filter((t) => t.mode === "owned").map((t) => t.key)).toEqual(["statusList", "riskList", "reportChoice", "versions", "comparison"]);
    expect(spec("reportChoice").rows.map((r) => r.cells)).toEqual([[2026, "1. tertial"]]);
    expect(spec("versions").rows).toHaveLength(1);
    expect(spec("comparison").rows.map((r) => r.key)).toEqual(["Nå (ikke frosset)"]);
  });

  test("tables stand where their formulas can name the tables they use", () => {
    const order = layout.map((t) => t.key);
    const before = (a: (typeof order)[number], b: (typeof order)[number]) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before("statusList", "followUp");
    before("riskList", "followUp");
    before("followUp", "statusReport");
    before("reportChoice", "statusReport");
    before("versions", "comparison");
    // Stacked on Statusrapport without overlapping, the comparison (which grows) last.
    const report = layout.filter((t) => t.sheetKey === "report");
    expect(report.map((t) => t.key)).toEqual(["reportChoice", "statusReport", "groupReport", "comparison"]);
    report.slice(1).forEach((t, i) => {
      const prev = report[i]!;
      const end = prev.startRow + prev.rows.length + (prev.columns.some((c) => c.total) ? 1 : 0);
      expect(t.startRow - 1).toBeGreaterThan(end + 1); // a blank row and the caption between
    });
  });
});

describe("the planner's owned mode", () => {
  test("an owned table that exists is never written, whatever it holds; one that is gone is created again", () => {
    const first = planInsert(cat, { sheets: [], tableNames: [], definedNames: [], memory: null, tables: {} });
    const listSpec = catalogueLayout(cat).find((t) => t.key === "statusList")!;
    const edited: ExistingTable = {
      id: "{1}",
      name: "Statusliste",
      sheet: "Lister",
      address: "'Lister'!A2:B4",
      // A column deleted, a word changed, a row added: still the user's.
      header: ["Status", "Signal"],
      body: [["Ikke begynt", 2], ["I rute", 3]],
      showTotals: false,
    };
    const state: WorkbookState = { sheets: ["Lister"], tableNames: ["Statusliste"], definedNames: [], memory: first.memory, tables: { statusList: edited, versions: null } };
    const plan = planInsert(cat, state);
    expect(plan.refused).toEqual([]);
    expect(plan.ops.filter((o) => o.spec.key === "statusList")).toEqual([]);
    expect(plan.ops.find((o) => o.spec.key === "versions")?.kind).toBe("create");
    expect(plan.memory.tables.statusList).toEqual({ name: "Statusliste", sheet: "Lister", id: "{1}" });
    expect(plan.memory.written.statusList).toEqual({});
    expect(listSpec.mode).toBe("owned");
  });
});
