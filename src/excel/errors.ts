// Maps Office.js error codes to Norwegian messages a budget officer can act on.
// Raw error.message texts are English, technical and sometimes contain workbook internals: never shown.
// Codes: Microsoft's list in "Error handling with the application-specific JavaScript APIs"
// (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling), Excel.ErrorCodes
// and OfficeExtension.ErrorCodes in @types/office-js; errors.test.ts checks that each has a text here.
import { CatalogueError } from "../domain/validate";

const RETRY = "Prøv igjen, og meld fra hvis feilen gjentar seg.";
const INTERNAL = `Tiltaksmeny gjorde en intern feil i samtalen med Excel. ${RETRY}`;
const MISSING = "Et ark eller en tabell Tiltaksmeny bruker, finnes ikke lenger. Kjør handlingen på nytt.";
const TOO_LARGE_READ = "Området er for stort til å leses på én gang. Marker bare cellene du trenger og prøv igjen.";
const OLD_EXCEL = "Denne versjonen av Excel mangler en funksjon Tiltaksmeny trenger. Oppdater Excel eller bruk Excel på nettet.";

// A Map, not an object literal: `code` comes from outside, and "constructor" must not find Object's members.
const MESSAGES: ReadonlyMap<string, string> = new Map([
  // Common codes (OfficeExtension / all applications)
  ["AccessDenied", "Excel nektet tilgang. Arbeidsboken kan være skrivebeskyttet eller delt med begrensninger."],
  ["ActivityLimitReached", "Excel har fått for mange forespørsler på kort tid. Vent litt og prøv igjen."],
  ["ApiNotAvailable", OLD_EXCEL],
  ["ApiNotFound", OLD_EXCEL],
  ["BadPassword", "Passordet er feil. Opphev beskyttelsen med riktig passord og prøv igjen."],
  ["Conflict", "Arbeidsboken ble endret samtidig av noen andre. Vent til endringene er lagret, og prøv igjen."],
  ["ContentLengthRequired", `Excel avviste forespørselen fra Tiltaksmeny. ${RETRY}`],
  ["GeneralException", "Excel kunne ikke fullføre handlingen. Prøv igjen; hvis feilen gjentar seg, lagre og åpne arbeidsboken på nytt."],
  ["HostRestartNeeded", "Tiltaksmeny er oppdatert. Start Excel på nytt for å ta i bruk den nye versjonen."],
  ["InsertDeleteConflict", "Handlingen ville flyttet celler i en tabell eller et område som er i veien. Flytt innholdet og prøv igjen."],
  ["InvalidArgument", "Excel avviste en verdi fra Tiltaksmeny. Prøv igjen, og meld fra hvis feilen gjentar seg."],
  ["InvalidBinding", MISSING],
  ["InvalidOperation", "Excel tillater ikke handlingen akkurat nå. Avslutt redigering av celler og prøv igjen."],
  ["InvalidReference", MISSING],
  ["InvalidRequest", `Excel kunne ikke behandle forespørselen. ${RETRY}`],
  ["InvalidRibbonDefinition", "Tiltaksmenys knapper på båndet kunne ikke oppdateres. Start Excel på nytt."],
  ["InvalidSelection", "Markeringen passer ikke for denne handlingen. Marker et sammenhengende område på ett regneark og prøv igjen."],
  ["ItemAlreadyExists", "Et ark eller en tabell med samme navn finnes allerede."],
  ["ItemNotFound", MISSING],
  ["MemoryLimitReached", "Excel har ikke nok minne til handlingen. Lukk andre arbeidsbøker eller programmer og prøv igjen."],
  ["NotImplemented", OLD_EXCEL],
  ["RequestAborted", "Excel avbrøt handlingen. Prøv igjen."],
  ["RequestPayloadSizeLimitExceeded", "Handlingen ble for stor for Excel på nettet. Prøv igjen i Excel for skrivebord."],
  ["ResponsePayloadSizeLimitExceeded", TOO_LARGE_READ],
  ["ServiceNotAvailable", "Excel er ikke tilgjengelig akkurat nå. Prøv igjen om litt."],
  ["Unauthenticated", "Du er ikke logget inn. Logg inn i Excel og prøv igjen."],
  ["UnsupportedFeature", "Arket inneholder noe Excel ikke støtter for denne handlingen. Prøv i Excel for skrivebord."],
  ["UnsupportedOperation", "Excel støtter ikke denne handlingen her. Prøv i Excel for skrivebord."],
  ["InvalidObjectPath", "Et ark eller en tabell Tiltaksmeny bruker, ble endret mens handlingen pågikk. Kjør handlingen på nytt."],
  ["PropertyNotLoaded", INTERNAL],
  ["ValueNotLoaded", INTERNAL],
  ["InvalidRequestContext", INTERNAL],
  ["RunMustReturnPromise", INTERNAL],
  ["CannotRegisterEvent", "Tiltaksmeny kan ikke følge med på endringer i arbeidsboken. Lukk oppgaveruten, åpne den igjen og prøv på nytt."],
  ["ConnectionFailure", "Forbindelsen til Excel ble brutt. Sjekk nettforbindelsen og prøv igjen."],
  // Excel-specific codes
  ["DirtySupportingFormula", "Excel er ikke ferdig med å beregne arbeidsboken. Vent til beregningen er ferdig, og prøv igjen."],
  ["EmptyChartSeries", "Diagrammet har ingen tall å vise. Sett inn tiltakskatalogen på nytt."],
  ["FilteredRangeConflict", "Et filter på arket er i veien for handlingen. Fjern filteret (Data > Fjern) og prøv igjen."],
  ["FormulaLengthExceedsLimit", `En formel ble for lang for Excel. ${RETRY}`],
  ["InactiveWorkbook", "Flere arbeidsbøker er åpne, og denne er ikke den aktive. Klikk i arbeidsboken og prøv igjen."],
  ["InvalidOperationInCellEditMode", "Excel redigerer en celle. Trykk Enter eller Esc for å avslutte redigeringen, og prøv igjen."],
  ["MergedRangeConflict", "Tabellen ville overlappet en annen tabell. Flytt innholdet og prøv igjen."],
  ["NonBlankCellOffSheet", "Tabellen får ikke plass på arket. Fjern innhold nederst eller til høyre på arket og prøv igjen."],
  ["OpenWorkbookLinksBlocked", "Excel har ikke lov til å åpne koblede arbeidsbøker. Tillat koblingene og prøv igjen."],
  ["OperationCellsExceedLimit", "Handlingen berører for mange celler for Excel på nettet. Fjern innhold langt til høyre eller nederst på arket og prøv igjen."],
  ["PivotTableRangeConflict", "En pivottabell er i veien for handlingen. Flytt den og prøv igjen."],
  ["PowerQueryRefreshResourceChallenge", "En Power Query-spørring i arbeidsboken venter på pålogging eller tillatelse. Oppdater den i Excel og prøv igjen."],
  ["RangeExceedsLimit", TOO_LARGE_READ],
  ["RangeImageExceedsLimit", TOO_LARGE_READ],
  ["RefreshWorkbookLinksBlocked", "Excel har ikke lov til å oppdatere koblinger til andre arbeidsbøker. Tillat oppdatering av koblinger og prøv igjen."],
  ["UndoNotSupported", `Excel kunne ikke fullføre handlingen fordi den ikke kan angres her. ${RETRY}`],
  ["UnsupportedFillType", "Excel støtter ikke denne typen utfylling her. Prøv i Excel for skrivebord."],
  ["UnsupportedSheet", "Handlingen virker ikke på diagramark eller makroark. Velg et vanlig regneark og prøv igjen."],
  ["WorkbookProtected", "Arbeidsboken er beskyttet. Opphev beskyttelsen og prøv igjen."],
  // The add-in's own codes (AddinError)
  ["TiltakNotInserted", "Arbeidsboken har ikke Tiltaksmeny-tabellene ennå. Velg «Sett inn tiltakskatalog» først."],
  ["CatalogueTooLarge", "Katalogen er for stor til at Tiltaksmeny kan huske hva den har skrevet i arbeidsboken. Ingenting ble endret."],
  ["InsertRefused", "Tiltaksmeny kan ikke gjøre dette uten å overskrive eller flytte noe som er ditt. Ingenting ble endret."],
]);

/** An error of the add-in's own, mapped to a Norwegian message by its code like Excel's. */
export class AddinError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const FALLBACK = "Noe gikk galt i Excel. Prøv igjen; hvis feilen gjentar seg, lagre arbeidsboken og start Excel på nytt.";

/** Whether `code` has a Norwegian text of its own (for tests and for callers choosing a fallback). */
export function hasMessage(code: string): boolean {
  return MESSAGES.has(code);
}

/**
 * The Norwegian message for any thrown value: a CatalogueError's own (it is ours, Norwegian and names the
 * path), otherwise by `code` only, never Excel's `message`.
 */
export function excelErrorMessage(error: unknown): string {
  if (error instanceof CatalogueError) return error.message;
  // Our own Norwegian refusals (version names and the like) are shown as they are.
  if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "VersionError") return (error as Error).message;
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return (typeof code === "string" && MESSAGES.get(code)) || FALLBACK;
}

/**
 * What the user should know beyond the message: the reasons of a refusal, or what a rollback left. `asBefore`
 * is true only when the workbook is known to be unchanged (nothing was written, or the rollback verified it).
 */
export function errorDetails(error: unknown): { readonly asBefore: boolean | null; readonly lines: readonly string[] } {
  if (typeof error !== "object" || error === null) return { asBefore: null, lines: [] };
  const e = error as { reasons?: unknown; outcome?: { restored?: unknown; left?: unknown }; restored?: unknown };
  if (Array.isArray(e.reasons)) return { asBefore: true, lines: e.reasons.map(String) };
  if (e.outcome && typeof e.outcome === "object") {
    return { asBefore: e.outcome.restored === true, lines: Array.isArray(e.outcome.left) ? e.outcome.left.map(String) : [] };
  }
  if (typeof e.restored === "boolean") return { asBefore: e.restored, lines: [] };
  return { asBefore: null, lines: [] };
}
