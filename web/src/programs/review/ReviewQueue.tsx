import { useState } from "preact/hooks";
import { api } from "../../lib/api";
import { messageOf } from "../../lib/problem";
import { ConfirmDialog, EmptyState, ErrorMessage, Loading, StatusMessage } from "../../ui/feedback";
import { SelectField, TextAreaField } from "../../ui/fields";
import { LoadMore } from "../../ui/LoadMore";
import { usePages } from "../../ui/use-pages";
import { type EnrollmentView, enrollmentStatusLabel, type ProgramView, programApi } from "../types";
import { ApplicationCard } from "./ApplicationCard";
import { BulkEnroll } from "./BulkEnroll";

export type Decision = "approve" | "waitlist" | "decline";

export const decisionWords: Record<Decision, { label: string; done: string }> = {
  approve: { label: "Approve", done: "approved" },
  waitlist: { label: "Waitlist", done: "put on the waitlist" },
  decline: { label: "Decline", done: "declined" },
};

const statusFilter = [
  ["", "All"],
  ...Object.entries(enrollmentStatusLabel).map(([k, v]) => [k, v] as const),
] as const;
const roleFilter = [
  ["", "Mentors and mentees"],
  ["mentor", "Mentors"],
  ["mentee", "Mentees"],
] as const;

/** Applications to a program, oldest first, with the coordinator's decisions. */
export function ReviewQueue({ program }: { program: ProgramView }) {
  const [status, setStatus] = useState("applied");
  const [role, setRole] = useState("");
  const [version, setVersion] = useState(0);
  const params = { ...(status ? { status } : {}), ...(role ? { role } : {}) };
  const list = usePages<EnrollmentView>(programApi(program.id, "/enrollments"), params, version);
  const [asking, setAsking] = useState<{ decision: Decision; e: EnrollmentView } | null>(null);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const decide = async () => {
    if (!asking) return;
    setBusy(true);
    setDialogError(null);
    try {
      const path = programApi(
        program.id,
        `/enrollments/${encodeURIComponent(asking.e.id)}/decision`,
      );
      const updated = await api<EnrollmentView>(path, {
        method: "POST",
        body: { decision: asking.decision, ...(message.trim() ? { message: message.trim() } : {}) },
      });
      if (updated?.id) list.replace(updated);
      const name = asking.e.member.displayName || asking.e.member.email;
      setDone(`${name} has been ${decisionWords[asking.decision].done}.`);
      setAsking(null);
    } catch (err) {
      setDialogError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section class="section" aria-labelledby="queue-t">
        <h2 id="queue-t">Applications</h2>
        <div class="toolbar">
          <SelectField
            label="Status"
            name="status"
            value={status}
            onValue={setStatus}
            options={statusFilter}
          />
          <SelectField
            label="Role"
            name="role"
            value={role}
            onValue={setRole}
            options={roleFilter}
          />
        </div>
        <StatusMessage message={done} />
        <ErrorMessage message={list.error} />
        {list.loading && list.items.length === 0 ? (
          <Loading label="Loading applications…" />
        ) : list.items.length === 0 && !list.error ? (
          <EmptyState>
            {status === "applied"
              ? "No applications waiting for a decision."
              : "No applications here."}
          </EmptyState>
        ) : (
          <ul class="application-list" aria-label="Applications">
            {list.items.map((e) => (
              <ApplicationCard
                key={e.id}
                enrollment={e}
                form={program.applicationForm}
                onDecide={(decision) => {
                  setDone(null);
                  setDialogError(null);
                  setMessage("");
                  setAsking({ decision, e });
                }}
              />
            ))}
          </ul>
        )}
        <LoadMore
          shown={list.items.length}
          noun={["application", "applications"]}
          hasMore={list.nextCursor !== null}
          loading={list.loading}
          onMore={list.loadMore}
        />
      </section>
      <BulkEnroll programId={program.id} onEnrolled={() => setVersion((v) => v + 1)} />
      {asking && (
        <ConfirmDialog
          title={`${decisionWords[asking.decision].label} ${asking.e.member.displayName || asking.e.member.email}?`}
          confirmLabel={decisionWords[asking.decision].label}
          danger={asking.decision === "decline"}
          busy={busy}
          error={dialogError}
          onConfirm={decide}
          onCancel={() => setAsking(null)}
        >
          <TextAreaField
            label="Message to the applicant"
            name="message"
            value={message}
            onValue={setMessage}
            hint="Sent with the decision. A sentence of thanks or explanation goes a long way."
            rows={3}
            optional
          />
        </ConfirmDialog>
      )}
    </>
  );
}
