import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchParticipants, notifications, outbox, reminderLog } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import { deliverTenant, sweepTenant } from "../../../workers/scheduler/src/sweep";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { insertProgram, pairSince, person } from "../../support/pair-fixtures";
import { programsOrg } from "../../support/programs-fixtures";

// The sweep writes due reminders to the outbox as emails: once per person and occurrence,
// held past the recipient's quiet hours, and only for programs that remind by email.
// Default rules: the first check-in opens on day 30 (2030-03-02 for a match begun on
// 2030-01-31), quiet hours 21:00–08:00.
const slug = "reminders-org";
const began = new Date("2030-01-31T09:00:00Z");
const clock = { now: new Date("2030-03-02T09:00:00Z") };
let h: Harness;
let db: TenantDb;
let tenantId: string;

beforeAll(async () => {
  h = await startHarness({ now: () => clock.now });
  ({ db } = await programsOrg(h, slug));
  tenantId = (await findTenantBySlug(h.platform.control, slug)).id;
  await person(h, db, slug, "mia", "Mia", "UTC");
  await person(h, db, slug, "tom", "Tom", "UTC");
  // 09:00 UTC is 01:00 in Los Angeles: inside her quiet hours until 08:00 there (16:00 UTC).
  await person(h, db, slug, "lena", "Lena", "America/Los_Angeles");
  await person(h, db, slug, "ned", "Ned", "UTC");
  await person(h, db, slug, "ivy", "Ivy", "UTC");
  await person(h, db, slug, "otto", "Otto", "UTC");
  await person(h, db, slug, "bea", "Bea", "UTC");
  await person(h, db, slug, "kai", "Kai", "UTC");
});
afterAll(() => h.close());

const sweep = () => sweepTenant(h.platform, { tenantId, tick: clock.now.toISOString() });
const checkInRows = (matchId: string) =>
  db
    .select({
      key: outbox.key,
      recipient: outbox.recipient,
      status: outbox.status,
      nextAttemptAt: outbox.nextAttemptAt,
    })
    .from(outbox)
    .where(like(outbox.key, `reminder:check_in_due:${matchId}:%`));
const mailbox = () => h.platform.mail as DevMailbox;

describe("the reminders sweep", () => {
  it("writes one check-in email per person, however often and however concurrently it runs", async () => {
    const programId = await insertProgram(db);
    const matchId = await pairSince(db, {
      programId,
      mentorId: "mia",
      menteeId: "tom",
      activatedAt: began,
    });

    await sweep();
    await sweep();
    await Promise.all([sweep(), sweep()]);

    const rows = await checkInRows(matchId);
    expect(rows.map((r) => [r.key, r.recipient]).sort()).toEqual([
      [`reminder:check_in_due:${matchId}:mia:1`, "mia@members.test"],
      [`reminder:check_in_due:${matchId}:tom:1`, "tom@members.test"],
    ]);
    const sent = mailbox()
      .list({ to: "tom@members.test" })
      .filter((m) => m.subject === "A check-in is open in Spring mentoring");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("Check-in 1 is open until");
    expect(sent[0]!.text).toContain(`http://tandem.test/o/${slug}/matches/${matchId}#check-ins`);
  });

  it("holds a reminder due in the recipient's quiet hours until they end on her clock", async () => {
    const programId = await insertProgram(db);
    const matchId = await pairSince(db, {
      programId,
      mentorId: "lena",
      menteeId: "ned",
      activatedAt: began,
    });

    await sweep();
    const toLena = () =>
      mailbox()
        .list({ to: "lena@members.test" })
        .filter((m) => m.subject === "A check-in is open in Spring mentoring");
    const [row] = (await checkInRows(matchId)).filter((r) => r.recipient === "lena@members.test");
    expect(row).toMatchObject({ status: "pending" });
    expect(row!.nextAttemptAt.toISOString()).toBe("2030-03-02T16:00:00.000Z");
    await h.deliver();
    await deliverTenant(h.platform, tenantId);
    expect(toLena()).toEqual([]);

    clock.now = new Date("2030-03-02T16:00:00Z");
    await deliverTenant(h.platform, tenantId);
    const [mail, ...more] = toLena();
    expect(more).toEqual([]);
    expect(mail!.text).toMatch(/^Hi Lena,/);
    expect(mail!.text).toContain(`http://tandem.test/o/${slug}/matches/${matchId}#check-ins`);
    clock.now = new Date("2030-03-02T09:00:00Z");
  });

  it("notifies in the app, and emails nothing, for a program whose reminders leave out email", async () => {
    const programId = await insertProgram(db, {
      rules: { reminders: { channels: ["in_app"] } } as never,
    });
    const matchId = await pairSince(db, {
      programId,
      mentorId: "ivy",
      menteeId: "otto",
      activatedAt: began,
    });

    await sweep();

    const rows = await db
      .select({ key: outbox.key })
      .from(outbox)
      .where(like(outbox.key, `reminder:%:${matchId}:%`));
    expect(rows).toEqual([]);
    const bell = await db
      .select({
        memberId: notifications.memberId,
        title: notifications.title,
        link: notifications.link,
      })
      .from(notifications)
      .where(like(notifications.key, `reminder:check_in_due:${matchId}:%`));
    expect(bell.sort((a, b) => a.memberId.localeCompare(b.memberId))).toEqual([
      {
        memberId: "ivy",
        title: "A check-in is open",
        link: `/o/${slug}/matches/${matchId}#check-ins`,
      },
      {
        memberId: "otto",
        title: "A check-in is open",
        link: `/o/${slug}/matches/${matchId}#check-ins`,
      },
    ]);
    const logged = await db
      .select({ recipientId: reminderLog.recipientId, channels: reminderLog.channels })
      .from(reminderLog)
      .where(like(reminderLog.key, `check_in_due:${matchId}:%`));
    expect(logged).toHaveLength(2);
    expect(logged.every((r) => r.channels.join() === "in_app")).toBe(true);
  });

  it("logs a match it cannot read and still reminds the others", async () => {
    const programId = await insertProgram(db);
    const broken = await pairSince(db, {
      programId,
      mentorId: "bea",
      menteeId: "kai",
      activatedAt: began,
    });
    await db
      .delete(matchParticipants)
      .where(and(eq(matchParticipants.matchId, broken), eq(matchParticipants.role, "mentee")));
    const healthy = await pairSince(db, {
      programId,
      mentorId: "kai",
      menteeId: "bea",
      activatedAt: began,
    });

    await expect(sweep()).resolves.toBe("swept");

    expect(await checkInRows(broken)).toEqual([]);
    expect(await checkInRows(healthy)).toHaveLength(2);
    expect(h.logs).toContainEqual(
      expect.objectContaining({ msg: "reminders.match_failed", matchId: broken }),
    );
  });
});
