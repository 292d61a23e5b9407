import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, members, refreshTokens } from "../../../db/tenant/schema";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** An organization whose only admin is "admin-1" (token returned), plus member "m-1". */
async function org(slug: string): Promise<{ token: string; memberToken: string; db: TenantDb }> {
  await h.createTenant(slug);
  const token = await h.tokenFor(slug, { memberId: "admin-1", role: "admin" });
  const memberToken = await h.tokenFor(slug, { memberId: "m-1", role: "member" });
  const db = await h.platform.connections.db(await findTenantBySlug(h.platform.control, slug));
  return { token, memberToken, db };
}

function call(path: string, token: string, method = "GET", body?: unknown): Promise<Response> {
  return h.request(path, {
    method,
    token,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
}

const setRole = (token: string, id: string, role: string) =>
  call(`/v1/members/${id}`, token, "PATCH", { role });

async function memberRow(db: TenantDb, id: string) {
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row!;
}

async function auditOf(db: TenantDb, action: string) {
  return db.select().from(auditLog).where(eq(auditLog.action, action));
}

describe("PATCH /v1/members/{id}", () => {
  it("changes the role, answers the MemberView and audits before and after", async () => {
    const { token, db } = await org("adm-role");
    const res = await setRole(token, "m-1", "admin");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: "m-1",
      email: "m-1@members.test",
      displayName: "m-1",
      role: "admin",
      status: "active",
      timeZone: "UTC",
    });
    expect((await memberRow(db, "m-1")).role).toBe("admin");
    const [entry] = await auditOf(db, "member.role_change");
    expect(entry).toMatchObject({ actorType: "member", actorId: "admin-1", subjectId: "m-1" });
    expect(entry!.detail).toMatchObject({ before: { role: "member" }, after: { role: "admin" } });
  });

  it("refuses to demote the last active admin, even themselves", async () => {
    const { token, db } = await org("adm-last");
    const problem = await expectProblem(await setRole(token, "admin-1", "member"), 409, "conflict");
    expect(problem.detail).toContain("last active admin");
    expect((await memberRow(db, "admin-1")).role).toBe("admin");
    expect(await auditOf(db, "member.role_change")).toEqual([]);

    // A deactivated admin does not count as the one that remains.
    await h.tokenFor("adm-last", { memberId: "admin-2", role: "admin" });
    await db.update(members).set({ status: "deactivated" }).where(eq(members.id, "admin-2"));
    await expectProblem(await setRole(token, "admin-1", "member"), 409, "conflict");
  });

  it("lets one of two admins step down, but not both at once", async () => {
    const { token, db } = await org("adm-race");
    const other = await h.tokenFor("adm-race", { memberId: "admin-2", role: "admin" });
    const [a, b] = await Promise.all([
      setRole(token, "admin-1", "member"),
      setRole(other, "admin-2", "member"),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const admins = await db.select().from(members).where(eq(members.role, "admin"));
    expect(admins).toHaveLength(1);
  });

  it("is 400 for an unknown role, 403 for a plain member, 404 for another tenant's id", async () => {
    const { token, memberToken, db } = await org("adm-guard");
    const bad = await expectProblem(await setRole(token, "m-1", "owner"), 400, "validation");
    expect(bad.errors.map((e) => e.field)).toEqual(["role"]);
    await expectProblem(await setRole(memberToken, "m-1", "admin"), 403, "forbidden");

    await org("adm-guard-b");
    const otherDb = await h.platform.connections.db(
      await findTenantBySlug(h.platform.control, "adm-guard-b"),
    );
    await otherDb.update(members).set({ id: "only-in-b" }).where(eq(members.id, "m-1"));
    for (const res of [
      await setRole(token, "only-in-b", "admin"),
      await call("/v1/members/only-in-b/deactivate", token, "POST"),
      await call("/v1/members/only-in-b/reactivate", token, "POST"),
    ]) {
      await expectProblem(res, 404, "not_found");
    }
    expect((await memberRow(otherDb, "only-in-b")).status).toBe("active");
    expect((await memberRow(db, "m-1")).role).toBe("member");
  });
});

describe("deactivating and reactivating", () => {
  it("deactivation ends refresh tokens and the access token at once", async () => {
    const { token, memberToken, db } = await org("adm-deact");
    const now = new Date();
    await db.insert(refreshTokens).values({
      id: "rt-1",
      memberId: "m-1",
      familyId: "fam-1",
      tokenHash: "hash-1",
      createdAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
    });
    // Signed in but not an admin: 403 now, 401 once deactivated.
    await expectProblem(await call("/v1/members", memberToken), 403, "forbidden");

    const res = await call("/v1/members/m-1/deactivate", token, "POST");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: "m-1", status: "deactivated" });
    const row = await memberRow(db, "m-1");
    expect(row.deactivatedAt).toBeInstanceOf(Date);
    const [session] = await db.select().from(refreshTokens).where(eq(refreshTokens.id, "rt-1"));
    expect(session!.revokedAt).toBeInstanceOf(Date);
    await expectProblem(await call("/v1/members", memberToken), 401, "unauthorized");

    const [entry] = await auditOf(db, "member.deactivate");
    expect(entry).toMatchObject({ actorId: "admin-1", subjectType: "member", subjectId: "m-1" });
  });

  it("refuses to deactivate the last active admin", async () => {
    const { token, db } = await org("adm-deact-last");
    const problem = await expectProblem(
      await call("/v1/members/admin-1/deactivate", token, "POST"),
      409,
      "conflict",
    );
    expect(problem.detail).toContain("last active admin");
    expect((await memberRow(db, "admin-1")).status).toBe("active");
  });

  it("an invited person cannot be deactivated: their invitation is revoked instead", async () => {
    const { token } = await org("adm-deact-invited");
    const invited = await call("/v1/members/invitations", token, "POST", {
      email: "soon@example.org",
    });
    expect(invited.status).toBe(201);
    const list = (await (await call("/v1/members?status=invited", token)).json()) as {
      items: { id: string }[];
    };
    const problem = await expectProblem(
      await call(`/v1/members/${list.items[0]!.id}/deactivate`, token, "POST"),
      409,
      "conflict",
    );
    expect(problem.detail).toContain("revoke");
  });

  it("reactivation restores access and is audited; repeating either is harmless", async () => {
    const { token, memberToken, db } = await org("adm-react");
    expect((await call("/v1/members/m-1/deactivate", token, "POST")).status).toBe(200);
    expect((await call("/v1/members/m-1/deactivate", token, "POST")).status).toBe(200);
    const res = await call("/v1/members/m-1/reactivate", token, "POST");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "active" });
    expect((await memberRow(db, "m-1")).deactivatedAt).toBeNull();
    expect((await call("/v1/members/m-1/reactivate", token, "POST")).status).toBe(200);
    // Authorization reads the member's standing on every request, so the old token works again.
    await expectProblem(await call("/v1/members", memberToken), 403, "forbidden");
    expect(await auditOf(db, "member.deactivate")).toHaveLength(1);
    expect(await auditOf(db, "member.reactivate")).toHaveLength(1);
  });
});

describe("GET /v1/members?status=", () => {
  it("filters by status and refuses an unknown one", async () => {
    const { token, db } = await org("adm-filter");
    await h.tokenFor("adm-filter", { memberId: "m-2", role: "member" });
    await db.update(members).set({ status: "deactivated" }).where(eq(members.id, "m-2"));
    expect(
      (await call("/v1/members/invitations", token, "POST", { email: "new@example.org" })).status,
    ).toBe(201);

    const ids = async (status: string) => {
      const res = await call(`/v1/members?status=${status}`, token);
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { id: string; status: string }[] }).items;
    };
    expect((await ids("active")).map((m) => m.id)).toEqual(["admin-1", "m-1"]);
    expect((await ids("deactivated")).map((m) => m.id)).toEqual(["m-2"]);
    const invited = await ids("invited");
    expect(invited).toEqual([expect.objectContaining({ email: "new@example.org" })]);

    const bad = await expectProblem(
      await call("/v1/members?status=gone", token),
      400,
      "validation",
    );
    expect(bad.errors.map((e) => e.field)).toEqual(["status"]);
  });
});
