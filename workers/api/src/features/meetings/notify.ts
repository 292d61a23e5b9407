import type { TenantCtx } from "../../http/app-env";
import type { Pair } from "../pairs";
import { type MeetingChange, meetingEmail } from "./emails";
import { type Meeting, peopleOf } from "./store";

/**
 * The outbox rows telling the pair about a change: the other person when one of the pair made
 * it, both when an integration did. Keyed by meeting and sequence, so a retried request never
 * emails twice while every real change is told.
 */
export async function meetingNotices(
  ctx: TenantCtx,
  pair: Pair,
  meeting: Meeting,
  change: MeetingChange,
  previousStart?: Date,
) {
  const people = await peopleOf(ctx.db, [pair.mentorId, pair.menteeId]);
  const actor = people.get(pair.actorId);
  const recipients = [pair.mentorId, pair.menteeId].filter((id) => id !== pair.actorId);
  const notices = [];
  for (const id of recipients) {
    const to = people.get(id);
    if (!to) continue;
    const [email] = await ctx.outbox.email(
      meetingEmail({
        change,
        to,
        by: actor?.displayName ?? pair.program.name,
        meeting,
        ...(previousStart ? { previousStart } : {}),
        orgName: ctx.tenant.name,
        programName: pair.program.name,
        link: ctx.links.program(pair.program.id),
      }),
      `meeting-${change}:${meeting.id}:${meeting.sequence}:${id}`,
    );
    notices.push(email);
  }
  return notices;
}
