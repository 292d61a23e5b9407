import { useState } from "preact/hooks";
import type { BulkMode } from "../../../../../workers/shared/src/contracts/common/bulk-rows";
import type { BulkEnrollmentResult } from "../../../../../workers/shared/src/contracts/enrollments";
import { api } from "../../../lib/api";
import { count } from "../../../lib/format";
import { ApiError, messageOf, rowErrorsOf } from "../../../lib/problem";
import { type BulkRow, BulkRowsTable } from "../../../ui/BulkRowsTable";
import { BulkSend } from "../../../ui/BulkSend";
import { ErrorMessage, FormActions, StatusMessage } from "../../../ui/feedback";
import { TextAreaField } from "../../../ui/fields";
import { programApi, roleName } from "../../programs/common";

interface Row extends BulkRow {
  role: string;
  enrolled: boolean;
}

const columns = [["Role", (r: Row) => roleName(r.role)]] as const;
const example = "email,role\nada@example.edu,mentor\ngrace@example.edu,mentee\n";

/**
 * Reads and checks "email,role" rows with the same code the API uses (RFC 4180 quoting
 * included), loaded on demand. The header is required so columns can't be swapped silently.
 */
export async function previewEnrollCsv(
  text: string,
): Promise<{ fileProblems: string[]; rows: Row[] }> {
  const { checkEnrollmentRows, parseEnrollmentCsv } = await import(
    "../../../../../workers/shared/src/contracts/enrollments"
  );
  const parsed = parseEnrollmentCsv(text);
  const errors = [...parsed.errors, ...checkEnrollmentRows(parsed.rows).errors];
  const problemsOf = (row: number) => errors.filter((e) => e.row === row).map((e) => e.message);
  return {
    fileProblems: problemsOf(0),
    rows: parsed.rows.map((input, index) => ({
      row: index + 1,
      ...input,
      problems: problemsOf(index + 1),
      enrolled: false,
    })),
  };
}

/** Enrolls existing members from a CSV (email,role), as approved participants. */
export function BulkEnroll({
  programId,
  onEnrolled,
}: {
  programId: string;
  onEnrolled: () => void;
}) {
  const [text, setText] = useState("");
  const [rows, setRows] = useState<Row[] | null>(null);
  const [mode, setMode] = useState<BulkMode>("valid_only");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const preview = async () => {
    setNote(null);
    setError(null);
    setRows(null);
    try {
      const parsed = await previewEnrollCsv(text);
      if (parsed.fileProblems.length > 0) return setError(parsed.fileProblems.join(" "));
      if (parsed.rows.length === 0) return setError("Paste a header and at least one row.");
      setRows(parsed.rows);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const send = async (current: Row[]) => {
    const ready = current.filter((r) => r.problems.length === 0 && !r.enrolled);
    setError(null);
    setNote(null);
    const bad = current.filter((r) => r.problems.length > 0).length;
    if (mode === "all_or_nothing" && bad > 0) {
      return setError(`Nothing was sent: ${count(bad, "row has", "rows have")} problems.`);
    }
    if (ready.length === 0) return setError("There are no valid rows left to enroll.");
    setBusy(true);
    const verdicts = (errors: { row: number; message: string }[], created: boolean) =>
      current.map((r) => {
        const index = ready.indexOf(r);
        if (index < 0) return r;
        const problems = errors.filter((e) => e.row === index + 1).map((e) => e.message);
        return {
          ...r,
          problems: [...r.problems, ...problems],
          enrolled: created && !problems.length,
        };
      });
    try {
      const answer = await api<BulkEnrollmentResult>(programApi(programId, "/enrollments/bulk"), {
        method: "POST",
        body: { rows: ready.map(({ email, role }) => ({ email, role })), mode },
      });
      setRows(verdicts(answer.errors, true));
      setNote(`Enrolled ${count(answer.created.length, "member")}.`);
      if (answer.created.length > 0) onEnrolled();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && rowErrorsOf(err).length > 0) {
        setRows(verdicts(rowErrorsOf(err), false));
        setError("Nothing was enrolled: the server found problems in some rows (see below).");
      } else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const valid = rows?.filter((r) => r.problems.length === 0 && !r.enrolled).length ?? 0;
  return (
    <section class="card" aria-labelledby="bulk-enroll-t">
      <h2 id="bulk-enroll-t">Enroll from a CSV file</h2>
      <p class="muted">
        Members of your organization, by <code>email</code>, with a <code>role</code> of mentor or
        mentee. They are enrolled as approved. For example:
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the example scrolls sideways, so a keyboard must reach it (WCAG 2.1.1) */}
      <pre class="example" tabIndex={0}>
        {example}
      </pre>
      <TextAreaField
        label="CSV rows"
        name="enroll-csv"
        value={text}
        onValue={(v) => {
          setText(v);
          setRows(null);
        }}
        rows={5}
      />
      <FormActions>
        <button type="button" class="button" onClick={preview}>
          Check rows
        </button>
      </FormActions>
      <ErrorMessage message={error} />
      <StatusMessage message={note} />
      {rows && (
        <>
          <BulkRowsTable
            label="Members to enroll"
            rows={rows}
            columns={columns}
            doneLabel={(r) => (r.enrolled ? "Enrolled" : null)}
          />
          <BulkSend
            verb="enroll"
            name="enroll-mode"
            mode={mode}
            onMode={setMode}
            busy={busy}
            busyLabel="Enrolling…"
            ready={valid}
            actionLabel={`Enroll ${count(valid, "member")}`}
            onSend={() => send(rows)}
          />
        </>
      )}
    </section>
  );
}
