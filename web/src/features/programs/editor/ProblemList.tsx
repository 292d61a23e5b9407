import { count } from "../../../lib/format";
import { labelFor } from "./labels";
import { sectionOf } from "./words";

/** "Meetings › Pairs meet every (days)" for "meetings.frequencyDays": the words the form shows. */
export function fieldName(field: string): string {
  const path = field
    .split(".")
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const last = path.filter((p) => typeof p === "string").pop() ?? field;
  const label = labelFor(path, String(last));
  const top = path[0];
  return path.length > 1 && typeof top === "string" ? `${sectionOf(top).title} › ${label}` : label;
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
