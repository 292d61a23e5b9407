import * as v from "valibot";
import { timestamp } from "./common/json";
import { pageQuery } from "./common/pagination";

/** A member's in-app notifications (the bell) and how they want to be reminded. */

export const notificationsQuery = pageQuery;

export const notificationView = v.object({
  id: v.string(),
  title: v.string(),
  body: v.string(),
  /** Where to act: a path in the web client (`/o/<slug>/matches/<id>#check-ins`). */
  link: v.string(),
  /** When it was shown: a reminder held by quiet hours shows from their end. */
  createdAt: timestamp,
  read: v.boolean(),
  readAt: v.nullable(timestamp),
});
export type NotificationView = v.InferOutput<typeof notificationView>;

/** Newest first, only those already shown; `unread` counts every unread one shown. */
export const notificationsPage = v.object({
  items: v.array(notificationView),
  nextCursor: v.nullable(v.string()),
  unread: v.number(),
});
export type NotificationsPage = v.InferOutput<typeof notificationsPage>;

export const unreadCountView = v.object({ unread: v.number() });
export type UnreadCountView = v.InferOutput<typeof unreadCountView>;

/** The channels a member chooses between; a program's webhook is the coordinators' affair. */
export const personalChannels = ["email", "in_app"] as const;
export type PersonalChannel = (typeof personalChannels)[number];

const channelsMessage = 'channels must list "email", "in_app" or both, each once.';

export const notificationPreferencesInput = v.object({
  channels: v.pipe(
    v.array(v.picklist(personalChannels, channelsMessage), channelsMessage),
    v.minLength(1, "Keep at least one way to be reminded: email, in the app, or both."),
    v.check((list) => new Set(list).size === list.length, channelsMessage),
  ),
});
export type NotificationPreferencesInput = v.InferOutput<typeof notificationPreferencesInput>;

export const notificationPreferencesView = v.object({
  /** The channels the member keeps (both, until they choose). */
  channels: v.array(v.picklist(personalChannels)),
  /** Whether the member chose, or still has the default. */
  chosen: v.boolean(),
  /** Each program the member takes part in, and the channels it reminds by. */
  programs: v.array(
    v.object({
      id: v.string(),
      name: v.string(),
      channels: v.array(v.picklist(personalChannels)),
    }),
  ),
});
export type NotificationPreferencesView = v.InferOutput<typeof notificationPreferencesView>;

/** The header a preferences link's token travels in: never the address, so never in a log. */
export const preferenceLinkHeader = "tandem-link-token";
