import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, celebrations, goals, matches } from "../../../db/tenant/schema";
import type { GoalList, GoalView } from "../../../workers/shared/src/contracts/relationship/goals";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { insertMatchRow } from "../../support/matching-fixtures";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { insertProgram, programsOrg, sendJson } from "../../support/programs-fixtures";
import { settleAgreement } from "../../support/routes/relationship/goals";

// A pair's goals: set, moved along, reviewed on the program's rhythm, achieved and celebrated.
const dayMs = 24 * 60 * 60 * 1000;
let now = new Date("2026-03-02T09:00:00.000Z");
let h: Harness;
let db: TenantDb;
const slug = "goals-org";
const as = (memberId: string, role: "admin" | "member" = "member") =>
  h.tokenFor(slug, { memberId, role });

beforeAll(async () => {
  h = await startHarness({ now: () => now });
  ({ db } = await programsOrg(h, slug));
  for (const id of ["mia", "tom", "zoe"]) await as(id);
});
afterAll(() => h.close());

/** An active match of mia (mentor) and tom (mentee), its agreement settled unless asked. */
async function pair(opts: { settled?: boolean; rules?: unknown } = {}) {
  const programId = await insertProgram(db, { rules: opts.rules ?? {} });
  const matchId = await insertMatchRow(db, { programId, mentorId: "mia", menteeId: "tom" });
  if (opts.settled !== false) {
    await settleAgreement(db, { matchId, mentorId: "mia", menteeId: "tom" });
  }
  return { programId, matchId, base: `/v1/matches/${matchId}/goals` };
}

async function call(method: string, path: string, who: string, body?: unknown) {
  const role = who === "coord" ? "admin" : "member";
  return sendJson(h, method, path, await as(who, role), body);
}

async function setGoal(base: string, body: unknown = { title: "Lead a design review" }) {
  const res = await call("POST", base, "tom", body);
  expect(res.status).toBe(201);
  return (await res.json()) as GoalView;
}

describe("setting goals", () => {
  it("sets a goal with its milestones, due for review after the program's interval", async () => {
    const { base } = await pair({ rules: { goals: { reviewEveryDays: 14, minPerMatch: 2 } } });
    const goal = await setGoal(base, {
      title: "  Lead a design review ",
      measure: "Run one review on my own",
      targetOn: "2026-06-30",
      milestones: [{ title: "Shadow a review", dueOn: "2026-04-01" }, { title: "Co-lead one" }],
    });
    expect(goal).toMatchObject({
      title: "Lead a design review",
      measure: "Run one review on my own",
      targetOn: "2026-06-30",
      status: "active",
      progress: 0,
      createdBy: "tom",
      nextReviewAt: new Date(now.getTime() + 14 * dayMs).toISOString(),
      reviewDue: false,
    });
    expect(goal.milestones.map((m) => [m.title, m.dueOn, m.position])).toEqual([
      ["Shadow a review", "2026-04-01", 0],
      ["Co-lead one", null, 1],
    ]);

    const list = (await (await call("GET", base, "mia")).json()) as GoalList;
    expect(list.items.map((g) => g.id)).toEqual([goal.id]);
    expect(list.minimum).toEqual({ required: 2, set: 1, reached: false });
    await setGoal(base, { title: "Speak up in planning" });
    const after = (await (await call("GET", base, "tom")).json()) as GoalList;
    expect(after.minimum).toEqual({ required: 2, set: 2, reached: true });
  });

  it("waits for the agreement where the program requires one, and writes nothing", async () => {
    const { base } = await pair({ settled: false });
    const body = await expectProblem(
      await call("POST", base, "tom", { title: "Lead a review" }),
      409,
      "conflict",
    );
    expect(body.detail).toMatch(/agreement/);
    await expectProblem(await call("GET", base, "tom"), 409, "conflict");
    // Coordinators read regardless.
    expect((await call("GET", base, "coord")).status).toBe(200);
  });

  it("needs no agreement where the program does not ask for one", async () => {
    const { base } = await pair({ settled: false, rules: { agreement: { required: false } } });
    await setGoal(base);
  });

  it("lets coordinators read but not write, and hides the pair from other members", async () => {
    const { base } = await pair();
    const goal = await setGoal(base);
    const read = (await (await call("GET", base, "coord")).json()) as GoalList;
    expect(read.items.map((g) => g.id)).toEqual([goal.id]);
    await expectProblem(await call("POST", base, "coord", { title: "Mine" }), 403, "forbidden");
    await expectProblem(
      await call("POST", `${base}/${goal.id}/progress`, "coord", { progress: 50 }),
      403,
      "forbidden",
    );
    await expectProblem(await call("GET", base, "zoe"), 404, "not_found");
    await expectProblem(await call("POST", base, "zoe", { title: "Mine" }), 404, "not_found");
  });

  it("refuses changes once the match is closed, while its goals stay readable", async () => {
    const { base, matchId } = await pair();
    const goal = await setGoal(base);
    await db.update(matches).set({ status: "closed" }).where(eq(matches.id, matchId));
    await expectProblem(
      await call("POST", `${base}/${goal.id}/progress`, "tom", { progress: 50 }),
      409,
      "conflict",
    );
    expect((await call("GET", base, "tom")).status).toBe(200);
  });

  it("refuses bad input with a 400 naming the field, and writes nothing", async () => {
    const { base } = await pair();
    const goal = await setGoal(base);
    for (const progress of [120, -1, 33.3, "50"]) {
      const res = await call("POST", `${base}/${goal.id}/progress`, "tom", { progress });
      const body = await expectProblem(res, 400, "validation");
      expect(body.errors.map((e) => e.field)).toEqual(["progress"]);
    }
    const bad = await call("POST", base, "tom", { title: "Go", targetOn: "2026-02-30" });
    expect((await expectProblem(bad, 400, "validation")).errors[0]?.field).toBe("targetOn");
    const [row] = await db.select().from(goals).where(eq(goals.id, goal.id));
    expect(row?.progress).toBe(0);
  });
});

describe("moving a goal along", () => {
  it("records progress and reviews as the goal's history, and restarts the review clock", async () => {
    const { base } = await pair({ rules: { goals: { reviewEveryDays: 7 } } });
    const goal = await setGoal(base);
    await call("POST", `${base}/${goal.id}/progress`, "tom", { progress: 30, note: "Shadowed" });

    now = new Date(now.getTime() + 8 * dayMs);
    const due = (await (await call("GET", base, "mia")).json()) as GoalList;
    expect(due.items[0]).toMatchObject({ progress: 30, reviewDue: true });

    const res = await call("POST", `${base}/${goal.id}/review`, "mia", {
      note: "Good pace; next, co-lead",
      progress: 45,
    });
    expect(res.status).toBe(200);
    const reviewed = (await res.json()) as GoalView;
    expect(reviewed).toMatchObject({
      progress: 45,
      lastReviewedAt: now.toISOString(),
      nextReviewAt: new Date(now.getTime() + 7 * dayMs).toISOString(),
      reviewDue: false,
    });
    expect(reviewed.updates.map((u) => [u.kind, u.progress, u.note, u.createdBy])).toEqual([
      ["progress", 30, "Shadowed", "tom"],
      ["review", 45, "Good pace; next, co-lead", "mia"],
    ]);
  });

  it("rewords an active goal and clears its target date", async () => {
    const { base } = await pair();
    const goal = await setGoal(base, { title: "Lead a review", targetOn: "2026-05-01" });
    const res = await call("PATCH", `${base}/${goal.id}`, "mia", {
      title: "Lead two reviews",
      targetOn: null,
    });
    expect(await res.json()).toMatchObject({ title: "Lead two reviews", targetOn: null });
  });

  it("adds milestones in order and ticks them off, celebrating each once", async () => {
    const { base, matchId } = await pair();
    const goal = await setGoal(base, { title: "Lead a review", milestones: [{ title: "Shadow" }] });
    const added = await call("POST", `${base}/${goal.id}/milestones`, "mia", {
      title: "Co-lead",
      dueOn: "2026-04-15",
    });
    expect(added.status).toBe(201);
    const withTwo = (await added.json()) as GoalView;
    expect(withTwo.milestones.map((m) => [m.title, m.position])).toEqual([
      ["Shadow", 0],
      ["Co-lead", 1],
    ]);
    const first = withTwo.milestones[0]!;
    const done = `${base}/${goal.id}/milestones/${first.id}/done`;
    const ticked = (await (await call("POST", done, "tom")).json()) as GoalView;
    expect(ticked.milestones[0]?.doneAt).toBe(now.toISOString());
    expect((await call("POST", done, "mia")).status).toBe(200);
    const rows = await db.select().from(celebrations).where(eq(celebrations.matchId, matchId));
    expect(rows.map((r) => [r.title, r.milestoneId])).toEqual([["Shadow", first.id]]);
    await expectProblem(
      await call("POST", `${base}/${goal.id}/milestones/nope/done`, "tom"),
      404,
      "not_found",
    );
  });
});

describe("achieving and dropping", () => {
  it("achieves a goal at 100% and celebrates it exactly once, however often it is said", async () => {
    const { base, matchId } = await pair();
    const goal = await setGoal(base);
    const achieve = `${base}/${goal.id}/achieve`;
    const res = await call("POST", achieve, "tom");
    expect(await res.json()).toMatchObject({
      status: "achieved",
      progress: 100,
      achievedAt: now.toISOString(),
      nextReviewAt: null,
    });
    expect((await call("POST", achieve, "mia")).status).toBe(200);
    const rows = await db.select().from(celebrations).where(eq(celebrations.matchId, matchId));
    expect(rows.map((r) => [r.title, r.goalId, r.milestoneId, r.sharedAt])).toEqual([
      ["Lead a design review", goal.id, null, null],
    ]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.subjectId, goal.id));
    expect(audits.filter((a) => a.action === "goal.achieve")).toHaveLength(1);

    const list = await call("GET", `/v1/matches/${matchId}/celebrations`, "mia");
    expect(await list.json()).toMatchObject({
      items: [{ kind: "goal", title: "Lead a design review", sharedBy: null, congratulations: 0 }],
    });
    // An achieved goal is history: it is not changed, dropped or reworded.
    await expectProblem(
      await call("POST", `${base}/${goal.id}/progress`, "tom", { progress: 10 }),
      409,
      "conflict",
    );
    await expectProblem(
      await call("POST", `${base}/${goal.id}/drop`, "tom", { reason: "Changed my mind" }),
      409,
      "conflict",
    );
  });

  it("drops a goal with its reason as the last review; it no longer counts", async () => {
    const { base } = await pair();
    const goal = await setGoal(base);
    const res = await call("POST", `${base}/${goal.id}/drop`, "tom", {
      reason: "The team stopped holding reviews",
    });
    const dropped = (await res.json()) as GoalView;
    expect(dropped).toMatchObject({ status: "dropped", nextReviewAt: null });
    expect(dropped.updates.at(-1)).toMatchObject({
      kind: "review",
      note: "The team stopped holding reviews",
    });
    const list = (await (await call("GET", base, "tom")).json()) as GoalList;
    expect(list.minimum).toMatchObject({ set: 0, reached: false });
    await expectProblem(await call("POST", `${base}/${goal.id}/achieve`, "tom"), 409, "conflict");
  });
});
