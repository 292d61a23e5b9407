import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, invitations, members } from "../../../db/tenant/schema";
import { newOpaqueToken } from "../../../workers/shared/src/security/opaque-tokens";
import {
  type AuthHarness,
  memberRow,
  refreshSetCookie,
  type SessionBody,
  startAuthHarness,
  strongPassword,
} from "../../support/auth-fixtures";
import { expectProblem } from "../../support/problem";

let h: AuthHarness;
beforeAll(async () => {
  h = await startAuthHarness();
  await h.createTenant("acme", "Acme University");
  await h.createTenant("globex");
});
afterAll(() => h.close());

const day = 24 * 3600 * 1000;

/** What the invitation side writes: an invited member and an invitation carrying a token hash. */
async function invite(
  email: string,
  opts: {
    role?: "admin" | "member";
    expiresInMs?: number;
    revoked?: boolean;
    displayName?: string;
  } = {},
) {
  const member = await h.addMember("acme", {
    email,
    status: "invited",
    password: null,
    role: opts.role ?? "member",
    displayName: "Invited person",
  });
  const { token, hash } = await newOpaqueToken();
  const id = crypto.randomUUID();
  const now = h.clock.now;
  await (await h.db("acme")).insert(invitations).values({
    id,
    email,
    role: opts.role ?? "member",
    displayName: opts.displayName ?? null,
    tokenHash: hash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + (opts.expiresInMs ?? 7 * day)),
    revokedAt: opts.revoked ? now : null,
  });
  return { token, member, invitationId: id };
}

const lookup = (token: unknown, slug = "acme") =>
  h.post(`/v1/orgs/${slug}/auth/invitations/lookup`, { token });
const accept = (body: unknown, slug = "acme") =>
  h.post(`/v1/orgs/${slug}/auth/invitations/accept`, body);

async function invitationRow(id: string) {
  const [row] = await (await h.db("acme")).select().from(invitations).where(eq(invitations.id, id));
  return row!;
}

describe("looking up an invitation", () => {
  it("shows who is invited, as what, by which organization, until when", async () => {
    const { token } = await invite("lookup@acme.example", { role: "admin" });
    const res = await lookup(token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      email: "lookup@acme.example",
      role: "admin",
      organization: { slug: "acme", name: "Acme University" },
    });
    expect(new Date(body.expiresAt as string).getTime()).toBe(h.clock.now.getTime() + 7 * day);
  });

  it("gives the name the invitation email greets, so the page can prefill it", async () => {
    const named = await invite("maya@acme.example", { displayName: "Maya Mentor" });
    expect(await (await lookup(named.token)).json()).toMatchObject({ displayName: "Maya Mentor" });
    const unnamed = await invite("nameless@acme.example");
    expect(await (await lookup(unnamed.token)).json()).toMatchObject({ displayName: null });
  });

  it("answers 404 to unknown, expired, revoked tokens and on another org's path", async () => {
    await expectProblem(await lookup("no-such-token"), 404, "not_found");
    const expired = await invite("expired-lookup@acme.example", { expiresInMs: -1 });
    await expectProblem(await lookup(expired.token), 404, "not_found");
    const revoked = await invite("revoked-lookup@acme.example", { revoked: true });
    await expectProblem(await lookup(revoked.token), 404, "not_found");
    const valid = await invite("elsewhere@acme.example");
    await expectProblem(await lookup(valid.token, "globex"), 404, "not_found");
  });

  it("answers 400 without a token", async () => {
    const body = await expectProblem(await lookup(undefined), 400, "validation");
    expect(body.errors[0]?.field).toBe("token");
  });
});

describe("accepting an invitation", () => {
  it("sets the password, activates the member, spends the invitation, signs in", async () => {
    const { token, member, invitationId } = await invite("new@acme.example", { role: "admin" });
    const res = await accept({ token, password: strongPassword, displayName: "  Noor  " });
    expect(res.status).toBe(200);
    const body = (await res.json()) as SessionBody;
    expect(body.member).toMatchObject({
      id: member.id,
      email: "new@acme.example",
      displayName: "Noor",
      role: "admin",
      status: "active",
    });
    expect(refreshSetCookie(res)).toContain("Path=/v1/orgs/acme/auth");
    expect((await h.request("/v1/me", { token: body.accessToken })).status).toBe(200);
    expect((await invitationRow(invitationId)).acceptedAt).toEqual(h.clock.now);
    const row = await memberRow(h, "acme", member.id);
    expect(row).toMatchObject({ status: "active", displayName: "Noor" });
    expect(row.passwordHash).toMatch(/^pbkdf2-sha256\$100000\$/);
    const audit = await (await h.db("acme"))
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "member.accept_invitation"));
    expect(audit.find((a) => a.subjectId === member.id)).toMatchObject({ actorId: member.id });
    expect(
      (
        await h.post("/v1/orgs/acme/auth/login", {
          email: "new@acme.example",
          password: strongPassword,
        })
      ).status,
    ).toBe(200);
  });

  it("keeps the invited name when none is given", async () => {
    const { token } = await invite("keeps@acme.example");
    const res = await accept({ token, password: strongPassword });
    expect(((await res.json()) as SessionBody).member.displayName).toBe("Invited person");
  });

  it("works once: the second accept gets 404 and changes nothing", async () => {
    const { token, member } = await invite("twice@acme.example");
    expect((await accept({ token, password: strongPassword })).status).toBe(200);
    const before = await memberRow(h, "acme", member.id);
    await expectProblem(
      await accept({ token, password: "another strong one 7" }),
      404,
      "not_found",
    );
    expect(await memberRow(h, "acme", member.id)).toEqual(before);
    await expectProblem(await lookup(token), 404, "not_found");
  });

  it("of two concurrent accepts exactly one succeeds", async () => {
    const { token } = await invite("race@acme.example");
    const results = await Promise.all([
      accept({ token, password: strongPassword }),
      accept({ token, password: strongPassword }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 404]);
  });

  it("refuses expired and revoked invitations, leaving the member invited", async () => {
    const expired = await invite("expired@acme.example", { expiresInMs: 1000 });
    h.clock.advance(2000);
    await expectProblem(
      await accept({ token: expired.token, password: strongPassword }),
      404,
      "not_found",
    );
    const revoked = await invite("revoked@acme.example", { revoked: true });
    await expectProblem(
      await accept({ token: revoked.token, password: strongPassword }),
      404,
      "not_found",
    );
    for (const { member } of [expired, revoked]) {
      expect(await memberRow(h, "acme", member.id)).toMatchObject({
        status: "invited",
        passwordHash: null,
      });
    }
  });

  it("refuses a weak password with a field error and spends nothing", async () => {
    const { token, member, invitationId } = await invite("weak@acme.example");
    for (const password of ["short", "password123", "x".repeat(201)]) {
      const body = await expectProblem(await accept({ token, password }), 400, "validation");
      expect(body.errors.map((e) => e.field)).toEqual(["password"]);
    }
    const tooLong = await expectProblem(
      await accept({ token, password: strongPassword, displayName: "n".repeat(101) }),
      400,
      "validation",
    );
    expect(tooLong.errors.map((e) => e.field)).toEqual(["displayName"]);
    expect((await invitationRow(invitationId)).acceptedAt).toBeNull();
    expect((await memberRow(h, "acme", member.id)).status).toBe("invited");
    expect((await accept({ token, password: strongPassword })).status).toBe(200);
  });

  it("refuses an invitation whose member is no longer invited", async () => {
    const { token, member } = await invite("deactivated@acme.example");
    await (await h.db("acme"))
      .update(members)
      .set({ status: "deactivated" })
      .where(eq(members.id, member.id));
    await expectProblem(await accept({ token, password: strongPassword }), 404, "not_found");
  });
});
