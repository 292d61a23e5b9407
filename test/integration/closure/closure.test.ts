import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchClosures, matches } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import { sweepTenant } from "../../../workers/scheduler/src/sweep";
import type { ClosureView } from "../../../workers/shared/src/contracts/stewardship/closure";
import type { MyEvaluations } from "../../../workers/shared/src/contracts/stewardship/evaluations";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { insertProgram, pairOrg, pairSince, person } from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";
import { programsOrg } from "../../support/programs-fixtures";

// Closing a match: by either of the pair or a coordinator, early (unplanned) or once the sweep
// found its planned time up (closing). The other person is told kindly; the exit survey waits.

const slug = "closure-org";
const clock = { now: new Date("2030-05-20T09:00:00Z") };
let h: Harness;
let db: TenantDb;
let org: ReturnType<typeof pairOrg>;
let programId: string;
const mailbox = () => h.platform.mail as DevMailbox;

beforeAll(async () => {
  h = await startHarness({ now: () => clock.now });
  ({ db } = await programsOrg(h, slug, "Northside College"));
  org = pairOrg(h, slug);
  for (const [id, name] of [
    ["coord", "Cora Coordinator"],
    ["mia", "Mia Mentor"],
    ["tom", "Tom Mentee"],
    ["ann", "Ann Mentee"],
    ["sam", "Sam Bystander"],
  ]) {
    await person(h, db, slug, id!, name!);
  }
  programId = await insertProgram(db, { name: "Speaking circle", relationshipLengthDays: 90 });
});
afterAll(() => h.close());

const pairOf = (menteeId: string, activatedAt = new Date("2030-04-01T00:00:00Z")) =>
  pairSince(db, { programId, mentorId: "mia", menteeId, activatedAt });
const close = (as: string, matchId: string, body: unknown) =>
  org.send(as, "POST", `/v1/matches/${matchId}/close`, body);
const statusOf = async (matchId: string) =>
  (await db.select().from(matches).where(eq(matches.id, matchId)))[0]!.status;
const mailsTo = (id: string, matchNeedle: string) =>
  mailbox()
    .list({ to: `${id}@members.test` })
    .filter((m) => m.subject.includes(matchNeedle));

describe("a member closes their match early", () => {
  it("closes it, records the closure, tells the other kindly and offers both the exit survey", async () => {
    const matchId = await pairOf("tom");
    const res = await close("tom", matchId, {
      reasonCode: "schedule",
      reasonText: "New job, no evenings free",
    });
    expect(res.status).toBe(200);
    const view = (await res.json()) as ClosureView;
    expect(view).toMatchObject({
      matchId,
      status: "closed",
      kind: "unplanned",
      reasonCode: "schedule",
      initiatedBy: "tom",
      checklist: { bothTold: true, exitSurveyOffered: true },
    });
    expect(await statusOf(matchId)).toBe("closed");
    const [row] = await db.select().from(matchClosures).where(eq(matchClosures.matchId, matchId));
    expect(row).toMatchObject({ kind: "unplanned", reasonText: "New job, no evenings free" });

    await h.deliver();
    const [told] = mailsTo("mia", "has closed");
    expect(told).toBeDefined();
    expect(told!.text).toContain("Tom Mentee");
    expect(told!.text).toContain("says nothing about either of you");
    expect(told!.text).toContain("exit survey");
    // Neither the closer's words nor blame reach the other person.
    expect(told!.text).not.toContain("New job");
    expect(mailsTo("tom", "has closed")).toEqual([]);

    for (const who of ["tom", "mia"]) {
      const mine = (await (
        await org.send(who, "GET", "/v1/me/evaluations")
      ).json()) as MyEvaluations;
      expect(
        mine.items.find((e) => e.matchId === matchId && e.evaluationId === "exit_survey"),
      ).toMatchObject({ kind: "exit", dueAt: clock.now.toISOString() });
    }
    const exit = await org.send("mia", "PUT", `/v1/matches/${matchId}/evaluations/exit_survey`, {
      answers: { how_it_went: 4, take_away: "Listening first", again: 5 },
      submit: true,
    });
    expect(exit.status).toBe(200);
  });

  it("a closed match can't be closed again, nor changed", async () => {
    const matchId = await pairOf("ann");
    expect((await close("mia", matchId, { reasonCode: "not_a_fit" })).status).toBe(200);
    await expectProblem(await close("ann", matchId, { reasonCode: "other" }), 409, "conflict");
    const goal = await org.send("ann", "POST", `/v1/matches/${matchId}/goals`, { title: "More" });
    await expectProblem(goal, 409, "conflict");
  });

  it("someone outside the pair finds no match; a bad reason is a 400 that changes nothing", async () => {
    const matchId = await pairOf("tom");
    await expectProblem(await close("sam", matchId, { reasonCode: "other" }), 404, "not_found");
    await expectProblem(await close("tom", matchId, { reasonCode: "bored" }), 400, "validation");
    const long = { reasonCode: "other", reasonText: "x".repeat(1001) };
    await expectProblem(await close("tom", matchId, long), 400, "validation");
    expect(await statusOf(matchId)).toBe("active");
    expect(await db.select().from(matchClosures).where(eq(matchClosures.matchId, matchId))).toEqual(
      [],
    );
  });
});

describe("a coordinator closes a match", () => {
  it("tells both of the pair", async () => {
    await person(h, db, slug, "lee", "Lee Mentee");
    const matchId = await pairOf("lee");
    const res = await close("coord", matchId, { reasonCode: "safety" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ kind: "unplanned", initiatedBy: "coord" });
    await h.deliver();
    expect(mailsTo("lee", "has closed")).toHaveLength(1);
    expect(mailsTo("mia", "Lee Mentee")).toHaveLength(1);
  });

  it("through the program's match route too, which records the closure", async () => {
    await person(h, db, slug, "kim", "Kim Mentee");
    const matchId = await pairOf("kim");
    const res = await org.send(
      "coord",
      "POST",
      `/v1/programs/${programId}/matches/${matchId}/close`,
      { reason: "Goals reached early" },
    );
    expect(res.status).toBe(200);
    const [row] = await db.select().from(matchClosures).where(eq(matchClosures.matchId, matchId));
    expect(row).toMatchObject({ kind: "unplanned", reasonText: "Goals reached early" });
  });
});

describe("a planned closure", () => {
  it("the sweep moves a match whose time is up to closing, once, and asks both to wrap up", async () => {
    await person(h, db, slug, "joe", "Joe Mentee");
    await person(h, db, slug, "zoe", "Zoe Mentee");
    // Joe's 90 days end on 30 June; Zoe began on 1 May, so hers run on to 30 July.
    const ended = await pairOf("joe");
    const running = await pairOf("zoe", new Date("2030-05-01T00:00:00Z"));
    const tenant = await findTenantBySlug(h.platform.control, slug);
    clock.now = new Date("2030-07-01T09:00:00Z");
    await sweepTenant(h.platform, { tenantId: tenant.id, tick: clock.now.toISOString() });
    await sweepTenant(h.platform, { tenantId: tenant.id, tick: "2030-07-01T09:01:00.000Z" });
    expect(await statusOf(ended)).toBe("closing");
    expect(await statusOf(running)).toBe("active");
    for (const [who, partner] of [
      ["joe", "Mia Mentor"],
      ["mia", "Joe Mentee"],
    ]) {
      const wrapUp = mailbox()
        .list({ to: `${who}@members.test` })
        .filter((m) => m.subject.includes("wrap up") && m.text.includes(`with ${partner}`));
      expect(wrapUp).toHaveLength(1);
      expect(wrapUp[0]!.text).toContain("look back at the goals");
    }
    const [row] = await db.select().from(matchClosures).where(eq(matchClosures.matchId, ended));
    expect(row).toMatchObject({ kind: "planned", closedAt: null });

    // Wrapping up: records read as before, changes wait, closing completes it.
    const goals = await org.send("joe", "GET", `/v1/matches/${ended}/goals`);
    expect(goals.status).toBe(200);
    const goal = await org.send("joe", "POST", `/v1/matches/${ended}/goals`, { title: "One more" });
    await expectProblem(goal, 409, "conflict");

    const res = await close("joe", ended, { reasonCode: "goals_reached" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      kind: "planned",
      startedAt: "2030-07-01T09:00:00.000Z",
      closedAt: clock.now.toISOString(),
    });
    expect(await statusOf(ended)).toBe("closed");
    await h.deliver();
    const told = mailsTo("mia", "Joe Mentee").filter((m) => m.subject.includes("has closed"));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("planned end");
  });
});
