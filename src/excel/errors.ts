// Maps Office.js error codes to Norwegian messages a budget officer can act on.
// Raw error.message texts are English, technical and sometimes contain workbook internals: never shown.

const MESSAGES: Readonly<Record<string, string>> = {
  AccessDenied: "Excel nektet tilgang. Arbeidsboken kan være skrivebeskyttet eller delt med begrensninger.",
  ApiNotFound: "Denne versjonen av Excel mangler en funksjon Tiltaksmeny trenger. Oppdater Excel eller bruk Excel på nettet.",
  GeneralException: "Excel kunne ikke fullføre handlingen. Prøv igjen; hvis feilen gjentar seg, lagre og åpne arbeidsboken på nytt.",
  InsertDeleteConflict: "Handlingen ville flyttet celler i en tabell eller et område som er i veien. Flytt innholdet og prøv igjen.",
  InvalidArgument: "Excel avviste en verdi fra Tiltaksmeny. Prøv igjen, og meld fra hvis feilen gjentar seg.",
  InvalidOperation: "Excel tillater ikke handlingen akkurat nå. Avslutt redigering av celler og prøv igjen.",
  InvalidReference: "Et ark eller en tabell Tiltaksmeny bruker, finnes ikke lenger. Kjør handlingen på nytt.",
  ItemAlreadyExists: "Et ark eller en tabell med samme navn finnes allerede.",
  ItemNotFound: "Et ark eller en tabell Tiltaksmeny bruker, finnes ikke lenger. Kjør handlingen på nytt.",
  RequestAborted: "Excel avbrøt handlingen. Prøv igjen.",
  ServiceNotAvailable: "Excel er ikke tilgjengelig akkurat nå. Prøv igjen om litt.",
  Unauthenticated: "Du er ikke logget inn. Logg inn i Excel og prøv igjen.",
  WorkbookProtected: "Arbeidsboken er beskyttet. Opphev beskyttelsen og prøv igjen.",
  NonBlankCellOffSheet: "Tabellen får ikke plass på arket. Fjern innhold nederst eller til høyre på arket og prøv igjen.",
  TiltakNotInserted: "Arbeidsboken har ikke Tiltaksmeny-tabellene ennå. Velg «Sett inn tiltakskatalog» først.",
  RequestPayloadSizeLimitExceeded: "Handlingen ble for stor for Excel på nettet. Prøv igjen i Excel for skrivebord.",
  RangeExceedsLimit: "Området er for stort til å leses på én gang. Marker bare cellene du trenger og prøv igjen.",
  MergedRangeConflict: "Tabellen ville overlappet en annen tabell. Flytt innholdet og prøv igjen.",
  ResponsePayloadSizeLimitExceeded: "Området er for stort til å leses på én gang. Marker bare cellene du trenger og prøv igjen.",
  CatalogueTooLarge: "Katalogen er for stor til at Tiltaksmeny kan huske hva den har skrevet i arbeidsboken. Ingenting ble endret.",
};

/** An error of the add-in's own, mapped to a Norwegian message by its code like Excel's. */
export class AddinError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const FALLBACK = "Noe gikk galt i Excel. Prøv igjen; hvis feilen gjentar seg, lagre arbeidsboken og start Excel på nytt.";

/** The Norwegian message for any thrown value; only `code` is trusted, never `message`. */
export function excelErrorMessage(error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return (typeof code === "string" && MESSAGES[code]) || FALLBACK;
}
