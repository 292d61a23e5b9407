import { useState } from "preact/hooks";
import type {
  DecisionInput,
  EnrollmentView,
} from "../../../../../workers/shared/src/contracts/enrollments";
import type { ProgramView } from "../../../../../workers/shared/src/contracts/programs";
import { api } from "../../../lib/api";
import { ConfirmDialog, StatusMessage } from "../../../ui/feedback";
import { SelectField, StatusFilter, TextAreaField } from "../../../ui/fields";
import { PagedList } from "../../../ui/PagedList";
import { useConfirm } from "../../../ui/use-confirm";
import { usePages } from "../../../ui/use-pages";
import { enrollmentStatusLabel, programApi } from "../../programs/common";
import { ApplicationCard } from "./ApplicationCard";
import { BulkEnroll } from "./BulkEnroll";

export type Decision = DecisionInput["decision"];

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
  const dialog = useConfirm<{ decision: Decision; e: EnrollmentView }>();
  const [message, setMessage] = useState("");
  const [done, setDone] = useState<string | null>(null);

  const decide = () =>
    dialog.run(async ({ decision, e }) => {
      const path = programApi(program.id, `/enrollments/${encodeURIComponent(e.id)}/decision`);
      const updated = await api<EnrollmentView>(path, {
        method: "POST",
        body: { decision, ...(message.trim() ? { message: message.trim() } : {}) },
      });
      if (updated?.id) list.replace(updated);
      const name = e.member.displayName || e.member.email;
      setDone(`${name} has been ${decisionWords[decision].done}.`);
    });
  const { asking } = dialog;

  return (
    <>
      <section class="section" aria-labelledby="queue-t">
        <h2 id="queue-t">Applications</h2>
        <div class="toolbar">
          <StatusFilter value={status} onValue={setStatus} options={statusFilter} />
          <SelectField
            label="Role"
            name="role"
            value={role}
            onValue={setRole}
            options={roleFilter}
          />
        </div>
        <StatusMessage message={done} />
        <PagedList
          list={list}
          loadingLabel="Loading applications…"
          empty={
            status === "applied"
              ? "No applications waiting for a decision."
              : "No applications here."
          }
          noun={["application", "applications"]}
        >
          <ul class="application-list" aria-label="Applications">
            {list.items.map((e) => (
              <ApplicationCard
                key={e.id}
                enrollment={e}
                form={program.applicationForm}
                onDecide={(decision) => {
                  setDone(null);
                  setMessage("");
                  dialog.ask({ decision, e });
                }}
              />
            ))}
          </ul>
        </PagedList>
      </section>
      <BulkEnroll programId={program.id} onEnrolled={() => setVersion((v) => v + 1)} />
      {asking && (
        <ConfirmDialog
          title={`${decisionWords[asking.decision].label} ${asking.e.member.displayName || asking.e.member.email}?`}
          confirmLabel={decisionWords[asking.decision].label}
          danger={asking.decision === "decline"}
          busy={dialog.busy}
          error={dialog.error}
          onConfirm={decide}
          onCancel={dialog.cancel}
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
