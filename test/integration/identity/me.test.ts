import { eq } from "drizzle-orm";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../db/tenant/schema";
import {
  type AuthHarness,
  cookieHeaders,
  memberRow,
  startAuthHarness,
  strongPassword,
} from "../../support/auth-fixtures";
import { expectProblem } from "../../support/problem";

let h: AuthHarness;
beforeAll(async () => {
  h = await startAuthHarness();
  await h.createTenant("acme", "Acme University");
});
afterAll(() => h.close());

const send = (method: string, path: string, token: string, body?: unknown) =>
  h.request(path, {
    method,
    token,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });

async function signedIn(email: string, displayName?: string) {
  const member = await h.addMember("acme", { email, ...(displayName ? { displayName } : {}) });
  const session = await h.signIn("acme", email, strongPassword);
  return { member, token: session.body.accessToken, refresh: session.refresh };
}

describe("GET /v1/me", () => {
  it("shows the member and their organization", async () => {
    const { member, token } = await signedIn("ada@acme.example", "Ada");
    const res = await send("GET", "/v1/me", token);
    expect(await res.json()).toEqual({
      id: member.id,
      email: "ada@acme.example",
      displayName: "Ada",
      role: "member",
      status: "active",
      timeZone: "UTC",
      organization: { slug: "acme", name: "Acme University" },
    });
  });

  it("answers 401 without a token", async () => {
    await expectProblem(await h.request("/v1/me"), 401, "unauthorized");
  });

  it("answers 403 to an integration's token", async () => {
    const keys = await generateKeyPair("ES256", { extractable: true });
    const registered = await send(
      "POST",
      "/v1/clients",
      await h.tokenFor("acme", { memberId: "admin-1", role: "admin" }),
      { name: "HR sync", scopes: ["members:read"], jwk: await exportJWK(keys.publicKey) },
    );
    expect(registered.status).toBe(201);
    const client = (await registered.json()) as { id: string; keys: { kid: string }[] };
    // Each assertion is single-use (its jti is remembered), so every call signs a new one.
    const assertion = () => {
      const iat = Math.floor(h.clock.now.getTime() / 1000);
      return new SignJWT({ jti: crypto.randomUUID() })
        .setProtectedHeader({ alg: "ES256", kid: client.keys[0]!.kid })
        .setIssuer(client.id)
        .setSubject(client.id)
        .setAudience(h.platform.tokenAudience.audience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + 120)
        .sign(keys.privateKey);
    };
    expect((await send("GET", "/v1/members", await assertion())).status).toBe(200);
    await expectProblem(await send("GET", "/v1/me", await assertion()), 403, "forbidden");
  });
});

describe("PATCH /v1/me", () => {
  it("changes the display name and time zone, in canonical spelling", async () => {
    const { member, token } = await signedIn("bo@acme.example");
    const res = await send("PATCH", "/v1/me", token, {
      displayName: "  Bo Lindqvist ",
      timeZone: "europe/stockholm",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      displayName: "Bo Lindqvist",
      timeZone: "Europe/Stockholm",
    });
    expect(await memberRow(h, "acme", member.id)).toMatchObject({
      displayName: "Bo Lindqvist",
      timeZone: "Europe/Stockholm",
    });
  });

  it("accepts UTC and leaves fields not sent as they are", async () => {
    const { token } = await signedIn("cy@acme.example", "Cy");
    const res = await send("PATCH", "/v1/me", token, { timeZone: "UTC" });
    expect(await res.json()).toMatchObject({ displayName: "Cy", timeZone: "UTC" });
    expect((await send("PATCH", "/v1/me", token, {})).status).toBe(200);
  });

  it("refuses an invalid time zone or name with field errors, changing nothing", async () => {
    const { member, token } = await signedIn("di@acme.example", "Di");
    for (const timeZone of ["Mars/Olympus_Mons", "+02:00", "", "Europe/../etc"]) {
      const res = await send("PATCH", "/v1/me", token, { displayName: "Changed", timeZone });
      const body = await expectProblem(res, 400, "validation");
      expect(body.errors.map((e) => e.field)).toEqual(["timeZone"]);
    }
    for (const displayName of ["   ", "x".repeat(101), "tab\tname", 42]) {
      const res = await send("PATCH", "/v1/me", token, { displayName });
      const body = await expectProblem(res, 400, "validation");
      expect(body.errors.map((e) => e.field)).toEqual(["displayName"]);
    }
    expect(await memberRow(h, "acme", member.id)).toMatchObject({
      displayName: "Di",
      timeZone: "UTC",
    });
  });

  it("answers 400 to malformed JSON", async () => {
    const { token } = await signedIn("ed@acme.example");
    await expectProblem(await send("PATCH", "/v1/me", token, "{oops"), 400, "validation");
  });
});

describe("POST /v1/me/password", () => {
  const newPassword = "a different long secret 5";

  it("changes the password, keeps this sign-in and ends the others", async () => {
    const here = await signedIn("fay@acme.example");
    const elsewhere = await h.signIn("acme", "fay@acme.example", strongPassword);
    const res = await send("POST", "/v1/me/password", here.token, {
      currentPassword: strongPassword,
      newPassword,
    });
    expect(res.status).toBe(204);
    const refresh = (token: string) =>
      h.post("/v1/orgs/acme/auth/refresh", "{}", cookieHeaders(token));
    expect((await refresh(here.refresh)).status).toBe(200);
    await expectProblem(await refresh(elsewhere.refresh), 401, "unauthorized");
    await expectProblem(
      await h.post("/v1/orgs/acme/auth/login", {
        email: "fay@acme.example",
        password: strongPassword,
      }),
      401,
      "unauthorized",
    );
    await h.signIn("acme", "fay@acme.example", newPassword);
    const audit = await (await h.db("acme"))
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "member.password_change"));
    expect(audit.filter((a) => a.subjectId === here.member.id)).toHaveLength(1);
  });

  it("needs the current password and a new one that meets the policy", async () => {
    const { member, token } = await signedIn("gil@acme.example");
    const before = (await memberRow(h, "acme", member.id)).passwordHash;
    const wrong = await send("POST", "/v1/me/password", token, {
      currentPassword: "not it at all",
      newPassword,
    });
    expect((await expectProblem(wrong, 400, "validation")).errors).toEqual([
      { field: "currentPassword", message: "That is not your current password." },
    ]);
    const weak = await send("POST", "/v1/me/password", token, {
      currentPassword: strongPassword,
      newPassword: "iloveyou123",
    });
    expect((await expectProblem(weak, 400, "validation")).errors.map((e) => e.field)).toEqual([
      "newPassword",
    ]);
    const missing = await send("POST", "/v1/me/password", token, {});
    expect((await expectProblem(missing, 400, "validation")).errors.map((e) => e.field)).toEqual([
      "currentPassword",
      "newPassword",
    ]);
    expect((await memberRow(h, "acme", member.id)).passwordHash).toBe(before);
  });

  it("limits guesses of the current password like sign-in does", async () => {
    const { token } = await signedIn("hal@acme.example");
    for (let i = 0; i < 5; i++) {
      await send("POST", "/v1/me/password", token, { currentPassword: `guess ${i}`, newPassword });
    }
    const res = await send("POST", "/v1/me/password", token, {
      currentPassword: strongPassword,
      newPassword,
    });
    await expectProblem(res, 429, "rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
