import { count, roleLabel } from "../../lib/format";
import { BulkRowsTable } from "../../ui/BulkRowsTable";
import type { Preview, PreviewRow } from "./bulk-rows";

const columns = [
  ["Name", (r: PreviewRow) => r.displayName ?? ""],
  ["Role", (r: PreviewRow) => (r.role ? roleLabel(r.role) : "Member")],
] as const;

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
      <BulkRowsTable
        label="Invitations to send"
        rows={preview.rows}
        columns={columns}
        doneLabel={(r) => (r.invited ? "Invited" : null)}
      />
    </>
  );
}
