import { eq } from "drizzle-orm";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrationClients } from "../../../db/control/schema";
import { auditLog, invitations, members, outbox } from "../../../db/tenant/schema";
import { DevMailbox } from "../../../host/dev-mailbox";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { MailNotSent, type MailTransport } from "../../../workers/shared/src/platform/mail";
import { hashToken } from "../../../workers/shared/src/security/opaque-tokens";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { storedJwk } from "../../support/client-keys";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

function mailbox(): DevMailbox {
  if (!(h.platform.mail instanceof DevMailbox)) throw new Error("expected the dev mailbox");
  return h.platform.mail;
}

/** A fresh organization with one signed-in admin, "Ada Admin". */
async function org(slug: string): Promise<{ token: string; db: TenantDb }> {
  await h.createTenant(slug, `${slug} University`);
  const token = await h.tokenFor(slug, { memberId: "admin-1", role: "admin" });
  const db = await h.platform.connections.db(await findTenantBySlug(h.platform.control, slug));
  await db.update(members).set({ displayName: "Ada Admin" }).where(eq(members.id, "admin-1"));
  return { token, db };
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

const invite = (token: string, body: unknown) =>
  call("/v1/members/invitations", token, "POST", body);

function linkToken(text: string, slug: string): string {
  const match = text.match(new RegExp(`http://tandem\\.test/o/${slug}/accept#token=([\\w-]+)`));
  if (!match) throw new Error(`no accept link in: ${text}`);
  return match[1]!;
}

describe("POST /v1/members/invitations", () => {
  it("creates an invited member, stores only the token's hash and emails a working link", async () => {
    const { token, db } = await org("inv-basic");
    const res = await invite(token, {
      email: "  Grace.Hopper@Example.ORG ",
      role: "admin",
      displayName: "Grace",
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toMatchObject({
      email: "grace.hopper@example.org",
      role: "admin",
      displayName: "Grace",
      invitedBy: "admin-1",
    });
    const days = (Date.parse(body.expiresAt!) - Date.parse(body.createdAt!)) / 86_400_000;
    expect(days).toBe(7);

    const [member] = await db
      .select()
      .from(members)
      .where(eq(members.email, "grace.hopper@example.org"));
    expect(member).toMatchObject({ status: "invited", role: "admin", displayName: "Grace" });
    expect(member!.passwordHash).toBeNull();

    await h.deliver();
    const [mail, ...others] = mailbox().list({ to: "grace.hopper@example.org" });
    expect(others).toEqual([]);
    expect(mail!.subject).toBe("Ada Admin invited you to inv-basic University on Tandem");
    expect(mail!.text).toContain("Ada Admin invited you to join inv-basic University on Tandem.");
    expect(mail!.text).toContain("peer mentoring");
    expect(mail!.text).toContain("You'll join as an admin");
    expect(mail!.text).toMatch(/until \d{1,2} \w+ \d{4} at \d\d:\d\d UTC/);
    const raw = linkToken(mail!.text, "inv-basic");

    const [row] = await db.select().from(invitations).where(eq(invitations.id, body.id!));
    expect(row!.tokenHash).toBe(await hashToken(raw));
    expect(JSON.stringify(row)).not.toContain(raw);
    expect(row).toMatchObject({ acceptedAt: null, revokedAt: null, invitedBy: "admin-1" });
  });

  it("defaults the role to member and the name to the address's local part", async () => {
    const { token, db } = await org("inv-defaults");
    expect((await invite(token, { email: "lin@example.org" })).status).toBe(201);
    const [member] = await db.select().from(members).where(eq(members.email, "lin@example.org"));
    expect(member).toMatchObject({ role: "member", displayName: "lin", status: "invited" });
    await h.deliver();
    const [mail] = mailbox().list({ to: "lin@example.org" });
    expect(mail!.text.startsWith("Hi,\n\n")).toBe(true);
    expect(mail!.text).not.toContain("as an admin");
  });

  it("is 409 for an active member, a pending invitation, and a deactivated member", async () => {
    const { token, db } = await org("inv-dupes");
    expect((await invite(token, { email: "twice@example.org" })).status).toBe(201);
    const again = await expectProblem(
      await invite(token, { email: "TWICE@example.org" }),
      409,
      "conflict",
    );
    expect(again.detail).toContain("pending invitation");

    const active = await expectProblem(
      await invite(token, { email: "admin-1@members.test" }),
      409,
      "conflict",
    );
    expect(active.detail).toContain("already a member");

    await h.tokenFor("inv-dupes", { memberId: "gone", role: "member" });
    await db.update(members).set({ status: "deactivated" }).where(eq(members.id, "gone"));
    const gone = await expectProblem(
      await invite(token, { email: "gone@members.test" }),
      409,
      "conflict",
    );
    expect(gone.detail).toContain("reactivate");
    await h.deliver();
    expect(mailbox().list({ to: "twice@example.org" })).toHaveLength(1);
    expect(mailbox().list({ to: "gone@members.test" })).toEqual([]);
  });

  it("reuses the invited member row once the earlier invitation has expired", async () => {
    const { token, db } = await org("inv-expired");
    const first = (await (await invite(token, { email: "late@example.org" })).json()) as {
      id: string;
    };
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, first.id));
    const res = await invite(token, { email: "late@example.org", role: "admin" });
    expect(res.status).toBe(201);
    const rows = await db.select().from(members).where(eq(members.email, "late@example.org"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "invited", role: "admin" });
  });

  it.each([
    ["a malformed address", "inv-bad-1", { email: "not-an-email" }, "email"],
    ["a missing address", "inv-bad-2", { role: "member" }, "email"],
    ["an unknown role", "inv-bad-3", { email: "ok@example.org", role: "owner" }, "role"],
    [
      "an overlong name",
      "inv-bad-4",
      { email: "a@b.org", displayName: "x".repeat(121) },
      "displayName",
    ],
  ])("%s is 400 naming the field, and nothing is written", async (_, slug, body, field) => {
    const { token, db } = await org(slug);
    const problem = await expectProblem(await invite(token, body), 400, "validation");
    expect(problem.errors.map((e) => e.field)).toEqual([field]);
    expect(await db.select().from(invitations)).toEqual([]);
  });

  it("is 403 for a plain member, and nothing is written or sent", async () => {
    const { db } = await org("inv-member");
    const token = await h.tokenFor("inv-member", { memberId: "plain", role: "member" });
    const problem = await expectProblem(
      await invite(token, { email: "friend@example.org" }),
      403,
      "forbidden",
    );
    expect(problem.detail).toBe("Only organization admins may do this.");
    expect(await db.select().from(invitations)).toEqual([]);
    await h.deliver();
    expect(mailbox().list({ to: "friend@example.org" })).toEqual([]);
  });

  it("answers 201 while email is failing: the invitation stands and its email waits", async () => {
    const { token, db } = await org("inv-mailfail");
    const real = h.platform.mail;
    const failing: MailTransport = {
      async send() {
        throw new MailNotSent("The email provider refused the message (503).", false);
      },
    };
    h.platform.mail = failing;
    let id: string;
    try {
      const res = await invite(token, { email: "unlucky@example.org" });
      expect(res.status).toBe(201);
      id = ((await res.json()) as { id: string }).id;
      await h.deliver();
    } finally {
      h.platform.mail = real;
    }
    expect(await db.select().from(invitations)).toHaveLength(1);
    expect(
      await db.select().from(auditLog).where(eq(auditLog.action, "member.invite")),
    ).toHaveLength(1);
    expect(await db.select().from(outbox)).toEqual([
      expect.objectContaining({
        key: `invitation:${id}`,
        recipient: "unlucky@example.org",
        status: "pending",
        attempts: 1,
        lastError: "The email provider refused the message (503).",
      }),
    ]);
    expect(mailbox().list({ to: "unlucky@example.org" })).toEqual([]);
  });
});

describe("an integration with members:write", () => {
  it("invites with invitedBy null and its client id in the audit entry", async () => {
    const { db } = await org("inv-client");
    const tenant = await findTenantBySlug(h.platform.control, "inv-client");
    const { privateKey, publicKey } = await generateKeyPair("ES256");
    const clientId = "cli_inviter0001";
    const now = new Date();
    await h.platform.control.insert(integrationClients).values({
      id: clientId,
      tenantId: tenant.id,
      name: "HR sync",
      scopes: ["members:write"],
      jwks: [await storedJwk(publicKey, "k1")],
      status: "active",
      createdAt: now,
      updatedAt: now,
    });
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(h.platform.tokenAudience.audience)
      .setIssuedAt()
      .setExpirationTime("2m")
      .setJti(crypto.randomUUID())
      .sign(privateKey);

    const res = await invite(assertion, { email: "hired@example.org" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ invitedBy: null });
    await h.deliver();
    const [mail] = mailbox().list({ to: "hired@example.org" });
    expect(mail!.subject).toBe("You're invited to join inv-client University on Tandem");
    expect(mail!.text).toContain("The team at inv-client University invited you");
    expect(mail!.text).toContain("ask an admin of inv-client University to send a new one");
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "member.invite"));
    expect(entry).toMatchObject({ actorType: "client", actorId: clientId });
    expect(entry!.detail).toMatchObject({ email: "hired@example.org", clientId });
  });
});

describe("pending invitations: list, revoke, resend", () => {
  it("GET lists only pending invitations", async () => {
    const { token, db } = await org("inv-list");
    for (const email of ["a@example.org", "b@example.org", "c@example.org"]) {
      expect((await invite(token, { email })).status).toBe(201);
    }
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, "b@example.org"));
    const res = await call("/v1/members/invitations?limit=1", token);
    expect(res.status).toBe(200);
    const first = (await res.json()) as { items: { email: string }[]; nextCursor: string };
    expect(first.items).toHaveLength(1);
    const rest = (await (
      await call(`/v1/members/invitations?cursor=${first.nextCursor}`, token)
    ).json()) as { items: { email: string }[]; nextCursor: null };
    const emails = [...first.items, ...rest.items].map((i) => i.email).sort();
    expect(emails).toEqual(["a@example.org", "c@example.org"]);
    expect(rest.nextCursor).toBeNull();
  });

  it("DELETE revokes the link and removes the still-invited member", async () => {
    const { token, db } = await org("inv-revoke");
    const created = (await (await invite(token, { email: "oops@example.org" })).json()) as {
      id: string;
    };
    const res = await call(`/v1/members/invitations/${created.id}`, token, "DELETE");
    expect(res.status).toBe(204);
    const [row] = await db.select().from(invitations).where(eq(invitations.id, created.id));
    expect(row!.revokedAt).toBeInstanceOf(Date);
    expect(await db.select().from(members).where(eq(members.email, "oops@example.org"))).toEqual(
      [],
    );
    const listed = (await (await call("/v1/members/invitations", token)).json()) as {
      items: unknown[];
    };
    expect(listed.items).toEqual([]);
    // Revoking again changes nothing; an unknown id is 404; the address may be invited anew.
    expect((await call(`/v1/members/invitations/${created.id}`, token, "DELETE")).status).toBe(204);
    await expectProblem(
      await call("/v1/members/invitations/no-such-id", token, "DELETE"),
      404,
      "not_found",
    );
    expect((await invite(token, { email: "oops@example.org" })).status).toBe(201);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "member.revoke_invitation"));
    expect(entry).toMatchObject({ actorId: "admin-1", subjectId: created.id });
  });

  it("DELETE of an accepted invitation is 409 and leaves the member alone", async () => {
    const { token, db } = await org("inv-accepted");
    const created = (await (await invite(token, { email: "joined@example.org" })).json()) as {
      id: string;
    };
    await db
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(eq(invitations.id, created.id));
    await db
      .update(members)
      .set({ status: "active" })
      .where(eq(members.email, "joined@example.org"));
    const problem = await expectProblem(
      await call(`/v1/members/invitations/${created.id}`, token, "DELETE"),
      409,
      "conflict",
    );
    expect(problem.detail).toContain("deactivate");
    const [member] = await db.select().from(members).where(eq(members.email, "joined@example.org"));
    expect(member!.status).toBe("active");
  });

  it("resend emails a new link and the old one stops being pending", async () => {
    const { token, db } = await org("inv-resend");
    const created = (await (await invite(token, { email: "again@example.org" })).json()) as {
      id: string;
    };
    const res = await call(`/v1/members/invitations/${created.id}/resend`, token, "POST");
    expect(res.status).toBe(201);
    const fresh = (await res.json()) as { id: string; email: string };
    expect(fresh.id).not.toBe(created.id);
    expect(fresh.email).toBe("again@example.org");

    await h.deliver();
    const [newer, older] = mailbox().list({ to: "again@example.org" });
    const [oldRow] = await db.select().from(invitations).where(eq(invitations.id, created.id));
    const [newRow] = await db.select().from(invitations).where(eq(invitations.id, fresh.id));
    expect(oldRow!.revokedAt).toBeInstanceOf(Date);
    expect(oldRow!.tokenHash).toBe(await hashToken(linkToken(older!.text, "inv-resend")));
    expect(newRow!.tokenHash).toBe(await hashToken(linkToken(newer!.text, "inv-resend")));
    expect(newRow!.revokedAt).toBeNull();
    expect(await db.select().from(members).where(eq(members.email, "again@example.org"))).toEqual([
      expect.objectContaining({ status: "invited" }),
    ]);
  });
});
