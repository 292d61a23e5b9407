import { useState } from "preact/hooks";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { ErrorMessage, FormActions, SubmitButton } from "../../ui/feedback";
import { TextAreaField } from "../../ui/fields";
import { useForm } from "../../ui/use-form";
import { nameIn, type Pair, pairApi } from "../relationship/common";
import type { ConcernView } from "./shapes";
import { concernStatusWords, urgencyWords } from "./words";

interface Props {
  pair: Pair;
  concern: ConcernView;
  onChanged: (message: string) => void;
}

/** One text box and a button posting to one of a concern's verbs (notes, resolve). */
function ConcernVerb(props: {
  pair: Pair;
  concern: ConcernView;
  verb: "notes" | "resolve";
  onDone: (message: string) => void;
}) {
  const { pair, concern, verb, onDone } = props;
  const [text, setText] = useState("");
  const field = verb === "notes" ? "text" : "resolution";
  const form = useForm([field]);
  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      () => ({ [field]: text.trim() ? undefined : "Write a few words first." }),
      async () => {
        await api(pairApi(pair.match.id, `/concerns/${encodeURIComponent(concern.id)}/${verb}`), {
          method: "POST",
          body: { [field]: text.trim() },
        });
        setText("");
        onDone(verb === "notes" ? "Note added." : "Resolved; the member is told by email.");
      },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <TextAreaField
        label={verb === "notes" ? "Handling note" : "Resolution"}
        hint={
          verb === "notes"
            ? "Coordinators only: the member never reads these."
            : "The member who raised it is emailed this."
        }
        name={field}
        value={text}
        onValue={setText}
        rows={2}
        error={form.fields[field]}
      />
      <ErrorMessage message={form.error} />
      <FormActions>
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          {verb === "notes" ? "Add note" : "Resolve"}
        </SubmitButton>
      </FormActions>
    </form>
  );
}

/** A concern as its coordinator handles it: read, acknowledge, note, resolve. */
export function ConcernItem({ pair, concern, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(pairApi(pair.match.id, `/concerns/${encodeURIComponent(concern.id)}/acknowledge`), {
        method: "POST",
        body: {},
      });
      onChanged("Acknowledged.");
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const who = nameIn(pair, concern.raisedBy);
  const notes = concern.handling?.notes ?? [];
  const title = `${urgencyWords[concern.urgency]} concern from ${who}`;
  return (
    <li class="list-item">
      <h3>{title}</h3>
      <p class="small">
        {concernStatusWords[concern.status]} · raised {formatDateTime(concern.createdAt)}
        {concern.wantsContact ? " · wants to be contacted" : " · did not ask to be contacted"}
      </p>
      {concern.whatHappened && <blockquote>{concern.whatHappened}</blockquote>}
      {concern.resolution && (
        <p>
          <strong>Resolution:</strong> {concern.resolution}
        </p>
      )}
      {notes.length > 0 && (
        <ul aria-label={`Handling notes: ${title}`} class="small">
          {notes.map((n) => (
            <li key={n.id}>
              {formatDateTime(n.createdAt)} · {n.authorId === pair.me.id ? "You" : "A coordinator"}:{" "}
              {n.text}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage message={error} />
      {concern.status === "open" && (
        <FormActions>
          <button
            type="button"
            class="button primary"
            disabled={busy}
            aria-label={`Acknowledge: ${title}`}
            onClick={acknowledge}
          >
            {busy ? "Working…" : "Acknowledge"}
          </button>
        </FormActions>
      )}
      {concern.status !== "resolved" && (
        <details>
          <summary>Notes and resolution</summary>
          <ConcernVerb pair={pair} concern={concern} verb="notes" onDone={onChanged} />
          <ConcernVerb pair={pair} concern={concern} verb="resolve" onDone={onChanged} />
        </details>
      )}
    </li>
  );
}
