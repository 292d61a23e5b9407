import { useState } from "preact/hooks";
import type { ProgramRole } from "../../../../workers/shared/src/contracts/enrollments";
import type {
  TrainingList as TrainingAnswer,
  TrainingView,
} from "../../../../workers/shared/src/contracts/training";
import { api } from "../../lib/api";
import { messageOf } from "../../lib/problem";
import { ErrorMessage, Loading, StatusMessage } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { programApi } from "../programs/common";
import { Quiz } from "./Quiz";

/** The training this member's role asks for, each with "Mark complete" or its quiz. */
export function TrainingList(props: { programId: string; role: ProgramRole; onDone: () => void }) {
  const { programId, role, onDone } = props;
  const list = useLoad(() => api<TrainingAnswer>(programApi(programId, "/training")), [programId]);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = (list.data?.items ?? []).filter(
    (r) => r.requiredFor === "both" || r.requiredFor === role,
  );

  const complete = async (r: TrainingView, answers?: number[]) => {
    setError(null);
    setNote(null);
    try {
      await api(programApi(programId, `/training/${encodeURIComponent(r.id)}/complete`), {
        method: "POST",
        body: answers ? { answers } : {},
      });
      list.setData(
        (d) =>
          d && { items: d.items.map((x) => (x.id === r.id ? { ...x, completedByMe: true } : x)) },
      );
      setNote(`“${r.title}” is done.`);
      onDone();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  if (list.loading && !list.data) return <Loading label="Loading training…" />;
  if (list.error) return <ErrorMessage message={list.error} />;
  if (mine.length === 0) return null;
  return (
    <section class="training" aria-label="Training">
      <h3>Training</h3>
      <StatusMessage message={note} />
      <ErrorMessage message={error} />
      <ol class="training-list">
        {mine.map((r) => (
          <li key={r.id}>
            <strong>{r.title}</strong>{" "}
            {r.completedByMe && <span class="badge badge-active">Done</span>}
            {r.kind === "link" && r.url && (
              <p>
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  Open “{r.title}”<span class="visually-hidden"> (opens in a new tab)</span>
                </a>
              </p>
            )}
            {r.kind === "document" && r.body && <p class="document">{r.body}</p>}
            {!r.completedByMe &&
              (r.kind === "quiz" && r.quiz ? (
                <Quiz resource={r} onSubmit={(answers) => complete(r, answers)} />
              ) : (
                <button type="button" class="button small" onClick={() => complete(r)}>
                  Mark complete<span class="visually-hidden">: {r.title}</span>
                </button>
              ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
