import type { webhookTargets } from "../../../../../db/tenant/schema";
import type { WebhookTargetView } from "../../../../shared/src/contracts/webhooks";
import { unseal } from "../../../../shared/src/platform/seal";
import { maskedUrl } from "./url";

export type WebhookTargetRow = typeof webhookTargets.$inferSelect;

/** A target as admins see it: its URL masked, its secret never. */
export async function webhookTargetView(
  sealKey: string,
  row: WebhookTargetRow,
): Promise<WebhookTargetView> {
  return {
    id: row.id,
    name: row.name,
    maskedUrl: maskedUrl(await unseal(sealKey, row.urlSealed)),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
