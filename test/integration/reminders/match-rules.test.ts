import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluationResponses, feedback } from "../../../db/tenant/schema";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import type { Harness } from "../../support/node-harness";
import { acknowledgeAgreement, insertProgram, pairSince } from "../../support/pair-fixtures";
import { type SweptOrg, sweptOrg } from "../../support/reminders/sweep-fixtures";

// Evaluation and inactivity reminders, written by the tenant's sweep. Default rules: meetings
// every 14 days (so 28 quiet days make a pair inactive), quiet hours 21:00–08:00, escalation
// after 7 days overdue; the mid-point evaluation opens halfway through the relationship.
const slug = "reminder-rules-org";
const clock = { now: new Date("2030-03-02T09:00:00Z") };
let h: Harness;
let db: TenantDb;
let org: SweptOrg;

beforeAll(async () => {
  org = await sweptOrg(slug, clock, [
    ["mia", "Mia"],
    ["tom", "Tom"],
    ["ivy", "Ivy"],
    ["otto", "Otto"],
  ]);
  ({ h, db } = org);
});
afterAll(() => h.close());

const sweep = () => org.sweep();
const logged = (prefix: string) => org.logged(prefix);
const mailTo = (email: string, subject: string) => org.mailTo(email, subject);

describe("evaluation reminders", () => {
  it("remind whoever has not submitted the mid-point evaluation once, and escalate it a week overdue", async () => {
    // 120 days from 1 January: the mid-point is 2 March, 09:00 UTC.
    const programId = await insertProgram(db, { relationshipLengthDays: 120 });
    const matchId = await pairSince(db, {
      programId,
      mentorId: "mia",
      menteeId: "tom",
      activatedAt: new Date("2030-01-01T09:00:00Z"),
    });
    await db.insert(evaluationResponses).values({
      id: "evr_tom",
      matchId,
      programId,
      evaluationId: "midpoint_check",
      memberId: "tom",
      rulesVersion: 1,
      answers: {},
      status: "submitted",
      submittedAt: clock.now,
      createdAt: clock.now,
      updatedAt: clock.now,
    });

    await sweep();
    await sweep();

    expect(await logged(`evaluation_due:${matchId}:`)).toEqual([
      {
        key: `evaluation_due:${matchId}:mia:midpoint_check`,
        recipientId: "mia",
        text: "An evaluation of your mentoring relationship is open; please answer it by 2030-03-16.",
      },
    ]);
    await h.deliver();
    const [mail, ...more] = mailTo(
      "mia@members.test",
      "An evaluation is open for you in Spring mentoring",
    );
    expect(more).toEqual([]);
    expect(mail!.text).toContain(`http://tandem.test/o/${slug}/matches/${matchId}#evaluations`);

    // Overdue from 17 March; a week later it reaches the coordinators, once each.
    clock.now = new Date("2030-03-23T23:00:00Z");
    await sweep();
    expect(await logged(`escalation:${matchId}:coordinators:evaluation_due/`)).toEqual([]);
    clock.now = new Date("2030-03-24T09:00:00Z");
    await sweep();
    await sweep();
    expect(await logged(`escalation:${matchId}:coordinators:evaluation_due/`)).toEqual([
      {
        key: `escalation:${matchId}:coordinators:evaluation_due/midpoint_check:coord`,
        recipientId: "coord",
        text: 'The pair\'s evaluation "midpoint_check", open since 2030-03-02, is not answered by both. Overdue for 7 days or more.',
      },
    ]);
    clock.now = new Date("2030-03-02T09:00:00Z");
  });
});

describe("inactivity reminders", () => {
  it("nudge both people once after 28 quiet days, and not again once the pair does something", async () => {
    const programId = await insertProgram(db);
    const matchId = await pairSince(
      db,
      {
        programId,
        mentorId: "ivy",
        menteeId: "otto",
        activatedAt: new Date("2030-01-10T09:00:00Z"),
      },
      false,
    );
    // The last thing the pair did: acknowledging their agreement on 1 February.
    await acknowledgeAgreement(db, matchId, ["ivy", "otto"], new Date("2030-02-01T10:00:00Z"));

    await sweep();
    await sweep();

    const nudges = await logged(`inactivity:${matchId}:`);
    expect(nudges.map((r) => r.key).sort()).toEqual([
      `inactivity:${matchId}:ivy:2030-02-01T10:00:00.000Z`,
      `inactivity:${matchId}:otto:2030-02-01T10:00:00.000Z`,
    ]);
    await h.deliver();
    const [mail] = mailTo(
      "otto@members.test",
      "Time to pick your mentoring up again in Spring mentoring",
    );
    expect(mail!.text).toContain("Nothing has happened in your mentoring for more than 28 days");

    await db.insert(feedback).values({
      id: "fb_otto",
      matchId,
      authorId: "otto",
      recipientId: "ivy",
      answers: {} as never,
      createdAt: new Date("2030-03-02T10:00:00Z"),
    });
    clock.now = new Date("2030-03-05T09:00:00Z");
    await sweep();
    expect(await logged(`inactivity:${matchId}:`)).toHaveLength(2);
    clock.now = new Date("2030-03-02T09:00:00Z");
  });
});
