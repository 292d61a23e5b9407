import { useId, useState } from "preact/hooks";
import type { BulkMode } from "../../../../workers/shared/src/contracts/common/bulk-rows";
import { maxBulkRows } from "../../../../workers/shared/src/contracts/common/limits";
import type { BulkInvitationResult } from "../../../../workers/shared/src/contracts/members";
import { api } from "../../lib/api";
import { count } from "../../lib/format";
import { ApiError, messageOf, rowErrorsOf } from "../../lib/problem";
import { BulkSend } from "../../ui/BulkSend";
import { ErrorMessage, FormActions, StatusMessage } from "../../ui/feedback";
import { TextAreaField } from "../../ui/fields";
import { BulkPreviewTable } from "./BulkPreviewTable";
import { applyOutcome, bodyRow, type Preview, previewCsv, sendable } from "./bulk-rows";

const example = "email,role,display_name\nada@example.edu,member,Ada Lovelace\n";

export function BulkInvite({ onInvited }: { onInvited: () => void }) {
  const fileId = useId();
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mode, setMode] = useState<BulkMode>("valid_only");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const showPreview = async (csv: string) => {
    setError(null);
    setNote(null);
    setPreview(null);
    if (!csv.trim()) return setError("Choose a CSV file or paste its contents first.");
    try {
      setPreview(await previewCsv(csv));
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const onFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    const csv = await file.text();
    setText(csv);
    await showPreview(csv);
  };

  const send = async (current: Preview) => {
    const rows = sendable(current.rows);
    const withProblems = current.rows.filter((r) => r.problems.length > 0).length;
    setError(null);
    setNote(null);
    if (mode === "all_or_nothing" && withProblems > 0) {
      setError(
        `Nothing was sent: ${count(withProblems, "row has", "rows have")} problems. Fix ` +
          "them, or choose to invite only the valid rows.",
      );
      return;
    }
    if (rows.length === 0) return setError("There are no valid rows left to invite.");
    if (rows.length > maxBulkRows)
      return setError(`Invite at most ${maxBulkRows} people at a time.`);
    setBusy(true);
    try {
      const answer = await api<BulkInvitationResult>("/v1/members/invitations/bulk", {
        method: "POST",
        body: { rows: rows.map(bodyRow), mode },
      });
      const createdEmails = answer.created.map((c) => c.email);
      setPreview({
        ...current,
        rows: applyOutcome(current.rows, rows, { createdEmails, errors: answer.errors }),
      });
      const failed =
        answer.errors.length > 0
          ? ` ${count(answer.errors.length, "row was", "rows were")} not invited; see below.`
          : "";
      setNote(`Sent ${count(answer.created.length, "invitation")}.${failed}`);
      if (answer.created.length > 0) onInvited();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && rowErrorsOf(err).length > 0) {
        const outcome = { createdEmails: [], errors: rowErrorsOf(err) };
        setPreview({ ...current, rows: applyOutcome(current.rows, rows, outcome) });
        setError("Nothing was created: the server found problems in some rows (see below).");
      } else {
        setError(messageOf(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const ready = preview ? sendable(preview.rows).length : 0;
  return (
    <section class="card" aria-labelledby="bulk-t">
      <h2 id="bulk-t">Invite from a CSV file</h2>
      <p class="muted">
        A header row with <code>email</code> and, if you like, <code>role</code> (member or admin)
        and <code>display_name</code>. For example:
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the example scrolls sideways, so a keyboard must reach it (WCAG 2.1.1) */}
      <pre class="example" tabIndex={0}>
        {example}
      </pre>
      <div class="field">
        <label for={fileId}>CSV file</label>
        <input id={fileId} type="file" accept=".csv,text/csv,text/plain" onChange={onFile} />
      </div>
      <TextAreaField
        label="Or paste the CSV here"
        name="csv"
        value={text}
        onValue={(v) => {
          setText(v);
          setPreview(null);
        }}
        rows={6}
      />
      <FormActions>
        <button type="button" class="button" onClick={() => showPreview(text)}>
          Preview
        </button>
      </FormActions>
      <ErrorMessage message={error} />
      <StatusMessage message={note} />
      {preview && <BulkPreviewTable preview={preview} />}
      {preview && preview.fileProblems.length === 0 && preview.rows.length > 0 && (
        <BulkSend
          verb="invite"
          name="bulk-mode"
          mode={mode}
          onMode={setMode}
          busy={busy}
          busyLabel="Sending…"
          ready={ready}
          actionLabel={`Send ${ready} invitation${ready === 1 ? "" : "s"}`}
          onSend={() => send(preview)}
        />
      )}
    </section>
  );
}
