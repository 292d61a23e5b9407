import "./stewardship.css";
import type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
import { api } from "../../lib/api";
import { useActiveSession } from "../../lib/session-context";
import { EmptyState, ErrorMessage, Loading } from "../../ui/feedback";
import { useLoad } from "../../ui/use-load";
import { programApi } from "../programs/common";
import { workspacePath } from "../relationship/common";
import { calendarDay } from "../relationship/time";
import { ConcernQueue } from "./ConcernQueue";
import type { NeedsAttentionItem, OverduePair } from "./shapes";
import { healthWords } from "./words";

const pairName = (row: { mentor: { displayName: string }; mentee: { displayName: string } }) =>
  `${row.mentor.displayName} and ${row.mentee.displayName}`;

/** The program's pairs that need a coordinator: at risk first, with reasons; overdue contacts. */
export function NeedsAttention({ program }: { program: ProgramView }) {
  const { slug } = useActiveSession();
  const risk = useLoad(
    () => api<{ items: NeedsAttentionItem[] }>(programApi(program.id, "/needs-attention")),
    [program.id],
  );
  const overdue = useLoad(
    () => api<{ items: OverduePair[] }>(programApi(program.id, "/support/overdue")),
    [program.id],
  );
  const rows = risk.data?.items ?? null;
  const late = overdue.data?.items ?? null;
  const open = (matchId: string) => workspacePath(slug, matchId, program.id);
  return (
    <div class="grid-2 wide-first">
      <section class="card" aria-labelledby="risk-t">
        <h2 id="risk-t">Pairs by risk</h2>
        <ErrorMessage message={risk.error} />
        {!rows ? (
          risk.loading && <Loading label="Loading pairs…" />
        ) : rows.length === 0 ? (
          <EmptyState>Every active pair is going well.</EmptyState>
        ) : (
          <ul class="list-items" aria-label="Pairs needing attention, most at risk first">
            {rows.map((r) => (
              <li key={r.matchId} class="list-item">
                <h3>
                  <a href={open(r.matchId)}>{pairName(r)}</a>
                </h3>
                <p>
                  <span class={`badge health-${r.level}`}>{healthWords[r.level]}</span>
                </p>
                <ul class="small">
                  {r.reasons.map((reason) => (
                    <li key={reason.code}>{reason.text}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConcernQueue program={program} open={open} />
      <section class="card" aria-labelledby="overdue-t">
        <h2 id="overdue-t">Contacts overdue</h2>
        <ErrorMessage message={overdue.error} />
        {!late ? (
          overdue.loading && <Loading label="Loading the support schedule…" />
        ) : late.length === 0 ? (
          <EmptyState>No pair is waiting for a contact.</EmptyState>
        ) : (
          <ul class="list-items" aria-label="Pairs overdue for a contact, most overdue first">
            {late.map((r) => (
              <li key={r.matchId} class="list-item">
                <a href={open(r.matchId)}>{pairName(r)}</a>
                <p class="small">
                  {r.daysOverdue} {r.daysOverdue === 1 ? "day" : "days"} overdue · last contact{" "}
                  {r.lastContactOn ? calendarDay(r.lastContactOn) : "never"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
