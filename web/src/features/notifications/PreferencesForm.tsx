import { useState } from "preact/hooks";
import type {
  NotificationPreferencesView,
  PersonalChannel,
} from "../../../../workers/shared/src/contracts/notifications";
import { ErrorMessage, FormActions, StatusMessage, SubmitButton } from "../../ui/feedback";
import { RadioGroup } from "../../ui/fields";
import { useForm } from "../../ui/use-form";

type Choice = "both" | "email" | "in_app";

const choices = [
  ["both", "By email and in Tandem"],
  ["email", "By email only"],
  ["in_app", "In Tandem only (the Notifications page)"],
] as const;

const channelsOf: Record<Choice, PersonalChannel[]> = {
  both: ["email", "in_app"],
  email: ["email"],
  in_app: ["in_app"],
};

const choiceOf = (channels: readonly PersonalChannel[]): Choice =>
  channels.length === 2 ? "both" : channels[0] === "email" ? "email" : "in_app";

/** What a program's own channels mean for the member, in a sentence. */
function programSentence(p: NotificationPreferencesView["programs"][number]): string {
  if (p.channels.length === 2) return `${p.name} reminds by email and in Tandem.`;
  if (p.channels[0] === "email") return `${p.name} reminds by email only.`;
  if (p.channels[0] === "in_app") return `${p.name} reminds in Tandem only.`;
  return `${p.name} sends members no reminders.`;
}

/**
 * How the member is reminded: one choice of channels, and what each of their programs allows
 * (a program that reminds by email only keeps emailing someone who chose "in Tandem only").
 */
export function PreferencesForm({
  initial,
  save,
}: {
  initial: NotificationPreferencesView;
  save: (channels: PersonalChannel[]) => Promise<NotificationPreferencesView>;
}) {
  const [view, setView] = useState(initial);
  const [choice, setChoice] = useState<Choice>(choiceOf(initial.channels));
  const [note, setNote] = useState<string | null>(null);
  const form = useForm(["channels"]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setNote(null);
    void form.submit(
      () => ({}),
      async () => {
        const saved = await save(channelsOf[choice]);
        setView(saved);
        setNote("Saved. Reminders will reach you this way from now on.");
      },
    );
  };

  return (
    <form ref={form.formRef} class="card" onSubmit={onSubmit} noValidate>
      <ErrorMessage message={form.error} />
      <StatusMessage message={note} />
      <RadioGroup
        legend="How should Tandem remind you?"
        name="channels"
        value={choice}
        onValue={setChoice}
        options={choices}
      />
      {view.programs.length > 0 ? (
        <>
          <p>Each program decides which of these it uses:</p>
          <ul>
            {view.programs.map((p) => (
              <li key={p.id}>{programSentence(p)}</li>
            ))}
          </ul>
          <p class="muted">
            If a program uses none of the ways you chose, it still reminds you the way it uses, so
            no reminder is lost.
          </p>
        </>
      ) : null}
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Saving…" primary>
          Save
        </SubmitButton>
      </FormActions>
    </form>
  );
}
