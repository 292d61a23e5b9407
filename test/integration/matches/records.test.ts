import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { members } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import type { Page } from "../../../workers/shared/src/contracts/common/pagination";
import type { MatchView } from "../../../workers/shared/src/contracts/matches";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { enrollApproved, insertMatchRow } from "../../support/matching-fixtures";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { insertProgram, programsOrg, sendJson } from "../../support/programs-fixtures";

// Matches made by hand: checked like any proposal, active at once, welcomed, closed, listed.
let h: Harness;
let db: TenantDb;
let admin: string;
const token: Record<string, string> = {};
const rules = {
  matching: {
    mentorCapacity: 1,
    criteria: [
      { field: "interests", weight: 7 },
      { field: "languages", weight: 10 },
    ],
  },
  closure: { rematchWaitDays: 14 },
};

beforeAll(async () => {
  h = await startHarness();
  ({ db, admin } = await programsOrg(h, "pairs-org"));
  for (const id of ["mia", "max", "tom", "tess", "ted", "ula"]) {
    token[id] = await h.tokenFor("pairs-org", { memberId: id, role: "member" });
  }
  await db.update(members).set({ displayName: "Mia Mentor" }).where(eq(members.id, "mia"));
  await db.update(members).set({ displayName: "Tom Mentee" }).where(eq(members.id, "tom"));
});
afterAll(() => h.close());

async function program(): Promise<string> {
  const programId = await insertProgram(db, { name: "Speaking circle", rules });
  await enrollApproved(db, programId, "mia", "mentor", { languages: ["Spanish", "English"] });
  await enrollApproved(db, programId, "max", "mentor", { languages: ["German"] });
  await enrollApproved(db, programId, "tom", "mentee", { languages: ["Spanish"] });
  await enrollApproved(db, programId, "tess", "mentee", { languages: ["English"] });
  return programId;
}

const make = (programId: string, mentorId: string, menteeId: string, as = admin) =>
  sendJson(h, "POST", `/v1/programs/${programId}/matches`, as, { mentorId, menteeId });

describe("a coordinator matches two people by hand", () => {
  it("makes the match active with its score and reasons, and welcomes both people", async () => {
    const programId = await program();
    const res = await make(programId, "mia", "tom");
    expect(res.status).toBe(201);
    const match = (await res.json()) as MatchView;
    expect(match).toMatchObject({ status: "active", mode: "coordinator", madeBy: "coord" });
    expect(match.participants).toEqual([
      { memberId: "mia", role: "mentor", displayName: "Mia Mentor" },
      { memberId: "tom", role: "mentee", displayName: "Tom Mentee" },
    ]);
    expect(match.score).toBeGreaterThan(50);
    expect(match.reasons.map((r) => r.text).join(" ")).toContain("Spanish");

    await h.deliver();
    const mailbox = h.platform.mail as DevMailbox;
    const [toMentee] = mailbox.list({ to: "tom@members.test" });
    expect(toMentee?.subject).toBe("You're matched with Mia Mentor in Speaking circle");
    expect(toMentee?.text).toContain("Both speak Spanish");
    expect(toMentee?.text).toContain("Your first step: write to Mia Mentor");
    const [toMentor] = mailbox.list({ to: "mia@members.test" });
    expect(toMentor?.subject).toBe("You're matched with Tom Mentee in Speaking circle");
  });

  it("refuses a pair a must-have criterion rules out, saying why, and writes nothing", async () => {
    const programId = await program();
    const body = await expectProblem(await make(programId, "max", "tom"), 409, "conflict");
    expect(body.detail).toMatch(/language/i);
    const list = await sendJson(h, "GET", `/v1/programs/${programId}/matches`, admin);
    expect(((await list.json()) as Page<MatchView>).items).toEqual([]);
  });

  it("holds a mentor to the program's capacity and a mentee to one match", async () => {
    const programId = await program();
    expect((await make(programId, "mia", "tom")).status).toBe(201);
    const full = await expectProblem(await make(programId, "mia", "tess"), 409, "conflict");
    expect(full.detail).toContain("no open place");
    const taken = await expectProblem(await make(programId, "max", "tom"), 409, "conflict");
    expect(taken.detail).toMatch(/Tom Mentee (already has|cannot)/);
  });

  it("lets two racing approvals for a mentor's last place end with one match", async () => {
    const programId = await program();
    const answers = await Promise.all([
      make(programId, "mia", "tom"),
      make(programId, "mia", "tess"),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const list = await sendJson(h, "GET", `/v1/programs/${programId}/matches?status=active`, admin);
    expect(((await list.json()) as Page<MatchView>).items).toHaveLength(1);
  });

  it("refuses people who are not approved participants, and members who are not coordinators", async () => {
    const programId = await program();
    const stranger = await expectProblem(await make(programId, "mia", "ula"), 409, "conflict");
    expect(stranger.detail).toContain("not an approved, active mentee");
    await expectProblem(await make(programId, "mia", "tom", token.tess!), 403, "forbidden");
    await expectProblem(await make("nope", "mia", "tom"), 404, "not_found");
  });
});

describe("closing a match and the history it leaves", () => {
  it("closes with a reason, keeps the pair apart and makes the mentee wait to be matched again", async () => {
    const programId = await program();
    const made = (await (await make(programId, "mia", "tom")).json()) as MatchView;
    const closePath = `/v1/programs/${programId}/matches/${made.id}/close`;
    const closed = await sendJson(h, "POST", closePath, admin, { reason: "Moved abroad" });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: "closed", endReason: "Moved abroad" });
    // Closing twice changes nothing.
    expect((await sendJson(h, "POST", closePath, admin, { reason: "Again" })).status).toBe(200);

    const again = await expectProblem(await make(programId, "mia", "tom"), 409, "conflict");
    expect(again.detail).toContain("matched before");
    await enrollApproved(db, programId, "ula", "mentor", { languages: ["Spanish"] });
    const wait = await expectProblem(await make(programId, "ula", "tom"), 409, "conflict");
    expect(wait.detail).toMatch(/can be matched again from \d{4}-\d{2}-\d{2}/);

    const history = await sendJson(
      h,
      "GET",
      `/v1/programs/${programId}/matches?memberId=tom`,
      admin,
    );
    const items = ((await history.json()) as Page<MatchView>).items;
    expect(items.map((m) => [m.status, m.endReason])).toEqual([["closed", "Moved abroad"]]);
  });

  it("shows a member their own matches and nobody else's", async () => {
    const programId = await program();
    const matchId = await insertMatchRow(db, { programId, mentorId: "max", menteeId: "tess" });
    const mine = await sendJson(h, "GET", "/v1/me/matches", token.tess!);
    const ids = ((await mine.json()) as { items: MatchView[] }).items.map((m) => m.id);
    expect(ids).toContain(matchId);
    const own = await sendJson(
      h,
      "GET",
      `/v1/programs/${programId}/matches/${matchId}`,
      token.max!,
    );
    expect(own.status).toBe(200);
    const path = `/v1/programs/${programId}/matches/${matchId}`;
    await expectProblem(await sendJson(h, "GET", path, token.ted!), 404, "not_found");
    const theirs = await sendJson(h, "GET", "/v1/me/matches", token.ted!);
    expect(((await theirs.json()) as { items: MatchView[] }).items).toEqual([]);
  });
});

describe("reporting lines", () => {
  it("keep a member and their manager apart when the rules ask it", async () => {
    const programId = await program();
    const set = await sendJson(h, "PUT", "/v1/members/tom/reporting-line", admin, {
      reportsTo: "mia",
    });
    expect(await set.json()).toEqual({
      memberId: "tom",
      reportsTo: { id: "mia", displayName: "Mia Mentor" },
    });
    const refused = await expectProblem(await make(programId, "mia", "tom"), 409, "conflict");
    expect(refused.detail).toMatch(/reports to/i);
    const self = await sendJson(h, "PUT", "/v1/members/tom/reporting-line", admin, {
      reportsTo: "tom",
    });
    expect((await expectProblem(self, 400, "validation")).errors[0]?.field).toBe("reportsTo");
    const cleared = await sendJson(h, "PUT", "/v1/members/tom/reporting-line", admin, {
      reportsTo: null,
    });
    expect(await cleared.json()).toEqual({ memberId: "tom", reportsTo: null });
  });
});
