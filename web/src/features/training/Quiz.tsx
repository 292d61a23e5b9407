import { useState } from "preact/hooks";
import type { TrainingView } from "../../../../workers/shared/src/contracts/training";

/** A short quiz: one radio group per question; the API checks the answers. */
export function Quiz(props: {
  resource: TrainingView;
  onSubmit: (answers: number[]) => Promise<void>;
}) {
  const { resource, onSubmit } = props;
  const questions = resource.quiz ?? [];
  const [answers, setAnswers] = useState<(number | null)[]>(questions.map(() => null));
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="quiz"
      aria-label={`Quiz: ${resource.title}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (answers.some((a) => a === null)) return setMissing(true);
        setMissing(false);
        setBusy(true);
        await onSubmit(answers as number[]);
        setBusy(false);
      }}
    >
      {questions.map((q, qi) => (
        <fieldset class="choice" key={qi}>
          <legend>{q.question}</legend>
          {q.options.map((option, oi) => (
            <label class="radio" key={oi}>
              <input
                type="radio"
                name={`${resource.id}-${qi}`}
                checked={answers[qi] === oi}
                onChange={() => setAnswers(answers.map((a, i) => (i === qi ? oi : a)))}
              />{" "}
              {option}
            </label>
          ))}
        </fieldset>
      ))}
      <p class="field-error" role="alert" data-empty={missing ? undefined : ""}>
        {missing ? "Answer every question first." : ""}
      </p>
      <button type="submit" class="button small primary" disabled={busy}>
        {busy ? "Checking…" : "Submit answers"}
      </button>
    </form>
  );
}
