import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, concernNotes, concerns, members, pairReads } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import type {
  ConcernList,
  ConcernSummary,
  ConcernView,
} from "../../../workers/shared/src/contracts/stewardship/concerns";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { insertMatchRow } from "../../support/matching-fixtures";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { insertProgram, programsOrg, sendJson } from "../../support/programs-fixtures";

// Concerns: one of a pair raises it; the program's coordinators are told that one came (never
// what it says), read it saying why, acknowledge, note and resolve it; the partner never
// learns of it, and the raiser sees where it stands but not the coordinators' notes.
let h: Harness;
let db: TenantDb;
const slug = "concerns-org";
const reason = { "read-reason": "concern_follow_up" };

const admins = new Set(["coord", "ada", "pat"]);
async function call(
  method: string,
  path: string,
  who: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const token = await h.tokenFor(slug, {
    memberId: who,
    role: admins.has(who) ? "admin" : "member",
  });
  if (Object.keys(headers).length === 0) return sendJson(h, method, path, token, body);
  return h.request(path, { method, token, headers });
}

const mailbox = () => h.platform.mail as DevMailbox;

async function pair(opts: { mentorId?: string; status?: "active" | "closed" } = {}) {
  const programId = await insertProgram(db, { name: "Speaking circle" });
  const matchId = await insertMatchRow(db, {
    programId,
    mentorId: opts.mentorId ?? "mia",
    menteeId: "tom",
    status: opts.status ?? "active",
  });
  return { programId, matchId, path: `/v1/matches/${matchId}/concerns` };
}

async function raise(path: string, who: string, body: Record<string, unknown> = {}) {
  const res = await call("POST", path, who, {
    whatHappened: "She keeps cancelling at the last minute",
    urgency: "normal",
    wantsContact: true,
    ...body,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as ConcernView;
}

const readAs = async (path: string, who: string, headers: Record<string, string> = {}) => {
  const res = await call("GET", path, who, undefined, headers);
  expect(res.status).toBe(200);
  return (await res.json()) as ConcernList;
};

beforeAll(async () => {
  let tick = Date.parse("2026-03-02T09:00:00.000Z");
  h = await startHarness({
    now: () => {
      tick += 1000;
      return new Date(tick);
    },
  });
  ({ db } = await programsOrg(h, slug, "Riverside University"));
  for (const id of ["mia", "tom", "zoe"]) await h.tokenFor(slug, { memberId: id, role: "member" });
  for (const id of ["ada", "pat"]) await h.tokenFor(slug, { memberId: id, role: "admin" });
  await db.update(members).set({ displayName: "Tom Mentee" }).where(eq(members.id, "tom"));
});
afterAll(() => h.close());

describe("raising a concern", () => {
  it("at each urgency, reaches every active admin but never the partner, without its text", async () => {
    for (const urgency of ["low", "normal", "urgent"] as const) {
      const { path } = await pair();
      const raised = await raise(path, "tom", { urgency, whatHappened: `Worry ${urgency}` });
      expect(raised).toMatchObject({
        raisedBy: "tom",
        raisedAs: "mentee",
        urgency,
        status: "open",
        whatHappened: `Worry ${urgency}`,
        wantsContact: true,
        handling: null,
        resolution: null,
      });
      await h.deliver();
      for (const admin of ["coord", "ada", "pat"]) {
        const [mail] = mailbox().list({ to: `${admin}@members.test` });
        const subject = "A concern was raised in Speaking circle";
        expect(mail?.subject).toBe(urgency === "urgent" ? `URGENT: ${subject}` : subject);
        expect(mail?.text).toContain(urgency === "urgent" ? "marked urgent" : `${urgency} urgency`);
        expect(mail?.text).not.toContain(`Worry ${urgency}`);
        expect(mail?.text).not.toContain("Tom");
      }
      expect(mailbox().list({ to: "mia@members.test" })).toEqual([]);
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.subjectId, raised.id));
      expect(audit).toMatchObject({ action: "concern.raise", actorId: "tom" });
      expect(JSON.stringify(audit?.detail)).not.toContain("Worry");
    }
  });

  it("does not email a partner who is an admin", async () => {
    const { path } = await pair({ mentorId: "pat" });
    const before = mailbox().list({ to: "pat@members.test" }).length;
    await raise(path, "tom", { urgency: "urgent" });
    await h.deliver();
    expect(mailbox().list({ to: "pat@members.test" })).toHaveLength(before);
  });

  it("works on a closed match and before any agreement", async () => {
    const { path } = await pair({ status: "closed" });
    const raised = await raise(path, "tom");
    expect(raised.status).toBe("open");
  });

  it("is for the two of the pair: a coordinator gets 403, a bystander 404", async () => {
    const { matchId, path } = await pair();
    const body = { whatHappened: "Hm", urgency: "low", wantsContact: false };
    await expectProblem(await call("POST", path, "coord", body), 403, "forbidden");
    await expectProblem(await call("POST", path, "zoe", body), 404, "not_found");
    expect(await db.select().from(concerns).where(eq(concerns.matchId, matchId))).toEqual([]);
  });

  it("refuses bad input with a 400 and writes nothing", async () => {
    const { matchId, path } = await pair();
    const cases = [
      { whatHappened: " ", urgency: "low", wantsContact: false },
      { whatHappened: "x".repeat(4001), urgency: "low", wantsContact: false },
      { whatHappened: "Hm", urgency: "critical", wantsContact: false },
      { whatHappened: "Hm", urgency: "low" },
      {},
    ];
    for (const body of cases) {
      await expectProblem(await call("POST", path, "tom", body), 400, "validation");
    }
    expect(await db.select().from(concerns).where(eq(concerns.matchId, matchId))).toEqual([]);
  });
});

describe("who reads a concern", () => {
  it("the partner never sees it, on any route", async () => {
    const { programId, path } = await pair();
    const raised = await raise(path, "tom", { whatHappened: "Secret worry 41" });
    expect((await readAs(path, "mia")).items).toEqual([]);
    expect(JSON.stringify(await readAs("/v1/me/concerns", "mia"))).not.toContain(raised.id);
    const queue = `/v1/programs/${programId}/concerns`;
    await expectProblem(await call("GET", queue, "mia"), 403, "forbidden");
    for (const action of ["acknowledge", "notes", "resolve"]) {
      const res = await call("POST", `${path}/${raised.id}/${action}`, "mia", {
        text: "x",
        resolution: "x",
      });
      await expectProblem(res, 403, "forbidden");
    }
    const timeline = await call("GET", path.replace("/concerns", "/timeline"), "mia");
    expect(await timeline.text()).not.toContain("Secret worry 41");
  });

  it("the raiser sees its status and resolution, never the coordinators' notes", async () => {
    const { path } = await pair();
    const raised = await raise(path, "tom");
    const one = `${path}/${raised.id}`;
    expect((await call("POST", `${one}/acknowledge`, "coord")).status).toBe(200);
    await call("POST", `${one}/notes`, "coord", { text: "Note 77: spoke with the mentor" });
    for (const route of [path, "/v1/me/concerns"]) {
      const list = await readAs(route, "tom");
      const mine = list.items.find((c) => c.id === raised.id);
      expect(mine).toMatchObject({ status: "acknowledged", handling: null });
      expect(JSON.stringify(list)).not.toContain("Note 77");
    }
  });

  it("a coordinator says why (Read-Reason), and the read is recorded", async () => {
    const { matchId, path } = await pair();
    await raise(path, "tom", { whatHappened: "Worry 5" });
    await expectProblem(await call("GET", path, "coord"), 400, "validation");
    const odd = { "read-reason": "curiosity" };
    await expectProblem(await call("GET", path, "coord", undefined, odd), 400, "validation");
    expect(await db.select().from(pairReads).where(eq(pairReads.matchId, matchId))).toEqual([]);

    const list = await readAs(path, "coord", reason);
    expect(list.items.map((c) => c.whatHappened)).toEqual(["Worry 5"]);
    expect(list.items[0]?.handling).toEqual({ acknowledgedBy: null, resolvedBy: null, notes: [] });
    const reads = await db.select().from(pairReads).where(eq(pairReads.matchId, matchId));
    expect(reads).toMatchObject([
      { readerId: "coord", kind: "concerns", reason: "concern_follow_up" },
    ]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "pair.read"), eq(auditLog.subjectId, matchId)));
    expect(audit).toHaveLength(1);
  });

  it("another organization's match is 404 for raising and reading", async () => {
    await h.createTenant("other-org");
    const other = await h.tokenFor("other-org", { memberId: "coord", role: "admin" });
    const { path } = await pair();
    await raise(path, "tom");
    const read = await h.request(path, { token: other, headers: reason });
    await expectProblem(read, 404, "not_found");
    const body = { whatHappened: "Hm", urgency: "low", wantsContact: false };
    await expectProblem(await sendJson(h, "POST", path, other, body), 404, "not_found");
  });
});

describe("handling a concern", () => {
  it("acknowledge, note, resolve: the raiser is emailed the resolution", async () => {
    const { path } = await pair();
    const raised = await raise(path, "tom", { whatHappened: "Worry 9" });
    const one = `${path}/${raised.id}`;

    const acked = (await (await call("POST", `${one}/acknowledge`, "coord")).json()) as ConcernView;
    expect(acked).toMatchObject({ status: "acknowledged", handling: { acknowledgedBy: "coord" } });
    const again = (await (await call("POST", `${one}/acknowledge`, "ada")).json()) as ConcernView;
    expect(again.handling?.acknowledgedBy).toBe("coord");

    const noted = await call("POST", `${one}/notes`, "ada", { text: "Called Tom" });
    expect(noted.status).toBe(201);
    expect(((await noted.json()) as ConcernView).handling?.notes).toMatchObject([
      { authorId: "ada", text: "Called Tom" },
    ]);

    const resolution = "We agreed fixed meeting days with both of you.";
    const res = await call("POST", `${one}/resolve`, "coord", { resolution });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "resolved",
      resolution,
      handling: { resolvedBy: "coord" },
    });
    await h.deliver();
    const [mail] = mailbox().list({ to: "tom@members.test" });
    expect(mail?.subject).toBe("Your concern in Speaking circle was resolved");
    expect(mail?.text).toContain(resolution);
    expect(mailbox().list({ to: "mia@members.test" })).toEqual([]);

    expect((await readAs("/v1/me/concerns", "tom")).items[0]).toMatchObject({
      id: raised.id,
      status: "resolved",
      resolution,
    });

    await expectProblem(
      await call("POST", `${one}/resolve`, "coord", { resolution }),
      409,
      "conflict",
    );
    await expectProblem(await call("POST", `${one}/acknowledge`, "coord"), 409, "conflict");

    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, raised.id));
    expect(audit.map((a) => a.action)).toEqual([
      "concern.raise",
      "concern.acknowledge",
      "concern.note",
      "concern.resolve",
    ]);
    for (const words of ["Worry 9", "Called Tom", "fixed meeting days"]) {
      expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain(words);
    }
  });

  it("refuses blank notes and resolutions, and concerns of another match", async () => {
    const { matchId, path } = await pair();
    const other = await pair();
    const raised = await raise(path, "tom");
    const one = `${path}/${raised.id}`;
    await expectProblem(
      await call("POST", `${one}/notes`, "coord", { text: " " }),
      400,
      "validation",
    );
    await expectProblem(await call("POST", `${one}/resolve`, "coord", {}), 400, "validation");
    const elsewhere = `${other.path}/${raised.id}/acknowledge`;
    await expectProblem(await call("POST", elsewhere, "coord"), 404, "not_found");
    const [row] = await db.select().from(concerns).where(eq(concerns.matchId, matchId));
    expect(row?.status).toBe("open");
    expect(
      await db.select().from(concernNotes).where(eq(concernNotes.concernId, raised.id)),
    ).toEqual([]);
  });
});

describe("a program's concern queue", () => {
  it("lists open and urgent first, page by page, without what happened", async () => {
    const programId = await insertProgram(db, { name: "Queue program" });
    const raised: string[] = [];
    for (const [menteeId, urgency] of [
      ["q1", "low"],
      ["q2", "urgent"],
      ["q3", "normal"],
      ["q4", "urgent"],
    ] as const) {
      await h.tokenFor(slug, { memberId: menteeId, role: "member" });
      const matchId = await insertMatchRow(db, { programId, mentorId: "mia", menteeId });
      const path = `/v1/matches/${matchId}/concerns`;
      raised.push(
        (await raise(path, menteeId, { urgency, whatHappened: `Text of ${menteeId}` })).id,
      );
      if (menteeId === "q4") await call("POST", `${path}/${raised.at(-1)}/acknowledge`, "coord");
    }
    const seen: ConcernSummary[] = [];
    let cursor: string | null = null;
    do {
      const query = `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const res = await call("GET", `/v1/programs/${programId}/concerns${query}`, "coord");
      const text = await res.text();
      expect(text).not.toContain("Text of");
      const page = JSON.parse(text) as { items: ConcernSummary[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((c) => [c.raisedBy.memberId, c.urgency, c.status])).toEqual([
      ["q2", "urgent", "open"],
      ["q3", "normal", "open"],
      ["q1", "low", "open"],
      ["q4", "urgent", "acknowledged"],
    ]);
    expect(seen[0]?.raisedBy.role).toBe("mentee");

    const open = await call(
      "GET",
      `/v1/programs/${programId}/concerns?status=acknowledged`,
      "coord",
    );
    expect(((await open.json()) as { items: ConcernSummary[] }).items.map((c) => c.id)).toEqual([
      raised[3],
    ]);
    const bad = await call("GET", `/v1/programs/${programId}/concerns?status=closed`, "coord");
    await expectProblem(bad, 400, "validation");
  });
});
