import type { Tenant } from "../../../db/control/schema";
import type { AccessClaims } from "../../shared/src/access-tokens";
import type { TenantDb } from "../../shared/src/db";
import type { Logger } from "../../shared/src/log";
import type { Platform } from "../../shared/src/platform";

/** The typed Hono environment every route and middleware shares. */
export interface AppEnv {
  Variables: {
    platform: Platform;
    requestId: string;
    log: Logger;
    /** Set by tenantContext on /v1 routes. */
    tenant: Tenant;
    db: TenantDb;
    actor: AccessClaims;
  };
}

/** What a service verb receives: who acts, in which tenant, on which database. */
export interface TenantCtx {
  tenant: Tenant;
  actor: AccessClaims;
  db: TenantDb;
  now: Date;
}
