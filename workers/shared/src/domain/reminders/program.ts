import { addDays, type CalendarDay, dayIn } from "../check-in-periods";
import { atClock, startOfDay } from "./local-time";
import { hours, type Occurrence, plural, type Rule } from "./occurrence";
import type { PairAttention, Person } from "./state";
import { isoWeek, mondayOf } from "./weeks";

/** When the coordinators' digest is due on Monday, on each coordinator's own clock. */
export const digestTime = "08:00";

/** This week's Monday and next week's, on the person's clock: the weeks worth looking at. */
function weeksAround(now: Date, person: Person): CalendarDay[] {
  const monday = mondayOf(dayIn(now, person.timeZone));
  return [monday, addDays(monday, 7)];
}

// A reminder a week while matching waits on training: the week (on the member's clock) is
// the period, so however often the sweep runs, each week gives one. The first comes a day
// after approval, so the approval itself is the first word.
export const trainingPending: Rule = (state, now) => {
  if (!state.program || !state.rules.training.requiredBeforeMatching) return [];
  return state.program.trainees
    .filter((t) => !t.matched && t.trainingLeft > 0)
    .flatMap((t) =>
      weeksAround(now, t.person).flatMap((monday): Occurrence[] => {
        const weekStart = startOfDay(monday, t.person.timeZone);
        const firstDue = new Date(t.approvedAt.getTime() + hours(24));
        const dueAt = firstDue > weekStart ? firstDue : weekStart;
        const until = startOfDay(addDays(monday, 7), t.person.timeZone);
        if (dueAt >= until) return [];
        return [
          {
            rule: "training_pending",
            recipient: t.person,
            subjectId: t.enrollmentId,
            period: isoWeek(monday),
            dueAt,
            until,
            overdueAt: null,
            text: `You can be matched once your training is done: ${plural(t.trainingLeft, "item")} left to complete.`,
            overdueText: null,
          },
        ];
      }),
    );
};

const levelWords = { at_risk: "at risk", needs_attention: "needs attention" } as const;
const levelRank = { at_risk: 0, needs_attention: 1 } as const;

/** The digest's body: every pair needing attention, most at risk (and most reasons) first. */
export function digestText(pairs: readonly PairAttention[]): string {
  const ordered = [...pairs].sort(
    (a, b) =>
      levelRank[a.level] - levelRank[b.level] ||
      b.reasons.length - a.reasons.length ||
      a.mentorName.localeCompare(b.mentorName) ||
      a.matchId.localeCompare(b.matchId),
  );
  const lines = ordered.map(
    (p) => `- ${p.mentorName} and ${p.menteeName} (${levelWords[p.level]}): ${p.reasons.join(" ")}`,
  );
  const count = pairs.length === 1 ? "1 pair needs" : `${pairs.length} pairs need`;
  return [`${count} your attention this week.`, ...lines].join("\n");
}

// Monday morning on each coordinator's clock, once a week: the ISO week is the period, so a
// coordinator moving time zone is not sent the same week's digest again. A week with no pair
// needing attention sends nothing.
export const coordinatorDigest: Rule = (state, now) => {
  const program = state.program;
  if (!program || program.pairsNeedingAttention.length === 0) return [];
  const text = digestText(program.pairsNeedingAttention);
  return program.coordinators.flatMap((coordinator) =>
    weeksAround(now, coordinator).map(
      (monday): Occurrence => ({
        rule: "coordinator_digest",
        recipient: coordinator,
        subjectId: program.id,
        period: isoWeek(monday),
        dueAt: atClock(monday, digestTime, coordinator.timeZone),
        until: startOfDay(addDays(monday, 1), coordinator.timeZone),
        overdueAt: null,
        text,
        overdueText: null,
      }),
    ),
  );
};
