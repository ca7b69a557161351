import { describeInsert, type InsertReport } from "./insertPlan";

const empty: InsertReport = { created: [], updated: [], renamed: [], addedRows: 0, markedRemoved: 0, changedCells: 0, keptEdits: [], memoryReset: false };

describe("the insert message counts in Norwegian, singular and plural", () => {
  test("one of each", () => {
    const r: InsertReport = {
      ...empty,
      created: ["HOP"],
      updated: ["Tiltak"],
      changedCells: 1,
      keptEdits: [{ table: "Tiltak", key: "2.2", column: "2027" }],
      markedRemoved: 1,
      rewritten: [{ table: "Avvik", before: 1, rows: 1, userColumns: ["Kommentar"], resolved: 1, missingColumns: [] }],
    };
    expect(describeInsert(r, false)).toEqual([
      "Opprettet tabellen HOP.",
      "Oppdaterte 1 celle i Tiltak.",
      "Skrev tabellen Avvik på nytt: 1 rad.",
      "Det du har skrevet i kolonnen «Kommentar», står ved funnet det hører til.",
      "1 funn som ikke lenger gjelder, er beholdt og merket «løst» fordi du har skrevet i det.",
      "Beholdt 1 verdi du har endret selv (den ble ikke overskrevet).",
      "1 tiltak finnes ikke i den nye katalogen; raden er beholdt og merket.",
    ]);
  });

  test("several of each; rows appended are counted only when no table was created (addedRows includes created tables' rows)", () => {
    const r: InsertReport = {
      ...empty,
      updated: ["Tiltak", "HOP"],
      changedCells: 12,
      addedRows: 2,
      keptEdits: [
        { table: "Tiltak", key: "2.2", column: "2027" },
        { table: "HOP", key: "2.2", column: "Tiltak 2027" },
      ],
      markedRemoved: 3,
      rewritten: [{ table: "Avvik", before: 97, rows: 99, userColumns: ["Kommentar", "Ansvarlig"], resolved: 2, missingColumns: ["Forklaring"] }],
    };
    expect(describeInsert(r, false)).toEqual([
      "Oppdaterte 12 celler og la til 2 rader i Tiltak, HOP.",
      "Skrev tabellen Avvik på nytt: 99 rader (før: 97).",
      "Det du har skrevet i kolonnene «Kommentar», «Ansvarlig», står ved funnet det hører til.",
      "2 funn som ikke lenger gjelder, er beholdt og merket «løst» fordi du har skrevet i dem.",
      "Tabellen Avvik mangler kolonnen «Forklaring»; det som hører hjemme der, er ikke skrevet.",
      "Beholdt 2 verdier du har endret selv (de ble ikke overskrevet).",
      "3 tiltak finnes ikke i den nye katalogen; radene er beholdt og merket.",
    ]);
    expect(describeInsert({ ...empty, created: ["A", "B"], addedRows: 50 }, false)).toEqual(["Opprettet tabellene A, B."]);
    // Nothing but columns added (described by the placement message): no "0 celler".
    expect(describeInsert({ ...empty, updated: ["ValgtMotMal"] }, false)).toEqual([]);
  });
});
