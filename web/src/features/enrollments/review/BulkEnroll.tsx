import { useState } from "preact/hooks";
import { api } from "../../../lib/api";
import { count } from "../../../lib/format";
import { ApiError, messageOf } from "../../../lib/problem";
import { BulkRowsTable } from "../../../ui/BulkRowsTable";
import { type BulkMode, BulkSend } from "../../../ui/BulkSend";
import { ErrorMessage, FormActions, StatusMessage } from "../../../ui/feedback";
import { TextAreaField } from "../../../ui/fields";
import { programApi, roleName } from "../../programs/types";

interface Row {
  row: number;
  email: string;
  role: string;
  problems: string[];
  enrolled: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const columns = [["Role", (r: Row) => roleName(r.role)]] as const;
const example = "email,role\nada@example.edu,mentor\ngrace@example.edu,mentee\n";

/** Reads "email,role" rows; the header is required so columns can't be swapped silently. */
export function parseEnrollCsv(text: string): { fileProblem: string | null; rows: Row[] } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const header = (lines.shift() ?? "").split(",").map((h) => h.trim().toLowerCase());
  const emailAt = header.indexOf("email");
  const roleAt = header.indexOf("role");
  if (emailAt < 0 || roleAt < 0) {
    return { fileProblem: "The first line must be a header with email and role.", rows: [] };
  }
  const seen = new Map<string, number>();
  const rows = lines.map((line, index): Row => {
    const cells = line.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
    const email = cells[emailAt] ?? "";
    const role = (cells[roleAt] ?? "").toLowerCase();
    const problems: string[] = [];
    if (!EMAIL.test(email)) problems.push("Enter a valid email address.");
    if (role !== "mentor" && role !== "mentee") problems.push("The role must be mentor or mentee.");
    const first = seen.get(email.toLowerCase());
    if (first !== undefined) problems.push(`This address is already in row ${first}.`);
    else seen.set(email.toLowerCase(), index + 1);
    return { row: index + 1, email, role, problems, enrolled: false };
  });
  return { fileProblem: null, rows };
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

  const preview = () => {
    setNote(null);
    setError(null);
    const parsed = parseEnrollCsv(text);
    if (parsed.fileProblem) {
      setRows(null);
      return setError(parsed.fileProblem);
    }
    if (parsed.rows.length === 0) return setError("Paste a header and at least one row.");
    setRows(parsed.rows);
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
      const answer = await api<{ created: unknown[]; errors: { row: number; message: string }[] }>(
        programApi(programId, "/enrollments/bulk"),
        { method: "POST", body: { rows: ready.map(({ email, role }) => ({ email, role })), mode } },
      );
      setRows(verdicts(answer.errors, true));
      setNote(`Enrolled ${count(answer.created.length, "member")}.`);
      if (answer.created.length > 0) onEnrolled();
    } catch (err) {
      if (err instanceof ApiError && err.errors.some((e) => e.row !== undefined)) {
        const errors = err.errors.flatMap((e) =>
          e.row !== undefined ? [{ row: e.row, message: e.message }] : [],
        );
        setRows(verdicts(errors, false));
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
      <pre class="example">{example}</pre>
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
