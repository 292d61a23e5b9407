import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInResponses, checkIns, coordinatorTasks } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import type { Page } from "../../../workers/shared/src/contracts/common/pagination";
import type {
  CheckInResponseView,
  CoordinatorTaskView,
  MatchCheckIns,
  MyCheckInView,
} from "../../../workers/shared/src/contracts/relationship/check-ins";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import type { Harness } from "../../support/node-harness";
import {
  clientToken,
  insertProgram,
  type pairOrg,
  pairSince,
  pairWorld,
  person,
} from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";

// Check-ins: each person answers for themselves; their answers reach coordinators, never the
// other person of the pair; a request for contact becomes a coordinator's task.
const slug = "checkin-org";
const clock = { now: new Date("2030-05-02T15:00:00Z") };
let h: Harness;
let db: TenantDb;
let org: ReturnType<typeof pairOrg>;
let programId: string;

beforeAll(async () => {
  ({ h, db, org, programId } = await pairWorld(slug, clock, [
    ["coord", "Cora Coordinator"],
    ["mia", "Mia Mentor"],
    ["tom", "Tom Mentee", "America/New_York"],
  ]));
});
afterAll(() => h.close());

const at = (iso: string) => {
  clock.now = new Date(iso);
};
// Begun on 1 April in New York: check-in 1 opens on 1 May, check-in 2 on 30 June.
const newPair = (program = programId, settled = true) =>
  pairSince(
    db,
    {
      programId: program,
      mentorId: "mia",
      menteeId: "tom",
      activatedAt: new Date("2030-04-01T12:00:00Z"),
    },
    settled,
  );
const secret = "I am thinking of leaving the program";
const answers = {
  met_as_agreed: false,
  feel_heard: 2,
  goal_progress: 3,
  worth_celebrating: secret,
  want_coordinator: false,
};
const respond = (matchId: string, as: string, period: number, body: unknown) =>
  org.send(as, "PUT", `/v1/matches/${matchId}/check-ins/${period}/response`, body);

/** A coordinator says why they open a pair's answers (test/integration/pair-reads). */
async function checkInsOf(matchId: string, as: string) {
  const coordinator = as === "coord" || as === "ada";
  const res = await h.request(`/v1/matches/${matchId}/check-ins`, {
    token: await org.as(as, coordinator ? "admin" : "member"),
    headers: coordinator ? { "read-reason": "check_in_follow_up" } : {},
  });
  expect(res.status).toBe(200);
  return { body: (await res.clone().json()) as MatchCheckIns, text: await res.text() };
}

describe("who sees a check-in's answers", () => {
  it("shows them to their author and coordinators, never to the other person", async () => {
    at("2030-05-02T15:00:00Z");
    const matchId = await newPair();
    const res = await respond(matchId, "tom", 1, { answers });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ period: 1, memberId: "tom", answers });

    const mine = await checkInsOf(matchId, "tom");
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      period: 1,
      opensOn: "2030-05-01",
      closesOn: "2030-06-29",
      status: "open",
      people: [{ memberId: "tom", answered: true, answers }],
    });

    // Mia learns nothing of Tom's check-in, not even whether he answered.
    const partner = await checkInsOf(matchId, "mia");
    expect(partner.body.items[0]!.people).toEqual([
      expect.objectContaining({ memberId: "mia", answered: false, answers: null }),
    ]);
    expect(partner.text).not.toContain(secret);
    const partnersOwn = await org.send("mia", "GET", "/v1/me/check-ins");
    const partnersText = await partnersOwn.text();
    expect(partnersText).not.toContain(secret);
    expect(JSON.parse(partnersText).items).toEqual([
      expect.objectContaining({ matchId, role: "mentor", answered: false, answers: null }),
    ]);

    const coordinator = await checkInsOf(matchId, "coord");
    expect(coordinator.body.items[0]!.people).toEqual([
      expect.objectContaining({ memberId: "mia", answered: false, answers: null }),
      expect.objectContaining({ memberId: "tom", answered: true, answers }),
    ]);

    // Integrations with checkins:read learn whether and when, never what.
    const token = await clientToken(h, slug, ["checkins:read"], clock.now);
    const integration = await h.request(`/v1/matches/${matchId}/check-ins`, { token });
    const integrationText = await integration.text();
    expect(integrationText).not.toContain(secret);
    expect((JSON.parse(integrationText) as MatchCheckIns).items[0]!.people).toEqual([
      expect.objectContaining({ memberId: "mia", answered: false, answers: null }),
      expect.objectContaining({ memberId: "tom", answered: true, answers: null }),
    ]);
  });

  it("lists the open check-in with its questions for each member who answers it", async () => {
    at("2030-05-02T15:00:00Z");
    const matchId = await newPair();
    const before = await org.send("tom", "GET", "/v1/me/check-ins");
    const open = ((await before.json()) as { items: MyCheckInView[] }).items.find(
      (i) => i.matchId === matchId,
    );
    expect(open).toMatchObject({
      programName: "Speaking circle",
      role: "mentee",
      partner: { memberId: "mia", displayName: "Mia Mentor" },
      period: 1,
      answered: false,
      answers: null,
    });
    expect(open!.questions.map((q) => q.id)).toContain("want_coordinator");
    await respond(matchId, "tom", 1, { answers });
    const after = await org.send("tom", "GET", "/v1/me/check-ins");
    const answered = ((await after.json()) as { items: MyCheckInView[] }).items.find(
      (i) => i.matchId === matchId,
    );
    expect(answered).toMatchObject({ answered: true, answers });
  });

  it("asks nothing while the agreement waits for both people", async () => {
    at("2030-05-02T15:00:00Z");
    const matchId = await newPair(programId, false);
    const res = await org.send("tom", "GET", "/v1/me/check-ins");
    const items = ((await res.json()) as { items: MyCheckInView[] }).items;
    expect(items.map((i) => i.matchId)).not.toContain(matchId);
    await expectProblem(await respond(matchId, "tom", 1, { answers }), 409, "conflict");
  });
});

describe("answering", () => {
  it("keeps one response per person: answering again changes it", async () => {
    at("2030-05-02T15:00:00Z");
    const matchId = await newPair();
    const first = (await (
      await respond(matchId, "tom", 1, { answers })
    ).json()) as CheckInResponseView;
    at("2030-05-03T15:00:00Z");
    const changed = { ...answers, feel_heard: 4 };
    const second = (await (
      await respond(matchId, "tom", 1, { answers: changed })
    ).json()) as CheckInResponseView;
    expect(second.submittedAt).toBe(first.submittedAt);
    expect(second.updatedAt).toBe("2030-05-03T15:00:00.000Z");
    const rows = await db
      .select()
      .from(checkInResponses)
      .where(eq(checkInResponses.checkInId, first.checkInId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.answers).toEqual(changed);
  });

  it("refuses answers outside their question's scale, naming each, and stores nothing", async () => {
    at("2030-05-02T15:00:00Z");
    const matchId = await newPair();
    const cases: [Record<string, unknown>, string][] = [
      [{ feel_heard: 0 }, "answers.feel_heard"],
      [{ feel_heard: 6 }, "answers.feel_heard"],
      [{ goal_progress: 3.5 }, "answers.goal_progress"],
      [{ met_as_agreed: "yes" }, "answers.met_as_agreed"],
      [{ want_coordinator: 1 }, "answers.want_coordinator"],
      [{ surprise: true }, "answers.surprise"],
    ];
    for (const [change, field] of cases) {
      const res = await respond(matchId, "tom", 1, { answers: { ...answers, ...change } });
      const problem = await expectProblem(res, 400, "validation");
      expect(
        problem.errors.map((e) => e.field),
        field,
      ).toContain(field);
    }
    const tooLong = { ...answers, worth_celebrating: "x".repeat(2001) };
    await expectProblem(await respond(matchId, "tom", 1, { answers: tooLong }), 400, "validation");
    const { feel_heard: _, ...missing } = answers;
    await expectProblem(await respond(matchId, "tom", 1, { answers: missing }), 400, "validation");
    expect(await db.select().from(checkInResponses)).not.toContainEqual(
      expect.objectContaining({ answers: expect.objectContaining({ feel_heard: 6 }) }),
    );
    const mine = await checkInsOf(matchId, "tom");
    expect(mine.body.items[0]!.people[0]!.answered).toBe(false);
  });

  it("closes a check-in at the end of its last day in the mentee's time zone", async () => {
    const matchId = await newPair();
    at("2030-06-30T03:30:00Z"); // still 29 June, 23:30, in New York
    expect((await respond(matchId, "tom", 1, { answers })).status).toBe(200);
    at("2030-06-30T04:30:00Z"); // 30 June in New York: check-in 2 is open
    const late = await respond(matchId, "tom", 1, { answers });
    expect((await expectProblem(late, 409, "conflict")).detail).toContain("2030-06-29");
    expect((await respond(matchId, "mia", 2, { answers })).status).toBe(200);
    await expectProblem(await respond(matchId, "mia", 3, { answers }), 404, "not_found");
  });

  it("asks only the role the program names", async () => {
    at("2030-05-02T15:00:00Z");
    const menteesOnly = await insertProgram(db, {
      name: "Mentee voices",
      rules: { checkIns: { answeredBy: "mentee" } },
    });
    const matchId = await newPair(menteesOnly);
    await expectProblem(await respond(matchId, "mia", 1, { answers }), 403, "forbidden");
    const mias = await org.send("mia", "GET", "/v1/me/check-ins");
    const items = ((await mias.json()) as { items: MyCheckInView[] }).items;
    expect(items.map((i) => i.matchId)).not.toContain(matchId);
    const coordinator = await checkInsOf(matchId, "coord");
    expect(coordinator.body.items[0]!.people.map((p) => p.memberId)).toEqual(["tom"]);
  });

  it("refuses coordinators answering for the pair", async () => {
    at("2030-05-02T15:00:00Z");
    const matchId = await newPair();
    await expectProblem(await respond(matchId, "coord", 1, { answers }), 403, "forbidden");
  });
});

describe("asking for a coordinator", () => {
  it("opens one task per check-in and person, emails the admins once, and is marked done", async () => {
    at("2030-05-02T15:00:00Z");
    await person(h, db, slug, "ada", "Ada Admin", "UTC", "admin");
    const program = await insertProgram(db, { name: "Careers circle" });
    const matchId = await newPair(program);
    const help = { ...answers, want_coordinator: true };
    const res = await respond(matchId, "tom", 1, { answers: help });
    expect(await res.json()).toMatchObject({ contactRequested: true });
    await respond(matchId, "tom", 1, { answers: help });
    const tasks = await db
      .select()
      .from(coordinatorTasks)
      .where(eq(coordinatorTasks.matchId, matchId));
    expect(tasks).toMatchObject([{ kind: "contact_requested", memberId: "tom", status: "open" }]);

    await h.deliver();
    const mailbox = h.platform.mail as DevMailbox;
    for (const admin of ["coord", "ada"]) {
      const mails = mailbox.list({ to: `${admin}@members.test` });
      expect(mails.filter((m) => m.subject.includes("Tom Mentee"))).toHaveLength(1);
      expect(mails[0]!.text).toContain("Careers circle");
      expect(mails[0]!.text).not.toContain(secret);
    }
    expect(mailbox.list({ to: "mia@members.test" })).toEqual([]);

    const tasksPath = `/v1/programs/${program}/coordinator-tasks`;
    await expectProblem(await org.send("tom", "GET", tasksPath), 403, "forbidden");
    const list = await org.send("coord", "GET", tasksPath);
    const page = (await list.json()) as Page<CoordinatorTaskView>;
    expect(page.items).toEqual([
      expect.objectContaining({
        matchId,
        member: { memberId: "tom", role: "mentee", displayName: "Tom Mentee" },
        partner: { memberId: "mia", role: "mentor", displayName: "Mia Mentor" },
        period: 1,
        status: "open",
      }),
    ]);
    const done = await org.send("ada", "POST", `${tasksPath}/${page.items[0]!.id}/done`);
    expect(await done.json()).toMatchObject({ status: "done", doneBy: "ada" });
    const open = await org.send("coord", "GET", `${tasksPath}?status=open`);
    expect(((await open.json()) as Page<CoordinatorTaskView>).items).toEqual([]);
    const handled = await org.send("coord", "GET", `${tasksPath}?status=done`);
    expect(((await handled.json()) as Page<CoordinatorTaskView>).items).toHaveLength(1);
  });

  it("opens no task for a no", async () => {
    at("2030-05-02T15:00:00Z");
    const matchId = await newPair();
    await respond(matchId, "tom", 1, { answers });
    expect(
      await db.select().from(coordinatorTasks).where(eq(coordinatorTasks.matchId, matchId)),
    ).toEqual([]);
    expect(await db.select().from(checkIns).where(eq(checkIns.matchId, matchId))).toHaveLength(1);
  });
});

describe("a rating at the bottom of the scale", () => {
  it("opens a task for the coordinators once per check-in and person, apart from a request", async () => {
    at("2030-05-02T15:00:00Z");
    const program = await insertProgram(db, { name: "Low notes circle" });
    const matchId = await newPair(program);
    const low = { ...answers, feel_heard: 1, want_coordinator: true };
    const first = await respond(matchId, "tom", 1, { answers: low });
    const { checkInId } = (await first.json()) as CheckInResponseView;
    at("2030-05-03T15:00:00Z");
    await respond(matchId, "tom", 1, { answers: { ...low, goal_progress: 1 } });
    const tasks = await db
      .select()
      .from(coordinatorTasks)
      .where(eq(coordinatorTasks.matchId, matchId));
    expect(tasks.map((t) => t.sourceId).sort()).toEqual([checkInId, `${checkInId}:low_rating`]);
    expect(tasks.every((t) => t.kind === "contact_requested" && t.memberId === "tom")).toBe(true);

    await h.deliver();
    const mailbox = h.platform.mail as DevMailbox;
    const lowMails = mailbox
      .list({ to: "coord@members.test" })
      .filter((m) => m.subject === "Tom Mentee gave a check-in rating of 1 out of 5");
    expect(lowMails).toHaveLength(1);
    expect(lowMails[0]!.text).toContain("Low notes circle");
    expect(lowMails[0]!.text).toContain("How well do you feel listened to");
    expect(lowMails[0]!.text).not.toContain(secret);
    expect(mailbox.list({ to: "mia@members.test" })).toEqual([]);

    const list = await org.send("coord", "GET", `/v1/programs/${program}/coordinator-tasks`);
    const page = (await list.json()) as Page<CoordinatorTaskView>;
    expect(page.items.map((t) => t.period)).toEqual([1, 1]);
  });

  it("opens none for a rating of 2", async () => {
    at("2030-05-02T15:00:00Z");
    const matchId = await newPair();
    await respond(matchId, "tom", 1, { answers: { ...answers, feel_heard: 2, goal_progress: 2 } });
    expect(
      await db.select().from(coordinatorTasks).where(eq(coordinatorTasks.matchId, matchId)),
    ).toEqual([]);
  });
});
