import { useState } from "preact/hooks";
import type { FeedbackList } from "../../../../workers/shared/src/contracts/relationship/feedback";
import { api } from "../../lib/api";
import { ErrorMessage, FormActions, SubmitButton } from "../../ui/feedback";
import { TextAreaField } from "../../ui/fields";
import { useForm } from "../../ui/use-form";
import { type Pair, pairApi } from "./common";
import { CheckField } from "./fields";

interface Props {
  pair: Pair;
  questions: FeedbackList["questions"];
  onGiven: () => void;
}

/** The two relationship questions and a note, for the partner; coordinators only if chosen. */
export function GiveFeedback({ pair, questions, onGiven }: Props) {
  const [workingWell, setWorkingWell] = useState("");
  const [support, setSupport] = useState("");
  const [note, setNote] = useState("");
  const [share, setShare] = useState(false);
  const form = useForm(["answers", "note", "shareWithCoordinators"]);
  const partner = pair.partner?.displayName ?? "your partner";

  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      () => ({
        answers:
          !workingWell.trim() && !support.trim()
            ? "Answer at least one of the two questions."
            : undefined,
      }),
      async () => {
        await api(pairApi(pair.match.id, "/feedback"), {
          method: "POST",
          body: {
            answers: { workingWell: workingWell.trim(), support: support.trim() },
            note: note.trim(),
            shareWithCoordinators: share,
          },
        });
        setWorkingWell("");
        setSupport("");
        setNote("");
        setShare(false);
        onGiven();
      },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-labelledby="give-feedback-t">
      <h3 id="give-feedback-t">Give {partner} feedback</h3>
      <TextAreaField
        label={questions.workingWell}
        name="workingWell"
        value={workingWell}
        onValue={setWorkingWell}
        rows={3}
        error={form.fields.answers}
      />
      <TextAreaField
        label={questions.support}
        name="support"
        value={support}
        onValue={setSupport}
        rows={3}
      />
      <TextAreaField
        label="Anything else"
        name="feedback-note"
        value={note}
        onValue={setNote}
        optional
        rows={2}
      />
      <CheckField
        label="Also share it with the program's coordinators"
        name="shareWithCoordinators"
        checked={share}
        onChecked={setShare}
        hint="Otherwise they only see that feedback was given, not what it says."
      />
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Sending…" primary>
          Send feedback
        </SubmitButton>
      </FormActions>
    </form>
  );
}
