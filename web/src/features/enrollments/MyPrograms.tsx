import { useState } from "preact/hooks";
import type {
  MyEnrollment,
  MyEnrollments,
} from "../../../../workers/shared/src/contracts/enrollments";
import { api } from "../../lib/api";
import { messageOf } from "../../lib/problem";
import { useLocation } from "../../lib/router";
import { useActiveSession } from "../../lib/session-context";
import {
  ConfirmDialog,
  EmptyState,
  ErrorMessage,
  Loading,
  PageHeading,
  StatusMessage,
} from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { programStatusLabel, roleName } from "../programs/common";
import { EnrollmentBadge } from "../programs/parts";
import { TrainingList } from "../training/TrainingList";

const withdrawable = new Set(["applied", "approved", "waitlisted"]);

/** The member's applications and enrollments, with their training and a way out. */
export function MyPrograms() {
  const { slug } = useActiveSession();
  const { search } = useLocation();
  const applied = new URLSearchParams(search).get("applied");
  const mine = useLoad(() => api<MyEnrollments>("/v1/me/enrollments"), []);
  const [leaving, setLeaving] = useState<MyEnrollment | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(
    applied ? "Your application has been sent. The coordinators will let you know." : null,
  );

  const withdraw = async () => {
    if (!leaving) return;
    setBusy(true);
    setDialogError(null);
    try {
      await api(`/v1/me/enrollments/${encodeURIComponent(leaving.id)}/withdraw`, {
        method: "POST",
      });
      setNote(`You have withdrawn from ${leaving.program.name}.`);
      setLeaving(null);
      mine.reload();
    } catch (err) {
      setDialogError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title="My programs">My programs</PageHeading>
      <StatusMessage message={note} />
      <ErrorMessage message={mine.error} />
      {mine.loading && !mine.data ? (
        <Loading label="Loading your programs…" />
      ) : mine.data?.items.length === 0 ? (
        <EmptyState>
          You haven't joined a program yet. <a href={`/o/${slug}/programs`}>See open programs</a>.
        </EmptyState>
      ) : (
        <ul class="program-list" aria-label="My programs">
          {mine.data?.items.map((e) => (
            <li key={e.id} class="card program-card">
              <div class="program-card-head">
                <h2>{e.program.name}</h2>
                <EnrollmentBadge status={e.status} />
              </div>
              <p class="muted small">
                {roleName(e.role)} · program {programStatusLabel[e.program.status]?.toLowerCase()}
                {e.training?.required > 0 &&
                  ` · training ${e.training.completed} of ${e.training.required} done`}
              </p>
              {e.decisionMessage && <p class="note">From the coordinators: {e.decisionMessage}</p>}
              {(e.status === "approved" || e.status === "applied") && (
                <TrainingList programId={e.programId} role={e.role} onDone={mine.reload} />
              )}
              {withdrawable.has(e.status) && (
                <button
                  type="button"
                  class="button small danger"
                  onClick={() => {
                    setNote(null);
                    setDialogError(null);
                    setLeaving(e);
                  }}
                >
                  Withdraw<span class="visually-hidden"> from {e.program.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {leaving && (
        <ConfirmDialog
          title={`Withdraw from ${leaving.program.name}?`}
          confirmLabel="Withdraw"
          danger
          busy={busy}
          error={dialogError}
          onConfirm={withdraw}
          onCancel={() => setLeaving(null)}
        >
          <p>
            Your application is withdrawn and the coordinators are told. To take part later you
            would need to ask them.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
