import { asc, count, eq, max } from "drizzle-orm";
import {
  base64url,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
  SignJWT,
} from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { integrationClients, tenants } from "../../db/control/schema";
import {
  auditLog,
  emailTokens,
  invitations,
  loginThrottle,
  type Member,
  members,
  outbox,
  refreshTokens,
} from "../../db/tenant/schema";
import type { DevMailbox } from "../../host/dev-mailbox";
import { maxBodyBytes } from "../../workers/api/src/app";
import type { TenantDb } from "../../workers/shared/src/platform/db";
import { signAccessToken } from "../../workers/shared/src/security/access-tokens";
import { type ClientScope, clientScopes } from "../../workers/shared/src/security/actor";
import { hashToken } from "../../workers/shared/src/security/opaque-tokens";
import { hashPassword } from "../../workers/shared/src/security/passwords";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "./node-harness";
import { expectProblem } from "./problem";

// ---------------------------------------------------------------------------------------------
// What a route table is made of
// ---------------------------------------------------------------------------------------------

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type Role = "admin" | "member";

/**
 * Who may call a route:
 * - `admin`: organization admins, and integrations holding the route's `scope`;
 * - `member`: every active member, and integrations holding the route's `scope`;
 * - `anyMember`: every active member acting on their own data; never an integration.
 */
export type Caller = "admin" | "member" | "anyMember";

export interface MemberRef {
  id: string;
  email: string;
  role: Role;
}

export interface ClientFixture {
  id: string;
  tenantId: string;
  scopes: readonly ClientScope[];
  /** The key assertions are signed with, and its kid. */
  kid: string;
  key: CryptoKey;
  /** Every registered kid, oldest first. */
  kids: string[];
}

/** The integrations every organization gets; the suite expects each to hold exactly these. */
export const clientGrants = {
  full: [...clientScopes],
  membersRead: ["members:read"],
  auditOnly: ["audit:read"],
} as const satisfies Record<string, readonly ClientScope[]>;
export type ClientKind = keyof typeof clientGrants;

export interface OrgFixture {
  slug: string;
  tenantId: string;
  db: TenantDb;
  admin: MemberRef;
  /** A plain member: the caller of the 403 checks. Read-only, like every shared fixture. */
  member: MemberRef;
  /** A second plain member, for routes that act on someone. */
  other: MemberRef;
  deactivated: MemberRef;
  invited: MemberRef;
  invitation: { id: string; email: string };
  clients: Record<ClientKind, ClientFixture> & { revoked: ClientFixture };
  /**
   * Strings only this organization's data contains: its slug (in every email and name the
   * suite creates) and the ids of its fixtures. Another organization's answers never hold one.
   */
  markers: string[];
}

export interface RouteCtx {
  env: SuiteEnv;
  org: OrgFixture;
  /** The member the call is made as (for /v1/me, whose data it touches). */
  caller: MemberRef;
}

export type Params = Record<string, string>;

/** A call ready to be made: where the placeholders point, and the body to send. */
export interface Target extends RouteCtx {
  params: Params;
  /** Undefined when the route takes no body. */
  body: unknown;
}

export interface RouteSpec {
  method: Method;
  /** With `{placeholders}`, e.g. `/v1/members/{memberId}/deactivate`. */
  path: string;
  caller: Caller;
  /** The scope that lets an integration call it; null when integrations never may. */
  scope: ClientScope | null;
  /** What an allowed caller gets for the body `body` builds. */
  success: number;
  /** A GET answering `{ items }` of the organization; `paginated` lists take limit/cursor. */
  list?: { paginated: boolean };
  /**
   * Creates what the call acts on in `ctx.org` and names it by placeholder. Called before
   * every call of a route that changes state, so each check has its own victim.
   */
  prepare?(ctx: RouteCtx): Promise<Params>;
  /** A VALID body for the prepared target; routes without one take no body. */
  body?(ctx: RouteCtx & { params: Params }): unknown | Promise<unknown>;
  /**
   * Reads the rows the call would change. Required for every route that is not a GET:
   * a refused call leaves it equal, a successful one changes it.
   */
  snapshot?(target: Target): Promise<unknown>;
  /** Bodies of the right overall shape that are still invalid: each must be a 400. */
  invalidBodies?(ctx: RouteCtx): Record<string, unknown> | Promise<Record<string, unknown>>;
  /**
   * Checks this route is known to fail, by title, with the finding that explains it. They run
   * as `it.fails`, so fixing the route makes them fail until their entry here is removed.
   */
  knownFailures?: Record<string, string>;
  /** Answers the same for every organization (built-in templates): no rows to isolate. */
  sameForEveryOrganization?: boolean;
}

/** An unauthenticated organization route, `/v1/orgs/{slug}/auth/...`. */
export interface OrgRouteSpec {
  method: Method;
  path: string;
  /** A body of the right shape (its values need not lead anywhere). */
  body?(): Record<string, unknown>;
  /** Acts on the refresh cookie alone: JSON and same-origin requests only. */
  cookie?: boolean;
}

/** A route outside the member/integration world: public, or behind OPERATOR_TOKEN. */
export interface PlainRoute {
  method: Method;
  path: string;
}

export interface RouteTable {
  authenticated: RouteSpec[];
  org: OrgRouteSpec[];
  public: PlainRoute[];
  operator: PlainRoute[];
}

// ---------------------------------------------------------------------------------------------
// The environment: one harness, two organizations, a clock the suite moves
// ---------------------------------------------------------------------------------------------

export interface Clock {
  readonly now: Date;
  advance(ms: number): void;
  /** `now` in whole seconds, as JWTs count. */
  seconds(): number;
}

interface CraftOptions {
  claims?: JWTPayload;
  header?: Record<string, unknown>;
  key?: CryptoKey | Uint8Array;
}

interface SendOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** The whole Authorization header, for malformed ones. */
  authorization?: string;
  /** Sent as JSON with its content type. */
  json?: unknown;
  /** Sent as is. */
  body?: BodyInit;
  headers?: Record<string, string>;
}

export interface SuiteEnv {
  h: Harness;
  clock: Clock;
  /** Every member the suite creates has this password. */
  password: string;
  a: OrgFixture;
  b: OrgFixture;
  unique(prefix: string): string;
  addMember(org: OrgFixture, opts?: { role?: Role; status?: Member["status"] }): Promise<MemberRef>;
  /** A pending invitation, made through the API by the organization's admin. */
  invite(org: OrgFixture): Promise<{ id: string; email: string }>;
  registerClient(
    org: OrgFixture,
    scopes: readonly ClientScope[],
    opts?: { keys?: number },
  ): Promise<ClientFixture>;
  keyPair(kid?: string): Promise<{ publicJwk: JWK; privateJwk: JWK; key: CryptoKey }>;
  /** A genuine access token, as sign-in would issue it (the platform's key, now). */
  memberToken(org: OrgFixture, member: MemberRef): Promise<string>;
  /** A genuine client assertion, fresh jti; `opts` change one thing for attacks. */
  clientToken(client: ClientFixture, opts?: CraftOptions): Promise<string>;
  /** Everything of the organization a call could change, tenant database and control rows. */
  orgSnapshot(org: OrgFixture): Promise<unknown>;
  send(method: string, path: string, opts?: SendOptions): Promise<Response>;
}

const withoutUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function sign(claims: JWTPayload, header: Record<string, unknown>, key: CryptoKey | Uint8Array) {
  return new SignJWT(withoutUndefined(claims))
    .setProtectedHeader(withoutUndefined(header) as JWTHeaderParameters)
    .sign(key);
}

const encodePart = (value: unknown) =>
  base64url.encode(new TextEncoder().encode(JSON.stringify(value)));

async function startEnv(): Promise<SuiteEnv> {
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

    send(method, path, opts = {}) {
      const headers = new Headers(opts.headers);
      if (opts.token !== undefined) headers.set("authorization", `Bearer ${opts.token}`);
      if (opts.authorization !== undefined) headers.set("authorization", opts.authorization);
      let body = opts.body;
      if (opts.json !== undefined) {
        body = JSON.stringify(opts.json);
        if (!headers.has("content-type")) headers.set("content-type", "application/json");
      }
      return Promise.resolve(h.app.request(path, { method, headers, body: body ?? null }));
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

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Asserts the status, showing the body when it differs (a 500's requestId, a 400's errors). */
export async function expectStatus(res: Response, status: number): Promise<void> {
  if (res.status !== status) {
    const text = await res.clone().text();
    expect({ status: res.status, body: text.slice(0, 2000) }).toMatchObject({ status });
  }
}

const placeholderPattern = /\{([^}/]+)\}/g;

export function placeholders(path: string): string[] {
  return [...path.matchAll(placeholderPattern)].map((m) => m[1]!);
}

function fill(path: string, params: Params): string {
  return path.replace(placeholderPattern, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path}: nothing given for {${name}}`);
    return encodeURIComponent(value);
  });
}

/** `{name}` and Hono's `:name` alike, so the table and `app.routes` compare. */
export function routeKey(method: string, path: string): string {
  return `${method} ${path.replace(/\{[^}/]+\}|:[^/]+/g, ":param")}`;
}

async function prepareTarget(
  env: SuiteEnv,
  route: RouteSpec,
  org: OrgFixture,
  caller: MemberRef,
): Promise<Target> {
  const ctx = { env, org, caller };
  const params = route.prepare ? await route.prepare(ctx) : {};
  const body = route.body ? await route.body({ ...ctx, params }) : undefined;
  return { ...ctx, params, body };
}

function call(
  env: SuiteEnv,
  route: RouteSpec,
  target: Target,
  opts: Omit<SendOptions, "json"> & { json?: unknown } = {},
): Promise<Response> {
  const json = "json" in opts ? opts.json : target.body;
  return env.send(route.method, fill(route.path, target.params), {
    ...opts,
    ...(opts.body === undefined && json !== undefined ? { json } : {}),
  });
}

async function snapshots(env: SuiteEnv, route: RouteSpec, target: Target) {
  return {
    route: route.snapshot ? await route.snapshot(target) : null,
    org: await env.orgSnapshot(target.org),
  };
}

/** A call the suite expects refused: the problem it gets, and nothing it could touch changed. */
async function expectRefused(
  env: SuiteEnv,
  route: RouteSpec,
  target: Target,
  send: () => Promise<Response>,
  status: number,
  code: string,
) {
  const before = await snapshots(env, route, target);
  const problem = await expectProblem(await send(), status, code);
  expect(await snapshots(env, route, target)).toEqual(before);
  return problem;
}

/** A call the suite expects to work: the route's status, and (for writes) a visible change. */
async function expectSucceeds(
  route: RouteSpec,
  target: Target,
  send: () => Promise<Response>,
): Promise<Response> {
  const before = route.snapshot ? await route.snapshot(target) : undefined;
  const res = await send();
  await expectStatus(res, route.success);
  if ((await res.clone().text()) !== "") {
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  }
  if (route.snapshot) expect(await route.snapshot(target)).not.toEqual(before);
  return res;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The valid body with every top-level value replaced by one of another JSON type. */
function wrongTypes(body: Record<string, unknown>): Record<string, unknown> {
  const swap = (value: unknown) =>
    typeof value === "string"
      ? 12345
      : typeof value === "number" || typeof value === "boolean"
        ? "not a number"
        : Array.isArray(value)
          ? "not a list"
          : "not an object";
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, swap(v)]));
}

/** A fresh member of the role that may call the route, so its own data is untouched by others. */
function freshCaller(env: SuiteEnv, route: RouteSpec, org: OrgFixture): Promise<MemberRef> {
  return env.addMember(org, { role: route.caller === "admin" ? "admin" : "member" });
}

function clientAllowed(route: RouteSpec, kind: ClientKind): boolean {
  if (route.caller === "anyMember" || route.scope === null) return false;
  return (clientGrants[kind] as readonly string[]).includes(route.scope);
}

/** Reads a list route to its end with a fresh credential per page. */
async function readAllPages(
  env: SuiteEnv,
  route: RouteSpec,
  credential: () => Promise<string>,
  params: Params,
): Promise<string> {
  const pages: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const query = route.list?.paginated
      ? `?limit=100${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`
      : "";
    const path = `${fill(route.path, params)}${query}`;
    const res = await env.send("GET", path, { token: await credential() });
    await expectStatus(res, 200);
    const text = await res.text();
    pages.push(text);
    const next = (JSON.parse(text) as { nextCursor?: string | null }).nextCursor;
    if (typeof next !== "string") break;
    cursor = next;
  }
  return pages.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Credentials that must never work (401)
// ---------------------------------------------------------------------------------------------

interface Attack {
  name: string;
  token(env: SuiteEnv, org: OrgFixture): Promise<string>;
  /**
   * The finding, while the API still accepts this token. Such an attack runs as `it.fails`
   * after the others, on its own victim and as a fresh admin, so what it manages to change
   * spoils no other check. Delete the field once the API is fixed.
   */
  knownFailure?: string;
}

const attackerKeys = (() => {
  let keys: Promise<{ ed: CryptoKeyPair; ec: CryptoKeyPair }> | undefined;
  return () => {
    keys ??= (async () => ({
      ed: await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true }),
      ec: await generateKeyPair("ES256", { extractable: true }),
    }))();
    return keys;
  };
})();

/** Claims of the org admin's genuine access token, before an attack changes one thing. */
function memberClaims(env: SuiteEnv, org: OrgFixture, over: JWTPayload = {}): JWTPayload {
  const iat = env.clock.seconds();
  return {
    iss: env.h.platform.tokenAudience.issuer,
    aud: env.h.platform.tokenAudience.audience,
    sub: org.admin.id,
    tid: org.tenantId,
    role: "admin",
    iat,
    exp: iat + 600,
    ...over,
  };
}

function memberHeader(env: SuiteEnv, over: Record<string, unknown> = {}) {
  return { alg: "EdDSA", kid: env.h.platform.signingKeys.kid, typ: "at+jwt", ...over };
}

/** Signed with the platform's own key unless an attacker's is given. */
function craftMember(env: SuiteEnv, org: OrgFixture, opts: CraftOptions = {}): Promise<string> {
  return sign(
    memberClaims(env, org, opts.claims),
    memberHeader(env, opts.header),
    opts.key ?? env.h.platform.signingKeys.privateKey,
  );
}

function clientClaims(env: SuiteEnv, client: ClientFixture, over: JWTPayload = {}): JWTPayload {
  const iat = env.clock.seconds();
  return {
    iss: client.id,
    sub: client.id,
    aud: env.h.platform.tokenAudience.audience,
    iat,
    exp: iat + 120,
    jti: crypto.randomUUID(),
    ...over,
  };
}

const evilUrl = "https://attacker.example/jwks.json";

export const attacks: Attack[] = [
  {
    name: "member token: alg none, unsigned",
    token: async (env, org) =>
      `${encodePart(memberHeader(env, { alg: "none" }))}.${encodePart(memberClaims(env, org))}.`,
  },
  {
    name: "member token: HS256 keyed with the platform public key's bytes",
    token: (env, org) =>
      craftMember(env, org, {
        header: { alg: "HS256" },
        key: base64url.decode(env.h.platform.signingKeys.publicJwks[0]!.x!),
      }),
  },
  {
    name: "member token: the platform's key under an unknown kid",
    token: (env, org) => craftMember(env, org, { header: { kid: "unknown-kid" } }),
  },
  {
    name: "member token: an attacker's key under an unknown kid",
    token: async (env, org) =>
      craftMember(env, org, {
        header: { kid: "attacker" },
        key: (await attackerKeys()).ed.privateKey,
      }),
  },
  {
    name: "member token: jku header pointing at the attacker's keys",
    token: async (env, org) =>
      craftMember(env, org, {
        header: { jku: evilUrl },
        key: (await attackerKeys()).ed.privateKey,
      }),
  },
  {
    name: "member token: x5u header pointing at the attacker's certificate",
    token: async (env, org) =>
      craftMember(env, org, {
        header: { x5u: evilUrl },
        key: (await attackerKeys()).ed.privateKey,
      }),
  },
  {
    name: "member token: the attacker's own key embedded as jwk",
    token: async (env, org) => {
      const { ed } = await attackerKeys();
      const jwk = await exportJWK(ed.publicKey);
      return craftMember(env, org, { header: { jwk, kid: undefined }, key: ed.privateKey });
    },
  },
  {
    name: "member token: wrong aud",
    token: (env, org) => craftMember(env, org, { claims: { aud: "https://elsewhere.example" } }),
  },
  {
    name: "member token: wrong iss",
    token: (env, org) => craftMember(env, org, { claims: { iss: "https://evil.example" } }),
  },
  {
    name: "member token: wrong typ",
    token: (env, org) => craftMember(env, org, { header: { typ: "JWT" } }),
  },
  {
    name: "member token: no typ",
    token: (env, org) => craftMember(env, org, { header: { typ: undefined } }),
  },
  {
    name: "member token: no exp",
    token: (env, org) => craftMember(env, org, { claims: { exp: undefined } }),
  },
  {
    name: "member token: expired beyond the 30 s tolerance",
    token: (env, org) => {
      const now = env.clock.seconds();
      return craftMember(env, org, { claims: { iat: now - 1000, exp: now - 120 } });
    },
  },
  {
    name: "member token: exp a year ahead (the platform issues 15 minutes)",
    token: (env, org) => {
      const now = env.clock.seconds();
      return craftMember(env, org, { claims: { iat: now, exp: now + 365 * 86_400 } });
    },
  },
  {
    name: "member token: iat an hour in the future",
    token: (env, org) => {
      const now = env.clock.seconds();
      return craftMember(env, org, { claims: { iat: now + 3600, exp: now + 3600 + 900 } });
    },
  },
  {
    name: "member token: payload moved to another organization under the same signature",
    token: async (env, org) => {
      const [head, , signature] = (await craftMember(env, org)).split(".");
      const other = org === env.a ? env.b : env.a;
      const forged = memberClaims(env, org, { tid: other.tenantId, sub: other.admin.id });
      return `${head}.${encodePart(forged)}.${signature}`;
    },
  },
  {
    name: "member token: a deactivated member's genuine token",
    token: (env, org) => env.memberToken(org, org.deactivated),
  },
  {
    name: "member token: an invited (not yet joined) member's genuine token",
    token: (env, org) => env.memberToken(org, org.invited),
  },
  {
    name: "member token: a member who does not exist",
    token: (env, org) =>
      env.memberToken(org, { id: crypto.randomUUID(), email: "ghost@x.test", role: "admin" }),
  },
  {
    name: "member token: an organization that does not exist",
    token: (env, org) => craftMember(env, org, { claims: { tid: crypto.randomUUID() } }),
  },
  {
    name: "member token presented as a client: platform access token with iss = a client id",
    token: (env, org) =>
      signAccessToken(
        env.h.platform.signingKeys,
        { issuer: org.clients.full.id, audience: env.h.platform.tokenAudience.audience },
        { memberId: org.clients.full.id, tenantId: org.tenantId, role: "admin" },
        env.clock.now,
        120,
      ),
  },
  {
    name: "member token presented as a client: client-shaped JWT signed with the platform key",
    token: (env, org) =>
      sign(
        clientClaims(env, org.clients.full),
        { alg: "EdDSA", kid: env.h.platform.signingKeys.kid, typ: "JWT" },
        env.h.platform.signingKeys.privateKey,
      ),
  },
  {
    name: "client token: alg none, unsigned",
    token: async (env, org) =>
      `${encodePart({ alg: "none", kid: org.clients.full.kid })}.${encodePart(
        clientClaims(env, org.clients.full),
      )}.`,
  },
  {
    name: "client token: HS256 keyed with the client's public JWK",
    token: async (env, org) => {
      const jwk = await exportJWK(org.clients.full.key);
      const { d: _private, ...publicJwk } = jwk;
      return env.clientToken(org.clients.full, {
        header: { alg: "HS256" },
        key: new TextEncoder().encode(JSON.stringify(publicJwk)),
      });
    },
  },
  {
    name: "client token: an unknown kid",
    token: (env, org) => env.clientToken(org.clients.full, { header: { kid: "not-registered" } }),
  },
  {
    name: "client token: signed by an attacker under the client's kid",
    token: async (env, org) =>
      env.clientToken(org.clients.full, { key: (await attackerKeys()).ec.privateKey }),
  },
  {
    name: "client token: jku header pointing at the attacker's keys",
    token: async (env, org) =>
      env.clientToken(org.clients.full, {
        header: { jku: evilUrl },
        key: (await attackerKeys()).ec.privateKey,
      }),
  },
  {
    name: "client token: x5u header pointing at the attacker's certificate",
    token: async (env, org) =>
      env.clientToken(org.clients.full, {
        header: { x5u: evilUrl },
        key: (await attackerKeys()).ec.privateKey,
      }),
  },
  {
    name: "client token: the attacker's own key embedded as jwk",
    token: async (env, org) => {
      const { ec } = await attackerKeys();
      return env.clientToken(org.clients.full, {
        header: { jwk: await exportJWK(ec.publicKey), kid: undefined },
        key: ec.privateKey,
      });
    },
  },
  {
    name: "client token: wrong aud",
    token: (env, org) =>
      env.clientToken(org.clients.full, { claims: { aud: "https://elsewhere.example" } }),
  },
  {
    name: "client token: another organization's client as iss",
    token: (env, org) => {
      const other = org === env.a ? env.b : env.a;
      const id = other.clients.full.id;
      return env.clientToken(org.clients.full, { claims: { iss: id, sub: id } });
    },
  },
  {
    name: "client token: no exp",
    token: (env, org) => env.clientToken(org.clients.full, { claims: { exp: undefined } }),
  },
  {
    name: "client token: exp far ahead (a lifetime over 300 s)",
    token: (env, org) => {
      const now = env.clock.seconds();
      return env.clientToken(org.clients.full, { claims: { iat: now, exp: now + 86_400 } });
    },
  },
  {
    name: "client token: expired beyond the 60 s tolerance",
    token: (env, org) => {
      const now = env.clock.seconds();
      return env.clientToken(org.clients.full, { claims: { iat: now - 200, exp: now - 120 } });
    },
  },
  {
    name: "client token presented as a member: access-token claims signed with the client key",
    token: (env, org) =>
      env.clientToken(org.clients.full, {
        claims: { ...memberClaims(env, org), jti: undefined },
        header: { typ: "at+jwt" },
      }),
  },
  {
    name: "client token: a revoked client's otherwise genuine assertion",
    token: (env, org) => env.clientToken(org.clients.revoked),
  },
];

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

/**
 * Registers the security checks for every route of `table`: call it once, at the top level of
 * a test file. Fixtures are shared and read-only; checks that may change state make their own
 * victims with the route's `prepare`.
 */
export function runSecuritySuite(table: RouteTable): void {
  let shared: SuiteEnv | undefined;
  const env = () => {
    if (!shared) throw new Error("the security suite's fixtures were not set up");
    return shared;
  };
  beforeAll(async () => {
    shared = await startEnv();
  }, 60_000);
  afterAll(() => shared?.h.close());

  describe("the route table", () => tableChecks(env, table));
  for (const route of table.authenticated) {
    describe(`${route.method} ${route.path}`, () => routeChecks(env, route));
  }
  describe("organization routes without a token", () => {
    for (const route of table.org) {
      describe(`${route.method} ${route.path}`, () => orgRouteChecks(env, route));
    }
  });
  describe("operator and public routes", () => plainRouteChecks(env, table));
  describe("sessions and sign-in limits", () => sessionChecks(env));
}

function tableChecks(env: () => SuiteEnv, table: RouteTable) {
  const declared = [...table.authenticated, ...table.org, ...table.public, ...table.operator];

  it("names every route the app registers, and no route it does not", () => {
    const registered = new Set(
      // Middleware: `use` registers ALL, the body limit registers "/*" for each method.
      env()
        .h.app.routes.filter((r) => r.method !== "ALL" && r.path !== "/*")
        .map((r) => routeKey(r.method, r.path)),
    );
    const inTable = new Set(declared.map((r) => routeKey(r.method, r.path)));
    expect(
      [...registered].filter((k) => !inTable.has(k)),
      "routes missing from the table",
    ).toEqual([]);
    expect(
      [...inTable].filter((k) => !registered.has(k)),
      "table rows with no route",
    ).toEqual([]);
    expect(inTable.size, "duplicate rows").toBe(declared.length);
  });

  it("declares how each authenticated route is reached and what it changes", () => {
    for (const route of table.authenticated) {
      expect(route.path, route.path).toMatch(/^\/v1\/(?!orgs\/)/);
      if (route.method !== "GET") expect(route.snapshot, `${route.path} snapshot`).toBeDefined();
      if (placeholders(route.path).length > 0) {
        expect(route.prepare, `${route.path} prepare`).toBeDefined();
      }
      if (route.caller === "anyMember") expect(route.scope, route.path).toBeNull();
    }
    for (const route of table.org) expect(route.path).toMatch(/^\/v1\/orgs\/\{slug\}\/auth\//);
  });

  it("every known failure names a check of its route", () => {
    for (const route of table.authenticated) {
      const titles = checkTitles.get(route) ?? new Set<string>();
      const unknown = Object.keys(route.knownFailures ?? {}).filter((t) => !titles.has(t));
      expect(unknown, `${route.method} ${route.path}`).toEqual([]);
    }
  });

  it("the fixtures hold what the checks assume", async () => {
    const { a, b } = env();
    for (const org of [a, b]) {
      for (const kind of Object.keys(clientGrants) as ClientKind[]) {
        expect(org.clients[kind].scopes).toEqual(clientGrants[kind]);
      }
    }
    expect(a.markers.some((m) => b.markers.includes(m))).toBe(false);
  });
}

/** Titles of the checks registered per route, so `knownFailures` cannot name a missing one. */
const checkTitles = new Map<RouteSpec, Set<string>>();

function routeChecks(env: () => SuiteEnv, route: RouteSpec) {
  const hasParams = placeholders(route.path).length > 0;
  const clientKinds = Object.keys(clientGrants) as ClientKind[];
  const titles = new Set<string>();
  checkTitles.set(route, titles);
  const check = (title: string, fn: () => Promise<void>) => {
    titles.add(title);
    (route.knownFailures?.[title] ? it.fails : it)(title, fn);
  };

  describe("without a valid credential (401)", () => {
    let target: Target;
    let before: unknown;
    beforeAll(async () => {
      const e = env();
      target = await prepareTarget(e, route, e.a, e.a.admin);
      before = await snapshots(e, route, target);
    });

    check("no credential, another scheme, an empty or garbage bearer", async () => {
      const e = env();
      const genuine = await e.memberToken(e.a, e.a.admin);
      const headers = [
        undefined,
        `Basic ${btoa("admin:password")}`,
        "Bearer",
        "Bearer ",
        "Bearer garbage",
        "Bearer a.b.c",
        `Bearer ${genuine} ${genuine}`,
        genuine,
      ];
      for (const authorization of headers) {
        const res = await call(e, route, target, authorization ? { authorization } : {});
        await expectProblem(res, 401, "unauthorized");
      }
    });

    const refuses = async (attack: Attack, org: OrgFixture, target: Target) => {
      const e = env();
      // Any outbound request would be the server following a key URL the token chose.
      const fetchSpy = vi
        .spyOn(globalThis, "fetch")
        .mockRejectedValue(new Error("the API must not fetch while verifying a token"));
      try {
        const token = await attack.token(e, org);
        const logged = e.h.rawLogs.length;
        await expectProblem(await call(e, route, target, { token }), 401, "unauthorized");
        expect(fetchSpy).not.toHaveBeenCalled();
        // Refusals are logged with their reason; a credential itself must never be.
        const signature = token.split(".")[2] || token;
        expect(e.h.rawLogs.slice(logged).join("\n")).not.toContain(signature);
      } finally {
        fetchSpy.mockRestore();
      }
    };

    for (const attack of attacks.filter((x) => !x.knownFailure)) {
      check(attack.name, () => refuses(attack, env().a, target));
    }

    check("none of them read or changed anything", async () => {
      expect(await snapshots(env(), route, target)).toEqual(before);
    });

    for (const attack of attacks.filter((x) => x.knownFailure)) {
      it.fails(attack.name, async () => {
        const e = env();
        const admin = await e.addMember(e.a, { role: "admin" });
        const org = { ...e.a, admin };
        await refuses(attack, org, await prepareTarget(e, route, org, admin));
      });
    }
  });

  describe("authorization", () => {
    if (route.caller === "admin") {
      check("a plain member → 403, nothing changed", async () => {
        const e = env();
        const target = await prepareTarget(e, route, e.a, e.a.member);
        const token = await e.memberToken(e.a, e.a.member);
        const send = () => call(e, route, target, { token });
        await expectRefused(e, route, target, send, 403, "forbidden");
      });

      check("a member whose token claims role admin → 403 (the stored role rules)", async () => {
        const e = env();
        const target = await prepareTarget(e, route, e.a, e.a.member);
        const token = await craftMember(e, e.a, { claims: { sub: e.a.member.id } });
        const send = () => call(e, route, target, { token });
        await expectRefused(e, route, target, send, 403, "forbidden");
      });
    } else {
      check(`a plain member → ${route.success}`, async () => {
        const e = env();
        const caller = await e.addMember(e.a);
        const target = await prepareTarget(e, route, e.a, caller);
        const token = await e.memberToken(e.a, caller);
        await expectSucceeds(route, target, () => call(e, route, target, { token }));
      });
    }

    check(`an admin → ${route.success}`, async () => {
      const e = env();
      const caller = await e.addMember(e.a, { role: "admin" });
      const target = await prepareTarget(e, route, e.a, caller);
      const token = await e.memberToken(e.a, caller);
      await expectSucceeds(route, target, () => call(e, route, target, { token }));
    });

    for (const kind of clientKinds) {
      const scopes = clientGrants[kind].join(", ");
      if (clientAllowed(route, kind)) {
        check(`a client with ${scopes} → ${route.success}`, async () => {
          const e = env();
          const target = await prepareTarget(e, route, e.a, e.a.admin);
          const token = await e.clientToken(e.a.clients[kind]);
          await expectSucceeds(route, target, () => call(e, route, target, { token }));
        });
      } else {
        check(`a client with ${scopes} → 403, nothing changed`, async () => {
          const e = env();
          const target = await prepareTarget(e, route, e.a, e.a.admin);
          const token = await e.clientToken(e.a.clients[kind]);
          const send = () => call(e, route, target, { token });
          await expectRefused(e, route, target, send, 403, "forbidden");
        });
      }
    }
  });

  if (hasParams || route.method === "GET") {
    describe("tenant isolation", () => isolationChecks(env, route, check));
  }

  if (route.body) {
    describe("bad input (400, never 500)", () => badInputChecks(env, route, check));
  }

  if (route.method !== "GET") {
    check("a body over 1 MiB → 413, with or without Content-Length; nothing changed", async () => {
      const e = env();
      const caller = await freshCaller(e, route, e.a);
      const target = await prepareTarget(e, route, e.a, caller);
      const token = await e.memberToken(e.a, caller);
      const huge = JSON.stringify({ pad: "x".repeat(maxBodyBytes) });
      const headers = { "content-type": "application/json" };
      const length = { ...headers, "content-length": String(huge.length) };
      for (const h of [headers, length]) {
        const send = () => call(e, route, target, { token, body: huge, headers: h });
        await expectRefused(e, route, target, send, 413, "payload_too_large");
      }
    });
  }

  if (route.list?.paginated) {
    check("bad paging parameters → 400, never 500", async () => {
      const e = env();
      const token = await e.memberToken(e.a, e.a.admin);
      const bad = ["limit=0", "limit=101", "limit=abc", "limit=1.5", "limit=1&limit=2"];
      for (const query of [...bad, `cursor=${"x".repeat(201)}`]) {
        const res = await e.send("GET", `${route.path}?${query}`, { token });
        await expectProblem(res, 400, "validation");
      }
      // A cursor the list never handed out: an empty page or a 400, whichever the list does.
      for (const cursor of ["zzz", "-1", "1e308", "' OR 1=1 --"]) {
        const query = `cursor=${encodeURIComponent(cursor)}`;
        const res = await e.send("GET", `${route.path}?${query}`, { token });
        expect([200, 400], `${cursor} → ${res.status}`).toContain(res.status);
      }
    });
  }

  if (route.method === "GET" && route.scope !== null && route.caller !== "anyMember") {
    check("one client JWT sent 10 times at once → exactly one 200", async () => {
      const e = env();
      const target = await prepareTarget(e, route, e.a, e.a.admin);
      const token = await e.clientToken(e.a.clients.full);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => call(e, route, target, { token })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(401)]);
      for (const res of results.filter((r) => r.status === 401)) {
        await expectProblem(res, 401, "unauthorized");
      }
    });
  }
}

type Check = (title: string, fn: () => Promise<void>) => void;

function isolationChecks(env: () => SuiteEnv, route: RouteSpec, check: Check) {
  const clientKinds = Object.keys(clientGrants) as ClientKind[];
  if (route.sameForEveryOrganization) {
    check("A and B get the same answer: nothing in it belongs to an organization", async () => {
      const e = env();
      const read = async (org: OrgFixture) => {
        const res = await e.send("GET", route.path, { token: await e.memberToken(org, org.admin) });
        await expectStatus(res, 200);
        return res.text();
      };
      const [a, b] = [await read(e.a), await read(e.b)];
      expect(a).toBe(b);
      expect(e.b.markers.filter((m) => a.includes(m))).toEqual([]);
    });
  }
  if (placeholders(route.path).length > 0) {
    check("A's admin on B's ids → 404, nothing of B changed", async () => {
      const e = env();
      const target = await prepareTarget(e, route, e.b, e.b.admin);
      const token = await e.memberToken(e.a, e.a.admin);
      const send = () => call(e, route, target, { token });
      await expectRefused(e, route, target, send, 404, "not_found");
    });

    check("A's full-scope client on B's ids → 404 (403 if clients never may)", async () => {
      const e = env();
      const target = await prepareTarget(e, route, e.b, e.b.admin);
      const token = await e.clientToken(e.a.clients.full);
      const allowed = clientAllowed(route, "full");
      const send = () => call(e, route, target, { token });
      const [status, code] = allowed ? [404, "not_found"] : [403, "forbidden"];
      await expectRefused(e, route, target, send, status, code);
    });

    check("made-up ids → 404; absurd ids → 400 or 404, never 500", async () => {
      const e = env();
      const target = await prepareTarget(e, route, e.a, e.a.admin);
      const token = await e.memberToken(e.a, e.a.admin);
      const names = placeholders(route.path);
      const madeUp = Object.fromEntries(names.map((n) => [n, `nope-${crypto.randomUUID()}`]));
      const made = await call(e, route, { ...target, params: madeUp }, { token });
      await expectProblem(made, 404, "not_found");
      for (const odd of ["x".repeat(5000), "../../v1/audit", "%00", "' OR 1=1 --", "🙂"]) {
        const params = Object.fromEntries(names.map((n) => [n, odd]));
        const res = await call(e, route, { ...target, params }, { token });
        expect([400, 404], `${odd.slice(0, 20)} → ${res.status}`).toContain(res.status);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
      }
    });
  }

  if (route.method === "GET" && !route.sameForEveryOrganization) {
    check("A's credentials never see B's rows", async () => {
      const e = env();
      const credentials: [string, () => Promise<string>][] = [
        ["admin", () => e.memberToken(e.a, e.a.admin)],
      ];
      if (route.caller !== "admin") {
        credentials.push(["member", () => e.memberToken(e.a, e.a.member)]);
      }
      for (const kind of clientKinds.filter((k) => clientAllowed(route, k))) {
        credentials.push([kind, () => e.clientToken(e.a.clients[kind])]);
      }
      for (const [who, credential] of credentials) {
        // Routes under an id (a program's queue, say) read what A's own setup made for the
        // member who reads it (enrolled, where reading takes that).
        const reader = who === "member" ? e.a.member : e.a.admin;
        const { params } = await prepareTarget(e, route, e.a, reader);
        const text = await readAllPages(e, route, credential, params);
        const leaked = e.b.markers.filter((m) => text.includes(m));
        expect(leaked, `${who} read B's data`).toEqual([]);
        expect(
          e.a.markers.some((m) => text.includes(m)),
          `${who} read A's data`,
        ).toBe(true);
      }
    });
  }
}

function badInputChecks(env: () => SuiteEnv, route: RouteSpec, check: Check) {
  const asCaller = async () => {
    const e = env();
    const caller = await freshCaller(e, route, e.a);
    const target = await prepareTarget(e, route, e.a, caller);
    return { e, target, token: await e.memberToken(e.a, caller) };
  };
  const jsonHeaders = { "content-type": "application/json" };

  check("malformed JSON → 400, nothing changed", async () => {
    const { e, target, token } = await asCaller();
    const send = () => call(e, route, target, { token, body: '{"oops": ', headers: jsonHeaders });
    await expectRefused(e, route, target, send, 400, "validation");
  });

  check("every field of the wrong type → 400 naming the fields", async () => {
    const { e, target, token } = await asCaller();
    expect(isRecord(target.body), "the table's body is a JSON object").toBe(true);
    const body = target.body as Record<string, unknown>;
    const send = () => call(e, route, target, { token, json: wrongTypes(body) });
    const problem = await expectRefused(e, route, target, send, 400, "validation");
    expect(problem.errors.length).toBeGreaterThan(0);
    for (const error of problem.errors) {
      expect(error).toEqual({ field: expect.any(String), message: expect.any(String) });
    }
    const fields = problem.errors.map((err) => err.field.split(".")[0]);
    expect(
      fields.some((f) => f !== undefined && f in body),
      fields.join(),
    ).toBe(true);
  });

  for (const raw of ["null", "[]", '"text"', "42", "true"]) {
    check(`JSON ${raw} instead of an object → 400`, async () => {
      const { e, target, token } = await asCaller();
      const send = () => call(e, route, target, { token, body: raw, headers: jsonHeaders });
      await expectRefused(e, route, target, send, 400, "validation");
    });
  }

  check("invalid values (the route's own cases) → 400, nothing changed", async () => {
    const { e, target, token } = await asCaller();
    const cases = route.invalidBodies ? await route.invalidBodies(target) : {};
    for (const [label, json] of Object.entries(cases)) {
      const before = await snapshots(e, route, target);
      const res = await call(e, route, target, { token, json });
      expect(res.status, label).toBe(400);
      const problem = await expectProblem(res, 400, "validation");
      expect(problem.errors.length, label).toBeGreaterThan(0);
      expect(await snapshots(e, route, target), label).toEqual(before);
    }
  });

  check("extra fields naming privileges or another organization are ignored", async () => {
    const { e, target, token } = await asCaller();
    const body = target.body as Record<string, unknown>;
    const injected = {
      tenantId: e.b.tenantId,
      tid: e.b.tenantId,
      role: "admin",
      status: "active",
      id: e.b.admin.id,
      memberId: e.b.admin.id,
      clientId: e.b.clients.full.id,
      createdBy: e.b.admin.id,
      scopes: [...clientScopes, "clients:manage"],
      passwordHash: "pbkdf2-sha256$1$AAAA$AAAA",
    };
    const extras = Object.fromEntries(Object.entries(injected).filter(([k]) => !(k in body)));
    // A literal "__proto__" key too: JSON.parse keeps it as data, a careless merge would not.
    const raw = JSON.stringify({ ...extras, ...body }).replace(
      /^\{/,
      '{"__proto__":{"role":"admin","isAdmin":true},',
    );
    const bBefore = await e.orgSnapshot(e.b);
    const standing = async () =>
      e.a.db
        .select({ role: members.role, status: members.status })
        .from(members)
        .where(eq(members.id, target.caller.id));
    const callerBefore = await standing();
    const send = () => call(e, route, target, { token, body: raw, headers: jsonHeaders });
    const res = await expectSucceeds(route, target, send);
    const text = await res.text();
    expect(text).not.toContain("clients:manage");
    expect(e.b.markers.filter((m) => text.includes(m))).toEqual([]);
    expect(await standing()).toEqual(callerBefore);
    expect(await e.orgSnapshot(e.b)).toEqual(bBefore);
  });
}

function orgRouteChecks(env: () => SuiteEnv, route: OrgRouteSpec) {
  const pathOf = (slug: string) => route.path.replace("{slug}", slug);
  const jsonHeaders = { "content-type": "application/json", origin: "http://tandem.test" };
  const send = (slug: string, opts: SendOptions = {}) => {
    const base: SendOptions =
      route.method === "GET"
        ? {}
        : route.body
          ? { json: route.body(), headers: jsonHeaders }
          : { body: "{}", headers: jsonHeaders };
    // A raw body given by the check replaces the table's JSON one.
    if (opts.body !== undefined) delete base.json;
    return env().send(route.method, pathOf(slug), { ...base, ...opts });
  };

  it("an unknown or malformed organization → 404", async () => {
    for (const slug of ["sec-nowhere", "NOT_A_SLUG", "x".repeat(300)]) {
      await expectProblem(await send(slug), 404, "not_found");
    }
  });

  if (route.body) {
    const body = route.body;
    it("malformed JSON, wrong types and non-objects → 400", async () => {
      const { a } = env();
      const headers = { "content-type": "application/json" };
      const malformed = await send(a.slug, { body: '{"oops": ', headers });
      await expectProblem(malformed, 400, "validation");
      const wrong = await expectProblem(
        await send(a.slug, { json: wrongTypes(body()) }),
        400,
        "validation",
      );
      expect(wrong.errors.length).toBeGreaterThan(0);
      for (const raw of ["null", "[]", "42"]) {
        await expectProblem(await send(a.slug, { body: raw, headers }), 400, "validation");
      }
    });
  }

  if (route.method !== "GET") {
    it("a body over 1 MiB → 413", async () => {
      const { a } = env();
      const huge = JSON.stringify({ pad: "x".repeat(maxBodyBytes) });
      await expectProblem(
        await send(a.slug, { body: huge, headers: jsonHeaders }),
        413,
        "payload_too_large",
      );
    });
  }

  if (route.cookie) {
    it("acts on the cookie only for JSON from Tandem's own origin (415, 403)", async () => {
      const { a } = env();
      const plain = await send(a.slug, { headers: { "content-type": "text/plain" } });
      await expectProblem(plain, 415, "unsupported_media_type");
      const foreign = await send(a.slug, {
        headers: { "content-type": "application/json", origin: "https://evil.example" },
      });
      await expectProblem(foreign, 403, "forbidden");
    });
  }
}

function plainRouteChecks(env: () => SuiteEnv, table: RouteTable) {
  for (const route of table.operator) {
    it(`${route.method} ${route.path}: members' and clients' credentials → 401`, async () => {
      const e = env();
      const path = route.path.replace("{slug}", e.a.slug);
      const body = {
        slug: "sec-evil",
        name: "Evil",
        kind: "company",
        email: "evil@evil.test",
        adminEmail: "evil@evil.test",
      };
      const controlBefore = await e.h.platform.control.select().from(tenants);
      const credentials = [
        undefined,
        await e.memberToken(e.a, e.a.admin),
        await e.clientToken(e.a.clients.full),
      ];
      for (const token of credentials) {
        const res = await e.send(route.method, path, {
          ...(token === undefined ? {} : { token }),
          ...(route.method === "GET" ? {} : { json: body }),
        });
        await expectProblem(res, 401, "unauthorized");
      }
      expect(await e.h.platform.control.select().from(tenants)).toEqual(controlBefore);
    });
  }

  for (const route of table.public) {
    it(`${route.method} ${route.path}: public, and shows no secret`, async () => {
      const e = env();
      const res = await e.send(route.method, route.path);
      await expectStatus(res, 200);
      const body = (await res.json()) as { keys?: JWK[] };
      for (const key of body.keys ?? []) {
        for (const secret of ["d", "p", "q", "dp", "dq", "qi", "k"]) {
          expect(key, `a private member "${secret}" in the JWKS`).not.toHaveProperty(secret);
        }
      }
    });
  }
}

function sessionChecks(env: () => SuiteEnv) {
  const login = (slug: string, email: string, password: string) =>
    env().send("POST", `/v1/orgs/${slug}/auth/login`, { json: { email, password } });
  const cookieCall = (slug: string, action: string, refresh: string) =>
    env().send("POST", `/v1/orgs/${slug}/auth/${action}`, {
      body: "{}",
      headers: {
        "content-type": "application/json",
        origin: "http://tandem.test",
        cookie: `tandem_refresh=${encodeURIComponent(refresh)}`,
      },
    });
  const refreshOf = (res: Response) => {
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("tandem_refresh="));
    expect(cookie, "a refresh cookie").toBeDefined();
    return decodeURIComponent(cookie!.split(";")[0]!.slice("tandem_refresh=".length));
  };
  const signIn = async (org: OrgFixture, member: MemberRef) => {
    const res = await login(org.slug, member.email, env().password);
    await expectStatus(res, 200);
    return refreshOf(res);
  };
  const familyOf = async (org: OrgFixture, refresh: string) => {
    const tokenHash = await hashToken(refresh);
    const [row] = await org.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash));
    return row!.familyId;
  };

  it("reusing a spent refresh token revokes its whole sign-in, and only that one", async () => {
    const { a } = env();
    const m = await env().addMember(a);
    const first = await signIn(a, m);
    const phone = await signIn(a, m);
    const rotated = await cookieCall(a.slug, "refresh", first);
    await expectStatus(rotated, 200);
    const second = refreshOf(rotated);
    const family = await familyOf(a, first);

    await expectProblem(await cookieCall(a.slug, "refresh", first), 401, "unauthorized");
    await expectProblem(await cookieCall(a.slug, "refresh", second), 401, "unauthorized");
    const rows = await a.db.select().from(refreshTokens).where(eq(refreshTokens.familyId, family));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
    const reuse = await a.db.select().from(auditLog).where(eq(auditLog.subjectId, m.id));
    expect(reuse.filter((r) => r.action === "auth.refresh_reuse")).toHaveLength(1);
    expect((await cookieCall(a.slug, "refresh", phone)).status).toBe(200);
  });

  it("A's refresh token under B's slug → 401, and A's sign-in is untouched", async () => {
    const { a, b } = env();
    const m = await env().addMember(a);
    const refresh = await signIn(a, m);
    const bBefore = await env().orgSnapshot(b);
    await expectProblem(await cookieCall(b.slug, "refresh", refresh), 401, "unauthorized");
    expect((await cookieCall(b.slug, "logout", refresh)).status).toBe(204);
    expect(await env().orgSnapshot(b)).toEqual(bBefore);
    expect((await cookieCall(a.slug, "refresh", refresh)).status).toBe(200);
  });

  it("A's member cannot sign in under B's slug", async () => {
    const { a, b } = env();
    const m = await env().addMember(a);
    await expectProblem(await login(b.slug, m.email, env().password), 401, "unauthorized");
    await expectStatus(await login(a.slug, m.email, env().password), 200);
  });

  it("B's invitation link does nothing under A's slug", async () => {
    const { a, b, h } = env();
    const invitation = await env().invite(b);
    await h.deliver();
    const mailbox = h.platform.mail as DevMailbox;
    const [mail] = mailbox.list({ to: invitation.email });
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    expect(token, "the invitation link").toBeDefined();
    const aBefore = await env().orgSnapshot(a);
    for (const action of ["lookup", "accept"]) {
      const res = await env().send("POST", `/v1/orgs/${a.slug}/auth/invitations/${action}`, {
        json: { token, password: "a brand new passphrase 11" },
      });
      await expectProblem(res, 404, "not_found");
    }
    expect(await env().orgSnapshot(a)).toEqual(aBefore);
    const lookup = await env().send("POST", `/v1/orgs/${b.slug}/auth/invitations/lookup`, {
      json: { token },
    });
    await expectStatus(lookup, 200);
  });

  it("5 failed sign-ins → 429 + Retry-After, right password or not, for the window", async () => {
    const e = env();
    const m = await e.addMember(e.a);
    for (let i = 0; i < 5; i++) {
      await expectProblem(
        await login(e.a.slug, m.email, "wrong password 123"),
        401,
        "unauthorized",
      );
    }
    e.clock.advance(60_000);
    const limited = await login(e.a.slug, m.email, e.password);
    await expectProblem(limited, 429, "rate_limited");
    expect(limited.headers.get("retry-after")).toBe(String(14 * 60));
    e.clock.advance(14 * 60_000);
    await expectStatus(await login(e.a.slug, m.email, e.password), 200);
  });

  it("wrong current passwords on /v1/me/password count towards the same limit", async () => {
    const e = env();
    const m = await e.addMember(e.a);
    const change = async (currentPassword: string) =>
      e.send("POST", "/v1/me/password", {
        token: await e.memberToken(e.a, m),
        json: { currentPassword, newPassword: "a brand new passphrase 11" },
      });
    for (let i = 0; i < 5; i++) {
      await expectProblem(await change("wrong password 123"), 400, "validation");
    }
    const limited = await change(e.password);
    await expectProblem(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectProblem(await login(e.a.slug, m.email, e.password), 429, "rate_limited");
    e.clock.advance(15 * 60_000);
    await expectStatus(await login(e.a.slug, m.email, e.password), 200);
  });
}
