// The workbook's active catalogue in this JavaScript runtime: one explicit store that the pane, the
// custom functions and the Office adapters all read. With the shared runtime, the pane and the functions
// are separate bundles (entries) in one page; they may or may not share module instances (webpack's
// runtime chunk is a build setting, not a contract), so the store lives on globalThis under one
// registered symbol and every copy of this module finds the same one.
//
// null means the built-in catalogue (src/data/bundled.ts): the store never imports the data itself, so
// the pane's first chunk stays small and the domain stays free of the bundle.
import type { Catalogue } from "./catalogue";

/** Where the active catalogue came from, for the status line and the pane. */
export type CatalogueOrigin =
  | { readonly kind: "builtin" }
  | { readonly kind: "file"; readonly name: string }
  | { readonly kind: "table"; readonly name: string }
  /** Read back from the workbook's own setting (a file saved with a catalogue of its own). */
  | { readonly kind: "workbook" };

export interface ActiveCatalogueState {
  /** The loaded catalogue; null: the built-in one. */
  readonly catalogue: Catalogue | null;
  readonly origin: CatalogueOrigin;
  /** Counts every change, so a subscriber can tell one state from the next. */
  readonly revision: number;
  /**
   * The id of the catalogue whose tables the user agreed to have replaced by this one (catalogueClash):
   * an insert of this catalogue over those tables needs no second question.
   */
  readonly acceptedOver: string | null;
  /** Why the workbook's stored catalogue could not be used (the built-in one is used instead), in Norwegian. */
  readonly problem: string | null;
  /** True until the workbook's stored catalogue has been read at start-up (functions wait for it). */
  readonly pending: boolean;
}

type Listener = (state: ActiveCatalogueState) => void;

interface Store {
  state: ActiveCatalogueState;
  readonly listeners: Set<Listener>;
  ready: Promise<void> | null;
  /** The start-up read, once per page (pane and functions may both ask for it). */
  started: Promise<void> | null;
}

/** One key for every bundle in the page (Symbol.for is shared by the whole realm). */
const KEY = Symbol.for("tiltaksmeny.activeCatalogue/v1");

const INITIAL: ActiveCatalogueState = { catalogue: null, origin: { kind: "builtin" }, revision: 0, acceptedOver: null, problem: null, pending: false };

function store(): Store {
  const g = globalThis as unknown as Record<symbol, Store | undefined>;
  let s = g[KEY];
  if (!s) {
    s = { state: INITIAL, listeners: new Set(), ready: null, started: null };
    Object.defineProperty(globalThis, KEY, { value: s, enumerable: false, configurable: true, writable: false });
  }
  return s;
}

/** The current state (same object until the next change: fine as a useSyncExternalStore snapshot). */
export function activeCatalogueState(): ActiveCatalogueState {
  return store().state;
}

/** The active catalogue, or null for the built-in one. */
export function activeCatalogue(): Catalogue | null {
  return store().state.catalogue;
}

/** Calls `listener` after every change; returns the function that unsubscribes. */
export function onActiveCatalogueChange(listener: Listener): () => void {
  const s = store();
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}

function update(next: Partial<ActiveCatalogueState>): ActiveCatalogueState {
  const s = store();
  s.state = { ...s.state, ...next, revision: s.state.revision + 1 };
  for (const l of [...s.listeners]) {
    try {
      l(s.state);
    } catch {
      // One listener's failure (a view already gone) must not keep the others, or the switch, from happening.
    }
  }
  return s.state;
}

/** Makes `catalogue` (null: the built-in one) active in this runtime. The workbook setting is the adapter's job. */
export function setActiveCatalogue(catalogue: Catalogue | null, origin: CatalogueOrigin, options: { acceptedOver?: string | null; problem?: string | null } = {}): ActiveCatalogueState {
  return update({
    catalogue,
    origin: catalogue === null ? { kind: "builtin" } : origin,
    acceptedOver: options.acceptedOver ?? null,
    problem: options.problem ?? null,
  });
}

/**
 * Marks the store as waiting for `loading` (the workbook's stored catalogue, read at start-up); whenReady
 * resolves when it settles. A loading that fails leaves the built-in catalogue, with the problem said.
 */
export function beginLoading(loading: Promise<void>): Promise<void> {
  const s = store();
  update({ pending: true });
  const ready = loading.then(
    () => undefined,
    (e: unknown) => {
      update({ problem: e instanceof Error ? e.message : "Katalogen i arbeidsboken kunne ikke leses." });
    },
  );
  const tracked: Promise<void> = ready.finally(() => {
    if (s.ready !== tracked) return; // a later loading took over
    s.ready = null;
    update({ pending: false });
  });
  s.ready = tracked;
  return tracked;
}

/** Runs the start-up read `start` once per page (later calls get the same promise), marked pending at once. */
export function startOnce(start: () => Promise<void>): Promise<void> {
  const s = store();
  s.started ??= beginLoading(Promise.resolve().then(start));
  return s.started;
}

/** Resolves once no start-up read is pending (at once when none is). */
export function whenReady(): Promise<void> {
  return store().ready ?? Promise.resolve();
}

/** True while the start-up read is pending: callers that must not use the built-in catalogue by mistake wait. */
export function isPending(): boolean {
  return store().ready !== null;
}

/** For tests: back to the built-in catalogue, no listeners, nothing pending. */
export function resetActiveCatalogue(): void {
  const s = store();
  s.listeners.clear();
  s.ready = null;
  s.started = null;
  s.state = INITIAL;
}
