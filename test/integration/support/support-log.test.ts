import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, supportContacts } from "../../../db/tenant/schema";
import type {
  OverduePair,
  SupportContactView,
  SupportLog,
} from "../../../workers/shared/src/contracts/stewardship/support";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import type { Harness } from "../../support/node-harness";
import {
  clientToken,
  insertProgram,
  type pairOrg,
  pairSince,
  pairWorld,
} from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";

// The support log: coordinators log their contacts with a pair; the program's rules say when
// the next one is due (two first-month touches on days 15 and 30, then every 30 days).
const slug = "support-org";
const clock = { now: new Date("2030-05-10T12:00:00Z") };
let h: Harness;
let db: TenantDb;
let org: ReturnType<typeof pairOrg>;
let programId: string;

beforeAll(async () => {
  ({ h, db, org, programId } = await pairWorld(slug, clock, [
    ["coord", "Cora Coordinator"],
    ["mia", "Mia Mentor"],
    ["tom", "Tom Mentee"],
    ["max", "Max Mentor"],
    ["tess", "Tess Mentee"],
    ["ola", "Ola Outsider"],
  ]));
});
afterAll(() => h.close());

const pair = (mentorId: string, menteeId: string, activatedAt: string, program = programId) =>
  pairSince(db, { programId: program, mentorId, menteeId, activatedAt: new Date(activatedAt) });
const log = (matchId: string, body: unknown, as = "coord") =>
  org.send(as, "POST", `/v1/matches/${matchId}/support-contacts`, body);
const call = { channel: "call", note: "Both settled in; agreed to meet fortnightly." };

describe("logging a contact", () => {
  it("keeps it with who made it and whom it reached, and audits it", async () => {
    const matchId = await pair("mia", "tom", "2030-05-01T09:00:00Z");
    const res = await log(matchId, {
      ...call,
      contactedOn: "2030-05-09",
      memberId: "tom",
      followUp: "Send the goal-setting guide",
    });
    expect(res.status).toBe(201);
    const view = (await res.json()) as SupportContactView;
    expect(view).toMatchObject({
      matchId,
      contactedOn: "2030-05-09",
      channel: "call",
      member: { memberId: "tom", displayName: "Tom Mentee" },
      coordinator: { memberId: "coord", displayName: "Cora Coordinator" },
      followUp: "Send the goal-setting guide",
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, matchId));
    expect(audit.map((a) => a.action)).toContain("support_contact.logged");
  });

  it("refuses a day still to come and someone outside the pair, writing nothing", async () => {
    const matchId = await pair("mia", "tom", "2030-05-01T09:00:00Z");
    const future = await expectProblem(
      await log(matchId, { ...call, contactedOn: "2030-05-12" }),
      400,
      "validation",
    );
    expect(future.errors.map((e) => e.field)).toEqual(["contactedOn"]);
    const outsider = await expectProblem(
      await log(matchId, { ...call, contactedOn: "2030-05-09", memberId: "ola" }),
      400,
      "validation",
    );
    expect(outsider.errors.map((e) => e.field)).toEqual(["memberId"]);
    const rows = await db
      .select()
      .from(supportContacts)
      .where(eq(supportContacts.matchId, matchId));
    expect(rows).toEqual([]);
  });

  it("is for coordinators only: not the pair, not an integration", async () => {
    const matchId = await pair("mia", "tom", "2030-05-01T09:00:00Z");
    await expectProblem(
      await log(matchId, { ...call, contactedOn: "2030-05-09" }, "tom"),
      403,
      "forbidden",
    );
    const token = await clientToken(h, slug, ["matches:read", "matches:write"], clock.now);
    const res = await h.request(`/v1/matches/${matchId}/support-contacts`, { token });
    await expectProblem(res, 403, "forbidden");
  });
});

describe("a pair's log", () => {
  it("lists contacts most recent first and says when the next is due", async () => {
    const matchId = await pair("mia", "tom", "2030-04-01T09:00:00Z");
    await log(matchId, { ...call, contactedOn: "2030-04-10" });
    await log(matchId, { ...call, channel: "email", contactedOn: "2030-04-28" });
    const res = await org.send("coord", "GET", `/v1/matches/${matchId}/support-contacts`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as SupportLog;
    expect(body.items.map((c) => c.contactedOn)).toEqual(["2030-04-28", "2030-04-10"]);
    // Both first-month touches done; the next falls 30 days after the latest.
    expect(body.nextDueOn).toBe("2030-05-28");
    expect(body.daysOverdue).toBe(0);
  });
});

describe("the pairs overdue for contact", () => {
  it("lists the program's active pairs past due, most overdue first", async () => {
    const program = await insertProgram(db, { name: "Overdue circle" });
    // Begun 1 April, never contacted: the first touch fell due on 16 April, 24 days ago.
    const neglected = await pair("mia", "tom", "2030-04-01T09:00:00Z", program);
    // Begun 20 April, never contacted: due 5 May, 5 days ago.
    const recent = await pair("max", "tess", "2030-04-20T09:00:00Z", program);
    // Contacted on time: not listed.
    const cared = await pair("mia", "tess", "2030-05-01T09:00:00Z", program);
    await log(cared, { ...call, contactedOn: "2030-05-08" });

    const res = await org.send("coord", "GET", `/v1/programs/${program}/support/overdue`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: OverduePair[] };
    expect(items.map((p) => [p.matchId, p.dueOn, p.daysOverdue, p.lastContactOn])).toEqual([
      [neglected, "2030-04-16", 24, null],
      [recent, "2030-05-05", 5, null],
    ]);
    expect(items[0]!.mentee).toEqual({ memberId: "tom", displayName: "Tom Mentee" });
  });
});
