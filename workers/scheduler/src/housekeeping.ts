import { and, eq, lt } from "drizzle-orm";
import {
  clientTokenIds,
  emailTokens,
  idempotentRequests,
  loginThrottle,
  outbox,
  refreshTokens,
} from "../../../db/tenant/schema";
import type { TenantDb } from "../../shared/src/platform/db";

const day = 24 * 60 * 60 * 1000;

/** How long a sent outbox row stays visible to admins (and its key keeps deduplicating). */
export const sentOutboxRetentionMs = 30 * day;

/**
 * Removes what can no longer matter, so these tables grow with current activity rather than
 * with history: sign-in throttle windows long over, expired refresh tokens (an expired
 * token is refused whatever its family), email links a day past their expiry, integration
 * token ids whose token can no longer be accepted, bulk writes' idempotency keys past their
 * 24 hours, and outbox rows sent more than 30 days
 * ago (failed ones stay until an admin retries them). Each delete reads an index on its time
 * column.
 */
export async function pruneTenant(db: TenantDb, now: Date): Promise<void> {
  await db.batch([
    db
      .delete(loginThrottle)
      .where(lt(loginThrottle.windowStartedAt, new Date(now.getTime() - day))),
    db.delete(refreshTokens).where(lt(refreshTokens.expiresAt, now)),
    db.delete(emailTokens).where(lt(emailTokens.expiresAt, new Date(now.getTime() - day))),
    db.delete(clientTokenIds).where(lt(clientTokenIds.expiresAt, now)),
    db.delete(idempotentRequests).where(lt(idempotentRequests.expiresAt, now)),
    db
      .delete(outbox)
      .where(
        and(
          lt(outbox.sentAt, new Date(now.getTime() - sentOutboxRetentionMs)),
          eq(outbox.status, "sent"),
        ),
      ),
  ]);
}
