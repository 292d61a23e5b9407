import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, feedback, meetings, members } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import type {
  FeedbackList,
  FeedbackView,
} from "../../../workers/shared/src/contracts/relationship/feedback";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { insertMatchRow } from "../../support/matching-fixtures";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { insertProgram, programsOrg, sendJson } from "../../support/programs-fixtures";
import { settleAgreement } from "../../support/routes/relationship/goals";

// Feedback between the two people of a pair: each reads it all, coordinators only that it
// flows (and what its author chose to share with them), integrations nothing.
let h: Harness;
let db: TenantDb;
const slug = "feedback-org";

async function call(method: string, path: string, who: string, body?: unknown) {
  const role = who === "coord" ? "admin" : "member";
  return sendJson(h, method, path, await h.tokenFor(slug, { memberId: who, role }), body);
}

async function pair() {
  const programId = await insertProgram(db, { name: "Speaking circle" });
  const matchId = await insertMatchRow(db, { programId, mentorId: "mia", menteeId: "tom" });
  await settleAgreement(db, { matchId, mentorId: "mia", menteeId: "tom" });
  return { matchId, path: `/v1/matches/${matchId}/feedback` };
}

async function give(path: string, who: string, body: unknown): Promise<FeedbackView> {
  const res = await call("POST", path, who, body);
  expect(res.status).toBe(201);
  return (await res.json()) as FeedbackView;
}

const read = async (path: string, who: string) =>
  (await (await call("GET", path, who)).json()) as FeedbackList;

beforeAll(async () => {
  // Each reading of the clock a second later, so feedback given in a row has distinct times.
  let tick = Date.parse("2026-03-02T09:00:00.000Z");
  h = await startHarness({
    now: () => {
      tick += 1000;
      return new Date(tick);
    },
  });
  ({ db } = await programsOrg(h, slug));
  for (const id of ["mia", "tom", "zoe"]) await h.tokenFor(slug, { memberId: id, role: "member" });
  await db.update(members).set({ displayName: "Mia Mentor" }).where(eq(members.id, "mia"));
  await db.update(members).set({ displayName: "Tom Mentee" }).where(eq(members.id, "tom"));
});
afterAll(() => h.close());

describe("giving feedback", () => {
  it("reaches the partner, who is emailed that it arrived but never what it says", async () => {
    const { path } = await pair();
    const given = await give(path, "tom", {
      answers: { workingWell: "You listen before advising", support: "" },
      note: "Thank you for Tuesday",
    });
    expect(given).toMatchObject({
      authorId: "tom",
      recipientId: "mia",
      direction: "toMentor",
      answers: { workingWell: "You listen before advising", support: "" },
      sharedWithCoordinators: false,
      meetingId: null,
    });

    await h.deliver();
    const [mail] = (h.platform.mail as DevMailbox).list({ to: "mia@members.test" });
    expect(mail?.subject).toBe("Tom Mentee sent you feedback");
    expect(mail?.text).toContain("your mentee in Speaking circle");
    expect(mail?.text).not.toContain("listen before advising");
    expect(mail?.text).not.toContain("Tuesday");

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.subjectId, given.id));
    expect(audit).toMatchObject({ action: "feedback.give", actorId: "tom" });
    expect(JSON.stringify(audit?.detail)).not.toContain("listen");
  });

  it("may name a meeting the pair held, and no other", async () => {
    const { matchId, path } = await pair();
    const meeting = (id: string, status: "held" | "scheduled") => ({
      id,
      matchId,
      status,
      startsAt: new Date(),
      timeZone: "Europe/Berlin",
      durationMinutes: 45,
      format: "video" as const,
      agenda: [],
      proposedBy: "tom",
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await db
      .insert(meetings)
      .values([meeting(`held-${matchId}`, "held"), meeting(`soon-${matchId}`, "scheduled")]);
    const answers = { workingWell: "Clear next steps", support: "" };
    const given = await give(path, "mia", { answers, meetingId: `held-${matchId}` });
    expect(given.meetingId).toBe(`held-${matchId}`);
    for (const meetingId of [`soon-${matchId}`, "nope"]) {
      const res = await call("POST", path, "mia", { answers, meetingId });
      const body = await expectProblem(res, 400, "validation");
      expect(body.errors.map((e) => e.field)).toEqual(["meetingId"]);
    }
  });

  it("refuses empty or overlong answers with a 400 and writes nothing", async () => {
    const { matchId, path } = await pair();
    const cases = [
      { answers: { workingWell: "", support: "   " } },
      { answers: {} },
      { answers: { workingWell: "x".repeat(2001) } },
      { answers: { workingWell: "Fine" }, note: "y".repeat(2001) },
      {},
    ];
    for (const body of cases) {
      await expectProblem(await call("POST", path, "tom", body), 400, "validation");
    }
    expect(await db.select().from(feedback).where(eq(feedback.matchId, matchId))).toEqual([]);
  });

  it("comes from the pair only: coordinators 403, other members 404", async () => {
    const { path } = await pair();
    const body = { answers: { workingWell: "Good", support: "" } };
    await expectProblem(await call("POST", path, "coord", body), 403, "forbidden");
    await expectProblem(await call("POST", path, "zoe", body), 404, "not_found");
  });
});

describe("reading feedback", () => {
  it("shows each person of the pair what they gave and what they were given", async () => {
    const { path } = await pair();
    const fromTom = await give(path, "tom", { answers: { workingWell: "Patience", support: "" } });
    const fromMia = await give(path, "mia", {
      answers: { workingWell: "", support: "Bring a draft next time" },
    });
    for (const who of ["tom", "mia"]) {
      const list = await read(path, who);
      expect(list.items.map((f) => f.id)).toEqual([fromTom.id, fromMia.id]);
      expect(list.items[1]?.answers.support).toBe("Bring a draft next time");
      expect(list.questions.workingWell).toMatch(/working well/);
    }
  });

  it("gives coordinators the counts, and the text only where its author shared it", async () => {
    const { path } = await pair();
    await give(path, "tom", {
      answers: { workingWell: "Unshared secret praise", support: "" },
      note: "Private note",
    });
    const shared = await give(path, "tom", {
      answers: { workingWell: "", support: "More structure, please" },
      shareWithCoordinators: true,
    });
    const last = await give(path, "mia", { answers: { workingWell: "Curiosity", support: "" } });

    const res = await call("GET", path, "coord");
    const text = await res.clone().text();
    expect(text).not.toContain("Unshared secret praise");
    expect(text).not.toContain("Private note");
    expect(text).not.toContain("Curiosity");
    const list = (await res.json()) as FeedbackList;
    expect(list.items.map((f) => f.id)).toEqual([shared.id]);
    expect(list.summary).toEqual([
      { direction: "toMentor", count: 2, lastAt: shared.createdAt },
      { direction: "toMentee", count: 1, lastAt: last.createdAt },
    ]);
  });

  it("is nothing to other members of the organization", async () => {
    const { path } = await pair();
    await give(path, "tom", { answers: { workingWell: "Patience", support: "" } });
    await expectProblem(await call("GET", path, "zoe"), 404, "not_found");
  });
});
