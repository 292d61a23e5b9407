import type { MatchingBoard } from "../../../../workers/shared/src/contracts/matches";
import { count } from "../../lib/format";
import { DataTable } from "../../ui/DataTable";
import { EmptyState } from "../../ui/feedback";
import { roleName } from "../programs/common";

/** Each mentor's active matches and the places they still have. */
export function Capacity({ board }: { board: MatchingBoard }) {
  return (
    <section class="card" aria-labelledby="capacity-t">
      <h2 id="capacity-t">Mentors' places</h2>
      <p class="small muted">
        Each mentor takes up to {count(board.mentorCapacity, "mentee")} at a time.
      </p>
      {board.mentors.length === 0 ? (
        <EmptyState>No approved mentors yet.</EmptyState>
      ) : (
        <DataTable
          label="Mentors' places"
          columns={["Mentor", "Active", "Open places"]}
          variant="compact"
        >
          {board.mentors.map((m) => (
            <tr key={m.memberId}>
              <th scope="row" data-label="Mentor">
                {m.displayName}
              </th>
              <td data-label="Active">{m.active}</td>
              <td data-label="Open places">{m.openPlaces === 0 ? "Full" : m.openPlaces}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** Approved people who cannot be matched yet, and why. */
export function NotEligible({ board }: { board: MatchingBoard }) {
  if (board.notEligible.length === 0) return null;
  return (
    <section class="card" aria-labelledby="not-eligible-t">
      <h2 id="not-eligible-t">Not ready for matching</h2>
      <ul class="training-list">
        {board.notEligible.map((p) => (
          <li key={p.memberId}>
            <strong>{p.displayName}</strong> <span class="muted small">{roleName(p.role)}</span>
            <br />
            <span class="small">{p.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
