// Norwegian one-line explanations of domain problems, shared by custom functions and the pane.
import type { EffectSource, Problem } from "./effects";

export const SOURCE_LABEL: Readonly<Record<EffectSource, string>> = {
  summary: "sammendragstabellen",
  group: "arbeidsgruppens tabell",
  detail: "tiltakets egen effekttabell",
};

export function problemMessage(p: Problem): string {
  switch (p.kind) {
    case "unknown-measure":
      return `Tiltak «${p.id}» finnes ikke i katalogen.`;
    case "unknown-year":
      return `Året ${p.year} er utenfor katalogen.`;
    case "no-table":
      return p.source === "detail"
        ? `Tiltak ${p.id} har ingen effekttabell i rapporten.`
        : `Tiltak ${p.id} står ikke i ${SOURCE_LABEL[p.source]}.`;
    case "no-net-row":
      return `Tiltak ${p.id} har ingen nettorad i effekttabellen.`;
    case "unreadable":
      return `Verdien for tiltak ${p.id} i ${p.year} kan ikke leses i ${SOURCE_LABEL[p.source]} (trykt «${p.printed}»).`;
    case "not-printed":
      return `Tiltak ${p.id}: ${SOURCE_LABEL[p.source]} har ingen kolonne for ${p.year}.`;
    case "uncategorised":
      return `Rapporten oppgir ikke kategori for ${p.missing} av ${p.of} tiltak i utvalget, så en kategorisum blir ufullstendig. Se rapportens egen kategoritabell.`;
  }
}
