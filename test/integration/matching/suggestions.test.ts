import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matches, trainingCompletions } from "../../../db/tenant/schema";
import { insertMatch } from "../../../workers/api/src/features/matches";
import type { MatchingBoard, SuggestionList } from "../../../workers/shared/src/contracts/matches";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { insertTraining, programsOrg } from "../../support/programs-fixtures";
import { matchingApi, type Person, programWith, rulesWith } from "./cohort";

let h: Harness;
let db: TenantDb;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  ({ db, admin } = await programsOrg(h, "suggest-org", "Northwind"));
});
afterAll(() => h.close());

const people = (prefix: string): Person[] => [
  { id: `${prefix}-xena`, role: "mentor", interests: ["design", "research", "writing"] },
  { id: `${prefix}-yuri`, role: "mentor", interests: ["design"] },
  { id: `${prefix}-zoe`, role: "mentor", interests: ["design"], reportsTo: `${prefix}-pia` },
  { id: `${prefix}-pia`, role: "mentee", interests: ["design", "research"] },
  { id: `${prefix}-quinn`, role: "mentee", interests: ["writing"] },
];

describe("suggestions", () => {
  it("rank a mentee's mentors with explanations and open places; excluded ones say why", async () => {
    const programId = await programWith(db, rulesWith(), [...people("s1")]);
    const api = matchingApi(h, admin, programId);
    const res = await api.send("GET", "/suggestions?memberId=s1-pia&limit=5");
    expect(res.status).toBe(200);
    const list = (await res.json()) as SuggestionList;
    expect(list).toMatchObject({ memberId: "s1-pia", role: "mentee" });
    expect(list.items.map((s) => [s.memberId, s.role, s.score, s.openPlaces])).toEqual([
      ["s1-xena", "mentor", 100, 1],
      ["s1-yuri", "mentor", 50, 1],
    ]);
    expect(list.items[0]?.reasons.map((r) => r.text)).toEqual([
      expect.stringMatching(/2 of Pia's 2 interests .*design and research/),
    ]);
    expect(list.excluded).toEqual([
      {
        memberId: "s1-zoe",
        displayName: "Zoe",
        reason: expect.stringMatching(/report/i),
      },
    ]);
  });

  it("rank a mentor's mentees; limit cuts the list", async () => {
    const programId = await programWith(db, rulesWith(), [...people("s2")]);
    const api = matchingApi(h, admin, programId);
    const list = (await (
      await api.send("GET", "/suggestions?memberId=s2-xena&limit=1")
    ).json()) as SuggestionList;
    expect(list.role).toBe("mentor");
    expect(list.items.map((s) => [s.memberId, s.role, s.score, s.openPlaces])).toEqual([
      ["s2-pia", "mentee", 100, null],
    ]);
  });

  it("someone who is not an approved member of the program → 404; a bad limit → 400", async () => {
    const programId = await programWith(db, rulesWith(), [...people("s3")]);
    const api = matchingApi(h, admin, programId);
    await expectProblem(await api.send("GET", "/suggestions?memberId=nobody"), 404, "not_found");
    await expectProblem(
      await api.send("GET", "/suggestions?memberId=s3-pia&limit=0"),
      400,
      "validation",
    );
    await expectProblem(await api.send("GET", "/suggestions"), 400, "validation");
  });
});

describe("the board", () => {
  it("shows places, unmatched mentees with their best mentors, waiting and untrained people, pins and the open run", async () => {
    const programId = await programWith(db, rulesWith({ mentorCapacity: 2 }), [
      ...people("b1"),
      { id: "b1-ruth", role: "mentee", interests: ["design"] },
      { id: "b1-sam", role: "mentee", interests: ["design"] },
      { id: "b1-tess", role: "mentee", interests: ["design"] },
    ]);
    const now = new Date();
    // Quinn is matched with Xena; Ruth's match with Yuri ended yesterday (a 30-day wait).
    for (const [mentorId, menteeId, status] of [
      ["b1-xena", "b1-quinn", "active"],
      ["b1-yuri", "b1-ruth", "closed"],
    ] as const) {
      const [match, pair] = insertMatch(
        db,
        { programId, mentorId, menteeId, status, mode: "coordinator", score: 80, reasons: [] },
        { id: `mat_${menteeId}`, by: "coord", at: new Date(now.getTime() - 86_400_000) },
      );
      await match;
      await pair;
    }
    await db
      .update(matches)
      .set({ endedAt: new Date(now.getTime() - 86_400_000) })
      .where(eq(matches.id, "mat_b1-ruth"));
    // Training for mentees: Sam has not done it.
    const resourceId = await insertTraining(db, { programId, requiredFor: "mentee" });
    for (const memberId of ["b1-pia", "b1-quinn", "b1-ruth", "b1-tess"]) {
      await db.insert(trainingCompletions).values({ resourceId, memberId, completedAt: now });
    }
    const api = matchingApi(h, admin, programId);
    await api.send("PUT", "/pins", { mentorId: "b1-yuri", menteeId: "b1-tess", kind: "pin" });
    const run = await api.run();

    const res = await api.send("GET", "/board");
    expect(res.status).toBe(200);
    const board = (await res.json()) as MatchingBoard;
    expect(board).toMatchObject({
      programId,
      mode: "coordinator",
      mentorCapacity: 2,
      openRunId: run.id,
    });
    expect(board.mentors.map((m) => [m.memberId, m.active, m.openPlaces])).toEqual([
      ["b1-xena", 1, 1],
      ["b1-yuri", 0, 2],
      ["b1-zoe", 0, 2],
    ]);
    const unmatched = Object.fromEntries(board.unmatchedMentees.map((m) => [m.memberId, m]));
    expect(Object.keys(unmatched).sort()).toEqual(["b1-pia", "b1-ruth", "b1-tess"]);
    expect(unmatched["b1-pia"]?.waitingUntil).toBeNull();
    expect(unmatched["b1-pia"]?.best.map((s) => s.memberId)).toEqual(["b1-xena", "b1-yuri"]);
    expect(unmatched["b1-pia"]?.best[0]?.reasons.length).toBeGreaterThan(0);
    expect(unmatched["b1-ruth"]?.waitingUntil).toEqual(expect.any(String));
    expect(board.notEligible).toEqual([
      {
        memberId: "b1-sam",
        displayName: "Sam",
        role: "mentee",
        reason: "Required training not done (1 of 1 left)",
      },
    ]);
    expect(board.pins.map((p) => [p.mentor.displayName, p.mentee.displayName, p.kind])).toEqual([
      ["Yuri", "Tess", "pin"],
    ]);
    expect(run.unmatched.map((u) => [u.memberId, u.reason])).toEqual(
      expect.arrayContaining([
        [
          "b1-ruth",
          expect.stringMatching(/^Last match ended recently; can be matched again from /),
        ],
        ["b1-sam", "Required training not done (1 of 1 left)"],
      ]),
    );
  });
});
