import { count } from "../../../lib/format";
import { humanize } from "./words";

/** "Meetings › Frequency (days)" for "meetings.frequencyDays". */
export function fieldName(field: string): string {
  const parts = field.split(".").filter((p) => p && !/^\d+$/.test(p));
  return parts.map(humanize).join(" › ");
}

/** Every problem in the draft, so none hides in a collapsed or scrolled-away section. */
export function ProblemList({ problems }: { problems: Map<string, string> }) {
  if (problems.size === 0) return null;
  return (
    <div class="problem-list">
      <h3>{count(problems.size, "problem")} to fix</h3>
      <ul>
        {[...problems].map(([field, message]) => (
          <li key={field}>
            {field && <strong>{fieldName(field)}: </strong>}
            {message}
          </li>
        ))}
      </ul>
    </div>
  );
}
