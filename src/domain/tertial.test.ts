// The traffic-light rule and the pane's summaries, worked out by hand (docs/oppfolging-regel.md).
import { DEFAULT_STATUSES, expectedFigure, followUpRows, groupStatus, midYearChanges, redRows, signal, statusesFrom, type RowFigures } from "./tertial";

const row = (plan: number | "NA", status = "", forecast: number | null = null, realised: number | null = null): RowFigures => ({ plan, status, forecast, realised });
const light = (r: RowFigures) => signal(r, DEFAULT_STATUSES);

describe("«Forventet»: what the year is expected to end at", () => {
  test("the year's realised figure first (0 is a figure), then the forecast, then the plan", () => {
    expect(expectedFigure(row(-2, "I rute", -1.5, -1.8), DEFAULT_STATUSES)).toBe(-1.8);
    expect(expectedFigure(row(-2, "I rute", -1.5, 0), DEFAULT_STATUSES)).toBe(0);
    expect(expectedFigure(row(-2, "I rute", -1.5), DEFAULT_STATUSES)).toBe(-1.5);
    expect(expectedFigure(row(-2, "I rute"), DEFAULT_STATUSES)).toBe(-2);
    expect(expectedFigure(row(-2), DEFAULT_STATUSES)).toBe(-2);
  });

  test("a stopped measure (Regn med plan = Nei) expects nothing unless a forecast says otherwise", () => {
    expect(expectedFigure(row(-2, "Avbrutt/erstattet"), DEFAULT_STATUSES)).toBe(0);
    expect(expectedFigure(row(-2, "avbrutt/ERSTATTET"), DEFAULT_STATUSES)).toBe(0); // MATCH ignores case
    expect(expectedFigure(row(-2, "Avbrutt/erstattet", -0.6), DEFAULT_STATUSES)).toBe(-0.6);
  });
});

describe("«Signal»: 3 grønn, 2 gul, 1 rød", () => {
  test("no light until the row is followed (a status, a forecast or a realised figure)", () => {
    expect(light(row(-2))).toBe("");
    expect(light(row(0))).toBe("");
    expect(light(row(-2, "", -2))).toBe(3);
    expect(light(row(-2, "", null, -2))).toBe(3);
  });

  test("by the figures: reaching the plan is green, short by at most a quarter yellow, more red", () => {
    expect(light(row(-2, "I rute", -2.4))).toBe(3); // better than planned
    expect(light(row(-2, "I rute", -2))).toBe(3);
    expect(light(row(-2, "I rute", -1.5))).toBe(2); // short by 0.5 = a quarter: still yellow
    expect(light(row(-2, "I rute", -1.49))).toBe(1);
    expect(light(row(-1.4, "I rute", -1.05))).toBe(2); // 0.35 = a quarter of 1.4, decimally (not 0.35000000000000003)
    expect(light(row(-0.4, "I rute", -0.3))).toBe(2);
    expect(light(row(-2, "", null, 0))).toBe(1); // realised nothing
  });

  test("a planned cost (positive): spending more than planned is short", () => {
    expect(light(row(0.3, "I rute", 0.3))).toBe(3);
    expect(light(row(0.2, "I rute", 0.25))).toBe(2); // 0.05 = a quarter of 0.2
    expect(light(row(0.2, "I rute", 0.5))).toBe(1);
  });

  test("no saving planned this year: nothing to fall short of, unless there is a cost", () => {
    expect(light(row(0, "I rute"))).toBe(3);
    expect(light(row(0, "I rute", 0.1))).toBe(1);
  });

  test("the status caps the light: never better than the status allows", () => {
    expect(light(row(-2, "Ikke startet"))).toBe(2);
    expect(light(row(-2, "Forsinket", -2))).toBe(2);
    expect(light(row(-2, "Forsinket", -1))).toBe(1);
    expect(light(row(-2, "Gjennomført", null, -2))).toBe(3);
    expect(light(row(-2, "Avbrutt/erstattet", -2))).toBe(1);
    expect(light(row(-2, "Usikker"))).toBe(3); // not in the list: no cap, the plan is expected
  });

  test("an unknown plan (#N/A) gives an unknown light, never a guess", () => {
    expect(light(row("NA", "I rute"))).toBe("NA");
    expect(light(row("NA", "I rute", -1))).toBe("NA");
    expect(light(row("NA"))).toBe("");
  });

  test("the municipality's own list: its words, its caps, its «Regn med plan»", () => {
    const own = statusesFrom(
      ["Status", "Signal", "Regn med plan"],
      [
        ["På plan", 3, "Ja"],
        ["Skrinlagt", 1, "nei"],
        ["", 2, "Ja"],
        ["Uten signal", null, "Ja"],
      ],
    );
    expect(own.map((s) => s.status)).toEqual(["På plan", "Skrinlagt", "Uten signal"]);
    expect(signal(row(-2, "På plan"), own)).toBe(3);
    expect(signal(row(-2, "Skrinlagt"), own)).toBe(1);
    expect(expectedFigure(row(-2, "Skrinlagt"), own)).toBe(0);
    expect(signal(row(-2, "I rute"), own)).toBe(3); // a default word the list no longer has: no cap
    expect(signal(row(-2, "Uten signal"), own)).toBe(0); // a blank Signal in the list is 0, as INDEX gives it
  });
});

describe("the pane's tertial view, from the values Excel computed", () => {
  const header = ["Nr", "Tiltak", "Gruppe", "År", "Status", "Signal", "Plan", "Realisert 30.04", "Realisert 31.08", "Realisert", "Forventet", "Katalog"];
  const values = [
    ["1.1", "A", 1, 2026, "I rute", 3, -1, -0.2, -0.5, "", -1, "I katalogen"],
    ["1.2", "B", 1, 2026, "Forsinket", 1, -2, "", "", "", -0.5, "I katalogen"],
    ["1.3", "C", 1, 2026, "", "", -0.5, "", "", "", -0.5, "I katalogen"],
    ["2.1", "D", 2, 2026, "Avbrutt/erstattet", 1, -3, -1, -1, "", 0, "I katalogen"],
    ["2.2", "E", 2, 2026, "", "", "#N/A", "", "", "", "#N/A", "Ikke i katalog 2026.1"],
    ["1.1", "A", 1, 2027, "", "", -1, "", "", "", -1, "I katalogen"],
  ];
  const rows = followUpRows(header, values);

  test("per group: the lights counted, the figures summed for the year and tertial (#N/A stays unknown)", () => {
    expect(groupStatus(rows, 2026, 1, [1, 2])).toEqual([
      { group: 1, rows: 3, green: 1, yellow: 0, red: 1, none: 1, plan: -3.5, realised: -0.5, expected: -2 },
      { group: 2, rows: 2, green: 0, yellow: 0, red: 1, none: 1, plan: "NA", realised: -1, expected: "NA" },
    ]);
    expect(groupStatus(rows, 2026, 0, [1])[0]?.realised).toBe(-0.2);
  });

  test("the red rows of the year, with their place in the table", () => {
    expect(redRows(rows, 2026).map((r) => [r.nr, r.index])).toEqual([
      ["1.2", 1],
      ["2.1", 3],
    ]);
  });

  test("marked, never deleted: stopped, left the catalogue, new since the adopted version, or gone from the table", () => {
    const adopted = { name: "Vedtatt budsjett 2026", measures: new Map([["1.1", "A"], ["1.2", "B"], ["2.1", "D"], ["2.2", "E"], ["4.4", "Borte"]]) };
    expect(midYearChanges(rows, 2026, DEFAULT_STATUSES, adopted).map((c) => [c.nr, c.kind, c.reason])).toEqual([
      ["1.3", "added", "Ikke med i «Vedtatt budsjett 2026»"],
      ["2.1", "dropped", "Status «Avbrutt/erstattet»"],
      ["2.2", "dropped", "Ikke i katalog 2026.1"],
      ["4.4", "dropped", "Med i «Vedtatt budsjett 2026», mangler nå i Oppfølging"],
    ]);
    // Without a frozen version, only what the rows say themselves.
    expect(midYearChanges(rows, 2026, DEFAULT_STATUSES, null).map((c) => c.nr)).toEqual(["2.1", "2.2"]);
  });
});
