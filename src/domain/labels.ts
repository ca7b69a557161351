// Norwegian labels users see for domain codes (tables, pane and functions use the same words).
import type { HopStatus } from "./types";

export const HOP_LABEL: Readonly<Record<HopStatus, string>> = {
  "in-plan": "I HØP",
  partly: "Delvis i HØP",
  "not-in-plan": "Ikke i HØP",
  "not-stated": "Ikke oppgitt",
};
