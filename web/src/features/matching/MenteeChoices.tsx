import type { ChoicesBoard } from "../../../../workers/shared/src/contracts/matches";
import { api } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { EmptyState, ErrorMessage, Loading } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { programApi } from "../programs/common";
import { matchStatusLabel } from "./words";

/** In a program where mentees choose: every mentee's choices in order, and where each stands. */
export function MenteeChoices({ programId, version }: { programId: string; version: number }) {
  const board = useLoad(
    () => api<ChoicesBoard>(programApi(programId, "/match-requests")),
    [programId, version],
  );
  const mentees = board.data?.mentees ?? [];
  return (
    <section class="card" aria-labelledby="choices-t">
      <h2 id="choices-t">Mentees' choices</h2>
      <ErrorMessage message={board.error} />
      {board.loading && !board.data ? (
        <Loading label="Loading mentees' choices…" />
      ) : mentees.length === 0 ? (
        <EmptyState>No mentee has chosen mentors yet.</EmptyState>
      ) : (
        <ul class="training-list">
          {mentees.map(({ mentee, choices }) => (
            <li key={mentee.memberId}>
              <strong>{mentee.displayName}</strong>
              <ol class="small" aria-label={`${mentee.displayName}'s choices`}>
                {choices.map((c) => (
                  <li key={c.rank}>
                    {c.mentor.displayName}:{" "}
                    {c.status === "waiting" ? "not asked yet" : matchStatusLabel[c.status]}
                    {c.status === "pending_acceptance" &&
                      c.expiresAt &&
                      ` (until ${formatDate(c.expiresAt)})`}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
