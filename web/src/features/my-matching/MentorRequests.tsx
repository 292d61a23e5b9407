import { useState } from "preact/hooks";
import type { MatchView } from "../../../../workers/shared/src/contracts/matches";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { messageOf } from "../../lib/problem";
import { ConfirmDialog, ErrorMessage, StatusMessage } from "../../ui/feedback";
import { useConfirm } from "../../ui/use-confirm";
import { useLoad } from "../../ui/use-load";
import { Reasons } from "../matching/Reasons";
import { menteeOf } from "../matching/words";

const requestApi = (id: string, verb: "accept" | "decline") =>
  `/v1/me/match-requests/${encodeURIComponent(id)}/${verb}`;

interface Props {
  programName: (programId: string) => string;
  onAnswered: () => void;
}

/** Mentees who asked the signed-in mentor, with the deadline: accept or decline each. */
export function MentorRequests({ programName, onAnswered }: Props) {
  const requests = useLoad(() => api<{ items: MatchView[] }>("/v1/me/match-requests"), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const declining = useConfirm<MatchView>();

  const answered = (request: MatchView, message: string) => {
    requests.setData((list) => list && { items: list.items.filter((r) => r.id !== request.id) });
    setNote(message);
    document.getElementById("requests-t")?.focus();
    onAnswered();
  };
  const accept = async (request: MatchView) => {
    setBusy(request.id);
    setError(null);
    setNote(null);
    try {
      await api(requestApi(request.id, "accept"), { method: "POST" });
      const name = menteeOf(request)?.displayName ?? "your mentee";
      answered(request, `You now mentor ${name}. You will both receive a welcome email.`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };
  const decline = () =>
    declining.run(async (request) => {
      await api(requestApi(request.id, "decline"), { method: "POST" });
      const name = menteeOf(request)?.displayName ?? "the mentee";
      answered(request, `You declined ${name}'s request; they have been told.`);
    });

  const items = requests.data?.items ?? [];
  // Members who are nobody's mentor see nothing here unless something went wrong.
  if (items.length === 0 && !note && !requests.error) return null;
  return (
    <section class="card" aria-labelledby="requests-t">
      <h2 id="requests-t" tabIndex={-1}>
        Requests for you to answer
      </h2>
      <StatusMessage message={note} />
      <ErrorMessage message={error ?? requests.error} />
      {items.length === 0 ? (
        <p class="muted">No more requests waiting.</p>
      ) : (
        <ul class="application-list">
          {items.map((r) => {
            const mentee = menteeOf(r)?.displayName ?? "A mentee";
            return (
              <li key={r.id} class="card application">
                <h3>
                  {mentee} <span class="small muted">{programName(r.programId)}</span>
                </h3>
                <p class="small">
                  {r.choiceRank !== null && `Their choice number ${r.choiceRank}. `}
                  {r.expiresAt && `Please answer by ${formatDateTime(r.expiresAt)}.`}
                </p>
                <Reasons reasons={r.reasons} label={`Why you and ${mentee} fit`} />
                <div class="row-actions">
                  <button
                    type="button"
                    class="button small primary"
                    disabled={busy === r.id}
                    onClick={() => accept(r)}
                  >
                    Accept<span class="visually-hidden"> {mentee}</span>
                  </button>
                  <button
                    type="button"
                    class="button small danger"
                    disabled={busy === r.id}
                    onClick={() => declining.ask(r)}
                  >
                    Decline<span class="visually-hidden"> {mentee}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {declining.asking && (
        <ConfirmDialog
          title={`Decline ${menteeOf(declining.asking)?.displayName ?? "the mentee"}'s request?`}
          confirmLabel="Decline"
          danger
          busy={declining.busy}
          error={declining.error}
          onConfirm={decline}
          onCancel={declining.cancel}
        >
          <p>The mentee is told, and their request goes to their next choice if they have one.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
