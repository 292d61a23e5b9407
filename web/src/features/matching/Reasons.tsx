import type { MatchReason, MatchStatus } from "../../../../workers/shared/src/contracts/matches";
import { formatPoints, matchBadgeClass, matchStatusLabel } from "./words";

/** A score's explanation: one line per criterion, with the points it added or took away. */
export function Reasons({ reasons, label }: { reasons: MatchReason[]; label: string }) {
  if (reasons.length === 0) return <p class="small muted">No explanation recorded.</p>;
  return (
    <ul class="small reasons" aria-label={label}>
      {reasons.map((r) => (
        <li key={`${r.criterion}:${r.text}`}>
          <strong>{formatPoints(r.points)}</strong> {r.text}
        </li>
      ))}
    </ul>
  );
}

export function MatchStatusBadge({ status }: { status: MatchStatus }) {
  return <span class={matchBadgeClass[status]}>{matchStatusLabel[status]}</span>;
}
