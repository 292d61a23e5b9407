import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import { api, query } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { EmptyState, ErrorMessage, Loading } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { programApi } from "../programs/common";
import type { ConcernSummary } from "./shapes";
import { concernStatusWords, urgencyWords } from "./words";

/**
 * The program's concerns still being handled, open and urgent first. Never what happened:
 * that is read in the pair's view, after saying why.
 */
export function ConcernQueue(props: { program: ProgramView; open: (matchId: string) => string }) {
  const { program, open } = props;
  const loaded = useLoad(
    () =>
      api<{ items: ConcernSummary[] }>(programApi(program.id, `/concerns${query({ limit: 100 })}`)),
    [program.id],
  );
  const waiting = loaded.data?.items.filter((c) => c.status !== "resolved") ?? null;
  return (
    <section class="card" aria-labelledby="queue-t">
      <h2 id="queue-t">Concerns being handled</h2>
      <ErrorMessage message={loaded.error} />
      {!waiting ? (
        loaded.loading && <Loading label="Loading concerns…" />
      ) : waiting.length === 0 ? (
        <EmptyState>No concern is waiting.</EmptyState>
      ) : (
        <ul class="list-items" aria-label="Concerns, open and urgent first">
          {waiting.map((c) => (
            <li key={c.id} class="list-item">
              <a href={open(c.matchId)}>
                {urgencyWords[c.urgency]}: from {c.raisedBy.displayName} ({c.raisedBy.role})
              </a>
              <p class="small">
                {concernStatusWords[c.status]} · raised {formatDateTime(c.createdAt)}
                {c.wantsContact ? " · wants to be contacted" : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
