import { Fragment } from "preact";
import type { EnrollmentView } from "../../../../../workers/shared/src/contracts/enrollments";
import type { ApplicationForm } from "../../../../../workers/shared/src/domain/program-rules";
import { formatDate } from "../../../lib/format";
import { roleName } from "../../programs/common";
import { answerText, listKeys, profileKeys, profileLabels } from "../../programs/form-reader";
import { EnrollmentBadge } from "../../programs/parts";
import { type Decision, decisionWords } from "./ReviewQueue";

const decisions: Decision[] = ["approve", "waitlist", "decline"];
/** The decision that led to each status, so a decided card offers only the other two. */
const decidedBy: Partial<Record<EnrollmentView["status"], Decision>> = {
  approved: "approve",
  waitlisted: "waitlist",
  declined: "decline",
};

/** One application: who, which role, their profile and answers, and the decision buttons. */
export function ApplicationCard(props: {
  enrollment: EnrollmentView;
  form: ApplicationForm;
  onDecide: (decision: Decision) => void;
}) {
  const { enrollment: e, form, onDecide } = props;
  const name = e.member.displayName || e.member.email;
  const questions = form.questions;
  const profile = e.profile ?? {};
  const shown = profileKeys.filter((k) => {
    const v = profile[k];
    return Array.isArray(v) ? v.length > 0 : Boolean(v);
  });
  // A decision can be changed later (an approval taken back, a decline reconsidered); only a
  // withdrawn application is out of the coordinator's hands.
  const open = e.status !== "withdrawn";
  const decided = e.status === "approved" || e.status === "declined";
  return (
    <li class="card application">
      <div class="program-card-head">
        <h3>
          {name} <span class="muted small">{e.member.email}</span>
        </h3>
        <EnrollmentBadge status={e.status} />
      </div>
      <p class="small muted">
        {roleName(e.role)} · applied {formatDate(e.createdAt)}
        {e.training && ` · training ${e.training.completed} of ${e.training.required} done`}
      </p>
      {(shown.length > 0 || Object.keys(e.answers ?? {}).length > 0) && (
        <dl class="facts">
          {shown.map((k) => (
            <Fragment key={k}>
              <dt>{profileLabels[k]}</dt>
              <dd>{listKeys.has(k) ? answerText(profile[k]) : String(profile[k] ?? "")}</dd>
            </Fragment>
          ))}
          {Object.entries(e.answers ?? {}).map(([id, value]) => (
            <Fragment key={id}>
              <dt>{questions.find((q) => q.id === id)?.label ?? id}</dt>
              <dd>{answerText(value)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {e.decisionMessage && <p class="note small">Message sent: {e.decisionMessage}</p>}
      {open && (
        <div class="row-actions">
          {decided && <span class="small muted">Change the decision:</span>}
          {decisions
            .filter((d) => d !== decidedBy[e.status])
            .map((d) => (
              <button
                key={d}
                type="button"
                class={
                  d === "approve"
                    ? "button small primary"
                    : d === "decline"
                      ? "button small danger"
                      : "button small"
                }
                onClick={() => onDecide(d)}
              >
                {decisionWords[d].label}
                <span class="visually-hidden"> {name}</span>
              </button>
            ))}
        </div>
      )}
    </li>
  );
}
