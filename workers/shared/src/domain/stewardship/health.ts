import type { HealthLevel, HealthReason } from "../../contracts/stewardship/stored-shapes";
import { type CalendarDay, dayIn, daysBetween } from "../check-in-periods";
import { type ContactCadence, contactStanding } from "./contact-schedule";

/** Every reason a match's health can give, each computed by one rule below. */
export const healthReasonCodes = [
  "no_meeting",
  "short_meeting",
  "missed_meetings",
  "low_ratings",
  "falling_ratings",
  "overdue_commitments",
  "agreement_pending",
  "concern_open",
  "contact_overdue",
] as const;
export type HealthReasonCode = (typeof healthReasonCodes)[number];

/** Days a pair has to settle a required agreement before it counts against their health. */
export const agreementGraceDays = 14;

/** What a match's health is computed from: plain facts, read by the caller. */
export interface HealthFacts {
  activatedAt: Date;
  /** The calendar the match lives in (the mentee's, as for check-ins). */
  timeZone: string;
  rules: {
    meetings: { frequencyDays: number; minMinutes: number };
    agreement: { required: boolean };
    coordinatorContact: ContactCadence;
  };
  meetings: readonly {
    status: "proposed" | "scheduled" | "held" | "cancelled" | "missed";
    startsAt: Date;
    heldMinutes: number | null;
  }[];
  /** The ratings (1–5) answered in each check-in period, every answer of both people. */
  checkInRatings: readonly { period: number; ratings: readonly number[] }[];
  commitments: readonly { dueOn: CalendarDay; done: boolean }[];
  agreementSettled: boolean;
  /** Concerns not yet resolved. */
  openConcerns: readonly { urgency: "low" | "normal" | "urgent" }[];
  /** Days of the coordinators' contacts with the pair. */
  contacts: readonly CalendarDay[];
}

export interface HealthSignal {
  level: HealthLevel;
  reasons: HealthReason[];
}

type Rule = (facts: HealthFacts, today: Today) => HealthReason | null;
interface Today {
  day: CalendarDay;
  began: CalendarDay;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const day = (at: Date, facts: HealthFacts) => dayIn(at, facts.timeZone);
const round1 = (n: number) => Math.round(n * 10) / 10;

const noMeeting: Rule = (facts, today) => {
  const { frequencyDays, minMinutes } = facts.rules.meetings;
  const met = facts.meetings
    .filter((m) => m.status === "held" && (m.heldMinutes ?? minMinutes) >= minMinutes)
    .map((m) => day(m.startsAt, facts))
    .sort()
    .at(-1);
  const since = daysBetween(met ?? today.began, today.day);
  if (since <= frequencyDays) return null;
  const asks = `the program asks for one every ${plural(frequencyDays, "day")}`;
  return {
    code: "no_meeting",
    text: met
      ? `No meeting for ${plural(since, "day")}; ${asks}.`
      : `No meeting yet, ${plural(since, "day")} into the match; ${asks}.`,
    gentle: met ? "It's been a while since you met." : "You haven't had your first meeting yet.",
    severity: since > 2 * frequencyDays ? "at_risk" : "needs_attention",
  };
};

const shortMeeting: Rule = (facts) => {
  const { minMinutes } = facts.rules.meetings;
  const last = facts.meetings
    .filter((m) => m.status === "held")
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .at(-1);
  if (last?.heldMinutes == null || last.heldMinutes >= minMinutes) return null;
  return {
    code: "short_meeting",
    text: `The last meeting lasted ${plural(last.heldMinutes, "minute")}; the program asks for at least ${minMinutes}.`,
    gentle: "Your last meeting was shorter than the program suggests.",
    severity: "needs_attention",
  };
};

const missedMeetings: Rule = (facts) => {
  const past = facts.meetings
    .filter((m) => m.status === "held" || m.status === "missed")
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  const missed = past.findIndex((m) => m.status === "held");
  const inARow = missed === -1 ? past.length : missed;
  if (inARow === 0) return null;
  return {
    code: "missed_meetings",
    text:
      inARow === 1
        ? `The last meeting (${day(past[0]!.startsAt, facts)}) was missed.`
        : `The last ${inARow} meetings were missed.`,
    gentle: "A meeting was missed; pick a new time when you can.",
    severity: inARow >= 2 ? "at_risk" : "needs_attention",
  };
};

/** The average rating of each check-in period that has any, oldest first. */
function periodAverages(facts: HealthFacts) {
  return facts.checkInRatings
    .filter((p) => p.ratings.length > 0)
    .sort((a, b) => a.period - b.period)
    .map((p) => ({
      period: p.period,
      average: round1(p.ratings.reduce((s, r) => s + r, 0) / p.ratings.length),
    }));
}

// Check-in answers are never shown to the other person of the pair, so neither are reasons
// drawn from them: the pair is not told (gentle: null).
const lowRatings: Rule = (facts) => {
  const latest = periodAverages(facts).at(-1);
  if (!latest || latest.average >= 3) return null;
  return {
    code: "low_ratings",
    text: `Check-in ${latest.period}'s ratings average ${latest.average} of 5.`,
    gentle: null,
    severity: latest.average <= 2 ? "at_risk" : "needs_attention",
  };
};

const fallingRatings: Rule = (facts) => {
  const [before, latest] = periodAverages(facts).slice(-2);
  if (!before || !latest || before.average - latest.average < 1) return null;
  return {
    code: "falling_ratings",
    text:
      `Check-in ratings fell from ${before.average} to ${latest.average} between check-ins ` +
      `${before.period} and ${latest.period}.`,
    gentle: null,
    severity: "needs_attention",
  };
};

const overdueCommitments: Rule = (facts, today) => {
  const late = facts.commitments.filter((c) => !c.done && c.dueOn < today.day).length;
  if (late === 0) return null;
  return {
    code: "overdue_commitments",
    text: `${plural(late, "commitment")} ${late === 1 ? "is" : "are"} past ${late === 1 ? "its" : "their"} day.`,
    gentle: "Some of what you planned to do is past its day.",
    severity: "needs_attention",
  };
};

const agreementPending: Rule = (facts, today) => {
  const days = daysBetween(today.began, today.day);
  if (!facts.rules.agreement.required || facts.agreementSettled || days <= agreementGraceDays) {
    return null;
  }
  return {
    code: "agreement_pending",
    text: `The agreement is not yet acknowledged by both, ${plural(days, "day")} into the match.`,
    gentle: "Your mentoring agreement is still waiting for both of you.",
    severity: "needs_attention",
  };
};

// A concern reaches coordinators, never the partner: the pair is never told of it here.
const concernOpen: Rule = (facts) => {
  const open = facts.openConcerns.length;
  if (open === 0) return null;
  const urgent = facts.openConcerns.some((c) => c.urgency === "urgent");
  return {
    code: "concern_open",
    text: urgent
      ? `An urgent concern is open${open > 1 ? `, of ${open} open concerns` : ""}.`
      : `${plural(open, "concern")} ${open === 1 ? "is" : "are"} open.`,
    gentle: null,
    severity: urgent ? "at_risk" : "needs_attention",
  };
};

// Coordinators' own follow-up: theirs to act on, nothing for the pair to do.
const contactOverdue: Rule = (facts, today) => {
  const standing = contactStanding(
    today.began,
    facts.rules.coordinatorContact,
    facts.contacts,
    today.day,
  );
  if (standing.daysOverdue === 0) return null;
  return {
    code: "contact_overdue",
    text: `A coordinator's contact is ${plural(standing.daysOverdue, "day")} overdue (due ${standing.dueOn}).`,
    gentle: null,
    severity: "needs_attention",
  };
};

const rules: Rule[] = [
  concernOpen,
  noMeeting,
  missedMeetings,
  shortMeeting,
  lowRatings,
  fallingRatings,
  overdueCommitments,
  agreementPending,
  contactOverdue,
];

/**
 * A match's health on `now`: every reason that applies, most serious first, and the level of
 * the most serious (healthy when there is none).
 */
export function matchHealth(facts: HealthFacts, now: Date): HealthSignal {
  const today: Today = { day: day(now, facts), began: day(facts.activatedAt, facts) };
  const reasons = rules
    .map((rule) => rule(facts, today))
    .filter((r): r is HealthReason => r !== null)
    .sort((a, b) => severityRank[b.severity] - severityRank[a.severity]);
  return { level: levelOf(reasons), reasons };
}

const severityRank: Record<HealthLevel, number> = { healthy: 0, needs_attention: 1, at_risk: 2 };

/** The level a set of reasons adds up to: that of the most serious, or healthy. */
export function levelOf(reasons: readonly Pick<HealthReason, "severity">[]): HealthLevel {
  return reasons.reduce<HealthLevel>(
    (level, r) => (severityRank[r.severity] > severityRank[level] ? r.severity : level),
    "healthy",
  );
}

/** Orders levels most serious first: at_risk, then needs_attention, then healthy. */
export function bySeverity(a: HealthLevel, b: HealthLevel): number {
  return severityRank[b] - severityRank[a];
}
