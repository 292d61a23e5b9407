import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, members, programCoordinators } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import type { ProgramCoordinatorsView } from "../../../workers/shared/src/contracts/stewardship/program-coordinators";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { insertProgram, pairOrg, pairSince, person } from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";
import { programsOrg } from "../../support/programs-fixtures";

// A program's assigned coordinators: while it has any, only they open its pairs, handle its
// coordinator tasks and hear of requests for contact; other admins get what any outsider gets.
const slug = "coordinators-org";
const clock = { now: new Date("2030-05-02T15:00:00Z") };
let h: Harness;
let db: TenantDb;
let org: ReturnType<typeof pairOrg>;

beforeAll(async () => {
  h = await startHarness({ now: () => clock.now });
  ({ db } = await programsOrg(h, slug, "Northside College"));
  org = pairOrg(h, slug);
  await person(h, db, slug, "coord", "Cora Coordinator");
  await person(h, db, slug, "ada", "Ada Admin", "UTC", "admin");
  await person(h, db, slug, "mia", "Mia Mentor");
  await person(h, db, slug, "tom", "Tom Mentee");
});
afterAll(() => h.close());

const reason = { "read-reason": "check_in_follow_up" };
const path = (programId: string) => `/v1/programs/${programId}/coordinators`;

async function programWithPair(name: string) {
  const programId = await insertProgram(db, { name });
  const matchId = await pairSince(db, {
    programId,
    mentorId: "mia",
    menteeId: "tom",
    activatedAt: new Date("2030-04-01T12:00:00Z"),
  });
  return { programId, matchId };
}

async function assign(programId: string, memberIds: string[], as = "ada") {
  const res = await org.send(as, "PUT", path(programId), { memberIds });
  expect(res.status).toBe(200);
  return (await res.json()) as ProgramCoordinatorsView;
}

async function asAdmin(who: string, url: string) {
  return h.request(url, { token: await org.as(who, "admin"), headers: reason });
}

describe("assigning a program's coordinators", () => {
  it("starts with every admin, and keeps the set it is given", async () => {
    const { programId } = await programWithPair("Assigned circle");
    const before = await org.send("ada", "GET", path(programId));
    expect(await before.json()).toEqual({ programId, everyAdmin: true, coordinators: [] });

    const view = await assign(programId, ["coord"]);
    expect(view).toEqual({
      programId,
      everyAdmin: false,
      coordinators: [
        {
          memberId: "coord",
          displayName: "Cora Coordinator",
          email: "coord@members.test",
          assignedAt: clock.now.toISOString(),
        },
      ],
    });
    expect(
      await db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, "program.coordinators.set"), eq(auditLog.subjectId, programId)),
        ),
    ).toMatchObject([{ actorId: "ada", detail: { added: ["coord"], removed: [] } }]);
  });

  it("refuses anyone who is not an active admin, and changes nothing", async () => {
    const { programId } = await programWithPair("Careful circle");
    await assign(programId, ["coord"]);
    for (const memberIds of [["mia"], ["coord", "nobody"], ["coord", "coord"]]) {
      const res = await org.send("ada", "PUT", path(programId), { memberIds });
      await expectProblem(res, 400, "validation");
    }
    const rows = await db
      .select()
      .from(programCoordinators)
      .where(eq(programCoordinators.programId, programId));
    expect(rows.map((r) => r.memberId)).toEqual(["coord"]);
    await expectProblem(
      await org.send("mia", "PUT", path(programId), { memberIds: ["coord"] }),
      403,
      "forbidden",
    );
  });
});

describe("a program with assigned coordinators", () => {
  it("opens its pairs to them alone: another admin gets 404, as for no match", async () => {
    const { programId, matchId } = await programWithPair("Closed-door circle");
    await assign(programId, ["coord"]);
    for (const route of ["check-ins", "meetings", "timeline", "reads"]) {
      const url = `/v1/matches/${matchId}/${route}`;
      expect((await asAdmin("coord", url)).status, route).toBe(200);
      await expectProblem(await asAdmin("ada", url), 404, "not_found");
    }
    // The pair itself is unaffected.
    expect((await org.send("tom", "GET", `/v1/matches/${matchId}/check-ins`)).status).toBe(200);
  });

  it("gives its coordinator tasks and their emails to them alone", async () => {
    const { programId, matchId } = await programWithPair("Quiet circle");
    await assign(programId, ["coord"]);
    const answers = {
      met_as_agreed: true,
      feel_heard: 4,
      goal_progress: 3,
      want_coordinator: true,
    };
    const res = await org.send("tom", "PUT", `/v1/matches/${matchId}/check-ins/1/response`, {
      answers,
    });
    expect(res.status).toBe(200);
    await h.deliver();
    const mailbox = h.platform.mail as DevMailbox;
    const about = (to: string) =>
      mailbox.list({ to }).filter((m) => m.text.includes("Quiet circle"));
    expect(about("coord@members.test")).toHaveLength(1);
    expect(about("ada@members.test")).toEqual([]);

    const tasks = `/v1/programs/${programId}/coordinator-tasks`;
    const list = await asAdmin("coord", tasks);
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
    await expectProblem(await asAdmin("ada", tasks), 403, "forbidden");
  });

  it("goes back to every admin when its set is emptied, or its coordinators are no longer admins", async () => {
    const { programId, matchId } = await programWithPair("Open-door circle");
    const url = `/v1/matches/${matchId}/check-ins`;
    await assign(programId, ["coord"]);
    expect((await asAdmin("ada", url)).status).toBe(404);
    expect(await assign(programId, [])).toMatchObject({ everyAdmin: true, coordinators: [] });
    expect((await asAdmin("ada", url)).status).toBe(200);

    await person(h, db, slug, "ben", "Ben Briefly-Admin", "UTC", "admin");
    await assign(programId, ["ben"]);
    expect((await asAdmin("ada", url)).status).toBe(404);
    await db.update(members).set({ role: "member" }).where(eq(members.id, "ben"));
    expect((await asAdmin("ada", url)).status).toBe(200);
    const view = await org.send("ada", "GET", path(programId));
    expect(await view.json()).toMatchObject({ everyAdmin: true, coordinators: [] });
  });
});
