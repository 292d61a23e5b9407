import { useState } from "preact/hooks";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import type { TrainingList, TrainingView } from "../../../../workers/shared/src/contracts/training";
import { api } from "../../lib/api";
import { ConfirmDialog, EmptyState, ErrorMessage, Loading, StatusMessage } from "../../ui/feedback";
import { useConfirm } from "../../ui/use-confirm";
import { useLoad } from "../../ui/use-load";
import { programApi, roleName } from "../programs/common";
import { kinds, TrainingForm } from "./TrainingForm";

/** Training a program asks for before matching: links, short documents and quizzes. */
export function TrainingAdmin({ program }: { program: ProgramView }) {
  const list = useLoad(() => api<TrainingList>(programApi(program.id, "/training")), [program.id]);
  const [editing, setEditing] = useState<TrainingView | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const removal = useConfirm<TrainingView>();

  const remove = () =>
    removal.run(async (resource) => {
      await api(programApi(program.id, `/training/${encodeURIComponent(resource.id)}`), {
        method: "DELETE",
      });
      if (editing?.id === resource.id) setEditing(null);
      setNote(`Deleted “${resource.title}”.`);
      // The row and its buttons are gone: the list's heading keeps the keyboard's place.
      document.getElementById("training-t")?.focus();
      list.reload();
    });

  return (
    <div class="grid-2">
      <section class="card" aria-labelledby="training-t">
        <h2 id="training-t" tabIndex={-1}>
          Training resources
        </h2>
        <ErrorMessage message={list.error} />
        <StatusMessage message={note} />
        {list.loading && !list.data ? (
          <Loading label="Loading training…" />
        ) : list.data?.items.length === 0 ? (
          <EmptyState>No training yet. Members can be matched without any.</EmptyState>
        ) : (
          <ol class="training-list">
            {list.data?.items.map((r) => (
              <li key={r.id}>
                <strong>{r.title}</strong>{" "}
                <span class="muted small">
                  {kinds.find(([k]) => k === r.kind)?.[1].split(" (")[0]} · required for{" "}
                  {roleName(r.requiredFor).toLowerCase()}
                </span>
                <div class="row-actions">
                  <button type="button" class="button small" onClick={() => setEditing(r)}>
                    Edit<span class="visually-hidden"> {r.title}</span>
                  </button>
                  <button type="button" class="button small danger" onClick={() => removal.ask(r)}>
                    Delete<span class="visually-hidden"> {r.title}</span>
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <TrainingForm
        key={editing?.id ?? "new"}
        program={program}
        editing={editing}
        onDone={(message) => {
          setNote(message);
          setEditing(null);
          list.reload();
        }}
        onCancel={() => setEditing(null)}
      />
      {removal.asking && (
        <ConfirmDialog
          title={`Delete “${removal.asking.title}”?`}
          confirmLabel="Delete"
          danger
          busy={removal.busy}
          error={removal.error}
          onConfirm={() => void remove()}
          onCancel={removal.cancel}
        >
          <p>
            Members will no longer see it, and it no longer counts towards the training they must
            finish before matching.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
