import { useEffect, useRef, useState } from "preact/hooks";
import {
  type MyChoicesView,
  maxMatchChoices,
} from "../../../../workers/shared/src/contracts/matches";
import { api } from "../../lib/api";
import { messageOf } from "../../lib/problem";
import { ErrorMessage, FormActions } from "../../ui/feedback";
import { ItemActions } from "../../ui/ItemActions";
import { myProgramApi } from "./common";

type Control = "up" | "down" | "remove";

interface Props {
  programId: string;
  draft: string[];
  nameOf: (mentorId: string) => string;
  onDraft: (draft: string[]) => void;
  onSent: (choices: MyChoicesView) => void;
}

/** The chosen mentors in order: reordered with buttons (focus follows the moved one), then sent. */
export function ChoiceDraft({ programId, draft, nameOf, onDraft, onSent }: Props) {
  const ref = useRef<HTMLElement>(null);
  const [focusAfter, setFocusAfter] = useState<{ index: number; control: Control } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const root = ref.current;
    if (!root || !focusAfter) return;
    setFocusAfter(null);
    const item = root.querySelector(`[data-item='${focusAfter.index}']`);
    // The same button on the moved choice; at the top or bottom of the list, the other move.
    const opposite: Record<Control, Control> = { up: "down", down: "up", remove: "remove" };
    const enabled = (control: Control) => {
      const button = item?.querySelector<HTMLButtonElement>(`[data-control='${control}']`);
      return button && !button.disabled ? button : null;
    };
    const target =
      enabled(focusAfter.control) ??
      enabled(opposite[focusAfter.control]) ??
      enabled("remove") ??
      root.querySelector<HTMLElement>("h2");
    target?.focus();
  }, [focusAfter]);

  const move = (from: number, to: number) => {
    const next = [...draft];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    onDraft(next);
    setFocusAfter({ index: to, control: to < from ? "up" : "down" });
  };
  const remove = (index: number) => {
    onDraft(draft.filter((_, i) => i !== index));
    setFocusAfter({ index: Math.min(index, draft.length - 2), control: "remove" });
  };
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const path = myProgramApi(programId, "/choices");
      onSent(await api<MyChoicesView>(path, { method: "PUT", body: { mentorIds: draft } }));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="draft-t" ref={ref}>
      <h2 id="draft-t" tabIndex={-1}>
        Your choices, in order
      </h2>
      {draft.length === 0 ? (
        <p class="muted">Choose up to {maxMatchChoices} mentors from the suggestions.</p>
      ) : (
        <ol class="list-items">
          {draft.map((id, index) => {
            const name = nameOf(id);
            return (
              <li key={id} data-item={index} class="list-item">
                <strong>
                  {index + 1}. {name}
                </strong>
                <ItemActions
                  index={index}
                  count={draft.length}
                  name={name}
                  onMove={move}
                  onRemove={remove}
                />
              </li>
            );
          })}
        </ol>
      )}
      <ErrorMessage message={error} />
      <FormActions>
        <button
          type="button"
          class="button primary"
          disabled={busy || draft.length === 0}
          onClick={send}
        >
          {busy ? "Sending…" : "Send my request"}
        </button>
      </FormActions>
      <p class="small muted">
        Your first choice is emailed at once. The others are asked only if needed, in order.
      </p>
    </section>
  );
}
