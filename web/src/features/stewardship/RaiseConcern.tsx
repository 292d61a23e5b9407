import "./stewardship.css";
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../../lib/api";
import { ErrorMessage, FormActions, SubmitButton } from "../../ui/feedback";
import { TextAreaField } from "../../ui/fields";
import { useForm } from "../../ui/use-form";
import { pairApi } from "../relationship/common";
import { CheckField, Choices } from "../relationship/fields";
import { type Urgency, urgencies } from "./shapes";
import { urgencyWords } from "./words";

interface Props {
  matchId: string;
  /** Said after sending: "Sent. Only the coordinators read it." */
  onRaised: (message: string) => void;
  onCancel: () => void;
}

const urgencyOptions = urgencies.map((u) => [u, urgencyWords[u]] as const);

/** A short form for a safety or wellbeing concern: it goes to the coordinators, never the partner. */
export function RaiseConcern({ matchId, onRaised, onCancel }: Props) {
  const [whatHappened, setWhatHappened] = useState("");
  const [urgency, setUrgency] = useState<Urgency | undefined>(undefined);
  const [wantsContact, setWantsContact] = useState(true);
  const form = useForm(["whatHappened", "urgency", "wantsContact"]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      () => ({
        whatHappened: !whatHappened.trim()
          ? "Say in a few words what happened."
          : whatHappened.length > 4000
            ? "Keep it under 4000 characters; a coordinator can ask for more."
            : undefined,
        urgency: urgency ? undefined : "Choose how urgent it is.",
      }),
      async () => {
        await api(pairApi(matchId, "/concerns"), {
          method: "POST",
          body: { whatHappened: whatHappened.trim(), urgency, wantsContact },
        });
        onRaised(
          urgency === "urgent"
            ? "Sent as urgent: the coordinators are told now. Your partner is not told."
            : "Sent to the coordinators. Your partner is not told.",
        );
      },
    );
  };

  return (
    <form
      ref={form.formRef}
      onSubmit={submit}
      noValidate
      class="card concern-form"
      aria-labelledby="raise-concern-t"
      id="raise-concern"
    >
      <h2 id="raise-concern-t" ref={heading} tabIndex={-1}>
        Raise a concern
      </h2>
      <p class="small">
        Only the program's coordinators read this, never your partner. If someone is in danger right
        now, call your local emergency number first.
      </p>
      <TextAreaField
        label="What happened"
        name="whatHappened"
        value={whatHappened}
        onValue={setWhatHappened}
        rows={4}
        error={form.fields.whatHappened}
      />
      <Choices
        legend="How urgent is it?"
        name="urgency"
        value={urgency}
        onValue={setUrgency}
        options={urgencyOptions}
        error={form.fields.urgency}
      />
      <CheckField
        label="I would like a coordinator to contact me"
        name="wantsContact"
        checked={wantsContact}
        onChecked={setWantsContact}
      />
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Sending…" primary>
          Send to the coordinators
        </SubmitButton>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </form>
  );
}
