import type {
  NextStepKind,
  TimelinePage,
} from "../../../../workers/shared/src/contracts/relationship/timeline";
import { api, query } from "../../lib/api";
import { useLoad } from "../../ui/use-load";
import { pairApi } from "./common";
import { clockTime } from "./time";
import type { SectionProps } from "./Workspace";

/** Where on the page each kind of next step is done. */
const sectionOf: Record<NextStepKind, [id: string, label: string]> = {
  fill_in_agreement: ["agreement", "Go to the agreement"],
  acknowledge_agreement: ["agreement", "Go to the agreement"],
  upcoming_meeting: ["meetings", "Go to meetings"],
  schedule_meeting: ["meetings", "Go to meetings"],
  answer_check_in: ["check-ins", "Go to the check-in"],
  commitment_due: ["commitments", "Go to commitments"],
  set_goal: ["goals", "Go to goals"],
};

/** The one thing the member should do next, from the timeline; nothing for coordinators. */
export function NextToDo({ pair, version }: SectionProps) {
  const timeline = useLoad(
    () => api<TimelinePage>(pairApi(pair.match.id, `/timeline${query({ limit: 1 })}`)),
    [pair.match.id, version],
  );
  if (pair.seat === "coordinator" || !pair.canWrite) return null;
  const next = timeline.data?.next;
  return (
    <section class="card next-to-do" aria-labelledby="next-t">
      <h2 id="next-t">Next to do</h2>
      {timeline.data && !next && <p>Nothing waits for you right now.</p>}
      {timeline.error && <p class="muted">The next step could not be loaded: {timeline.error}</p>}
      {next && (
        <>
          <p>
            <strong>{next.title}</strong>
            {next.at && ` · ${clockTime(next.at, pair.me.timeZone)}`}
          </p>
          {next.detail && <p class="small">{next.detail}</p>}
          <p>
            <a href={`#${sectionOf[next.kind][0]}`}>{sectionOf[next.kind][1]}</a>
          </p>
        </>
      )}
    </section>
  );
}
