import { addDays, dayIn } from "../check-in-periods";
import { endOfDay } from "./local-time";
import { hours, type MatchRule, pair, plural } from "./occurrence";

export const meetingSoon: MatchRule = (match, state) => {
  const startsAt = match.nextMeetingAt;
  if (!startsAt) return [];
  const lead = hours(state.rules.reminders.leadTimeHours);
  return pair(match).map((person) => ({
    rule: "meeting_soon",
    recipient: person,
    subjectId: match.id,
    period: startsAt.toISOString(),
    dueAt: new Date(startsAt.getTime() - lead),
    until: startsAt,
    overdueAt: null,
    text: `Your next mentoring meeting starts in ${plural(state.rules.reminders.leadTimeHours, "hour")}.`,
    overdueText: null,
  }));
};

// As in the match's health: overdue once more than `frequencyDays` whole days have passed since
// the last meeting held (or since the match began). A meeting already scheduled is the answer.
export const noMeeting: MatchRule = (match, state, now) => {
  if (match.nextMeetingAt && match.nextMeetingAt > now) return [];
  const since = match.lastHeldMeetingAt ?? match.activatedAt;
  const { frequencyDays } = state.rules.meetings;
  return pair(match).map((person) => {
    const overdueDay = addDays(dayIn(since, person.timeZone), frequencyDays);
    const overdueAt = endOfDay(overdueDay, person.timeZone);
    return {
      rule: "no_meeting_within_cadence",
      recipient: person,
      subjectId: match.id,
      period: since.toISOString(),
      dueAt: overdueAt,
      until: null,
      overdueAt,
      text: match.lastHeldMeetingAt
        ? `You haven't met for more than ${plural(frequencyDays, "day")}; pick a time for your next meeting.`
        : "You haven't had your first meeting yet; pick a time that suits you both.",
      overdueText: match.lastHeldMeetingAt
        ? `The pair has not met for more than ${plural(frequencyDays, "day")}.`
        : "The pair has not had a first meeting.",
    };
  });
};
