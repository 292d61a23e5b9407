import { eq } from "drizzle-orm";
import { outbox } from "../../../db/tenant/schema";
import { createOutbox } from "../../../workers/shared/src/platform/outbox";
import type { RouteCtx, RouteSpec, Target } from "../security";

/** An email that failed for good, as the deliverer leaves it: what admins retry. */
async function deadDelivery({ env, org }: RouteCtx) {
  const now = env.clock.now;
  const outboxOf = createOutbox({ db: org.db, now, sealKey: env.h.platform.sealKey });
  const key = `test-dead:${env.unique(org.slug)}`;
  const message = { to: `${env.unique("bounced")}@${org.slug}.test`, subject: "Hi", text: "…" };
  await org.db.batch([...(await outboxOf.email(message, key))]);
  const [row] = await org.db
    .update(outbox)
    .set({
      status: "dead",
      attempts: 1,
      lastError: "The email provider refused the message (422).",
    })
    .where(eq(outbox.key, key))
    .returning({ id: outbox.id });
  return { outboxId: row!.id };
}

const deliveryRow = async ({ org, params }: Target) =>
  org.db.select().from(outbox).where(eq(outbox.id, params.outboxId!));

export const outboxRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/outbox",
    caller: "admin",
    scope: null,
    success: 200,
    list: { paginated: true },
  },
  {
    method: "POST",
    path: "/v1/outbox/{outboxId}/retry",
    caller: "admin",
    scope: null,
    success: 200,
    prepare: deadDelivery,
    snapshot: deliveryRow,
  },
];
