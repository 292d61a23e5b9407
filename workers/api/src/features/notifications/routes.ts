import { Hono } from "hono";
import { idParam } from "../../../../shared/src/contracts/common/params";
import {
  notificationPreferencesInput,
  notificationPreferencesView,
  notificationsPage,
  notificationsQuery,
  notificationView,
  unreadCountView,
} from "../../../../shared/src/contracts/notifications";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { orgCtx, tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { getPreferencesByLink, preferenceLink, setPreferencesByLink } from "./by-link";
import { countUnread, listNotifications } from "./list";
import { getMyPreferences, setMyPreferences } from "./preferences";
import { markAllRead, markRead } from "./read";

/** Mounted at /v1/me/notifications: the signed-in member's bell. */
export const myNotificationsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members(),
    validate("query", notificationsQuery),
    responds(200, notificationsPage),
    async (c) =>
      c.json(await listNotifications({ ctx: tenantCtx(c), input: c.req.valid("query") })),
  )
  .get("/unread-count", allows.members(), responds(200, unreadCountView), async (c) =>
    c.json(await countUnread({ ctx: tenantCtx(c) })),
  )
  .post("/read-all", allows.members(), responds(200, unreadCountView), async (c) =>
    c.json(await markAllRead({ ctx: tenantCtx(c) })),
  )
  .post(
    "/:id/read",
    allows.members(),
    validate("param", idParam),
    responds(200, notificationView),
    async (c) => c.json(await markRead({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  );

/** Mounted at /v1/me/notification-preferences: how the signed-in member is reminded. */
export const myNotificationPreferencesRoutes = new Hono<AppEnv>()
  .get("/", allows.members(), responds(200, notificationPreferencesView), async (c) =>
    c.json(await getMyPreferences({ ctx: tenantCtx(c) })),
  )
  .put(
    "/",
    allows.members(),
    validate("json", notificationPreferencesInput),
    responds(200, notificationPreferencesView),
    async (c) => c.json(await setMyPreferences({ ctx: tenantCtx(c), input: c.req.valid("json") })),
  );

/**
 * Mounted at /v1/orgs/:slug/notification-preferences: the one-click link in reminder emails.
 * No session: the link's token (in the Tandem-Link-Token header) names the member.
 */
export const preferencesByLinkRoutes = new Hono<AppEnv>()
  .get("/by-link", responds(200, notificationPreferencesView), async (c) =>
    c.json(await getPreferencesByLink({ ctx: orgCtx(c), link: preferenceLink(c) })),
  )
  .put(
    "/by-link",
    validate("json", notificationPreferencesInput),
    responds(200, notificationPreferencesView),
    async (c) => {
      const input = c.req.valid("json");
      return c.json(await setPreferencesByLink({ ctx: orgCtx(c), link: preferenceLink(c), input }));
    },
  );
