import { concerns } from "../../../../../db/tenant/schema";
import type {
  ConcernView,
  RaiseConcernInput,
} from "../../../../shared/src/contracts/stewardship/concerns";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { openPair, requirePairMember } from "../pairs";
import { coordinatorsToTell } from "../program-coordinators";
import { concernRaisedEmail } from "./emails";
import { concernView } from "./views";

/**
 * One person of a pair raises a concern with the program's coordinators: whatever the state of
 * the agreement or the match (a closed match too), since a worry cannot wait for paperwork.
 * The program's coordinators are emailed that one was raised and how urgent it is (an urgent
 * one says so in the subject); never the partner, even one who is an admin.
 */
export async function raiseConcern({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: RaiseConcernInput & { matchId: string };
}): Promise<ConcernView> {
  const pair = await openPair(ctx, input.matchId);
  const role = requirePairMember(pair);
  const id = `cnc_${crypto.randomUUID().replaceAll("-", "")}`;
  const row = {
    id,
    matchId: pair.match.id,
    programId: pair.program.id,
    raisedBy: pair.actorId,
    urgency: input.urgency,
    whatHappened: input.whatHappened,
    wantsContact: input.wantsContact,
    status: "open" as const,
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    resolution: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  // The program's coordinators (its assigned ones, or every admin), never the pair itself.
  const coordinators = (await coordinatorsToTell(ctx.db, pair.program.id)).filter(
    (c) => c.id !== pair.mentorId && c.id !== pair.menteeId,
  );
  const emails = await Promise.all(
    coordinators.map((coordinator) =>
      ctx.outbox.email(
        concernRaisedEmail({
          coordinator,
          orgName: ctx.tenant.name,
          programName: pair.program.name,
          urgency: input.urgency,
          wantsContact: input.wantsContact,
          link: ctx.links.program(pair.program.id),
        }),
        `concern:${id}:${coordinator.id}`,
      ),
    ),
  );
  await ctx.db.batch([
    ctx.db.insert(concerns).values(row),
    auditInsert(ctx, {
      action: "concern.raise",
      subjectType: "concern",
      subjectId: id,
      // Never what happened: the audit log is read more widely than the concern.
      detail: { matchId: pair.match.id, urgency: input.urgency, wantsContact: input.wantsContact },
    }),
    ...emails.flat(),
  ]);
  return concernView(row, role, null);
}
