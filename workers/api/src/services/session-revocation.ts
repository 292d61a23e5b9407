import { and, eq, isNull } from "drizzle-orm";
import { refreshTokens } from "../../../../db/tenant/schema";
import type { TenantDb } from "../../../shared/src/db";

/**
 * Ends every session of a member: deactivation, password change and password reset call it.
 * Access tokens stop working at once too, because each request checks the member's status;
 * after a password change the member's own short-lived access token lives out its minutes.
 */
export async function revokeMemberSessions(
  db: TenantDb,
  memberId: string,
  now: Date,
): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.memberId, memberId), isNull(refreshTokens.revokedAt)));
}
