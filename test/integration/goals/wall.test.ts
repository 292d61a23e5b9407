import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { congratulations, matches, members } from "../../../db/tenant/schema";
import type { Page } from "../../../workers/shared/src/contracts/common/pagination";
import type {
  CelebrationView,
  GoalView,
  WallItem,
} from "../../../workers/shared/src/contracts/relationship/goals";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { enrollApproved, insertMatchRow } from "../../support/matching-fixtures";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import {
  insertEnrollment,
  insertProgram,
  programsOrg,
  sendJson,
} from "../../support/programs-fixtures";
import { settleAgreement } from "../../support/routes/relationship/goals";

// Celebrations a pair chooses to share, on the program's wall for its participants to cheer.
let now = new Date("2026-03-02T09:00:00.000Z");
let h: Harness;
let db: TenantDb;
let programId: string;
let matchId: string;
const slug = "wall-org";

async function call(method: string, path: string, who: string, body?: unknown) {
  const role = who === "coord" ? "admin" : "member";
  return sendJson(h, method, path, await h.tokenFor(slug, { memberId: who, role }), body);
}

/** A celebrated goal of mia (mentor) and tom (mentee), not shared yet. */
async function celebrate(title: string): Promise<CelebrationView> {
  const base = `/v1/matches/${matchId}/goals`;
  const goal = (await (await call("POST", base, "tom", { title })).json()) as GoalView;
  await call("POST", `${base}/${goal.id}/achieve`, "tom");
  const list = await call("GET", `/v1/matches/${matchId}/celebrations`, "tom");
  const { items } = (await list.json()) as { items: CelebrationView[] };
  return items.find((c) => c.goalId === goal.id)!;
}

const share = (c: CelebrationView, who = "tom", method = "POST") =>
  call(method, `/v1/matches/${matchId}/celebrations/${c.id}/share`, who);
const wall = (who: string, query = "") =>
  call("GET", `/v1/programs/${programId}/wall${query}`, who);
const cheer = (c: { id: string }, who: string, method = "POST") =>
  call(method, `/v1/programs/${programId}/wall/${c.id}/congratulate`, who);

beforeAll(async () => {
  h = await startHarness({ now: () => now });
  ({ db } = await programsOrg(h, slug));
  for (const id of ["mia", "tom", "ana", "ben", "zoe", "wes"]) {
    await h.tokenFor(slug, { memberId: id, role: "member" });
  }
  await db.update(members).set({ displayName: "Mia Mentor" }).where(eq(members.id, "mia"));
  await db.update(members).set({ displayName: "Tom Mentee" }).where(eq(members.id, "tom"));
  programId = await insertProgram(db, { name: "Speaking circle" });
  await enrollApproved(db, programId, "mia", "mentor");
  await enrollApproved(db, programId, "tom", "mentee");
  await enrollApproved(db, programId, "ana", "mentee");
  await enrollApproved(db, programId, "ben", "mentor");
  await insertEnrollment(db, { programId, memberId: "wes", status: "waitlisted" });
  matchId = await insertMatchRow(db, { programId, mentorId: "mia", menteeId: "tom" });
  await settleAgreement(db, { matchId, mentorId: "mia", menteeId: "tom" });
});
afterAll(() => h.close());

describe("sharing a celebration", () => {
  it("stays within the pair until one of them shares it, and leaves when taken down", async () => {
    const celebration = await celebrate("Gave my first talk");
    expect(((await (await wall("ana")).json()) as Page<WallItem>).items).toEqual([]);

    const shared = (await (await share(celebration, "mia")).json()) as CelebrationView;
    expect(shared).toMatchObject({ sharedBy: "mia", sharedAt: now.toISOString() });
    const page = (await (await wall("ana")).json()) as Page<WallItem>;
    expect(page.items).toEqual([
      {
        id: celebration.id,
        programId,
        kind: "goal",
        title: "Gave my first talk",
        pair: [
          { memberId: "mia", role: "mentor", displayName: "Mia Mentor" },
          { memberId: "tom", role: "mentee", displayName: "Tom Mentee" },
        ],
        sharedAt: now.toISOString(),
        congratulations: 0,
        congratulatedByMe: false,
      },
    ]);

    const down = (await (await share(celebration, "tom", "DELETE")).json()) as CelebrationView;
    expect(down).toMatchObject({ sharedBy: null, sharedAt: null });
    expect(((await (await wall("ana")).json()) as Page<WallItem>).items).toEqual([]);
    await expectProblem(await cheer(celebration, "ana"), 404, "not_found");
  });

  it("is the pair's choice: coordinators and other members cannot share it", async () => {
    const celebration = await celebrate("Chaired a meeting");
    await expectProblem(await share(celebration, "coord"), 403, "forbidden");
    await expectProblem(await share(celebration, "ana"), 404, "not_found");
  });
});

describe("the wall", () => {
  it("is for the program's approved participants and its coordinators", async () => {
    expect((await wall("ben")).status).toBe(200);
    expect((await wall("coord")).status).toBe(200);
    await expectProblem(await wall("zoe"), 403, "forbidden");
    await expectProblem(await wall("wes"), 403, "forbidden");
    const elsewhere = await insertProgram(db, { name: "Another program" });
    await expectProblem(
      await call("GET", `/v1/programs/${elsewhere}/wall`, "ana"),
      403,
      "forbidden",
    );
  });

  it("answers another organization's program and celebrations as unknown", async () => {
    const celebration = await celebrate("Presented to the board");
    await share(celebration);
    const other = "wall-other-org";
    await h.createTenant(other);
    const token = await h.tokenFor(other, { memberId: "coord", role: "admin" });
    await expectProblem(
      await sendJson(h, "GET", `/v1/programs/${programId}/wall`, token),
      404,
      "not_found",
    );
    await expectProblem(
      await sendJson(
        h,
        "POST",
        `/v1/programs/${programId}/wall/${celebration.id}/congratulate`,
        token,
      ),
      404,
      "not_found",
    );
  });

  it("lists newest first, a page at a time", async () => {
    now = new Date(now.getTime() + 60_000);
    const older = await celebrate("Ran a workshop");
    await share(older);
    now = new Date(now.getTime() + 60_000);
    const newer = await celebrate("Mentored a newcomer");
    await share(newer);
    const first = (await (await wall("ben", "?limit=1")).json()) as Page<WallItem>;
    expect(first.items.map((i) => i.title)).toEqual(["Mentored a newcomer"]);
    const next = await wall("ben", `?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(((await next.json()) as Page<WallItem>).items.map((i) => i.title)).toEqual([
      "Ran a workshop",
    ]);
  });
});

describe("congratulating", () => {
  it("counts each person once, however often they cheer, and can be undone", async () => {
    const celebration = await celebrate("Negotiated a raise");
    await share(celebration);
    const first = (await (await cheer(celebration, "ana")).json()) as WallItem;
    expect(first).toMatchObject({ congratulations: 1, congratulatedByMe: true });
    const again = (await (await cheer(celebration, "ana")).json()) as WallItem;
    expect(again).toMatchObject({ congratulations: 1, congratulatedByMe: true });
    const byBen = (await (await cheer(celebration, "ben")).json()) as WallItem;
    expect(byBen).toMatchObject({ congratulations: 2, congratulatedByMe: true });
    const rows = await db
      .select()
      .from(congratulations)
      .where(eq(congratulations.celebrationId, celebration.id));
    expect(rows.map((r) => r.memberId).sort()).toEqual(["ana", "ben"]);

    const undone = (await (await cheer(celebration, "ana", "DELETE")).json()) as WallItem;
    expect(undone).toMatchObject({ congratulations: 1, congratulatedByMe: false });
    const asTom = (await (await wall("tom")).json()) as Page<WallItem>;
    expect(asTom.items.find((i) => i.id === celebration.id)).toMatchObject({
      congratulations: 1,
      congratulatedByMe: false,
    });
    const pairView = await call("GET", `/v1/matches/${matchId}/celebrations`, "mia");
    const { items } = (await pairView.json()) as { items: CelebrationView[] };
    expect(items.find((c) => c.id === celebration.id)?.congratulations).toBe(1);
  });

  it("refuses members outside the program", async () => {
    const celebration = await celebrate("Led a retro");
    await share(celebration);
    await expectProblem(await cheer(celebration, "zoe"), 403, "forbidden");
  });
});

describe("once the match is closed", () => {
  it("its celebrations can still be taken down, but no longer shared", async () => {
    const kept = await celebrate("Spoke at the all-hands");
    await share(kept);
    const unshared = await celebrate("Wrote a proposal");
    await db.update(matches).set({ status: "closed" }).where(eq(matches.id, matchId));
    try {
      await expectProblem(await share(unshared), 409, "conflict");
      const down = await share(kept, "mia", "DELETE");
      expect(down.status).toBe(200);
      const page = (await (await wall("ana")).json()) as Page<WallItem>;
      expect(page.items.map((i) => i.id)).not.toContain(kept.id);
    } finally {
      await db.update(matches).set({ status: "active" }).where(eq(matches.id, matchId));
    }
  });
});
