import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, programs, trainingResources } from "../../../db/tenant/schema";
import { programTemplates } from "../../../workers/shared/src/domain/program-rules";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { sendJson, tenantDb } from "../../support/programs-fixtures";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Call = (method: string, path: string, body?: unknown) => Promise<Response>;

async function org(slug: string): Promise<{ admin: Call; member: Call; db: TenantDb }> {
  await h.createTenant(slug);
  const as =
    (token: string): Call =>
    (method, path, body) =>
      sendJson(h, method, path, token, body);
  const db = await tenantDb(h, slug);
  return {
    admin: as(await h.tokenFor(slug, { memberId: "admin-1", role: "admin" })),
    member: as(await h.tokenFor(slug, { memberId: "m-1", role: "member" })),
    db,
  };
}

interface View {
  id: string;
  name: string;
  status: string;
  templateKey: string | null;
  rules: Record<string, unknown>;
  rulesVersion: number;
  applicationForm: Record<string, unknown>;
  summary: string[];
}

async function create(admin: Call, body: Record<string, unknown> = {}): Promise<View> {
  // A length of its own: the default rules hold a mid-point evaluation, which needs one.
  const res = await admin("POST", "/v1/programs", {
    name: "Buddies",
    relationshipLengthDays: 180,
    ...body,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as View;
}

const setStatus = (admin: Call, id: string, status: string) =>
  admin("POST", `/v1/programs/${id}/status`, { status });

describe("templates", () => {
  it("lists every template with its summary, to members too", async () => {
    const { member } = await org("tpl-list");
    const res = await member("GET", "/v1/program-templates");
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { key: string; summary: string[] }[] };
    expect(items.map((t) => t.key)).toEqual(programTemplates.map((t) => t.key));
  });

  for (const template of programTemplates) {
    it(`creates a draft from "${template.key}" with its rules, form and length`, async () => {
      const { admin, db } = await org(`tpl-${template.key}`.slice(0, 40));
      const view = await create(admin, {
        templateKey: template.key,
        relationshipLengthDays: undefined,
      });
      expect(view).toMatchObject({
        status: "draft",
        templateKey: template.key,
        rulesVersion: 1,
        relationshipLengthDays: template.relationshipLengthDays,
        description: template.description,
      });
      expect(view.rules).toEqual(template.rules);
      expect(view.summary.length).toBeGreaterThan(0);
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "program.create"));
      expect(audit!.subjectId).toBe(view.id);
    });
  }

  it("an unknown template → 400 on templateKey, nothing written", async () => {
    const { admin, db } = await org("tpl-unknown");
    const res = await admin("POST", "/v1/programs", { name: "X", templateKey: "nope" });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors.map((e) => e.field)).toEqual(["templateKey"]);
    expect(await db.select().from(programs)).toEqual([]);
  });
});

describe("lifecycle", () => {
  it("moves draft → open → running → closed, auditing each step", async () => {
    const { admin, db } = await org("life-happy");
    const { id } = await create(admin);
    for (const status of ["open", "draft", "open", "running", "closed"]) {
      const res = await setStatus(admin, id, status);
      expect(res.status, status).toBe(200);
      expect(((await res.json()) as View).status).toBe(status);
    }
    const entries = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "program.status_change"));
    expect(entries.map((e) => (e.detail as { after: { status: string } }).after.status)).toEqual([
      "open",
      "draft",
      "open",
      "running",
      "closed",
    ]);
  });

  it("refuses other moves with 409 naming the allowed next states", async () => {
    const { admin } = await org("life-invalid");
    const { id } = await create(admin);
    const skip = await expectProblem(await setStatus(admin, id, "running"), 409, "conflict");
    expect(skip.detail).toContain('"open" or "closed"');
    await expectProblem(await setStatus(admin, id, "draft"), 409, "conflict");
    expect((await setStatus(admin, id, "closed")).status).toBe(200);
    const closed = await expectProblem(await setStatus(admin, id, "open"), 409, "conflict");
    expect(closed.detail).toContain("nothing");
  });
});

describe("visibility", () => {
  it("plain members see only open and running programs; writes are admins'", async () => {
    const { admin, member } = await org("vis-member");
    const draft = await create(admin, { name: "Draft" });
    const open = await create(admin, { name: "Open" });
    await setStatus(admin, open.id, "open");
    const list = await member("GET", "/v1/programs");
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: View[] };
    expect(items.map((p) => p.name)).toEqual(["Open"]);
    expect((await member("GET", `/v1/programs/${open.id}`)).status).toBe(200);
    await expectProblem(await member("GET", `/v1/programs/${draft.id}`), 404, "not_found");
    await expectProblem(await member("POST", "/v1/programs", { name: "Mine" }), 403, "forbidden");
    const all = (await (await admin("GET", "/v1/programs")).json()) as { items: View[] };
    expect(all.items).toHaveLength(2);
  });

  it("another organization's program id → 404", async () => {
    const a = await org("iso-a");
    const b = await org("iso-b");
    const { id } = await create(b.admin);
    await expectProblem(await a.admin("GET", `/v1/programs/${id}`), 404, "not_found");
    const patch = await a.admin("PATCH", `/v1/programs/${id}`, { name: "Mine now" });
    await expectProblem(patch, 404, "not_found");
    const copy = await a.admin("POST", `/v1/programs/${id}/copy`, { name: "Stolen" });
    await expectProblem(copy, 404, "not_found");
    const [row] = await b.db.select().from(programs).where(eq(programs.id, id));
    expect(row!.name).toBe("Buddies");
  });
});

describe("copying", () => {
  it("copies rules, form and training rows into a new draft", async () => {
    const { admin, db } = await org("copy-happy");
    const source = await create(admin, { rules: { meetings: { frequencyDays: 21 } } });
    await setStatus(admin, source.id, "open");
    await db.insert(trainingResources).values(
      [0, 1].map((position) => ({
        id: `tr-${position}`,
        programId: source.id,
        title: `Module ${position}`,
        kind: "link" as const,
        url: "https://training.example/m",
        requiredFor: "both" as const,
        position,
        createdAt: new Date(),
      })),
    );
    const res = await admin("POST", `/v1/programs/${source.id}/copy`, { name: "Next year" });
    expect(res.status).toBe(201);
    const copy = (await res.json()) as View;
    expect(copy).toMatchObject({ name: "Next year", status: "draft", rulesVersion: 1 });
    expect(copy.rules).toEqual(source.rules);
    expect(copy.applicationForm).toEqual(source.applicationForm);
    const training = await db
      .select()
      .from(trainingResources)
      .where(eq(trainingResources.programId, copy.id));
    expect(training.map((t) => t.title).sort()).toEqual(["Module 0", "Module 1"]);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "program.copy"));
    expect(audit!.detail).toMatchObject({ copiedFrom: source.id, trainingCopied: 2 });
  });

  it("copyFrom on POST works the same; an unknown one → 404", async () => {
    const { admin } = await org("copy-from");
    const source = await create(admin, { rules: { meetings: { frequencyDays: 10 } } });
    const copy = await create(admin, { name: "Again", copyFrom: source.id });
    expect(copy.rules).toEqual(source.rules);
    const res = await admin("POST", "/v1/programs", { name: "Ghost", copyFrom: "nope" });
    await expectProblem(res, 404, "not_found");
  });
});

describe("PATCH /v1/programs/{id}", () => {
  it("changes the details and audits before and after of what changed", async () => {
    const { admin, db } = await org("patch-details");
    const { id } = await create(admin, { relationshipLengthDays: 180 });
    const res = await admin("PATCH", `/v1/programs/${id}`, {
      name: "Renamed",
      startsOn: "2030-01-01",
      endsOn: "2030-12-31",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "Renamed", startsOn: "2030-01-01" });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "program.update"));
    expect(audit!.detail).toEqual({
      before: { name: "Buddies", startsOn: null, endsOn: null },
      after: { name: "Renamed", startsOn: "2030-01-01", endsOn: "2030-12-31" },
    });
  });
});

describe("a program created with only a name", () => {
  it("starts as a draft with a 180-day relationship length, so the default rules hold", async () => {
    const { admin } = await org("bare-draft");
    const res = await admin("POST", "/v1/programs", { name: "Spring circle" });
    expect(res.status).toBe(201);
    const view = (await res.json()) as View & { relationshipLengthDays: number | null };
    expect(view).toMatchObject({ status: "draft", relationshipLengthDays: 180, rulesVersion: 1 });
  });

  it("keeps no default length when it is given start and end dates", async () => {
    const { admin } = await org("dated-draft");
    const res = await admin("POST", "/v1/programs", {
      name: "Autumn term",
      startsOn: "2027-09-01",
      endsOn: "2027-12-15",
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ relationshipLengthDays: null });
  });
});
