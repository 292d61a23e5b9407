import type { MiddlewareHandler } from "hono";
import * as v from "valibot";
import { AppError } from "../../../shared/src/contracts/common/errors";
import { tenantSlug } from "../../../shared/src/contracts/operator";
import { findTenantBySlug } from "../../../shared/src/tenancy/tenants";
import type { AppEnv } from "../http/app-env";
import { controlUnavailable, enterTenant, evictIfBroken } from "./tenant-context";

/**
 * For the unauthenticated entry points (sign-in, invitations, password reset) that name the
 * organization by slug in the path: /v1/orgs/{slug}/auth/...
 */
export function orgBySlug(): MiddlewareHandler<AppEnv> {
  return async function orgBySlug(c, next) {
    const slug = c.req.param("slug");
    if (!v.is(tenantSlug, slug)) throw new AppError("not_found", "No such organization.");
    const tenant = await findTenantBySlug(c.get("platform").control, slug).catch((err) => {
      if (err instanceof AppError && err.code === "not_found") return null;
      throw controlUnavailable(c, err);
    });
    if (!tenant || tenant.status === "provisioning") {
      throw new AppError("not_found", "No such organization.");
    }
    try {
      await enterTenant(c, tenant);
    } catch (err) {
      evictIfBroken(c, err);
      throw err;
    }
    await next();
    evictIfBroken(c, c.error);
  };
}
