import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  matchHealth,
  notifications,
  programCoordinators,
  programs,
  trainingCompletions,
} from "../../../db/tenant/schema";
import { defaultRules } from "../../../workers/shared/src/domain/program-rules";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import type { Harness } from "../../support/node-harness";
import { insertProgram, pairSince } from "../../support/pair-fixtures";
import { insertEnrollment, insertTraining } from "../../support/programs-fixtures";
import { type SweptOrg, sweptOrg } from "../../support/reminders/sweep-fixtures";

// A program's own reminders, written by the tenant's sweep: training still to do before
// matching (weekly), and each coordinator's Monday digest of the pairs needing attention.
// 4 March 2030 is a Monday (ISO week 10); 08:00 in Berlin is then 07:00 UTC.
const slug = "program-reminders-org";
const clock = { now: new Date("2030-03-04T09:00:00Z") };
let h: Harness;
let db: TenantDb;
let org: SweptOrg;

beforeAll(async () => {
  org = await sweptOrg(slug, clock, [
    ["tia", "Tia"],
    ["uma", "Uma"],
    ["vic", "Vic"],
    ["wes", "Wes"],
    ["mia", "Mia"],
    ["tom", "Tom"],
    ["ann", "Ann"],
    ["bo", "Bo"],
    ["cora", "Cora", "Europe/Berlin"],
  ]);
  ({ h, db } = org);
});
afterAll(() => h.close());

const sweep = () => org.sweep();
const logged = (prefix: string) => org.logged(prefix);
const mailTo = (email: string, subject: string) => org.mailTo(email, subject);
const approve = (programId: string, memberId: string) =>
  insertEnrollment(db, {
    programId,
    memberId,
    status: "approved",
    decidedAt: new Date("2030-03-01T08:00:00Z"),
  });

describe("training reminders", () => {
  it("remind an approved member with training left once a week, and nobody trained or matched", async () => {
    const programId = await insertProgram(db, { name: "Onboarding circle" });
    const resourceId = await insertTraining(db, { programId });
    const untrained = await approve(programId, "tia");
    await approve(programId, "uma");
    await db
      .insert(trainingCompletions)
      .values({ resourceId, memberId: "uma", completedAt: new Date("2030-03-02T10:00:00Z") });
    await approve(programId, "vic");
    await approve(programId, "wes");
    await pairSince(db, {
      programId,
      mentorId: "wes",
      menteeId: "vic",
      activatedAt: new Date("2030-03-03T09:00:00Z"),
    });

    await sweep();
    await sweep();

    expect(await logged(`training_pending:`)).toEqual([
      {
        key: `training_pending:${untrained}:tia:2030-W10`,
        recipientId: "tia",
        text: "You can be matched once your training is done: 1 item left to complete.",
      },
    ]);
    await h.deliver();
    const [mail, ...more] = mailTo(
      "tia@members.test",
      "Your training is waiting in Onboarding circle",
    );
    expect(more).toEqual([]);
    expect(mail!.text).toContain(`http://tandem.test/o/${slug}/my-programs`);

    clock.now = new Date("2030-03-06T09:00:00Z");
    await sweep();
    expect(await logged(`training_pending:`)).toHaveLength(1);
    clock.now = new Date("2030-03-11T09:00:00Z");
    await sweep();
    expect((await logged(`training_pending:`)).map((r) => r.key)).toContain(
      `training_pending:${untrained}:tia:2030-W11`,
    );
    clock.now = new Date("2030-03-04T09:00:00Z");
  });
});

describe("the coordinators' weekly digest", () => {
  it("lists the pairs needing attention to each coordinator on Monday morning, once", async () => {
    const programId = await insertProgram(db, { name: "Leaders' mentoring", status: "running" });
    await db
      .insert(programCoordinators)
      .values({ programId, memberId: "cora", createdAt: clock.now });
    // Begun seven weeks ago without a meeting: at risk. Begun yesterday: healthy.
    await pairSince(db, {
      programId,
      mentorId: "mia",
      menteeId: "tom",
      activatedAt: new Date("2030-01-14T09:00:00Z"),
    });
    await pairSince(db, {
      programId,
      mentorId: "ann",
      menteeId: "bo",
      activatedAt: new Date("2030-03-03T09:00:00Z"),
    });

    clock.now = new Date("2030-03-04T06:30:00Z");
    await sweep();
    expect(await logged(`coordinator_digest:${programId}:`)).toEqual([]);

    clock.now = new Date("2030-03-04T07:00:00Z");
    await sweep();
    await sweep();
    const [digest, ...more] = await logged(`coordinator_digest:${programId}:`);
    expect(more).toEqual([]);
    expect(digest!.key).toBe(`coordinator_digest:${programId}:cora:2030-W10`);
    const [heading, ...pairs] = digest!.text.split("\n");
    expect(heading).toBe("1 pair needs your attention this week.");
    expect(pairs).toEqual([
      expect.stringMatching(/^- Mia and Tom \(at risk\): No meeting yet, 49 days/),
    ]);

    await h.deliver();
    const [mail] = mailTo(
      "cora@members.test",
      "This week's pairs needing attention in Leaders' mentoring",
    );
    expect(mail!.text).toContain("- Mia and Tom (at risk)");
    expect(mail!.text).toContain(
      `http://tandem.test/o/${slug}/programs/${programId}/needs-attention`,
    );
    const bell = await db
      .select({ link: notifications.link })
      .from(notifications)
      .where(like(notifications.key, `reminder:coordinator_digest:${programId}:%`));
    expect(bell).toEqual([{ link: `/o/${slug}/programs/${programId}/needs-attention` }]);

    clock.now = new Date("2030-03-05T09:00:00Z");
    await sweep();
    expect(await logged(`coordinator_digest:${programId}:`)).toHaveLength(1);
    clock.now = new Date("2030-03-04T09:00:00Z");
  });

  it("sends nothing for a program whose pairs are all healthy", async () => {
    const programId = await insertProgram(db, { name: "Quiet program", status: "running" });
    await db
      .insert(programCoordinators)
      .values({ programId, memberId: "cora", createdAt: clock.now });
    const matchId = await pairSince(db, {
      programId,
      mentorId: "bo",
      menteeId: "ann",
      activatedAt: new Date("2030-03-03T09:00:00Z"),
    });

    await sweep();

    const [health] = await db
      .select({ level: matchHealth.level })
      .from(matchHealth)
      .where(eq(matchHealth.matchId, matchId));
    expect(health).toEqual({ level: "healthy" });
    expect(await logged(`coordinator_digest:${programId}:`)).toEqual([]);
  });

  it("logs a program it cannot read and still sends the others' digests", async () => {
    const broken = await insertProgram(db, { name: "Broken program", status: "running" });
    // Rules stored without their training part: the program's own reminders cannot be read.
    const { training: _training, ...rules } = defaultRules();
    await db
      .update(programs)
      .set({ rules: rules as never })
      .where(eq(programs.id, broken));
    await db
      .insert(programCoordinators)
      .values({ programId: broken, memberId: "cora", createdAt: clock.now });
    await pairSince(db, {
      programId: broken,
      mentorId: "tom",
      menteeId: "mia",
      activatedAt: new Date("2030-01-14T09:00:00Z"),
    });
    const working = await insertProgram(db, { name: "Working program", status: "running" });
    await db
      .insert(programCoordinators)
      .values({ programId: working, memberId: "cora", createdAt: clock.now });
    await pairSince(db, {
      programId: working,
      mentorId: "bo",
      menteeId: "tom",
      activatedAt: new Date("2030-01-14T09:00:00Z"),
    });
    clock.now = new Date("2030-03-11T09:00:00Z");

    await expect(sweep()).resolves.toBe("swept");

    expect(await logged(`coordinator_digest:${broken}:`)).toEqual([]);
    expect(await logged(`coordinator_digest:${working}:`)).toHaveLength(1);
    expect(h.logs).toContainEqual(
      expect.objectContaining({ msg: "reminders.program_failed", programId: broken }),
    );
    clock.now = new Date("2030-03-04T09:00:00Z");
  });
});
