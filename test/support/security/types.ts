import type { JWK, JWTPayload } from "jose";
import type { Member } from "../../../db/tenant/schema";
import { type ClientScope, clientScopes } from "../../../workers/shared/src/contracts/scopes";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import type { Harness } from "../node-harness";

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
  /**
   * Headers every call of the route sends, such as the `Read-Reason` a coordinator gives for
   * opening a pair's confidential records.
   */
  headers?: Record<string, string>;
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
  /**
   * Answers a bare count (the bell's unread count): no strings of either organization to look
   * for, so isolation is checked by the count, which `prepare` must move for the caller.
   */
  countOnly?: boolean;
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
// The environment: one harness, two organizations, a clock the suite moves (see fixtures.ts)
// ---------------------------------------------------------------------------------------------

export interface Clock {
  readonly now: Date;
  advance(ms: number): void;
  /** `now` in whole seconds, as JWTs count. */
  seconds(): number;
}

export interface CraftOptions {
  claims?: JWTPayload;
  header?: Record<string, unknown>;
  key?: CryptoKey | Uint8Array;
}

export interface SendOptions {
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
