import { toFileFormula } from "./formula";

// "Using structured references with Excel tables" (support.microsoft.com): "@" is how Excel shows
// "#This Row"; the file keeps the long form, qualified with the table, and no leading "=".
describe("formulas in the file's grammar", () => {
  test.each([
    ["=SUM(Tiltak[@[2026]:[2029]])", "Tiltak", "SUM(Tiltak[[#This Row],[2026]:[2029]])"],
    ["=[@[Tiltak 2025]]-[@[Rapport 2025]]", "Gruppesum", "Gruppesum[[#This Row],[Tiltak 2025]]-Gruppesum[[#This Row],[Rapport 2025]]"],
    ['=IF([@Realisert]="","",[@Realisert]-[@Plan])', "Oppfolging", 'IF(Oppfolging[[#This Row],[Realisert]]="","",Oppfolging[[#This Row],[Realisert]]-Oppfolging[[#This Row],[Plan]])'],
    ["=SUMIFS(Tiltak[2025],Tiltak[Gruppe],[@Gruppe])", "Gruppesum", "SUMIFS(Tiltak[2025],Tiltak[Gruppe],Gruppesum[[#This Row],[Gruppe]])"],
    ["=SUBTOTAL(109,Gruppesum[[Meny (sparekrav×2)]])", "Gruppesum", "SUBTOTAL(109,Gruppesum[[Meny (sparekrav×2)]])"],
    ["=Tiltak_2[@Nr]", "HOP_2", "Tiltak_2[[#This Row],[Nr]]"],
    ["=[@]", "T", "T[[#This Row]]"],
    ["=[Nr]", "T", "T[Nr]"],
    ["=T[[#This Row],[Nr]]", "T", "T[[#This Row],[Nr]]"],
    ["=[@[A'#B]]", "T", "T[[#This Row],[A'#B]]"],
    ["=NA()", "T", "NA()"],
  ])("%s in %s", (ui, table, file) => {
    expect(toFileFormula(ui, table)).toBe(file);
  });

  test("string literals and quoted sheet names are copied untouched", () => {
    expect(toFileFormula('=SUMPRODUCT((INDIRECT("Avvik[Nr]")=$A2)*1)>0', null)).toBe('SUMPRODUCT((INDIRECT("Avvik[Nr]")=$A2)*1)>0');
    expect(toFileFormula('="a ""[@x]"" b"&[@Nr]', "T")).toBe('"a ""[@x]"" b"&T[[#This Row],[Nr]]');
    expect(toFileFormula("='Ark [1]'!A1+[@Nr]", "T")).toBe("'Ark [1]'!A1+T[[#This Row],[Nr]]");
  });

  test("a table-less reference outside any table is refused, not guessed", () => {
    expect(() => toFileFormula("=[@Nr]", null)).toThrow("utenfor en tabell");
    expect(() => toFileFormula("=Tiltak[Nr", "T")).toThrow("uten ]");
  });
});
