import type { Context, MiddlewareHandler } from "hono";
import { deliveryMessage, type Platform } from "../../../../shared/src/platform/platform";
import { findTenantBySlug } from "../../../../shared/src/tenancy/tenants";
import { afterResponse } from "../../http/after-response";
import type { AppEnv } from "../../http/app-env";

/** Asks the queue consumer to deliver this tenant's outbox now. */
export async function requestDelivery(
  platform: Pick<Platform, "sweeps">,
  tenantId: string,
): Promise<void> {
  await platform.sweeps.sendBatch([deliveryMessage(tenantId)]);
}

/**
 * After the response, asks for delivery of what this request wrote to the outbox. A nudge
 * that is lost (the queue down, the isolate gone) only delays: every sweep delivers too.
 * Operator routes name the tenant by slug; it is looked up after the response as well.
 */
export function deliverSoon(c: Context<AppEnv>, tenant: { id: string } | { slug: string }): void {
  const platform = c.get("platform");
  afterResponse(c, "outbox delivery", async () => {
    const id =
      "id" in tenant ? tenant.id : (await findTenantBySlug(platform.control, tenant.slug)).id;
    await requestDelivery(platform, id);
  });
}

/**
 * For every tenant route: once a request whose service context wrote outbox rows answered
 * 2xx, delivery is asked for. A refused or failed call committed nothing, so it asks nothing.
 */
export function deliverWrittenOutbox(): MiddlewareHandler<AppEnv> {
  return async function deliverWrittenOutbox(c, next) {
    await next();
    if (c.error || !c.res.ok || !c.get("outboxWritten")) return;
    deliverSoon(c, c.get("tenant"));
  };
}
