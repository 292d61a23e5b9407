import { defaultRules } from "../../../workers/shared/src/domain/program-rules";
import type {
  MatchSnapshot,
  Reminder,
  ReminderState,
} from "../../../workers/shared/src/domain/reminders";

// A match begun on 1 March 2030 at 10:00 UTC, both people on UTC unless a test says otherwise,
// under the default rules: meet every 14 days, first check-in on day 30 then every 60 days,
// both answer; reminders 24 hours ahead, quiet 21:00–08:00, escalation after 7 days overdue.
export const at = (iso: string) => new Date(iso);
export const mentor = { id: "mentor-1", timeZone: "UTC" };
export const mentee = { id: "mentee-1", timeZone: "UTC" };

export function match(change: Partial<MatchSnapshot> = {}): MatchSnapshot {
  return {
    id: "match-1",
    activatedAt: at("2030-03-01T10:00:00Z"),
    mentor,
    mentee,
    lastHeldMeetingAt: null,
    nextMeetingAt: at("2030-03-10T15:00:00Z"),
    checkInAnswers: [],
    agreement: { settled: true, pendingSince: null },
    goals: [],
    commitments: [],
    contactDueOn: null,
    ...change,
  };
}

export function state(
  change: Partial<MatchSnapshot> = {},
  rest: Partial<ReminderState> = {},
): ReminderState {
  return {
    rules: defaultRules(),
    coordinatorTimeZone: "UTC",
    match: match(change),
    mentorRequest: null,
    ...rest,
  };
}

export const only = (reminders: Reminder[], rule: string) =>
  reminders.filter((r) => r.rule === rule);
export const keys = (reminders: Reminder[]) => reminders.map((r) => r.key);
/** The wall-clock time a clock in `timeZone` shows at `instant`, "YYYY-MM-DD HH:MM". */
export const wallClock = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(instant);
