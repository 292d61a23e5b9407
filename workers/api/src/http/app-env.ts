import type { Tenant } from "../../../../db/control/schema";
import type { TenantDb } from "../../../shared/src/platform/db";
import type { OrgLinks } from "../../../shared/src/platform/links";
import type { Logger } from "../../../shared/src/platform/log";
import type { Outbox } from "../../../shared/src/platform/outbox";
import type { Platform } from "../../../shared/src/platform/platform";
import type { Actor } from "../../../shared/src/security/actor";

/** The typed Hono environment every route and middleware shares. */
export interface AppEnv {
  Variables: {
    platform: Platform;
    requestId: string;
    log: Logger;
    /** Set by tenantContext on /v1 routes. */
    tenant: Tenant;
    db: TenantDb;
    actor: Actor;
    /** Set once the request's service context built an outbox row (deliverWrittenOutbox). */
    outboxWritten: boolean;
  };
}

/**
 * What an unauthenticated organization route (sign-in, invitations) hands its service: the
 * tenant, its database and the request's facts, never the platform's secrets. The few verbs
 * that need a secret receive it as a capability of its own (see features/identity/credentials).
 */
export interface OrgCtx {
  tenant: Tenant;
  db: TenantDb;
  now: Date;
  /** Links into the web client for this organization, as sent in emails. */
  links: OrgLinks;
  /** Where a change records the emails (and later other messages) it causes. */
  outbox: Outbox;
  log: Logger;
  /** Where the request came from, for rate limits and the audit log. */
  origin: RequestOrigin;
}

/** What a service verb receives: who acts, in which tenant, on which database. */
export interface TenantCtx extends OrgCtx {
  actor: Actor;
}

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}
