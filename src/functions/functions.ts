// Excel custom functions (namespace TILTAK). Thin: argument rules and numbers live in tiltak.ts/domain.
// The JSDoc tags below generate functions.json at build time (custom-functions-metadata-plugin), which
// reads the TypeScript signatures too: hence `any`, the only type that accepts both cells and ranges.
//
// Every function asks the workbook's active catalogue (domain/activeCatalogue.ts: one store on globalThis,
// shared with the pane's bundle), the built-in one when the workbook has none. While the workbook's own
// catalogue is still being read at start-up, a function returns a promise (Excel shows #BUSY! and waits:
// "A custom function can return a promise", custom-functions-json-autogeneration.md) rather than an answer
// from the wrong catalogue. When the catalogue changes, the pane's adapter (excel/catalogueStore.ts) has
// Excel recalculate every formula (Application.calculate full), so every TILTAK cell asks again.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { currentIfReady, loadCurrent } from "../data/lazy";
import type { Catalogue } from "../domain/catalogue";
import { startActiveCatalogue } from "../excel/catalogueStore";
import { FnError, type CellResult } from "./args";
import * as T from "./tiltak";

function toExcel(cell: CellResult): unknown {
  if (!(cell instanceof FnError)) return cell;
  const code = cell.kind === "#N/A" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, cell.message);
}

const excelMatrix = (m: CellResult[][]): unknown[][] => m.map((row) => row.map(toExcel));

/** When the catalogue's chunk could not be fetched (offline after the page opened); the next call tries again. */
const NOT_LOADED = "Tiltakskatalogen kunne ikke lastes. Sjekk nettforbindelsen og regn ut på nytt (F9).";

/**
 * The answer from the active catalogue: at once, or (on the first call, while the built-in catalogue's
 * chunk loads, or while the workbook's catalogue is read at start-up) a promise of it. The declared type
 * stays `any[][]` for the metadata generator; Excel accepts a promise from any custom function.
 */
function answer(compute: (cat: Catalogue) => CellResult[][]): any[][] {
  // A workbook's own catalogue needs no built-in one: at once, whether or not that chunk has loaded.
  const ready = currentIfReady();
  if (ready) return excelMatrix(compute(ready)) as any[][];
  return loadCurrent().then(
    (cat) => excelMatrix(compute(cat)),
    () => [[new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, NOT_LOADED)]],
  ) as unknown as any[][];
}

/**
 * Tiltakets årlige effekt i mill. kr (nivå mot regnskap 2024, negativ = innsparing).
 * @customfunction EFFEKT
 * @helpurl https://localhost:3000/help/funksjoner.html#effekt
 * @param {any[][]} nr Tiltaksnummer som tekst, f.eks. "2.1" (eller en kolonne med numre).
 * @param {any[][]} år Et årstall i katalogen, f.eks. 2027 (eller en rad med år).
 * @param {string} [kilde] "sammendrag" (standard), "gruppe" eller "detalj".
 * @returns {any[][]} Effekt i mill. kr.
 */
export function effekt(nr: any[][], år: any[][], kilde?: string): any[][] {
  return answer((cat) => T.effekt(cat, nr, år, kilde));
}

/**
 * Summen av tiltakets årlige effekter fra og med fra_år til og med til_år, i mill. kr.
 * @customfunction KUMULATIV
 * @helpurl https://localhost:3000/help/funksjoner.html#kumulativ
 * @param {any[][]} nr Tiltaksnummer som tekst, f.eks. "2.1" (eller en kolonne med numre).
 * @param {any} fra_år Første år i perioden.
 * @param {any} til_år Siste år i perioden.
 * @param {string} [kilde] "sammendrag" (standard), "gruppe" eller "detalj".
 * @returns {any[][]} Sum i mill. kr.
 */
export function kumulativ(nr: any[][], fra_år: any, til_år: any, kilde?: string): any[][] {
  return answer((cat) => T.kumulativ(cat, nr, fra_år, til_år, kilde));
}

/**
 * Endringen i tiltakets effekt fra året før, i mill. kr (det et årsbudsjett må legge til).
 * @customfunction ENDRING
 * @helpurl https://localhost:3000/help/funksjoner.html#endring
 * @param {any[][]} nr Tiltaksnummer som tekst, f.eks. "2.1" (eller en kolonne med numre).
 * @param {any[][]} år Et årstall i katalogen, f.eks. 2027 (eller en rad med år).
 * @param {string} [kilde] "sammendrag" (standard), "gruppe" eller "detalj".
 * @returns {any[][]} Endring i mill. kr.
 */
export function endring(nr: any[][], år: any[][], kilde?: string): any[][] {
  return answer((cat) => T.endring(cat, nr, år, kilde));
}

/**
 * Sum av tiltakenes effekt i sammendragstabellen, eventuelt for én arbeidsgruppe og/eller kategori.
 * @customfunction TOTAL
 * @helpurl https://localhost:3000/help/funksjoner.html#total
 * @param {any[][]} år Årstall (eller en rad med år).
 * @param {any} [gruppe] Arbeidsgruppens nummer eller navn.
 * @param {any} [kategori] En kategori fra katalogen, f.eks. Høyere produktivitet.
 * @param {any} [til_år] Med til_år: summen fra år til og med til_år.
 * @returns {any[][]} Sum i mill. kr.
 */
export function total(år: any[][], gruppe?: any, kategori?: any, til_år?: any): any[][] {
  return answer((cat) => T.totalFn(cat, år, gruppe, kategori, til_år));
}

/**
 * Tiltakets navn slik det står i sammendragstabellen.
 * @customfunction NAVN
 * @helpurl https://localhost:3000/help/funksjoner.html#navn
 * @param {any[][]} nr Tiltaksnummer som tekst, f.eks. "2.1" (eller en kolonne med numre).
 * @returns {any[][]} Tiltakets navn.
 */
export function navn(nr: any[][]): any[][] {
  return answer((cat) => T.navn(cat, nr));
}

/**
 * Opplysninger om et tiltak: gruppe, tjeneste, kategori, hop (status i handlings- og økonomiplanen) eller kilde.
 * @customfunction INFO
 * @helpurl https://localhost:3000/help/funksjoner.html#info
 * @param {any[][]} nr Tiltaksnummer som tekst, f.eks. "2.1" (eller en kolonne med numre).
 * @param {string} felt gruppe, tjeneste, kategori, hop eller kilde.
 * @returns {any[][]} Verdien av feltet.
 */
export function info(nr: any[][], felt: string): any[][] {
  return answer((cat) => T.info(cat, nr, felt));
}

/**
 * Lister tiltaksnumrene i katalogen nedover, eventuelt for én arbeidsgruppe.
 * @customfunction LISTE
 * @helpurl https://localhost:3000/help/funksjoner.html#liste
 * @param {any} [gruppe] Arbeidsgruppens nummer eller navn.
 * @returns {any[][]} Tiltaksnumre som tekst.
 */
export function liste(gruppe?: any): any[][] {
  return answer((cat) => T.liste(cat, gruppe));
}

/**
 * Antall avvik (feil og advarsler) kontrollen fant for tiltaket: der rapportens tabeller er uenige.
 * @customfunction AVVIK
 * @helpurl https://localhost:3000/help/funksjoner.html#avvik
 * @param {any[][]} nr Tiltaksnummer som tekst, f.eks. "2.1" (eller en kolonne med numre).
 * @returns {any[][]} Antall avvik.
 */
export function avvik(nr: any[][]): any[][] {
  return answer((cat) => T.avvik(cat, nr));
}

// Registration; outside Excel (plain browser, tests) CustomFunctions does not exist.
if (typeof CustomFunctions !== "undefined") {
  // The workbook's own catalogue, read before any function answers (marked pending at once, so a call
  // that comes before Office is ready waits too). A read that fails leaves the built-in catalogue.
  if (typeof Office !== "undefined") void startActiveCatalogue();
  CustomFunctions.associate("EFFEKT", effekt);
  CustomFunctions.associate("KUMULATIV", kumulativ);
  CustomFunctions.associate("ENDRING", endring);
  CustomFunctions.associate("TOTAL", total);
  CustomFunctions.associate("NAVN", navn);
  CustomFunctions.associate("INFO", info);
  CustomFunctions.associate("LISTE", liste);
  CustomFunctions.associate("AVVIK", avvik);
}
