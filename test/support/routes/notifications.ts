import { asc, eq } from "drizzle-orm";
import { notificationPreferences, notifications } from "../../../db/tenant/schema";
import { insertEnrollment, insertProgram } from "../programs-fixtures";
import { insertNotification } from "../reminders/notification-fixtures";
import type { OrgRouteSpec, RouteCtx, RouteSpec, Target } from "../security";

/** An unread notification of the caller's, shown already: what marking read acts on. */
async function unreadOfCaller({ org, caller, env }: RouteCtx) {
  const id = await insertNotification(org.db, {
    memberId: caller.id,
    visibleFrom: new Date(env.clock.now.getTime() - 60_000),
    title: `Reminder for ${org.slug}`,
  });
  return { notificationId: id };
}

const callerNotifications = async ({ org, caller }: Target) =>
  org.db
    .select()
    .from(notifications)
    .where(eq(notifications.memberId, caller.id))
    .orderBy(asc(notifications.id));

const callerPreferences = async ({ org, caller }: Target) =>
  org.db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.memberId, caller.id));

export const notificationRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/me/notifications",
    caller: "anyMember",
    scope: null,
    success: 200,
    list: { paginated: true },
    prepare: async (ctx) => {
      await unreadOfCaller(ctx);
      return {};
    },
  },
  {
    method: "GET",
    path: "/v1/me/notifications/unread-count",
    caller: "anyMember",
    scope: null,
    success: 200,
    countOnly: true,
    prepare: async (ctx) => {
      await unreadOfCaller(ctx);
      return {};
    },
  },
  {
    method: "POST",
    path: "/v1/me/notifications/{notificationId}/read",
    caller: "anyMember",
    scope: null,
    success: 200,
    prepare: unreadOfCaller,
    snapshot: callerNotifications,
  },
  {
    method: "POST",
    path: "/v1/me/notifications/read-all",
    caller: "anyMember",
    scope: null,
    success: 200,
    prepare: async (ctx) => {
      await unreadOfCaller(ctx);
      return {};
    },
    snapshot: callerNotifications,
  },
  {
    method: "GET",
    path: "/v1/me/notification-preferences",
    caller: "anyMember",
    scope: null,
    success: 200,
    // A program of the organization's the reader takes part in: its name is in the answer.
    prepare: async ({ org, caller }) => {
      const programId = await insertProgram(org.db, { name: `Circle of ${org.slug}` });
      await insertEnrollment(org.db, { programId, memberId: caller.id, status: "approved" });
      return {};
    },
  },
  {
    method: "PUT",
    path: "/v1/me/notification-preferences",
    caller: "anyMember",
    scope: null,
    success: 200,
    // No choice yet, so every allowed call makes one.
    prepare: async ({ org, caller }) => {
      await org.db
        .delete(notificationPreferences)
        .where(eq(notificationPreferences.memberId, caller.id));
      return {};
    },
    body: () => ({ channels: ["in_app"] }),
    snapshot: callerPreferences,
    invalidBodies: () => ({
      "no channel": { channels: [] },
      "an unknown channel": { channels: ["sms"] },
      "the coordinators' webhook": { channels: ["webhook"] },
      "a channel twice": { channels: ["email", "email"] },
    }),
  },
];

/** A reminder email's preferences link: no session, the link's token in a header. */
export const notificationOrgRoutes: OrgRouteSpec[] = [
  { method: "GET", path: "/v1/orgs/{slug}/notification-preferences/by-link" },
  {
    method: "PUT",
    path: "/v1/orgs/{slug}/notification-preferences/by-link",
    body: () => ({ channels: ["email"] }),
  },
];
