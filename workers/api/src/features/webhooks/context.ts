import type { Context } from "hono";
import type { AppEnv, TenantCtx } from "../../http/app-env";
import { tenantCtx } from "../../http/service-context";

/** The usual context, with the seal key (URLs and secrets are sealed) and the URL policy. */
export interface WebhooksCtx extends TenantCtx {
  sealKey: string;
  allowLocalUrls: boolean;
}

export function webhooksCtx(c: Context<AppEnv>): WebhooksCtx {
  const { sealKey, allowLocalWebhooks } = c.get("platform");
  return { ...tenantCtx(c), sealKey, allowLocalUrls: allowLocalWebhooks };
}
