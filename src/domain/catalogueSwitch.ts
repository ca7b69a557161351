// Switching the workbook to another catalogue, checked before anything is written. The tables the add-in
// inserted are keyed by measure number: inserting a different catalogue over them updates every row whose
// number the new catalogue also has, and what users wrote in that row (Valgt, realised savings, comments,
// HØP figures) stays — now beside another measure. That is explained, and needs the user's yes, first.
import type { Catalogue } from "./catalogue";
import { parseMemory, type WorkbookState } from "./insertPlan";
import { count, NOUN } from "./plural";

export interface CatalogueClash {
  /** The catalogue the workbook's tables came from (the add-in's memory). */
  readonly from: { readonly id: string; readonly version: string };
  readonly to: { readonly id: string; readonly version: string; readonly title: string };
  /** Measure numbers in the workbook's Tiltak table that the new catalogue also has. */
  readonly shared: readonly string[];
  /** Rows of the Tiltak table whose measure the new catalogue lacks (kept and marked on insert). */
  readonly leaving: number;
  /** Norwegian, for the pane, before the user says yes. */
  readonly message: string;
}

/** Measure numbers in the Tiltak table as the workbook has them (text, trimmed), in table order. */
function tableIds(state: WorkbookState): string[] {
  const t = state.tables.measures;
  if (!t) return [];
  const nr = t.header.findIndex((h) => String(h).trim() === "Nr");
  if (nr < 0) return [];
  const out: string[] = [];
  for (const row of t.values ?? t.body) {
    const v = row[nr];
    const id = v === null || v === undefined ? "" : String(v).trim();
    if (id !== "" && !out.includes(id)) out.push(id);
  }
  return out;
}

/** The catalogue the add-in's tables came from: the memory's, else (a file-made workbook) the identity name's. */
function tablesFrom(state: WorkbookState): { readonly id: string; readonly version: string } | null {
  const memory = parseMemory(state.memory);
  if (memory) return { id: memory.catalogueId, version: memory.catalogueVersion };
  return state.adopted && state.identity ? state.identity : null;
}

const listed = (ids: readonly string[], max = 8) => ids.slice(0, max).join(", ") + (ids.length > max ? ` og ${ids.length - max} til` : "");

/**
 * What switching to `next` would do to the add-in's tables in this workbook, or null when nothing of the
 * user's is at stake: no tables of ours, the same catalogue (a new version of it is an ordinary update),
 * or a switch the user has already agreed to (`acceptedOver`: the id of the catalogue they agreed to replace).
 */
export function catalogueClash(next: Catalogue, state: WorkbookState, acceptedOver: string | null = null): CatalogueClash | null {
  const from = tablesFrom(state);
  if (!from || from.id === next.id || from.id === acceptedOver) return null;
  const ids = tableIds(state);
  const shared = ids.filter((id) => next.measure(id) !== undefined);
  const leaving = ids.length - shared.length;
  const to = { id: next.id, version: next.version, title: next.data.catalogue.title };
  const head = `Arbeidsboken har tabeller fra katalogen «${from.id}» (versjon ${from.version}), og du bytter til «${to.title}».`;
  const marked = leaving > 0 ? ` ${count(leaving, NOUN.tiltak)} som ikke finnes i den nye katalogen, blir stående og merkes «Ikke i katalog ${to.version}» når du setter den inn.` : "";
  const message =
    shared.length > 0
      ? `${head} ${shared.length === 1 ? "Tiltaksnummeret" : `${shared.length} av tiltaksnumrene`} ${listed(shared)} finnes i begge: ` +
        `ved innsetting får ${shared.length === 1 ? "raden" : "radene"} navn og tall fra den nye katalogen, mens det som er skrevet der ` +
        `(Valgt, realisert, kommentarer, HØP-tall) blir stående og da gjelder et annet tiltak.${marked} ` +
        `Bruk en ny arbeidsbok for den nye katalogen, eller bytt likevel hvis numrene betyr de samme tiltakene.`
      : `${head} Ingen tiltaksnumre finnes i begge, så ingenting du har skrevet, havner ved et annet tiltak.${marked}`;
  return { from, to, shared, leaving, message };
}

/**
 * For views that read the add-in's tables with the active catalogue (re-check, Valg, Oppfølging): a
 * Norwegian explanation when the tables came from another catalogue, else null.
 */
export function catalogueMismatch(active: Catalogue, state: WorkbookState): string | null {
  const from = tablesFrom(state);
  if (!from || from.id === active.id) return null;
  return `Tabellene i arbeidsboken er fra katalogen «${from.id}» (versjon ${from.version}), men den aktive katalogen er «${active.data.catalogue.title}». Sett inn den aktive katalogen først, eller bytt tilbake til «${from.id}».`;
}
