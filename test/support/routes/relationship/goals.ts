import { asc, eq, inArray } from "drizzle-orm";
import {
  agreementAcknowledgements,
  agreementVersions,
  celebrations,
  congratulations,
  goals,
  goalUpdates,
  milestones,
} from "../../../../db/tenant/schema";
import { agreementEntryKeys } from "../../../../workers/shared/src/contracts/relationship/stored-shapes";
import type { TenantDb } from "../../../../workers/shared/src/platform/db";
import { enrollApproved, insertMatchRow } from "../../matching-fixtures";
import { insertProgram } from "../../programs-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../../security";

// Fixtures shared by the goals, celebrations, wall and feedback route tables.

/** Both people acknowledged a first version of their agreement, as the program requires. */
export async function settleAgreement(
  db: TenantDb,
  pair: { matchId: string; mentorId: string; menteeId: string },
): Promise<void> {
  const id = `agv_${crypto.randomUUID()}`;
  const now = new Date();
  const entries = Object.fromEntries(
    agreementEntryKeys.map((k) => [k, { mentor: "As agreed", mentee: "As agreed" }]),
  ) as typeof agreementVersions.$inferInsert.entries;
  await db.insert(agreementVersions).values({
    id,
    matchId: pair.matchId,
    version: 1,
    entries,
    sections: {},
    changedBy: pair.menteeId,
    createdAt: now,
  });
  await db.insert(agreementAcknowledgements).values([
    { versionId: id, memberId: pair.mentorId, at: now },
    { versionId: id, memberId: pair.menteeId, at: now },
  ]);
}

/** An active match in a new program whose mentee is the caller, its agreement settled. */
export async function settledPair(ctx: RouteCtx) {
  const programId = await insertProgram(ctx.org.db, { name: `${ctx.org.slug} program` });
  const mentor = await ctx.env.addMember(ctx.org);
  const pair = { mentorId: mentor.id, menteeId: ctx.caller.id };
  const matchId = await insertMatchRow(ctx.org.db, { programId, ...pair });
  await settleAgreement(ctx.org.db, { matchId, ...pair });
  return { programId, matchId, mentorId: mentor.id };
}

/** An active goal the caller set, with one open milestone. */
async function goalOfPair(ctx: RouteCtx) {
  const { programId, matchId } = await settledPair(ctx);
  const now = new Date();
  const goalId = `gol_${crypto.randomUUID()}`;
  const milestoneId = `mil_${crypto.randomUUID()}`;
  await ctx.org.db.insert(goals).values({
    id: goalId,
    matchId,
    title: `${ctx.org.slug}: lead a design review`,
    status: "active",
    createdBy: ctx.caller.id,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.org.db
    .insert(milestones)
    .values({ id: milestoneId, goalId, title: "Shadow one review", position: 0, createdAt: now });
  return { programId, matchId, goalId, milestoneId };
}

/** A celebration of an achieved goal, on the wall when `shared`. */
async function celebrationOfPair(ctx: RouteCtx, shared: boolean) {
  const { programId, matchId, goalId } = await goalOfPair(ctx);
  const celebrationId = `cel_${goalId}`;
  await ctx.org.db.insert(celebrations).values({
    id: celebrationId,
    matchId,
    programId,
    goalId,
    title: `${ctx.org.slug}: led a design review`,
    sharedBy: shared ? ctx.caller.id : null,
    sharedAt: shared ? new Date() : null,
    createdAt: new Date(),
  });
  return { programId, matchId, celebrationId };
}

/** A shared celebration of a program the caller takes part in (as the pair's mentee). */
async function onTheWall(ctx: RouteCtx) {
  const target = await celebrationOfPair(ctx, true);
  await enrollApproved(ctx.org.db, target.programId, ctx.caller.id, "mentee");
  return target;
}

const goalRows = async ({ org, params }: Target) => {
  const rows = await org.db.select().from(goals).where(eq(goals.matchId, params.matchId!));
  const ids = rows.map((g) => g.id);
  return {
    goals: rows.sort((a, b) => a.id.localeCompare(b.id)),
    milestones: await org.db
      .select()
      .from(milestones)
      .where(inArray(milestones.goalId, ids))
      .orderBy(asc(milestones.id)),
    updates: await org.db
      .select()
      .from(goalUpdates)
      .where(inArray(goalUpdates.goalId, ids))
      .orderBy(asc(goalUpdates.id)),
    celebrations: await org.db
      .select()
      .from(celebrations)
      .where(eq(celebrations.matchId, params.matchId!))
      .orderBy(asc(celebrations.id)),
  };
};

const cheers = async ({ org, params }: Target) =>
  org.db
    .select()
    .from(congratulations)
    .where(eq(congratulations.celebrationId, params.celebrationId!))
    .orderBy(asc(congratulations.memberId));

const goalsBase = "/v1/matches/{matchId}/goals";
const goalBase = `${goalsBase}/{goalId}`;
const wallBase = "/v1/programs/{programId}/wall";

/** A pair's own write: its two people only; coordinators and integrations are refused. */
const pairWrite = { caller: "member", scope: null } as const;

export const goalRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: goalsBase,
    caller: "member",
    scope: "goals:read",
    success: 200,
    list: { paginated: false },
    prepare: goalOfPair,
  },
  {
    method: "POST",
    path: goalsBase,
    ...pairWrite,
    success: 201,
    prepare: settledPair,
    body: () => ({
      title: "Speak up in planning meetings",
      measure: "Propose one idea in each sprint planning",
      targetOn: "2026-09-30",
      milestones: [{ title: "Prepare one idea in writing", dueOn: "2026-06-01" }],
    }),
    snapshot: goalRows,
    invalidBodies: () => ({
      "an empty title": { title: "   " },
      "a date that does not exist": { title: "Speak up", targetOn: "2026-02-30" },
      "a milestone without a title": { title: "Speak up", milestones: [{ title: "" }] },
      "too many milestones": {
        title: "Speak up",
        milestones: Array.from({ length: 21 }, (_, i) => ({ title: `Step ${i}` })),
      },
    }),
  },
  {
    method: "PATCH",
    path: goalBase,
    ...pairWrite,
    success: 200,
    prepare: goalOfPair,
    body: () => ({ title: "Lead two design reviews", targetOn: null }),
    snapshot: goalRows,
    invalidBodies: () => ({
      "nothing to change": {},
      "an empty title": { title: "" },
      "a date in another format": { targetOn: "30/09/2026" },
    }),
  },
  {
    method: "POST",
    path: `${goalBase}/progress`,
    ...pairWrite,
    success: 200,
    prepare: goalOfPair,
    body: () => ({ progress: 40, note: "Ran the first review with help" }),
    snapshot: goalRows,
    invalidBodies: () => ({
      "progress over 100": { progress: 120 },
      "negative progress": { progress: -5 },
      "a fraction": { progress: 42.5 },
      "no progress": { note: "Went well" },
    }),
  },
  {
    method: "POST",
    path: `${goalBase}/review`,
    ...pairWrite,
    success: 200,
    prepare: goalOfPair,
    body: () => ({ note: "On track; next we try a bigger review", progress: 60 }),
    snapshot: goalRows,
    invalidBodies: () => ({
      "an empty note": { note: "  " },
      "progress over 100": { note: "Good", progress: 101 },
    }),
  },
  {
    method: "POST",
    path: `${goalBase}/achieve`,
    ...pairWrite,
    success: 200,
    prepare: goalOfPair,
    snapshot: goalRows,
  },
  {
    method: "POST",
    path: `${goalBase}/drop`,
    ...pairWrite,
    success: 200,
    prepare: goalOfPair,
    body: () => ({ reason: "The team stopped holding design reviews" }),
    snapshot: goalRows,
    invalidBodies: () => ({ "no reason": {}, "an empty reason": { reason: "" } }),
  },
  {
    method: "POST",
    path: `${goalBase}/milestones`,
    ...pairWrite,
    success: 201,
    prepare: goalOfPair,
    body: () => ({ title: "Lead a small review", dueOn: "2026-07-15" }),
    snapshot: goalRows,
    invalidBodies: () => ({
      "an empty title": { title: "" },
      "a due date that is not a date": { title: "Lead", dueOn: "soon" },
    }),
  },
  {
    method: "POST",
    path: `${goalBase}/milestones/{milestoneId}/done`,
    ...pairWrite,
    success: 200,
    prepare: goalOfPair,
    snapshot: goalRows,
  },
  {
    method: "GET",
    path: "/v1/matches/{matchId}/celebrations",
    caller: "member",
    scope: "goals:read",
    success: 200,
    list: { paginated: false },
    prepare: (ctx) => celebrationOfPair(ctx, false),
  },
  {
    method: "POST",
    path: "/v1/matches/{matchId}/celebrations/{celebrationId}/share",
    ...pairWrite,
    success: 200,
    prepare: (ctx) => celebrationOfPair(ctx, false),
    snapshot: goalRows,
  },
  {
    method: "DELETE",
    path: "/v1/matches/{matchId}/celebrations/{celebrationId}/share",
    ...pairWrite,
    success: 200,
    prepare: (ctx) => celebrationOfPair(ctx, true),
    snapshot: goalRows,
  },
  {
    method: "GET",
    path: wallBase,
    caller: "member",
    scope: null,
    success: 200,
    list: { paginated: true },
    prepare: onTheWall,
  },
  {
    method: "POST",
    path: `${wallBase}/{celebrationId}/congratulate`,
    caller: "member",
    scope: null,
    success: 200,
    prepare: onTheWall,
    snapshot: cheers,
  },
  {
    method: "DELETE",
    path: `${wallBase}/{celebrationId}/congratulate`,
    caller: "member",
    scope: null,
    success: 200,
    prepare: async (ctx) => {
      const target = await onTheWall(ctx);
      await ctx.org.db.insert(congratulations).values({
        celebrationId: target.celebrationId,
        memberId: ctx.caller.id,
        createdAt: new Date(),
      });
      return target;
    },
    snapshot: cheers,
  },
];
