import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { matches, notifications, reminderLog } from "../../../db/tenant/schema";
import { enqueueSweeps } from "../../../workers/scheduler/src/sweep";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { insertMatchRow } from "../../support/matching-fixtures";
import { type OutboxHarness, startOutboxHarness } from "../../support/outbox-fixtures";
import { insertProgram, person } from "../../support/pair-fixtures";
import { scheduleOf } from "../../support/reminders/reminder-fixtures";

// A mentee's request waiting for the mentor's answer: the mentor is reminded once, a lead
// time (24 hours by default) before it expires, by email and in the app, with a link to their
// requests. Quiet hours 21:00–08:00 in the mentor's time zone; the clock starts at 09:00 UTC.
let h: OutboxHarness;
let db: TenantDb;
let tenantId: string;
let programId: string;
const slug = "requests-org";
const hour = 60 * 60 * 1000;
const subject = "A mentee's request is waiting for your answer in Spring mentoring";

beforeEach(async () => {
  h = await startOutboxHarness();
  ({ db, tenantId } = await h.org(slug));
  await person(h, db, slug, "mentor-ana", "Ana", "UTC");
  await person(h, db, slug, "mentee-ben", "Ben", "UTC");
  programId = await insertProgram(db);
});
afterEach(() => h.close());

async function request(expiresIn: number): Promise<string> {
  const id = await insertMatchRow(db, {
    programId,
    mentorId: "mentor-ana",
    menteeId: "mentee-ben",
    status: "pending_acceptance",
  });
  const expiresAt = new Date(h.clock.now.getTime() + expiresIn);
  await db.update(matches).set({ expiresAt }).where(eq(matches.id, id));
  return id;
}

async function tick() {
  await enqueueSweeps(h.platform.control, h.queue, h.clock.now);
  await h.deliver();
}

const toAna = () =>
  h.provider.requests.filter(
    (r) => r.body.to === "mentor-ana@members.test" && r.body.subject === subject,
  );

describe("reminders of a pending request", () => {
  it("reminds the asked mentor once, within the lead time, linking to their requests", async () => {
    const id = await request(12 * hour);

    await tick();
    await tick();
    h.clock.advance(hour);
    await tick();

    const [mail, ...more] = toAna();
    expect(more).toEqual([]);
    const key = `request_expiring:${id}:mentor-ana:${new Date(h.clock.now.getTime() + 11 * hour).toISOString()}`;
    expect(mail!.headers["idempotency-key"]).toBe(`${tenantId}:reminder:${key}`);
    expect(mail!.body.text).toContain("it expires in 24 hours");
    expect(mail!.body.text).toContain(`http://tandem.test/o/${slug}/my-matches`);
    const [logged] = await db.select().from(reminderLog).where(eq(reminderLog.key, key));
    expect(logged).toMatchObject({ matchId: null, recipientId: "mentor-ana", programId });
    const bell = await db
      .select({ link: notifications.link })
      .from(notifications)
      .where(eq(notifications.memberId, "mentor-ana"));
    expect(bell).toEqual([{ link: `/o/${slug}/my-matches` }]);
    expect(h.provider.requests.filter((r) => r.body.to === "mentee-ben@members.test")).toEqual([]);
  });

  it("waits until the lead time, and the tenant is due by then", async () => {
    const id = await request(3 * 24 * hour);

    await tick();
    expect(toAna()).toEqual([]);
    const dueAt = new Date(h.clock.now.getTime() + 2 * 24 * hour);
    expect((await scheduleOf(h, tenantId))!.nextDueAt!.getTime()).toBeLessThanOrEqual(
      dueAt.getTime(),
    );

    h.clock.advance(2 * 24 * hour);
    await tick();
    expect(toAna().map((r) => r.headers["idempotency-key"])).toEqual([
      `${tenantId}:reminder:request_expiring:${id}:mentor-ana:${new Date(
        dueAt.getTime() + 24 * hour,
      ).toISOString()}`,
    ]);
  });

  it("reminds nobody of a request already answered", async () => {
    const id = await request(12 * hour);
    await db.update(matches).set({ status: "active", expiresAt: null }).where(eq(matches.id, id));

    await tick();

    expect(toAna()).toEqual([]);
  });
});
