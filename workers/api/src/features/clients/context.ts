import type { Context } from "hono";
import type { JWK } from "jose";
import type { ControlDb } from "../../../../shared/src/platform/db";
import type { AppEnv, TenantCtx } from "../../http/app-env";
import { tenantCtx } from "../../http/service-context";

/**
 * Integration clients live in the control database (the tenant must be known before any
 * tenant database opens), so this feature's verbs get it beside the usual context.
 */
export interface ClientsCtx extends TenantCtx {
  control: ControlDb;
  /** Hosts a client's JWKS URL may point at; empty refuses JWKS URLs. */
  jwksHostAllowlist: readonly string[];
  /** The platform's public signing keys: never registrable as a client's. */
  platformKeys: readonly JWK[];
}

export function clientsCtx(c: Context<AppEnv>): ClientsCtx {
  const { control, jwksHostAllowlist, signingKeys } = c.get("platform");
  return { ...tenantCtx(c), control, jwksHostAllowlist, platformKeys: signingKeys.publicJwks };
}
