import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { ReminderItem } from "../../../../shared/src/contracts/reminders";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { requeueDead } from "../outbox";
import { coordinatedProgram } from "./list";
import { nameItems } from "./views";
import { findWritten } from "./written";

const standingWords = { upcoming: "not written yet", waiting: "waiting to be sent", sent: "sent" };

/**
 * Sends a failed reminder again: its dead email becomes due now, attempts counted from zero,
 * recorded in the audit log in the same transaction. The caller asks for delivery.
 */
export async function retryReminder({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; key: string };
}): Promise<ReminderItem> {
  const program = await coordinatedProgram(ctx, input.programId);
  const reminder = await findWritten(ctx.db, program.id, input.key, ctx.now);
  if (!reminder) {
    throw new AppError("not_found", `This program has no reminder with the key "${input.key}".`);
  }
  const conflict = (status: keyof typeof standingWords) =>
    new AppError(
      "conflict",
      `Only a failed reminder can be sent again; this one is ${standingWords[status]}.`,
    );
  if (reminder.status !== "failed") throw conflict(reminder.status);
  await ctx.db.transaction(async (tx) => {
    const email = await requeueDead(tx, ctx.now, { key: `reminder:${reminder.key}` });
    // Retried by someone else a moment ago: nothing of this call is kept.
    if (!email) throw conflict("waiting");
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "reminder.retry",
        subjectType: "reminder",
        subjectId: reminder.key,
        detail: {
          programId: program.id,
          rule: reminder.rule,
          recipientId: reminder.recipientId,
          lastError: email.lastError,
        },
      },
    );
  });
  const updated = await findWritten(ctx.db, program.id, reminder.key, ctx.now);
  const [item] = await nameItems(ctx.db, [updated ?? reminder]);
  return item!;
}
