import type { ComponentChildren } from "preact";
import { DataTable } from "./DataTable";

/** One CSV row as previewed: its number, address, problems and whether it went through. */
export interface BulkRow {
  row: number;
  email: string;
  problems: readonly string[];
}

interface Props<R extends BulkRow> {
  label: string;
  rows: readonly R[];
  /** Columns between Email and Result, each a heading and the cell's content. */
  columns: readonly (readonly [heading: string, cell: (row: R) => ComponentChildren])[];
  /** The badge for a row that was sent ("Invited", "Enrolled"), or null while it was not. */
  doneLabel: (row: R) => string | null;
}

function Result({ problems, done }: { problems: readonly string[]; done: string | null }) {
  if (done) return <span class="badge badge-active">{done}</span>;
  if (problems.length === 0) return <span class="badge">Ready</span>;
  return (
    <ul class="row-problems">
      {problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

/** The rows of a CSV before (and after) sending, each with its problems or its result. */
export function BulkRowsTable<R extends BulkRow>({ label, rows, columns, doneLabel }: Props<R>) {
  const headings = ["Row", "Email", ...columns.map(([heading]) => heading), "Result"];
  return (
    <DataTable label={label} columns={headings}>
      {rows.map((r) => (
        <tr key={r.row} class={r.problems.length > 0 ? "row-invalid" : undefined}>
          <th scope="row" data-label="Row">
            {r.row}
          </th>
          <td data-label="Email" class="break">
            {r.email || <span class="muted">(empty)</span>}
          </td>
          {columns.map(([heading, cell]) => (
            <td key={heading} data-label={heading}>
              {cell(r)}
            </td>
          ))}
          <td data-label="Result">
            <Result problems={r.problems} done={doneLabel(r)} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
