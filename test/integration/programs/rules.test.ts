import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, programRuleVersions, programs } from "../../../db/tenant/schema";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { sendJson, tenantDb } from "../../support/programs-fixtures";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface Org {
  token: string;
  db: TenantDb;
  call(method: string, path: string, body?: unknown): Promise<Response>;
}

async function org(slug: string): Promise<Org> {
  await h.createTenant(slug);
  const token = await h.tokenFor(slug, { memberId: "admin-1", role: "admin" });
  const db = await tenantDb(h, slug);
  const call = (method: string, path: string, body?: unknown) =>
    sendJson(h, method, path, token, body);
  return { token, db, call };
}

const frequency = (rules: unknown) =>
  (rules as { meetings: { frequencyDays: number } }).meetings.frequencyDays;

async function create(o: Org, body: Record<string, unknown> = {}) {
  const res = await o.call("POST", "/v1/programs", {
    name: "Peer mentoring",
    relationshipLengthDays: 180,
    ...body,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as {
    id: string;
    rulesVersion: number;
    rules: unknown;
    summary: string[];
  };
}

describe("PUT /v1/programs/{id}/rules", () => {
  it("adds a version, keeps the earlier ones, and audits only the changed paths", async () => {
    const o = await org("rules-change");
    const program = await create(o, { rules: { meetings: { frequencyDays: 14 } } });
    const res = await o.call("PUT", `/v1/programs/${program.id}/rules`, {
      rules: { meetings: { frequencyDays: 7 } },
      expectedVersion: 1,
    });
    expect(res.status).toBe(200);
    const view = (await res.json()) as typeof program;
    expect(view.rulesVersion).toBe(2);
    expect(frequency(view.rules)).toBe(7);

    const versions = await o.db
      .select()
      .from(programRuleVersions)
      .where(eq(programRuleVersions.programId, program.id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    const v1 = versions.find((v) => v.version === 1)!;
    expect(frequency(v1.rules)).toBe(14);
    expect(versions.find((v) => v.version === 2)!.changedBy).toBe("admin-1");

    const [entry] = await o.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "program.rules_change"), eq(auditLog.subjectId, program.id)));
    expect(entry!.detail).toEqual({
      version: 2,
      before: { "meetings.frequencyDays": 14 },
      after: { "meetings.frequencyDays": 7 },
    });

    const list = await o.call("GET", `/v1/programs/${program.id}/rules/versions`);
    const { items } = (await list.json()) as { items: { version: number; changedBy: string }[] };
    expect(items.map((i) => i.version)).toEqual([2, 1]);
  });

  it("refuses a stale expectedVersion with 409 and writes nothing", async () => {
    const o = await org("rules-stale");
    const program = await create(o);
    const change = (frequencyDays: number) =>
      o.call("PUT", `/v1/programs/${program.id}/rules`, {
        rules: { meetings: { frequencyDays } },
        expectedVersion: 1,
      });
    expect((await change(10)).status).toBe(200);
    await expectProblem(await change(21), 409, "conflict");
    const [row] = await o.db.select().from(programs).where(eq(programs.id, program.id));
    expect(row!.rulesVersion).toBe(2);
    expect(frequency(row!.rules)).toBe(10);
    const versions = await o.db
      .select()
      .from(programRuleVersions)
      .where(eq(programRuleVersions.programId, program.id));
    expect(versions).toHaveLength(2);
  });

  it("answers invalid rules with field errors under rules.…", async () => {
    const o = await org("rules-invalid");
    const program = await create(o);
    const res = await o.call("PUT", `/v1/programs/${program.id}/rules`, {
      rules: { meetings: { frequencyDays: 0 } },
      expectedVersion: 1,
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors.map((e) => e.field)).toContain("rules.meetings.frequencyDays");
  });

  it("refuses rules that contradict the program's length", async () => {
    const o = await org("rules-contradict");
    const program = await create(o, { relationshipLengthDays: 60 });
    const res = await o.call("PUT", `/v1/programs/${program.id}/rules`, {
      rules: { meetings: { frequencyDays: 90 } },
      expectedVersion: 1,
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors.map((e) => e.field)).toContain("rules.meetings.frequencyDays");
    const [row] = await o.db.select().from(programs).where(eq(programs.id, program.id));
    expect(row!.rulesVersion).toBe(1);
  });
});

describe("contradictions at creation and on PATCH", () => {
  it("POST refuses contradictory rules; nothing is written", async () => {
    const o = await org("create-contradict");
    const res = await o.call("POST", "/v1/programs", {
      name: "Short",
      relationshipLengthDays: 30,
      rules: { meetings: { frequencyDays: 60 } },
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors.map((e) => e.field)).toContain("rules.meetings.frequencyDays");
    expect(await o.db.select().from(programs)).toEqual([]);
    expect(await o.db.select().from(programRuleVersions)).toEqual([]);
  });

  it("PATCH re-checks the rules against the new length", async () => {
    const o = await org("patch-contradict");
    const program = await create(o, { rules: { meetings: { frequencyDays: 28 } } });
    const res = await o.call("PATCH", `/v1/programs/${program.id}`, { relationshipLengthDays: 14 });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors.map((e) => e.field)).toContain("rules.meetings.frequencyDays");
    const ok = await o.call("PATCH", `/v1/programs/${program.id}`, { relationshipLengthDays: 90 });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { relationshipLengthDays: number }).relationshipLengthDays).toBe(
      90,
    );
  });

  it("refuses endsOn before startsOn", async () => {
    const o = await org("dates-order");
    const res = await o.call("POST", "/v1/programs", {
      name: "Backwards",
      startsOn: "2030-09-01",
      endsOn: "2030-06-01",
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors).toEqual([{ field: "endsOn", message: expect.any(String) }]);
  });
});

describe("POST /v1/programs/{id}/rules/preview", () => {
  it("judges rules without saving them", async () => {
    const o = await org("rules-preview");
    const program = await create(o, { relationshipLengthDays: 60 });
    const preview = (rules: unknown) =>
      o.call("POST", `/v1/programs/${program.id}/rules/preview`, { rules });
    const good = await preview({ meetings: { frequencyDays: 7 } });
    expect(good.status).toBe(200);
    const goodBody = (await good.json()) as {
      valid: boolean;
      errors: unknown[];
      summary: string[];
    };
    expect(goodBody).toMatchObject({ valid: true, errors: [] });
    expect(goodBody.summary.length).toBeGreaterThan(0);

    const bad = await preview({ meetings: { frequencyDays: 90 } });
    expect(bad.status).toBe(200);
    const badBody = (await bad.json()) as { valid: boolean; errors: { field: string }[] };
    expect(badBody.valid).toBe(false);
    expect(badBody.errors.map((e) => e.field)).toContain("rules.meetings.frequencyDays");

    const [row] = await o.db.select().from(programs).where(eq(programs.id, program.id));
    expect(row!.rulesVersion).toBe(1);
  });
});
