import type { ComponentChildren } from "preact";
import type { EnrollmentStatus } from "../../../../workers/shared/src/contracts/enrollments";
import type { ProgramStatus, ProgramView } from "../../../../workers/shared/src/contracts/programs";
import { count, formatDate } from "../../lib/format";
import { enrollmentStatusLabel, programStatusLabel } from "./common";

export function StatusBadge({ status }: { status: ProgramStatus }) {
  return (
    <span class={`badge badge-program-${status}`}>{programStatusLabel[status] ?? status}</span>
  );
}

export function EnrollmentBadge({ status }: { status: EnrollmentStatus }) {
  return (
    <span class={`badge badge-enrollment-${status}`}>
      {enrollmentStatusLabel[status] ?? status}
    </span>
  );
}

type Dated = Pick<ProgramView, "startsOn" | "endsOn" | "relationshipLengthDays">;

/** "1 Sep 2025 – 30 Jun 2026", or "Pairs meet for 180 days", or both. */
export function ProgramDates({ program }: { program: Dated }) {
  const parts: string[] = [];
  if (program.startsOn || program.endsOn) {
    const from = program.startsOn ? formatDate(program.startsOn) : "…";
    const to = program.endsOn ? formatDate(program.endsOn) : "…";
    parts.push(`${from} – ${to}`);
  }
  if (program.relationshipLengthDays) {
    parts.push(`relationships last ${count(program.relationshipLengthDays, "day")}`);
  }
  return <>{parts.length > 0 ? parts.join("; ") : "No dates set"}</>;
}

/** The plain-language summary of a program's rules, as bullets. */
export function RuleSummary({
  summary,
  title = "What these rules will do",
  level = 3,
  children,
}: {
  summary: string[];
  title?: string;
  /** The heading's level, one below the section it sits in, so no level is skipped. */
  level?: 2 | 3;
  children?: ComponentChildren;
}) {
  return (
    <div class="rule-summary">
      {level === 2 ? <h2>{title}</h2> : <h3>{title}</h3>}
      {summary.length > 0 ? (
        <ul>
          {summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">No rules to summarise yet.</p>
      )}
      {children}
    </div>
  );
}
