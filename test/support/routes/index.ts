import { asc, eq, inArray } from "drizzle-orm";
import { integrationClients } from "../../../db/control/schema";
import { emailTokens, invitations, members, refreshTokens } from "../../../db/tenant/schema";
import type {
  OrgRouteSpec,
  PlainRoute,
  RouteCtx,
  RouteSpec,
  RouteTable,
  Target,
} from "../security-suite";
import { enrollmentRouteSpecs } from "./enrollments";
import { outboxRouteSpecs } from "./outbox";
import { programRouteSpecs } from "./programs";
import { trainingRouteSpecs } from "./training";

/**
 * Every route of the API, for the security suite (test/support/security-suite.ts). A route
 * added to the app without a row here fails "the route table" check: add its row with a valid
 * body, who may call it and what it changes, and every security check then covers it.
 */

// Snapshots: the rows a call would change, read straight from the databases.

async function memberState({ org }: Pick<RouteCtx, "org">, id: string) {
  const [member] = await org.db.select().from(members).where(eq(members.id, id));
  const sessions = await org.db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.memberId, id))
    .orderBy(asc(refreshTokens.id));
  return { member: member ?? null, sessions };
}

async function invitationsFor({ org }: Pick<RouteCtx, "org">, emails: string[]) {
  return {
    invitations: await org.db
      .select()
      .from(invitations)
      .where(inArray(invitations.email, emails))
      .orderBy(asc(invitations.id)),
    members: await org.db
      .select()
      .from(members)
      .where(inArray(members.email, emails))
      .orderBy(asc(members.id)),
  };
}

async function invitationState(target: Target) {
  const [row] = await target.org.db
    .select()
    .from(invitations)
    .where(eq(invitations.id, target.params.invitationId!));
  return { row: row ?? null, ...(row ? await invitationsFor(target, [row.email]) : {}) };
}

async function clientRow({ env }: Pick<RouteCtx, "env">, id: string) {
  const [row] = await env.h.platform.control
    .select()
    .from(integrationClients)
    .where(eq(integrationClients.id, id));
  return row ?? null;
}

const bodyOf = (target: Target) => target.body as Record<string, unknown>;

// Bodies and targets.

const freshActiveMember = async ({ env, org }: RouteCtx) => ({
  memberId: (await env.addMember(org)).id,
});

const freshInvitation = async ({ env, org }: RouteCtx) => ({
  invitationId: (await env.invite(org)).id,
});

const freshClient = async ({ env, org }: RouteCtx) => ({
  clientId: (await env.registerClient(org, ["members:read"])).id,
});

const inviteeEmail = ({ env, org }: RouteCtx) => `${env.unique("invitee")}@${org.slug}.test`;

/** Keys an admin must never be able to register. */
async function badJwks({ env }: RouteCtx) {
  const { privateJwk, publicJwk } = await env.keyPair();
  return {
    "a private key": privateJwk,
    "a symmetric key": { kty: "oct", k: "c2VjcmV0LXNlY3JldC1zZWNyZXQ" },
    "an EC key on another curve": { ...publicJwk, crv: "P-384" },
    "a key for encryption": { ...publicJwk, use: "enc" },
    "a point not on the curve": { ...publicJwk, y: publicJwk.x },
  };
}

const me: RouteSpec[] = [
  { method: "GET", path: "/v1/me", caller: "anyMember", scope: null, success: 200 },
  {
    method: "PATCH",
    path: "/v1/me",
    caller: "anyMember",
    scope: null,
    success: 200,
    body: ({ env }) => ({ displayName: env.unique("Renamed"), timeZone: "Europe/Berlin" }),
    snapshot: (t) => memberState(t, t.caller.id),
    invalidBodies: () => ({
      "a blank display name": { displayName: "   " },
      "a display name over 100 characters": { displayName: "x".repeat(101) },
      "a control character": { displayName: "a\u0007b" },
      "an unknown time zone": { timeZone: "Mars/Olympus" },
      "an offset instead of a zone": { timeZone: "+02:00" },
    }),
  },
  {
    method: "POST",
    path: "/v1/me/password",
    caller: "anyMember",
    scope: null,
    success: 204,
    body: ({ env }) => ({
      currentPassword: env.password,
      newPassword: `${env.unique("river")} violet tandem`,
    }),
    snapshot: (t) => memberState(t, t.caller.id),
    invalidBodies: ({ env }) => ({
      "a new password below the policy": { currentPassword: env.password, newPassword: "short" },
      "a common password": { currentPassword: env.password, newPassword: "password123" },
    }),
  },
  {
    method: "POST",
    path: "/v1/me/email",
    caller: "anyMember",
    scope: null,
    success: 202,
    body: ({ env, org }) => ({
      newEmail: `${env.unique("new")}@${org.slug}.test`,
      password: env.password,
    }),
    snapshot: async (t) => ({
      ...(await memberState(t, t.caller.id)),
      links: await t.org.db
        .select()
        .from(emailTokens)
        .where(eq(emailTokens.memberId, t.caller.id))
        .orderBy(asc(emailTokens.id)),
    }),
    invalidBodies: ({ env }) => ({
      "not an email address": { newEmail: "nope", password: env.password },
    }),
  },
];

const membersRoutes: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/members",
    caller: "admin",
    scope: "members:read",
    success: 200,
    list: { paginated: true },
  },
  {
    method: "GET",
    path: "/v1/members/invitations",
    caller: "admin",
    scope: "members:read",
    success: 200,
    list: { paginated: true },
  },
  {
    method: "POST",
    path: "/v1/members/invitations",
    caller: "admin",
    scope: "members:write",
    success: 201,
    body: (ctx) => ({ email: inviteeEmail(ctx), role: "member", displayName: "New Person" }),
    snapshot: (t) => invitationsFor(t, [String(bodyOf(t).email)]),
    invalidBodies: (ctx) => ({
      "not an email address": { email: "nope" },
      "an unknown role": { email: inviteeEmail(ctx), role: "owner" },
      "a control character in the name": { email: inviteeEmail(ctx), displayName: "a\u0000b" },
      // The same bound as accepting and the profile, so an invited name always fits there.
      "a name over 100 characters": { email: inviteeEmail(ctx), displayName: "n".repeat(101) },
    }),
  },
  {
    method: "POST",
    path: "/v1/members/invitations/bulk",
    caller: "admin",
    scope: "members:write",
    success: 200,
    body: (ctx) => ({
      rows: [{ email: inviteeEmail(ctx) }, { email: inviteeEmail(ctx), role: "admin" }],
      mode: "all_or_nothing",
    }),
    snapshot: (t) => {
      const rows = bodyOf(t).rows as { email: string }[];
      return invitationsFor(
        t,
        rows.map((r) => r.email),
      );
    },
    invalidBodies: (ctx) => ({
      "rows of the wrong kinds": {
        rows: [null, 5, "x", [], { email: 12 }, { email: inviteeEmail(ctx), role: "owner" }],
        mode: "all_or_nothing",
      },
      "no rows": { rows: [], mode: "all_or_nothing" },
      "501 rows": {
        rows: Array.from({ length: 501 }, () => ({ email: inviteeEmail(ctx) })),
        mode: "all_or_nothing",
      },
      "an unknown mode": { rows: [{ email: inviteeEmail(ctx) }], mode: "some" },
      "a repeated address": {
        rows: [{ email: `twice@${ctx.org.slug}.test` }, { email: `TWICE@${ctx.org.slug}.test` }],
        mode: "all_or_nothing",
      },
    }),
  },
  {
    method: "DELETE",
    path: "/v1/members/invitations/{invitationId}",
    caller: "admin",
    scope: "members:write",
    success: 204,
    prepare: freshInvitation,
    snapshot: invitationState,
  },
  {
    method: "POST",
    path: "/v1/members/invitations/{invitationId}/resend",
    caller: "admin",
    scope: "members:write",
    success: 201,
    prepare: freshInvitation,
    snapshot: invitationState,
  },
  {
    method: "PATCH",
    path: "/v1/members/{memberId}",
    caller: "admin",
    scope: "members:write",
    success: 200,
    prepare: freshActiveMember,
    body: () => ({ role: "admin" }),
    snapshot: (t) => memberState(t, t.params.memberId!),
    invalidBodies: () => ({
      "an unknown role": { role: "owner" },
      "a role in capitals": { role: "ADMIN" },
    }),
  },
  {
    method: "POST",
    path: "/v1/members/{memberId}/deactivate",
    caller: "admin",
    scope: "members:write",
    success: 200,
    prepare: freshActiveMember,
    snapshot: (t) => memberState(t, t.params.memberId!),
  },
  {
    method: "POST",
    path: "/v1/members/{memberId}/reactivate",
    caller: "admin",
    scope: "members:write",
    success: 200,
    prepare: async ({ env, org }) => ({
      memberId: (await env.addMember(org, { status: "deactivated" })).id,
    }),
    snapshot: (t) => memberState(t, t.params.memberId!),
  },
];

const clientsRoutes: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/clients",
    caller: "admin",
    scope: null,
    success: 200,
    list: { paginated: false },
  },
  {
    method: "POST",
    path: "/v1/clients",
    caller: "admin",
    scope: null,
    success: 201,
    body: async ({ env, org }) => ({
      name: `${org.slug} ${env.unique("integration")}`,
      scopes: ["members:read", "audit:read"],
      jwk: (await env.keyPair()).publicJwk,
    }),
    snapshot: async (t) =>
      t.env.h.platform.control
        .select()
        .from(integrationClients)
        .where(eq(integrationClients.name, String(bodyOf(t).name))),
    invalidBodies: async (ctx) => {
      const { publicJwk } = await ctx.env.keyPair();
      const valid = { name: "Integration", scopes: ["members:read"], jwk: publicJwk };
      const keys = Object.entries(await badJwks(ctx)).map(([label, jwk]) => [
        label,
        { ...valid, jwk },
      ]);
      return {
        "the clients:manage scope": { ...valid, scopes: ["clients:manage"] },
        "an unknown scope": { ...valid, scopes: ["members:read", "admin"] },
        "no scope": { ...valid, scopes: [] },
        "both jwk and jwksUrl": { ...valid, jwksUrl: "https://keys.example/jwks.json" },
        "neither jwk nor jwksUrl": { name: "Integration", scopes: ["members:read"] },
        "a jwksUrl not on the allowlist": {
          name: "Integration",
          scopes: ["members:read"],
          jwksUrl: "http://169.254.169.254/latest/meta-data",
        },
        "a blank name": { ...valid, name: "   " },
        ...Object.fromEntries(keys),
      };
    },
  },
  {
    method: "POST",
    path: "/v1/clients/{clientId}/keys",
    caller: "admin",
    scope: null,
    success: 200,
    prepare: freshClient,
    body: async ({ env }) => ({ jwk: (await env.keyPair(env.unique("kid"))).publicJwk }),
    snapshot: (t) => clientRow(t, t.params.clientId!),
    invalidBodies: async (ctx) =>
      Object.fromEntries(Object.entries(await badJwks(ctx)).map(([k, jwk]) => [k, { jwk }])),
  },
  {
    method: "DELETE",
    path: "/v1/clients/{clientId}/keys/{kid}",
    caller: "admin",
    scope: null,
    success: 200,
    prepare: async ({ env, org }) => {
      const client = await env.registerClient(org, ["members:read"], { keys: 2 });
      return { clientId: client.id, kid: client.kids[0]! };
    },
    snapshot: (t) => clientRow(t, t.params.clientId!),
  },
  {
    method: "POST",
    path: "/v1/clients/{clientId}/revoke",
    caller: "admin",
    scope: null,
    success: 200,
    prepare: freshClient,
    snapshot: (t) => clientRow(t, t.params.clientId!),
  },
];

const audit: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/audit",
    caller: "admin",
    scope: "audit:read",
    success: 200,
    list: { paginated: true },
  },
];

const auth = "/v1/orgs/{slug}/auth";
const someToken = "x".repeat(43);
const somePassword = "violet tandem river 42";

export const orgRoutes: OrgRouteSpec[] = [
  { method: "GET", path: `${auth}/organization` },
  {
    method: "POST",
    path: `${auth}/login`,
    body: () => ({ email: "someone@example.test", password: somePassword }),
  },
  { method: "POST", path: `${auth}/refresh`, cookie: true },
  { method: "POST", path: `${auth}/logout`, cookie: true },
  { method: "POST", path: `${auth}/invitations/lookup`, body: () => ({ token: someToken }) },
  {
    method: "POST",
    path: `${auth}/invitations/accept`,
    body: () => ({ token: someToken, password: somePassword, displayName: "New Person" }),
  },
  { method: "POST", path: `${auth}/password-reset`, body: () => ({ email: "a@example.test" }) },
  {
    method: "POST",
    path: `${auth}/password-reset/confirm`,
    body: () => ({ token: someToken, password: somePassword }),
  },
  { method: "POST", path: `${auth}/email-change/confirm`, body: () => ({ token: someToken }) },
];

export const publicRoutes: PlainRoute[] = [
  { method: "GET", path: "/healthz" },
  { method: "GET", path: "/.well-known/jwks.json" },
  { method: "GET", path: "/openapi.json" },
];

/** Behind OPERATOR_TOKEN: no member or integration credential may reach them. */
export const operatorRoutes: PlainRoute[] = [
  { method: "GET", path: "/operator/v1/tenants" },
  { method: "POST", path: "/operator/v1/tenants" },
  { method: "POST", path: "/operator/v1/tenants/{slug}/admin-invitations" },
  { method: "POST", path: "/operator/v1/tenants/{slug}/suspend" },
  { method: "POST", path: "/operator/v1/tenants/{slug}/resume" },
  { method: "POST", path: "/operator/v1/migrate" },
];

export const routeTable: RouteTable = {
  authenticated: [
    ...me,
    ...membersRoutes,
    ...clientsRoutes,
    ...audit,
    ...programRouteSpecs,
    ...enrollmentRouteSpecs,
    ...trainingRouteSpecs,
    ...outboxRouteSpecs,
  ],
  org: orgRoutes,
  public: publicRoutes,
  operator: operatorRoutes,
};
