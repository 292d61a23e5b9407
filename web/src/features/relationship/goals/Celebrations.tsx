import { useState } from "preact/hooks";
import type { CelebrationView } from "../../../../../workers/shared/src/contracts/relationship/goals";
import { api } from "../../../lib/api";
import { count, formatDate } from "../../../lib/format";
import { messageOf } from "../../../lib/problem";
import { ErrorMessage, StatusMessage } from "../../../ui/feedback";
import { useLoad } from "../../../ui/use-load";
import { nameIn, pairApi } from "../common";
import type { SectionProps } from "../Workspace";

/** Achieved goals and milestones; either person may put one on the program's wall. */
export function Celebrations({ pair, version }: SectionProps) {
  const loaded = useLoad(
    () => api<{ items: CelebrationView[] }>(pairApi(pair.match.id, "/celebrations")),
    [pair.match.id, version],
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = loaded.data?.items ?? [];

  const share = async (c: CelebrationView, on: boolean) => {
    setBusy(c.id);
    setError(null);
    try {
      const saved = await api<CelebrationView>(
        pairApi(pair.match.id, `/celebrations/${c.id}/share`),
        { method: on ? "POST" : "DELETE" },
      );
      loaded.setData((d) => d && { items: d.items.map((x) => (x.id === saved.id ? saved : x)) });
      setNote(
        on
          ? `"${c.title}" is on ${pair.program.name}'s wall.`
          : `"${c.title}" is no longer on the wall.`,
      );
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  if (items.length === 0 && !loaded.error) return null;
  return (
    <div class="celebrations">
      <h3>Celebrations</h3>
      <StatusMessage message={note} />
      <ErrorMessage message={error ?? loaded.error} />
      <ul class="list-items" aria-label="Celebrations">
        {items.map((c) => (
          <li key={c.id} class="list-item">
            <strong>
              {c.kind === "goal" ? "Goal achieved" : "Milestone reached"}: {c.title}
            </strong>{" "}
            <span class="small">{formatDate(c.createdAt)}</span>
            {c.sharedBy ? (
              <p class="small">
                Shared on the program's wall by {nameIn(pair, c.sharedBy)} ·{" "}
                {count(c.congratulations, "congratulation")}
              </p>
            ) : (
              <p class="small">Only the two of you see this.</p>
            )}
            {pair.canWrite && (
              <button
                type="button"
                class={c.sharedBy ? "button small" : "button small primary"}
                disabled={busy === c.id}
                onClick={() => share(c, !c.sharedBy)}
              >
                {c.sharedBy ? "Take it off the wall" : "Share on the program's wall"}
                <span class="visually-hidden">: {c.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
