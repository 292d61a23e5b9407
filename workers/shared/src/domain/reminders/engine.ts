import { addLocalDays, beforeQuietHours, outOfQuietHours } from "./local-time";
import type { Occurrence } from "./occurrence";
import { occurrences } from "./occurrences";
import type { Reminder, ReminderState } from "./state";

const coordinators = "coordinators";

const liveAt = (o: Pick<Occurrence, "until">, at: Date) => o.until === null || at < o.until;

/**
 * Each overdue occurrence, once overdue for `escalateAfterDaysOverdue` days on the
 * coordinators' clock, also goes to the coordinators: one escalation per occurrence, however
 * many people it was sent to.
 */
function escalations(state: ReminderState, all: readonly Occurrence[]): Occurrence[] {
  const days = state.rules.reminders.escalateAfterDaysOverdue;
  const recipient = { id: coordinators, timeZone: state.coordinatorTimeZone };
  const byOccurrence = new Map<string, Occurrence>();
  for (const o of all) {
    if (!o.overdueAt || !o.overdueText) continue;
    const id = `${o.rule}/${o.period}`;
    const seen = byOccurrence.get(`${o.subjectId}:${id}`);
    if (!seen || o.overdueAt < seen.overdueAt!) byOccurrence.set(`${o.subjectId}:${id}`, o);
  }
  return [...byOccurrence.values()].map((o) => ({
    rule: "escalation",
    recipient,
    subjectId: o.subjectId,
    period: `${o.rule}/${o.period}`,
    dueAt: addLocalDays(o.overdueAt!, days, state.coordinatorTimeZone),
    until: o.until,
    overdueAt: null,
    text: `${o.overdueText} Overdue for ${days} ${days === 1 ? "day" : "days"} or more.`,
    overdueText: null,
  }));
}

// A reminder that would wait for the morning past the moment it is about (a meeting at 07:30
// with a one-hour lead time) is due instead the evening before, as quiet hours begin.
function inTime(o: Occurrence, state: ReminderState): Occurrence {
  const quiet = state.rules.reminders.quietHours;
  if (liveAt(o, outOfQuietHours(o.dueAt, o.recipient.timeZone, quiet))) return o;
  return { ...o, dueAt: beforeQuietHours(o.dueAt, o.recipient.timeZone, quiet) };
}

function everyOccurrence(state: ReminderState, now: Date): Occurrence[] {
  const all = occurrences(state, now);
  return [...all, ...escalations(state, all)].map((o) => inTime(o, state));
}

/**
 * When to send an occurrence due at `dueAt` (or now, if that has passed): out of the
 * recipient's quiet hours. Null when the morning would come too late to be of use: quiet
 * hours are never broken, so such a reminder is not sent at all.
 */
function sendAt(o: Occurrence, state: ReminderState, now: Date): Date | null {
  const from = o.dueAt > now ? o.dueAt : now;
  const at = outOfQuietHours(from, o.recipient.timeZone, state.rules.reminders.quietHours);
  return liveAt(o, at) ? at : null;
}

/**
 * The reminders due at `now`: every occurrence whose moment has come and which still matters.
 * The same occurrence always gives the same key, so evaluating again (on the next tick, or the
 * same tick twice) adds nothing to an outbox that drops duplicate keys.
 */
export function dueReminders(state: ReminderState, now: Date): Reminder[] {
  return dueAmong(everyOccurrence(state, now), state, now);
}

function dueAmong(all: readonly Occurrence[], state: ReminderState, now: Date): Reminder[] {
  return all
    .filter((o) => o.dueAt <= now && liveAt(o, now))
    .flatMap((o): Reminder[] => {
      const at = sendAt(o, state, now);
      if (!at) return [];
      const key = `${o.rule}:${o.subjectId}:${o.recipient.id}:${o.period}`;
      return [
        {
          rule: o.rule,
          recipientId: o.recipient.id,
          subjectId: o.subjectId,
          period: o.period,
          key,
          sendAt: at,
          text: o.text,
        },
      ];
    })
    .sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || a.key.localeCompare(b.key));
}

/** The earliest moment after `now` something becomes due, or null when nothing will. */
export function nextDueAt(state: ReminderState, now: Date): Date | null {
  return nextAmong(everyOccurrence(state, now), now);
}

function nextAmong(all: readonly Occurrence[], now: Date): Date | null {
  let next: Date | null = null;
  for (const o of all) {
    if (o.dueAt > now && liveAt(o, o.dueAt) && (!next || o.dueAt < next)) next = o.dueAt;
  }
  return next;
}

/**
 * `dueReminders` and `nextDueAt` from one pass over the occurrences: what a sweep asks of
 * every match, at half the cost of asking twice.
 */
export function dueAndNext(
  state: ReminderState,
  now: Date,
): { due: Reminder[]; nextDueAt: Date | null } {
  const all = everyOccurrence(state, now);
  return { due: dueAmong(all, state, now), nextDueAt: nextAmong(all, now) };
}
