import { eq } from "drizzle-orm";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, members } from "../../../db/tenant/schema";
import type { ClientView } from "../../../workers/shared/src/contracts/clients";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

// An admin manages API clients, which no integration may do: so making someone an admin is a
// grant of its own (members:admin), never part of members:write.

const slug = "grant-admin";
let h: Harness;
let db: TenantDb;
let adminToken: string;
/** Signs a fresh assertion for a client holding exactly these scopes. */
let writer: () => Promise<string>;
let granter: () => Promise<string>;

async function integration(scopes: string[]): Promise<() => Promise<string>> {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const res = await send("/v1/clients", adminToken, "POST", {
    name: scopes.join(" "),
    scopes,
    jwk: await exportJWK(publicKey),
  });
  const client = (await res.json()) as ClientView;
  return () =>
    new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: client.keys[0]!.kid })
      .setIssuer(client.id)
      .setSubject(client.id)
      .setAudience(h.platform.tokenAudience.audience)
      .setIssuedAt()
      .setExpirationTime("2m")
      .setJti(crypto.randomUUID())
      .sign(privateKey);
}

function send(path: string, token: string, method = "GET", body?: unknown): Promise<Response> {
  return h.request(path, {
    method,
    token,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
}

beforeAll(async () => {
  h = await startHarness();
  await h.createTenant(slug);
  adminToken = await h.tokenFor(slug, { memberId: "admin-1", role: "admin" });
  await h.tokenFor(slug, { memberId: "m-1", role: "member" });
  await h.tokenFor(slug, { memberId: "m-2", role: "member" });
  db = await h.platform.connections.db(await findTenantBySlug(h.platform.control, slug));
  writer = await integration(["members:read", "members:write"]);
  granter = await integration(["members:write", "members:admin"]);
});
afterAll(() => h.close());

const roleOf = async (id: string) =>
  (await db.select({ role: members.role }).from(members).where(eq(members.id, id)))[0]?.role;
const invitationsTo = (email: string) =>
  db.select().from(invitations).where(eq(invitations.email, email));

describe("an integration with members:write but not members:admin", () => {
  it("cannot make a member an admin (403 naming members:admin), and the role stays", async () => {
    const res = await send("/v1/members/m-1", await writer(), "PATCH", { role: "admin" });
    const problem = await expectProblem(res, 403, "forbidden");
    expect(problem.detail).toContain("members:admin");
    expect(await roleOf("m-1")).toBe("member");
  });

  it("cannot take the admin role away either", async () => {
    const res = await send("/v1/members/admin-1", await writer(), "PATCH", { role: "member" });
    await expectProblem(res, 403, "forbidden");
    expect(await roleOf("admin-1")).toBe("admin");
  });

  it("cannot invite an admin, alone or in a bulk invitation; nothing is written", async () => {
    const one = await send("/v1/members/invitations", await writer(), "POST", {
      email: "boss@example.org",
      role: "admin",
    });
    expect((await expectProblem(one, 403, "forbidden")).detail).toContain("members:admin");
    for (const mode of ["all_or_nothing", "valid_only"]) {
      const bulk = await send("/v1/members/invitations/bulk", await writer(), "POST", {
        rows: [{ email: `fine-${mode}@example.org` }, { email: "boss@example.org", role: "admin" }],
        mode,
      });
      await expectProblem(bulk, 403, "forbidden");
      expect(await invitationsTo(`fine-${mode}@example.org`)).toEqual([]);
    }
    expect(await invitationsTo("boss@example.org")).toEqual([]);
  });

  it("cannot send a fresh link for an admin's invitation", async () => {
    const res = await send("/v1/members/invitations", adminToken, "POST", {
      email: "coordinator@example.org",
      role: "admin",
    });
    const { id } = (await res.json()) as { id: string };
    const resend = await send(`/v1/members/invitations/${id}/resend`, await writer(), "POST");
    await expectProblem(resend, 403, "forbidden");
    expect((await invitationsTo("coordinator@example.org")).map((i) => i.id)).toEqual([id]);
  });

  it("still invites and manages plain members", async () => {
    const res = await send("/v1/members/invitations", await writer(), "POST", {
      email: "mentee@example.org",
      role: "member",
    });
    expect(res.status).toBe(201);
    const bulk = await send("/v1/members/invitations/bulk", await writer(), "POST", {
      rows: [{ email: "mentor@example.org" }],
      mode: "all_or_nothing",
    });
    expect(bulk.status).toBe(200);
  });
});

describe("an integration granted members:admin", () => {
  it("makes a member an admin and invites an admin", async () => {
    const res = await send("/v1/members/m-2", await granter(), "PATCH", { role: "admin" });
    expect(res.status).toBe(200);
    expect(await roleOf("m-2")).toBe("admin");
    const invite = await send("/v1/members/invitations", await granter(), "POST", {
      email: "new-coordinator@example.org",
      role: "admin",
    });
    expect(invite.status).toBe(201);
  });
});
