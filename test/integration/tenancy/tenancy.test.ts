import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tenants } from "../../../db/control/schema";
import { members } from "../../../db/tenant/schema";
import { signAccessToken } from "../../../workers/shared/src/security/access-tokens";
import {
  findTenantBySlug,
  setTenantStatus,
  tenantSchemaVersion,
} from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface MemberBody {
  items: { id: string; email: string; displayName: string }[];
  nextCursor: string | null;
}

/**
 * Creates a tenant and inserts active members straight into its database; the first is an
 * admin, whose token listMembers uses. Returns their ids.
 */
async function tenantWithMembers(slug: string, count: number): Promise<string[]> {
  await h.createTenant(slug);
  const record = await findTenantBySlug(h.platform.control, slug);
  const db = await h.platform.connections.db(record);
  const now = new Date();
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `${slug}-m${String(i).padStart(2, "0")}`,
    email: `person${i}@${slug}.example`,
    displayName: `${slug} person ${i}`,
    status: "active" as const,
    role: i === 0 ? ("admin" as const) : ("member" as const),
    createdAt: now,
    updatedAt: now,
  }));
  if (rows.length > 0) await db.insert(members).values(rows);
  // Signed now, while the database is whole: some tests break it afterwards.
  tokens.set(slug, await h.tokenFor(slug, { memberId: `${slug}-m00` }));
  return rows.map((r) => r.id);
}

const tokens = new Map<string, string>();

async function listMembers(slug: string, query = ""): Promise<Response> {
  return h.request(`/v1/members${query}`, { token: tokens.get(slug)! });
}

async function setControlRow(slug: string, values: Partial<typeof tenants.$inferInsert>) {
  await h.platform.control.update(tenants).set(values).where(eq(tenants.slug, slug));
  h.platform.tenants.forget();
}

describe("isolation", () => {
  it("each tenant's token lists only that tenant's members", async () => {
    const aIds = await tenantWithMembers("iso-a", 3);
    const bIds = await tenantWithMembers("iso-b", 2);

    const a = await listMembers("iso-a");
    expect(a.status).toBe(200);
    const aBody = (await a.json()) as MemberBody;
    expect(aBody.items.map((m) => m.id)).toEqual(aIds);
    expect(aBody.items.every((m) => m.email.endsWith("@iso-a.example"))).toBe(true);

    const b = await listMembers("iso-b");
    expect(b.status).toBe(200);
    const bBody = (await b.json()) as MemberBody;
    expect(bBody.items.map((m) => m.id)).toEqual(bIds);
    expect(bBody.nextCursor).toBeNull();
  });

  it("a cursor from another tenant's ids does not reveal that tenant's rows", async () => {
    const cIds = await tenantWithMembers("iso-c", 1);
    const bIds = await tenantWithMembers("iso-d", 2);
    const res = await listMembers("iso-c", `?cursor=${encodeURIComponent("")}`);
    expect(((await res.json()) as MemberBody).items.map((m) => m.id)).toEqual(cIds);
    // A real cursor of tenant D's list, handed to tenant C: it only positions C's own rows.
    const firstOfD = (await (await listMembers("iso-d", "?limit=1")).json()) as MemberBody;
    expect(firstOfD.items.map((m) => m.id)).toEqual([bIds[0]]);
    const cursor = encodeURIComponent(firstOfD.nextCursor!);
    const res2 = await listMembers("iso-c", `?cursor=${cursor}`);
    expect(((await res2.json()) as MemberBody).items).toEqual([]);
  });

  it("a token naming a tenant id that does not exist is 401", async () => {
    const token = await signAccessToken(
      h.platform.signingKeys,
      h.platform.tokenAudience,
      { memberId: "m-1", tenantId: crypto.randomUUID(), role: "admin" },
      new Date(),
    );
    const body = await expectProblem(
      await h.request("/v1/members", { token }),
      401,
      "unauthorized",
    );
    expect(body.detail).toMatch(/no known organization/);
  });
});

describe("pagination", () => {
  it("walks all of a tenant's members exactly once with limit=2 and cursor", async () => {
    const ids = await tenantWithMembers("pages", 5);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
      const res = await listMembers("pages", query);
      expect(res.status).toBe(200);
      const body = (await res.json()) as MemberBody;
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((m) => m.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
    expect(new Set(seen).size).toBe(ids.length);
  });

  it("the last full page has nextCursor null when the count divides evenly", async () => {
    await tenantWithMembers("even", 2);
    const body = (await (await listMembers("even", "?limit=2")).json()) as MemberBody;
    expect(body.items).toHaveLength(2);
    expect(body.nextCursor).toBeNull();
  });

  it.each([
    ["0", "?limit=0"],
    ["abc", "?limit=abc"],
    ["101", "?limit=101"],
    ["1.5", "?limit=1.5"],
  ])("limit=%s is a 400 naming the limit field", async (_, query) => {
    await tenantWithMembers(`lim-${_.replace(".", "-")}`, 0);
    const res = await listMembers(`lim-${_.replace(".", "-")}`, query);
    const body = await expectProblem(res, 400, "validation");
    expect(body.errors[0]!.field).toBe("limit");
    expect(typeof body.errors[0]!.message).toBe("string");
  });

  it("limit=100 and limit=1 are accepted", async () => {
    await tenantWithMembers("lim-ok", 1);
    expect((await listMembers("lim-ok", "?limit=100")).status).toBe(200);
    expect((await listMembers("lim-ok", "?limit=1")).status).toBe(200);
  });
});

describe("tenant state", () => {
  it("a suspended tenant is 403 while another tenant still answers 200", async () => {
    await tenantWithMembers("susp-a", 1);
    await tenantWithMembers("susp-b", 1);
    const tokenA = await h.tokenFor("susp-a");
    expect((await h.request("/v1/members", { token: tokenA })).status).toBe(200);

    await setTenantStatus(h.operator, "susp-a", "suspended");
    h.platform.tenants.forget();

    const body = await expectProblem(
      await h.request("/v1/members", { token: tokenA }),
      403,
      "forbidden",
    );
    expect(body.detail).toContain("susp-a");
    expect((await listMembers("susp-b")).status).toBe(200);

    await setTenantStatus(h.operator, "susp-a", "active");
    h.platform.tenants.forget();
    expect((await h.request("/v1/members", { token: tokenA })).status).toBe(200);
  });

  it("a tenant whose schema is behind is 503 schema_behind with retry-after", async () => {
    await tenantWithMembers("behind", 1);
    await tenantWithMembers("current", 1);
    await setControlRow("behind", { schemaVersion: tenantSchemaVersion - 1 });

    const res = await listMembers("behind");
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectProblem(res, 503, "schema_behind");
    expect((await listMembers("current")).status).toBe(200);

    await setControlRow("behind", { schemaVersion: tenantSchemaVersion });
    expect((await listMembers("behind")).status).toBe(200);
  });

  it("an unreachable tenant database is 503 for that tenant only, and recovers", async () => {
    const ids = await tenantWithMembers("broken", 2);
    await tenantWithMembers("healthy", 1);
    // A first request caches a working client for the tenant.
    expect((await listMembers("broken")).status).toBe(200);
    const { dbUrl } = await findTenantBySlug(h.platform.control, "broken");
    const logsBefore = h.rawLogs.length;

    await setControlRow("broken", { dbUrl: "file:/nonexistent-dir/x.db" });
    const res = await listMembers("broken");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const body = await expectProblem(res, 503, "tenant_unavailable");
    expect(res.headers.get("retry-after")).toBe("5");
    expect(body.requestId).toBe(res.headers.get("x-request-id"));
    expect(body.detail).not.toContain("nonexistent-dir");
    expect(body.detail).not.toContain("file:");
    expect((await listMembers("healthy")).status).toBe(200);
    // A second failing request fails the same way rather than reusing a broken client.
    await expectProblem(await listMembers("broken"), 503, "tenant_unavailable");

    const newLines = h.rawLogs.slice(logsBefore);
    expect(newLines.some((l) => l.includes("tenant database unavailable"))).toBe(true);
    expect(newLines.some((l) => l.includes('"unhandled error"'))).toBe(false);
    expect(newLines.join("\n")).not.toContain("file:");

    await setControlRow("broken", { dbUrl });
    const back = await listMembers("broken");
    expect(back.status).toBe(200);
    expect(((await back.json()) as MemberBody).items.map((m) => m.id)).toEqual(ids);
  });

  it("a query-time connection failure is 503 and evicts the cached client", async () => {
    await tenantWithMembers("remote", 1);
    const record = await findTenantBySlug(h.platform.control, "remote");
    const evict = vi.spyOn(h.platform.connections, "evict");
    try {
      // Nothing listens on port 9: the HTTP client is made, the first query is refused.
      await setControlRow("remote", { dbUrl: "http://127.0.0.1:9" });
      const logsBefore = h.rawLogs.length;
      await expectProblem(await listMembers("remote"), 503, "tenant_unavailable");
      expect(evict).toHaveBeenCalledWith(record.id);
      expect(h.rawLogs.slice(logsBefore).join("\n")).not.toContain("127.0.0.1:9");
    } finally {
      evict.mockRestore();
    }
    await setControlRow("remote", { dbUrl: record.dbUrl });
    expect((await listMembers("remote")).status).toBe(200);
  });

  it("a failing statement is a generic 500, logged with the request id but no data", async () => {
    await tenantWithMembers("no-table", 1);
    const record = await findTenantBySlug(h.platform.control, "no-table");
    await (await h.platform.connections.client(record)).execute("DROP TABLE members");
    const logsBefore = h.rawLogs.length;

    const res = await listMembers("no-table", "?cursor=private-cursor-value");
    const body = await expectProblem(res, 500, "internal");
    expect(body.detail).not.toMatch(/members|select/i);

    const lines = h.rawLogs.slice(logsBefore);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const error = logged.find((l) => l.msg === "unhandled error");
    expect(error).toMatchObject({ level: "error", requestId: body.requestId });
    expect(String(error!.error)).toMatch(/no such table/);
    expect(String(error!.stack)).toMatch(/^\s+at /);
    const text = lines.join("\n");
    expect(text).not.toContain("private-cursor-value");
    expect(text).not.toContain("file:");
    expect(text).not.toContain(h.dataDir);
  });
});
