import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matches, matchRuns } from "../../../db/tenant/schema";
import type {
  ChoicesBoard,
  MatchRunView,
  SuggestionList,
} from "../../../workers/shared/src/contracts/matches";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { programsOrg, sendJson } from "../../support/programs-fixtures";
import { actingIn, choosingProgram, participant } from "./fixtures";

const slug = "stable-org";
let h: Harness;
let db: TenantDb;
let admin: string;
let as: ReturnType<typeof actingIn>;
beforeAll(async () => {
  h = await startHarness();
  ({ db, admin } = await programsOrg(h, slug));
  as = actingIn(h, slug);
});
afterAll(() => h.close());

const mentors = {
  xena: ["design", "research", "writing", "ux"],
  yuri: ["design", "cooking", "music"],
};
const mentees = {
  ann: ["design", "research"],
  ben: ["design", "writing", "music"],
  cat: ["design", "cooking"],
  dan: ["design", "research", "ux"],
};

describe("the stable resolution of everyone's choices", () => {
  it("several mentees wanting the same mentor: stable, capacity honoured, an open run", async () => {
    const programId = await choosingProgram(db, { capacity: 1, name: "Research circle" });
    for (const [memberId, interests] of Object.entries(mentors)) {
      await participant(h, db, slug, { programId, memberId, role: "mentor", interests });
    }
    for (const [memberId, interests] of Object.entries(mentees)) {
      await participant(h, db, slug, { programId, memberId, role: "mentee", interests });
      const res = await as(memberId, "PUT", `/v1/me/programs/${programId}/choices`, {
        mentorIds: ["xena", "yuri"],
      });
      expect(res.status).toBe(200);
    }
    // Each mentee's score with each mentor, as the mentee sees it.
    const score = new Map<string, number>();
    for (const mentee of Object.keys(mentees)) {
      const res = await as(mentee, "GET", `/v1/me/programs/${programId}/suggestions`);
      for (const s of ((await res.json()) as SuggestionList).items) {
        score.set(`${s.memberId}|${mentee}`, s.score);
      }
    }

    const board = await sendJson(h, "GET", `/v1/programs/${programId}/match-requests`, admin);
    const seen = (await board.json()) as ChoicesBoard;
    expect(seen.mentees.map((m) => m.mentee.memberId)).toEqual(["ann", "ben", "cat", "dan"]);
    expect(seen.mentees.every((m) => m.choices[0]?.status === "pending_acceptance")).toBe(true);

    const path = `/v1/programs/${programId}/match-requests/stable`;
    const res = await sendJson(h, "POST", path, admin);
    expect(res.status).toBe(201);
    const run = (await res.json()) as MatchRunView;
    expect(run).toMatchObject({ objective: "stable", status: "open" });
    const pairs = run.proposals.map((p) => {
      const mentor = p.participants.find((x) => x.role === "mentor")!.memberId;
      const mentee = p.participants.find((x) => x.role === "mentee")!.memberId;
      return { mentor, mentee, rank: p.choiceRank, status: p.status, runId: p.runId };
    });
    expect(pairs.every((p) => p.status === "proposed" && p.runId === run.id)).toBe(true);
    // One place each: the two who fit each mentor best get them.
    expect(pairs.map((p) => `${p.mentor}|${p.mentee}|${p.rank}`).sort()).toEqual([
      "xena|ann|1",
      "yuri|cat|2",
    ]);
    expect(run.total).toBe(score.get("xena|ann")! + score.get("yuri|cat")!);
    expect(
      run.unmatched
        .filter((u) => u.role === "mentee")
        .map((u) => u.memberId)
        .sort(),
    ).toEqual(["ben", "dan"]);

    // Stable: no mentee and mentor would both rather have each other.
    const held = new Map<string, string[]>();
    for (const p of pairs) held.set(p.mentor, [...(held.get(p.mentor) ?? []), p.mentee]);
    for (const mentee of Object.keys(mentees)) {
      const mine = pairs.find((p) => p.mentee === mentee);
      const better = ["xena", "yuri"].slice(0, mine ? ["xena", "yuri"].indexOf(mine.mentor) : 2);
      for (const mentor of better) {
        const theirs = held.get(mentor) ?? [];
        expect(theirs.length, `${mentor} full`).toBe(1);
        for (const other of theirs) {
          expect(score.get(`${mentor}|${other}`)!).toBeGreaterThanOrEqual(
            score.get(`${mentor}|${mentee}`)!,
          );
        }
      }
    }

    const [stored] = await db.select().from(matchRuns).where(eq(matchRuns.id, run.id));
    expect(stored).toMatchObject({ objective: "stable", status: "open", total: run.total });
    const pending = await db.select().from(matches).where(eq(matches.status, "pending_acceptance"));
    expect(pending.filter((m) => m.programId === programId)).toHaveLength(4);
  });

  it("nothing to resolve before anyone chose: 409, no run", async () => {
    const programId = await choosingProgram(db);
    const res = await sendJson(h, "POST", `/v1/programs/${programId}/match-requests/stable`, admin);
    await expectProblem(res, 409, "conflict");
    expect(await db.select().from(matchRuns).where(eq(matchRuns.programId, programId))).toEqual([]);
  });
});
