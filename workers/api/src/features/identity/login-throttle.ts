import { eq, sql } from "drizzle-orm";
import { loginThrottle } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { OrgCtx } from "../../http/app-env";

/**
 * Password checks counted per account and per client address in fixed 15-minute windows.
 * Every attempt is counted before its password is checked, so a burst of parallel guesses
 * cannot all slip past the limit; a correct password then gives its attempt back.
 */
export const throttleWindowMs = 15 * 60 * 1000;
const limits = { account: 5, ip: 20 } as const;

interface ThrottleKey {
  key: string;
  limit: number;
}

type ThrottleCtx = Pick<OrgCtx, "db" | "now" | "origin">;

const accountKey = (email: string) => `account:${email}`;

export function throttleKeys(ctx: ThrottleCtx, email: string): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: accountKey(email), limit: limits.account }];
  if (ctx.origin.ip) keys.push({ key: `ip:${ctx.origin.ip}`, limit: limits.ip });
  return keys;
}

/**
 * Counts one attempt against every key (a key whose window has ended starts a new one at 1),
 * then answers 429 with Retry-After (seconds until the window ends) if any key is now over.
 */
export async function countAttempt(ctx: ThrottleCtx, keys: ThrottleKey[]): Promise<void> {
  const now = ctx.now.getTime();
  const windowEndedBefore = now - throttleWindowMs;
  const [first, ...rest] = keys.map(({ key }) =>
    ctx.db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: ctx.now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} <= ${windowEndedBefore}
            then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} <= ${windowEndedBefore}
            then ${now} else ${loginThrottle.windowStartedAt} end`,
        },
      })
      .returning(),
  );
  const counted = (await ctx.db.batch([first!, ...rest])).flat();
  let retryAfterMs = 0;
  for (const row of counted) {
    const limit = keys.find((k) => k.key === row.key)?.limit ?? 0;
    if (row.failures > limit) {
      retryAfterMs = Math.max(retryAfterMs, row.windowStartedAt.getTime() + throttleWindowMs - now);
    }
  }
  if (retryAfterMs > 0) {
    throw new AppError("rate_limited", "Too many failed password attempts; try again later.", {
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    });
  }
}

/** After a correct password: the account starts afresh and the address gets its attempt back. */
export function forgiveAttemptStatements(
  db: Pick<TenantDb, "delete" | "update">,
  keys: ThrottleKey[],
) {
  return keys.map(({ key }) =>
    key.startsWith("account:")
      ? db.delete(loginThrottle).where(eq(loginThrottle.key, key))
      : db
          .update(loginThrottle)
          .set({ failures: sql`max(${loginThrottle.failures} - 1, 0)` })
          .where(eq(loginThrottle.key, key)),
  );
}

/** Proving the mailbox (a password reset) is as good as signing in for the account's count. */
export function clearAccountStatement(db: Pick<TenantDb, "delete">, email: string) {
  return db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey(email)));
}
