import { and, eq, isNull, ne } from "drizzle-orm";
import { refreshTokens } from "../../../../../db/tenant/schema";
import type { TenantDb } from "../../../../shared/src/platform/db";

/**
 * Ends every session of a member: deactivation, password change and password reset call it.
 * Access tokens stop working at once too, because each request checks the member's status;
 * after a password change or reset the member's existing access tokens live out their minutes.
 * `db` may be an open transaction, so the revocation commits with the change that caused it;
 * `exceptSession` spares one sign-in (the one changing its own password).
 */
export async function revokeMemberSessions(
  db: Pick<TenantDb, "update">,
  memberId: string,
  now: Date,
  opts: { exceptSession?: string | undefined } = {},
): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(refreshTokens.memberId, memberId),
        isNull(refreshTokens.revokedAt),
        opts.exceptSession ? ne(refreshTokens.familyId, opts.exceptSession) : undefined,
      ),
    );
}
