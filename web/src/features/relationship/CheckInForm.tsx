import { useState } from "preact/hooks";
import type {
  CheckInResponseView,
  CheckInView,
  MatchCheckIns,
} from "../../../../workers/shared/src/contracts/relationship/check-ins";
import type { CheckInAnswers } from "../../../../workers/shared/src/contracts/relationship/stored-shapes";
import { api } from "../../lib/api";
import { ErrorMessage, FormActions, StatusMessage, SubmitButton } from "../../ui/feedback";
import { TextAreaField } from "../../ui/fields";
import { useForm } from "../../ui/use-form";
import { focusById, type Pair, pairApi } from "./common";
import { Choices } from "./fields";
import { calendarDay } from "./time";

const ratings = [
  [1, "1 · poor"],
  [2, "2"],
  [3, "3 · okay"],
  [4, "4"],
  [5, "5 · great"],
] as const;
const yesNo = [
  [true, "Yes"],
  [false, "No"],
] as const;

interface Props {
  pair: Pair;
  checkIn: CheckInView;
  questions: MatchCheckIns["questions"];
  onSaved: () => void;
}

/** The member's answers to the open check-in; sending again edits them until it closes. */
export function CheckInForm({ pair, checkIn, questions, onSaved }: Props) {
  const mine = checkIn.people.find((p) => p.memberId === pair.me.id);
  const [answers, setAnswers] = useState<CheckInAnswers>(() => ({ ...(mine?.answers ?? {}) }));
  const [note, setNote] = useState<string | null>(null);
  const form = useForm(questions.map((q) => `answers.${q.id}`));
  const set = (id: string, value: number | boolean | string) =>
    setAnswers((a) => ({ ...a, [id]: value }));

  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      () =>
        Object.fromEntries(
          questions
            .filter((q) => q.kind !== "text" && answers[q.id] === undefined)
            .map((q) => [`answers.${q.id}`, "Choose an answer."]),
        ),
      async () => {
        const body = Object.fromEntries(
          Object.entries(answers).filter(([, v]) => typeof v !== "string" || v.trim() !== ""),
        );
        const saved = await api<CheckInResponseView>(
          pairApi(pair.match.id, `/check-ins/${checkIn.period}/response`),
          { method: "PUT", body: { answers: body } },
        );
        setNote(
          saved.contactRequested
            ? "Thank you, your answers are saved. A coordinator will get in touch with you."
            : "Thank you, your answers are saved.",
        );
        onSaved();
        focusById("check-in-form-t");
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-labelledby="check-in-form-t">
      <h3 id="check-in-form-t" tabIndex={-1}>
        {mine?.answered ? "Your answers" : "Your check-in"}
      </h3>
      <StatusMessage message={note} />
      <p class="small">
        {mine?.answered
          ? `You answered. You can change your answers until ${calendarDay(checkIn.closesOn)}.`
          : `Please answer by ${calendarDay(checkIn.closesOn)}.`}
      </p>
      {questions.map((q) => {
        const key = `answers.${q.id}`;
        const value = answers[q.id];
        if (q.kind === "text") {
          return (
            <TextAreaField
              key={q.id}
              label={q.label}
              name={key}
              value={typeof value === "string" ? value : ""}
              onValue={(text) => set(q.id, text)}
              optional
              rows={3}
              error={form.fields[key]}
            />
          );
        }
        return q.kind === "rating" ? (
          <Choices
            key={q.id}
            legend={`${q.label} (1 to 5)`}
            name={key}
            value={typeof value === "number" ? value : undefined}
            onValue={(n) => set(q.id, n)}
            options={ratings}
            error={form.fields[key]}
          />
        ) : (
          <Choices
            key={q.id}
            legend={q.label}
            name={key}
            value={typeof value === "boolean" ? value : undefined}
            onValue={(yes) => set(q.id, yes)}
            options={yesNo}
            error={form.fields[key]}
          />
        );
      })}
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Sending…" primary>
          {mine?.answered ? "Update my answers" : "Send my answers"}
        </SubmitButton>
      </FormActions>
    </form>
  );
}
