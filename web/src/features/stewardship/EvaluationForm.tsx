import { useState } from "preact/hooks";
import type { EvaluationAnswers } from "../../../../workers/shared/src/contracts/stewardship/stored-shapes";
import { api } from "../../lib/api";
import { ErrorMessage, FormActions } from "../../ui/feedback";
import { TextAreaField } from "../../ui/fields";
import { useForm } from "../../ui/use-form";
import { pairApi } from "../relationship/common";
import { Choices } from "../relationship/fields";
import type { DueEvaluationView } from "./shapes";
import { idWords } from "./words";

type EvaluationQuestion = DueEvaluationView["questions"][number];

const kindWords: Record<DueEvaluationView["kind"], string> = {
  relationship: "about your mentoring",
  program: "about the program",
  exit: "",
};

const titleOf = (due: DueEvaluationView) =>
  due.kind === "exit" ? "Exit survey" : `${idWords(due.evaluationId)}, ${kindWords[due.kind]}`;

const scale = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => [from + i, String(from + i)] as const);
const ratings = scale(1, 5);
const nps = scale(0, 10);

function Question(props: {
  q: EvaluationQuestion;
  value: number | string | undefined;
  onValue: (v: number | string) => void;
  error?: string | undefined;
}) {
  const { q, value, onValue, error } = props;
  if (q.kind === "text") {
    return (
      <TextAreaField
        label={q.label}
        name={q.id}
        value={String(value ?? "")}
        onValue={onValue}
        rows={3}
        optional
        error={error}
      />
    );
  }
  return (
    <Choices
      legend={
        q.kind === "nps" ? `${q.label} (0 not at all, 10 certainly)` : `${q.label} (1 low, 5 high)`
      }
      name={q.id}
      value={typeof value === "number" ? value : undefined}
      onValue={onValue}
      options={q.kind === "nps" ? nps : ratings}
      error={error}
    />
  );
}

/** One evaluation to fill in: saved as a draft as often as wanted, then submitted once. */
export function EvaluationForm({
  due,
  onSaved,
}: {
  due: DueEvaluationView;
  onSaved: (m: string) => void;
}) {
  const [answers, setAnswers] = useState<EvaluationAnswers>(due.answers ?? {});
  const [submitting, setSubmitting] = useState(false);
  const form = useForm(["answers", ...due.questions.map((q) => `answers.${q.id}`)]);
  const title = titleOf(due);
  const headingId = `evaluation-${due.evaluationId}-t`;

  const save = (submit: boolean) => (e: Event) => {
    e.preventDefault();
    setSubmitting(submit);
    void form.submit(
      () =>
        submit
          ? Object.fromEntries(
              due.questions
                .filter((q) => q.kind !== "text" && answers[q.id] === undefined)
                .map((q) => [`answers.${q.id}`, "Choose an answer before you submit."]),
            )
          : {},
      async () => {
        const path = pairApi(due.matchId, `/evaluations/${encodeURIComponent(due.evaluationId)}`);
        await api(path, { method: "PUT", body: { answers, submit } });
        onSaved(
          submit
            ? `Thank you: "${title}" is submitted.`
            : "Draft saved. Submit it when you are ready.",
        );
      },
    );
  };

  return (
    <form
      ref={form.formRef}
      onSubmit={save(true)}
      noValidate
      aria-labelledby={headingId}
      class="list-item"
    >
      <h3 id={headingId}>{title}</h3>
      {due.questions.map((q) => (
        <Question
          key={q.id}
          q={q}
          value={answers[q.id]}
          onValue={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
          error={form.fields[`answers.${q.id}`]}
        />
      ))}
      <ErrorMessage message={form.error} />
      <FormActions>
        <button type="submit" class="button primary" disabled={form.busy}>
          {form.busy && submitting ? "Submitting…" : "Submit"}
          <span class="visually-hidden">: {title}</span>
        </button>
        <button type="button" class="button" disabled={form.busy} onClick={save(false)}>
          {form.busy && !submitting ? "Saving…" : "Save draft"}
          <span class="visually-hidden">: {title}</span>
        </button>
      </FormActions>
    </form>
  );
}
