import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, matches, matchParticipants, programs } from "../../../db/tenant/schema";
import { sweepTenant } from "../../../workers/scheduler/src/sweep";
import type {
  MatchView,
  MyChoicesView,
  SuggestionList,
} from "../../../workers/shared/src/contracts/matches";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { programsOrg } from "../../support/programs-fixtures";
import { actingIn, choosingProgram, mailbox, participant, testClock } from "./fixtures";

const slug = "choose-org";
const clock = testClock();
let h: Harness;
let db: TenantDb;
let as: ReturnType<typeof actingIn>;
let mail: ReturnType<typeof mailbox>;
beforeAll(async () => {
  h = await startHarness({ now: clock.now });
  ({ db } = await programsOrg(h, slug, "Northwind"));
  as = actingIn(h, slug);
  mail = mailbox(h);
});
afterAll(() => h.close());

async function sweep() {
  const tenant = await findTenantBySlug(h.platform.control, slug);
  await sweepTenant(h.platform, { tenantId: tenant.id, tick: clock.now().toISOString() });
}

/** A program with a mentee, Mia, and three mentors who fit her less and less. */
async function cohort() {
  const programId = await choosingProgram(db);
  const people = [
    ["mia", "mentee", ["design", "research", "writing", "ux"]],
    ["ada", "mentor", ["design", "research", "writing", "ux"]],
    ["bo", "mentor", ["design", "research", "writing"]],
    ["cy", "mentor", ["design"]],
  ] as const;
  for (const [memberId, role, interests] of people) {
    await participant(h, db, slug, { programId, memberId, role, interests: [...interests] });
  }
  return programId;
}

describe("a mentee chooses, mentors answer, lapsed requests pass on", () => {
  it("suggest → choose 3 → declined → next asked → lapsed in the sweep → third accepts", async () => {
    const programId = await cohort();
    const me = `/v1/me/programs/${programId}`;

    const suggested = await as("mia", "GET", `${me}/suggestions?limit=5`);
    expect(suggested.status).toBe(200);
    const list = (await suggested.json()) as SuggestionList;
    expect(list.items.map((s) => [s.memberId, s.openPlaces])).toEqual([
      ["ada", 2],
      ["bo", 2],
      ["cy", 2],
    ]);
    expect(list.items[0]!.score).toBeGreaterThan(list.items[2]!.score);
    expect(list.items[0]!.reasons.map((r) => r.criterion)).toEqual(["interests"]);

    const chosen = await as("mia", "PUT", `${me}/choices`, { mentorIds: ["ada", "bo", "cy"] });
    expect(chosen.status).toBe(200);
    const choices = (await chosen.json()) as MyChoicesView;
    expect(choices.choices.map((c) => [c.mentor.memberId, c.status])).toEqual([
      ["ada", "pending_acceptance"],
      ["bo", "waiting"],
      ["cy", "waiting"],
    ]);
    const deadline = new Date(clock.now().getTime() + 3 * 24 * 3600 * 1000).toISOString();
    expect(choices.choices[0]!.expiresAt).toBe(deadline);
    await h.deliver();
    const [asked] = mail("ada");
    expect(asked?.subject).toBe("mia asks you to be their mentor in Design mentoring");
    expect(asked?.text).toContain("Please accept or decline by Thursday, 7 March 2030, 09:00 UTC");
    expect(asked?.text).toContain(`http://tandem.test/o/${slug}/programs/${programId}`);
    expect(asked?.text).toMatch(/Why you two fit \(score \d+ of 100\)/);

    const waiting = await as("ada", "GET", "/v1/me/match-requests");
    const requests = ((await waiting.json()) as { items: MatchView[] }).items;
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ status: "pending_acceptance", choiceRank: 1 });

    const declined = await as("ada", "POST", `/v1/me/match-requests/${requests[0]!.id}/decline`);
    expect(declined.status).toBe(200);
    expect(await declined.json()).toMatchObject({ status: "declined" });
    await h.deliver();
    const [told] = mail("mia");
    expect(told?.subject).toBe("ada declined your request in Design mentoring");
    expect(told?.text).toContain("Your request has gone to your choice number 2, bo");
    const [boAsked] = mail("bo");
    expect(boAsked?.subject).toContain("mia asks you");

    // Bo lets it lapse: the sweep after the deadline passes it to Cy, once.
    clock.advanceDays(4);
    await sweep();
    await sweep();
    await h.deliver();
    const lapsedMail = mail("mia").filter((m) => m.subject.includes("lapsed"));
    expect(lapsedMail).toHaveLength(1);
    expect(lapsedMail[0]?.text).toContain("Your request has gone to your choice number 3, cy");
    expect(mail("cy").filter((m) => m.subject.includes("asks you"))).toHaveLength(1);
    const expires = await db.select().from(auditLog).where(eq(auditLog.action, "match.expire"));
    expect(expires).toHaveLength(1);

    const [boRequest] = await db
      .select()
      .from(matches)
      .where(eq(matches.id, (await requestOf("bo"))!));
    expect(boRequest?.status).toBe("expired");
    const late = await as("bo", "POST", `/v1/me/match-requests/${boRequest!.id}/accept`);
    await expectProblem(late, 409, "conflict");

    const cyRequest = (await requestOf("cy", "pending_acceptance"))!;
    const stranger = await as("bo", "POST", `/v1/me/match-requests/${cyRequest}/accept`);
    await expectProblem(stranger, 404, "not_found");
    const byMentee = await as("mia", "POST", `/v1/me/match-requests/${cyRequest}/accept`);
    await expectProblem(byMentee, 404, "not_found");

    const accepted = await as("cy", "POST", `/v1/me/match-requests/${cyRequest}/accept`);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: "active", mode: "mentee_chooses" });
    await h.deliver();
    expect(mail("mia")[0]?.subject).toBe("You're matched with cy in Design mentoring");
    expect(mail("cy")[0]?.subject).toBe("You're matched with mia in Design mentoring");

    const after = (await (await as("mia", "GET", `${me}/choices`)).json()) as MyChoicesView;
    expect(after.choices.map((c) => c.status)).toEqual(["declined", "expired", "active"]);
  });

  it("the last choice declining leaves the mentee told to choose again", async () => {
    const programId = await cohort();
    await as("mia", "PUT", `/v1/me/programs/${programId}/choices`, { mentorIds: ["ada"] });
    const request = (await requestOf("ada", "pending_acceptance", programId))!;
    await as("ada", "POST", `/v1/me/match-requests/${request}/decline`);
    await h.deliver();
    expect(mail("mia")[0]?.text).toContain("None of your choices is left to ask");
  });
});

describe("refusals", () => {
  it("choosing while a request waits is refused; withdrawing closes it and tells the mentor", async () => {
    const programId = await cohort();
    const path = `/v1/me/programs/${programId}/choices`;
    expect((await as("mia", "PUT", path, { mentorIds: ["bo"] })).status).toBe(200);
    const again = await as("mia", "PUT", path, { mentorIds: ["cy"] });
    const problem = await expectProblem(again, 409, "conflict");
    expect(problem.detail).toContain("Your request to bo is waiting");

    const withdrawn = await as("mia", "DELETE", path);
    expect(await withdrawn.json()).toEqual({ programId, choices: [] });
    await h.deliver();
    expect(mail("bo")[0]?.subject).toBe("mia withdrew their request in Design mentoring");
    const [row] = await db
      .select()
      .from(matches)
      .where(eq(matches.id, (await requestOf("bo", undefined, programId))!));
    expect(row).toMatchObject({ status: "closed", endReason: "Withdrawn by the mentee" });
    expect((await as("mia", "PUT", path, { mentorIds: ["cy"] })).status).toBe(200);
  });

  it("a choice that is no mentor, or twice, is refused naming it; nothing is stored", async () => {
    const programId = await cohort();
    const path = `/v1/me/programs/${programId}/choices`;
    const notMentor = await expectProblem(
      await as("mia", "PUT", path, { mentorIds: ["ada", "mia"] }),
      409,
      "conflict",
    );
    expect(notMentor.detail).toContain("Choice 2 (mia) is not an approved, active mentor");
    await expectProblem(
      await as("mia", "PUT", path, { mentorIds: ["ada", "ada"] }),
      400,
      "validation",
    );
    const view = (await (await as("mia", "GET", path)).json()) as MyChoicesView;
    expect(view.choices).toEqual([]);
  });

  it("a mentor is refused as chooser (403); another mode is a 409", async () => {
    const programId = await cohort();
    const byMentor = await as("ada", "GET", `/v1/me/programs/${programId}/suggestions`);
    await expectProblem(byMentor, 403, "forbidden");
    const other = await choosingProgram(db);
    const [row] = await db.select().from(programs).where(eq(programs.id, other));
    await db
      .update(programs)
      .set({ rules: { ...row!.rules, matching: { ...row!.rules.matching, mode: "coordinator" } } })
      .where(eq(programs.id, other));
    const res = await as("mia", "GET", `/v1/me/programs/${other}/suggestions`);
    const problem = await expectProblem(res, 409, "conflict");
    expect(problem.detail).toContain("the coordinators make the matches");
  });

  it("a mentor at capacity cannot accept: 409 saying so", async () => {
    const programId = await choosingProgram(db, { capacity: 1 });
    for (const [memberId, role] of [
      ["zed", "mentor"],
      ["yu", "mentee"],
      ["xi", "mentee"],
    ] as const) {
      await participant(h, db, slug, { programId, memberId, role, interests: ["design"] });
    }
    const me = `/v1/me/programs/${programId}/choices`;
    await as("yu", "PUT", me, { mentorIds: ["zed"] });
    await as("xi", "PUT", me, { mentorIds: ["zed"] });
    const [first, second] = (
      (await (await as("zed", "GET", "/v1/me/match-requests")).json()) as { items: MatchView[] }
    ).items;
    expect((await as("zed", "POST", `/v1/me/match-requests/${first!.id}/accept`)).status).toBe(200);
    const full = await as("zed", "POST", `/v1/me/match-requests/${second!.id}/accept`);
    const problem = await expectProblem(full, 409, "conflict");
    expect(problem.detail).toContain("You have no open place");
  });
});

/** The latest request to this mentor (in this program), by status if given. */
async function requestOf(mentorId: string, status?: MatchView["status"], programId?: string) {
  const rows = await db
    .select({ match: matches })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(eq(matchParticipants.memberId, mentorId));
  return rows
    .map((r) => r.match)
    .filter((m) => (!status || m.status === status) && (!programId || m.programId === programId))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .at(-1)?.id;
}
