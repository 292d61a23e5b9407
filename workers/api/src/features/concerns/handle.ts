import { and, eq } from "drizzle-orm";
import { concernNotes, concerns, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { ConcernView } from "../../../../shared/src/contracts/stewardship/concerns";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { openPair, type Pair } from "../pairs";
import { concernResolvedEmail } from "./emails";
import { type Concern, concernView, notesOf, raisedAs } from "./views";

type ConcernRef = { matchId: string; concernId: string };

/**
 * The concern a coordinator handles, in the match named. A coordinator who is one of the pair
 * does not handle a concern about their own match (403); a concern of another match is 404.
 */
async function openConcern(ctx: TenantCtx, ref: ConcernRef): Promise<[Pair, Concern]> {
  const pair = await openPair(ctx, ref.matchId);
  const [concern] = await ctx.db
    .select()
    .from(concerns)
    .where(and(eq(concerns.id, ref.concernId), eq(concerns.matchId, pair.match.id)));
  if (pair.seat !== "coordinator") {
    throw new AppError("forbidden", "Another coordinator handles concerns about your own match.");
  }
  if (!concern) throw new AppError("not_found", "No such concern in this match.");
  return [pair, concern];
}

/** The concern as it now stands, with its notes, for the coordinator who changed it. */
async function handledView(ctx: TenantCtx, pair: Pair, id: string): Promise<ConcernView> {
  const [row] = await ctx.db.select().from(concerns).where(eq(concerns.id, id));
  const notes = await notesOf(ctx.db, [id]);
  return concernView(row!, raisedAs(pair, row!), notes.get(id) ?? []);
}

const alreadyResolved = () =>
  new AppError("conflict", "This concern is resolved; add a note to record any follow-up.");

/** A coordinator has read the concern and is on it; acknowledging it again changes nothing. */
export async function acknowledgeConcern({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: ConcernRef;
}): Promise<ConcernView> {
  const [pair, concern] = await openConcern(ctx, input);
  if (concern.status === "resolved") throw alreadyResolved();
  if (concern.status === "open") {
    await ctx.db.batch([
      ctx.db
        .update(concerns)
        .set({
          status: "acknowledged",
          acknowledgedBy: pair.actorId,
          acknowledgedAt: ctx.now,
          updatedAt: ctx.now,
        })
        .where(and(eq(concerns.id, concern.id), eq(concerns.status, "open"))),
      auditInsert(ctx, {
        action: "concern.acknowledge",
        subjectType: "concern",
        subjectId: concern.id,
        detail: { matchId: pair.match.id },
      }),
    ]);
  }
  return handledView(ctx, pair, concern.id);
}

/** A coordinator's handling note: what they did or learned. Coordinators alone read them. */
export async function addConcernNote({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: ConcernRef & { text: string };
}): Promise<ConcernView> {
  const [pair, concern] = await openConcern(ctx, input);
  const id = `cnn_${crypto.randomUUID().replaceAll("-", "")}`;
  await ctx.db.batch([
    ctx.db.insert(concernNotes).values({
      id,
      concernId: concern.id,
      authorId: pair.actorId,
      text: input.text,
      createdAt: ctx.now,
    }),
    ctx.db.update(concerns).set({ updatedAt: ctx.now }).where(eq(concerns.id, concern.id)),
    auditInsert(ctx, {
      action: "concern.note",
      subjectType: "concern",
      subjectId: concern.id,
      detail: { matchId: pair.match.id, noteId: id },
    }),
  ]);
  return handledView(ctx, pair, concern.id);
}

/**
 * A coordinator resolves the concern and says how: the member who raised it sees the
 * resolution with their concern and is emailed it. Resolving also acknowledges.
 */
export async function resolveConcern({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: ConcernRef & { resolution: string };
}): Promise<ConcernView> {
  const [pair, concern] = await openConcern(ctx, input);
  if (concern.status === "resolved") throw alreadyResolved();
  const [raiser] = await ctx.db
    .select({ email: members.email, displayName: members.displayName })
    .from(members)
    .where(eq(members.id, concern.raisedBy));
  const email = raiser
    ? await ctx.outbox.email(
        concernResolvedEmail({
          to: raiser,
          orgName: ctx.tenant.name,
          programName: pair.program.name,
          resolution: input.resolution,
          link: ctx.links.program(pair.program.id),
        }),
        `concern-resolved:${concern.id}`,
      )
    : [];
  await ctx.db.batch([
    ctx.db
      .update(concerns)
      .set({
        status: "resolved",
        acknowledgedBy: concern.acknowledgedBy ?? pair.actorId,
        acknowledgedAt: concern.acknowledgedAt ?? ctx.now,
        resolvedBy: pair.actorId,
        resolvedAt: ctx.now,
        resolution: input.resolution,
        updatedAt: ctx.now,
      })
      .where(eq(concerns.id, concern.id)),
    auditInsert(ctx, {
      action: "concern.resolve",
      subjectType: "concern",
      subjectId: concern.id,
      // Never the resolution's words: they may retell the concern.
      detail: { matchId: pair.match.id },
    }),
    ...email,
  ]);
  return handledView(ctx, pair, concern.id);
}
