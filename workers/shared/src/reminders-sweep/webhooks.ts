import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { webhookTargets } from "../../../../db/tenant/schema";
import type { Reminder } from "../domain/reminders";
import type { TenantDb } from "../platform/db";
import type { OrgLinks } from "../platform/links";
import { oneLine } from "../platform/mail";
import type { Outbox } from "../platform/outbox";
import { reminderLink } from "./deliveries";
import { reminderTitle } from "./emails";
import type { ActiveMatch } from "./snapshot";

export interface WebhookReminders {
  match: Pick<ActiveMatch, "id" | "program">;
  /** What the engine found due for the match, to whomever. */
  reminders: readonly Reminder[];
  links: OrgLinks;
}

/**
 * The posts of a match's coordinator reminders to the organization's active webhook targets,
 * when its program uses the webhook channel: one per reminder and target (not per
 * coordinator), keyed `reminder:<key>:webhook:<targetId>` so no sweep posts it twice, and
 * held until the reminder's send time. Members' own reminders never go to a shared channel:
 * what a pair is asked to do is theirs.
 */
export async function webhookReminderPosts(
  db: Pick<TenantDb, "select">,
  outbox: Outbox,
  w: WebhookReminders,
): Promise<BatchItem<"sqlite">[]> {
  if (!w.match.program.rules.reminders.channels.includes("webhook")) return [];
  const forCoordinators = w.reminders.filter((r) => r.recipientId === "coordinators");
  if (forCoordinators.length === 0) return [];
  const targets = await db
    .select({ id: webhookTargets.id })
    .from(webhookTargets)
    .where(eq(webhookTargets.status, "active"));
  const statements: BatchItem<"sqlite">[] = [];
  for (const reminder of forCoordinators) {
    const title = `${reminderTitle(reminder.rule)} in ${oneLine(w.match.program.name)}`;
    const link = reminderLink(w.links, reminder.rule, w.match.id);
    const text = `${title}\n${reminder.text}\nOpen it in Tandem: ${link}`;
    for (const target of targets) {
      statements.push(
        ...(await outbox.webhook(
          { targetId: target.id, text },
          `reminder:${reminder.key}:webhook:${target.id}`,
          title,
          { notBefore: reminder.sendAt },
        )),
      );
    }
  }
  return statements;
}
