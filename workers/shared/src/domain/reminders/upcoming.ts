import { dueReminders, nextDueAt } from "./engine";
import type { Reminder, ReminderState } from "./state";

// A bound on the moments visited, so a state that keeps producing occurrences (a check-in
// every day, say) cannot loop for long; a week never comes near it.
const maxMoments = 1_000;

const bySendTime = (a: Reminder, b: Reminder) =>
  a.sendAt.getTime() - b.sendAt.getTime() || a.key.localeCompare(b.key);

/**
 * The state as it will be at `at` if the scheduled meeting takes place: once its start has
 * passed it counts as held, so the forecast does not foresee "no meeting planned" for a pair
 * that has one planned.
 */
function meetingHeldBy(state: ReminderState, at: Date): ReminderState {
  const match = state.match;
  if (!match?.nextMeetingAt || match.nextMeetingAt > at) return state;
  const held = match.nextMeetingAt;
  return { ...state, match: { ...match, lastHeldMeetingAt: held, nextMeetingAt: null } };
}

/**
 * What becomes due after `now` and up to `until`, if nothing changes meanwhile (an answer, a
 * meeting logged or a goal reviewed takes a reminder off) and the scheduled meeting is held. The engine is asked at every moment
 * something becomes due, as the sweep would be on its way there, so the forecast has the same
 * keys, send times (quiet hours applied), escalations and words as what will be sent. What is
 * already due at `now` is the sweep's business and left out.
 */
export function upcomingReminders(state: ReminderState, now: Date, until: Date): Reminder[] {
  const seen = new Set(dueReminders(state, now).map((r) => r.key));
  const upcoming: Reminder[] = [];
  let moment = nextDueAt(state, now);
  for (let visited = 0; moment && moment <= until && visited < maxMoments; visited++) {
    const then = meetingHeldBy(state, moment);
    for (const reminder of dueReminders(then, moment)) {
      if (seen.has(reminder.key)) continue;
      seen.add(reminder.key);
      upcoming.push(reminder);
    }
    moment = nextDueAt(then, moment);
  }
  return upcoming.sort(bySendTime);
}
