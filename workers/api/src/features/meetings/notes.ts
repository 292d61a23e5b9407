import { eq } from "drizzle-orm";
import { meetingPrivateNotes, meetings } from "../../../../../db/tenant/schema";
import type {
  MeetingView,
  NotesInput,
} from "../../../../shared/src/contracts/relationship/meetings";
import type { TenantCtx } from "../../http/app-env";
import { requireActive, requirePairMember } from "../pairs";
import { findMeeting, openMeeting } from "./store";
import { meetingViews } from "./views";

type NoteInput = NotesInput & { matchId: string; meetingId: string };

// Notes are the pair's own space: neither their text nor the fact of an edit goes to the audit
// log, which coordinators read (the visibility table gives coordinators no notes at all).

/** The notes both people of the pair keep together; the last save wins. */
export async function writeSharedNotes({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: NoteInput;
}): Promise<MeetingView> {
  const { pair, meeting } = await openMeeting(ctx, input);
  requirePairMember(pair);
  requireActive(pair);
  await ctx.db
    .update(meetings)
    .set({ sharedNotes: input.text, updatedAt: ctx.now })
    .where(eq(meetings.id, meeting.id));
  const [view] = await meetingViews(ctx, pair, [await findMeeting(ctx.db, pair, meeting.id)]);
  return view!;
}

/**
 * A note for its author alone: the other person, coordinators, integrations and exports never
 * read it. Only the author's own row is ever written or read.
 */
export async function writePrivateNote({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: NoteInput;
}): Promise<MeetingView> {
  const { pair, meeting } = await openMeeting(ctx, input);
  requirePairMember(pair);
  requireActive(pair);
  await ctx.db
    .insert(meetingPrivateNotes)
    .values({ meetingId: meeting.id, authorId: pair.actorId, text: input.text, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: [meetingPrivateNotes.meetingId, meetingPrivateNotes.authorId],
      set: { text: input.text, updatedAt: ctx.now },
    });
  const [view] = await meetingViews(ctx, pair, [meeting]);
  return view!;
}
