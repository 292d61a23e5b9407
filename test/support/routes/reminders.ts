import { eq } from "drizzle-orm";
import { outbox, reminderLog } from "../../../db/tenant/schema";
import { createOutbox } from "../../../workers/shared/src/platform/outbox";
import type { RouteCtx, RouteSpec, Target } from "../security";
import { programBase } from "./enrollments";
import { settledPair } from "./relationship/commitments";

// A pair begun 10 days ago that has not met: under the default rules (meet every 14 days)
// both are reminded to plan a meeting within the coming week, so the upcoming view names them.
const unmetPair = (ctx: RouteCtx) => settledPair(ctx, 10);

/** A reminder the sweep wrote whose email the provider refused: what a coordinator retries. */
async function failedReminder(ctx: RouteCtx) {
  const { env, org } = ctx;
  const { programId, matchId } = await unmetPair(ctx);
  const key = `commitment_due:${env.unique("commitment")}:${ctx.caller.id}:2030-03-20`;
  const now = env.clock.now;
  await org.db.insert(reminderLog).values({
    key,
    programId,
    matchId,
    rule: "commitment_due",
    recipientId: ctx.caller.id,
    channels: ["email"],
    text: "Something you committed to is due on 2030-03-20.",
    sendAt: now,
    createdAt: now,
  });
  const outboxOf = createOutbox({ db: org.db, now, sealKey: env.h.platform.sealKey });
  const message = { to: `${env.unique("bounced")}@${org.slug}.test`, subject: "Hi", text: "…" };
  await org.db.batch([...(await outboxOf.email(message, `reminder:${key}`))]);
  await org.db
    .update(outbox)
    .set({
      status: "dead",
      attempts: 1,
      lastError: "The email provider refused the message (422).",
    })
    .where(eq(outbox.key, `reminder:${key}`));
  return { programId, key };
}

const emailOf = async ({ org, params }: Target) =>
  org.db
    .select()
    .from(outbox)
    .where(eq(outbox.key, `reminder:${params.key!}`));

export const reminderRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: `${programBase}/reminders`,
    caller: "admin",
    scope: null,
    success: 200,
    list: { paginated: true },
    prepare: async (ctx) => ({ programId: (await unmetPair(ctx)).programId }),
  },
  {
    method: "POST",
    path: `${programBase}/reminders/{key}/retry`,
    caller: "admin",
    scope: null,
    success: 200,
    prepare: failedReminder,
    snapshot: emailOf,
  },
];
