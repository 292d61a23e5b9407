import { asc, eq, inArray } from "drizzle-orm";
import {
  agreementAcknowledgements,
  agreementVersions,
  celebrations,
  checkInResponses,
  checkIns,
  commitments,
  feedback,
  goals,
  meetings,
  milestones,
} from "../../../../../db/tenant/schema";
import type { TenantDb } from "../../../../shared/src/platform/db";

type Db = Pick<TenantDb, "select">;

/**
 * Every record of a pair's life the timeline tells of, read straight from the tables. A pair's
 * history is bounded (a program runs months, not decades), so it is read whole and paged in
 * memory. Check-in answers are left in the database: the timeline never shows them.
 */
export async function pairRecords(db: Db, matchId: string) {
  const [versions, meetingRows, commitmentRows, checkInRows, goalRows, celebrationRows] =
    await Promise.all([
      db.select().from(agreementVersions).where(eq(agreementVersions.matchId, matchId)),
      db.select().from(meetings).where(eq(meetings.matchId, matchId)),
      db.select().from(commitments).where(eq(commitments.matchId, matchId)),
      db.select().from(checkIns).where(eq(checkIns.matchId, matchId)).orderBy(asc(checkIns.period)),
      db.select().from(goals).where(eq(goals.matchId, matchId)),
      db.select().from(celebrations).where(eq(celebrations.matchId, matchId)),
    ]);
  const feedbackRows = await db
    .select({
      id: feedback.id,
      meetingId: feedback.meetingId,
      authorId: feedback.authorId,
      recipientId: feedback.recipientId,
      answers: feedback.answers,
      note: feedback.note,
      createdAt: feedback.createdAt,
    })
    .from(feedback)
    .where(eq(feedback.matchId, matchId));
  const [acks, responses, milestoneRows] = await Promise.all([
    versions.length === 0
      ? []
      : db
          .select()
          .from(agreementAcknowledgements)
          .where(
            inArray(
              agreementAcknowledgements.versionId,
              versions.map((v) => v.id),
            ),
          ),
    checkInRows.length === 0
      ? []
      : db
          .select({
            checkInId: checkInResponses.checkInId,
            memberId: checkInResponses.memberId,
            submittedAt: checkInResponses.submittedAt,
          })
          .from(checkInResponses)
          .where(
            inArray(
              checkInResponses.checkInId,
              checkInRows.map((c) => c.id),
            ),
          ),
    goalRows.length === 0
      ? []
      : db
          .select()
          .from(milestones)
          .where(
            inArray(
              milestones.goalId,
              goalRows.map((g) => g.id),
            ),
          ),
  ]);
  return {
    versions,
    acks,
    meetings: meetingRows,
    commitments: commitmentRows,
    checkIns: checkInRows,
    responses,
    goals: goalRows,
    milestones: milestoneRows,
    celebrations: celebrationRows,
    feedback: feedbackRows,
  };
}

export type PairRecords = Awaited<ReturnType<typeof pairRecords>>;
