import type { ComponentChildren } from "preact";

interface Props {
  /** The table's accessible name. */
  label: string;
  columns: readonly string[];
  /** Extra classes after "data-table" ("compact", "audit"). */
  variant?: string;
  /** The <tr> rows. */
  children: ComponentChildren;
}

/** A data table with column headers; rows stack into cards on narrow screens (see data-label). */
export function DataTable({ label, columns, variant, children }: Props) {
  return (
    <table class={variant ? `data-table ${variant}` : "data-table"} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
