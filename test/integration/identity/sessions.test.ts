import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, members, refreshTokens } from "../../../db/tenant/schema";
import { hashToken } from "../../../workers/shared/src/security/opaque-tokens";
import { hashPassword } from "../../../workers/shared/src/security/passwords";
import {
  type AuthHarness,
  cookieHeaders,
  memberRow,
  refreshSetCookie,
  refreshTokenOf,
  type SessionBody,
  startAuthHarness,
  strongPassword,
} from "../../support/auth-fixtures";
import { expectProblem } from "../../support/problem";

let h: AuthHarness;
beforeAll(async () => {
  h = await startAuthHarness();
  await h.createTenant("acme", "Acme University");
  await h.createTenant("globex", "Globex");
});
afterAll(() => h.close());

const login = (slug: string, body: unknown, headers?: Record<string, string>) =>
  h.post(`/v1/orgs/${slug}/auth/login`, body, headers);
const refresh = (slug: string, token: string | undefined, headers?: Record<string, string>) =>
  h.post(`/v1/orgs/${slug}/auth/refresh`, "{}", { ...cookieHeaders(token), ...headers });
const logout = (slug: string, token: string | undefined) =>
  h.post(`/v1/orgs/${slug}/auth/logout`, "{}", cookieHeaders(token));

async function auditActions(slug: string, subjectId?: string) {
  const rows = await (await h.db(slug)).select().from(auditLog);
  return rows.filter((r) => !subjectId || r.subjectId === subjectId);
}

describe("signing in", () => {
  it("answers a Session whose access token works on /v1/me", async () => {
    const ada = await h.addMember("acme", { email: "ada@acme.example", displayName: "Ada" });
    const res = await login("acme", { email: "ada@acme.example", password: strongPassword });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as SessionBody;
    expect(body).toMatchObject({
      expiresIn: 900,
      member: {
        id: ada.id,
        email: "ada@acme.example",
        displayName: "Ada",
        role: "member",
        status: "active",
        timeZone: "UTC",
        organization: { slug: "acme", name: "Acme University" },
      },
    });
    const me = await h.request("/v1/me", { token: body.accessToken });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: ada.id, organization: { slug: "acme" } });
    expect((await memberRow(h, "acme", ada.id)).lastSignInAt).toEqual(h.clock.now);
  });

  it("sets the refresh cookie HttpOnly, Secure, SameSite=Strict, on the auth path", async () => {
    await h.addMember("acme", { email: "cookie@acme.example" });
    const res = await login("acme", { email: "cookie@acme.example", password: strongPassword });
    const cookie = refreshSetCookie(res)!;
    const attributes = cookie.split(";").map((a) => a.trim());
    expect(attributes).toEqual(
      expect.arrayContaining([
        "HttpOnly",
        "Secure",
        "SameSite=Strict",
        "Path=/v1/orgs/acme/auth",
        "Max-Age=2592000",
      ]),
    );
    // The body never carries the refresh token; the database keeps only its hash.
    const token = refreshTokenOf(res);
    expect(JSON.stringify(await res.json())).not.toContain(token);
    const [row] = await (await h.db("acme"))
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, await hashToken(token)));
    expect(row).toMatchObject({ usedAt: null, revokedAt: null });
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(30 * 24 * 3600 * 1000);
  });

  it("finds the member whatever the email's case and surrounding spaces", async () => {
    await h.addMember("acme", { email: "grace@acme.example" });
    const res = await login("acme", { email: "  Grace@ACME.example ", password: strongPassword });
    expect(res.status).toBe(200);
  });

  it("unknown email and wrong password: the same 401 after the same hashing work", async () => {
    const linus = await h.addMember("acme", { email: "linus@acme.example" });
    const spy = vi.spyOn(crypto.subtle, "deriveBits");
    const wrong = await login("acme", {
      email: "linus@acme.example",
      password: "not the password",
    });
    const wrongCalls = spy.mock.calls.length;
    const unknown = await login("acme", { email: "nobody@acme.example", password: "whatever" });
    const unknownCalls = spy.mock.calls.length - wrongCalls;
    spy.mockRestore();
    const a = await expectProblem(wrong, 401, "unauthorized");
    const b = await expectProblem(unknown, 401, "unauthorized");
    expect(a.detail).toBe(b.detail);
    expect(wrongCalls).toBe(1);
    expect(unknownCalls).toBe(1);
    expect(refreshSetCookie(wrong)).toBeUndefined();
    const failures = (await auditActions("acme")).filter((r) => r.action === "auth.sign_in_failed");
    expect(failures.map((f) => f.detail)).toEqual(
      expect.arrayContaining([
        { email: "linus@acme.example", reason: "wrong_password" },
        { email: "nobody@acme.example", reason: "unknown_email" },
      ]),
    );
    expect(failures.find((f) => f.subjectId === linus.id)).toBeDefined();
    expect(JSON.stringify(failures)).not.toContain("not the password");
  });

  it("lets only active members with a password in", async () => {
    await h.addMember("acme", { email: "invitee@acme.example", status: "invited", password: null });
    await h.addMember("acme", { email: "gone@acme.example", status: "deactivated" });
    for (const email of ["invitee@acme.example", "gone@acme.example"]) {
      await expectProblem(
        await login("acme", { email, password: strongPassword }),
        401,
        "unauthorized",
      );
    }
  });

  it("records the sign-in in the audit log without secrets", async () => {
    const mo = await h.addMember("acme", { email: "mo@acme.example" });
    await h.signIn("acme", "mo@acme.example", strongPassword);
    const [entry] = (await auditActions("acme", mo.id)).filter((r) => r.action === "auth.sign_in");
    expect(entry).toMatchObject({ actorType: "member", actorId: mo.id, subjectType: "member" });
    expect(JSON.stringify(entry)).not.toContain(strongPassword);
  });

  it("rehashes a password stored with older parameters on the next sign-in", async () => {
    const legacy = await hashPassword(strongPassword, h.platform.passwordPepper, {
      iterations: 10_000,
    });
    const old = await h.addMember("acme", { email: "legacy@acme.example" });
    await (await h.db("acme"))
      .update(members)
      .set({ passwordHash: legacy })
      .where(eq(members.id, old.id));
    await h.signIn("acme", "legacy@acme.example", strongPassword);
    const stored = (await memberRow(h, "acme", old.id)).passwordHash!;
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$/);
    await h.signIn("acme", "legacy@acme.example", strongPassword);
  });

  it("answers 400 problems for bad JSON and missing fields, 415 for non-JSON bodies", async () => {
    await expectProblem(await login("acme", "{not json"), 400, "validation");
    const missing = await expectProblem(await login("acme", {}), 400, "validation");
    expect(missing.errors.map((e) => e.field).sort()).toEqual(["email", "password"]);
    const form = await h.request("/v1/orgs/acme/auth/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=ada%40acme.example&password=x",
    });
    await expectProblem(form, 415, "unsupported_media_type");
  });

  it("answers 404 for an unknown organization", async () => {
    const res = await login("no-such-org", { email: "ada@acme.example", password: strongPassword });
    await expectProblem(res, 404, "not_found");
  });
});

describe("refreshing", () => {
  it("rotates: a new access token and cookie, the old token spent, same sign-in", async () => {
    await h.addMember("acme", { email: "rota@acme.example" });
    const first = await h.signIn("acme", "rota@acme.example", strongPassword);
    const res = await refresh("acme", first.refresh);
    expect(res.status).toBe(200);
    const body = (await res.json()) as SessionBody;
    expect((await h.request("/v1/me", { token: body.accessToken })).status).toBe(200);
    const next = refreshTokenOf(res);
    expect(next).not.toBe(first.refresh);
    expect(refreshSetCookie(res)).toContain("Path=/v1/orgs/acme/auth");
    const db = await h.db("acme");
    const byToken = async (t: string) =>
      (
        await db
          .select()
          .from(refreshTokens)
          .where(eq(refreshTokens.tokenHash, await hashToken(t)))
      )[0]!;
    const [spent, fresh] = [await byToken(first.refresh), await byToken(next)];
    expect(spent.usedAt).not.toBeNull();
    expect(fresh).toMatchObject({ familyId: spent.familyId, usedAt: null, revokedAt: null });
  });

  it("a spent token presented again ends the sign-in: it and the newest both fail", async () => {
    const victim = await h.addMember("acme", { email: "victim@acme.example" });
    const first = await h.signIn("acme", "victim@acme.example", strongPassword);
    const second = refreshTokenOf(await refresh("acme", first.refresh));
    await expectProblem(await refresh("acme", first.refresh), 401, "unauthorized");
    await expectProblem(await refresh("acme", second), 401, "unauthorized");
    const reuse = (await auditActions("acme", victim.id)).filter(
      (r) => r.action === "auth.refresh_reuse",
    );
    expect(reuse).toHaveLength(1);
    const open = await (await h.db("acme"))
      .select()
      .from(refreshTokens)
      .where(and(eq(refreshTokens.memberId, victim.id)));
    expect(open.every((t) => t.revokedAt !== null)).toBe(true);
  });

  it("another sign-in of the same member survives a reuse in one sign-in", async () => {
    await h.addMember("acme", { email: "two@acme.example" });
    const laptop = await h.signIn("acme", "two@acme.example", strongPassword);
    const phone = await h.signIn("acme", "two@acme.example", strongPassword);
    refreshTokenOf(await refresh("acme", laptop.refresh));
    await refresh("acme", laptop.refresh);
    expect((await refresh("acme", phone.refresh)).status).toBe(200);
  });

  it("answers 401 without a cookie, to an unknown token and to a deactivated member", async () => {
    await expectProblem(await refresh("acme", undefined), 401, "unauthorized");
    await expectProblem(await refresh("acme", "made-up-token"), 401, "unauthorized");
    const leaver = await h.addMember("acme", { email: "leaver@acme.example" });
    const session = await h.signIn("acme", "leaver@acme.example", strongPassword);
    await (await h.db("acme"))
      .update(members)
      .set({ status: "deactivated" })
      .where(eq(members.id, leaver.id));
    await expectProblem(await refresh("acme", session.refresh), 401, "unauthorized");
  });

  it("refuses cookie requests that are not JSON or come from another site", async () => {
    await h.addMember("acme", { email: "csrf@acme.example" });
    const { refresh: token } = await h.signIn("acme", "csrf@acme.example", strongPassword);
    const form = await refresh("acme", token, { "content-type": "text/plain" });
    await expectProblem(form, 415, "unsupported_media_type");
    const foreign = await refresh("acme", token, { origin: "https://evil.example" });
    await expectProblem(foreign, 403, "forbidden");
    const foreignLogout = await h.post("/v1/orgs/acme/auth/logout", "{}", {
      ...cookieHeaders(token),
      origin: "null",
    });
    await expectProblem(foreignLogout, 403, "forbidden");
    // Neither refusal spent the token; a same-origin request without Origin works too.
    const { origin: _, ...withoutOrigin } = cookieHeaders(token);
    const res = await h.post("/v1/orgs/acme/auth/refresh", "{}", withoutOrigin);
    expect(res.status).toBe(200);
  });

  it("a refresh token expires after 30 days", async () => {
    await h.addMember("acme", { email: "late@acme.example" });
    const { refresh: token } = await h.signIn("acme", "late@acme.example", strongPassword);
    h.clock.advance(30 * 24 * 3600 * 1000 + 1000);
    await expectProblem(await refresh("acme", token), 401, "unauthorized");
  });
});

describe("signing out", () => {
  it("revokes the sign-in, clears the cookie and answers 204", async () => {
    const leo = await h.addMember("acme", { email: "leo@acme.example" });
    const session = await h.signIn("acme", "leo@acme.example", strongPassword);
    const rotated = refreshTokenOf(await refresh("acme", session.refresh));
    const res = await logout("acme", rotated);
    expect(res.status).toBe(204);
    const cleared = refreshSetCookie(res)!;
    expect(cleared).toMatch(/^tandem_refresh=;/);
    expect(cleared).toContain("Max-Age=0");
    expect(cleared).toContain("Path=/v1/orgs/acme/auth");
    await expectProblem(await refresh("acme", rotated), 401, "unauthorized");
    const actions = (await auditActions("acme", leo.id)).map((r) => r.action);
    expect(actions).toContain("auth.sign_out");
  });

  it("answers 204 without a cookie", async () => {
    expect((await logout("acme", undefined)).status).toBe(204);
  });
});

describe("tenant isolation", () => {
  it("credentials of one organization do not sign in at another", async () => {
    await h.addMember("acme", { email: "iso@acme.example" });
    const res = await login("globex", { email: "iso@acme.example", password: strongPassword });
    await expectProblem(res, 401, "unauthorized");
  });

  it("one organization's refresh cookie is refused on another's path, stays usable", async () => {
    await h.addMember("acme", { email: "cross@acme.example" });
    const { refresh: token } = await h.signIn("acme", "cross@acme.example", strongPassword);
    await expectProblem(await refresh("globex", token), 401, "unauthorized");
    await logout("globex", token);
    expect((await refresh("acme", token)).status).toBe(200);
  });
});

describe("GET /organization", () => {
  it("names the organization for the sign-in page", async () => {
    const res = await h.request("/v1/orgs/acme/auth/organization");
    expect(await res.json()).toEqual({ slug: "acme", name: "Acme University", kind: "university" });
  });
});
