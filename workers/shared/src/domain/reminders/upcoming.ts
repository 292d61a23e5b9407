import { dueReminders, nextDueAt } from "./engine";
import type { Reminder, ReminderState } from "./state";

// A bound on the moments visited, so a state that keeps producing occurrences (a check-in
// every day, say) cannot loop for long; a week never comes near it.
const maxMoments = 1_000;

const bySendTime = (a: Reminder, b: Reminder) =>
  a.sendAt.getTime() - b.sendAt.getTime() || a.key.localeCompare(b.key);

/**
 * What becomes due after `now` and up to `until`, if nothing changes meanwhile (an answer, a
 * meeting logged or a goal reviewed takes a reminder off). The engine is asked at every moment
 * something becomes due, as the sweep would be on its way there, so the forecast has the same
 * keys, send times (quiet hours applied), escalations and words as what will be sent. What is
 * already due at `now` is the sweep's business and left out.
 */
export function upcomingReminders(state: ReminderState, now: Date, until: Date): Reminder[] {
  const seen = new Set(dueReminders(state, now).map((r) => r.key));
  const upcoming: Reminder[] = [];
  let moment = nextDueAt(state, now);
  for (let visited = 0; moment && moment <= until && visited < maxMoments; visited++) {
    for (const reminder of dueReminders(state, moment)) {
      if (seen.has(reminder.key)) continue;
      seen.add(reminder.key);
      upcoming.push(reminder);
    }
    moment = nextDueAt(state, moment);
  }
  return upcoming.sort(bySendTime);
}
