import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrollments, matches, matchRuns } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import { insertMatch } from "../../../workers/api/src/features/matches";
import type { MatchRunView } from "../../../workers/shared/src/contracts/matches";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { insertProgram, programsOrg, sendJson, tenantDb } from "../../support/programs-fixtures";
import { deactivate, matchingApi, type Person, pairsOf, programWith, rulesWith } from "./cohort";

let h: Harness;
let db: TenantDb;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  ({ db, admin } = await programsOrg(h, "approve-org", "Northwind"));
});
afterAll(() => h.close());

const mail = (to: string) => (h.platform.mail as DevMailbox).list({ to });
const statuses = async (runId: string) =>
  (await db.select().from(matches).where(eq(matches.runId, runId))).map((m) => m.status).sort();

const pairs = (prefix: string): Person[] => [
  { id: `${prefix}-xena`, role: "mentor", interests: ["design", "research"] },
  { id: `${prefix}-yuri`, role: "mentor", interests: ["backend"] },
  { id: `${prefix}-pia`, role: "mentee", interests: ["design", "research"] },
  { id: `${prefix}-quinn`, role: "mentee", interests: ["backend"] },
];

describe("approving a run", () => {
  it("activates every proposal, welcomes both people with the reasons, and closes the run", async () => {
    const programId = await programWith(db, rulesWith(), pairs("ok"), { name: "Design mentoring" });
    const api = matchingApi(h, admin, programId);
    const run = await api.run();
    const res = await api.send("POST", `/runs/${run.id}/approve`, {});
    expect(res.status).toBe(200);
    const approved = (await res.json()) as MatchRunView;
    expect(approved.status).toBe("approved");
    expect(approved.proposals.map((m) => m.status)).toEqual(["active", "active"]);
    expect(pairsOf(approved)).toEqual(["ok-xena-ok-pia", "ok-yuri-ok-quinn"]);

    await h.deliver();
    const reason = run.proposals
      .find((m) => m.participants.some((p) => p.memberId === "ok-pia"))
      ?.reasons.find((r) => r.points > 0)?.text;
    expect(reason).toMatch(/design and research/);
    for (const [to, other] of [
      ["ok-xena", "Pia"],
      ["ok-pia", "Xena"],
    ]) {
      const [welcome] = mail(`${to}@members.test`);
      expect(welcome?.subject).toBe(`You're matched with ${other} in Design mentoring`);
      expect(welcome?.text).toContain("Why you two were matched:");
      expect(welcome?.text).toContain(`- ${reason}`);
    }
  });

  it("approves only the listed proposals; the run stays open for the rest", async () => {
    const programId = await programWith(db, rulesWith(), pairs("some"));
    const api = matchingApi(h, admin, programId);
    const run = await api.run();
    const [first] = run.proposals;
    const res = await api.send("POST", `/runs/${run.id}/approve`, { matchIds: [first!.id] });
    expect(res.status).toBe(200);
    const view = (await res.json()) as MatchRunView;
    expect(view.status).toBe("open");
    expect(view.proposals.map((m) => [m.id, m.status])).toContainEqual([first!.id, "active"]);
    expect(await statuses(run.id)).toEqual(["active", "proposed"]);
  });

  it("all or nothing: someone deactivated since the run → 409 naming them, nothing active", async () => {
    const programId = await programWith(db, rulesWith(), pairs("gone"));
    const api = matchingApi(h, admin, programId);
    const run = await api.run();
    await deactivate(db, "gone-quinn");
    const problem = await expectProblem(
      await api.send("POST", `/runs/${run.id}/approve`, {}),
      409,
      "conflict",
    );
    expect(problem.detail).toContain("Quinn");
    expect(problem.detail).toContain("nothing was approved");
    expect(await statuses(run.id)).toEqual(["proposed", "proposed"]);
    const [row] = await db.select().from(matchRuns).where(eq(matchRuns.id, run.id));
    expect(row?.status).toBe("open");
    await h.deliver();
    expect(mail("gone-pia@members.test")).toEqual([]);
  });

  it("all or nothing: a mentee who withdrew since the run → 409 naming them", async () => {
    const programId = await programWith(db, rulesWith(), pairs("wd"));
    const api = matchingApi(h, admin, programId);
    const run = await api.run();
    await db
      .update(enrollments)
      .set({ status: "withdrawn" })
      .where(and(eq(enrollments.programId, programId), eq(enrollments.memberId, "wd-pia")));
    const problem = await expectProblem(
      await api.send("POST", `/runs/${run.id}/approve`, {}),
      409,
      "conflict",
    );
    expect(problem.detail).toBe(
      "Pia no longer has an approved place in this program; nothing was approved.",
    );
    expect(await statuses(run.id)).toEqual(["proposed", "proposed"]);
  });

  it("two approvals racing for a mentor's last place: exactly one wins", async () => {
    const programId = await programWith(db, rulesWith(), [
      { id: "race-xena", role: "mentor", interests: ["design"] },
      { id: "race-pia", role: "mentee", interests: ["design"] },
      { id: "race-quinn", role: "mentee", interests: ["design"] },
    ]);
    const api = matchingApi(h, admin, programId);
    const run = await api.run();
    expect(run.proposals).toHaveLength(1);
    const proposed = pairsOf(run)[0]!.endsWith("pia") ? "race-pia" : "race-quinn";
    const other = proposed === "race-pia" ? "race-quinn" : "race-pia";
    // A second open run for the same mentor, as one made from mentees' requests would be.
    const [, proposal] = await seedRun(programId, "race-xena", other);
    const results = await Promise.all([
      api.send("POST", `/runs/${run.id}/approve`, {}),
      api.send("POST", `/runs/${proposal.runId}/approve`, {}),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const lost = results.find((r) => r.status === 409)!;
    expect((await expectProblem(lost, 409, "conflict")).detail).toMatch(
      /Xena has no open place left \(at most 1 mentees\); nothing was approved\./,
    );
    const active = await db
      .select()
      .from(matches)
      .where(and(eq(matches.programId, programId), eq(matches.status, "active")));
    expect(active).toHaveLength(1);
  });

  it("an unknown proposal in the list → 404, nothing approved", async () => {
    const programId = await programWith(db, rulesWith(), pairs("unk"));
    const api = matchingApi(h, admin, programId);
    const run = await api.run();
    const matchIds = [run.proposals[0]!.id, "mat_nope"];
    await expectProblem(
      await api.send("POST", `/runs/${run.id}/approve`, { matchIds }),
      404,
      "not_found",
    );
    expect(await statuses(run.id)).toEqual(["proposed", "proposed"]);
  });
});

describe("who may", () => {
  it("another organization's program and run → 404, untouched", async () => {
    await h.createTenant("approve-other");
    const otherDb = await tenantDb(h, "approve-other");
    const theirs = await h.tokenFor("approve-other", { memberId: "their-coord", role: "admin" });
    const programId = await programWith(otherDb, rulesWith(), pairs("theirs"));
    const run = await matchingApi(h, theirs, programId).run();
    const api = matchingApi(h, admin, programId);
    for (const [method, path, body] of [
      ["GET", `/runs/${run.id}`],
      ["GET", "/board"],
      ["GET", "/suggestions?memberId=theirs-pia"],
      ["POST", `/runs/${run.id}/approve`, {}],
      ["POST", `/runs/${run.id}/discard`],
      ["PUT", "/pins", { mentorId: "theirs-xena", menteeId: "theirs-pia", kind: "forbid" }],
    ] as const) {
      await expectProblem(await api.send(method, path, body), 404, "not_found");
    }
    const rows = await otherDb.select().from(matches).where(eq(matches.runId, run.id));
    expect(rows.map((m) => m.status)).toEqual(["proposed", "proposed"]);
    // Our own program with their run's id: as unknown.
    const ours = await insertProgram(db);
    const path = `/v1/programs/${ours}/matching/runs/${run.id}`;
    await expectProblem(await sendJson(h, "GET", path, admin), 404, "not_found");
  });

  it("a member who is not an admin → 403", async () => {
    const programId = await programWith(db, rulesWith(), pairs("mem"));
    const run = await matchingApi(h, admin, programId).run();
    const member = await h.tokenFor("approve-org", { memberId: "mem-pia", role: "member" });
    const api = matchingApi(h, member, programId);
    for (const [method, path, body] of [
      ["GET", "/board"],
      ["GET", "/suggestions?memberId=mem-pia"],
      ["POST", "/runs", {}],
      ["POST", `/runs/${run.id}/approve`, {}],
    ] as const) {
      await expectProblem(await api.send(method, path, body), 403, "forbidden");
    }
    expect(await statuses(run.id)).toEqual(["proposed", "proposed"]);
  });
});

/** An open run of one proposal, written directly: the shape runs from requests take. */
async function seedRun(programId: string, mentorId: string, menteeId: string) {
  const now = new Date();
  const runId = `run_seed_${crypto.randomUUID().slice(0, 8)}`;
  const matchId = `mat_seed_${crypto.randomUUID().slice(0, 8)}`;
  await db.insert(matchRuns).values({
    id: runId,
    programId,
    objective: "stable",
    status: "open",
    total: 100,
    lowest: 100,
    unmatched: [],
    createdAt: now,
    updatedAt: now,
  });
  const [match, people] = insertMatch(
    db,
    {
      programId,
      mentorId,
      menteeId,
      status: "proposed",
      mode: "mentee_chooses",
      score: 100,
      reasons: [],
      runId,
    },
    { id: matchId, by: null, at: now },
  );
  await match;
  await people;
  return [runId, { runId, matchId }] as const;
}
