import { asc, count, eq, max } from "drizzle-orm";
import { exportJWK, generateKeyPair } from "jose";
import { integrationClients } from "../../../db/control/schema";
import {
  auditLog,
  emailTokens,
  invitations,
  loginThrottle,
  members,
  outbox,
  refreshTokens,
} from "../../../db/tenant/schema";
import { signAccessToken } from "../../../workers/shared/src/security/access-tokens";
import { hashPassword } from "../../../workers/shared/src/security/passwords";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { answerCheck } from "../contract-check";
import { startHarness } from "../node-harness";
import { expectStatus } from "./helpers";
import { sign } from "./tokens";
import { type Clock, clientGrants, type OrgFixture, type SuiteEnv } from "./types";

// ---------------------------------------------------------------------------------------------
// The environment: one harness, two organizations, a clock the suite moves
// ---------------------------------------------------------------------------------------------

export async function startEnv(): Promise<SuiteEnv> {
  let current = new Date();
  const clock: Clock = {
    get now() {
      return current;
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
    seconds: () => Math.floor(current.getTime() / 1000),
  };
  const h = await startHarness({ now: () => clock.now });
  const checkAnswer = answerCheck(h.app.routes);
  const password = "violet tandem river 42";
  // One hash for every fixture member: PBKDF2 is deliberately slow, and salts do not matter here.
  const passwordHash = await hashPassword(password, h.platform.passwordPepper);
  let counter = 0;

  const env = {
    h,
    clock,
    password,
    unique: (prefix: string) => `${prefix}-${++counter}-${crypto.randomUUID().slice(0, 8)}`,

    async addMember(org, { role = "member", status = "active" } = {}) {
      const id = crypto.randomUUID();
      const email = `${env.unique("m")}@${org.slug}.test`;
      await org.db.insert(members).values({
        id,
        email,
        displayName: `${org.slug} ${role}`,
        role,
        status,
        passwordHash,
        deactivatedAt: status === "deactivated" ? clock.now : null,
        createdAt: clock.now,
        updatedAt: clock.now,
      });
      return { id, email, role };
    },

    async invite(org) {
      const email = `${env.unique("invitee")}@${org.slug}.test`;
      const res = await env.send("POST", "/v1/members/invitations", {
        token: await env.memberToken(org, org.admin),
        json: { email, displayName: `${org.slug} invitee` },
      });
      await expectStatus(res, 201);
      const view = (await res.json()) as { id: string; email: string };
      return { id: view.id, email: view.email };
    },

    async registerClient(org, scopes, { keys = 1 } = {}) {
      const token = await env.memberToken(org, org.admin);
      const first = await env.keyPair(env.unique("kid"));
      const res = await env.send("POST", "/v1/clients", {
        token,
        json: { name: `${org.slug} ${env.unique("client")}`, scopes, jwk: first.publicJwk },
      });
      await expectStatus(res, 201);
      const view = (await res.json()) as { id: string; keys: { kid: string }[] };
      const kids = [view.keys[0]!.kid];
      for (let i = 1; i < keys; i++) {
        const next = await env.keyPair(env.unique("kid"));
        const added = await env.send("POST", `/v1/clients/${view.id}/keys`, {
          token,
          json: { jwk: next.publicJwk },
        });
        await expectStatus(added, 200);
        kids.push(next.publicJwk.kid!);
      }
      return { id: view.id, tenantId: org.tenantId, scopes, kid: kids[0]!, key: first.key, kids };
    },

    async keyPair(kid) {
      const pair = await generateKeyPair("ES256", { extractable: true });
      const named = kid === undefined ? {} : { kid };
      return {
        publicJwk: { ...(await exportJWK(pair.publicKey)), ...named },
        privateJwk: { ...(await exportJWK(pair.privateKey)), ...named },
        key: pair.privateKey,
      };
    },

    memberToken: (org, member) =>
      signAccessToken(
        h.platform.signingKeys,
        h.platform.tokenAudience,
        { memberId: member.id, tenantId: org.tenantId, role: member.role },
        clock.now,
      ),

    clientToken(client, opts = {}) {
      const iat = clock.seconds();
      const claims = {
        iss: client.id,
        sub: client.id,
        aud: h.platform.tokenAudience.audience,
        iat,
        exp: iat + 120,
        jti: crypto.randomUUID(),
        ...opts.claims,
      };
      const header = { alg: "ES256", kid: client.kid, typ: "JWT", ...opts.header };
      return sign(claims, header, opts.key ?? client.key);
    },

    async orgSnapshot(org) {
      const { db } = org;
      const [audit] = await db.select({ rows: count(), last: max(auditLog.id) }).from(auditLog);
      return {
        members: await db.select().from(members).orderBy(asc(members.id)),
        invitations: await db.select().from(invitations).orderBy(asc(invitations.id)),
        refreshTokens: await db.select().from(refreshTokens).orderBy(asc(refreshTokens.id)),
        emailTokens: await db.select().from(emailTokens).orderBy(asc(emailTokens.id)),
        loginThrottle: await db.select().from(loginThrottle).orderBy(asc(loginThrottle.key)),
        // Keys only: deliveries nudged by earlier calls may still be changing rows' status.
        outbox: await db.select({ key: outbox.key }).from(outbox).orderBy(asc(outbox.key)),
        audit,
        clients: await h.platform.control
          .select()
          .from(integrationClients)
          .where(eq(integrationClients.tenantId, org.tenantId))
          .orderBy(asc(integrationClients.id)),
      };
    },

    async send(method, path, opts = {}) {
      const headers = new Headers(opts.headers);
      if (opts.token !== undefined) headers.set("authorization", `Bearer ${opts.token}`);
      if (opts.authorization !== undefined) headers.set("authorization", opts.authorization);
      let body = opts.body;
      if (opts.json !== undefined) {
        body = JSON.stringify(opts.json);
        if (!headers.has("content-type")) headers.set("content-type", "application/json");
      }
      const res = await h.app.request(path, { method, headers, body: body ?? null });
      const broken = await checkAnswer(method, path, res);
      if (broken) throw new Error(broken);
      return res;
    },
  } as SuiteEnv;

  env.a = await createOrg(env, "sec-alpha");
  env.b = await createOrg(env, "sec-bravo");
  return env;
}

async function createOrg(env: SuiteEnv, slug: string): Promise<OrgFixture> {
  const { h } = env;
  await h.createTenant(slug, `Org ${slug}`);
  const tenant = await findTenantBySlug(h.platform.control, slug);
  const org = { slug, tenantId: tenant.id, db: await h.platform.connections.db(tenant) };
  const partial = org as OrgFixture;
  partial.admin = await env.addMember(partial, { role: "admin" });
  partial.member = await env.addMember(partial);
  partial.other = await env.addMember(partial);
  partial.deactivated = await env.addMember(partial, { status: "deactivated" });
  partial.invited = await env.addMember(partial, { status: "invited" });
  partial.invitation = await env.invite(partial);
  const revoked = await env.registerClient(partial, clientGrants.full);
  partial.clients = {
    full: await env.registerClient(partial, clientGrants.full),
    membersRead: await env.registerClient(partial, clientGrants.membersRead),
    auditOnly: await env.registerClient(partial, clientGrants.auditOnly),
    revoked,
  };
  // The revoked client worked before its revocation: its refusal below is the revocation's.
  const before = await env.send("GET", "/v1/members", { token: await env.clientToken(revoked) });
  await expectStatus(before, 200);
  const revoke = await env.send("POST", `/v1/clients/${revoked.id}/revoke`, {
    token: await env.memberToken(partial, partial.admin),
  });
  await expectStatus(revoke, 200);
  partial.markers = [
    slug,
    tenant.id,
    ...[partial.admin, partial.member, partial.other, partial.deactivated, partial.invited].map(
      (m) => m.id,
    ),
    partial.invitation.id,
    ...Object.values(partial.clients).map((c) => c.id),
  ];
  return partial;
}
