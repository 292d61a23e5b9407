import { addDays, checkInPeriods, dayIn } from "../check-in-periods";
import { endOfDay, startOfDay } from "./local-time";
import { type MatchRule, type Occurrence, pair } from "./occurrence";

// The mentee's calendar decides when a check-in opens and closes, as in the API. A check-in
// is expected by the middle of its window, so a late answer still has time to count.
export const checkIns: MatchRule = (match, state, now) => {
  const cadence = state.rules.checkIns;
  const zone = match.mentee.timeZone;
  const horizon = new Date(now.getTime() + (cadence.firstDay + cadence.everyDays + 2) * 86_400_000);
  const today = dayIn(now, zone);
  const answerers = {
    mentor: [match.mentor],
    mentee: [match.mentee],
    both: pair(match),
  }[cadence.answeredBy];
  return checkInPeriods(match.activatedAt, zone, cadence, horizon)
    .filter((p) => p.closesOn >= today)
    .slice(0, 2)
    .flatMap((p) => {
      const answered = match.checkInAnswers.find((a) => a.period === p.period)?.answeredBy ?? [];
      const until = endOfDay(p.closesOn, zone);
      const expectedBy = addDays(p.opensOn, Math.floor(cadence.everyDays / 2) - 1);
      return answerers
        .filter((person) => !answered.includes(person.id))
        .flatMap((person): Occurrence[] => {
          const common = {
            recipient: person,
            subjectId: match.id,
            period: String(p.period),
            until,
          };
          const overdueAt = endOfDay(expectedBy, person.timeZone);
          return [
            {
              ...common,
              rule: "check_in_due",
              dueAt: startOfDay(p.opensOn, person.timeZone),
              overdueAt: null,
              text: `Check-in ${p.period} is open until ${p.closesOn}: a few questions on how your mentoring is going.`,
              overdueText: null,
            },
            {
              ...common,
              rule: "check_in_overdue",
              dueAt: overdueAt,
              overdueAt,
              text: `Check-in ${p.period} is still waiting for your answers; it closes on ${p.closesOn}.`,
              overdueText: `Check-in ${p.period} is unanswered since ${expectedBy}; it closes on ${p.closesOn}.`,
            },
          ];
        });
    });
};
