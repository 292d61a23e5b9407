import type { MyChoicesView } from "../../../../workers/shared/src/contracts/matches";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { ConfirmDialog } from "../../ui/feedback";
import { useConfirm } from "../../ui/use-confirm";
import { myProgramApi } from "./common";

type Choice = MyChoicesView["choices"][number];

function standing(c: Choice): string {
  switch (c.status) {
    case "waiting":
      return "Not asked yet: asked only if an earlier choice does not work out.";
    case "pending_acceptance":
      return c.expiresAt
        ? `Asked; waiting for an answer until ${formatDateTime(c.expiresAt)}.`
        : "Asked; waiting for an answer.";
    case "active":
      return `Accepted: ${c.mentor.displayName} is your mentor.`;
    case "closing":
      return `${c.mentor.displayName} is your mentor; your match is wrapping up.`;
    case "declined":
      return "Declined.";
    case "expired":
      return "No answer in time.";
    case "proposed":
      return "Proposed by the coordinators; waiting for their approval.";
    case "closed":
      return "Withdrawn or ended.";
  }
}

interface Props {
  programId: string;
  choices: MyChoicesView;
  onChange: (next: MyChoicesView, message: string) => void;
}

/** Where each of the mentee's requests stands, with a way to withdraw those still open. */
export function MyRequests({ programId, choices, onChange }: Props) {
  const withdrawing = useConfirm<true>();
  const open = choices.choices.some(
    (c) => c.status === "waiting" || c.status === "pending_acceptance",
  );
  const withdraw = () =>
    withdrawing.run(async () => {
      await api(myProgramApi(programId, "/choices"), { method: "DELETE" });
      onChange({ programId, choices: [] }, "Your requests are withdrawn. You can choose again.");
    });

  if (choices.choices.length === 0) return null;
  return (
    <section class="card" aria-labelledby="requests-t">
      <h2 id="requests-t" tabIndex={-1}>
        Your requests
      </h2>
      <ol class="training-list" aria-label="Your requests, in order">
        {choices.choices.map((c) => (
          <li key={`${c.rank}:${c.mentor.memberId}`}>
            <strong>
              {c.rank}. {c.mentor.displayName}
            </strong>
            <br />
            <span class="small">{standing(c)}</span>
          </li>
        ))}
      </ol>
      {open && (
        <button type="button" class="button small danger" onClick={() => withdrawing.ask(true)}>
          Withdraw my requests
        </button>
      )}
      {withdrawing.asking && (
        <ConfirmDialog
          title="Withdraw your requests?"
          confirmLabel="Withdraw"
          danger
          busy={withdrawing.busy}
          error={withdrawing.error}
          onConfirm={withdraw}
          onCancel={withdrawing.cancel}
        >
          <p>The request waiting for an answer is withdrawn and your choices are cleared.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
