import type {
  ReminderItem,
  ReminderView,
} from "../../../../workers/shared/src/contracts/reminders";
import { upcomingDays } from "../../../../workers/shared/src/contracts/reminders";
import { count, formatDateTime } from "../../lib/format";

// The reminders page's words: its views, where each reminder stands, what an empty view means.

export const views: readonly (readonly [ReminderView, string])[] = [
  ["upcoming", "Coming up"],
  ["waiting", "Waiting"],
  ["sent", "Sent"],
  ["failed", "Failed"],
];

export const viewIntro: Record<ReminderView, string> = {
  upcoming: `What Tandem will remind people of in the next ${upcomingDays} days, as things stand now. An answered check-in, a meeting logged or a goal reviewed takes a reminder off this list.`,
  waiting:
    "Reminders that are written but not sent yet: held until the person's quiet hours end, or waiting to try an email again.",
  sent: "Reminders that went out: emailed, or shown in the app.",
  failed:
    "Reminders whose email could not be delivered. Fix the cause (a mistyped address, say), then send it again.",
};

export const emptyView: Record<ReminderView, string> = {
  upcoming: `Nothing is due in the next ${upcomingDays} days. Reminders appear here as check-ins open, meetings come up and deadlines near.`,
  waiting:
    "Nothing is waiting. A reminder shows here when it falls in someone's quiet hours or its email is being tried again.",
  sent: "Nothing has been sent yet. Reminders appear here once they are emailed or shown in the app.",
  failed: "No reminder has failed. If an email cannot be delivered, it shows here with the reason.",
};

const channelNames = { email: "Email", in_app: "In the app", webhook: "Team chat" } as const;

export const channelsText = (item: ReminderItem) =>
  item.channels.map((c) => channelNames[c]).join(", ");

/** Where a reminder stands, in a sentence. */
export function standing(item: ReminderItem): string {
  const tries = count(item.attempts, "attempt");
  switch (item.status) {
    case "upcoming":
      return `Will be sent ${formatDateTime(item.sendAt)}`;
    case "waiting":
      return item.attempts > 0 && item.nextAttemptAt
        ? `${tries} so far; next try ${formatDateTime(item.nextAttemptAt)}`
        : `To be sent ${formatDateTime(item.nextAttemptAt ?? item.sendAt)}`;
    case "sent":
      return `Sent ${formatDateTime(item.sentAt ?? item.sendAt)}`;
    case "failed":
      return `Failed after ${tries}`;
  }
}
