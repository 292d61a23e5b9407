import { useState } from "preact/hooks";
import type {
  GoalList,
  GoalView,
} from "../../../../../workers/shared/src/contracts/relationship/goals";
import { api } from "../../../lib/api";
import { EmptyState, ErrorMessage, Loading, StatusMessage } from "../../../ui/feedback";
import { useLoad } from "../../../ui/use-load";
import { focusById, pairApi } from "../common";
import { LockedNote, Section } from "../fields";
import type { SectionProps } from "../Workspace";
import { AddGoal } from "./AddGoal";
import { Celebrations } from "./Celebrations";
import { GoalItem } from "./GoalItem";

/** The pair's goals with progress and milestones, and what they have to celebrate. */
export function GoalsSection(props: SectionProps) {
  const { pair, version, onChange, locked } = props;
  const loaded = useLoad(
    () => (locked ? Promise.resolve(null) : api<GoalList>(pairApi(pair.match.id, "/goals"))),
    [pair.match.id, version, locked],
  );
  const [note, setNote] = useState<string | null>(null);
  if (locked) {
    return (
      <Section id="goals" title="Goals">
        <LockedNote what="Goals" seat={pair.seat} />
      </Section>
    );
  }
  const data = loaded.data;
  const changed = (goal: GoalView, message: string) => {
    loaded.setData((d) => d && { ...d, items: d.items.map((g) => (g.id === goal.id ? goal : g)) });
    setNote(message);
    onChange();
    focusById("goals-t");
  };
  return (
    <Section id="goals" title="Goals">
      <StatusMessage message={note} />
      <ErrorMessage message={loaded.error} />
      {data && (
        <p class="small">
          {data.minimum.reached
            ? `${pair.program.name} asks for ${data.minimum.required} goal${data.minimum.required === 1 ? "" : "s"}; you have set ${data.minimum.set}.`
            : `${pair.program.name} asks each pair to set at least ${data.minimum.required} goal${data.minimum.required === 1 ? "" : "s"}; you have set ${data.minimum.set} so far.`}{" "}
          Review each goal every {data.reviewEveryDays} days.
        </p>
      )}
      {!data ? (
        loaded.loading && <Loading label="Loading goals…" />
      ) : data.items.length === 0 ? (
        <EmptyState>No goals yet.</EmptyState>
      ) : (
        <ul class="list-items" aria-label="Goals">
          {data.items.map((g) => (
            <GoalItem key={g.id} pair={pair} goal={g} onChanged={changed} />
          ))}
        </ul>
      )}
      {pair.canWrite && (
        <AddGoal
          pair={pair}
          onAdded={(goal) => {
            setNote(`Goal set: ${goal.title}.`);
            onChange();
            focusById("goals-t");
          }}
        />
      )}
      <Celebrations {...props} />
    </Section>
  );
}
