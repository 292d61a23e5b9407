import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, pairReads } from "../../../db/tenant/schema";
import type { Page } from "../../../workers/shared/src/contracts/common/pagination";
import type { PairReadView } from "../../../workers/shared/src/contracts/stewardship/pair-reads";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import type { Harness } from "../../support/node-harness";
import { clientToken, type pairOrg, pairSince, pairWorld } from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";

// A coordinator opening a pair's check-in answers says why; the read is kept, and the pair
// sees who read what, when and why.
const slug = "reads-org";
const clock = { now: new Date("2030-05-02T15:00:00Z") };
let h: Harness;
let db: TenantDb;
let org: ReturnType<typeof pairOrg>;
let programId: string;

beforeAll(async () => {
  ({ h, db, org, programId } = await pairWorld(slug, clock, [
    ["coord", "Cora Coordinator"],
    ["mia", "Mia Mentor"],
    ["tom", "Tom Mentee"],
    ["sam", "Sam Bystander"],
  ]));
});
afterAll(() => h.close());

const newPair = () =>
  pairSince(db, {
    programId,
    mentorId: "mia",
    menteeId: "tom",
    activatedAt: new Date("2030-04-01T12:00:00Z"),
  });

async function coordinatorReads(matchId: string, reason?: string) {
  return h.request(`/v1/matches/${matchId}/check-ins`, {
    token: await org.as("coord", "admin"),
    headers: reason === undefined ? {} : { "read-reason": reason },
  });
}

const readsOf = (matchId: string) =>
  db.select().from(pairReads).where(eq(pairReads.matchId, matchId));
const readAudits = (matchId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "pair.read"), eq(auditLog.subjectId, matchId)));

async function readLog(matchId: string, as: string, query = "") {
  const res = await org.send(as, "GET", `/v1/matches/${matchId}/reads${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Page<PairReadView>;
}

describe("a coordinator reading a pair's check-in answers", () => {
  it("is refused without a reason, or with one the program does not know, and nothing is kept", async () => {
    const matchId = await newPair();
    const missing = await expectProblem(await coordinatorReads(matchId), 400, "validation");
    expect(missing.detail).toContain("Read-Reason");
    expect(missing.detail).toContain("check_in_follow_up");
    await expectProblem(await coordinatorReads(matchId, "curiosity"), 400, "validation");
    expect(await readsOf(matchId)).toEqual([]);
    expect(await readAudits(matchId)).toEqual([]);
  });

  it("is kept with its reason and shown to both people of the pair", async () => {
    const matchId = await newPair();
    clock.now = new Date("2030-05-02T15:00:00Z");
    expect((await coordinatorReads(matchId, "check_in_follow_up")).status).toBe(200);
    expect(await readsOf(matchId)).toMatchObject([
      { readerId: "coord", kind: "check_in_answers", reason: "check_in_follow_up" },
    ]);
    expect(await readAudits(matchId)).toMatchObject([
      { actorId: "coord", detail: { kind: "check_in_answers", reason: "check_in_follow_up" } },
    ]);

    for (const who of ["tom", "mia", "coord"]) {
      const log = await readLog(matchId, who);
      expect(log.items).toEqual([
        {
          id: expect.any(String),
          matchId,
          kind: "check_in_answers",
          reason: "check_in_follow_up",
          reasonText: "Following up a check-in",
          reader: { id: "coord", displayName: "Cora Coordinator" },
          at: "2030-05-02T15:00:00.000Z",
        },
      ]);
    }
  });

  it("lists the latest read first, a page at a time", async () => {
    const matchId = await newPair();
    clock.now = new Date("2030-05-02T15:00:00Z");
    await coordinatorReads(matchId, "check_in_follow_up");
    clock.now = new Date("2030-05-03T15:00:00Z");
    await coordinatorReads(matchId, "support_contact");
    const first = await readLog(matchId, "tom", "?limit=1");
    expect(first.items.map((r) => r.reason)).toEqual(["support_contact"]);
    const next = `?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`;
    const second = await readLog(matchId, "tom", next);
    expect(second.items.map((r) => r.reason)).toEqual(["check_in_follow_up"]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("reads that leave no trace", () => {
  it("the pair's own reads of their check-ins, and an integration's, which never sees answers", async () => {
    const matchId = await newPair();
    for (const who of ["tom", "mia"]) {
      const res = await org.send(who, "GET", `/v1/matches/${matchId}/check-ins`);
      expect(res.status).toBe(200);
    }
    const token = await clientToken(h, slug, ["checkins:read"], clock.now);
    const integration = await h.request(`/v1/matches/${matchId}/check-ins`, { token });
    expect(integration.status).toBe(200);
    expect(await readsOf(matchId)).toEqual([]);
    expect((await readLog(matchId, "tom")).items).toEqual([]);
  });
});

describe("who reads a pair's read log", () => {
  it("no one outside the pair but its coordinators, and no integration", async () => {
    const matchId = await newPair();
    await expectProblem(
      await org.send("sam", "GET", `/v1/matches/${matchId}/reads`),
      404,
      "not_found",
    );
    const token = await clientToken(h, slug, ["checkins:read", "matches:read"], clock.now);
    const integration = await h.request(`/v1/matches/${matchId}/reads`, { token });
    await expectProblem(integration, 403, "forbidden");
  });
});
