import { Hono } from "hono";
import {
  calendarDocument,
  calendarFeedView,
} from "../../../../shared/src/contracts/relationship/meetings";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { orgCtx, tenantCtx } from "../../http/service-context";
import { calendarFeed } from "./feed";
import { createCalendarFeed, revokeCalendarFeed } from "./feeds";

/** Mounted at /v1/me/calendar-feed: the signed-in member's secret calendar address. */
export const myCalendarFeedRoutes = new Hono<AppEnv>()
  .post("/", allows.members(), responds(201, calendarFeedView), async (c) => {
    const publicUrl = c.get("platform").publicUrl;
    return c.json(await createCalendarFeed({ ctx: tenantCtx(c), publicUrl }), 201);
  })
  .delete("/", allows.members(), responds(204), async (c) => {
    await revokeCalendarFeed({ ctx: tenantCtx(c) });
    return c.body(null, 204);
  });

/**
 * Mounted at /v1/orgs/:slug/calendar: what calendar apps poll. No credential but the token in
 * the address; anything that is not a live token is a 404.
 */
export const calendarFeedRoutes = new Hono<AppEnv>().get(
  "/:file",
  responds(200, calendarDocument),
  async (c) => {
    const ics = await calendarFeed({ ctx: orgCtx(c), file: c.req.param("file") });
    c.header("content-type", "text/calendar; charset=utf-8");
    // The address is a secret: no shared cache may keep what it shows.
    c.header("cache-control", "private, no-store");
    return c.body(ics);
  },
);
