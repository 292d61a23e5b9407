import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, outbox, programs } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import type {
  AgreementVersionSummary,
  AgreementView,
} from "../../../workers/shared/src/contracts/relationship/agreements";
import { safetyNotice } from "../../../workers/shared/src/domain/program-rules";
import { newPair, type PairOrg, pairOrg, part } from "../../support/agreement-fixtures";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { sendJson } from "../../support/programs-fixtures";

// A pair's agreement: drafted from the program, each person's part saved as a new version the
// other hears about, acknowledged version by version, its history kept.
let h: Harness;
let org: PairOrg;
let clock = Date.parse("2026-03-02T09:00:00Z");

beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock) });
  org = await pairOrg(h, "agree-org");
});
afterAll(() => h.close());

const path = (matchId: string, rest = "") => `/v1/matches/${matchId}/agreement${rest}`;
const read = async (matchId: string, token = org.token.tom, rest = "") => {
  const res = await sendJson(h, "GET", path(matchId, rest), token);
  expect(res.status).toBe(200);
  return (await res.json()) as AgreementView;
};
const save = (matchId: string, token: string, body: unknown) =>
  sendJson(h, "PUT", path(matchId, "/mine"), token, body);
const acknowledge = (matchId: string, token: string, version: number) =>
  sendJson(h, "POST", path(matchId, "/acknowledge"), token, { version });
const audits = (matchId: string) =>
  org.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, "match"), eq(auditLog.subjectId, matchId)))
    .orderBy(asc(auditLog.id));

describe("before anyone writes", () => {
  it("reads as a draft of the program's sections, with the safety notice and empty parts", async () => {
    const rules = { agreement: { sections: { confidentiality: "What we say stays with us." } } };
    const { matchId, programId } = await newPair(org.db, rules);
    const draft = await read(matchId);
    expect(draft).toMatchObject({
      matchId,
      programId,
      version: 0,
      latest: true,
      required: true,
      settled: false,
      safetyNotice,
      acknowledgements: [],
      changedBy: null,
      savedAt: null,
      people: {
        mentor: { memberId: "mia", displayName: "Mia Mentor" },
        mentee: { memberId: "tom", displayName: "Tom Mentee" },
      },
      entries: { mentor: part(), mentee: part() },
    });
    expect(draft.sections.confidentiality).toBe("What we say stays with us.");
    expect(draft.sections.expectations.length).toBeGreaterThan(20);
    expect(Object.keys(draft.sections)).toEqual([
      "expectations",
      "goals",
      "timeCommitment",
      "meetingFrequency",
      "confidentiality",
      "boundaries",
    ]);
  });

  it("has nothing to acknowledge and no versions yet", async () => {
    const { matchId } = await newPair(org.db);
    const problem = await expectProblem(
      await acknowledge(matchId, org.token.tom, 1),
      409,
      "conflict",
    );
    expect(problem.detail).toContain("save your part");
    const list = await sendJson(h, "GET", path(matchId, "/versions"), org.token.mia);
    expect(await list.json()).toEqual({ items: [] });
  });
});

describe("saving your part", () => {
  it("saves a new version with the other's part copied, emails the other person and audits it", async () => {
    const { matchId } = await newPair(org.db);
    const first = await save(matchId, org.token.tom, part({ goals: "  Lead a team meeting  " }));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      version: 1,
      changedBy: "tom",
      entries: { mentee: part({ goals: "Lead a team meeting" }), mentor: part() },
    });
    const second = await save(matchId, org.token.mia, part({ communication: "Email first" }));
    const v2 = (await second.json()) as AgreementView;
    expect(v2).toMatchObject({
      version: 2,
      changedBy: "mia",
      entries: {
        mentee: part({ goals: "Lead a team meeting" }),
        mentor: part({ communication: "Email first" }),
      },
    });

    await h.deliver();
    const mailbox = h.platform.mail as DevMailbox;
    const [toMia] = mailbox.list({ to: "mia@members.test" });
    expect(toMia?.subject).toBe("Tom Mentee updated your mentoring agreement");
    expect(toMia?.text).toContain("version 1");
    expect(toMia?.text).toContain("acknowledge it again");
    const [toTom] = mailbox.list({ to: "tom@members.test" });
    expect(toTom?.subject).toBe("Mia Mentor updated your mentoring agreement");

    const entries = await audits(matchId);
    expect(entries.map((e) => [e.action, e.actorId, e.detail])).toEqual([
      ["agreement.save", "tom", { version: 1, role: "mentee", changed: ["goals"] }],
      ["agreement.save", "mia", { version: 2, role: "mentor", changed: ["communication"] }],
    ]);
  });

  it("saving the same words again makes no version, email or audit entry", async () => {
    const { matchId } = await newPair(org.db);
    await save(matchId, org.token.tom, part({ goals: "Speak up" }));
    const mails = (await org.db.select().from(outbox)).length;
    const again = await save(matchId, org.token.tom, part({ goals: " Speak up " }));
    expect(((await again.json()) as AgreementView).version).toBe(1);
    expect((await org.db.select().from(outbox)).length).toBe(mails);
    expect(await audits(matchId)).toHaveLength(1);
  });

  it("is for the pair's two people, on an active match; outsiders do not learn it exists", async () => {
    const { matchId } = await newPair(org.db);
    await expectProblem(await save(matchId, org.token.coord, part()), 403, "forbidden");
    await expectProblem(await save(matchId, org.token.una, part()), 404, "not_found");
    const res = await sendJson(h, "GET", path(matchId), org.token.una);
    await expectProblem(res, 404, "not_found");
    const closed = await newPair(org.db, {}, "closed");
    const problem = await expectProblem(
      await save(closed.matchId, org.token.tom, part()),
      409,
      "conflict",
    );
    expect(problem.detail).toContain("closed");
    expect(await audits(closed.matchId)).toEqual([]);
  });

  it("refuses an entry over 2000 characters, naming it, and saves nothing", async () => {
    const { matchId } = await newPair(org.db);
    const res = await save(matchId, org.token.tom, part({ boundaries: "x".repeat(2001) }));
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors?.map((e) => e.field)).toEqual(["boundaries"]);
    expect((await read(matchId)).version).toBe(0);
  });
});

describe("acknowledging", () => {
  it("settles once both acknowledged the latest version; twice changes nothing", async () => {
    const { matchId } = await newPair(org.db);
    await save(matchId, org.token.tom, part({ goals: "Speak up" }));
    const mine = (await (await acknowledge(matchId, org.token.tom, 1)).json()) as AgreementView;
    expect(mine.settled).toBe(false);
    expect(mine.acknowledgements).toEqual([
      { memberId: "tom", role: "mentee", at: expect.any(String) },
    ]);
    clock += 60_000;
    const again = await acknowledge(matchId, org.token.tom, 1);
    expect(((await again.json()) as AgreementView).acknowledgements).toHaveLength(1);
    const both = (await (await acknowledge(matchId, org.token.mia, 1)).json()) as AgreementView;
    expect(both.settled).toBe(true);
    expect(both.acknowledgements.map((a) => a.role)).toEqual(["mentee", "mentor"]);
    const acks = (await audits(matchId)).filter((e) => e.action === "agreement.acknowledge");
    expect(acks.map((e) => e.actorId)).toEqual(["tom", "mia"]);
  });

  it("a change asks both to acknowledge again, and an old version number is refused as stale", async () => {
    const { matchId } = await newPair(org.db);
    await save(matchId, org.token.tom, part({ goals: "Speak up" }));
    await acknowledge(matchId, org.token.tom, 1);
    await acknowledge(matchId, org.token.mia, 1);
    await save(matchId, org.token.mia, part({ boundaries: "No calls after 7pm" }));
    const now = await read(matchId);
    expect(now).toMatchObject({ version: 2, settled: false, acknowledgements: [] });

    const stale = await expectProblem(
      await acknowledge(matchId, org.token.tom, 1),
      409,
      "conflict",
    );
    expect(stale.detail).toContain("The agreement changed since you read it");
    await expectProblem(await acknowledge(matchId, org.token.tom, 7), 404, "not_found");
    await expectProblem(await acknowledge(matchId, org.token.coord, 2), 403, "forbidden");
    expect((await read(matchId)).acknowledgements).toEqual([]);

    await acknowledge(matchId, org.token.tom, 2);
    expect((await read(matchId)).settled).toBe(false);
    await acknowledge(matchId, org.token.mia, 2);
    expect((await read(matchId)).settled).toBe(true);
  });
});

describe("the history of versions", () => {
  it("lists versions newest first and opens each as it read then", async () => {
    const rules = { agreement: { sections: { boundaries: "First boundaries text." } } };
    const { matchId, programId } = await newPair(org.db, rules);
    await save(matchId, org.token.tom, part({ goals: "Speak up" }));
    await acknowledge(matchId, org.token.mia, 1);
    // The coordinator rewrites a section: the saved version keeps the words it was agreed on.
    const [program] = await org.db.select().from(programs).where(eq(programs.id, programId));
    const newRules = structuredClone(program!.rules);
    newRules.agreement.sections.boundaries = "Second boundaries text.";
    await org.db.update(programs).set({ rules: newRules }).where(eq(programs.id, programId));
    await save(matchId, org.token.mia, part({ goals: "Listen more than I talk" }));

    const list = await sendJson(h, "GET", path(matchId, "/versions"), org.token.coord);
    const { items } = (await list.json()) as { items: AgreementVersionSummary[] };
    expect(items.map((v) => [v.version, v.changedBy, v.settled])).toEqual([
      [2, "mia", false],
      [1, "tom", false],
    ]);
    expect(items[1]!.acknowledgements.map((a) => a.memberId)).toEqual(["mia"]);

    const v1 = await read(matchId, org.token.coord, "/versions/1");
    expect(v1).toMatchObject({ version: 1, latest: false, changedBy: "tom" });
    expect(v1.sections.boundaries).toBe("First boundaries text.");
    expect(v1.entries.mentor.goals).toBe("");
    const v2 = await read(matchId, org.token.mia, "/versions/2");
    expect(v2).toMatchObject({ version: 2, latest: true });
    expect(v2.sections.boundaries).toBe("Second boundaries text.");
    for (const missing of ["3", "0", "one", "01"]) {
      const res = await sendJson(h, "GET", path(matchId, `/versions/${missing}`), org.token.tom);
      await expectProblem(res, 404, "not_found");
    }
  });
});
