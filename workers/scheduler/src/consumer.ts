import * as v from "valibot";
import { deliverTenant, type SchedulerDeps, sweepTenant } from "./sweep";

// Checked rather than trusted: a queue outlives deployments, so it may hold messages written
// by an older build (sweeps without `kind` or `full`) or by none.
const schedulerMessage = v.union([
  v.object({ kind: v.literal("deliver"), tenantId: v.pipe(v.string(), v.nonEmpty()) }),
  v.object({
    kind: v.optional(v.literal("sweep")),
    tenantId: v.pipe(v.string(), v.nonEmpty()),
    tick: v.pipe(v.string(), v.isoTimestamp()),
    full: v.optional(v.boolean()),
  }),
]);

/**
 * One queue message, the same on the Worker and the Node host: a sweep (which delivers the
 * tenant's outbox too) or a delivery. Throws to ask the queue for a retry; a message nobody
 * can read is logged and dropped, since retrying it cannot help.
 */
export async function runSchedulerMessage(deps: SchedulerDeps, body: unknown): Promise<void> {
  const parsed = v.safeParse(schedulerMessage, body);
  if (!parsed.success) {
    deps.log.error("unreadable scheduler message dropped", {
      problems: parsed.issues.map((i) => i.message),
    });
    return;
  }
  const message = parsed.output;
  if (message.kind === "deliver") {
    const outcome = await deliverTenant(deps, message.tenantId);
    if (outcome !== "skipped" && outcome.sent + outcome.retrying + outcome.dead === 0) return;
    deps.log.info("outbox delivered", { tenantId: message.tenantId, outcome });
    return;
  }
  const { tenantId, tick, full } = message;
  const outcome = await sweepTenant(deps, {
    tenantId,
    tick,
    ...(full === undefined ? {} : { full }),
  });
  deps.log.info("tenant swept", { tenantId, full: full ?? true, outcome });
}
