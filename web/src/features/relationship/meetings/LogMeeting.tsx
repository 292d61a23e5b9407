import { useState } from "preact/hooks";
import type { MeetingView } from "../../../../../workers/shared/src/contracts/relationship/meetings";
import { api } from "../../../lib/api";
import { ErrorMessage, FormActions, SubmitButton } from "../../../ui/feedback";
import { useForm } from "../../../ui/use-form";
import { nameIn, type Pair, pairApi } from "../common";
import { CheckField, InputField } from "../fields";

interface Props {
  pair: Pair;
  meeting: MeetingView;
  onDone: (meeting: MeetingView) => void;
  onCancel: () => void;
}

/** Marks a meeting as held: who came and how long it lasted. */
export function LogMeeting({ pair, meeting, onDone, onCancel }: Props) {
  const people = [pair.mentor.memberId, pair.mentee.memberId];
  const [attendees, setAttendees] = useState<string[]>(people);
  const [minutes, setMinutes] = useState(String(meeting.durationMinutes));
  const form = useForm(["attendees", "heldMinutes"]);

  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      () => ({
        attendees: attendees.length === 0 ? "Tick who came." : undefined,
        heldMinutes:
          !Number.isInteger(Number(minutes)) || Number(minutes) < 1
            ? "Give the minutes it lasted, at least 1."
            : undefined,
      }),
      async () => {
        const saved = await api<MeetingView>(
          pairApi(pair.match.id, `/meetings/${meeting.id}/log`),
          { method: "POST", body: { attendees, heldMinutes: Number(minutes) } },
        );
        onDone(saved);
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Log the meeting">
      <fieldset class="choice">
        <legend>Who came</legend>
        {people.map((id) => (
          <CheckField
            key={id}
            label={nameIn(pair, id)}
            name={`attendee-${id}`}
            checked={attendees.includes(id)}
            onChecked={(on) =>
              setAttendees((list) => (on ? [...list, id] : list.filter((x) => x !== id)))
            }
          />
        ))}
        {form.fields.attendees && <p class="field-error">{form.fields.attendees}</p>}
      </fieldset>
      <InputField
        label="Minutes it lasted"
        name="heldMinutes"
        type="number"
        min={1}
        max={480}
        value={minutes}
        onValue={setMinutes}
        error={form.fields.heldMinutes}
      />
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Saving…" primary>
          Log as held
        </SubmitButton>
        <button type="button" class="button" onClick={onCancel}>
          Not now
        </button>
      </FormActions>
    </form>
  );
}
