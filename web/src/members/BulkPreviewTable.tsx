import { count, roleLabel } from "../lib/format";
import type { Preview, PreviewRow } from "./bulk-rows";

function Result({ row }: { row: PreviewRow }) {
  if (row.invited) return <span class="badge badge-active">Invited</span>;
  if (row.problems.length === 0) return <span class="badge">Ready</span>;
  return (
    <ul class="row-problems">
      {row.problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

/** The rows of a CSV before (and after) sending, each with its problems. */
export function BulkPreviewTable({ preview }: { preview: Preview }) {
  if (preview.fileProblems.length > 0) {
    return (
      <div class="alert alert-error" role="alert">
        <p>The file can't be read:</p>
        <ul class="alert-list">
          {preview.fileProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (preview.rows.length === 0) {
    return <p class="empty">The file has a header but no rows.</p>;
  }
  const bad = preview.rows.filter((r) => r.problems.length > 0).length;
  return (
    <>
      <p role="status" aria-live="polite">
        {count(preview.rows.length, "row")}: {preview.rows.length - bad} valid, {bad} with problems.
      </p>
      <table class="data-table" aria-label="Invitations to send">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.row} class={r.problems.length > 0 ? "row-invalid" : undefined}>
              <th scope="row" data-label="Row">
                {r.row}
              </th>
              <td data-label="Email" class="break">
                {r.email || <span class="muted">(empty)</span>}
              </td>
              <td data-label="Name">{r.displayName ?? ""}</td>
              <td data-label="Role">{r.role ? roleLabel(r.role) : "Member"}</td>
              <td data-label="Result">
                <Result row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
