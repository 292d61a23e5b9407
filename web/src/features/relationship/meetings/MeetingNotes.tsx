import { useState } from "preact/hooks";
import type { MeetingView } from "../../../../../workers/shared/src/contracts/relationship/meetings";
import { api } from "../../../lib/api";
import { messageOf } from "../../../lib/problem";
import { ErrorMessage, StatusMessage } from "../../../ui/feedback";
import { TextAreaField } from "../../../ui/fields";
import { type Pair, pairApi } from "../common";

/** One note and its Save button: the shared notes, or the member's own private note. */
function Note(props: {
  pair: Pair;
  meeting: MeetingView;
  kind: "shared-notes" | "private-note";
  label: string;
  hint: string;
  initial: string;
}) {
  const { pair, meeting, kind } = props;
  const [text, setText] = useState(props.initial);
  const [saved, setSaved] = useState(props.initial);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await api(pairApi(pair.match.id, `/meetings/${meeting.id}/${kind}`), {
        method: "PUT",
        body: { text },
      });
      setSaved(text);
      setNote("Saved.");
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  if (!pair.canWrite) {
    return props.initial ? (
      <div>
        <h4>{props.label}</h4>
        <p class="pre-line">{props.initial}</p>
      </div>
    ) : null;
  }
  return (
    <div class="meeting-note">
      <TextAreaField
        label={props.label}
        name={`${kind}-${meeting.id}`}
        value={text}
        onValue={setText}
        hint={props.hint}
        rows={3}
      />
      <StatusMessage message={note} />
      <ErrorMessage message={error} />
      <button type="button" class="button small" disabled={busy || text === saved} onClick={save}>
        {busy ? "Saving…" : `Save ${props.label.toLowerCase()}`}
      </button>
    </div>
  );
}

/** The pair's shared notes and the viewer's private note for one meeting. */
export function MeetingNotes({ pair, meeting }: { pair: Pair; meeting: MeetingView }) {
  return (
    <details>
      <summary>Notes</summary>
      <Note
        pair={pair}
        meeting={meeting}
        kind="shared-notes"
        label="Shared notes"
        hint={`You and ${pair.partner?.displayName ?? "your partner"} both read and edit these.`}
        initial={meeting.sharedNotes ?? ""}
      />
      <Note
        pair={pair}
        meeting={meeting}
        kind="private-note"
        label="My private note"
        hint="Only you can read this. Not your partner, not the coordinators."
        initial={meeting.privateNote ?? ""}
      />
    </details>
  );
}
