import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../../db/tenant/schema";
import type {
  NotificationsPage,
  NotificationView,
} from "../../../workers/shared/src/contracts/notifications";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { integrationClient } from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";
import { programsOrg, sendJson } from "../../support/programs-fixtures";
import { insertNotification } from "../../support/reminders/notification-fixtures";

// The bell: a member's own notifications, shown from their send time, newest first.
const clock = { now: new Date("2030-05-01T12:00:00Z") };
const hoursAgo = (h: number) => new Date(clock.now.getTime() - h * 3_600_000);
let h: Harness;
let db: TenantDb;
let otherDb: TenantDb;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness({ now: () => clock.now });
  ({ db } = await programsOrg(h, "bell-org"));
  ({ db: otherDb } = await programsOrg(h, "bell-other"));
  await h.tokenFor("bell-org", { memberId: "ana" });
  await h.tokenFor("bell-org", { memberId: "ben" });
  // The same member id in another organization: a different person.
  await h.tokenFor("bell-other", { memberId: "ana" });
  ids.older = await insertNotification(db, {
    memberId: "ana",
    visibleFrom: hoursAgo(2),
    title: "Time to review a goal",
  });
  ids.newer = await insertNotification(db, { memberId: "ana", visibleFrom: hoursAgo(1) });
  ids.later = await insertNotification(db, { memberId: "ana", visibleFrom: hoursAgo(-1) });
  ids.bens = await insertNotification(db, { memberId: "ben", visibleFrom: hoursAgo(1) });
  ids.elsewhere = await insertNotification(otherDb, { memberId: "ana", visibleFrom: hoursAgo(3) });
});
afterAll(() => h.close());

const as = async (slug: string, memberId: string, method: string, path: string) =>
  sendJson(h, method, path, await h.tokenFor(slug, { memberId }));
/** An answer's body, typed as the list (the count and single reads use the fields they need). */
const json = async (res: Response | Promise<Response>) =>
  (await (await res).json()) as NotificationsPage & NotificationView;
const ana = (method: string, path: string) => as("bell-org", "ana", method, path);

describe("a member's notifications", () => {
  it("lists only those already shown, newest first, with the unread count", async () => {
    const res = await ana("GET", "/v1/me/notifications");
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.unread).toBe(2);
    expect(body.nextCursor).toBeNull();
    expect(body.items).toEqual([
      {
        id: ids.newer,
        title: "A check-in is open",
        body: "Check-in 1 is open until Friday.",
        link: "/o/org/matches/m1#check-ins",
        createdAt: hoursAgo(1).toISOString(),
        read: false,
        readAt: null,
      },
      expect.objectContaining({ id: ids.older, title: "Time to review a goal" }),
    ]);
    const count = await ana("GET", "/v1/me/notifications/unread-count");
    expect(await count.json()).toEqual({ unread: 2 });
  });

  it("pages with the cursor it hands out, and refuses one it did not", async () => {
    const first = await json(ana("GET", "/v1/me/notifications?limit=1"));
    expect(first.items.map((n) => n.id)).toEqual([ids.newer]);
    const cursor = encodeURIComponent(first.nextCursor!);
    const second = await json(ana("GET", `/v1/me/notifications?limit=1&cursor=${cursor}`));
    expect(second.items.map((n) => n.id)).toEqual([ids.older]);
    expect(second.nextCursor).toBeNull();
    await expectProblem(await ana("GET", "/v1/me/notifications?cursor=nope"), 400, "validation");
    await expectProblem(await ana("GET", "/v1/me/notifications?limit=0"), 400, "validation");
  });

  it("marks one read, once: reading it again keeps the first time", async () => {
    const res = await ana("POST", `/v1/me/notifications/${ids.older}/read`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: ids.older,
      read: true,
      readAt: clock.now.toISOString(),
    });
    const firstRead = clock.now.toISOString();
    clock.now = new Date(clock.now.getTime() + 60_000);
    const again = await json(ana("POST", `/v1/me/notifications/${ids.older}/read`));
    expect(again.readAt).toBe(firstRead);
    expect(await json(ana("GET", "/v1/me/notifications/unread-count"))).toEqual({
      unread: 1,
    });
  });

  it("never finds another member's notification, one not shown yet, or another organization's", async () => {
    for (const id of [ids.bens, ids.later, ids.elsewhere, "no-such-id"]) {
      await expectProblem(await ana("POST", `/v1/me/notifications/${id}/read`), 404, "not_found");
    }
    const [bens] = await db.select().from(notifications).where(eq(notifications.id, ids.bens!));
    expect(bens!.readAt).toBeNull();
    const elsewhere = await json(as("bell-other", "ana", "GET", "/v1/me/notifications"));
    expect(elsewhere.items.map((n) => n.id)).toEqual([ids.elsewhere]);
  });

  it("marks all shown ones read; one shown later arrives unread", async () => {
    const res = await ana("POST", "/v1/me/notifications/read-all");
    expect(await res.json()).toEqual({ unread: 0 });
    expect(await json(ana("POST", "/v1/me/notifications/read-all"))).toEqual({
      unread: 0,
    });
    const list = await json(ana("GET", "/v1/me/notifications"));
    expect(list.items.every((n) => n.read)).toBe(true);
    const ben = await json(as("bell-org", "ben", "GET", "/v1/me/notifications"));
    expect(ben.unread).toBe(1);

    clock.now = new Date(clock.now.getTime() + 2 * 3_600_000);
    const later = await json(ana("GET", "/v1/me/notifications"));
    expect(later.unread).toBe(1);
    expect(later.items[0]).toMatchObject({ id: ids.later, read: false });
  });

  it("is for members: an integration gets 403", async () => {
    const client = await integrationClient(h, "bell-org", ["members:read"], () => clock.now);
    const res = await sendJson(h, "GET", "/v1/me/notifications", await client());
    await expectProblem(res, 403, "forbidden");
  });
});
