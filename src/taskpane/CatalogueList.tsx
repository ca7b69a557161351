import { Caption1, Dropdown, Field, Input, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Catalogue } from "../domain/catalogue";
import { CATEGORIES } from "../domain/types";
import { effect } from "../domain/effects";
import { formatMnok } from "./format";

const useStyles = makeStyles({
  filters: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyle: "none", margin: 0, padding: 0 },
  item: {
    display: "grid",
    gridTemplateColumns: "3em 1fr auto",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  amount: { fontVariantNumeric: "tabular-nums", textAlign: "right" },
});

const ALL = "alle";
const NONE = "ingen";
const categoryLabel = (c: string) => (c === ALL ? "Alle kategorier" : c === NONE ? "Uten kategori i rapporten" : c);

/** Read-only browse of the catalogue: filter by working group, search in number and title. */
export function CatalogueList({ catalogue }: { catalogue: Catalogue }) {
  const styles = useStyles();
  const [group, setGroup] = useState<string>(ALL);
  const [category, setCategory] = useState<string>(ALL);
  const [query, setQuery] = useState("");
  const endYear = catalogue.planPeriod[1];

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return catalogue.measures.filter(
      (m) =>
        (group === ALL || String(m.group) === group) &&
        (category === ALL || (category === NONE ? m.category === null : m.category === category)) &&
        (q === "" || m.id.startsWith(q) || m.title.toLowerCase().includes(q)),
    );
  }, [catalogue, group, category, query]);

  const groupLabel = (id: string) =>
    id === ALL ? "Alle arbeidsgrupper" : `${id} ${catalogue.group(Number(id))?.name ?? ""}`;

  return (
    <section aria-label="Tiltakskatalog">
      <div className={styles.filters}>
        <Field label="Arbeidsgruppe">
          <Dropdown value={groupLabel(group)} selectedOptions={[group]} onOptionSelect={(_, d) => setGroup(d.optionValue ?? ALL)}>
            <Option value={ALL}>{groupLabel(ALL)}</Option>
            {catalogue.groups.map((g) => (
              <Option key={g.id} value={String(g.id)}>
                {groupLabel(String(g.id))}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Kategori">
          <Dropdown value={categoryLabel(category)} selectedOptions={[category]} onOptionSelect={(_, d) => setCategory(d.optionValue ?? ALL)}>
            {[ALL, ...CATEGORIES, NONE].map((c) => (
              <Option key={c} value={c}>
                {categoryLabel(c)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Søk i tiltak">
          <Input value={query} onChange={(_, d) => setQuery(d.value)} placeholder="Nummer eller navn" />
        </Field>
        <Caption1>
          {rows.length} tiltak · effekt {endYear} i mill. kr (negativ = innsparing)
        </Caption1>
      </div>
      <ul className={styles.list}>
        {rows.map((m) => {
          const o = m.inSummary ? effect(catalogue, m.id, endYear) : null;
          return (
            <li key={m.id} className={styles.item}>
              <span>{m.id}</span>
              <span>{m.title}</span>
              <span className={styles.amount}>{o === null ? "kun kap. 4" : o.ok ? formatMnok(o.value) : "ulesbar"}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
