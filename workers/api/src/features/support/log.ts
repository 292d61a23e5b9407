import { desc, eq } from "drizzle-orm";
import { supportContacts } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  SupportContactInput,
  SupportContactView,
  SupportLog,
} from "../../../../shared/src/contracts/stewardship/support";
import { dayIn } from "../../../../shared/src/domain/check-in-periods";
import { contactStanding } from "../../../../shared/src/domain/stewardship";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { auditInsert } from "../audit";
import { displayNames } from "../matches";
import { openPair, type Pair } from "../pairs";
import { menteeTimeZone } from "./time-zone";

type SupportContact = typeof supportContacts.$inferSelect;

/** The latest zone on Earth: a day that has begun anywhere is not in the future. */
const earliestZone = "Pacific/Kiritimati";

async function openSupportedPair(ctx: TenantCtx, matchId: string): Promise<Pair> {
  const pair = await openPair(ctx, matchId);
  if (pair.match.activatedAt === null) {
    throw new AppError("conflict", "This match has not begun; there is no pair to support yet.");
  }
  return pair;
}

/** A coordinator logs a contact with a pair, or with one of its two people. */
export async function logSupportContact({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string } & SupportContactInput;
}): Promise<SupportContactView> {
  const pair = await openSupportedPair(ctx, input.matchId);
  if (input.contactedOn > dayIn(ctx.now, earliestZone)) {
    throw invalidField(
      "contactedOn",
      "contactedOn is still to come; log a contact once it happened.",
    );
  }
  const memberId = input.memberId ?? null;
  if (memberId !== null && memberId !== pair.mentorId && memberId !== pair.menteeId) {
    throw invalidField("memberId", "memberId must be the mentor or the mentee of this match.");
  }
  const row: SupportContact = {
    id: `sup_${crypto.randomUUID().replaceAll("-", "")}`,
    matchId: pair.match.id,
    programId: pair.match.programId,
    coordinatorId: pair.actorId,
    memberId,
    channel: input.channel,
    contactedOn: input.contactedOn,
    note: input.note,
    followUp: input.followUp || null,
    createdAt: ctx.now,
  };
  await ctx.db.batch([
    ctx.db.insert(supportContacts).values(row),
    auditInsert(ctx, {
      action: "support_contact.logged",
      subjectType: "match",
      subjectId: pair.match.id,
      detail: { contactId: row.id, channel: row.channel, contactedOn: row.contactedOn },
    }),
  ]);
  const [view] = await contactViews(ctx, [row]);
  return view!;
}

/** A pair's support log, most recent first, with when the next contact is due. */
export async function listSupportContacts({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string };
}): Promise<SupportLog> {
  const pair = await openSupportedPair(ctx, input.matchId);
  const rows = await ctx.db
    .select()
    .from(supportContacts)
    .where(eq(supportContacts.matchId, pair.match.id))
    .orderBy(desc(supportContacts.contactedOn), desc(supportContacts.createdAt));
  const items = await contactViews(ctx, rows);
  if (pair.match.status !== "active") return { items, nextDueOn: null, daysOverdue: 0 };
  const timeZone = await menteeTimeZone(ctx.db, pair.menteeId);
  const standing = contactStanding(
    dayIn(pair.match.activatedAt!, timeZone),
    pair.program.rules.coordinatorContact,
    rows.map((r) => r.contactedOn),
    dayIn(ctx.now, timeZone),
  );
  return { items, nextDueOn: standing.dueOn, daysOverdue: standing.daysOverdue };
}

async function contactViews(
  ctx: TenantCtx,
  rows: readonly SupportContact[],
): Promise<SupportContactView[]> {
  const names = await displayNames(
    ctx.db,
    rows.flatMap((r) => [r.coordinatorId, ...(r.memberId ? [r.memberId] : [])]),
  );
  const person = (memberId: string) => ({ memberId, displayName: names.get(memberId) ?? "" });
  return rows.map((r) => ({
    id: r.id,
    matchId: r.matchId,
    contactedOn: r.contactedOn,
    channel: r.channel,
    member: r.memberId ? person(r.memberId) : null,
    coordinator: person(r.coordinatorId),
    note: r.note,
    followUp: r.followUp,
    createdAt: r.createdAt.toISOString(),
  }));
}
