import { addDays, type CalendarDay, checkInPeriods, dayIn } from "../check-in-periods";
import { agreementGraceDays } from "../stewardship";
import { endOfDay, startOfDay } from "./local-time";
import type { MatchSnapshot, Person, ReminderRule, ReminderState } from "./state";

/**
 * One occurrence of something a person should be told: due from `dueAt`, no longer worth
 * telling from `until`, and overdue (so escalated later) from `overdueAt`.
 */
export interface Occurrence {
  rule: ReminderRule;
  recipient: Person;
  subjectId: string;
  period: string;
  dueAt: Date;
  until: Date | null;
  overdueAt: Date | null;
  text: string;
  /** What is overdue, in a coordinator's words, for the escalation. */
  overdueText: string | null;
}

type Rule = (state: ReminderState, now: Date) => Occurrence[];
type MatchRule = (match: MatchSnapshot, state: ReminderState, now: Date) => Occurrence[];

const hours = (n: number) => n * 3_600_000;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const pair = (match: MatchSnapshot) => [match.mentor, match.mentee];
const forMatch =
  (rule: MatchRule): Rule =>
  (state, now) =>
    state.match ? rule(state.match, state, now) : [];

/** Something due on a day: reminded `leadTimeHours` before the day ends, overdue after it. */
function dueOnDay(state: ReminderState, day: CalendarDay, recipient: Person) {
  const overdueAt = endOfDay(day, recipient.timeZone);
  const lead = hours(state.rules.reminders.leadTimeHours);
  return { dueAt: new Date(overdueAt.getTime() - lead), overdueAt };
}

// The mentee's calendar decides when a check-in opens and closes, as in the API. A check-in
// is expected by the middle of its window, so a late answer still has time to count.
const checkIns: MatchRule = (match, state, now) => {
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

const meetingSoon: MatchRule = (match, state) => {
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
const noMeeting: MatchRule = (match, state, now) => {
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

// The pair has the same grace the match's health gives before a pending agreement counts.
const agreementPending: MatchRule = (match, state) => {
  const { settled, pendingSince } = match.agreement;
  if (!state.rules.agreement.required || settled || !pendingSince) return [];
  return pair(match).map((person) => {
    const day = addDays(dayIn(pendingSince, person.timeZone), agreementGraceDays);
    return {
      rule: "agreement_pending",
      recipient: person,
      subjectId: match.id,
      period: pendingSince.toISOString(),
      ...dueOnDay(state, day, person),
      until: null,
      text: `Your mentoring agreement is waiting for both of you; please settle it by ${day}.`,
      overdueText: `The pair's agreement has not been settled; it was due by ${day}.`,
    };
  });
};

const goalReviews: MatchRule = (match, state) =>
  match.goals.flatMap((goal) => {
    const day = goal.nextReviewOn;
    if (!day) return [];
    return pair(match).map((person) => ({
      rule: "goal_review_due" as const,
      recipient: person,
      subjectId: goal.id,
      period: day,
      ...dueOnDay(state, day, person),
      until: null,
      text: `A goal is due for review on ${day}: look at it together and update it.`,
      overdueText: `A goal's review, due on ${day}, has not happened.`,
    }));
  });

const commitments: MatchRule = (match, state) =>
  match.commitments
    .filter((c) => !c.done)
    .map((c) => {
      const owner = pair(match).find((person) => person.id === c.ownerId);
      if (!owner) {
        throw new Error(
          `Commitment ${c.id} belongs to ${c.ownerId}, who is not in match ${match.id}.`,
        );
      }
      return {
        rule: "commitment_due",
        recipient: owner,
        subjectId: c.id,
        period: c.dueOn,
        ...dueOnDay(state, c.dueOn, owner),
        until: null,
        text: `Something you committed to is due on ${c.dueOn}.`,
        overdueText: `A commitment due on ${c.dueOn} is not done.`,
      };
    });

const coordinatorContact: MatchRule = (match, state) => {
  if (!match.contactDueOn) return [];
  const coordinators = { id: "coordinators", timeZone: state.coordinatorTimeZone };
  return [
    {
      rule: "contact_due",
      recipient: coordinators,
      subjectId: match.id,
      period: match.contactDueOn,
      ...dueOnDay(state, match.contactDueOn, coordinators),
      until: null,
      text: `A coordinator's contact with this pair is due on ${match.contactDueOn}.`,
      overdueText: `A coordinator's contact with the pair, due on ${match.contactDueOn}, has not been logged.`,
    },
  ];
};

// An unanswered request simply expires: there is nothing overdue to escalate.
const requestExpiring: Rule = (state) => {
  const request = state.mentorRequest;
  if (!request) return [];
  const lead = hours(state.rules.reminders.leadTimeHours);
  return [
    {
      rule: "request_expiring",
      recipient: request.mentor,
      subjectId: request.id,
      period: request.expiresAt.toISOString(),
      dueAt: new Date(request.expiresAt.getTime() - lead),
      until: request.expiresAt,
      overdueAt: null,
      text: `A mentee's request is waiting for your answer; it expires in ${plural(state.rules.reminders.leadTimeHours, "hour")}.`,
      overdueText: null,
    },
  ];
};

const rules: Rule[] = [
  forMatch(checkIns),
  forMatch(meetingSoon),
  forMatch(noMeeting),
  forMatch(agreementPending),
  forMatch(goalReviews),
  forMatch(commitments),
  forMatch(coordinatorContact),
  requestExpiring,
];

/** Every occurrence the state holds, whether due yet or not. */
export function occurrences(state: ReminderState, now: Date): Occurrence[] {
  return rules.flatMap((rule) => rule(state, now));
}
