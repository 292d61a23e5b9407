import { asc, eq } from "drizzle-orm";
import { calendarFeeds } from "../../../../db/tenant/schema";
import type { OrgRouteSpec, RouteSpec, Target } from "../../security";

const callerFeeds = async ({ org, caller }: Target) =>
  org.db
    .select()
    .from(calendarFeeds)
    .where(eq(calendarFeeds.memberId, caller.id))
    .orderBy(asc(calendarFeeds.id));

export const calendarRouteSpecs: RouteSpec[] = [
  {
    method: "POST",
    path: "/v1/me/calendar-feed",
    caller: "anyMember",
    scope: null,
    success: 201,
    snapshot: callerFeeds,
  },
  {
    method: "DELETE",
    path: "/v1/me/calendar-feed",
    caller: "anyMember",
    scope: null,
    success: 204,
    // A live feed of the caller's, so revoking it changes something.
    prepare: async ({ org, caller, env }) => {
      await org.db.insert(calendarFeeds).values({
        id: `cal_${crypto.randomUUID()}`,
        memberId: caller.id,
        tokenHash: crypto.randomUUID(),
        createdAt: env.clock.now,
      });
      return {};
    },
    snapshot: callerFeeds,
  },
];

/** The feed calendar apps poll: no credential but the secret in its address. */
export const calendarOrgRoutes: OrgRouteSpec[] = [
  { method: "GET", path: `/v1/orgs/{slug}/calendar/{file}` },
];
