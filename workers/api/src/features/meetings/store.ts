import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { commitments, meetings, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { TenantCtx } from "../../http/app-env";
import { openPair, type Pair } from "../pairs";
import type { OpenCommitment } from "./agenda";

export type Meeting = typeof meetings.$inferSelect;

/** The pair and one of its meetings; 404 for a meeting of another match. */
export async function openMeeting(
  ctx: TenantCtx,
  ids: { matchId: string; meetingId: string },
): Promise<{ pair: Pair; meeting: Meeting }> {
  const pair = await openPair(ctx, ids.matchId);
  return { pair, meeting: await findMeeting(ctx.db, pair, ids.meetingId) };
}

export async function findMeeting(
  db: Pick<TenantDb, "select">,
  pair: Pair,
  meetingId: string,
): Promise<Meeting> {
  const [meeting] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.matchId, pair.match.id)));
  if (!meeting) throw new AppError("not_found", "No such meeting.");
  return meeting;
}

/** What the pair promised and has not done yet, soonest due first. */
export async function openCommitmentsOf(
  db: Pick<TenantDb, "select">,
  matchId: string,
): Promise<OpenCommitment[]> {
  return db
    .select({ text: commitments.text, ownerName: members.displayName, dueOn: commitments.dueOn })
    .from(commitments)
    .innerJoin(members, eq(members.id, commitments.ownerId))
    .where(and(eq(commitments.matchId, matchId), isNull(commitments.doneAt)))
    .orderBy(asc(commitments.dueOn), asc(commitments.createdAt));
}

export interface Person {
  id: string;
  displayName: string;
  email: string;
  timeZone: string;
}

/** Names, addresses and clocks of members, by id. */
export async function peopleOf(
  db: Pick<TenantDb, "select">,
  ids: readonly string[],
): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: members.id,
      displayName: members.displayName,
      email: members.email,
      timeZone: members.timeZone,
    })
    .from(members)
    .where(inArray(members.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Only a meeting still in the calendar can be moved or cancelled. */
export function requireScheduled(meeting: Meeting, action: string): void {
  if (meeting.status !== "scheduled") {
    throw new AppError(
      "conflict",
      `This meeting is ${meeting.status}; only a scheduled meeting can be ${action}.`,
    );
  }
}

/** Who writes: one of the pair, or an integration acting for the program (never a coordinator). */
export function requireWriter(pair: Pair): void {
  if (pair.seat === "coordinator") {
    throw new AppError(
      "forbidden",
      "Coordinators read a pair's meetings; the two people of the pair arrange them.",
    );
  }
}
