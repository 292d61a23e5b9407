import { useMemo, useState } from "preact/hooks";
import type { ProgramView } from "../../../../../workers/shared/src/contracts/programs";
import { applicationForm } from "../../../../../workers/shared/src/domain/program-rules";
import { api } from "../../../lib/api";
import { count } from "../../../lib/format";
import { ApiError, messageOf } from "../../../lib/problem";
import { ErrorMessage, FormActions, StatusMessage } from "../../../ui/feedback";
import { programApi } from "../common";
import type { ProgramProps } from "../ProgramPage";
import { ProblemList } from "./ProblemList";
import { ShapeField } from "./ShapeField";
import { shapeOf } from "./shape";
import { problemMap, schemaProblems, withinBody } from "./validate";

type Form = Record<string, unknown>;

const hints: Record<string, string> = {
  profileFields:
    "Required fields must be filled in to apply; hidden ones are not asked. Matching can " +
    "only use what you ask for.",
  questions: "Your program's own questions, asked after the profile.",
};

/** Which profile fields the application asks for, and the program's own questions. */
export function FormEditor({ program, onProgram }: ProgramProps) {
  const [draft, setDraft] = useState<Form>(program.applicationForm);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<{ field: string; message: string }[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(program.applicationForm);
  const local = useMemo(() => schemaProblems(applicationForm, draft).problems, [draft]);
  const errors = problemMap(local, serverProblems);
  const shape = useMemo(() => shapeOf(applicationForm, draft), [draft]);

  const save = async () => {
    setSaved(null);
    setError(null);
    if (local.length > 0) return setError(`Fix ${count(local.length, "problem")} before saving.`);
    setBusy(true);
    try {
      const next = await api<ProgramView>(programApi(program.id), {
        method: "PATCH",
        body: { applicationForm: draft },
      });
      onProgram(next);
      setDraft(next.applicationForm);
      setServerProblems([]);
      setSaved("The application form is saved.");
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) {
        setServerProblems(
          err.errors.map((e) => ({ ...e, field: withinBody(e.field, "applicationForm") })),
        );
      }
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="card form-editor"
      aria-label="Application form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p class="lead">
        What members fill in when they apply. Ask only what you will use to review or match: short
        forms get more applications.
      </p>
      {shape.kind === "group" &&
        shape.entries.map(([key, sub]) => (
          <ShapeField
            key={key}
            name={key}
            path={[key]}
            shape={sub}
            value={draft[key]}
            onValue={(next) => {
              setSaved(null);
              const copy = { ...draft };
              if (next === undefined) delete copy[key];
              else copy[key] = next;
              setDraft(copy);
            }}
            errors={errors}
            hints={hints}
          />
        ))}
      <ProblemList problems={errors} />
      <ErrorMessage message={error} />
      <StatusMessage message={saved} />
      <FormActions>
        <button type="submit" class="button primary" disabled={busy || !dirty}>
          {busy ? "Saving…" : dirty ? "Save application form" : "No changes to save"}
        </button>
        {dirty && (
          <button type="button" class="button" onClick={() => setDraft(program.applicationForm)}>
            Discard changes
          </button>
        )}
      </FormActions>
    </form>
  );
}
