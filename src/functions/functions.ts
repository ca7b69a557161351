// Excel custom functions (namespace TILTAK). Thin: argument rules and numbers live in tiltak.ts/domain.
// The JSDoc tags below generate functions.json at build time (custom-functions-metadata-plugin), which
// reads the TypeScript signatures too: hence `any`, the only type that accepts both cells and ranges.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { bundledCatalogue } from "../data/bundled";
import { FnError, type CellResult } from "./args";
import * as T from "./tiltak";

function toExcel(cell: CellResult): unknown {
  if (!(cell instanceof FnError)) return cell;
  const code = cell.kind === "#N/A" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, cell.message);
}

const excelMatrix = (m: CellResult[][]): unknown[][] => m.map((row) => row.map(toExcel));

/**
 * Tiltakets årlige effekt i mill. kr (nivå mot regnskap 2024, negativ = innsparing).
 * @customfunction EFFEKT
 * @helpurl https://localhost:3000/help/funksjoner.html#effekt
 * @param {any[][]} nr Tiltaksnummer som tekst, f.eks. "2.1" (eller en kolonne med numre).
 * @param {any[][]} år Årstall 2025–2030 (eller en rad med år).
 * @param {string} [kilde] "sammendrag" (standard), "gruppe" eller "detalj".
 * @returns {any[][]} Effekt i mill. kr.
 */
export function effekt(nr: any[][], år: any[][], kilde?: string): any[][] {
  return excelMatrix(T.effekt(bundledCatalogue, nr, år, kilde));
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
  return excelMatrix(T.kumulativ(bundledCatalogue, nr, fra_år, til_år, kilde));
}

/**
 * Endringen i tiltakets effekt fra året før, i mill. kr (det et årsbudsjett må legge til).
 * @customfunction ENDRING
 * @helpurl https://localhost:3000/help/funksjoner.html#endring
 * @param {any[][]} nr Tiltaksnummer som tekst, f.eks. "2.1" (eller en kolonne med numre).
 * @param {any[][]} år Årstall 2025–2030 (eller en rad med år).
 * @param {string} [kilde] "sammendrag" (standard), "gruppe" eller "detalj".
 * @returns {any[][]} Endring i mill. kr.
 */
export function endring(nr: any[][], år: any[][], kilde?: string): any[][] {
  return excelMatrix(T.endring(bundledCatalogue, nr, år, kilde));
}

/**
 * Sum av tiltakenes effekt i sammendragstabellen, eventuelt for én arbeidsgruppe og/eller kategori.
 * @customfunction TOTAL
 * @helpurl https://localhost:3000/help/funksjoner.html#total
 * @param {any[][]} år Årstall (eller en rad med år).
 * @param {any} [gruppe] Arbeidsgruppe 1–5 eller gruppens navn.
 * @param {any} [kategori] Høyere produktivitet, Bedre strategi, Lavere volum eller Økte inntekter.
 * @param {any} [til_år] Med til_år: summen fra år til og med til_år.
 * @returns {any[][]} Sum i mill. kr.
 */
export function total(år: any[][], gruppe?: any, kategori?: any, til_år?: any): any[][] {
  return excelMatrix(T.totalFn(bundledCatalogue, år, gruppe, kategori, til_år));
}

/**
 * Tiltakets navn slik det står i sammendragstabellen.
 * @customfunction NAVN
 * @helpurl https://localhost:3000/help/funksjoner.html#navn
 * @param {any[][]} nr Tiltaksnummer som tekst, f.eks. "2.1" (eller en kolonne med numre).
 * @returns {any[][]} Tiltakets navn.
 */
export function navn(nr: any[][]): any[][] {
  return excelMatrix(T.navn(bundledCatalogue, nr));
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
  return excelMatrix(T.info(bundledCatalogue, nr, felt));
}

/**
 * Lister tiltaksnumrene i katalogen nedover, eventuelt for én arbeidsgruppe.
 * @customfunction LISTE
 * @helpurl https://localhost:3000/help/funksjoner.html#liste
 * @param {any} [gruppe] Arbeidsgruppe 1–5 eller gruppens navn.
 * @returns {any[][]} Tiltaksnumre som tekst.
 */
export function liste(gruppe?: any): any[][] {
  return excelMatrix(T.liste(bundledCatalogue, gruppe));
}

/**
 * Antall avvik (feil og advarsler) kontrollen fant for tiltaket: der rapportens tabeller er uenige.
 * @customfunction AVVIK
 * @helpurl https://localhost:3000/help/funksjoner.html#avvik
 * @param {any[][]} nr Tiltaksnummer som tekst, f.eks. "2.1" (eller en kolonne med numre).
 * @returns {any[][]} Antall avvik.
 */
export function avvik(nr: any[][]): any[][] {
  return excelMatrix(T.avvik(bundledCatalogue, nr));
}

// Registration; outside Excel (plain browser, tests) CustomFunctions does not exist.
if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("EFFEKT", effekt);
  CustomFunctions.associate("KUMULATIV", kumulativ);
  CustomFunctions.associate("ENDRING", endring);
  CustomFunctions.associate("TOTAL", total);
  CustomFunctions.associate("NAVN", navn);
  CustomFunctions.associate("INFO", info);
  CustomFunctions.associate("LISTE", liste);
  CustomFunctions.associate("AVVIK", avvik);
}
