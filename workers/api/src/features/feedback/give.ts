import { and, eq, inArray } from "drizzle-orm";
import { feedback, meetings, members } from "../../../../../db/tenant/schema";
import type {
  FeedbackInput,
  FeedbackView,
} from "../../../../shared/src/contracts/relationship/feedback";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { requireAgreement } from "../agreements";
import { auditInsert } from "../audit";
import { openPair, partnerOf, requireActive, requirePairMember } from "../pairs";
import { feedbackEmail } from "./emails";
import { feedbackView } from "./views";

/**
 * One of the pair tells the other what works and how they could support them better. The
 * recipient is emailed that it arrived (not what it says); coordinators read the text only
 * if its author shares it with them.
 */
export async function giveFeedback({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: FeedbackInput & { matchId: string };
}): Promise<FeedbackView> {
  const pair = await openPair(ctx, input.matchId);
  const role = requirePairMember(pair);
  requireActive(pair);
  await requireAgreement(ctx.db, pair);
  if (input.meetingId !== undefined) {
    const [held] = await ctx.db
      .select({ id: meetings.id })
      .from(meetings)
      .where(
        and(
          eq(meetings.id, input.meetingId),
          eq(meetings.matchId, pair.match.id),
          eq(meetings.status, "held"),
        ),
      );
    if (!held) {
      throw invalidField("meetingId", "meetingId must name a meeting the two of you held.");
    }
  }
  const recipientId = partnerOf(pair);
  const people = await ctx.db
    .select({ id: members.id, email: members.email, displayName: members.displayName })
    .from(members)
    .where(inArray(members.id, [pair.actorId, recipientId]));
  const author = people.find((p) => p.id === pair.actorId);
  const recipient = people.find((p) => p.id === recipientId);
  const id = `fbk_${crypto.randomUUID().replaceAll("-", "")}`;
  const row = {
    id,
    matchId: pair.match.id,
    meetingId: input.meetingId ?? null,
    authorId: pair.actorId,
    recipientId,
    answers: input.answers,
    note: input.note,
    sharedWithCoordinators: input.shareWithCoordinators,
    createdAt: ctx.now,
  };
  const email = recipient
    ? await ctx.outbox.email(
        feedbackEmail({
          to: recipient,
          from: { displayName: author?.displayName ?? "", role },
          orgName: ctx.tenant.name,
          programName: pair.program.name,
          link: ctx.links.program(pair.program.id),
        }),
        `feedback:${id}`,
      )
    : [];
  await ctx.db.batch([
    ctx.db.insert(feedback).values(row),
    auditInsert(ctx, {
      action: "feedback.give",
      subjectType: "feedback",
      subjectId: id,
      // Never the text: the audit log is read by admins the author may not have shared it with.
      detail: { matchId: pair.match.id, shared: input.shareWithCoordinators },
    }),
    ...email,
  ]);
  return feedbackView(pair, row);
}
