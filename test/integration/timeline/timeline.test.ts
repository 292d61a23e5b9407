import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agreementAcknowledgements,
  agreementVersions,
  celebrations,
  checkInResponses,
  checkIns,
  commitments,
  feedback,
  goals,
  meetingPrivateNotes,
  meetings,
  members,
  milestones,
} from "../../../db/tenant/schema";
import type {
  TimelineItem,
  TimelinePage,
} from "../../../workers/shared/src/contracts/relationship/timeline";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { newPair, type PairOrg, pairOrg, part } from "../../support/agreement-fixtures";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { sendJson } from "../../support/programs-fixtures";

// A pair's timeline: one history, newest first, each record as far as the reader may see it,
// and the one thing each of the pair should do next.
let h: Harness;
let org: PairOrg;
const now = Date.parse("2026-03-20T12:00:00Z");

beforeAll(async () => {
  h = await startHarness({ now: () => new Date(now) });
  org = await pairOrg(h, "timeline-org");
  await org.db.update(members).set({ timeZone: "Europe/Berlin" }).where(eq(members.id, "tom"));
});
afterAll(() => h.close());

const at = (iso: string) => new Date(`2026-03-${iso}Z`);
const secrets = ["SECRET ANSWER", "PRIVATE NOTE TEXT", "SHARED NOTE TEXT"];

/** A month of a pair's life, written straight to the tables the other features own. */
async function history(db: TenantDb, matchId: string) {
  const v = `agv_${matchId}`;
  await db.insert(agreementVersions).values({
    id: v,
    matchId,
    version: 1,
    entries: { goals: { mentor: "", mentee: "Speak up" } } as never,
    sections: {},
    changedBy: "tom",
    createdAt: at("01T09:00:00"),
  });
  await db.insert(agreementAcknowledgements).values([
    { versionId: v, memberId: "tom", at: at("01T09:05:00") },
    { versionId: v, memberId: "mia", at: at("02T18:00:00") },
  ]);
  const meeting = (id: string, status: "held" | "scheduled" | "cancelled", row: object) => ({
    id: `${id}_${matchId}`,
    matchId,
    status,
    timeZone: "Europe/Berlin",
    durationMinutes: 45,
    format: "video" as const,
    agenda: [],
    proposedBy: "mia",
    startsAt: at("05T10:00:00"),
    createdAt: at("03T08:00:00"),
    updatedAt: at("03T08:00:00"),
    ...row,
  });
  await db.insert(meetings).values([
    meeting("held", "held", { heldMinutes: 50, sharedNotes: "SHARED NOTE TEXT" }),
    meeting("soon", "scheduled", { startsAt: at("25T16:00:00"), createdAt: at("15T08:00:00") }),
    meeting("off", "cancelled", {
      startsAt: at("12T10:00:00"),
      updatedAt: at("10T07:00:00"),
      cancelReason: "Travelling",
    }),
  ]);
  await db.insert(meetingPrivateNotes).values({
    meetingId: `held_${matchId}`,
    authorId: "tom",
    text: "PRIVATE NOTE TEXT",
    updatedAt: at("05T11:00:00"),
  });
  await db.insert(commitments).values([
    {
      id: `c1_${matchId}`,
      matchId,
      text: "Draft the talk outline",
      ownerId: "tom",
      ownerRole: "mentee",
      dueOn: "2026-03-22",
      createdBy: "tom",
      createdAt: at("05T11:00:00"),
      updatedAt: at("05T11:00:00"),
    },
    {
      id: `c2_${matchId}`,
      matchId,
      text: "Send two articles",
      ownerId: "mia",
      ownerRole: "mentor",
      dueOn: "2026-03-09",
      doneAt: at("08T20:00:00"),
      createdBy: "mia",
      createdAt: at("05T11:01:00"),
      updatedAt: at("08T20:00:00"),
    },
  ]);
  await db.insert(checkIns).values({
    id: `ci_${matchId}`,
    matchId,
    period: 1,
    opensOn: "2026-03-16",
    closesOn: "2026-03-23",
    createdAt: at("16T00:00:00"),
  });
  await db.insert(checkInResponses).values({
    checkInId: `ci_${matchId}`,
    memberId: "tom",
    answers: { worth_celebrating: "SECRET ANSWER", want_coordinator: false },
    submittedAt: at("17T19:00:00"),
    updatedAt: at("17T19:00:00"),
  });
  await db.insert(goals).values({
    id: `g_${matchId}`,
    matchId,
    title: "Lead a team meeting",
    measure: "Chair one meeting by May",
    status: "active",
    createdBy: "tom",
    createdAt: at("06T09:00:00"),
    updatedAt: at("06T09:00:00"),
  });
  await db.insert(milestones).values({
    id: `ms_${matchId}`,
    goalId: `g_${matchId}`,
    title: "Outline ready",
    doneAt: at("12T09:00:00"),
    position: 0,
    createdAt: at("06T09:00:00"),
  });
  await db.insert(celebrations).values({
    id: `cel_${matchId}`,
    matchId,
    programId: "p",
    goalId: `g_${matchId}`,
    milestoneId: `ms_${matchId}`,
    title: "Outline ready",
    createdAt: at("12T09:00:01"),
  });
  await db.insert(feedback).values({
    id: `fb_${matchId}`,
    matchId,
    meetingId: `held_${matchId}`,
    authorId: "tom",
    recipientId: "mia",
    answers: { workingWell: "FEEDBACK WORDS", support: "More examples" },
    createdAt: at("05T12:00:00"),
  });
}

async function timeline(matchId: string, token: string, query = "") {
  const res = await sendJson(h, "GET", `/v1/matches/${matchId}/timeline${query}`, token);
  expect(res.status).toBe(200);
  return (await res.json()) as TimelinePage;
}

const kinds = (items: TimelineItem[]) => items.map((i) => i.kind);
const find = (items: TimelineItem[], kind: string) => items.find((i) => i.kind === kind);

describe("what each seat sees", () => {
  let matchId: string;
  beforeAll(async () => {
    ({ matchId } = await newPair(org.db));
    await history(org.db, matchId);
  });

  it("tells the mentor everything but the mentee's check-in and notes, newest first", async () => {
    const { items } = await timeline(matchId, org.token.mia);
    expect(kinds(items)).toEqual([
      "check_in_due",
      "meeting_scheduled",
      "celebration",
      "milestone_done",
      "meeting_cancelled",
      "commitment_done",
      "goal_set",
      "feedback_received",
      "commitment_made",
      "commitment_made",
      "meeting_held",
      "agreement_acknowledged",
      "agreement_acknowledged",
      "agreement_saved",
    ]);
    const times = items.map((i) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(find(items, "feedback_received")).toMatchObject({
      title: "Tom Mentee gave you feedback",
      by: "tom",
      links: { feedbackId: `fb_${matchId}`, meetingId: `held_${matchId}` },
    });
    expect(find(items, "feedback_received")?.detail).toContain("FEEDBACK WORDS");
    expect(find(items, "agreement_saved")).toMatchObject({
      title: "Tom Mentee saved version 1 of the agreement",
      links: { agreementVersion: 1 },
    });
    expect(find(items, "meeting_cancelled")?.detail).toContain("Travelling");
    const text = JSON.stringify(items);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it("tells the mentee their own check-in was answered and what feedback they gave", async () => {
    const { items } = await timeline(matchId, org.token.tom);
    expect(find(items, "check_in_answered")).toMatchObject({
      title: "You answered check-in 1",
      detail: null,
      by: "tom",
    });
    expect(find(items, "feedback_given")).toMatchObject({ title: "You gave Mia Mentor feedback" });
    expect(find(items, "feedback_given")?.detail).toContain("FEEDBACK WORDS");
    expect(find(items, "feedback_received")).toBeUndefined();
    // Meeting times in the reader's own zone.
    expect(find(items, "meeting_held")?.detail).toBe(
      "5 Mar 2026, 11:00 (Europe/Berlin), 50 minutes",
    );
    const text = JSON.stringify(items);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it("tells a coordinator who answered and that feedback flowed, never the words", async () => {
    const { items, next } = await timeline(matchId, org.token.coord);
    expect(next).toBeNull();
    expect(items.filter((i) => i.kind === "check_in_answered")).toEqual([
      expect.objectContaining({ title: "Tom Mentee answered check-in 1", detail: null }),
    ]);
    expect(find(items, "feedback_given")).toMatchObject({
      title: "Tom Mentee gave Mia Mentor feedback",
      detail: null,
    });
    const text = JSON.stringify(items);
    for (const secret of [...secrets, "FEEDBACK WORDS", "More examples"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("is not for members outside the pair", async () => {
    const res = await sendJson(h, "GET", `/v1/matches/${matchId}/timeline`, org.token.una);
    await expectProblem(res, 404, "not_found");
  });

  it("pages through the same list with the cursor, the next step on the first page only", async () => {
    const whole = await timeline(matchId, org.token.mia);
    const seen: TimelineItem[] = [];
    let query = "?limit=4";
    for (let page = 0; page < 10; page++) {
      const answer = await timeline(matchId, org.token.mia, query);
      if (page > 0) expect(answer.next).toBeNull();
      seen.push(...answer.items);
      if (!answer.nextCursor) break;
      query = `?limit=4&cursor=${encodeURIComponent(answer.nextCursor)}`;
    }
    expect(seen).toEqual(whole.items);
    const bad = await sendJson(
      h,
      "GET",
      `/v1/matches/${matchId}/timeline?cursor=abc`,
      org.token.mia,
    );
    await expectProblem(bad, 400, "validation");
  });

  it("puts the next meeting first for both of the pair", async () => {
    for (const token of [org.token.mia, org.token.tom]) {
      const { next } = await timeline(matchId, token);
      expect(next).toMatchObject({
        kind: "upcoming_meeting",
        at: "2026-03-25T16:00:00.000Z",
        links: { meetingId: `soon_${matchId}` },
      });
    }
  });
});

describe("the next step, as a pair gets going", () => {
  const agreement = (matchId: string) => `/v1/matches/${matchId}/agreement`;
  const nextOf = async (matchId: string, token: string) => (await timeline(matchId, token)).next;

  it("walks from the agreement to goals, check-ins and meetings", async () => {
    const { matchId } = await newPair(org.db, {
      goals: { minPerMatch: 1 },
      meetings: { frequencyDays: 14 },
    });
    expect(await nextOf(matchId, org.token.tom)).toMatchObject({ kind: "fill_in_agreement" });

    await sendJson(
      h,
      "PUT",
      `${agreement(matchId)}/mine`,
      org.token.mia,
      part({ goals: "Listen" }),
    );
    expect(await nextOf(matchId, org.token.tom)).toMatchObject({
      kind: "acknowledge_agreement",
      title: "Read and acknowledge version 1 of your agreement",
      links: { agreementVersion: 1 },
    });
    await sendJson(h, "POST", `${agreement(matchId)}/acknowledge`, org.token.tom, { version: 1 });
    expect((await nextOf(matchId, org.token.tom))?.kind).toBe("set_goal");
    expect((await nextOf(matchId, org.token.mia))?.kind).toBe("acknowledge_agreement");
    await sendJson(h, "POST", `${agreement(matchId)}/acknowledge`, org.token.mia, { version: 1 });

    await org.db.insert(goals).values({
      id: `g_${matchId}`,
      matchId,
      title: "Speak at the all-hands",
      status: "active",
      createdBy: "tom",
      createdAt: at("18T09:00:00"),
      updatedAt: at("18T09:00:00"),
    });
    expect(await nextOf(matchId, org.token.tom)).toMatchObject({ kind: "schedule_meeting" });

    await org.db.insert(commitments).values({
      id: `c_${matchId}`,
      matchId,
      text: "Book a room",
      ownerId: "mia",
      ownerRole: "mentor",
      dueOn: "2026-03-19",
      createdBy: "mia",
      createdAt: at("18T09:00:00"),
      updatedAt: at("18T09:00:00"),
    });
    expect(await nextOf(matchId, org.token.mia)).toMatchObject({
      kind: "commitment_due",
      title: "Overdue 2026-03-19: Book a room",
    });
    // Tom has no commitment of his own: Mia's is not his to do.
    expect((await nextOf(matchId, org.token.tom))?.kind).toBe("schedule_meeting");

    await org.db.insert(checkIns).values({
      id: `ci_${matchId}`,
      matchId,
      period: 1,
      opensOn: "2026-03-19",
      closesOn: "2026-03-26",
      createdAt: at("19T00:00:00"),
    });
    expect(await nextOf(matchId, org.token.tom)).toMatchObject({
      kind: "answer_check_in",
      links: { checkInId: `ci_${matchId}` },
    });
  });

  it("does not ask for an agreement the program leaves optional", async () => {
    const { matchId } = await newPair(org.db, {
      agreement: { required: false },
      goals: { minPerMatch: 0 },
    });
    expect(await nextOf(matchId, org.token.tom)).toMatchObject({ kind: "schedule_meeting" });
  });
});
