// A labelled choice, the same in every view: the label above a native-select-based Fluent Select (far
// smaller than Dropdown), styled by the pane's stylesheet (.tm-field).
import { Select } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Catalogue } from "../domain/catalogue";

export interface Choice {
  readonly value: string;
  readonly label: ReactNode;
}

/** The value of a filter's «all» choice. */
export const ALL = "alle";

export function SelectField({ id, label, value, onChange, choices }: { id: string; label: string; value: string; onChange: (value: string) => void; choices: readonly Choice[] }) {
  return (
    <div className="tm-field">
      <label htmlFor={id}>{label}</label>
      <Select id={id} value={value} onChange={(_, d) => onChange(d.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** «all» (worded by the view), then the catalogue's working groups as «1 Oppvekst». */
export function groupChoices(catalogue: Catalogue, allLabel: string): Choice[] {
  return [{ value: ALL, label: allLabel }, ...catalogue.groups.map((g) => ({ value: String(g.id), label: `${g.id} ${g.name}` }))];
}
