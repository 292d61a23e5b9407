import { useState } from "preact/hooks";
import type { Page } from "../../../../workers/shared/src/contracts/common/pagination";
import type {
  CommitmentOwner,
  CommitmentView,
} from "../../../../workers/shared/src/contracts/relationship/commitments";
import type { MeetingView } from "../../../../workers/shared/src/contracts/relationship/meetings";
import { api, query } from "../../lib/api";
import { ErrorMessage, FormActions, SubmitButton } from "../../ui/feedback";
import { SelectField, TextField } from "../../ui/fields";
import { useForm } from "../../ui/use-form";
import { useLoad } from "../../ui/use-load";
import { type Pair, pairApi } from "./common";
import { Choices, InputField } from "./fields";
import { meetingWhen } from "./meetings/MeetingItem";

interface Props {
  pair: Pair;
  version: number;
  onAdded: (commitment: CommitmentView) => void;
}

/** A new commitment: what, who does it, by when, and (if any) the meeting it came from. */
export function AddCommitment({ pair, version, onAdded }: Props) {
  const held = useLoad(
    () =>
      api<Page<MeetingView>>(
        pairApi(pair.match.id, `/meetings${query({ status: "held", limit: 10 })}`),
      ),
    [pair.match.id, version],
  );
  const [text, setText] = useState("");
  const [owner, setOwner] = useState<CommitmentOwner | undefined>(
    pair.seat === "coordinator" ? undefined : pair.seat,
  );
  const [dueOn, setDueOn] = useState("");
  const [meetingId, setMeetingId] = useState("");
  const form = useForm(["text", "owner", "dueOn", "meetingId"]);

  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      () => ({
        text: text.trim() ? undefined : "Say what will be done.",
        owner: owner ? undefined : "Choose who does it.",
        dueOn: dueOn ? undefined : "Choose the day it is due.",
      }),
      async () => {
        const added = await api<CommitmentView>(pairApi(pair.match.id, "/commitments"), {
          method: "POST",
          body: { text: text.trim(), owner, dueOn, ...(meetingId ? { meetingId } : {}) },
        });
        setText("");
        setDueOn("");
        setMeetingId("");
        onAdded(added);
      },
    );
  };

  const meetings = held.data?.items ?? [];
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-labelledby="add-commitment-t">
      <h3 id="add-commitment-t">Add a commitment</h3>
      <TextField
        label="What will be done"
        name="commitment-text"
        value={text}
        onValue={setText}
        maxLength={500}
        error={form.fields.text}
      />
      <Choices
        legend="Who does it"
        name="commitment-owner"
        value={owner}
        onValue={setOwner}
        error={form.fields.owner}
        options={[
          ["mentor", `${pair.mentor.displayName} (mentor)`],
          ["mentee", `${pair.mentee.displayName} (mentee)`],
        ]}
      />
      <InputField
        label="Due on"
        name="commitment-due"
        type="date"
        value={dueOn}
        onValue={setDueOn}
        error={form.fields.dueOn}
      />
      {meetings.length > 0 && (
        <SelectField
          label="Agreed in the meeting"
          name="commitment-meeting"
          value={meetingId}
          onValue={setMeetingId}
          error={form.fields.meetingId}
          options={[["", "None"], ...meetings.map((m) => [m.id, meetingWhen(m)] as const)]}
        />
      )}
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Adding…">
          Add commitment
        </SubmitButton>
      </FormActions>
    </form>
  );
}
