import { join } from "node:path";
import { createClient } from "@libsql/client";
import { desc, eq } from "drizzle-orm";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, clientTokenIds } from "../../../db/tenant/schema";
import { pruneTenant } from "../../../workers/scheduler/src/housekeeping";
import type { ClientView } from "../../../workers/shared/src/contracts/clients";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

const jwksHost = "keys.partner.example";
let h: Harness;
let admin: string;

beforeAll(async () => {
  h = await startHarness({ env: { JWKS_HOST_ALLOWLIST: jwksHost } });
  await h.createTenant("life");
  admin = await h.tokenFor("life", { memberId: "admin-life", role: "admin" });
});
afterAll(() => h.close());
afterEach(() => vi.restoreAllMocks());

interface Signer {
  kid: string;
  key: CryptoKey;
  jwk: JWK;
}

async function newSigner(kid: string): Promise<Signer> {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  return { kid, key: privateKey, jwk: { ...(await exportJWK(publicKey)), kid } };
}

function call(path: string, method = "GET", body?: unknown) {
  return h.request(path, {
    method,
    token: admin,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function register(body: Record<string, unknown>): Promise<ClientView> {
  const res = await call("/v1/clients", "POST", {
    name: "Lifecycle",
    scopes: ["members:read"],
    ...body,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as ClientView;
}

async function assertion(clientId: string, signer: Signer, jti: string = crypto.randomUUID()) {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti })
    .setProtectedHeader({ alg: "ES256", kid: signer.kid })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(h.platform.tokenAudience.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 60)
    .sign(signer.key);
}

const members = (token: string) => h.request("/v1/members", { token });

async function auditActions(subjectId: string) {
  const db = await h.platform.connections.db(await findTenantBySlug(h.platform.control, "life"));
  const rows = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.subjectId, subjectId))
    .orderBy(desc(auditLog.id));
  return rows.map((r) => r.action);
}

/** The tenant's database, where its integrations' spent token ids are kept. */
async function lifeDb() {
  return h.platform.connections.db(await findTenantBySlug(h.platform.control, "life"));
}

/**
 * Counts commits to the control database file: SQLite bumps `data_version`, as seen by one
 * open connection, whenever another connection commits.
 */
function watchControlWrites() {
  const watcher = createClient({ url: `file:${join(h.dataDir, "control.db")}` });
  const version = async () => Number((await watcher.execute("PRAGMA data_version")).rows[0]![0]);
  return { version, close: () => watcher.close() };
}

describe("replay", () => {
  it("lets exactly one of 10 concurrent uses of the same JWT through", async () => {
    const signer = await newSigner("replay-1");
    const client = await register({ jwk: signer.jwk });
    const token = await assertion(client.id, signer);
    const results = await Promise.all(Array.from({ length: 10 }, () => members(token)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(401)]);
    for (const res of results.filter((r) => r.status === 401)) {
      await expectProblem(res, 401, "unauthorized");
    }
    const spent = await (await lifeDb())
      .select()
      .from(clientTokenIds)
      .where(eq(clientTokenIds.clientId, client.id));
    expect(spent).toHaveLength(1);
    expect(spent[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 60_000);
  });

  it("writes nothing to the control database: the jti is kept by the client's organization", async () => {
    const signer = await newSigner("replay-3");
    const client = await register({ jwk: signer.jwk });
    // A first call warms the tenant directory cache; after it, calls only read the control DB.
    expect((await members(await assertion(client.id, signer))).status).toBe(200);
    const control = watchControlWrites();
    const before = await control.version();
    for (let i = 0; i < 5; i++) {
      expect((await members(await assertion(client.id, signer, `quiet-${i}`))).status).toBe(200);
    }
    expect(await control.version()).toBe(before);
    control.close();
    const kept = await (await lifeDb())
      .select({ jti: clientTokenIds.jti })
      .from(clientTokenIds)
      .where(eq(clientTokenIds.clientId, client.id));
    expect(kept.map((r) => r.jti)).toEqual(expect.arrayContaining(["quiet-0", "quiet-4"]));
  });

  it("refuses a later reuse of a jti even in a fresh token", async () => {
    const signer = await newSigner("replay-2");
    const client = await register({ jwk: signer.jwk });
    expect((await members(await assertion(client.id, signer, "fixed-jti"))).status).toBe(200);
    await expectProblem(
      await members(await assertion(client.id, signer, "fixed-jti")),
      401,
      "unauthorized",
    );
  });

  it("prunes only spent ids that can no longer be replayed", async () => {
    const now = new Date();
    const db = await lifeDb();
    await db.insert(clientTokenIds).values([
      { clientId: "cli_prunetest", jti: "old", expiresAt: new Date(now.getTime() - 1000) },
      { clientId: "cli_prunetest", jti: "live", expiresAt: new Date(now.getTime() + 60_000) },
    ]);
    await pruneTenant(db, now);
    const left = await db
      .select({ jti: clientTokenIds.jti })
      .from(clientTokenIds)
      .where(eq(clientTokenIds.clientId, "cli_prunetest"));
    expect(left).toEqual([{ jti: "live" }]);
  });
});

describe("key rotation", () => {
  it("accepts old and new keys until the old one is removed", async () => {
    const oldKey = await newSigner("2026-01");
    const newKey = await newSigner("2026-07");
    const client = await register({ jwk: oldKey.jwk });

    const added = await call(`/v1/clients/${client.id}/keys`, "POST", { jwk: newKey.jwk });
    expect(added.status).toBe(200);
    expect(((await added.json()) as ClientView).keys.map((k) => k.kid)).toEqual([
      "2026-07",
      "2026-01",
    ]);
    expect((await members(await assertion(client.id, oldKey))).status).toBe(200);
    expect((await members(await assertion(client.id, newKey))).status).toBe(200);

    const removed = await call(`/v1/clients/${client.id}/keys/2026-01`, "DELETE");
    expect(((await removed.json()) as ClientView).keys.map((k) => k.kid)).toEqual(["2026-07"]);
    await expectProblem(await members(await assertion(client.id, oldKey)), 401, "unauthorized");
    expect((await members(await assertion(client.id, newKey))).status).toBe(200);

    const last = await call(`/v1/clients/${client.id}/keys/2026-07`, "DELETE");
    await expectProblem(last, 409, "conflict");
    expect(await auditActions(client.id)).toEqual([
      "client.remove_key",
      "client.add_key",
      "client.register",
    ]);
  });

  it("holds at most three keys, each kid once", async () => {
    const client = await register({ jwk: (await newSigner("k1")).jwk });
    const dup = await call(`/v1/clients/${client.id}/keys`, "POST", {
      jwk: (await newSigner("k1")).jwk,
    });
    await expectProblem(dup, 409, "conflict");
    for (const kid of ["k2", "k3"]) {
      const res = await call(`/v1/clients/${client.id}/keys`, "POST", {
        jwk: (await newSigner(kid)).jwk,
      });
      expect(res.status).toBe(200);
    }
    const fourth = await call(`/v1/clients/${client.id}/keys`, "POST", {
      jwk: (await newSigner("k4")).jwk,
    });
    expect((await expectProblem(fourth, 409, "conflict")).detail).toContain("at most 3");
  });

  it("refuses a private key as a new key with a field error", async () => {
    const client = await register({ jwk: (await newSigner("pk1")).jwk });
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const res = await call(`/v1/clients/${client.id}/keys`, "POST", {
      jwk: await exportJWK(privateKey),
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors.map((e) => e.field)).toContain("jwk.d");
  });

  it("answers 404 for a kid the client does not have", async () => {
    const client = await register({ jwk: (await newSigner("only")).jwk });
    await expectProblem(
      await call(`/v1/clients/${client.id}/keys/other`, "DELETE"),
      404,
      "not_found",
    );
  });
});

describe("revocation", () => {
  it("takes effect on the very next call and is audited", async () => {
    const signer = await newSigner("rev");
    const client = await register({ jwk: signer.jwk });
    expect((await members(await assertion(client.id, signer))).status).toBe(200);
    const token = await assertion(client.id, signer);

    const res = await call(`/v1/clients/${client.id}/revoke`, "POST");
    expect(res.status).toBe(200);
    const view = (await res.json()) as ClientView;
    expect(view).toMatchObject({ status: "revoked", revokedAt: expect.any(String) });

    await expectProblem(await members(token), 401, "unauthorized");
    await expectProblem(
      await call(`/v1/clients/${client.id}/keys`, "POST", { jwk: (await newSigner("x")).jwk }),
      409,
      "conflict",
    );
    expect((await auditActions(client.id))[0]).toBe("client.revoke");
    const list = (await (await call("/v1/clients")).json()) as { items: ClientView[] };
    expect(list.items.find((c) => c.id === client.id)?.status).toBe("revoked");
  });
});

describe("JWKS URL clients", () => {
  it("fetch keys from the allow-listed URL, and stop when the host leaves the list", async () => {
    const signer = await newSigner("remote-1");
    const jwksUrl = `https://${jwksHost}/tandem/jwks.json`;
    const fetchSpy = vi
      .spyOn(globalThis, "fetch")
      .mockImplementation(async () => Response.json({ keys: [signer.jwk] }));
    const client = await register({ jwksUrl });
    expect((await members(await assertion(client.id, signer))).status).toBe(200);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(String(fetchSpy.mock.calls[0]![0])).toBe(jwksUrl);
    expect(fetchSpy.mock.calls[0]![1]).toMatchObject({ redirect: "manual" });

    // Cached per isolate: a second call fetches nothing.
    expect((await members(await assertion(client.id, signer))).status).toBe(200);
    expect(fetchSpy).toHaveBeenCalledTimes(1);

    await expectProblem(
      await call(`/v1/clients/${client.id}/keys`, "POST", { jwk: signer.jwk }),
      409,
      "conflict",
    );

    const allowlist = h.platform.jwksHostAllowlist;
    h.platform.jwksHostAllowlist = [];
    try {
      await expectProblem(await members(await assertion(client.id, signer)), 401, "unauthorized");
    } finally {
      h.platform.jwksHostAllowlist = allowlist;
    }
  });

  it("refuse tokens when the JWKS endpoint fails", async () => {
    const signer = await newSigner("remote-2");
    vi.spyOn(globalThis, "fetch").mockImplementation(
      async () => new Response("no", { status: 500 }),
    );
    const client = await register({ jwksUrl: `https://${jwksHost}/down/jwks.json` });
    await expectProblem(await members(await assertion(client.id, signer)), 401, "unauthorized");
  });
});
