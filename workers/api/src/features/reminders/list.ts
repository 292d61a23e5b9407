import type { RemindersPage, ReminderView } from "../../../../shared/src/contracts/reminders";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { requireProgramCoordinator } from "../program-coordinators";
import { findProgram } from "../programs";
import { upcomingPage, upcomingStart, upcomingWindow } from "./upcoming";
import { nameItems } from "./views";
import { writtenPage, writtenStart } from "./written";

/** The program, when the caller coordinates it (admins, while it has no named coordinators). */
export async function coordinatedProgram(ctx: TenantCtx, programId: string) {
  authorize(ctx.actor, "reminders:manage");
  const program = await findProgram(ctx.db, programId);
  await requireProgramCoordinator(ctx, program.id);
  return program;
}

/**
 * A program's reminders for its coordinators: what the next days bring (forecast from the
 * pairs as they stand), what waits to be sent, what went and what failed. A cursor is read
 * first, so one this list never handed out is a 400 whatever the program.
 */
export async function listReminders({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; view: ReminderView; limit: number; cursor?: string | undefined };
}): Promise<RemindersPage> {
  const { view, limit, cursor } = input;
  if (view === "upcoming") {
    const start = upcomingStart(cursor);
    const program = await coordinatedProgram(ctx, input.programId);
    const page = await upcomingPage(ctx, program, { limit, start });
    const { from, until } = upcomingWindow(ctx.now);
    return {
      view,
      window: { from: from.toISOString(), until: until.toISOString() },
      items: await nameItems(ctx.db, page.items),
      nextCursor: page.nextCursor,
    };
  }
  const start = writtenStart(cursor);
  const program = await coordinatedProgram(ctx, input.programId);
  const page = await writtenPage(ctx.db, program.id, view, { limit, start, now: ctx.now });
  return {
    view,
    window: null,
    items: await nameItems(ctx.db, page.items),
    nextCursor: page.nextCursor,
  };
}
