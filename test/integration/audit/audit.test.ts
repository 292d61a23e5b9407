import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrationClients } from "../../../db/control/schema";
import type { ClientScope } from "../../../workers/shared/src/contracts/scopes";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { storedJwk } from "../../support/client-keys";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const callerIp = "203.0.113.7";

/** Through the Node adapter's env, as a real socket would report the caller's address. */
function call(path: string, token: string, method = "GET", body?: unknown): Promise<Response> {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (body !== undefined) headers.set("content-type", "application/json");
  const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  return Promise.resolve(
    h.app.request(path, init, { incoming: { socket: { remoteAddress: callerIp } } }),
  );
}

interface AuditPage {
  items: {
    id: number;
    at: string;
    actorType: string;
    actorId: string | null;
    action: string;
    subjectType: string | null;
    subjectId: string | null;
    ip: string | null;
    detail: Record<string, unknown>;
  }[];
  nextCursor: string | null;
}

/** An admin invites someone, promotes member m-1, then deactivates them. */
async function orgWithHistory(slug: string): Promise<string> {
  await h.createTenant(slug);
  const token = await h.tokenFor(slug, { memberId: "admin-1", role: "admin" });
  await h.tokenFor(slug, { memberId: "m-1", role: "member" });
  const steps = [
    await call("/v1/members/invitations", token, "POST", { email: "new@example.org" }),
    await call("/v1/members/m-1", token, "PATCH", { role: "admin" }),
    await call("/v1/members/m-1/deactivate", token, "POST"),
  ];
  expect(steps.map((r) => r.status)).toEqual([201, 200, 200]);
  return token;
}

async function clientToken(slug: string, scopes: ClientScope[]): Promise<string> {
  const tenant = await findTenantBySlug(h.platform.control, slug);
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const clientId = `cli_${slug.replaceAll("-", "_")}_${scopes.length}`;
  const now = new Date();
  await h.platform.control.insert(integrationClients).values({
    id: clientId,
    tenantId: tenant.id,
    name: "Compliance export",
    scopes,
    jwks: [await storedJwk(publicKey, "k1")],
    status: "active",
    createdAt: now,
    updatedAt: now,
  });
  return new SignJWT({})
    .setProtectedHeader({ alg: "ES256", kid: "k1" })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(h.platform.tokenAudience.audience)
    .setIssuedAt()
    .setExpirationTime("2m")
    .setJti(crypto.randomUUID())
    .sign(privateKey);
}

describe("GET /v1/audit", () => {
  it("lists who did what, to whom and from where, newest first", async () => {
    const token = await orgWithHistory("audit-read");
    const res = await call("/v1/audit", token);
    expect(res.status).toBe(200);
    const page = (await res.json()) as AuditPage;
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((e) => e.action)).toEqual([
      "member.deactivate",
      "member.role_change",
      "member.invite",
    ]);
    for (const entry of page.items) {
      expect(entry).toMatchObject({ actorType: "member", actorId: "admin-1", ip: callerIp });
      expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    }
    const [deactivate, roleChange, invite] = page.items;
    expect(deactivate).toMatchObject({ subjectType: "member", subjectId: "m-1" });
    expect(roleChange!.detail).toMatchObject({
      before: { role: "member" },
      after: { role: "admin" },
    });
    expect(invite!.detail).toMatchObject({ email: "new@example.org", role: "member" });
    expect(JSON.stringify(page)).not.toMatch(/token/i);
  });

  it("pages by cursor without overlap and refuses a cursor it did not hand out", async () => {
    const token = await orgWithHistory("audit-pages");
    const first = (await (await call("/v1/audit?limit=2", token)).json()) as AuditPage;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await (
      await call(`/v1/audit?limit=2&cursor=${first.nextCursor}`, token)
    ).json()) as AuditPage;
    expect(second.items.map((e) => e.action)).toEqual(["member.invite"]);
    expect(second.items[0]!.id).toBeLessThan(first.items[1]!.id);
    expect(second.nextCursor).toBeNull();

    const bad = await expectProblem(await call("/v1/audit?cursor=abc", token), 400, "validation");
    expect(bad.errors.map((e) => e.field)).toEqual(["cursor"]);
  });

  it("shows each organization only its own entries", async () => {
    await orgWithHistory("audit-own-a");
    await h.createTenant("audit-own-b");
    const other = await h.tokenFor("audit-own-b", { memberId: "admin-b", role: "admin" });
    const page = (await (await call("/v1/audit", other)).json()) as AuditPage;
    expect(page.items).toEqual([]);
  });

  it("is 403 for a plain member and for a client without audit:read", async () => {
    await orgWithHistory("audit-guard");
    const member = await h.tokenFor("audit-guard", { memberId: "plain", role: "member" });
    await expectProblem(await call("/v1/audit", member), 403, "forbidden");
    const noScope = await clientToken("audit-guard", ["members:read"]);
    const problem = await expectProblem(await call("/v1/audit", noScope), 403, "forbidden");
    expect(problem.detail).toContain("audit:read");
  });

  it("serves a client holding audit:read", async () => {
    await orgWithHistory("audit-client");
    const token = await clientToken("audit-client", ["audit:read"]);
    const res = await call("/v1/audit?limit=1", token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as AuditPage).items.map((e) => e.action)).toEqual([
      "member.deactivate",
    ]);
  });
});
