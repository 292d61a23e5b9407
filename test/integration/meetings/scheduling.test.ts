import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitments, matches, meetings } from "../../../db/tenant/schema";
import type { MeetingView } from "../../../workers/shared/src/contracts/relationship/meetings";
import { expectProblem } from "../../support/problem";
import { integration, type MeetingsWorld, meetingsWorld } from "./fixtures";

// Scheduling on each person's own clock, moving, cancelling and logging a pair's meetings.
let w: MeetingsWorld;
beforeAll(async () => {
  w = await meetingsWorld("meet-org", "2030-05-01T09:00:00.000Z");
});
afterAll(() => w.h.close());

const base = (matchId: string) => `/v1/matches/${matchId}/meetings`;
const inToronto = { startsAt: "2030-05-03T18:00", timeZone: "America/Toronto" };
const video = { ...inToronto, durationMinutes: 60, format: "video" };

async function meetingRows(matchId: string) {
  return w.db.select().from(meetings).where(eq(meetings.matchId, matchId));
}

describe("scheduling across time zones", () => {
  it("keeps the time Tom typed in Toronto and shows it on Mia's and the coordinator's clocks", async () => {
    const { matchId } = await w.pair();
    const made = await w.schedule(matchId, { ...video, videoUrl: "https://meet.example/tom" });
    expect(made).toMatchObject({ status: "scheduled", proposedBy: "tom", sequence: 0 });
    expect(made.start.utc).toBe("2030-05-03T22:00:00.000Z");
    expect(made.start.proposer).toEqual({
      timeZone: "America/Toronto",
      local: "2030-05-03T18:00",
      offset: "-04:00",
    });
    expect(made.start.viewer).toEqual(made.start.proposer);

    const asMia = (await (
      await w.send("GET", `${base(matchId)}/${made.id}`, "mia")
    ).json()) as MeetingView;
    expect(asMia.start.viewer).toEqual({
      timeZone: "Europe/Berlin",
      local: "2030-05-04T00:00",
      offset: "+02:00",
    });
    expect(asMia.start.proposer.local).toBe("2030-05-03T18:00");
    const asCoordinator = (await (
      await w.send("GET", `${base(matchId)}/${made.id}`, "coord")
    ).json()) as MeetingView;
    expect(asCoordinator.start.viewer.local).toBe("2030-05-03T23:00");
  });

  it("emails the other person the time on their own clock, and not the one who scheduled", async () => {
    const { matchId } = await w.pair();
    await w.schedule(matchId, {
      ...inToronto,
      durationMinutes: 45,
      format: "in_person",
      place: "Library café",
    });
    await w.h.deliver();
    const [toMia] = w.mailbox().list({ to: "mia@members.test" });
    expect(toMia?.subject).toBe(
      "Tom Mentee scheduled a meeting with you: Saturday, 4 May 2030 at 00:00 (Europe/Berlin)",
    );
    expect(toMia?.text).toContain("Where: In person: Library café");
    expect(w.mailbox().list({ to: "tom@members.test" })).toEqual([]);
  });

  it("builds the agenda from the program's items, the pair's open commitments and their own", async () => {
    const { matchId } = await w.pair({ meetings: { agenda: ["How are you, really?"] } });
    const row = (text: string, doneAt: Date | null) => ({
      id: crypto.randomUUID(),
      matchId,
      text,
      ownerId: "tom",
      ownerRole: "mentee" as const,
      dueOn: "2030-05-02",
      doneAt,
      createdBy: "tom",
      createdAt: w.clock.now,
      updatedAt: w.clock.now,
    });
    await w.db
      .insert(commitments)
      .values([row("Draft the cover letter", null), row("Read chapter 3", w.clock.now)]);
    const made = await w.schedule(matchId, { ...video, agenda: ["Practice the pitch"] });
    expect(made.agenda).toEqual([
      "How are you, really?",
      "Open commitment from last time: Draft the cover letter (Tom Mentee, due 2030-05-02)",
      "Practice the pitch",
    ]);
  });

  it("refuses a time the clocks skip, a time without a zone and an offset instead of a zone", async () => {
    const { matchId } = await w.pair();
    const gap = await expectProblem(
      await w.send("POST", base(matchId), "tom", { ...video, startsAt: "2031-03-09T02:30" }),
      400,
      "validation",
    );
    expect(gap.errors).toEqual([
      { field: "startsAt", message: expect.stringMatching(/does not exist in America\/Toronto/) },
    ]);
    const { timeZone: _zone, ...zoneless } = video;
    const noZone = await expectProblem(
      await w.send("POST", base(matchId), "tom", zoneless),
      400,
      "validation",
    );
    expect(noZone.errors.map((e) => e.field)).toEqual(["timeZone"]);
    await expectProblem(
      await w.send("POST", base(matchId), "tom", { ...video, startsAt: "2030-05-03T18:00-04:00" }),
      400,
      "validation",
    );
    await expectProblem(
      await w.send("POST", base(matchId), "tom", { ...video, startsAt: "2030-04-30T18:00" }),
      400,
      "validation",
    );
    expect(await meetingRows(matchId)).toEqual([]);
  });

  it("holds meetings to the program's format", async () => {
    const { matchId } = await w.pair({ meetings: { format: "video" } });
    const body = { ...video, format: "in_person", place: "Café" };
    const problem = await expectProblem(
      await w.send("POST", base(matchId), "tom", body),
      400,
      "validation",
    );
    expect(problem.errors).toEqual([
      { field: "format", message: "format: pairs in this program meet by video." },
    ]);
  });
});

describe("moving and cancelling", () => {
  it("moves a meeting with a higher sequence and tells the other person what changed", async () => {
    const { matchId } = await w.pair();
    const made = await w.schedule(matchId, video);
    const res = await w.send("PATCH", `${base(matchId)}/${made.id}`, "tom", {
      startsAt: "2030-05-04T10:00",
      timeZone: "America/Toronto",
      durationMinutes: 30,
    });
    expect(res.status).toBe(200);
    const moved = (await res.json()) as MeetingView;
    expect(moved).toMatchObject({ id: made.id, sequence: 1, durationMinutes: 30 });
    expect(moved.start.utc).toBe("2030-05-04T14:00:00.000Z");
    await w.h.deliver();
    const [toMia] = w.mailbox().list({ to: "mia@members.test" });
    expect(toMia?.subject).toBe(
      "Your meeting with Tom Mentee moved to Saturday, 4 May 2030 at 16:00 (Europe/Berlin)",
    );
    expect(toMia?.text).toContain("planned for Saturday, 4 May 2030 at 00:00 (Europe/Berlin)");
    const halfway = await expectProblem(
      await w.send("PATCH", `${base(matchId)}/${made.id}`, "tom", { startsAt: "2030-05-05T10:00" }),
      400,
      "validation",
    );
    expect(halfway.errors[0]?.field).toBe("timeZone");
  });

  it("cancels with a reason, tells the other person, and then refuses to move it", async () => {
    const { matchId } = await w.pair();
    const made = await w.schedule(matchId, video, "mia");
    const path = `${base(matchId)}/${made.id}`;
    await expectProblem(await w.send("POST", `${path}/cancel`, "mia", {}), 400, "validation");
    const res = await w.send("POST", `${path}/cancel`, "mia", { reason: "Exam week" });
    expect(await res.json()).toMatchObject({
      status: "cancelled",
      cancelReason: "Exam week",
      sequence: 1,
    });
    await w.h.deliver();
    const [toTom] = w.mailbox().list({ to: "tom@members.test" });
    expect(toTom?.subject).toBe("Your meeting with Mia Mentor was cancelled");
    expect(toTom?.text).toContain("Their reason: Exam week");
    expect(toTom?.text).toContain("Friday, 3 May 2030 at 18:00 (America/Toronto)");
    await expectProblem(
      await w.send("PATCH", path, "mia", { durationMinutes: 30 }),
      409,
      "conflict",
    );
    await expectProblem(
      await w.send("POST", `${path}/cancel`, "tom", { reason: "x" }),
      409,
      "conflict",
    );
  });
});

describe("logging a meeting", () => {
  it("refuses a meeting not yet begun and one ending before it starts, then counts a long enough one", async () => {
    const { matchId } = await w.pair({ meetings: { minMinutes: 30 } });
    const made = await w.schedule(matchId, {
      startsAt: "2030-05-01T12:00",
      timeZone: "Europe/Berlin",
      durationMinutes: 60,
      format: "video",
    });
    const log = `${base(matchId)}/${made.id}/log`;
    await expectProblem(
      await w.send("POST", log, "mia", { attendees: ["mia", "tom"], heldMinutes: 45 }),
      409,
      "conflict",
    );
    w.clock.now = new Date("2030-05-01T11:30:00.000Z");
    await expectProblem(
      await w.send("POST", log, "mia", { attendees: ["mia", "tom"], heldMinutes: 0 }),
      400,
      "validation",
    );
    await expectProblem(
      await w.send("POST", log, "mia", { attendees: ["mia", "ula"], heldMinutes: 20 }),
      400,
      "validation",
    );
    const short = await w.send("POST", log, "mia", { attendees: ["mia", "tom"], heldMinutes: 20 });
    expect(await short.json()).toMatchObject({
      status: "held",
      heldMinutes: 20,
      attendees: ["mia", "tom"],
      countsTowardCadence: false,
    });
    const corrected = await w.send("POST", log, "tom", {
      attendees: ["mia", "tom"],
      heldMinutes: 30,
    });
    expect(await corrected.json()).toMatchObject({ heldMinutes: 30, countsTowardCadence: true });
    w.clock.now = new Date("2030-05-01T09:00:00.000Z");
  });
});

describe("who may arrange a pair's meetings", () => {
  it("lets coordinators read but not arrange, and hides the pair from other members", async () => {
    const { matchId } = await w.pair();
    const made = await w.schedule(matchId, video);
    await expectProblem(await w.send("POST", base(matchId), "coord", video), 403, "forbidden");
    await expectProblem(
      await w.send("POST", `${base(matchId)}/${made.id}/cancel`, "coord", { reason: "No" }),
      403,
      "forbidden",
    );
    await expectProblem(await w.send("GET", base(matchId), "ula"), 404, "not_found");
    const list = await w.send("GET", base(matchId), "coord");
    expect(((await list.json()) as { items: MeetingView[] }).items.map((m) => m.id)).toEqual([
      made.id,
    ]);
  });

  it("lets an integration with meetings:write schedule, and tells both people", async () => {
    const { matchId } = await w.pair();
    const token = await integration(w, ["meetings:read", "meetings:write"]);
    const res = await w.h.request(base(matchId), {
      method: "POST",
      token: await token(),
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...video, startsAt: "2030-06-01T09:00" }),
    });
    expect(res.status).toBe(201);
    const made = (await res.json()) as MeetingView;
    expect(made.start.viewer.timeZone).toBe("UTC");
    await w.h.deliver();
    for (const to of ["mia@members.test", "tom@members.test"]) {
      expect(w.mailbox().list({ to })[0]?.subject).toMatch(/^Speaking circle scheduled a meeting/);
    }
  });

  it("keeps a closed match's meetings readable and refuses every change (409)", async () => {
    const { matchId } = await w.pair();
    const made = await w.schedule(matchId, video);
    await w.db.update(matches).set({ status: "closed" }).where(eq(matches.id, matchId));
    const path = `${base(matchId)}/${made.id}`;
    for (const [method, url, body] of [
      ["POST", base(matchId), video],
      ["PATCH", path, { durationMinutes: 30 }],
      ["POST", `${path}/cancel`, { reason: "Ended" }],
      ["POST", `${path}/log`, { attendees: ["tom"], heldMinutes: 30 }],
      ["PUT", `${path}/shared-notes`, { text: "late" }],
      ["PUT", `${path}/private-note`, { text: "late" }],
    ] as const) {
      await expectProblem(await w.send(method, url, "tom", body), 409, "conflict");
    }
    expect((await w.send("GET", path, "tom")).status).toBe(200);
    expect(await meetingRows(matchId)).toMatchObject([{ status: "scheduled", sequence: 0 }]);
  });
});
