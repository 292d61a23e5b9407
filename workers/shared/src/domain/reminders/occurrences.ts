import { addDays, dayIn } from "../check-in-periods";
import { agreementGraceDays } from "../stewardship";
import { checkIns } from "./check-ins";
import { evaluationsDue, inactivity } from "./engagement";
import { meetingSoon, noMeeting } from "./meetings";
import {
  dueOnDay,
  forMatch,
  hours,
  type MatchRule,
  type Occurrence,
  pair,
  plural,
  type Rule,
} from "./occurrence";
import { coordinatorDigest, trainingPending } from "./program";
import type { ReminderState } from "./state";

// Deadlines: the agreement, goal reviews, commitments, coordinators' contact, requests.

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
  forMatch(evaluationsDue),
  forMatch(inactivity),
  requestExpiring,
  trainingPending,
  coordinatorDigest,
];

/** Every occurrence the state holds, whether due yet or not. */
export function occurrences(state: ReminderState, now: Date): Occurrence[] {
  return rules.flatMap((rule) => rule(state, now));
}
