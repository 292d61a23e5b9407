import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenants } from "../../db/control/schema";
import { members, schedulerHeartbeats } from "../../db/tenant/schema";
import { connectNode } from "../../host/platform";
import { tenantDb } from "../../workers/shared/src/platform/db";
import { setTenantStatus } from "../../workers/shared/src/tenancy/tenants";
import { type Edge, startEdge } from "../support/edge-harness";

let edge: Edge;

async function addMember(slug: string, email: string) {
  const client = connectNode(edge.gateway.databaseUrl(slug), edge.gateway.token);
  const now = new Date();
  await tenantDb(client)
    .insert(members)
    .values({ id: crypto.randomUUID(), email, displayName: email, createdAt: now, updatedAt: now });
  client.close();
}

async function heartbeats(slug: string) {
  const client = connectNode(edge.gateway.databaseUrl(slug), edge.gateway.token);
  const rows = await tenantDb(client).select().from(schedulerHeartbeats);
  client.close();
  return rows.map((r) => r.tick);
}

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  edge = await startEdge();
  for (const slug of ["north", "south", "dormant", "offline", "behind"]) {
    await edge.createTenant(slug);
  }
  await addMember("north", "ada@north.example");
  await addMember("south", "grace@south.example");
  await setTenantStatus(edge.operator, "dormant", "suspended");
  await edge.operator.control
    .update(tenants)
    .set({ dbUrl: "http://127.0.0.1:9/offline/" })
    .where(eq(tenants.slug, "offline"));
  await edge.operator.control
    .update(tenants)
    .set({ schemaVersion: 0 })
    .where(eq(tenants.slug, "behind"));
});

afterAll(() => edge?.close());

describe("API Worker in workerd", () => {
  it("answers /healthz", async () => {
    const res = await edge.api("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("reads only the token's tenant database over libSQL HTTP", async () => {
    const north = await edge.api("/v1/members", { token: await edge.tokenFor("north") });
    const south = await edge.api("/v1/members", { token: await edge.tokenFor("south") });
    expect(north.status).toBe(200);
    const emails = async (res: Response) =>
      ((await res.json()) as { items: { email: string }[] }).items.map((m) => m.email).sort();
    // Each list holds its own tenant's member and the admin whose token asked, nothing else.
    expect(await emails(north)).toEqual(["ada@north.example", "member-1@members.test"]);
    expect(await emails(south)).toEqual(["grace@south.example", "member-1@members.test"]);
  });

  it("answers 503 for an unreachable tenant database and keeps serving the others", async () => {
    const offline = await edge.api("/v1/members", { token: await edge.tokenFor("offline") });
    expect(offline.status).toBe(503);
    expect(offline.headers.get("content-type")).toBe("application/problem+json");
    expect(await offline.json()).toMatchObject({ code: "tenant_unavailable" });
    const north = await edge.api("/v1/members", { token: await edge.tokenFor("north") });
    expect(north.status).toBe(200);
  });

  it("answers 503 with Retry-After while a tenant's schema is behind", async () => {
    const res = await edge.api("/v1/members", { token: await edge.tokenFor("behind") });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await res.json()).toMatchObject({ code: "schema_behind" });
  });

  it("refuses a suspended tenant's token", async () => {
    const res = await edge.api("/v1/members", { token: await edge.tokenFor("dormant") });
    expect(res.status).toBe(403);
  });

  it("refuses to provision without a Turso configuration, clearly", async () => {
    const res = await edge.api("/operator/v1/tenants", {
      method: "POST",
      token: "edge-operator-token-0123456789abcdef",
      body: JSON.stringify({ slug: "newco", name: "New Co", kind: "company" }),
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: "misconfigured" });
  });

  it("logs no connection URLs or tokens", () => {
    const logs = edge.output.join("");
    expect(logs).not.toContain(edge.gateway.token);
    expect(logs).not.toContain("127.0.0.1:");
  });
});

describe("scheduler Worker in workerd", () => {
  it("fans a cron tick out to one queue message per active tenant, each writing its own DB", async () => {
    const tick = new Date("2026-11-28T10:00:00.000Z");
    const scheduler = await edge.mf.getWorker("scheduler");
    await scheduler.scheduled({ scheduledTime: tick, cron: "*/5 * * * *" });
    const expected = [tick.toISOString()];
    expect(
      await waitFor(
        () => heartbeats("north"),
        (t) => t.length > 0,
      ),
    ).toEqual(expected);
    expect(
      await waitFor(
        () => heartbeats("south"),
        (t) => t.length > 0,
      ),
    ).toEqual(expected);
    expect(await heartbeats("dormant")).toEqual([]);
  });
});

describe("a Worker with a broken environment", () => {
  let broken: Edge;
  beforeAll(async () => {
    broken = await startEdge({ apiBindings: { SIGNING_KEYS: "not json", PUBLIC_URL: "nope" } });
  });
  afterAll(() => broken?.close());

  it("answers 503 misconfigured and logs which variables are wrong", async () => {
    const res = await broken.api("/healthz");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: "misconfigured" });
    const logs = await waitFor(
      async () => broken.output.join(""),
      (text) => text.includes("PUBLIC_URL"),
    );
    expect(logs).toContain("PUBLIC_URL must be a URL");
    expect(logs).not.toContain("not json");
  });
});
