import { and, eq, gt, isNull } from "drizzle-orm";
import { emailTokens, type Member, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { MailMessage } from "../../../../shared/src/platform/mail";
import { hashToken, newOpaqueToken } from "../../../../shared/src/security/opaque-tokens";
import type { OrgCtx } from "../../http/app-env";

/** Single-use links sent by email: how long each kind stays valid, and where it leads. */
const purposes = {
  password_reset: { ttlMs: 60 * 60 * 1000, link: "reset-password", outboxKey: "password-reset" },
  email_change: { ttlMs: 24 * 60 * 60 * 1000, link: "confirm-email", outboxKey: "email-change" },
} as const;

export type EmailTokenPurpose = keyof typeof purposes;
type EmailTokenRow = typeof emailTokens.$inferSelect;

/**
 * Stores a new token together with the email composed around its link (an outbox row keyed
 * by the token's id): both exist or neither, and the email goes out after the response.
 */
export async function issueEmailToken(
  ctx: OrgCtx,
  opts: {
    memberId: string;
    purpose: EmailTokenPurpose;
    newEmail?: string;
    compose: (link: { url: string; expiresAt: Date }) => MailMessage;
  },
): Promise<void> {
  const { token, hash } = await newOpaqueToken();
  const id = crypto.randomUUID();
  const { ttlMs, link, outboxKey } = purposes[opts.purpose];
  const expiresAt = new Date(ctx.now.getTime() + ttlMs);
  const url = ctx.links.email(link, token);
  const email = await ctx.outbox.email(opts.compose({ url, expiresAt }), `${outboxKey}:${id}`);
  await ctx.db.batch([
    ctx.db.insert(emailTokens).values({
      id,
      memberId: opts.memberId,
      purpose: opts.purpose,
      newEmail: opts.newEmail ?? null,
      tokenHash: hash,
      createdAt: ctx.now,
      expiresAt,
    }),
    ...email,
  ]);
}

const linkInvalid = () =>
  new AppError("not_found", "This link is invalid, already used or expired; ask for a new one.");

/** The unused, unexpired token of that purpose, or 404. */
async function findOpenEmailToken(
  ctx: OrgCtx,
  token: string,
  purpose: EmailTokenPurpose,
): Promise<EmailTokenRow> {
  const [row] = await ctx.db
    .select()
    .from(emailTokens)
    .where(eq(emailTokens.tokenHash, await hashToken(token)));
  if (!row || row.purpose !== purpose || row.usedAt) throw linkInvalid();
  if (row.expiresAt.getTime() <= ctx.now.getTime()) throw linkInvalid();
  return row;
}

/** An open link and the member it was sent to, who must still be active; otherwise 404 `gone`. */
export async function openEmailLink(
  ctx: OrgCtx,
  token: string,
  purpose: EmailTokenPurpose,
  gone: string,
): Promise<{ link: EmailTokenRow; member: Member }> {
  const link = await findOpenEmailToken(ctx, token, purpose);
  const [member] = await ctx.db.select().from(members).where(eq(members.id, link.memberId));
  if (member?.status !== "active") throw new AppError("not_found", gone);
  return { link, member };
}

/**
 * Spends the token inside the caller's transaction; of two concurrent uses only one gets
 * here, the other gets 404 and its transaction rolls back.
 */
export async function spendEmailToken(
  db: Pick<TenantDb, "update">,
  row: EmailTokenRow,
  now: Date,
): Promise<void> {
  const [spent] = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(eq(emailTokens.id, row.id), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)),
    )
    .returning({ id: emailTokens.id });
  if (!spent) throw linkInvalid();
}

/** Once one link of a kind has done its job, the member's other open links of that kind stop. */
export function retireOpenEmailTokens(
  db: Pick<TenantDb, "update">,
  memberId: string,
  purpose: EmailTokenPurpose,
  now: Date,
) {
  return db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.memberId, memberId),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
      ),
    );
}
