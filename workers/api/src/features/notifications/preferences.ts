import { and, asc, eq } from "drizzle-orm";
import { enrollments, notificationPreferences, programs } from "../../../../../db/tenant/schema";
import {
  type NotificationPreferencesInput,
  type NotificationPreferencesView,
  type PersonalChannel,
  personalChannels,
} from "../../../../shared/src/contracts/notifications";
import type { ReminderChannel } from "../../../../shared/src/domain/program-rules";
import { requireMember } from "../../../../shared/src/security/actor";
import type { OrgCtx, TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";

const personal = (channels: readonly ReminderChannel[]): PersonalChannel[] =>
  personalChannels.filter((c) => channels.includes(c));

/**
 * The channels `memberId` keeps (both until they choose) and, for each program they take part
 * in, the channels it reminds by: the sweep uses the channels both allow.
 */
export async function readPreferences(
  ctx: Pick<OrgCtx, "db">,
  memberId: string,
): Promise<NotificationPreferencesView> {
  const [kept] = await ctx.db
    .select({ channels: notificationPreferences.channels })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.memberId, memberId));
  const joined = await ctx.db
    .select({ id: programs.id, name: programs.name, rules: programs.rules })
    .from(enrollments)
    .innerJoin(programs, eq(programs.id, enrollments.programId))
    .where(and(eq(enrollments.memberId, memberId), eq(enrollments.status, "approved")))
    .orderBy(asc(programs.name), asc(programs.id));
  return {
    channels: kept ? personal(kept.channels) : [...personalChannels],
    chosen: kept !== undefined,
    programs: joined.map((p) => ({
      id: p.id,
      name: p.name,
      channels: personal(p.rules.reminders.channels),
    })),
  };
}

/** Keeps `input.channels` for `memberId`, with its audit entry, in one batch. */
export async function savePreferences(
  ctx: OrgCtx & { actor?: TenantCtx["actor"] | null },
  memberId: string,
  input: NotificationPreferencesInput,
  via: "account" | "email link",
): Promise<NotificationPreferencesView> {
  const channels = personal(input.channels);
  await ctx.db.batch([
    ctx.db
      .insert(notificationPreferences)
      .values({ memberId, channels, updatedAt: ctx.now })
      .onConflictDoUpdate({
        target: notificationPreferences.memberId,
        set: { channels, updatedAt: ctx.now },
      }),
    auditInsert(ctx, {
      action: "notification_preferences.update",
      subjectType: "member",
      subjectId: memberId,
      detail: { channels, via },
    }),
  ]);
  return readPreferences(ctx, memberId);
}

export async function getMyPreferences({ ctx }: { ctx: TenantCtx }) {
  return readPreferences(ctx, requireMember(ctx.actor).memberId);
}

export async function setMyPreferences({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: NotificationPreferencesInput;
}) {
  return savePreferences(ctx, requireMember(ctx.actor).memberId, input, "account");
}
