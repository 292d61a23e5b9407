import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, commitments, matches } from "../../../db/tenant/schema";
import type {
  CommitmentList,
  CommitmentView,
} from "../../../workers/shared/src/contracts/relationship/commitments";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import {
  clientToken,
  insertProgram,
  pairOrg,
  pairSince,
  person,
} from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";
import { programsOrg } from "../../support/programs-fixtures";

// What a pair promises each other, ticked off when done, and how reliably each follows through.
const slug = "commit-org";
const clock = { now: new Date("2030-05-01T09:00:00Z") };
let h: Harness;
let db: TenantDb;
let org: ReturnType<typeof pairOrg>;
let programId: string;

beforeAll(async () => {
  h = await startHarness({ now: () => clock.now });
  ({ db } = await programsOrg(h, slug));
  org = pairOrg(h, slug);
  await person(h, db, slug, "mia", "Mia Mentor");
  await person(h, db, slug, "tom", "Tom Mentee", "Asia/Tokyo");
  await person(h, db, slug, "olga", "Olga Outsider");
  programId = await insertProgram(db, { name: "Speaking circle" });
});
afterAll(() => h.close());

const at = (iso: string) => {
  clock.now = new Date(iso);
};
const path = (matchId: string, rest = "") => `/v1/matches/${matchId}/commitments${rest}`;
const newPair = (settled = true) =>
  pairSince(
    db,
    { programId, mentorId: "mia", menteeId: "tom", activatedAt: new Date("2030-04-01T09:00:00Z") },
    settled,
  );

async function commit(matchId: string, as: string, body: Record<string, unknown>) {
  const res = await org.send(as, "POST", path(matchId), body);
  expect(res.status).toBe(201);
  return (await res.json()) as CommitmentView;
}

async function list(matchId: string, as = "tom") {
  const res = await org.send(as, "GET", path(matchId));
  expect(res.status).toBe(200);
  return (await res.json()) as CommitmentList;
}

describe("follow-through", () => {
  it("lists open commitments first, then done ones, and rates each person on their own days", async () => {
    at("2030-05-01T09:00:00Z");
    const matchId = await newPair();
    const a = await commit(matchId, "tom", {
      text: "Outline the talk",
      owner: "mentee",
      dueOn: "2030-05-03",
    });
    const b = await commit(matchId, "tom", {
      text: "Rehearse once",
      owner: "mentee",
      dueOn: "2030-05-05",
    });
    const c = await commit(matchId, "mia", {
      text: "Book a room",
      owner: "mentee",
      dueOn: "2030-05-20",
    });
    const d = await commit(matchId, "tom", {
      text: "Send two articles",
      owner: "mentor",
      dueOn: "2030-05-02",
    });
    expect(d).toMatchObject({ owner: "mentor", ownerId: "mia", createdBy: "tom", done: false });

    at("2030-05-02T09:00:00Z");
    expect((await org.send("tom", "POST", path(matchId, `/${a.id}/done`))).status).toBe(200);

    at("2030-05-10T09:00:00Z"); // 18:00 in Tokyo
    const late = await org.send("mia", "POST", path(matchId, `/${d.id}/done`));
    expect(await late.json()).toMatchObject({ done: true, doneOnTime: false });
    const e = await commit(matchId, "tom", {
      text: "Ask for feedback",
      owner: "mentee",
      dueOn: "2030-05-10",
    });

    at("2030-05-10T16:00:00Z"); // already 01:00 on 11 May in Tokyo: a day late for Tom
    const done = await org.send("tom", "POST", path(matchId, `/${e.id}/done`));
    expect(await done.json()).toMatchObject({ done: true, doneOnTime: false });

    const answer = await list(matchId);
    expect(answer.items.map((x) => x.id)).toEqual([b.id, c.id, e.id, d.id, a.id]);
    expect(answer.items.map((x) => [x.done, x.overdue, x.doneOnTime])).toEqual([
      [false, true, null],
      [false, false, null],
      [true, false, false],
      [true, false, false],
      [true, false, true],
    ]);
    // Tom: a on time, b missed, e late (c is not due yet). Mia: d late.
    expect(answer.followThrough).toEqual([
      {
        memberId: "mia",
        role: "mentor",
        displayName: "Mia Mentor",
        counted: 1,
        doneOnTime: 0,
        rate: 0,
      },
      {
        memberId: "tom",
        role: "mentee",
        displayName: "Tom Mentee",
        counted: 3,
        doneOnTime: 1,
        rate: 1 / 3,
      },
    ]);
    // The coordinator reads the same list.
    expect(await list(matchId, "coord")).toEqual(answer);
  });

  it("has no rate for someone with nothing due yet", async () => {
    at("2030-05-01T09:00:00Z");
    const matchId = await newPair();
    await commit(matchId, "mia", { text: "Share my slides", owner: "mentor", dueOn: "2030-05-01" });
    const { followThrough } = await list(matchId);
    // Due today and not done: not held against Mia before the day is over.
    expect(followThrough.map((f) => [f.counted, f.rate])).toEqual([
      [0, null],
      [0, null],
    ]);
  });
});

describe("changing a commitment", () => {
  it("moves its day and text, reopens it, and records each change in the audit log", async () => {
    at("2030-05-01T09:00:00Z");
    const matchId = await newPair();
    const c = await commit(matchId, "tom", {
      text: "Outline",
      owner: "mentee",
      dueOn: "2030-05-03",
    });
    const patched = await org.send("mia", "PATCH", path(matchId, `/${c.id}`), {
      text: "Outline the first talk",
      dueOn: "2030-05-06",
    });
    expect(await patched.json()).toMatchObject({
      text: "Outline the first talk",
      dueOn: "2030-05-06",
    });
    await org.send("tom", "POST", path(matchId, `/${c.id}/done`));
    const again = await org.send("tom", "POST", path(matchId, `/${c.id}/done`));
    expect(again.status).toBe(200);
    const reopened = await org.send("tom", "POST", path(matchId, `/${c.id}/undone`));
    expect(await reopened.json()).toMatchObject({ done: false, doneAt: null, doneOnTime: null });
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, c.id));
    expect(actions.map((x) => x.action)).toEqual([
      "commitment.create",
      "commitment.update",
      "commitment.done",
      "commitment.undone",
    ]);
  });

  it("refuses a day already past for its owner, and a meeting of another pair", async () => {
    at("2030-05-01T16:00:00Z"); // 2 May in Tokyo
    const matchId = await newPair();
    const past = await org.send("mia", "POST", path(matchId), {
      text: "Outline",
      owner: "mentee",
      dueOn: "2030-05-01",
    });
    const problem = await expectProblem(past, 400, "validation");
    expect(problem.errors).toEqual([{ field: "dueOn", message: expect.stringContaining("past") }]);
    const meeting = await org.send("mia", "POST", path(matchId), {
      text: "Outline",
      owner: "mentor",
      dueOn: "2030-05-03",
      meetingId: "someone-elses",
    });
    await expectProblem(meeting, 400, "validation");
    expect(await db.select().from(commitments).where(eq(commitments.matchId, matchId))).toEqual([]);
  });
});

describe("who may read and write", () => {
  it("waits for the agreement where the program asks for one; coordinators read meanwhile", async () => {
    at("2030-05-01T09:00:00Z");
    const matchId = await newPair(false);
    const body = { text: "Outline", owner: "mentee", dueOn: "2030-05-03" };
    const write = await org.send("tom", "POST", path(matchId), body);
    expect((await expectProblem(write, 409, "conflict")).detail).toMatch(/agreement/);
    await expectProblem(await org.send("tom", "GET", path(matchId)), 409, "conflict");
    expect((await org.send("coord", "GET", path(matchId))).status).toBe(200);
  });

  it("lets coordinators read but not write, and hides the pair from other members", async () => {
    at("2030-05-01T09:00:00Z");
    const matchId = await newPair();
    const c = await commit(matchId, "tom", {
      text: "Outline",
      owner: "mentee",
      dueOn: "2030-05-03",
    });
    const body = { text: "Coordinator's idea", owner: "mentee", dueOn: "2030-05-03" };
    await expectProblem(await org.send("coord", "POST", path(matchId), body), 403, "forbidden");
    await expectProblem(
      await org.send("coord", "POST", path(matchId, `/${c.id}/done`)),
      403,
      "forbidden",
    );
    await expectProblem(await org.send("olga", "GET", path(matchId)), 404, "not_found");
    await expectProblem(await org.send("olga", "POST", path(matchId), body), 404, "not_found");
  });

  it("keeps a closed match's commitments readable and unchanged", async () => {
    at("2030-05-01T09:00:00Z");
    const matchId = await newPair();
    const c = await commit(matchId, "tom", {
      text: "Outline",
      owner: "mentee",
      dueOn: "2030-05-03",
    });
    await db.update(matches).set({ status: "closed" }).where(eq(matches.id, matchId));
    const done = await org.send("tom", "POST", path(matchId, `/${c.id}/done`));
    await expectProblem(done, 409, "conflict");
    expect((await list(matchId)).items).toHaveLength(1);
  });

  it("lets integrations read with meetings:read and record with meetings:write", async () => {
    at("2030-05-01T09:00:00Z");
    const matchId = await newPair();
    const body = { text: "Read chapter 3", owner: "mentee", dueOn: "2030-05-08" };
    const reader = await clientToken(h, slug, ["meetings:read"], clock.now);
    const read = await h.request(path(matchId), { token: reader });
    expect(read.status).toBe(200);
    const writer = await clientToken(h, slug, ["meetings:write"], clock.now);
    const res = await h.request(path(matchId), {
      method: "POST",
      token: writer,
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as CommitmentView).createdBy).toMatch(/^cli_/);
  });
});
