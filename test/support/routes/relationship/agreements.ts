import { eq, inArray } from "drizzle-orm";
import { agreementAcknowledgements, agreementVersions } from "../../../../db/tenant/schema";
import { insertMatchRow } from "../../matching-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../../security";
import { openProgram } from "../enrollments";

const base = "/v1/matches/{matchId}/agreement";

const entries = (mentee: string) => ({
  goals: { mentor: "Share what I learned changing careers", mentee },
  timeCommitment: { mentor: "An hour every two weeks", mentee: "" },
  meetingFrequency: { mentor: "", mentee: "" },
  communication: { mentor: "Email first", mentee: "" },
  boundaries: { mentor: "", mentee: "" },
});

/**
 * An active match whose mentee is the caller, with version 1 of its agreement saved by the
 * caller (so its readers see one of their organization's ids) and acknowledged by the mentor:
 * the caller still has to acknowledge it.
 */
export async function matchWithAgreement(ctx: RouteCtx) {
  const { programId } = await openProgram(ctx);
  const mentor = await ctx.env.addMember(ctx.org);
  const matchId = await insertMatchRow(ctx.org.db, {
    programId,
    mentorId: mentor.id,
    menteeId: ctx.caller.id,
  });
  const versionId = `agv_${crypto.randomUUID().replaceAll("-", "")}`;
  await ctx.org.db.insert(agreementVersions).values({
    id: versionId,
    matchId,
    version: 1,
    entries: entries("Speak up in meetings"),
    sections: {},
    changedBy: ctx.caller.id,
    createdAt: new Date(),
  });
  await ctx.org.db
    .insert(agreementAcknowledgements)
    .values({ versionId, memberId: mentor.id, at: new Date() });
  return { programId, matchId, mentorId: mentor.id };
}

const versions = async ({ org, params }: Target) =>
  org.db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.matchId, params.matchId!))
    .orderBy(agreementVersions.version);

const acknowledgements = async (target: Target) => {
  const ids = (await versions(target)).map((v) => v.id);
  if (ids.length === 0) return [];
  return target.org.db
    .select()
    .from(agreementAcknowledgements)
    .where(inArray(agreementAcknowledgements.versionId, ids))
    .orderBy(agreementAcknowledgements.memberId);
};

const myPart = {
  goals: "Lead one team meeting by June",
  timeCommitment: "Two hours a month",
  meetingFrequency: "Every other Tuesday",
  communication: "Chat for quick questions",
  boundaries: "No calls after 7pm",
};

export const agreementRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: base,
    caller: "member",
    scope: "agreements:read",
    success: 200,
    prepare: matchWithAgreement,
  },
  {
    method: "PUT",
    path: `${base}/mine`,
    caller: "member",
    scope: null,
    success: 200,
    prepare: matchWithAgreement,
    body: () => myPart,
    snapshot: versions,
    invalidBodies: () => ({
      "an entry over 2000 characters": { ...myPart, goals: "x".repeat(2001) },
      "an entry missing": { ...myPart, boundaries: undefined },
      "a number for an entry": { ...myPart, communication: 3 },
    }),
  },
  {
    method: "POST",
    path: `${base}/acknowledge`,
    caller: "member",
    scope: null,
    success: 200,
    prepare: matchWithAgreement,
    body: () => ({ version: 1 }),
    snapshot: acknowledgements,
    invalidBodies: () => ({
      "version 0": { version: 0 },
      "a fraction": { version: 1.5 },
      "a version as text": { version: "1" },
      "no version": {},
    }),
  },
  {
    method: "GET",
    path: `${base}/versions`,
    caller: "member",
    scope: "agreements:read",
    success: 200,
    list: { paginated: false },
    prepare: matchWithAgreement,
  },
  {
    method: "GET",
    path: `${base}/versions/{version}`,
    caller: "member",
    scope: "agreements:read",
    success: 200,
    prepare: async (ctx) => ({ ...(await matchWithAgreement(ctx)), version: "1" }),
  },
];
